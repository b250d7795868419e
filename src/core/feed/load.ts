// Reads and verifies a whole feed: manifest -> (caller may stop here) -> dataset-info.json and records.csv,
// each size-limited, checked against its SHA-256, decoded as strict UTF-8, parsed and validated row by
// row. The result is a Dataset or a FeedError; nothing is kept from a feed that fails any check.
import { Dataset, DATASET_SCHEMA_VERSION } from "../model/dataset";
import type { MgRecord } from "../model/record";
import { findIllFormed } from "../model/unicode";
import { parseRecordsCsvBytesAsync } from "./csv";
import { CANCELLED_MESSAGE, FeedError, formatBytes, asFeedError } from "./errors";
import { decodeUtf8, downloadFile, FetchLike } from "./fetch";
import { sha256Hex } from "./hash";
import { FeedFile, FeedManifest, INFO_FILE, MANIFEST_FILE, parseDatasetInfo, parseManifest, RECORDS_FILE } from "./manifest";

export interface FeedLimits {
  manifestBytes: number;
  infoBytes: number;
  recordsBytes: number;
}

/** 256 MB of CSV is ~500k records of today's shape: ample for a news corpus, small enough for a pane. */
export const DEFAULT_LIMITS: FeedLimits = { manifestBytes: 256 * 1024, infoBytes: 16 * 1024 * 1024, recordsBytes: 256 * 1024 * 1024 };
export const DEFAULT_TIMEOUT_MS = 30_000;

export type FeedPhase = "manifest" | "download" | "verify" | "parse" | "swap" | "save" | "recalc";

export interface FeedProgress {
  phase: FeedPhase;
  /** What is happening, for a status line ("Downloading records.csv: 3.1 MB of 12.0 MB"). */
  message: string;
  /** Share of the whole refresh done, 0..1, when known. */
  fraction?: number;
}

export interface LoadFeedOptions {
  fetch?: FetchLike;
  signal?: AbortSignal;
  timeoutMs?: number;
  limits?: Partial<FeedLimits>;
  onProgress?: (p: FeedProgress) => void;
  /**
   * Called with each record as it is read, in file order, before the file is verified (a caller that
   * builds something from them keeps it only if loadFeed resolves). See RecordIndexBuilder.
   */
  onRecord?: (record: MgRecord) => void;
  /** Called with the verified manifest before any data file is downloaded; throw to stop. */
  beforeDownload?: (manifest: FeedManifest) => void;
  /** The clock the manifest's dates are held to (parseManifest); default Date.now. */
  now?: () => number;
}

export interface FeedUrls {
  /** The directory URL the file names are relative to (ends with "/"). */
  base: string;
  manifest: string;
}

/** Accepts "https://host/feed/", "https://host/feed" or ".../manifest.json". */
export function resolveFeedUrls(feedUrl: string): FeedUrls {
  let url: URL;
  try {
    url = new URL(feedUrl.trim());
  } catch {
    throw new FeedError("invalid_url", `"${feedUrl.trim().slice(0, 80)}" is not a valid feed URL (expected something like https://example.org/feed/).`);
  }
  if (!["http:", "https:", "file:"].includes(url.protocol)) {
    throw new FeedError("invalid_url", `The feed URL must start with https:// (or http:// on localhost), not ${url.protocol}//.`);
  }
  url.hash = "";
  if (url.pathname.endsWith("/" + MANIFEST_FILE)) {
    return { base: new URL(".", url).href, manifest: url.href };
  }
  if (!url.pathname.endsWith("/")) url.pathname += "/";
  return { base: url.href, manifest: new URL(MANIFEST_FILE, url).href };
}

/** The pane's policy for user-entered URLs: https anywhere, http only on this machine. */
export function checkFeedUrlPolicy(feedUrl: string): void {
  const { manifest } = resolveFeedUrls(feedUrl);
  const url = new URL(manifest);
  const local = ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
  if (url.protocol === "https:") return;
  if (url.protocol === "http:" && local) return;
  throw new FeedError("invalid_url", "The feed URL must start with https:// (plain http:// is allowed only for localhost or 127.0.0.1).");
}

