// standardCatalogue: a standards catalogue or shop page, which states a standard's facts as labelled fields
// rather than sentences:
//   "Standard ID: GB/T 13748.20-2024 ... Date of Issue: 2024-04-25 Date of Implementation: 2024-11-01"
//   "Issued on. August 29, 2016 Implemented on. July 1, 2017"   (the code in the page's title)
//   "ASTM B951-11 - Standard Practice for ..." with "Publication Date" / "31-Oct-2011" elsewhere on the page
// One record per page, on the sentence that names the standard (its "Standard ID:" or "CODE - Title" line),
// else on the sentence holding the date fields. A date written outside that sentence is carried with its
// field as date evidence. A code the page says it replaces is not the page's standard.
import type { Found, Parser, SentenceContext } from "../context";
import { newFound } from "../context";
import { REPLACED_BEFORE, STANDARD_CODE } from "./standard";

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const MONTH = "(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";
/**
 * A date as catalogues write it: 2024-04-25, August 29, 2016, APRIL 30, 2007, 31-Oct-2011, 29 August 2016; or a
 * month only, as ISO's pages give "Publication date: 2031-02" (the record's date then has month precision).
 */
const FULL_DATE = `(?:\\d{4}-\\d{1,2}-\\d{1,2}|${MONTH}\\.?\\s+\\d{1,2},?\\s+\\d{4}|\\d{1,2}[-\\s]${MONTH}[-\\s]\\d{4}|\\d{4}-\\d{1,2}(?![\\d-]))`;
const SEP = String.raw`\s*[.:：]?\s*`;
// ASTM pages date their edition in a footnote: "Current edition approved May 1, 2021. Published June 2021."
const ISSUE_FIELD = new RegExp(`\\b(?:Date of Issue|Issued on|Issue date|Date of release|Release date|Released on|Publication Date|Date of publication|Current edition approved(?: on)?)${SEP}(${FULL_DATE})`, "i");
const IMPLEMENT_FIELD = new RegExp(`\\b(?:Date of Implementation|Implemented on|Implementation date|Date of implementation|Effective date|Date of entry into force)${SEP}(${FULL_DATE})`, "i");
const STANDARD_ID = /(?:Standard ID|Standard No\.?|Standard number|Designation)\s*[:：]\s*/i;

