// Issue 10: would an NLP toolkit (wink-nlp with its English lite web model) beat our hand-written segmenter and
// date/number tagging? Measured on the whole corpus (../shared/corpus seeds and news/, read by the build's own
// collector and readers) against the hand-written gold (test/gold/**/*.gold.json), both tools given the same text:
//
// - Sentence boundaries. Each gold evidence is one verbatim sentence of its article. For our segmenter
//   (segmentArticle) and for wink's sentences (readDoc of each paragraph, the unit our segmenter splits): is it
//   one sentence exactly, wholly inside one longer sentence, or split across sentences? Text compared as the
//   evaluator compares evidence (normalizeText: whitespace collapsed, quotes made straight).
// - Dates and figures. For each gold date (date, date_end, date_effective) and figure (value, value_max), its
//   written form is located in the evidence by a neutral pattern (a month name and day, a month, a year; digits
//   whose value, with a written scale word, is the gold's); a tagger finds it when one of its entities covers
//   that text. Ours: findDates and findQuantities on the sentence, the calls buildContexts makes for every
//   sentence's context. Wink: its entities of the types it emits (counted below), on the same sentence.
// - Speed: our segmenter, our tagging and wink's readDoc over the same paragraphs (replicated to >= 1 MB),
//   interleaved, best of RUNS; reading (shared by both: wink needs the text too) timed on its own.
// - Bundle cost: wink-nlp plus the model bundled for the browser (esbuild, minified), raw and gzip, beside the
//   same for our segmenter and taggers.
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";
import { performance } from "perf_hooks";
import winkNLP, { type ItemEntity } from "wink-nlp";
import model from "wink-eng-lite-web-model";
import { readInput, DEFAULT_MAX_BYTES } from "../src/core/corpus/readers";
import { segmentArticle, splitSentences } from "../src/core/corpus/segment";
import { findDates } from "../src/core/corpus/extract/dates";
import { findQuantities } from "../src/core/corpus/extract/numbers";
import { normalizeText, type GoldRecord } from "../src/core/corpus/eval";
import { collectFileInputs } from "../src/cli/commands/corpus/build";
import { readGold } from "../src/cli/commands/corpus/eval";
import type { Article } from "../src/core/corpus/types";

const ROOT = path.resolve(__dirname, "..");
const CORPUS = path.resolve(ROOT, "../shared/corpus");
const GOLD = path.join(ROOT, "test/gold");
const TARGET_TEXT_BYTES = 1000 * 1000;
const RUNS = 5;

const nlp = winkNLP(model);
const its = nlp.its;

interface Span {
  start: number;
  end: number;
  type: string;
}

const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;
const baseName = (p: string) => p.split("/").pop() ?? p;
const utf8Bytes = (s: string) => Buffer.byteLength(s, "utf8");

// ---------------------------------------------------------------- wink, with character offsets

/** A wink document's sentences and entities, entities with [start, end) character offsets into the text. */
function winkRead(text: string): { sentences: string[]; entities: Span[]; verbatim: boolean } {
  const doc = nlp.readDoc(text);
  const values = doc.tokens().out(its.value) as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const starts: number[] = [];
  const ends: number[] = [];
  let pos = 0;
  for (let i = 0; i < values.length; i++) {
    pos += spaces[i].length;
    starts.push(pos);
    pos += values[i].length;
    ends.push(pos);
  }
  // Offsets hold only if the tokens, with their preceding spaces, give the text back.
  const verbatim = doc.out() === text && text.trimEnd().length <= pos && pos <= text.length;
  const entities: Span[] = [];
  doc.entities().each((e: ItemEntity) => {
    const [first, last] = e.out(its.span) as unknown as number[];
    const detail = e.out(its.detail) as unknown as { type: string };
    entities.push({ start: starts[first], end: ends[last], type: detail.type });
  });
  return { sentences: doc.sentences().out() as string[], entities, verbatim };
}

// ---------------------------------------------------------------- sentence boundaries

type Boundary = "exact" | "contained_in_one" | "split";

function boundary(evidence: string, sentences: string[]): Boundary {
  const ev = normalizeText(evidence);
  const norm = sentences.map(normalizeText);
  if (norm.some((s) => s === ev)) return "exact";
  if (norm.some((s) => s.includes(ev))) return "contained_in_one";
  return "split";
}

