// The build: inputs (bytes) -> read -> segment -> extract -> records with ids and provenance -> Dataset.
// Deterministic: the same inputs give the same file byte for byte (ids, order, version).
// Plain TypeScript, browser-safe.
import { DATASET_SCHEMA_VERSION, Dataset, parseDataset, SourceInfo } from "../model/dataset";
import { MgRecord, RECORD_COLUMNS, RECORD_KINDS, fieldTooLongForCell } from "../model/record";
import { extractDrafts } from "./extract";
import { fnv1a64 } from "./hash";
import { readInput, ReadOptions } from "./readers";
import { segmentArticle } from "./segment";
import type { Article, InputProblem, RecordDraft, Sentence } from "./types";
import { evidenceLocator, NOT_IN_ARTICLE } from "./evidence";

export interface BuildInput {
  /** File path (relative, "/" separated) or URL; names the input in problems and in `sources`. */
  origin: string;
  bytes: Uint8Array;
}

export interface BuildOptions extends ReadOptions {
  /** Overrides the computed dataset version. */
  version?: string;
}

export interface BuildResult {
  dataset: Dataset;
  /** One line each: an input that could not be read (and was skipped), or a record that was dropped. */
  problems: InputProblem[];
  /** Origins of the inputs from which at least one article was read. */
  read: string[];
}

/** Fields that identify a record within its source; entity names are left out so alias edits keep ids. */
function identityKey(r: Omit<MgRecord, "id">): string {
  return JSON.stringify([
    r.source_id, r.kind, r.evidence, r.date, r.date_end, r.date_effective, r.title, r.product, r.code,
    r.value, r.value_max, r.unit, r.per, r.qualifier,
    // Fields added with schema 2, only when set: the ids of records that do not use them stay as they were.
    ...(r.grade || r.basis || r.price_type || r.status ? [r.grade, r.basis, r.price_type, r.status] : []),
    ...(r.date_evidence ? [r.date_evidence] : []),
  ]);
}

function withProvenance(d: RecordDraft, a: Article): Omit<MgRecord, "id"> {
  const full: Record<string, unknown> = {
    ...d,
    source_id: a.source_id,
    source_title: a.title,
    source_outlet: a.outlet,
    source_url: a.url,
    source_published: a.published,
  };
  // Column order, and only the model's fields: an extractor's extra field must not leak into the dataset.
  const out: Record<string, unknown> = {};
  for (const c of RECORD_COLUMNS) if (c !== "id") out[c] = full[c];
  return out as Omit<MgRecord, "id">;
}

const compare = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);

/** Gives every record its id; identical records collapse to one, colliding ids get "-2", "-3" in content order. */
function assignIds(records: Omit<MgRecord, "id">[]): MgRecord[] {
  const groups = new Map<string, { json: string; r: Omit<MgRecord, "id"> }[]>();
  for (const r of records) {
    const id = fnv1a64(identityKey(r));
    const group = groups.get(id) ?? [];
    group.push({ json: JSON.stringify(r), r });
    groups.set(id, group);
  }
  const out: MgRecord[] = [];
  for (const [id, group] of groups) {
    group.sort((x, y) => compare(x.json, y.json));
    let n = 0;
    let last = "";
    for (const { json, r } of group) {
      if (json === last) continue;
      last = json;
      n++;
      out.push({ id: n === 1 ? id : `${id}-${n}`, ...r });
    }
  }
  return out;
}

function uniqueSourceIds(articles: Article[], problems: InputProblem[]): Article[] {
  const byId = new Map<string, Article>();
  const out: Article[] = [];
  for (let a of articles) {
    const prior = byId.get(a.source_id);
    if (prior) {
      if (prior.paragraphs.join("\n") === a.paragraphs.join("\n")) {
        problems.push({ origin: a.origin, message: `is the same article as ${prior.origin} (source ${a.source_id}); skipped` });
        continue;
      }
      let n = 2;
      while (byId.has(`${a.source_id}-${n}`)) n++;
      a = { ...a, source_id: `${a.source_id}-${n}` };
    }
    byId.set(a.source_id, a);
    out.push(a);
  }
  return out;
}

