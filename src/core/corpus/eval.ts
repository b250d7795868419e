// Evaluation of a dataset against a hand-written gold file: precision and recall per record kind.
// A gold record is a fact an analyst read in a source; a prediction matches it when it is the same kind, comes
// from the same source, cites an overlapping sentence and agrees on the fields that make the fact (its date,
// its number, its unit...). Matching is one-to-one, so two predictions of one fact count one hit and one error.
// Plain TypeScript: runs in Node and in a browser.
import { z } from "zod";
import { IsoDate, PERIODS, PRICE_TYPES, QUALIFIERS, RECORD_KINDS, STATUSES, type MgRecord, type RecordKind } from "../model/record";
import type { Dataset } from "../model/dataset";

export const GoldRecordSchema = z
  .object({
    /** File name of the source article, as in ../shared/corpus ("smm-seres-magnesium-rear-body.txt"). */
    source: z.string().min(1),
    kind: z.enum(RECORD_KINDS),
    date: IsoDate,
    date_end: IsoDate,
    date_effective: IsoDate,
    title: z.string(),
    subject: z.string(),
    region: z.string().optional(),
    value: z.number().finite().nullable(),
    value_max: z.number().finite().nullable(),
    unit: z.string(),
    per: z.enum(PERIODS),
    qualifier: z.enum(QUALIFIERS),
    product: z.string(),
    code: z.string(),
    /** Fields of schema 2 (prices, planned capacity); a gold written before them leaves them out. */
    grade: z.string().default(""),
    basis: z.string().default(""),
    price_type: z.enum(PRICE_TYPES).default(""),
    status: z.enum(STATUSES).default(""),
    /** The sentence, verbatim from the source (test/corpus/gold.test.ts checks it). */
    evidence: z.string().min(1),
    /** Where the date is written when not in the sentence (a dateline or heading that governs it), verbatim. */
    date_evidence: z.string().optional(),
    /** Why the record is what it is, for borderline cases. */
    note: z.string().optional(),
  })
  .strict();
export type GoldRecord = z.infer<typeof GoldRecordSchema>;

export const GoldFileSchema = z
  .object({
    description: z.string().optional(),
    /** Every source the gold covers, including those with no records (their predictions are all false positives). */
    sources: z.array(
      z.object({ file: z.string().min(1), published: IsoDate, records_expected: z.string().optional() }).strict(),
    ),
    records: z.array(GoldRecordSchema),
  })
  .strict()
  .superRefine((g, ctx) => {
    const files = new Set(g.sources.map((s) => s.file));
    g.records.forEach((r, i) => {
      if (!files.has(r.source)) {
        ctx.addIssue({ code: "custom", message: `source "${r.source}" is not listed in sources`, path: ["records", i, "source"] });
      }
    });
  });
export type GoldFile = z.infer<typeof GoldFileSchema>;

/** Parse and validate a gold file; throws an Error naming the first bad field. */
export function parseGold(input: unknown): GoldFile {
  const result = GoldFileSchema.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`Invalid gold file at ${issue.path.join(".") || "(root)"}: ${issue.message}`);
  }
  return result.data;
}

/** Several gold files (one per article, or per set of articles) as one. A source listed twice is listed once. */
export function mergeGold(files: GoldFile[]): GoldFile {
  const sources = new Map<string, GoldFile["sources"][number]>();
  for (const f of files) for (const s of f.sources) if (!sources.has(s.file)) sources.set(s.file, s);
  return { sources: [...sources.values()], records: files.flatMap((f) => f.records) };
}

/** The kinds the test suite holds to a bar (the others are reported, not enforced). */
export const THRESHOLDS: Partial<Record<RecordKind, { precision: number; recall: number }>> = {
  policy: { precision: 0.95, recall: 0.9 },
  capacity: { precision: 0.95, recall: 0.9 },
  weight_saving: { precision: 0.95, recall: 0.9 },
  event: { precision: 0.95, recall: 0.9 },
};