export interface LoadedFeed {
  manifest: FeedManifest;
  dataset: Dataset;
  urls: FeedUrls;
}

/** Downloads one listed file, refusing it when over the limit or not exactly the declared size. */
async function fetchListed(
  entry: FeedFile,
  maxBytes: number,
  urls: FeedUrls,
  opts: LoadFeedOptions,
  timeoutMs: number,
  onBytes?: (loaded: number, total?: number) => void,
): Promise<Uint8Array> {
  if (entry.bytes > maxBytes) {
    throw new FeedError("too_large", `${entry.name} is ${formatBytes(entry.bytes)}, more than the limit of ${formatBytes(maxBytes)}, so it was not downloaded.`);
  }
  const url = new URL(entry.name, urls.base).href;
  const bytes = await downloadFile(url, {
    fetch: opts.fetch,
    signal: opts.signal,
    timeoutMs,
    maxBytes,
    expectedBytes: entry.bytes,
    label: entry.name,
    onBytes,
  });
  if (bytes.byteLength !== entry.bytes) {
    throw sizeMismatch(entry, bytes.byteLength);
  }
  return bytes;
}

function sizeMismatch(entry: FeedFile, bytes: number): FeedError {
  return new FeedError("size_mismatch", `${entry.name} is ${bytes} bytes but the manifest declares ${entry.bytes}, so it is incomplete or was changed after publishing.`);
}

function checksumError(entry: FeedFile): FeedError {
  return new FeedError("checksum", `${entry.name} does not match the SHA-256 checksum in the manifest, so it is corrupt or was changed after publishing.`);
}

/**
 * JSON escapes ("\ud800") can put a lone surrogate into text that is valid UTF-8; the manifest's and
 * dataset-info.json's strings are checked here once. records.csv needs no such check: it is decoded as
 * strict UTF-8, which cannot hold a lone surrogate, so its records are well-formed by construction.
 */
function checkWellFormed(value: unknown, file: string): void {
  const bad = findIllFormed(value);
  if (bad) throw new FeedError("manifest", `The feed's ${file} has text that is not well-formed Unicode: ${bad.message}.`);
}

async function fetchVerifiedText(
  entry: FeedFile,
  maxBytes: number,
  urls: FeedUrls,
  opts: LoadFeedOptions,
  timeoutMs: number,
): Promise<string> {
  const bytes = await fetchListed(entry, maxBytes, urls, opts, timeoutMs);
  if ((await sha256Hex(bytes)) !== entry.sha256) throw checksumError(entry);
  return decodeUtf8(bytes, entry.name);
}

/**
 * The downloaded records.csv -> its records: size and SHA-256 against the manifest's entry (the hash
 * computed by Web Crypto while the text is parsed, in a worker from 1 MB where one can run: hash.ts),
 * strict UTF-8, papaparse, every row validated, and the manifest's record count. Nothing parsed is returned unless the hash matches,
 * and a mismatch is reported as such whatever the parser thought. Throws FeedError only.
 */