/** Builds the dataset. Bad inputs become problems (one per input); only a pipeline bug throws. */
export function buildDataset(inputs: readonly BuildInput[], opts: BuildOptions = {}): BuildResult {
  const problems: InputProblem[] = [];
  const read: string[] = [];
  let articles: Article[] = [];
  const sorted = [...inputs].sort((a, b) => compare(a.origin, b.origin));
  for (const input of sorted) {
    const r = readInput(input, opts);
    if (r.problem) problems.push(r.problem);
    if (r.articles.length > 0) read.push(input.origin);
    articles.push(...r.articles);
  }
  articles = uniqueSourceIds(articles, problems).sort((a, b) => compare(a.source_id, b.source_id));

  const sources: SourceInfo[] = [];
  const all: MgRecord[] = [];
  articles.forEach((a) => {
    let drafts: RecordDraft[];
    let sentences: Sentence[] = [];
    try {
      sentences = segmentArticle(a);
      drafts = extractDrafts(a, sentences);
    } catch (e) {
      problems.push({ origin: a.origin, message: `could not be extracted (${e instanceof Error ? e.message : String(e)}); no records from it` });
      drafts = [];
    }
    // Where each evidence sits (its reading position), from the sentences' spans: linear in the article.
    const pos = evidenceLocator(a, sentences);
    const kept: Omit<MgRecord, "id">[] = [];
    for (const d of drafts) {
      // Never invent: evidence must be the article's own text (a sentence, or the span of one paragraph from
      // the sentence a name was taken from through the record's sentence).
      if (!d.evidence || pos(d.evidence) === NOT_IN_ARTICLE) {
        problems.push({ origin: a.origin, message: `gave a ${d.kind} record whose evidence is not verbatim article text (record dropped): "${String(d.evidence).slice(0, 80)}"` });
        continue;
      }
      if (d.date_evidence && pos(d.date_evidence) === NOT_IN_ARTICLE) {
        problems.push({ origin: a.origin, message: `gave a ${d.kind} record whose date evidence is not verbatim article text (record dropped): "${d.date_evidence.slice(0, 80)}"` });
        continue;
      }
      const record = withProvenance(d, a);
      const tooLong = fieldTooLongForCell(record);
      if (tooLong) {
        problems.push({ origin: a.origin, message: `gave a ${d.kind} record that does not fit in Excel (${tooLong}): record dropped` });
        continue;
      }
      kept.push(record);
    }
    const records = assignIds(kept).sort(
      (x, y) =>
        compare(pos(x.evidence), pos(y.evidence)) ||
        compare(RECORD_KINDS.indexOf(x.kind), RECORD_KINDS.indexOf(y.kind)) ||
        compare(x.id, y.id),
    );
    all.push(...records);
    sources.push({
      source_id: a.source_id,
      title: a.title,
      outlet: a.outlet,
      url: a.url,
      published: a.published,
      origin: a.origin,
      format: a.format,
      record_count: records.length,
    });
  });

  const asOf = sources.reduce((m, s) => (s.published > m ? s.published : m), "");
  const version = opts.version ?? `${asOf || "undated"}.${fnv1a64(JSON.stringify(all)).slice(0, 8)}`;
  const dataset = parseDataset({
    schema_version: DATASET_SCHEMA_VERSION,
    version,
    as_of: asOf,
    count: all.length,
    sources,
    records: all,
  });
  return { dataset, problems, read };
}

/** The dataset file's text: validated, pretty (2 spaces), trailing newline. */
export function serializeDataset(dataset: Dataset): string {
  return JSON.stringify(parseDataset(dataset), null, 2) + "\n";
}

/** Reads a dataset file's text and validates it; the error names the file and the bad field. */
export function loadDataset(text: string, name = "dataset"): Dataset {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new Error(`${name} is not valid JSON (${e instanceof Error ? e.message : String(e)})`, { cause: e });
  }
  try {
    return parseDataset(data);
  } catch (e) {
    throw new Error(`${name}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
}
