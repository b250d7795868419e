// The gold files themselves (test/gold: the seeds and one file per news article), checked against the articles
// they were written from: every evidence is a sentence of its source, every number and every day/month of every
// date is in that sentence (or in the dateline the gold names as date_evidence), every policy/standard title
// and code is in it or in its article. A typo in the gold would otherwise score the extractors against a fact
// no source states.
import * as fs from "fs";
import * as path from "path";
import { evaluate, normalizeText, parseGold, type GoldFile, type GoldRecord } from "../../src/core/corpus/eval";
import { readGold } from "../../src/cli/commands/corpus/eval";
import type { MgRecord } from "../../src/core/model/record";
import { sharedCorpusDir } from "../support/shared";

const GOLD_FILE = path.resolve(__dirname, "../gold/seeds.gold.json");
// null when ../shared is absent (skips with a printed reason); throws when CI=true and it is absent.
const CORPUS_DIR = sharedCorpusDir();
const CORPUS = CORPUS_DIR ?? "";
const haveCorpus = CORPUS_DIR !== null;

const seedGold: GoldFile = parseGold(JSON.parse(fs.readFileSync(GOLD_FILE, "utf8")));
const gold: GoldFile = readGold([path.resolve(__dirname, "../gold")]);

/** Where a gold source lives: the seeds at the top of the corpus, the news in news/. */
function corpusPath(file: string): string {
  const top = path.join(CORPUS, file);
  return fs.existsSync(top) ? top : path.join(CORPUS, "news", file);
}
/** A news article's front-matter published value ("" for unknown), or undefined when the file has none. */
function frontMatterPublished(raw: string): string | undefined {
  if (!raw.startsWith("---")) return undefined;
  const m = /^published:\s*(\S+)\s*$/m.exec(raw.split(/^---\s*$/m)[1] ?? "");
  return m ? (m[1] === "unknown" ? "" : m[1]) : "";
}

// ---------------------------------------------------------------- source text, as the readers see it

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };
function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, e: string) => {
    if (e[0] === "#") return String.fromCodePoint(e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ENTITIES[e.toLowerCase()] ?? whole;
  });
}
/** HTML to text: block tags become breaks, inline tags vanish, entities decoded. */
function htmlToText(html: string): string {
  const blocks = html.replace(/<\/?(p|li|ul|ol|h[1-6]|hr|br|div|blockquote|table|tr|td)\b[^>]*>/gi, "\n");
  return decodeEntities(blocks.replace(/<[^>]*>/g, ""));
}
function sourceText(file: string): string {
  const raw = fs.readFileSync(corpusPath(file), "utf8");
  if (!file.endsWith(".json")) return normalizeText(raw);
  const parsed = JSON.parse(raw) as unknown;
  const items = (Array.isArray(parsed) ? parsed : [parsed]) as Array<{ title?: { rendered?: string }; content?: { rendered?: string } }>;
  return normalizeText(items.map((it) => `${htmlToText(it.title?.rendered ?? "")}\n${htmlToText(it.content?.rendered ?? "")}`).join("\n"));
}

// ---------------------------------------------------------------- what a sentence states