export async function verifyRecordsFile(
  bytes: Uint8Array,
  entry: FeedFile,
  count: number,
  opts: Pick<LoadFeedOptions, "signal" | "onRecord" | "onProgress"> = {},
): Promise<MgRecord[]> {
  const progress = opts.onProgress ?? (() => undefined);
  if (bytes.byteLength !== entry.bytes) {
    throw sizeMismatch(entry, bytes.byteLength);
  }
  const hash = sha256Hex(bytes, opts.signal);
  hash.catch(() => undefined); // awaited below; this only keeps a cancelled refresh from an unhandled rejection
  progress({ phase: "parse", message: `Checking ${count.toLocaleString("en-US")} records`, fraction: 0.6 });
  let records: MgRecord[] | undefined;
  let parseError: unknown;
  try {
    records = await parseRecordsCsvBytesAsync(bytes, {
      signal: opts.signal,
      onRecord: opts.onRecord,
      expectedRecords: count,
      onProgress: (done, fraction) =>
        progress({
          phase: "parse",
          message: `Checking records: ${done.toLocaleString("en-US")} of ${count.toLocaleString("en-US")}`,
          fraction: 0.6 + 0.3 * fraction,
        }),
    });
  } catch (e) {
    parseError = e;
  }
  if (parseError instanceof FeedError && parseError.code === "cancelled") throw parseError;
  let digest: string;
  try {
    digest = await hash;
  } catch (e) {
    // cancelled while the worker was still hashing
    if (opts.signal?.aborted) throw new FeedError("cancelled", CANCELLED_MESSAGE);
    throw asFeedError(e);
  }
  if (digest !== entry.sha256) throw checksumError(entry);
  if (!records) throw asFeedError(parseError);
  if (records.length !== count) {
    throw new FeedError(
      records.length === 0 ? "empty" : "mismatch",
      records.length === 0
        ? `The feed is empty (${RECORDS_FILE} has a header but no records), so it was not used.`
        : `${RECORDS_FILE} holds ${records.length} records but the manifest says ${count}.`,
    );
  }
  return records;
}

/** Downloads and verifies a feed; throws FeedError only. */
export async function loadFeed(feedUrl: string, opts: LoadFeedOptions = {}): Promise<LoadedFeed> {
  try {
    return await loadFeedUnwrapped(feedUrl, opts);
  } catch (e) {
    if (opts.signal?.aborted && !(e instanceof FeedError && e.code === "cancelled")) throw new FeedError("cancelled", CANCELLED_MESSAGE);
    throw asFeedError(e);
  }
}

async function loadFeedUnwrapped(feedUrl: string, opts: LoadFeedOptions): Promise<LoadedFeed> {
  const limits = { ...DEFAULT_LIMITS, ...opts.limits };
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const progress = opts.onProgress ?? (() => undefined);
  const urls = resolveFeedUrls(feedUrl);

  progress({ phase: "manifest", message: "Reading the feed's manifest", fraction: 0 });
  const manifestBytes = await downloadFile(urls.manifest, {
    fetch: opts.fetch,
    signal: opts.signal,
    timeoutMs,
    maxBytes: limits.manifestBytes,
    label: MANIFEST_FILE,
  });
  const manifest = parseManifest(decodeUtf8(manifestBytes, MANIFEST_FILE), { now: opts.now?.() });
  checkWellFormed(manifest, MANIFEST_FILE);
  if (manifest.count === 0) throw new FeedError("empty", "The feed is empty (its manifest lists 0 records), so it was not used.");
  opts.beforeDownload?.(manifest);

  const entry = (name: string) => manifest.files.find((f) => f.name === name) as FeedFile;
  const infoText = await fetchVerifiedText(entry(INFO_FILE), limits.infoBytes, urls, opts, timeoutMs);
  const info = parseDatasetInfo(infoText, manifest);
  checkWellFormed(info, INFO_FILE);

  const csvEntry = entry(RECORDS_FILE);
  const csvBytes = await fetchListed(csvEntry, limits.recordsBytes, urls, opts, timeoutMs, (loaded, total) => {
    const of = total ? ` of ${formatBytes(total)}` : "";
    progress({ phase: "download", message: `Downloading ${RECORDS_FILE}: ${formatBytes(loaded)}${of}`, fraction: total ? 0.05 + 0.55 * (loaded / total) : undefined });
  });
  const records = await verifyRecordsFile(csvBytes, csvEntry, manifest.count, {
    signal: opts.signal,
    onRecord: opts.onRecord,
    onProgress: progress,
  });
  const dataset: Dataset = {
    schema_version: DATASET_SCHEMA_VERSION,
    version: info.version,
    as_of: info.as_of,
    count: records.length,
    sources: info.sources,
    records,
  };
  return { manifest, dataset, urls };
}
