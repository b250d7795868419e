// Maintainer side: a dataset -> the files of a feed. The records go through the same CSV writer as
// `mg corpus build --csv` (src/core/model/csv.ts), then are parsed back with the client's parser and
// compared, so a feed that publishes is a feed every client can read (no silent loss in the CSV form).
import { Dataset, DatasetInfo, DATASET_SCHEMA_VERSION, parseDataset } from "../model/dataset";
import { recordsToCsv } from "../model/csv";
import { ORGANIZATION_SEPARATOR, RECORD_COLUMNS } from "../model/record";
import { compareRecency } from "../model/recency";
import { parseRecordsCsv } from "./csv";
import { FeedError, oneLine } from "./errors";
import { sha256Hex } from "./hash";
import { FEED_SCHEMA_VERSION, FeedManifest, INFO_FILE, MANIFEST_FILE, RECORDS_FILE } from "./manifest";

export interface PublishedFile {
  name: string;
  bytes: Uint8Array;
}

export interface PublishedFeed {
  manifest: FeedManifest;
  /** Every file to write, manifest.json last (write it last: a half-written feed then has the old manifest). */
  files: PublishedFile[];
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
  for (const r of dataset.records) {
    for (const org of r.organizations) {
      if (org === "" || org.includes(ORGANIZATION_SEPARATOR)) {
        throw new FeedError(
          "publish",
          `Record ${r.id} has the organization "${oneLine(org, 40)}", which cannot be written to one CSV cell separated by "${ORGANIZATION_SEPARATOR}", so nothing was published.`,
        );
      }
    }
  }
  // Written in the order the add-in's index keeps (most recent first, then id): the client's sort of
  // 100k records is then a linear pass. The order carries no meaning: records are a set keyed by id.
  const ordered = dataset.records.slice().sort(compareRecency);
  const csv = recordsToCsv(ordered);
  const back = parseRecordsCsv(csv);
  for (let i = 0; i < back.length; i++) {
    const a = ordered[i];
    const b = back[i];
    const differs = RECORD_COLUMNS.find((c) => JSON.stringify(a[c]) !== JSON.stringify(b[c]));
    if (differs) throw new FeedError("publish", `Record ${a.id} does not survive the CSV form (field "${differs}"), so nothing was published.`);
  }
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
  return { manifest, files };
}