/** Numbers written in a sentence, thousands separators and "million"/"billion" understood. */
function numbersIn(sentence: string): number[] {
  const out: number[] = [];
  for (const m of sentence.matchAll(/(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s*(million|billion))?/gi)) {
    const n = Number(m[1].replace(/,/g, ""));
    out.push(n);
    if (m[2]) out.push(n * (m[2].toLowerCase() === "million" ? 1e6 : 1e9));
  }
  return out;
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
/** Why a date is not supported by the sentence, or "" when its year (if alone), month and day all appear. */
function dateProblem(iso: string, sentence: string): string {
  if (sentence.includes(iso)) return ""; // written as an ISO date ("Released on 2024-..."
  const [y, m, d] = iso.split("-");
  if (!m) return new RegExp(`\\b${y}\\b`).test(sentence) ? "" : `year ${y} not in the sentence`;
  const month = MONTHS[Number(m) - 1];
  if (!new RegExp(`\\b(${month}|${month.slice(0, 3)}\\.?)(?![a-z])`, "i").test(sentence)) return `month ${month} not in the sentence`;
  if (d && !new RegExp(`\\b${Number(d)}(st|nd|rd|th)?\\b`).test(sentence)) return `day ${Number(d)} not in the sentence`;
  return "";
}

const bare = (s: string) => normalizeText(s).replace(/["']/g, "").toLowerCase();
const label = (r: GoldRecord) => `${r.kind} ${r.date || r.value} "${r.evidence.slice(0, 60)}"`;

// ---------------------------------------------------------------- tests

(haveCorpus ? describe : describe.skip)("gold file against the seed articles", () => {
  const texts = new Map<string, string>();
  const textOf = (file: string) => {
    if (!texts.has(file)) texts.set(file, sourceText(file));
    return texts.get(file)!;
  };

  it("covers sources that exist in the corpus, with their publication dates", () => {
    for (const s of gold.sources) {
      expect(fs.existsSync(corpusPath(s.file))).toBe(true);
      const front = frontMatterPublished(fs.readFileSync(corpusPath(s.file), "utf8"));
      if (front !== undefined) expect({ file: s.file, published: s.published }).toEqual({ file: s.file, published: front });
      else if (s.file.endsWith(".json")) {
        const item = JSON.parse(fs.readFileSync(corpusPath(s.file), "utf8")) as { date: string };
        expect(s.published).toBe(item.date.slice(0, 10));
      } else if (s.published) {
        const [y, m, d] = s.published.split("-").map(Number);
        expect(textOf(s.file)).toContain(`${MONTHS[m - 1].slice(0, 3)} ${d}, ${y}`);
      }
    }
  });

  it("quotes every evidence verbatim from its source (HTML stripped, entities decoded, whitespace collapsed)", () => {
    const bad = gold.records
      .filter((r) => !textOf(r.source).includes(normalizeText(r.evidence)) || (r.date_evidence !== undefined && !textOf(r.source).includes(normalizeText(r.date_evidence))))
      .map(label);
    expect(bad).toEqual([]);
  });

  it("takes every value and value_max from its sentence", () => {
    const bad = gold.records.flatMap((r) =>
      [r.value, r.value_max]
        .filter((v): v is number => v !== null && !numbersIn(r.evidence).includes(v))
        .map((v) => `${label(r)}: ${v} not in the sentence`),
    );
    expect(bad).toEqual([]);
  });

  it("takes every day and month of every date from its sentence", () => {
    const bad = gold.records.flatMap((r) =>
      (["date", "date_end", "date_effective"] as const)
        .filter((f) => r[f] !== "")
        .map((f) => [f, dateProblem(r[f], r.date_evidence ? `${r.evidence} ${r.date_evidence}` : r.evidence)])
        .filter(([, problem]) => problem !== "")
        .map(([f, problem]) => `${label(r)}: ${f} ${problem}`),
    );
    expect(bad).toEqual([]);
  });

  it("takes every policy/standard title and every code from its sentence", () => {
    const bad = gold.records
      // A notice's formal heading may stand apart from the sentence that states the act: then it is in the article.
      .filter((r) => ((r.kind === "policy" || r.kind === "standard") && !bare(r.evidence).includes(bare(r.title)) && !bare(textOf(r.source)).includes(bare(r.title))) || (!r.evidence.includes(r.code) && !textOf(r.source).includes(r.code)))
      .map(label);
    expect(bad).toEqual([]);
  });
});

describe("gold file", () => {
  it("uses agreed units, a range only above its start, and no empty policy/standard title in the seeds", () => {
    for (const r of gold.records) {
      expect(r.unit).toMatch(/^(|t|kt|kg|lb|%|pcs|[A-Z]{3}|[A-Z]{3}\/(t|kg))$/);
      if (r.value_max !== null) expect(r.value_max).toBeGreaterThan(r.value ?? Infinity * -1);
      if (r.date_end) expect(r.date_end > r.date).toBe(true);
      if (r.kind === "price") expect(r.price_type).not.toBe("");
      if (r.kind !== "price") expect([r.grade, r.basis, r.price_type]).toEqual(["", "", ""]);
    }
    for (const r of seedGold.records) if (r.kind === "policy" || r.kind === "standard") expect(r.title).not.toBe("");
  });

  it("has no record twice", () => {
    const keys = gold.records.map((r) => JSON.stringify({ ...r, note: undefined, subject: undefined, region: undefined }));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("scores itself 1.0 when read back as a dataset (the matcher can tell its own records apart)", () => {
    const sources = gold.sources.map((s, i) => ({
      source_id: `s${i}`, title: "", outlet: "", url: "", published: s.published, origin: s.file, format: "text" as const, record_count: 0,
    }));
    const idOf = new Map(sources.map((s) => [s.origin, s.source_id]));
    const records: MgRecord[] = gold.records.map((g, i) => ({
      id: `g${i}`, kind: g.kind, date: g.date, date_end: g.date_end, date_effective: g.date_effective, subject: g.subject,
      organizations: [], region: g.region ?? "", title: g.title, product: g.product, code: g.code, value: g.value,
      value_max: g.value_max, unit: g.unit, per: g.per, qualifier: g.qualifier, grade: g.grade ?? "", basis: g.basis ?? "", price_type: g.price_type ?? "", status: g.status ?? "", evidence: g.evidence, date_evidence: g.date_evidence ?? "",
      source_id: idOf.get(g.source)!, source_title: "", source_outlet: "", source_url: "", source_published: "",
    }));
    const report = evaluate({ sources, records }, gold);
    for (const k of report.kinds) {
      expect({ kind: k.kind, matched: k.matched }).toEqual({ kind: k.kind, matched: k.gold });
      expect(k.false_positives).toEqual([]);
    }
  });
});