// ---------------------------------------------------------------- where a gold date or figure is written

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/** A pattern for month m (1-12) as written: the full name, or its abbreviation ("Sept", "Oct."). */
function monthPattern(m: number): string {
  const full = MONTHS[m - 1];
  const abbr = full.slice(0, 3);
  return `(?:${full}|${abbr}${m === 9 ? "t?" : ""}\\.?)`;
}

/**
 * The text of the evidence that writes a gold date, found without either tagger: for a day, the month with the
 * day ("May 16", "16 May", "20th February", "2024-05-16", "16.05.2024"); for a month, its name; for a year,
 * the year standing alone. undefined when the sentence does not write it (the date comes from a heading, a
 * dateline or the article's year).
 */
function writtenDate(evidence: string, iso: string): { start: number; end: number } | undefined {
  const [y, m, d] = iso.split("-").map(Number);
  const res: RegExp[] = [];
  if (d) {
    const mp = monthPattern(m);
    const dp = `0?${d}(?:st|nd|rd|th)?`;
    res.push(
      new RegExp(`\\b${mp} ${dp}(?!\\d)`, "i"),
      new RegExp(`\\b${dp} (?:of )?${mp}\\b`, "i"),
      new RegExp(`\\b${y}[-/.]0?${m}[-/.]0?${d}(?!\\d)`),
      new RegExp(`\\b0?${d}\\.0?${m}\\.${y}\\b`),
      new RegExp(`\\b${y}年0?${m}月0?${d}日`),
    );
  } else if (m) {
    res.push(new RegExp(`\\b${monthPattern(m)}(?![a-z])`, "i"), new RegExp(`\\b${y}[-/]0?${m}(?![\\d-])`));
  } else {
    res.push(new RegExp(`(?<![\\d.,])${y}(?![\\d])`));
  }
  for (const re of res) {
    const match = re.exec(evidence);
    if (match) return { start: match.index, end: match.index + match[0].length };
  }
  return undefined;
}

const SCALE: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, mn: 1e6, bn: 1e9, m: 1e6, b: 1e9, k: 1e3, mt: 1e6 };
const FIGURE_RE = /(?<![\d.,])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?!\d)(?:\s?(thousand|million|billion|trillion|mn|bn|Mt)\b|(m|b|k)(?![\p{L}\d]))?/giu;

/** Every place the evidence writes the gold figure in digits ("76,500", "2.3 million", "$145m"): the digits' spans. */
function writtenFigure(evidence: string, value: number): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const same = (a: number) => Math.abs(a - value) <= 1e-9 * Math.max(1, Math.abs(value));
  FIGURE_RE.lastIndex = 0;
  for (let match = FIGURE_RE.exec(evidence); match; match = FIGURE_RE.exec(evidence)) {
    const n = Number(match[1].replace(/,/g, ""));
    const scale = match[2] ?? match[3];
    // Mt is a megatonne only with a capital M; "mt" is the metric ton.
    const factor = scale && !(scale.toLowerCase() === "mt" && scale !== "Mt") ? SCALE[scale.toLowerCase()] : 1;
    if (same(n) || same(n * factor)) out.push({ start: match.index, end: match.index + match[1].length });
  }
  return out;
}

const covers = (e: { start: number; end: number }, t: { start: number; end: number }) => e.start <= t.start && e.end >= t.end;

// ---------------------------------------------------------------- the corpus and the gold

interface CorpusArticle {
  article: Article;
  file: string;
}

function corpus(): { inputs: { origin: string; bytes: Uint8Array }[]; articles: CorpusArticle[] } {
  if (!fs.existsSync(CORPUS)) throw new Error(`${CORPUS} is absent: the NLP bench needs the real corpus`);
  const inputs = collectFileInputs([CORPUS], DEFAULT_MAX_BYTES).inputs;
  const articles = inputs.flatMap((input) => readInput(input).articles.map((article) => ({ article, file: baseName(input.origin) })));
  return { inputs, articles };
}

type FigureType = "money" | "percent" | "quantity";
const figureType = (unit: string): FigureType => (/^(?:USD|CNY|EUR|AUD|CAD|JPY|GBP|INR|KRW|HKD|NZD|SGD)\b/.test(unit) ? "money" : unit === "%" ? "percent" : "quantity");

/** Wink's entity types that a gold date or figure of each type should be (its lite model's names). */
const WINK_DATE_TYPES = new Set(["DATE"]);
const WINK_FIGURE_TYPES = new Set(["CARDINAL", "MONEY", "PERCENT"]);
const WINK_TYPED: Record<FigureType, string> = { money: "MONEY", percent: "PERCENT", quantity: "CARDINAL" };
const CURRENCIES = new Set(["USD", "CNY", "EUR", "AUD", "CAD", "JPY", "GBP", "INR", "KRW", "HKD", "NZD", "SGD"]);

