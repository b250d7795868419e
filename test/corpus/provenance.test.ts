// "Never invent": every number, date and name of every record in the bundled dataset must be readable in
// the record's own evidence (or, for names, in its source's metadata), and the evidence must be the article's
// own text. The checks below are written independently of the extractor (their own number, date and name
// matching), so a record that takes a name from a sentence it does not quote fails here, listed by id.
import * as fs from "fs";
import * as path from "path";
import { loadDataset } from "../../src/core/corpus/build";
import { collectFileInputs } from "../../src/cli/commands/corpus/build";
import { DEFAULT_MAX_BYTES, readInput } from "../../src/core/corpus/readers";
import type { MgRecord } from "../../src/core/model/record";
import { REPO_ROOT, sharedCorpusDir } from "../support/shared";

const dataset = loadDataset(fs.readFileSync(path.join(REPO_ROOT, "src/data/dataset.json"), "utf8"), "src/data/dataset.json");
const registry = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "src/data/aliases.json"), "utf8")) as {
  entities: { name: string; aliases?: string[] }[];
};

// ---- numbers --------------------------------------------------------------------------------------------

const SCALES: Record<string, number> = { thousand: 1e3, million: 1e6, mn: 1e6, billion: 1e9, bn: 1e9, trillion: 1e12 };
const NUMBER = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const SCALE = String.raw`(?:\s?(thousand|million|billion|trillion|mn|bn)\b)?`;

/** Every number the text writes, as a reader would read it: "1,350" -> 1350, "100 million" -> 1e8 (and 100),
 *  "1.1-1.4 million" -> both ends scaled, "$145m" -> 1.45e8. */
export function numbersWritten(text: string): number[] {
  const out: number[] = [];
  const value = (s: string) => Number(s.replace(/,/g, ""));
  for (const m of text.matchAll(new RegExp(`(?<![\\d.,])(${NUMBER})${SCALE}`, "g"))) {
    out.push(value(m[1]));
    if (m[2]) out.push(value(m[1]) * SCALES[m[2].toLowerCase()]);
  }
  // "$145m", "€1.2b": money's short scales after a currency sign.
  for (const m of text.matchAll(new RegExp(String.raw`(?:\$|€|£|¥)\s?(${NUMBER})([mbk])(?![\p{L}\d])`, "giu"))) {
    out.push(value(m[1]) * (m[2].toLowerCase() === "k" ? 1e3 : m[2].toLowerCase() === "m" ? 1e6 : 1e9));
  }
  for (const m of text.matchAll(new RegExp(String.raw`(?<![\d.,])(${NUMBER})\s?(?:to|-|–|~)\s?(?:${NUMBER})\s?(thousand|million|billion|trillion|mn|bn)\b`, "g"))) {
    out.push(value(m[1]) * SCALES[m[2].toLowerCase()]);
  }
  return out;
}

const same = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));

// ---- dates ----------------------------------------------------------------------------------------------

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** Is the month of an ISO date written in the text (its name, its abbreviation, or inside a numeric date)? */
function monthWritten(month: number, text: string): boolean {
  const name = MONTHS[month - 1];
  const abbr = name.slice(0, 3);
  if (new RegExp(`\\b(?:${name}|${abbr}\\.?|${name === "September" ? "Sept\\.?" : abbr})(?![a-z])`).test(text)) return true;
  return new RegExp(`\\b(?:19|20)\\d{2}[-/.]0?${month}[-/.]\\d{1,2}\\b`).test(text);
}

function dayWritten(day: number, text: string): boolean {
  return new RegExp(`(?<![\\d.,])0?${day}(?:st|nd|rd|th)?(?![\\d.,]\\d|\\d)`).test(text);
}

/** What of an ISO date the text does not write: the month, the day (the year may come from context). */
function dateMissing(iso: string, text: string): string | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso);
  if (!m) return iso === "" ? undefined : `malformed date ${iso}`;
  if (m[2] && !monthWritten(+m[2], text)) return `month of ${iso}`;
  if (m[3] && !dayWritten(+m[3], text)) return `day of ${iso}`;
  return undefined;
}