function isoOf(raw: string): string {
  const s = raw.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  const out = (y: number, mo: number, d: number) => {
    const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
    return mo >= 1 && mo <= 12 && d >= 1 && d <= days ? `${y}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}` : "";
  };
  if (m) return out(+m[1], +m[2], +m[3]);
  m = /^(\d{4})-(\d{1,2})$/.exec(s);
  if (m) return +m[2] >= 1 && +m[2] <= 12 ? `${m[1]}-${m[2].padStart(2, "0")}` : "";
  const month = (name: string) => MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
  m = /^([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$/.exec(s);
  if (m) return out(+m[3], month(m[1]), +m[2]);
  m = /^(\d{1,2})[-\s]([A-Za-z]+)[-\s](\d{4})$/.exec(s);
  if (m) return out(+m[3], month(m[2]), +m[1]);
  return "";
}

interface Field {
  iso: string;
  /** The field as written ("Date of Issue: 2024-04-25"), for date evidence. */
  text: string;
  paragraph: number;
}

/** The page's labelled date fields, first of each kind, with the paragraph they are in. */
function pageFields(paragraphs: readonly string[]): { issued?: Field; implemented?: Field } {
  const found: { issued?: Field; implemented?: Field } = {};
  paragraphs.forEach((p, i) => {
    for (const [key, re] of [["issued", ISSUE_FIELD], ["implemented", IMPLEMENT_FIELD]] as const) {
      if (found[key]) continue;
      const m = re.exec(p);
      const iso = m ? isoOf(m[1]) : "";
      if (m && iso) found[key] = { iso, text: m[0], paragraph: i };
    }
  });
  // "Publication Date" on its own line, the date on the next ("Publication Date" / "31-Oct-2011").
  if (!found.issued) {
    const at = paragraphs.findIndex((p) => /^(?:Publication Date|Date of Issue|Issued on|Release date)\s*[.:]?$/i.test(p.trim()));
    const next = at >= 0 ? paragraphs[at + 1] : undefined;
    const iso = next && new RegExp(`^${FULL_DATE}$`, "i").test(next.trim()) ? isoOf(next) : "";
    if (iso) found.issued = { iso, text: next!.trim(), paragraph: at + 1 };
  }
  return found;
}

/** The code a sentence names as the page's standard (not one it replaces), and the title written after it. */
function namedStandard(text: string): { code: string; title: string; start: number } | undefined {
  const id = STANDARD_ID.exec(text);
  for (const m of text.matchAll(STANDARD_CODE)) {
    const start = m.index;
    if (REPLACED_BEFORE.test(text.slice(Math.max(0, start - 80), start))) continue;
    const byLabel = id !== null && id.index + id[0].length === start;
    const opens = start === 0 || /^\W*$/.test(text.slice(0, start));
    if (!byLabel && !opens) continue;
    let title = "";
    const after = text.slice(start + m[0].length);
    const dash = /^\s*(?:[-–—:]\s+)([^]+)$/.exec(after);
    // "ASTM B93/B93M-21 Standard Specification for ...": ASTM titles open with "Standard" and need no dash.
    const astm = /^\s*,?\s+(Standard\s+(?:Specification|Practice|Test Methods?|Guide|Terminology|Classification)\b[^]*)$/.exec(after);
    if (dash) title = dash[1];
    else if (astm) title = astm[1];
    else {
      const desc = /\bDescription(?:\s*\([^)]*\))?\s*:\s*/i.exec(after);
      if (desc) title = after.slice(desc.index + desc[0].length);
    }
    // The title ends where the next labelled field starts ("... method Sector / Industry: ...").
    title = title.split(/\s+(?:Sector\s*\/\s*Industry|Status|Classification|Word Count|Date of|Older Standard|Issuing agenc|Price|English language)\b|---/i)[0].trim().replace(/[.;,]+$/, "");
    if (title.length > 200) title = "";
    return { code: m[0], title, start };
  }
  return undefined;
}

/** A page's fields and carrier, read once per article (parsers run per sentence). */
const PAGES = new WeakMap<object, { fields: { issued?: Field; implemented?: Field }; titleCode?: ReturnType<typeof namedStandard>; carrier: number }>();
function pageOf(article: SentenceContext["article"]) {
  let page = PAGES.get(article);
  if (!page) {
    const fields = pageFields(article.paragraphs);
    const titleCode = fields.issued || fields.implemented ? namedStandard(article.title) : undefined;
    const carrier = fields.issued || fields.implemented ? carrierParagraph(article.paragraphs, fields, titleCode !== undefined) : -1;
    PAGES.set(article, (page = { fields, titleCode, carrier }));
  }
  return page;
}

export const standardCatalogueParser: Parser = {
  name: "standardCatalogue",
  parse(ctx: SentenceContext): Found[] {
    const { article, sentence } = ctx;
    const { fields, titleCode, carrier } = pageOf(article);
    if (!fields.issued && !fields.implemented) return [];
    if (carrier < 0) return [];
    const paragraph = article.paragraphs[carrier];
    const opensParagraph = (p: number) => article.paragraphs[p].startsWith(sentence.text);
    // What the record quotes: its sentence; a short field block whole ("Issued on. August 29, 2016 Implemented
    // on. July 1, 2017", which the segmenter cuts at "on."), from its first sentence; or the carrier line when it
    // stands as a heading ("ASTM B951-11 - Standard Practice ..."), from the first sentence under it.
    let text: string;
    if (sentence.paragraph === carrier) text = paragraph.length <= 400 && opensParagraph(carrier) ? paragraph : sentence.text;
    else if (sentence.section?.trim() === paragraph.trim() && sentence.paragraph > carrier && opensParagraph(sentence.paragraph) && !article.paragraphs.slice(carrier + 1, sentence.paragraph).some((p) => p.trim() !== "" && p !== paragraph)) text = paragraph;
    else return [];
    const named = namedStandard(STANDARD_ID.test(text) ? text.slice(STANDARD_ID.exec(text)!.index) : text);
    const holdsFields = [fields.issued, fields.implemented].some((f) => f && text.includes(f.text));
    if (!named && !(holdsFields && titleCode)) return [];
    const standard = named ?? titleCode!;
    // A date field outside the quoted text is carried as date evidence; never two (they are not one span of
    // text): then the implementation date, the second, is left out rather than shown without its source.
    const inText = (f: Field | undefined) => !!f && text.includes(f.text);
    const issuedOutside = !!fields.issued && !inText(fields.issued);
    const implementedOutside = !!fields.implemented && !inText(fields.implemented);
    // Both outside but side by side in one paragraph ("Release date: 2031-03-09 Implementation date: 2031-10-01"):
    // one span of text holds both, from the first field through the second.
    const together = issuedOutside && implementedOutside ? fieldSpan(article.paragraphs, fields.issued!, fields.implemented!) : "";
    const keepImplemented = !!fields.implemented && (!implementedOutside || !issuedOutside || together !== "");
    const found = newFound(ctx, "standardCatalogue", {
      kind: "standard",
      code: standard.code,
      title: standard.title || (named ? "" : titleCode?.title ?? ""),
      date: fields.issued?.iso ?? "",
      date_effective: keepImplemented ? fields.implemented!.iso : "",
      date_evidence: together || (issuedOutside ? fields.issued!.text : implementedOutside && keepImplemented ? fields.implemented!.text : ""),
    });
    return [{ ...found, evidence: text }];
  },
};

/** The verbatim text from one field through the other when both sit in one paragraph, at most 200 characters; else "". */
function fieldSpan(paragraphs: readonly string[], a: Field, b: Field): string {
  if (a.paragraph !== b.paragraph) return "";
  const p = paragraphs[a.paragraph];
  const [i, j] = [p.indexOf(a.text), p.indexOf(b.text)];
  if (i < 0 || j < 0) return "";
  const start = Math.min(i, j);
  const end = Math.max(i + a.text.length, j + b.text.length);
  return end - start <= 200 ? p.slice(start, end) : "";
}

/**
 * The paragraph that carries the page's record: the first that names the standard and holds a date field,
 * else the first that names it, else (code in the page title) the first that holds a date field.
 */
function carrierParagraph(paragraphs: readonly string[], fields: { issued?: Field; implemented?: Field }, titleHasCode: boolean): number {
  const holds = (p: string) => [fields.issued, fields.implemented].some((f) => f && p.includes(f.text));
  const names = (p: string) => namedStandard(p) !== undefined || (STANDARD_ID.test(p) && namedStandard(p.slice(STANDARD_ID.exec(p)!.index)) !== undefined);
  let i = paragraphs.findIndex((p) => names(p) && holds(p));
  if (i < 0) i = paragraphs.findIndex(names);
  if (i < 0 && titleHasCode) i = paragraphs.findIndex(holds);
  return i;
}
