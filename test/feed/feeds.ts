// Good and broken feeds for the tests, built by the real publisher then damaged one way each. Where a
// damage would otherwise be caught by the checksum first, the manifest is re-hashed so the check under
// test is the one that fires.
import { createHash } from "crypto";
import { publishFeed } from "../../src/core/feed/publish";
import type { Dataset } from "../../src/core/model/dataset";

export type FeedFiles = Record<string, Uint8Array>;

export async function feedFiles(ds: Dataset, generatedAt = new Date("2021-03-01T00:00:00Z")): Promise<FeedFiles> {
  const feed = await publishFeed(ds, { generatedAt });
  return Object.fromEntries(feed.files.map((f) => [f.name, f.bytes]));
}

export const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
export const text = (b: Uint8Array): string => new TextDecoder().decode(b);

export function manifestOf(files: FeedFiles): Record<string, any> {
  return JSON.parse(text(files["manifest.json"]));
}

export function withManifest(files: FeedFiles, edit: (m: Record<string, any>) => void): FeedFiles {
  const m = manifestOf(files);
  edit(m);
  return { ...files, "manifest.json": utf8(JSON.stringify(m)) };
}

/** Replaces a data file and updates its size and hash in the manifest (a consistent but bad feed). */
export function replaceFile(files: FeedFiles, name: string, bytes: Uint8Array): FeedFiles {
  return withManifest({ ...files, [name]: bytes }, (m) => {
    const entry = m.files.find((f: { name: string }) => f.name === name);
    entry.bytes = bytes.byteLength;
    entry.sha256 = createHash("sha256").update(bytes).digest("hex");
  });
}