interface Tally {
  total: number;
  ours: number;
  wink: number;
}
const tally = (): Tally => ({ total: 0, ours: 0, wink: 0 });

function accuracy(articles: CorpusArticle[], gold: GoldRecord[]) {
  const byFile = new Map<string, CorpusArticle[]>();
  for (const a of articles) byFile.set(a.file, [...(byFile.get(a.file) ?? []), a]);
  const oursSentences = new Map<string, string[]>();
  const splitterSentences = new Map<string, string[]>();
  const winkSentences = new Map<string, string[]>();
  for (const [file, list] of byFile) {
    oursSentences.set(file, list.flatMap((a) => segmentArticle(a.article).map((s) => s.text)));
    // The splitter alone, without segmentArticle's heading split-off: sentence boundaries only, as wink's are.
    splitterSentences.set(file, list.flatMap((a) => a.article.paragraphs.flatMap((p) => splitSentences(p).map((sp) => p.slice(sp.start, sp.end)))));
    winkSentences.set(file, list.flatMap((a) => a.article.paragraphs.flatMap((p) => winkRead(p).sentences)));
  }

  // Sentence boundaries, once per distinct evidence.
  const sentences = { evidences: 0, not_in_one_paragraph: 0, ours: { exact: 0, contained_in_one: 0, split: 0 }, ours_splitter_only: { exact: 0, contained_in_one: 0, split: 0 }, wink: { exact: 0, contained_in_one: 0, split: 0 } };
  const splitExamples: { ours: string[]; wink: string[] } = { ours: [], wink: [] };
  const seenEvidence = new Set<string>();
  // Dates and figures, once per distinct (evidence, value).
  const dates = { ...tally(), not_written_in_sentence: 0 };
  const figures: Record<FigureType, Tally & { ours_value_right: number; ours_typed: number; wink_typed: number }> = {
    money: { ...tally(), ours_value_right: 0, ours_typed: 0, wink_typed: 0 },
    percent: { ...tally(), ours_value_right: 0, ours_typed: 0, wink_typed: 0 },
    quantity: { ...tally(), ours_value_right: 0, ours_typed: 0, wink_typed: 0 },
  };
  let figuresNotInDigits = 0;
  const seenDate = new Set<string>();
  const seenFigure = new Set<string>();
  const dateMisses: { ours: string[]; wink: string[] } = { ours: [], wink: [] };

  for (const r of gold) {
    const list = byFile.get(r.source);
    if (!list) throw new Error(`gold source ${r.source} is not in the corpus`);
    const key = `${r.source}|${r.evidence}`;
    if (!seenEvidence.has(key)) {
      seenEvidence.add(key);
      sentences.evidences++;
      const ev = normalizeText(r.evidence);
      if (!list.some((a) => a.article.paragraphs.some((p) => normalizeText(p).includes(ev)))) sentences.not_in_one_paragraph++;
      else {
        const o = boundary(r.evidence, oursSentences.get(r.source)!);
        const w = boundary(r.evidence, winkSentences.get(r.source)!);
        sentences.ours[o]++;
        sentences.ours_splitter_only[boundary(r.evidence, splitterSentences.get(r.source)!)]++;
        sentences.wink[w]++;
        if (o === "split" && splitExamples.ours.length < 5) splitExamples.ours.push(ev.slice(0, 90));
        if (w === "split" && splitExamples.wink.length < 5) splitExamples.wink.push(ev.slice(0, 90));
      }
    }

    // Both taggers see the evidence sentence itself: tagging measured apart from segmentation.
    const oursDates = findDates(r.evidence);
    const oursQuantities = findQuantities(r.evidence);
    const winkEntities = winkRead(r.evidence).entities;

    for (const iso of [r.date, r.date_end, r.date_effective]) {
      if (!iso || seenDate.has(`${key}|${iso}`)) continue;
      seenDate.add(`${key}|${iso}`);
      const written = writtenDate(r.evidence, iso);
      if (!written) {
        dates.not_written_in_sentence++;
        continue;
      }
      dates.total++;
      const o = oursDates.some((d) => covers(d, written));
      const w = winkEntities.some((e) => WINK_DATE_TYPES.has(e.type) && covers(e, written));
      if (o) dates.ours++;
      if (w) dates.wink++;
      const shown = `${iso} "${r.evidence.slice(written.start, written.end)}"`;
      if (!o && dateMisses.ours.length < 8) dateMisses.ours.push(shown);
      if (!w && dateMisses.wink.length < 8) dateMisses.wink.push(shown);
    }

    for (const value of [r.value, r.value_max]) {
      if (value === null || seenFigure.has(`${key}|${value}`)) continue;
      seenFigure.add(`${key}|${value}`);
      const written = writtenFigure(r.evidence, value);
      if (written.length === 0) {
        figuresNotInDigits++;
        continue;
      }
      const type = figureType(r.unit);
      const t = figures[type];
      t.total++;
      const oq = oursQuantities.filter((q) => written.some((s) => covers(q, s)));
      if (oq.length > 0) t.ours++;
      if (oq.some((q) => q.value === value || q.valueMax === value)) t.ours_value_right++;
      const typed = (unit: string) => (type === "money" ? CURRENCIES.has(unit) : type === "percent" ? unit === "%" : unit !== "" && !CURRENCIES.has(unit) && unit !== "%");
      if (oq.some((q) => typed(q.unit))) t.ours_typed++;
      const we = winkEntities.filter((e) => WINK_FIGURE_TYPES.has(e.type) && written.some((s) => covers(e, s)));
      if (we.length > 0) t.wink++;
      if (we.some((e) => e.type === WINK_TYPED[type])) t.wink_typed++;
    }
  }
  return { sentences, splitExamples, dates, dateMisses, figures, figuresNotInDigits };
}