// ---- names ----------------------------------------------------------------------------------------------

const LEGAL_FORM = /,?\s*(?:Co\.,?\s*Ltd\.?|Co\.\s*Limited|Company Limited|Ltd\.?|Limited|Inc\.?|LLC|Corp\.?|Corporation|Co\.)$/;

/** Case, apostrophe and spacing differences are not differences of name. */
const plain = (s: string) => s.replace(/[’‘`]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, " ").toLowerCase();

function spellings(name: string): string[] {
  const out = new Set<string>([name]);
  for (const e of registry.entities) if (e.name === name) for (const a of e.aliases ?? []) out.add(a);
  for (const s of [...out]) {
    let n = s;
    for (let next = n.replace(LEGAL_FORM, "").trim(); next !== n && next !== ""; next = n.replace(LEGAL_FORM, "").trim()) n = next;
    out.add(n);
    out.add(n.replace(/^the\s+/i, ""));
  }
  return [...out].filter((s) => s.trim() !== "").map(plain);
}

/** A spelling as a whole word or words of the text ("SAIC" is not in "mosaic"; "Seres'" is Seres). */
function written(spelling: string, text: string): boolean {
  const escaped = spelling.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, "u").test(plain(text));
}

/**
 * A short name the article itself introduces for a full name it writes: a definition in parentheses
 * ("Department of Commerce (“Department”)") or the name's first word standing for it ("Alliance" once the
 * article has written "Alliance Magnesium").
 */
function introducedShortName(name: string, article: string, evidence: string): boolean {
  const full = spellings(name).filter((s) => written(s, article));
  for (const f of full) {
    const esc = f.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const def = new RegExp(`${esc}\\s*\\(\\s*(?:the\\s+)?["'“‘]?([^()"”’]{2,40}?)["'”’]?\\s*\\)`, "u").exec(plain(article));
    if (def && written(def[1].trim(), evidence)) return true;
    const first = f.split(" ")[0];
    if (f.includes(" ") && first.length >= 4 && /^\p{Lu}/u.test(name) && written(first, evidence)) return true;
  }
  return false;
}

function nameShown(name: string, r: MgRecord, article?: string): boolean {
  if (spellings(name).some((s) => written(s, r.evidence))) return true;
  if (article !== undefined && introducedShortName(name, article, r.evidence)) return true;
  // The source's own metadata is shown beside the evidence in every table.
  return plain(name) === plain(r.source_outlet) || spellings(name).some((s) => written(s, r.source_title));
}

// ---- the check ------------------------------------------------------------------------------------------

/** What a record states that its evidence (or its source's metadata) does not show; [] when everything traces. */
export function untraced(r: MgRecord, article?: string): string[] {
  const missing: string[] = [];
  const nums = numbersWritten(r.evidence);
  if (r.value !== null && !nums.some((n) => same(n, r.value!))) missing.push(`value ${r.value}`);
  if (r.value_max !== null && !nums.some((n) => same(n, r.value_max!))) missing.push(`value_max ${r.value_max}`);
  for (const field of ["date", "date_end", "date_effective"] as const) {
    // The date may be written in the dateline or document field the record names as its date evidence.
    const gap = dateMissing(r[field], r.date_evidence ? `${r.evidence}\n${r.date_evidence}` : r.evidence);
    if (gap) missing.push(`${field}: ${gap}`);
  }
  if (r.subject && !nameShown(r.subject, r, article)) missing.push(`subject "${r.subject}"`);
  for (const o of r.organizations) if (o !== r.subject && !nameShown(o, r, article)) missing.push(`organization "${o}"`);
  return missing;
}

const report = (failures: { id: string; missing: string[]; evidence: string }[]) =>
  failures.map((f) => `${f.id}: ${f.missing.join(", ")} not in evidence "${f.evidence.slice(0, 160)}"`).join("\n");

describe("the checker itself (synthetic records)", () => {
  const base: MgRecord = {
    id: "x", kind: "weight_saving", date: "", date_end: "", date_effective: "", subject: "", organizations: [], region: "",
    title: "", product: "", code: "", value: null, value_max: null, unit: "", per: "", qualifier: "", grade: "", basis: "", price_type: "", status: "", date_evidence: "", evidence: "",
    source_id: "s", source_title: "", source_outlet: "Test Wire", source_url: "", source_published: "",
  };
  it("reads separators, ranges and word scales", () => {
    expect(numbersWritten("It makes 1,350 mt daily and cut 2.5 kg to 7 kg for 100 million yuan, 1.1-1.4 million tonnes")).toEqual(
      expect.arrayContaining([1350, 2.5, 7, 100, 1e8, 1.1e6, 1.4e6]),
    );
  });
  it("flags a name taken from another sentence, and accepts aliases, possessives and legal forms", () => {
    const r = { ...base, subject: "Qorvane Motors", organizations: ["Qorvane Motors"], value: 12, unit: "%", evidence: "It reduces the frame's weight by 12%." };
    expect(untraced(r)).toEqual(['subject "Qorvane Motors"']);
    expect(untraced({ ...r, evidence: "Qorvane Motors' frame is 12% lighter." })).toEqual([]);
    expect(untraced({ ...r, subject: "Qorvane Motors Co., Ltd.", organizations: [], evidence: "Qorvane Motors cut 12%." })).toEqual([]);
    expect(untraced({ ...r, subject: "Test Wire", organizations: [], evidence: "It cut 12%." })).toEqual([]);
    expect(untraced({ ...r, subject: "QORV", organizations: [], evidence: "The QORVANE frame cut 12%." })).toEqual(['subject "QORV"']);
  });
  it("flags a number, a day or a month the evidence does not write; the year may come from context", () => {
    const r = { ...base, kind: "event" as const, value: 21.8, date: "2031-05-16", evidence: "On May 16, it cut 21.5%." };
    expect(untraced(r)).toEqual(["value 21.8"]);
    expect(untraced({ ...r, value: 21.5, date: "2031-05-17" })).toEqual(["date: day of 2031-05-17"]);
    expect(untraced({ ...r, value: 21.5, date: "2031-06" })).toEqual(["date: month of 2031-06"]);
    expect(untraced({ ...r, value: 21.5, date: "2031" })).toEqual([]);
  });
});

describe("bundled dataset (src/data/dataset.json): every record traces to its evidence", () => {
  it("every number, day, month and name of every record is in its evidence or its source's metadata", () => {
    const texts = articleTexts();
    const failures = dataset.records
      .map((r) => ({ id: r.id, missing: untraced(r, texts?.get(r.source_id)), evidence: r.evidence }))
      .filter((f) => f.missing.length > 0);
    expect(report(failures)).toBe("");
  });
});

const corpus = sharedCorpusDir();

/** Each source's body text as the readers give it (source_id -> text), or null without ../shared. */
function articleTexts(): Map<string, string> | null {
  if (!corpus) return null;
  const { inputs } = collectFileInputs([corpus], DEFAULT_MAX_BYTES);
  const texts = new Map<string, string>();
  for (const input of inputs) for (const a of readInput(input).articles) texts.set(a.source_id, a.paragraphs.join("\n"));
  return texts;
}

(corpus ? describe : describe.skip)("bundled dataset against ../shared/corpus", () => {
  it("every evidence (and date evidence) is verbatim text of its source article", () => {
    const { inputs } = collectFileInputs([corpus as string], DEFAULT_MAX_BYTES);
    const texts = new Map<string, string>();
    for (const input of inputs) for (const a of readInput(input).articles) texts.set(a.source_id, a.paragraphs.join("\n"));
    const failures = dataset.records
      .filter((r) => !(texts.get(r.source_id) ?? "").includes(r.evidence) || !(texts.get(r.source_id) ?? "").includes(r.date_evidence))
      .map((r) => ({ id: r.id, missing: [texts.has(r.source_id) ? "verbatim article text" : `source ${r.source_id}`], evidence: r.evidence }));
    expect(report(failures)).toBe("");
  });
});