/** The bar of the whole corpus (seeds and news): every kind analysts look up, prices and standards too. */
export const CORPUS_THRESHOLDS: Partial<Record<RecordKind, { precision: number; recall: number }>> = {
  ...THRESHOLDS,
  standard: { precision: 0.95, recall: 0.9 },
  price: { precision: 0.95, recall: 0.9 },
};

/** A record of the dataset, or of the gold, seen by the matcher. */
type Comparable = Pick<
  MgRecord,
  "kind" | "date" | "date_end" | "date_effective" | "title" | "value" | "value_max" | "unit" | "per" | "qualifier" | "code" | "evidence"
  | "product" | "price_type" | "status"
>;

export interface Near {
  /** The other side's record whose evidence overlaps. */
  record: Comparable & { source: string };
  /** Fields that differ ("date: gold 2024-05-16, record 2025-05-16"). */
  differences: string[];
}
export interface Miss {
  gold: GoldRecord;
  /** The closest prediction on the same sentence, if any: tells an extractor bug from a segmentation gap. */
  near?: Near;
}
export interface FalsePositive {
  record: MgRecord;
  /** Source file the record came from (basename of its origin). */
  source: string;
  /** The closest gold record on the same sentence, if any. */
  near?: Near;
}
export interface KindResult {
  kind: RecordKind;
  gold: number;
  predicted: number;
  matched: number;
  /** matched / predicted; null when nothing was predicted. */
  precision: number | null;
  /** matched / gold; null when the gold has none of this kind. */
  recall: number | null;
  misses: Miss[];
  false_positives: FalsePositive[];
}
export interface EvalReport {
  kinds: KindResult[];
  /** Gold sources the dataset does not contain (every gold record of them is a miss). */
  missing_sources: string[];
  /** Records of the dataset from sources outside the gold (not evaluated). */
  ignored_records: number;
}

// ---------------------------------------------------------------- normalisation