// ---------------------------------------------------------------- speed

function oursSegment(articles: Article[]) {
  let n = 0;
  const t0 = performance.now();
  const all = articles.map((a) => segmentArticle(a));
  const segment = performance.now() - t0;
  const t1 = performance.now();
  let tags = 0;
  for (const sentences of all) {
    for (const s of sentences) tags += findDates(s.text).length + findQuantities(s.text).length;
    n += sentences.length;
  }
  return { segment, tag: performance.now() - t1, sentences: n, tags };
}

function winkAll(articles: Article[]) {
  let sentences = 0;
  let entities = 0;
  const t0 = performance.now();
  for (const a of articles) {
    for (const p of a.paragraphs) {
      const doc = nlp.readDoc(p);
      sentences += doc.sentences().length();
      entities += doc.entities().length();
    }
  }
  return { total: performance.now() - t0, sentences, entities };
}

// ---------------------------------------------------------------- bundle cost

function bundleSize(contents: string): { min_kb: number; gzip_kb: number } {
  const esbuild = require("esbuild") as typeof import("esbuild");
  const r = esbuild.buildSync({
    stdin: { contents, resolveDir: ROOT, loader: "ts" },
    bundle: true,
    minify: true,
    platform: "browser",
    format: "esm",
    target: "es2020",
    write: false,
    logLevel: "error",
  });
  const bytes = r.outputFiles[0].contents;
  return { min_kb: round(bytes.length / 1024, 1), gzip_kb: round(zlib.gzipSync(bytes, { level: 9 }).length / 1024, 1) };
}

// ---------------------------------------------------------------- run

