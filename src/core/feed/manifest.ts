// The published feed's manifest (manifest.json) and its metadata file (dataset-info.json).
//
// A feed is a directory a static web server can host:
//   manifest.json      this file: what the feed holds and the SHA-256 of every other file
//   dataset-info.json  the dataset's metadata besides its records (version, as_of, sources)
//   records.csv        the records, RFC 4180, UTF-8, RECORD_COLUMNS order
// The manifest is read first and is small, so a client can decide "nothing newer" before downloading.
import { z } from "zod";
import { DatasetInfo, DatasetInfoSchema } from "../model/dataset";
import { IsoDate } from "../model/record";
import { FeedError, oneLine } from "./errors";
import { CLOCK_MARGIN_MS, isFutureDate, isFutureTime } from "./version";

/** Bumped only when a client of version N could misread a feed (new required file, changed column meaning). */
export const FEED_SCHEMA_VERSION = 2;
export const MANIFEST_FILE = "manifest.json";
export const RECORDS_FILE = "records.csv";
export const INFO_FILE = "dataset-info.json";

/** A file name the manifest may list: a plain name in the feed's own directory, never a path. */
const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

export const FeedFileSchema = z
  .object({
    name: z.string().regex(FILE_NAME, "expected a plain file name such as records.csv"),
    bytes: z.number().int().nonnegative(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/, "expected 64 lowercase hex digits"),
  })
  .strict();
export type FeedFile = z.infer<typeof FeedFileSchema>;

export const FeedManifestSchema = z.object({
  schema_version: z.literal(FEED_SCHEMA_VERSION),
  /** The dataset's version ("<as_of>.<8 hex>"), see version.ts for how versions are ordered. */
  version: z.string().min(1),
  /** The dataset's "as of" date (newest source), copied here so clients can order versions before downloading. */
  as_of: IsoDate,
  /** When the feed was published (ISO 8601 UTC). Orders two feeds of the same as_of date. */
  generated_at: z.iso.datetime({ offset: true }),
  count: z.number().int().nonnegative(),
  files: z.array(FeedFileSchema).min(1),
});
export type FeedManifest = z.infer<typeof FeedManifestSchema>;


function describeIssue(issue: z.core.$ZodIssue): { path: string; missing: boolean; message: string } {
  const path = issue.path.map(String).join(".") || "(root)";
  const missing = issue.code === "invalid_type" && /received undefined/.test(issue.message);
  return { path, missing, message: issue.message.replace(/\.$/, "") };
}

export interface ManifestCheckOptions {
  /** The clock the feed's dates are held to (ms since 1970); default Date.now(). */
  now?: number;
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * Parses manifest.json text: wrong schema version and missing fields get their own messages. An as_of or
 * generated_at after now plus 2 days is refused: such a feed would rank above every genuine one.
 */
export function parseManifest(text: string, opts: ManifestCheckOptions = {}): FeedManifest {
  const now = opts.now ?? Date.now();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new FeedError("manifest", `The feed's ${MANIFEST_FILE} is not valid JSON.`);
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    throw new FeedError("manifest", `The feed's ${MANIFEST_FILE} is not a JSON object.`);
  }
  const sv = (json as Record<string, unknown>).schema_version;
  if (sv === undefined) throw new FeedError("manifest", `The feed's ${MANIFEST_FILE} is missing the field "schema_version".`);
  if (typeof sv === "number" && Number.isInteger(sv) && sv >= 1 && sv < FEED_SCHEMA_VERSION) {
    throw new FeedError(
      "schema_version",
      `The feed uses schema version ${sv}, older than the version ${FEED_SCHEMA_VERSION} this add-in reads (its records lack the price, grade, basis and status columns), so it cannot be used until its publisher publishes it again with this version's "mg feed publish".`,
    );
  }
  if (sv !== FEED_SCHEMA_VERSION) {
    throw new FeedError(
      "schema_version",
      `The feed uses schema version ${oneLine(JSON.stringify(sv), 20)} but this add-in reads version ${FEED_SCHEMA_VERSION}, so it cannot be used (update the add-in or publish a version ${FEED_SCHEMA_VERSION} feed).`,
    );
  }
  const result = FeedManifestSchema.safeParse(json);
  if (!result.success) {
    const d = describeIssue(result.error.issues[0]);
    throw new FeedError(
      "manifest",
      d.missing
        ? `The feed's ${MANIFEST_FILE} is missing the field "${d.path}".`
        : `The feed's ${MANIFEST_FILE} has an invalid "${d.path}" (${d.message}).`,
    );
  }
  const manifest = result.data;
  const margin = `${CLOCK_MARGIN_MS / 86_400_000} days`;
  if (isFutureDate(manifest.as_of, now)) {
    throw new FeedError(
      "manifest",
      `The feed's ${MANIFEST_FILE} is dated as of ${manifest.as_of}, more than ${margin} after today (${isoDay(now)}), so it was not used: a feed from the future would make every genuine feed look older.`,
    );
  }
  if (isFutureTime(manifest.generated_at, now)) {
    throw new FeedError(
      "manifest",
      `The feed's ${MANIFEST_FILE} says it was published at ${manifest.generated_at}, more than ${margin} after now (${new Date(now).toISOString()}), so it was not used: check the publisher's clock.`,
    );
  }
  const names = new Set<string>();
  for (const f of manifest.files) {
    if (names.has(f.name)) throw new FeedError("manifest", `The feed's ${MANIFEST_FILE} lists ${f.name} twice.`);
    names.add(f.name);
  }
  for (const required of [RECORDS_FILE, INFO_FILE]) {
    if (!names.has(required)) throw new FeedError("manifest", `The feed's ${MANIFEST_FILE} does not list ${required}.`);
  }
  return manifest;
}

/** Parses dataset-info.json text (already checked against its hash) and checks it agrees with the manifest. */
export function parseDatasetInfo(text: string, manifest: FeedManifest): DatasetInfo {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new FeedError("manifest", `The feed's ${INFO_FILE} is not valid JSON.`);
  }
  const result = DatasetInfoSchema.safeParse(json);
  if (!result.success) {
    const d = describeIssue(result.error.issues[0]);
    throw new FeedError(
      "manifest",
      d.missing ? `The feed's ${INFO_FILE} is missing the field "${d.path}".` : `The feed's ${INFO_FILE} has an invalid "${d.path}" (${d.message}).`,
    );
  }
  const info = result.data;
  for (const key of ["version", "as_of", "count"] as const) {
    if (info[key] !== manifest[key]) {
      throw new FeedError(
        "mismatch",
        `The feed's ${INFO_FILE} says ${key} ${oneLine(JSON.stringify(info[key]), 40)} but its ${MANIFEST_FILE} says ${oneLine(JSON.stringify(manifest[key]), 40)}.`,
      );
    }
  }
  return info;
}
