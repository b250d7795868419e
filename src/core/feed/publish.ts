// Maintainer side: a dataset -> the files of a feed. The records go through the same CSV writer as
// `mg corpus build --csv` (src/core/model/csv.ts). The bytes made are then read back through the add-in's
// own path (loadFeed: manifest, sizes, SHA-256, strict UTF-8, rows, schema; the code of `mg feed check`
// and of the pane's refresh) and compared field by field with what was meant, so a feed that publishes is
// a feed every client reads identically. Text that UTF-8 cannot carry (a lone surrogate) is refused first,
// naming the field. The CLI reads the files back once more from the disk before they take the feed's
// names (verifyPublishedFeed).
import { Dataset, DatasetInfo, DATASET_SCHEMA_VERSION, parseDataset } from "../model/dataset";
import { recordsToCsv } from "../model/csv";
import { ORGANIZATION_SEPARATOR, RECORD_COLUMNS } from "../model/record";
import { compareRecency } from "../model/recency";
import { findIllFormed, isWellFormedText } from "../model/unicode";
import { FeedError, oneLine } from "./errors";
import type { FetchLike } from "./fetch";
import { sha256Hex } from "./hash";
import { loadFeed } from "./load";
import { FEED_SCHEMA_VERSION, FeedManifest, INFO_FILE, MANIFEST_FILE, RECORDS_FILE } from "./manifest";

export interface PublishedFile {
  name: string;
  bytes: Uint8Array;
}

export interface PublishedFeed {
  manifest: FeedManifest;
  /** Every file to write, manifest.json last (write it last: a half-written feed then has the old manifest). */
  files: PublishedFile[];
  /** What the files hold, as the add-in reads them back: the dataset, its records in file order. */
  dataset: Dataset;
}

export async function publishFeed(input: unknown, opts: { generatedAt?: Date } = {}): Promise<PublishedFeed> {
  let dataset: Dataset;
  try {
    dataset = parseDataset(input);
  } catch (e) {
    throw new FeedError("publish", `The dataset cannot be published because it is invalid (${oneLine((e as Error).message, 160)}).`);
  }
  if (dataset.records.length === 0) {
    throw new FeedError("publish", "The dataset has no records, and clients refuse an empty feed, so nothing was published.");
  }
  const illFormed = findIllFormed(dataset);
  if (illFormed) {
    const rec = /^records\[(\d+)\]/.exec(illFormed.path);
    const id = rec ? dataset.records[Number(rec[1])].id : "";
    const which = id && isWellFormedText(id) ? ` (record ${oneLine(id, 40)})` : "";
    throw new FeedError(
      "publish",
      `The dataset cannot be published: ${illFormed.message}${which}, which UTF-8 cannot write (clients would read U+FFFD there), so nothing was published.`,
    );
  }
  for (const r of dataset.records) {
    for (const org of r.organizations) {
      if (org === "" || org.includes(ORGANIZATION_SEPARATOR)) {
        throw new FeedError(
          "publish",
          `Record ${oneLine(r.id, 40)} has the organization ${oneLine(JSON.stringify(org), 60)}, which cannot be written to one CSV cell separated by "${ORGANIZATION_SEPARATOR}", so nothing was published.`,
        );
      }
    }
  }
  // Written in the order the add-in's index keeps (most recent first, then id): the client's sort of
  // 100k records is then a linear pass. The order carries no meaning: records are a set keyed by id.
  const ordered = dataset.records.slice().sort(compareRecency);
  const csv = recordsToCsv(ordered);
  const info: DatasetInfo = {
    schema_version: DATASET_SCHEMA_VERSION,
    version: dataset.version,
    as_of: dataset.as_of,
    count: dataset.count,
    sources: dataset.sources,
  };
  const enc = new TextEncoder();
  const dataFiles: PublishedFile[] = [
    { name: INFO_FILE, bytes: enc.encode(JSON.stringify(info, null, 2) + "\n") },
    { name: RECORDS_FILE, bytes: enc.encode(csv) },
  ];
  const manifest: FeedManifest = {
    schema_version: FEED_SCHEMA_VERSION,
    version: dataset.version,
    as_of: dataset.as_of,
    generated_at: (opts.generatedAt ?? new Date()).toISOString(),
    count: dataset.records.length,
    files: await Promise.all(dataFiles.map(async (f) => ({ name: f.name, bytes: f.bytes.byteLength, sha256: await sha256Hex(f.bytes) }))),
  };
  const files = [...dataFiles, { name: MANIFEST_FILE, bytes: enc.encode(JSON.stringify(manifest, null, 2) + "\n") }];
  const feed: PublishedFeed = { manifest, files, dataset: { ...dataset, records: ordered } };
  // The bytes just made, read as a client reads them.
  const byName = new Map(files.map((f) => [f.name, f.bytes]));
  await verifyPublishedFeed(IN_MEMORY_FEED, feed, { fetch: async (url) => servedFrom(byName, url) });
  return feed;
}