export async function run(): Promise<Record<string, unknown>> {
  const { inputs, articles } = corpus();
  const gold = readGold([GOLD]).records;

  // What wink's lite model emits over the corpus, and whether its tokens give the text back (offsets hold).
  const types: Record<string, number> = {};
  let paragraphs = 0;
  let notVerbatim = 0;
  for (const { article } of articles) {
    for (const p of article.paragraphs) {
      const w = winkRead(p);
      paragraphs++;
      if (!w.verbatim) notVerbatim++;
      for (const e of w.entities) types[e.type] = (types[e.type] ?? 0) + 1;
    }
  }

  const acc = accuracy(articles, gold);

  // Speed over the same paragraphs, replicated to >= 1 MB of text.
  const plain = articles.map((a) => a.article);
  const textBytes = plain.reduce((n, a) => n + a.paragraphs.reduce((m, p) => m + utf8Bytes(p), 0), 0);
  const copies = Math.ceil(TARGET_TEXT_BYTES / textBytes);
  const replicated: Article[] = [];
  for (let c = 0; c < copies; c++) replicated.push(...plain);
  const mb = (textBytes * copies) / 1e6;
  const inputMb = (inputs.reduce((n, i) => n + i.bytes.length, 0) * copies) / 1e6;
  // Warm-up on one copy (JIT, wink's lazy set-up).
  oursSegment(plain);
  winkAll(plain);
  let best = { read: Infinity, segment: Infinity, tag: Infinity, wink: Infinity };
  let counts = { ours_sentences: 0, ours_tags: 0, wink_sentences: 0, wink_entities: 0 };
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let i = 0; i < RUNS; i++) {
    gc?.();
    const t0 = performance.now();
    for (let c = 0; c < copies; c++) for (const input of inputs) readInput(input);
    const read = performance.now() - t0;
    gc?.();
    const o = oursSegment(replicated);
    gc?.();
    const w = winkAll(replicated);
    best = { read: Math.min(best.read, read), segment: Math.min(best.segment, o.segment), tag: Math.min(best.tag, o.tag), wink: Math.min(best.wink, w.total) };
    counts = { ours_sentences: o.sentences, ours_tags: o.tags, wink_sentences: w.sentences, wink_entities: w.entities };
  }
  const perS = (megabytes: number, ms: number) => round(megabytes / (ms / 1000));

  const pct = (n: number, d: number) => (d === 0 ? null : round(n / d, 3));
  const f = acc.figures;
  const allFig = (k: "total" | "ours" | "wink") => f.money[k] + f.percent[k] + f.quantity[k];
  return {
    corpus: { inputs: inputs.length, articles: articles.length, paragraphs, text_mb: round(textBytes / 1e6, 3), gold_records: gold.length },
    wink: { "wink-nlp": require("wink-nlp/package.json").version, "wink-eng-lite-web-model": require("wink-eng-lite-web-model/package.json").version, entity_types_emitted: types, paragraphs_not_verbatim: notVerbatim },
    sentences: {
      measure: "each distinct gold evidence (source, sentence): one sentence of the segmenter exactly, wholly inside one longer sentence, or split across sentences (normalizeText on both sides); ours = segmentArticle, ours_splitter_only = splitSentences without the heading split-off; wink reads each paragraph",
      ...acc.sentences,
      split_examples: acc.splitExamples,
    },
    dates: {
      measure: "each distinct gold date (date, date_end, date_effective) whose month-and-day / month / year is written in its evidence: an entity covering that text (ours: findDates; wink: DATE)",
      total: acc.dates.total,
      not_written_in_sentence: acc.dates.not_written_in_sentence,
      ours: acc.dates.ours,
      wink: acc.dates.wink,
      ours_recall: pct(acc.dates.ours, acc.dates.total),
      wink_recall: pct(acc.dates.wink, acc.dates.total),
      misses: acc.dateMisses,
    },
    figures: {
      measure: "each distinct gold figure (value, value_max) written in digits in its evidence: an entity covering the digits (ours: findQuantities; wink: CARDINAL/MONEY/PERCENT); typed = ours gives a currency / % / physical unit, wink says MONEY / PERCENT / CARDINAL",
      total: allFig("total"),
      ours: allFig("ours"),
      wink: allFig("wink"),
      not_in_digits: acc.figuresNotInDigits,
      by_type: f,
    },
    speed: {
      measure: `best of ${RUNS} interleaved runs over the corpus text x${copies}; MB = UTF-8 bytes of the paragraphs / 1e6 (read: input file bytes)`,
      text_mb: round(mb, 2),
      read_mb_per_s: perS(inputMb, best.read),
      ours_segment_mb_per_s: perS(mb, best.segment),
      ours_tag_mb_per_s: perS(mb, best.tag),
      ours_segment_and_tag_mb_per_s: perS(mb, best.segment + best.tag),
      wink_readdoc_mb_per_s: perS(mb, best.wink),
      wink_vs_ours_segment_and_tag: round(best.wink / (best.segment + best.tag), 1),
      seconds: { read: round(best.read / 1000, 3), ours_segment: round(best.segment / 1000, 3), ours_tag: round(best.tag / 1000, 3), wink: round(best.wink / 1000, 3) },
      counts,
    },
    bundle: {
      measure: "esbuild --bundle --minify, browser, ESM; gzip -9",
      wink_nlp_and_model: bundleSize(`import winkNLP, { type ItemEntity } from "wink-nlp"; import model from "wink-eng-lite-web-model"; export const nlp = winkNLP(model);`),
      ours_segmenter_and_taggers: bundleSize(
        `export { segmentArticle } from "./src/core/corpus/segment"; export { findDates } from "./src/core/corpus/extract/dates"; export { findQuantities } from "./src/core/corpus/extract/numbers";`,
      ),
    },
  };
}