const QUOTES = /[\u2018\u2019\u201a\u201b\u2032`]/g;
const DOUBLE_QUOTES = /[\u201c\u201d\u201e\u201f\u2033]/g;

/** Whitespace collapsed (NBSP included), typographic quotes made straight: how evidence is compared. */
export function normalizeText(s: string): string {
  return s.replace(QUOTES, "'").replace(DOUBLE_QUOTES, '"').replace(/\s+/g, " ").trim();
}

/** Titles compare without quote marks, case, a leading article or trailing punctuation. */
export function normalizeTitle(s: string): string {
  return normalizeText(s)
    .toLowerCase()
    .replace(/["']/g, "")
    .replace(/^the\s+/, "")
    .replace(/[\s.,;:]+$/, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** The last path segment of a file name or URL (origins may be "../shared/corpus/x.txt" or "x.txt"). */
export function baseName(origin: string): string {
  const parts = origin.split(/[\\/]/);
  return parts[parts.length - 1] ?? origin;
}

const MIN_CONTAINED = 20;
const MIN_SEAM = 40;

/**
 * Do two evidence sentences come from the same place? Segmenters differ at headings run into the body and at
 * abbreviations ("Co., Ltd."): one sentence may contain the other, or a heading may be glued in front of the
 * first part. So: containment (the shorter at least 20 characters), or the end of one is the start of the
 * other over at least 40 characters and half of the shorter.
 */
export function evidenceOverlaps(a: string, b: string): boolean {
  const na = normalizeText(a);
  const nb = normalizeText(b);
  const [shorter, longer] = na.length <= nb.length ? [na, nb] : [nb, na];
  if (shorter.length === 0) return false;
  if (longer.includes(shorter)) return shorter.length >= Math.min(MIN_CONTAINED, longer.length);
  const need = Math.max(MIN_SEAM, Math.ceil(shorter.length / 2));
  return seam(na, nb) >= need || seam(nb, na) >= need;
}

/** Length of the longest suffix of `a` that is a prefix of `b`. */
function seam(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  for (let k = max; k > 0; k--) {
    if (a.endsWith(b.slice(0, k))) return k;
  }
  return 0;
}

function sameNumber(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

function titlesAgree(gold: string, rec: string): boolean {
  const g = normalizeTitle(gold);
  if (g === "") return true; // the gold has no title to hold the record to
  const r = normalizeTitle(rec);
  if (r === "") return false;
  if (g === r) return true;
  const [shorter, longer] = g.length <= r.length ? [g, r] : [r, g];
  // A quoted part of a longer name ("Unveiling and Commanding" in "... "Unveiling and Commanding" project list").
  return longer.includes(shorter) && shorter.split(" ").length >= 2 && shorter.length >= 8;
}

/** Products compare by their words: "magnesium ingot" matches "Magnesium ingots" and "primary magnesium ingot". */
function productsAgree(gold: string, rec: string): boolean {
  const words = (x: string) => x.toLowerCase().replace(/[^a-z0-9]+/g, " ").trim().split(" ").filter(Boolean).map((w) => w.replace(/s$/, ""));
  const g = words(gold);
  if (g.length === 0) return true;
  const r = new Set(words(rec));
  return g.every((w) => r.has(w)) || (r.size > 0 && [...r].every((w) => g.includes(w)));
}

function normalizeCode(s: string): string {
  return s.replace(/\s+/g, " ").trim().toUpperCase();
}

/** Fields that decide whether a prediction states the gold's fact, per kind. Empty list = they agree. */
export function keyDifferences(gold: Comparable, rec: Comparable): string[] {
  const diffs: string[] = [];
  const cmp = (field: keyof Comparable, same: boolean) => {
    if (!same) diffs.push(`${field}: gold ${show(gold[field])}, record ${show(rec[field])}`);
  };
  const numbers = () => {
    cmp("value", sameNumber(gold.value, rec.value));
    cmp("value_max", sameNumber(gold.value_max, rec.value_max));
    cmp("unit", gold.unit.trim() === rec.unit.trim());
  };
  if (gold.kind !== rec.kind) diffs.push(`kind: gold ${gold.kind}, record ${rec.kind}`);
  switch (gold.kind) {
    case "policy":
      if (gold.value !== null) numbers();
      cmp("date", gold.date === rec.date);
      cmp("date_effective", gold.date_effective === rec.date_effective);
      cmp("title", titlesAgree(gold.title, rec.title));
      break;
    case "event":
      cmp("date", gold.date === rec.date);
      if (gold.date_end !== "") cmp("date_end", gold.date_end === rec.date_end);
      break;
    case "capacity":
      numbers();
      cmp("per", gold.per === rec.per);
      cmp("status", gold.status === rec.status);
      break;
    case "price":
      numbers();
      cmp("date", gold.date === rec.date);
      cmp("product", productsAgree(gold.product, rec.product));
      if (gold.price_type !== "") cmp("price_type", gold.price_type === rec.price_type);
      break;
    case "weight_saving":
      numbers();
      cmp("qualifier", gold.qualifier === rec.qualifier);
      break;
    case "standard": {
      const codes = gold.code !== "" && rec.code !== "" && normalizeCode(gold.code) === normalizeCode(rec.code);
      if (!codes) {
        if (gold.code !== "") cmp("code", false);
        else cmp("title", titlesAgree(gold.title, rec.title));
      }
      cmp("date", gold.date === rec.date);
      cmp("date_effective", gold.date_effective === rec.date_effective);
      break;
    }
    case "project":
    case "deal":
    case "product":
      if (gold.value !== null) numbers();
      else cmp("date", gold.date === rec.date);
      break;
  }
  return diffs;
}

function show(v: unknown): string {
  if (v === null) return "null";
  if (typeof v === "string") return v === "" ? '""' : JSON.stringify(v);
  return String(v);
}

// ---------------------------------------------------------------- matching

interface Prediction {
  record: MgRecord;
  source: string;
}

/**
 * Maximum one-to-one matching (Kuhn's augmenting paths) between gold records and predictions of one kind.
 * Greedy first-come matching could pair a gold with the wrong one of two near-identical predictions and leave
 * the other gold unmatched; augmenting paths find the largest set of pairs. Sizes are tens, so O(V·E) is nothing.
 */
function matchOneToOne(candidates: number[][], predictionCount: number): Array<number | undefined> {
  const predOwner: Array<number | undefined> = new Array(predictionCount).fill(undefined);
  const tryGold = (g: number, seen: boolean[]): boolean => {
    for (const p of candidates[g]) {
      if (seen[p]) continue;
      seen[p] = true;
      const owner = predOwner[p];
      if (owner === undefined || tryGold(owner, seen)) {
        predOwner[p] = g;
        return true;
      }
    }
    return false;
  };
  candidates.forEach((_, g) => tryGold(g, new Array(predictionCount).fill(false)));
  const goldToPred: Array<number | undefined> = new Array(candidates.length).fill(undefined);
  predOwner.forEach((g, p) => {
    if (g !== undefined) goldToPred[g] = p;
  });
  return goldToPred;
}

function nearest(target: Comparable, others: Array<Comparable & { source: string }>, reverse: boolean): Near | undefined {
  let best: Near | undefined;
  for (const o of others) {
    if (!evidenceOverlaps(target.evidence, o.evidence)) continue;
    const differences = reverse ? keyDifferences(o, target) : keyDifferences(target, o);
    const sameKind = o.kind === target.kind;
    const better =
      !best || (sameKind && best.record.kind !== target.kind) || (sameKind === (best.record.kind === target.kind) && differences.length < best.differences.length);
    if (better) best = { record: o, differences };
  }
  return best;
}

/** Evaluate the records of a dataset against the gold, per kind, on the gold's sources only. */
export function evaluate(dataset: Pick<Dataset, "sources" | "records">, gold: GoldFile): EvalReport {
  const goldFiles = new Set(gold.sources.map((s) => s.file));
  for (const r of gold.records) goldFiles.add(r.source);

  const fileOfSource = new Map<string, string>();
  for (const s of dataset.sources) fileOfSource.set(s.source_id, baseName(s.origin));
  const present = new Set(fileOfSource.values());
  const missing_sources = [...goldFiles].filter((f) => !present.has(f)).sort();

  const predictions: Prediction[] = [];
  let ignored_records = 0;
  for (const record of dataset.records) {
    const source = fileOfSource.get(record.source_id) ?? "";
    if (goldFiles.has(source)) predictions.push({ record, source });
    else ignored_records++;
  }
  const goldSide = gold.records.map((g) => ({ ...g, source: g.source }));
  const predSide = predictions.map((p) => ({ ...p.record, source: p.source }));

  const kinds: KindResult[] = RECORD_KINDS.map((kind) => {
    const golds = gold.records.filter((g) => g.kind === kind);
    const preds = predictions.filter((p) => p.record.kind === kind);
    const candidates = golds.map((g) =>
      preds.flatMap((p, i) =>
        p.source === g.source && keyDifferences(g, p.record).length === 0 && evidenceOverlaps(g.evidence, p.record.evidence) ? [i] : [],
      ),
    );
    const goldToPred = matchOneToOne(candidates, preds.length);
    const matchedPreds = new Set(goldToPred.filter((p): p is number => p !== undefined));
    const matched = matchedPreds.size;
    const misses: Miss[] = golds
      .filter((_, g) => goldToPred[g] === undefined)
      .map((g) => {
        const near = nearest(g, predSide.filter((p) => p.source === g.source), false);
        return near ? { gold: g, near } : { gold: g };
      });
    const false_positives: FalsePositive[] = preds
      .filter((_, i) => !matchedPreds.has(i))
      .map((p) => {
        const near = nearest(p.record, goldSide.filter((g) => g.source === p.source), true);
        return near ? { record: p.record, source: p.source, near } : { record: p.record, source: p.source };
      });
    return {
      kind,
      gold: golds.length,
      predicted: preds.length,
      matched,
      precision: preds.length === 0 ? null : matched / preds.length,
      recall: golds.length === 0 ? null : matched / golds.length,
      misses,
      false_positives,
    };
  });
  return { kinds, missing_sources, ignored_records };
}

export interface SourceScore {
  file: string;
  gold: number;
  predicted: number;
  matched: number;
  precision: number | null;
  recall: number | null;
}

/** Precision and recall over all kinds, one source file at a time (the first-sight curve is made of these). */
export function scoreBySource(dataset: Pick<Dataset, "sources" | "records">, gold: GoldFile): SourceScore[] {
  return gold.sources.map((s) => {
    const report = evaluate(dataset, { sources: [s], records: gold.records.filter((r) => r.source === s.file) });
    const sum = (f: (k: KindResult) => number) => report.kinds.reduce((n, k) => n + f(k), 0);
    const g = sum((k) => k.gold);
    const p = sum((k) => k.predicted);
    const m = sum((k) => k.matched);
    return { file: s.file, gold: g, predicted: p, matched: m, precision: p === 0 ? null : m / p, recall: g === 0 ? null : m / g };
  });
}

/** One line per kind below its threshold ("event: recall 0.85 < 0.9"); empty when every enforced kind passes. */
export function thresholdFailures(report: EvalReport, thresholds = THRESHOLDS): string[] {
  const failures: string[] = [];
  for (const k of report.kinds) {
    const t = thresholds[k.kind];
    if (!t) continue;
    if (k.precision !== null && k.precision < t.precision) failures.push(`${k.kind}: precision ${fmt(k.precision)} < ${t.precision}`);
    if (k.recall !== null && k.recall < t.recall) failures.push(`${k.kind}: recall ${fmt(k.recall)} < ${t.recall}`);
  }
  return failures;
}

function fmt(x: number | null): string {
  return x === null ? "—" : x.toFixed(2);
}

/** The report as a text table; with `verbose`, every miss and false positive with its sentence and why. */
export function formatReport(report: EvalReport, options: { verbose?: boolean; thresholds?: typeof THRESHOLDS } = {}): string {
  const thresholds = options.thresholds ?? THRESHOLDS;
  const lines: string[] = [];
  const header = ["kind", "gold", "predicted", "matched", "precision", "recall", "bar"];
  const rows = report.kinds
    .filter((k) => k.gold > 0 || k.predicted > 0 || thresholds[k.kind])
    .map((k) => {
      const t = thresholds[k.kind];
      const bar = t ? `P≥${t.precision} R≥${t.recall}` : "(not enforced)";
      return [k.kind, String(k.gold), String(k.predicted), String(k.matched), fmt(k.precision), fmt(k.recall), bar];
    });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ").trimEnd();
  lines.push(line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line));
  if (report.missing_sources.length > 0) lines.push("", `gold sources not in the dataset: ${report.missing_sources.join(", ")}`);
  if (report.ignored_records > 0) lines.push(`(${report.ignored_records} records from sources outside the gold not evaluated)`);
  if (options.verbose) {
    for (const k of report.kinds) {
      for (const m of k.misses) {
        lines.push("", `MISS ${k.kind} ${describe(m.gold)}  [${m.gold.source}]`, `  "${clip(m.gold.evidence)}"`);
        lines.push(m.near ? `  nearest prediction (${m.near.record.kind}): ${m.near.differences.join("; ") || "differs only in evidence"}` : "  no prediction on this sentence");
      }
      for (const f of k.false_positives) {
        lines.push("", `FALSE POSITIVE ${k.kind} ${describe(f.record)}  [${f.source}] id=${f.record.id}`, `  "${clip(f.record.evidence)}"`);
        lines.push(f.near ? `  nearest gold (${f.near.record.kind}): ${f.near.differences.join("; ") || "differs only in evidence"}` : "  no gold record on this sentence");
      }
    }
  }
  return lines.join("\n");
}

function describe(r: Comparable): string {
  const parts: string[] = [];
  if (r.date) parts.push(r.date_end ? `${r.date}..${r.date_end}` : r.date);
  if (r.date_effective) parts.push(`effective ${r.date_effective}`);
  if (r.value !== null) parts.push(`${r.qualifier ? r.qualifier + " " : ""}${r.value}${r.value_max !== null ? ".." + r.value_max : ""} ${r.unit}${r.per ? "/" + r.per : ""}`.trim());
  if (r.code) parts.push(r.code);
  if (r.title) parts.push(`"${clip(r.title, 70)}"`);
  return parts.join(" ");
}

function clip(s: string, n = 160): string {
  const t = normalizeText(s);
  return t.length <= n ? t : t.slice(0, n - 1) + "…";
}