const IN_MEMORY_FEED = "https://publish.invalid/feed/";

/**
 * The files as a server would answer them. A plain object with the members downloadFile reads (status,
 * headers, arrayBuffer), not a Response: a page or test environment without the Fetch API's Response
 * can publish too.
 */
function servedFrom(files: Map<string, Uint8Array>, url: string): Response {
  const bytes = url.startsWith(IN_MEMORY_FEED) ? files.get(url.slice(IN_MEMORY_FEED.length)) : undefined;
  const answer = {
    ok: bytes !== undefined,
    status: bytes ? 200 : 404,
    statusText: bytes ? "OK" : "Not Found",
    headers: { get: (name: string) => (bytes && name.toLowerCase() === "content-length" ? String(bytes.byteLength) : null) },
    body: null,
    arrayBuffer: async () => (bytes ?? new Uint8Array(0)).slice().buffer,
  };
  return answer as unknown as Response;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Reads the feed at `feedUrl` through the add-in's own loader (as `mg feed check` and the pane's refresh
 * do) and compares it, field by field, with what `feed` meant to publish. Throws FeedError("publish")
 * naming the first difference, or the add-in's own message when it would refuse the feed.
 */
export async function verifyPublishedFeed(feedUrl: string, feed: PublishedFeed, opts: { fetch?: FetchLike } = {}): Promise<void> {
  const fail = (what: string) => new FeedError("publish", `The feed as written ${what}, so nothing was published.`);
  let loaded: Awaited<ReturnType<typeof loadFeed>>;
  try {
    loaded = await loadFeed(feedUrl, { fetch: opts.fetch });
  } catch (e) {
    const message = e instanceof Error ? e.message.replace(/\.$/, "") : String(e);
    throw fail(`would be refused by the add-in ("${oneLine(message, 300)}")`);
  }
  const expected = feed.dataset;
  const got = loaded.dataset;
  for (const k of ["version", "as_of", "count"] as const) {
    if (!same(expected[k], got[k])) throw fail(`reads back with another ${k} (${oneLine(JSON.stringify(got[k]), 40)} instead of ${oneLine(JSON.stringify(expected[k]), 40)})`);
  }
  for (let i = 0; i < Math.max(expected.sources.length, got.sources.length); i++) {
    const a = expected.sources[i] as unknown as Record<string, unknown> | undefined;
    const b = got.sources[i] as unknown as Record<string, unknown> | undefined;
    const field = a && b ? Object.keys(a).find((k) => !same(a[k], b[k])) : "";
    if (field !== undefined) throw fail(`reads back with another ${INFO_FILE}: sources[${i}]${field ? `.${field}` : " is missing or extra"}`);
  }
  if (got.records.length !== expected.records.length) {
    throw fail(`reads back with ${got.records.length} records instead of ${expected.records.length}`);
  }
  for (let i = 0; i < expected.records.length; i++) {
    const a = expected.records[i];
    const b = got.records[i];
    const field = RECORD_COLUMNS.find((c) => !same(a[c], b[c]));
    if (field) {
      throw fail(
        `does not read back as published: record ${oneLine(a.id, 40)} (row ${i + 2} of ${RECORDS_FILE}) has the ${field} ${oneLine(JSON.stringify(b[field]), 60)} instead of ${oneLine(JSON.stringify(a[field]), 60)}`,
      );
    }
  }
  const manifestField = (Object.keys(feed.manifest) as (keyof FeedManifest)[]).find((k) => !same(feed.manifest[k], loaded.manifest[k]));
  if (manifestField) throw fail(`reads back with another ${MANIFEST_FILE} (field "${manifestField}")`);
}
