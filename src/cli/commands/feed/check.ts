// `mg feed check URL|DIR`: the add-in's verification from the command line (maintainers, CI). Exits 1
// with the same one-sentence message the pane would show when the feed is bad; prints version and count
// when it is good. A directory is read through file: URLs with the same size, hash and parse checks.
import * as fs from "fs";
import * as path from "path";
import { pathToFileURL, fileURLToPath } from "url";
import { loadFeed } from "../../../core/feed/load";
import { FeedError } from "../../../core/feed/errors";
import type { FetchLike } from "../../../core/feed/fetch";
import { parseFlags } from "./publish";

const USAGE = "usage: mg feed check URL|DIR [--timeout SECONDS]";

/** fetch for http(s) and file: URLs (Node's fetch has no file: support). A missing file fails like a network error. */
export const fetchWithFiles: FetchLike = async (input, init) => {
  if (!input.startsWith("file:")) return fetch(input, init);
  const file = fileURLToPath(input);
  try {
    const bytes = await fs.promises.readFile(file);
    return new Response(new Uint8Array(bytes), { status: 200, headers: { "content-length": String(bytes.byteLength) } });
  } catch (e) {
    throw new TypeError("fetch failed", { cause: e });
  }
};

export function feedLocation(arg: string): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(arg)) return arg;
  const dir = path.resolve(arg);
  const href = pathToFileURL(dir).href;
  return fs.existsSync(dir) && fs.statSync(dir).isFile() ? href : href.replace(/\/?$/, "/");
}

export async function run(args: string[]): Promise<number> {
  if (args.includes("--help") || args.includes("-h")) {
    console.log(USAGE);
    return 0;
  }
  const { flags, rest, error } = parseFlags(args, ["timeout"]);
  if (error || rest.length !== 1) {
    console.error(`mg feed check: ${error ?? "give one feed URL or directory"}\n${USAGE}`);
    return 2;
  }
  const timeoutMs = flags.timeout ? Number(flags.timeout) * 1000 : undefined;
  if (timeoutMs !== undefined && !(timeoutMs > 0)) {
    console.error(`mg feed check: --timeout must be a number of seconds\n${USAGE}`);
    return 2;
  }
  try {
    const { manifest, dataset } = await loadFeed(feedLocation(rest[0]), { fetch: fetchWithFiles, timeoutMs });
    console.log(
      `ok: version ${manifest.version}, as of ${manifest.as_of}, ${dataset.records.length} records from ${dataset.sources.length} sources, published ${manifest.generated_at}`,
    );
    return 0;
  } catch (e) {
    console.error(e instanceof FeedError ? e.message : `mg feed check: ${(e as Error).message}`);
    return 1;
  }
}
