// Organisation mentions in a sentence: registry aliases first (longest match), then generic name patterns
// (Title-Case words ending in a head noun such as "Co., Ltd.", "Group", "University", "Commission").
// Rules (documented in docs/ARCHITECTURE.md):
//  - Text inside double quotes is a title, not a mention.
//  - A generic name that overlaps a registered alias resolves to the registered entity: sub-units named
//    after their parent ("SAIC's Innovation R&D Institute", "X Department of MIIT") belong to the parent.
//    But a registered name followed by Magnesium, Aluminium, Alloys or Metals is a subsidiary of its own
//    ("Qinghai Salt Lake Magnesium" is not "Qinghai Salt Lake"); see registeredStartOf.
//  - Generic names are canonicalised by dropping the legal form only ("Co., Ltd.", "Ltd.", "Inc.",
//    "LLC", "Limited", "Corp.", "Corporation"); words such as "Group" or "Technology" stay.
//  - Possessives ("Seres'", "Baogang's") are mentions of the name without the possessive.
import { EntityRegistry, Entity, EntityType } from "./registry";
import { isProvince, PROVINCE_NAMES, regionFromName } from "./regions";

export interface EntityMention {
  start: number;
  end: number;
  /** The text as written (without a possessive). */
  text: string;
  entity: Entity;
  /** True when the name came from the registry. */
  registered: boolean;
}

/** Same-length copy with typographic apostrophes made plain, so offsets stay valid. */
export function plainApostrophes(s: string): string {
  return s.includes("’") || s.includes("‘") ? s.replace(/[’‘]/g, "'") : s;
}

/** [start, end) spans of text inside double quotes ("..." or “...”). */
const OPENING_SINGLE = /(?:^|[\s([—–-])['‘][A-Z0-9]/;

export function quotedSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  if (text.includes('"') || text.includes("“")) {
    const re = /"([^"]*)"|“([^”]*)”/g;
    for (let m = re.exec(text); m; m = re.exec(text)) spans.push([m.index, m.index + m[0].length]);
  }
  // Cheap first look: an opening single quote after a space or bracket, before a capital or digit.
  if (!OPENING_SINGLE.test(text)) return spans;
  // Single quotes as some outlets quote titles ('Implementation Plan for ...'): an opening quote after a space
  // or bracket before a capital, a closing one not inside a word; apostrophes inside ("China's") stay inside.
  const single = /(?<=^|[\s([—–-])['‘](?=[A-Z0-9])((?:[^'‘’"“”]|['’](?=\p{L}))+?)['’](?![\p{L}\p{N}])/gu;
  const doubles = spans.slice();
  for (let m = single.exec(text); m; m = single.exec(text)) {
    const span: [number, number] = [m.index, m.index + m[0].length];
    // A possessive plural ("the firms' plans") is no closing quote of a title of two words or more.
    if (m[1].trim().split(/\s+/).length < 2) continue;
    if (!doubles.some(([a, b]) => span[0] < b && a < span[1])) spans.push(span);
  }
  return spans.sort((a, b) => a[0] - b[0]);
}

/** Is `pos` inside one of the sorted, disjoint spans? (binary search: long sentences have many quotes) */
export function inSpans(pos: number, spans: readonly [number, number][]): boolean {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [a, b] = spans[mid];
    if (pos < a) hi = mid - 1;
    else if (pos >= b) lo = mid + 1;
    else return true;
  }
  return false;
}

const isAlnum = (c: string | undefined) => !!c && /[A-Za-z0-9]/.test(c);

function registryMentions(text: string, registry: EntityRegistry, quotes: [number, number][]): EntityMention[] {
  const out: EntityMention[] = [];
  // Registered names start with a capital or a digit ("3M") or one of a few lower-case words ("the ..."):
  // other words need no lookup, and the registry's regex skips them.
  const word = registry.firstWords;
  word.lastIndex = 0;
  let skipUntil = 0;
  for (let m = word.exec(text); m; m = word.exec(text)) {
    const pos = m.index;
    const w = m[0];
    if (pos < skipUntil || inSpans(pos, quotes)) continue;
    if (!registry.mayBeFirstWord(w.charCodeAt(0), w.length > 1 ? w.charCodeAt(1) : 0, w.length)) continue;
    for (const alias of registry.candidatesAt(text, pos, w)) {
      if (!text.startsWith(alias, pos)) continue;
      const end = pos + alias.length;
      if (isAlnum(text[end]) && isAlnum(alias[alias.length - 1])) continue;
      const entity = registry.entityForAlias(alias);
      if (!entity) continue;
      out.push({ start: pos, end, text: alias, entity, registered: true });
      skipUntil = end;
      break;
    }
  }
  return out;
}

// ---- generic names -------------------------------------------------------------------------------

const HEAD_TYPES: Record<string, EntityType> = {
  Group: "company", Company: "company", Corporation: "company", Fund: "company",
  // Words companies end their names with ("Brightcast Mg Solutions", "Regal Magnesium Holdings").
  Solutions: "company", Technologies: "company", Industries: "company", Holdings: "company", Motors: "company", Automotive: "company",
  University: "university",
  Institute: "institute", Academy: "institute", Center: "institute", Centre: "institute", Laboratory: "institute",
  Association: "association", Society: "association", Alliance: "association", Federation: "association", Chamber: "association",
  Commission: "government", Ministry: "government", Government: "government", Bureau: "government", Council: "government",
  Department: "government", Administration: "government", Office: "government", Committee: "government",
};
// Legal forms of other jurisdictions too: "Kestrel Magnesium Corp", "Nordcast Druckguss GmbH", "Tasman Light Metals Pty Ltd".
const SOFT_HEADS = new Set(["Solutions", "Technologies", "Industries", "Holdings", "Motors", "Automotive"]);
// Nordic (AS, ASA, AB, Oy, Oyj, A/S), Romance (SA, S.A., SpA, S.p.A.), Dutch (NV, BV), Japanese (KK), Malaysian (Bhd,
// "Sdn Bhd") and Russian (JSC, PJSC) forms are as common in this trade as Ltd. and Inc.
const LEGAL = new Set(["Ltd.", "Ltd", "Inc.", "Inc", "Corp.", "Corp", "LLC", "Limited", "GmbH", "AG", "plc", "PLC", "S.A.", "N.V.", "S.p.A.", "AS", "ASA", "AB", "Oy", "Oyj", "B.V.", "BV", "A/S", "ApS", "SA", "SpA", "NV", "KK", "Bhd", "Berhad", "JSC", "PJSC", "OJSC", "SE", "SAS", "S.A.S.", "Ltda", "Ltda.", "Tbk", "Srl", "SRL", "S.r.l."]);
const PORTFOLIO = String.raw`(?:Trade|Industry|Energy|Economy|Commerce|Science|Technology|Information|Resources|Environment|Planning|Development|Innovation|Infrastructure|Transport|Mines|Mining|Finance|Employment|Labour|Labor|Ecology|Climate|Agriculture|Land)`;
/** ", Industry and Energy" after "Ministry of Trade": only portfolio words, so ", Baowu and Chalco" never joins a name. */
const PORTFOLIO_LIST = new RegExp(String.raw`^,\s(?:${PORTFOLIO},\s){0,3}${PORTFOLIO},?\s(?:and|&)\s${PORTFOLIO}\b`);
/** Words that end a name when walking left: people's titles and sentence openers. */
const LEFT_STOP = new Set([
  "The", "A", "An", "On", "In", "At", "From", "By", "For", "With", "According", "During", "This", "These", "That",
  "Its", "Both", "Multiple", "Meanwhile", "Currently", "Additionally", "Subsequently", "After", "Before", "As", "Since",
  "Secretary", "Chairman", "Director", "President", "Mayor", "Professor", "Academician", "Deputy", "Manager",
  "Vice", "Executive", "Member", "Leader", "Dean", "Head", "Minister", "Governor", "Chief", "General", "CEO", "Founder",
  "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
  // Days and sentence adverbs open clauses, not names: "On Monday Halden Metals AS began ...".
  "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Today", "Yesterday", "However",
  "Separately", "Elsewhere", "Earlier", "Later", "Also", "Now", "Last",
]);

interface Tok {
  s: number;
  e: number;
  t: string;
}

function tokenize(text: string): Tok[] {
  const toks: Tok[] = [];
    // "A/S" (Danish and Norwegian companies) is one token: a legal form written with a slash.
  const re = /[A-Za-z0-9](?:[A-Za-z0-9'&-]|\.(?=[A-Za-z0-9])|(?<=\bA)\/(?=S\b))*\.?|[(),]/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let t = m[0];
    // A sentence-final period is not part of the word, except in abbreviations of legal forms.
    // Nor in initialisms ("U.S. Department of Commerce"): their last period belongs to them.
    if (t.length > 1 && t.endsWith(".") && !/^(Co|Ltd|Inc|Corp|St|Jr|S\.p\.A|S\.r\.l|Ltda)\.$/.test(t) && !/^(?:[A-Z]\.){2,}$/.test(t)) t = t.slice(0, -1);
    toks.push({ s: m.index, e: m.index + t.length, t });
  }
  return toks;
}

// By char code and endsWith: these run for every token a name walk passes.
const isCap = (t: string) => {
  const c = t.charCodeAt(0);
  return c >= 65 && c <= 90;
};
const isPossessive = (t: string) => (t.endsWith("'") || t.endsWith("'s")) && t !== "People's";
/** /^\s*$/.test(text.slice(a, b)), without the slice for the usual single space. */
const onlySpace = (text: string, a: number, b: number) => (b - a === 1 && text.charCodeAt(a) === 32) || a === b || /^\s*$/.test(text.slice(a, b));

/** Index of the last token of a legal suffix starting at i ("Co.", ",", "Ltd."), or -1. */
function legalSuffixEnd(toks: Tok[], i: number): number {
  const t = toks[i]?.t;
  if (t === "Co." || t === "Co") {
    if (toks[i + 1]?.t === "," && LEGAL.has(toks[i + 2]?.t ?? "")) return i + 2;
    if (LEGAL.has(toks[i + 1]?.t ?? "")) return i + 1;
    return i;
  }
  if (t === "Pty" || t === "Pty.") return LEGAL.has(toks[i + 1]?.t ?? "") ? i + 1 : i;
  if (t === "Sdn" && (toks[i + 1]?.t === "Bhd" || toks[i + 1]?.t === "Berhad")) return i + 1;
  if (t && LEGAL.has(t)) return i;
  return -1;
}

/**
 * How many tokens a name walk crosses from its head noun or legal form, either way. The longest names seen
 * ("Ningxia Hui Autonomous Region Department of Industry and Information Technology", "... (Group) Co., Ltd.")
 * have about a dozen; without a bound, a run of capitalised words and legal forms ("Co. Ltd. Inc. U.S." x 1000)
 * makes every head walk back to the start: names the length of the text, quadratic work.
 */
export const MAX_NAME_TOKENS = 24;

interface GenericName {
  start: number;
  end: number;
  text: string;
  type: EntityType;
}

const INHERITED = new Set(Object.getOwnPropertyNames(Object.prototype));

/** Cheap test: could the text hold a head noun or a legal form at all? */
const ANY_HEAD = new RegExp(`\\b(?:Co\\b|${["Ltd", "Inc", "Corp", "LLC", "Limited", "Pty", "GmbH", "AG", "plc", "PLC", "AS", "ASA", "AB", "Oy", "Oyj", "BV", "SA", "SpA", "NV", "KK", "Bhd", "Berhad", "Sdn", "JSC", "PJSC", "OJSC", "SE", "SAS", "S\\.A\\.S\\.", "Ltda", "Tbk", "Srl", "SRL", "S\\.r\\.l\\.", "A\\/S", "ApS", "Solutions", "Technologies", "Industries", "Holdings", "Motors", "Automotive", "S\\.A\\.", "N\\.V\\.", "S\\.p\\.A\\.", ...Object.keys({ Group: 1, Company: 1, Corporation: 1, Fund: 1, University: 1, Institute: 1, Academy: 1, Center: 1, Centre: 1, Laboratory: 1, Association: 1, Society: 1, Alliance: 1, Federation: 1, Chamber: 1, Commission: 1, Ministry: 1, Government: 1, Bureau: 1, Council: 1, Department: 1, Administration: 1, Office: 1, Committee: 1 })].join("|")})`);

function genericNames(text: string, quotes: [number, number][]): GenericName[] {
  const out: GenericName[] = [];
  if (!ANY_HEAD.test(text)) return out;
  const toks = tokenize(text);
  let i = 0;
  while (i < toks.length) {
    const tok = toks[i];
    // Heads and legal forms are capitalised but "plc": other words go at once. (HEAD_TYPES[t] also finds what
    // every object inherits, "constructor", "toString": those keep the full test.)
    const c0 = tok.t.charCodeAt(0);
    if (!(c0 >= 65 && c0 <= 90) && tok.t !== "plc" && !INHERITED.has(tok.t)) {
      i++;
      continue;
    }
    const legalEnd = legalSuffixEnd(toks, i);
    // Words that end company names but also describe ("Automotive Wheel Hubs"): a head only where the name ends.
    const next = toks[i + 1]?.t ?? "";
    const headType = SOFT_HEADS.has(tok.t) && isCap(next) && legalSuffixEnd(toks, i + 1) < 0 ? undefined : HEAD_TYPES[tok.t];
    if ((legalEnd < 0 && !headType) || inSpans(tok.s, quotes)) {
      i++;
      continue;
    }
    // Walk left over Title-Case words, parentheticals ("(Maanshan)") and inner connectors.
    let parentEnd = -1;
    let first = i;
    let j = i - 1;
    const floor = i - MAX_NAME_TOKENS;
    while (j >= 0 && j >= floor) {
      const t = toks[j].t;
      // "(Korea Metals Daily) — Hanul ...": a parenthetical belongs to the name only when a space alone follows it.
      if (t === ")" && onlySpace(text, toks[j].e, toks[j + 1].s)) {
        let k = j - 1;
        while (k >= 0 && k >= floor && toks[k].t !== "(" && isCap(toks[k].t)) k--;
        if (k >= 0 && toks[k].t === "(" && k < j - 1) {
          first = k;
          j = k - 1;
          continue;
        }
        break;
      }
      if (isPossessive(t) && isCap(t) && !LEFT_STOP.has(t)) {
        parentEnd = j;
        break;
      }
      // "General Office of ...", "General Administration of ...": here "General" names the body, not a person's title.
      const generalBody = t === "General" && j === i - 1 && /^(?:Office|Administration|Secretariat|Bureau)$/.test(tok.t);
      // "Oslo-based Halden Metals AS": where it is based, opening the phrase, is no part of its name (inside a name,
      // "Anhui Provincial Magnesium-based New Materials ... Institute", it is).
      const basedIn = t.endsWith("-based") && (j === 0 || !isCap(toks[j - 1].t) || LEFT_STOP.has(toks[j - 1].t));
      if ((LEFT_STOP.has(t) && !generalBody) || isPossessive(t) || basedIn || inSpans(toks[j].s, quotes)) break;
      // A name's words are separated by spaces only: "PRNewswire/ -- Coastline Magnesium Inc." starts at "Coastline".
      if (isCap(t) && t !== "(" && onlySpace(text, toks[j].e, toks[j + 1].s)) {
        first = j;
        j--;
        continue;
      }
      // A legal form ends a name: "X Castings Ltd and Y Tooling Ltd" are two companies.
      if ((t === "and" || t === "&") && j > 0 && isCap(toks[j - 1].t) && !LEFT_STOP.has(toks[j - 1].t) && !LEGAL.has(toks[j - 1].t) && !/^Co\.?$/.test(toks[j - 1].t)) {
        j--;
        continue;
      }
      // "Branch of the China ... Association": cross "of (the)" only when a head noun stands before it.
      if (t === "the" && toks[j - 1]?.t === "of" && HEAD_TYPES[toks[j - 2]?.t ?? ""]) {
        j -= 2;
        continue;
      }
      if (t === "of" && HEAD_TYPES[toks[j - 1]?.t ?? ""]) {
        j--;
        continue;
      }
      break;
    }
    // Walk right: "University of Science and Technology Beijing", "Center for Light Alloy Precision Forming".
    let last = legalEnd >= 0 ? legalEnd : i;
    if (legalEnd < 0) {
      const k = i + 1;
      if ((toks[k]?.t === "of" || toks[k]?.t === "for") && toks[k].s === toks[k - 1].e + 1) {
        let m = k + 1;
        if (toks[m]?.t === "the") m++;
        let lastCap = -1;
        while (m < toks.length && m <= i + MAX_NAME_TOKENS) {
          const t = toks[m].t;
          if (isCap(t) && !LEFT_STOP.has(t) && !inSpans(toks[m].s, quotes)) {
            lastCap = m;
            if (isPossessive(t)) break;
            m++;
          } else if ((t === "and" || t === "&") && isCap(toks[m + 1]?.t ?? "") && toks[m + 1]?.t !== "The") m++;
          // "Ministry of Trade, Industry and Energy": a list of portfolios inside a body's name.
          else if (t === "," && PORTFOLIO_LIST.test(text.slice(toks[m].s, toks[m].s + 80))) m++;
          else break;
        }
        if (lastCap > 0 && !isPossessive(toks[lastCap].t)) last = lastCap;
      }
      const legal = legalSuffixEnd(toks, last + 1);
      if (legal >= 0 && toks[last + 1].t !== "Co" ) last = legal;
    }
    // "Tessaro Auto's Powertrain Institute": a unit named after its parent is the parent.
    if (parentEnd >= 0) {
      let k = parentEnd;
      while (k > 0 && k > floor && isCap(toks[k - 1].t) && !LEFT_STOP.has(toks[k - 1].t) && !isPossessive(toks[k - 1].t)) k--;
      const start = toks[k].s;
      const end = toks[parentEnd].e - (toks[parentEnd].t.endsWith("'s") ? 2 : 1);
      const parent = text.slice(start, end);
      if (isProvince(parent) && headType === "government") {
        // "Inner Mongolia's Department of Industry and Information Technology": a province's own body, named as written.
        out.push({ start, end: toks[last].e, text: text.slice(start, toks[last].e), type: "government" });
        i = last + 1;
        continue;
      }
      if (!isProvince(parent) && parent.length > 1) out.push({ start, end, text: parent, type: "organization" });
      i = Math.max(i + 1, legalEnd + 1);
      continue;
    }
    // Skip leading connectors left dangling.
    while (first < i && !isCap(toks[first].t) && toks[first].t !== "(") first++;
    const hasName = first < i || last > i;
    if (hasName) {
      let start = toks[first].s;
      let end = toks[last].e;
      // Never end inside a possessive: "Co., Ltd.'s" -> "Co., Ltd.".
      let name = text.slice(start, end);
      if (/'s$/.test(name) && !/People's$/.test(name)) {
        end -= 2;
        name = name.slice(0, -2);
      }
      start = toks[first].s;
      const type = headType ?? HEAD_TYPES[toks[last].t] ?? "company";
      out.push({ start, end, text: name, type: legalEnd >= 0 ? companyOrHead(toks, first, i) : type });
    }
    i = last + 1;
  }
  return out;
}

/** "X Research Institute Co., Ltd." is an institute; "X Technology Co., Ltd." a company. */
function companyOrHead(toks: Tok[], first: number, legalStart: number): EntityType {
  for (let k = legalStart - 1; k >= first; k--) {
    const h = HEAD_TYPES[toks[k].t];
    if (h) return h === "government" ? "company" : h;
    break;
  }
  return "company";
}

/** Words that describe rather than name: a generic name made only of these (and head nouns) is no name. */
const DESCRIPTIVE = new Set([
  "Party", "Standing", "Executive", "National", "Research", "Development", "Industry", "Industrial", "Technology",
  "Technical", "Engineering", "Science", "Sciences", "Management", "Joint", "Innovation", "Local", "Municipal",
  "Provincial", "Central", "State", "Key", "New", "Expert", "Experts", "Project", "Leading", "Working", "Organizing",
  "R&D", "Materials", "Material", "Metal", "Metals", "Magnesium", "Design", "Planning", "Vehicle", "Environmental",
]);

/** Names that say they are an authority, whatever their last word ("... Leading Group"). */
const GOVERNMENT_NAME = /\b(Commission|Ministry|Government|Bureau|Department|Administration|Leading Group|Party Committee|Provincial|Municipal)\b/;

/** Canonical form of a name outside the registry: legal form dropped, leading article dropped. */
export function canonicalGenericName(name: string): string {
  let n = plainApostrophes(name).trim().replace(/^the\s+/i, "");
  for (;;) {
    const next = n.replace(/,?\s*(Co\.,?\s*Ltd\.?|Co\.\s*Limited|Company Limited|Pty\.?\s*Ltd\.?|Pty\.?|Sdn\.?\s*(?:Bhd|Berhad)\.?|Ltd\.?|Limited|Inc\.?|LLC|Corp\.?|Corporation|Co\.|GmbH|AG|plc|PLC|S\.A\.|N\.V\.|S\.p\.A\.|ASA|AS|A\/S|ApS|AB|Oyj|Oy|B\.V\.|BV|SA|SpA|NV|KK|Bhd\.?|Berhad|PJSC|OJSC|JSC|SE|S\.A\.S\.|SAS|Ltda\.?|Tbk|S\.r\.l\.|Srl|SRL)$/, "").trim();
    if (next === n || next === "") break;
    n = next;
  }
  return n;
}

/**
 * Overlap test against spans sorted by start, for queries that come in increasing start order: a moving
 * pointer keeps it linear on long sentences.
 */
function sweep(spans: readonly { start: number; end: number }[]): (q: { start: number; end: number }) => boolean {
  let i = 0;
  return (q) => {
    while (i < spans.length && spans[i].end <= q.start) i++;
    for (let j = i; j < spans.length && spans[j].start < q.end; j++) if (spans[j].end > q.start) return true;
    return false;
  };
}

/** Words that continue a name without naming another organisation ("SAIC Motor Corporation" is SAIC Motor). */
const SAME_ORGANISATION_WORD = /^(?:Group|Holdings?|Company|Co|Corporation|Corp|Ltd|Limited|Inc|LLC|PLC|AG|AS|A\/S|SA|SE|NV|BV|GmbH|KG)$/;
/**
 * The one word that, added to a registered name, names a subsidiary in this industry ("Qinghai Salt
 * Lake Magnesium", "Baowu Magnesium"). Deliberately narrow: "Technology" or "Materials" often finish the
 * same company's full name, and a job title or a person ("Tesla CEO Elon Musk") is no organisation.
 */
const SUBSIDIARY_WORD = /^(?:Magnesium|Aluminium|Aluminum|Alloys?|Metals?)$/;

/**
 * The registered mention a longer name begins with, when the longer name is another organisation:
 * "Qinghai Salt Lake Magnesium" (a subsidiary) is not "Qinghai Salt Lake". Only when the further words
 * are one SUBSIDIARY_WORD, then at most a legal form or "Group" ("SAIC Motor Corporation" is SAIC Motor;
 * "SAIC Motor Chairman Wang" is SAIC), and not when the longer name overlaps any other mention.
 */
function registeredStartOf(text: string, name: { start: number; end: number }, mentions: readonly EntityMention[], registeredAt?: ReadonlyMap<number, EntityMention>): EntityMention | undefined {
  // By start when the caller has them so (a long text has many names: no scan of all mentions for each).
  const at = registeredAt?.get(name.start);
  const shorter = registeredAt ? (at && at.end < name.end ? at : undefined) : mentions.find((m) => m.registered && m.start === name.start && m.end < name.end);
  if (!shorter) return undefined;
  if (mentions.some((m) => m !== shorter && m.start < name.end && m.end > name.start)) return undefined;
  const further = text.slice(shorter.end, name.end).trim().split(/\s+/).map((w) => w.replace(/[.,]+$/, ""));
  if (!SUBSIDIARY_WORD.test(further[0]) || !further.slice(1).every((w) => SAME_ORGANISATION_WORD.test(w))) return undefined;
  // the name goes on in the same words: "Qinghai Salt Lake" + " Magnesium", not "SAIC" + "'s ..."
  if (!/^\s[A-Z]/.test(text.slice(shorter.end, shorter.end + 2))) return undefined;
  return shorter;
}

/** What findOrganizations reads of a text whatever the registry: kept per article, as texts are scanned again. */
export interface TextScan {
  plain: string;
  /** quotedSpans(plain). */
  quotes: [number, number][];
  generic?: GenericName[];
  actors?: GenericName[];
}
/** Per-article memo of text scans, by text (one article's sentences, title and headings). */
export type TextScans = Map<string, TextScan>;

export function scanOf(text: string, scans?: TextScans): TextScan {
  let scan = scans?.get(text);
  if (!scan) {
    const plain = plainApostrophes(text);
    scan = { plain, quotes: quotedSpans(plain) };
    scans?.set(text, scan);
  }
  return scan;
}

/**
 * Every organisation mentioned in `text`, in order, non-overlapping. `registry` may include article-local
 * aliases (see `acronymDefinitions`).
 */
export function findOrganizations(text: string, registry: EntityRegistry, scans?: TextScans): EntityMention[] {
  const scan = scanOf(text, scans);
  const { plain, quotes } = scan;
  const known = registryMentions(plain, registry, quotes);
  const mentions: EntityMention[] = [...known];
  const overlapsKnown = sweep(known);
  const knownEnds = new Set(known.map((k) => k.end));
  for (const g of (scan.generic ??= genericNames(plain, quotes))) {
    const shorter = registeredStartOf(plain, g, mentions);
    if (overlapsKnown(g) && !shorter) continue;
    // "SAIC's Innovation R&D Institute": a unit named after its registered parent is the parent.
    if (knownEnds.has(g.start - 3) && plain.slice(g.start - 3, g.start) === "'s ") continue;
    if (knownEnds.has(g.start - 2) && plain.slice(g.start - 2, g.start) === "' ") continue;
    const canonical = canonicalGenericName(g.text);
    // One word is a name only with its legal form written ("Fjordmag AS", "Eontec Ltd."), not as a bare head noun.
    if (!/[A-Za-z]{2}/.test(canonical) || (canonical.split(/\s+/).length < 2 && (canonical === g.text || !/^[A-Z][a-z]{2,}/.test(canonical)))) continue;
    // "the Party Committee", "the Research Institute": a description, not a name.
    if (canonical.split(/\s+/).every((w) => DESCRIPTIVE.has(w) || HEAD_TYPES[w] || /^(?:of|the|and|for|&)$/.test(w))) continue;
    const registered = registry.lookup(canonical) ?? registry.lookup(g.text);
    const type: EntityType = GOVERNMENT_NAME.test(canonical) ? "government" : g.type;
    const entity: Entity = registered ?? { name: canonical, aliases: [g.text], type, region: regionFromName(canonical) };
    const mention = { start: g.start, end: g.end, text: g.text, entity, registered: !!registered };
    if (shorter) mentions[mentions.indexOf(shorter)] = mention;
    else mentions.push(mention);
  }
  mentions.sort((a, b) => a.start - b.start);
  const overlapsAny = sweep(mentions.slice());
  const registeredAt = new Map(mentions.filter((m) => m.registered).map((m) => [m.start, m] as const));
  for (const g of (scan.actors ??= actorNames(plain, quotes))) {
    const shorter = registeredStartOf(plain, g, mentions, registeredAt);
    if (overlapsAny(g) && !shorter) continue;
    const registered = registry.lookup(g.text);
    const entity: Entity = registered ?? { name: canonicalGenericName(g.text) || g.text, aliases: [g.text], type: "organization", region: "" };
    const mention = { start: g.start, end: g.end, text: g.text, entity, registered: !!registered };
    if (shorter) mentions[mentions.indexOf(shorter)] = mention;
    else mentions.push(mention);
  }
  mentions.sort((a, b) => a.start - b.start);
  return mentions;
}

/** Verbs whose Title-Case subject at the start of a clause is an organisation ("Corvel Drive signed ..."). */
/** What an actor does right after its name: "has signed", "began", "will" ... */
const ACTOR_VERBS = String.raw`(?:has\s|have\s|had\s|also\s|jointly\s|officially\s|successfully\s|recently\s|further\s)?(?:released|launched|held|signed|announced|unveiled|introduced|delivered|completed|opened|started|said|developed|produced|built|acquired|invested|won|shipped|exported|began|commissioned|unveils|launches|signs|announces|will hold|holds|operates|owns|runs|plans|planned|expects|reported|posted|agreed|approved|aims|intends|confirmed|stated|noted|told|supplies|supplied|established|partnered|teamed up|received|obtained|secured|raised|expanded|idled|closed|restarted|resumed|halted|suspended|added|adds|increased|boosted|doubled|bought|purchased|sold|ordered|has|have|had|will)\b`;
const ACTOR_RE = new RegExp(String.raw`(?:^|[,;:]\s|\.\s)(?:the\s+)?(?:(?:[A-Z][\w-]*\s){0,2}(?:[a-z][\w-]*\s)?(?:producer|maker|carmaker|automaker|manufacturer|miner|supplier|developer|smelter|foundry|company|firm|group|refiner|processor|recycler)\s)?((?:[A-Z][\w&'-]*\s){0,4}[A-Z][\w&-]*)\s${ACTOR_VERBS}`, "g");
/**
 * An actor whose verb comes after an aside: "Corvel Drive, in partnership with Norvik Magnesium, began",
 * "Corvel Drive, which listed in 2021, began", "Corvel Drive together with Norvik Magnesium began". The aside
 * opens with a lower-case word ("North America, Europe and Asia, have" is a list, not an aside).
 */
const ACTOR_ASIDE_RE = new RegExp(String.raw`(?:^|[,;:]\s|\.\s)(?:the\s+)?((?:[A-Z][\w&'-]*\s){1,4}[A-Z][\w&-]*)(?:,\s[a-z][^,;]{1,80},|\s(?:together with|along with|alongside|jointly with)\s[^,;]{1,60}?)\s${ACTOR_VERBS}`, "g");

/**
 * Other places an unregistered Title-Case name is an organisation: two subjects of one action verb ("Corvel
 * Drive and Norvik Magnesium signed ..."), an apposition that says what it is ("Halden Metals, a Norwegian
 * producer, ..."), the agent of a passive ("a plant built by Tarvos Minerals", "owned by ...") and the seller
 * after a purchase ("bought a line from Brenta Leghe").
 */
// A whole Title-Case run, never its first words only ("by the Shaanxi ... Engineering Research Center of ...").
const NAME = String.raw`((?:[A-Z][\w&'-]*\s){1,4}[A-Z][\w&-]*)(?![\w&-]|\s[A-Z(])`;
const ACTOR_VERB_HEAD = String.raw`(?:has\s|have\s|had\s|also\s|jointly\s|recently\s)?(?:signed|agreed|announced|formed|launched|established|set up|teamed up|partnered|will|have|plan|planned|completed|opened|unveiled)\b`;
const PAIR_RE = new RegExp(String.raw`(?:^|[,;:]\s|\.\s)(?:the\s+)?${NAME}\s(?:and|&)\s${NAME}\s${ACTOR_VERB_HEAD}`, "g");
const APPOSITION_RE = new RegExp(String.raw`(?:^|[,;:]\s|\.\s|\s)${NAME},\s(?:a|an|the)\s(?:[\w-]+\s){0,5}(?:company|producer|maker|manufacturer|miner|developer|supplier|smelter|foundry|firm|group|subsidiary|unit|startup|start-up|refiner|processor|recycler|caster|diecaster|die-caster|fabricator|trader|explorer|partner|customer|rival|competitor|owner|operator|parent|affiliate|venture)(?:\s(?:of|in|based|listed|owned)\b[^,]{0,60})?,`, "g");
// Not "led / founded / designed by": people lead, found and design.
const AGENT_RE = new RegExp(String.raw`\b(?:built|owned|operated|run|developed|acquired|bought|purchased|supplied|produced|made|controlled|backed|financed|funded|commissioned|awarded|taken over)\s+by\s+(?:the\s+)?${NAME}`, "g");
/** "chief executive of Tarvos Minerals", "a subsidiary of ...", "an agreement with ...": the company named after it. */
const ROLE_OF_RE = new RegExp(String.raw`\b(?:chief executive(?: officer)?|CEO|chairman|chairwoman|chair|president|managing director|general manager|spokesperson|spokesman|spokeswoman|founder|subsidiary|unit|division|affiliate|parent company|agreement|deal|contract|partnership|memorandum of understanding|joint venture|together|along|jointly|cooperation|collaboration|talks|negotiations)\s+(?:of|at|with)\s+(?:the\s+)?${NAME}`, "g");
const SELLER_RE = new RegExp(String.raw`\b(?:bought|buys|purchased|purchases|acquired|acquires|ordered|orders|sourced|sources|licensed|licenses)\s(?:[\w%-]+\s){1,8}?from\s+(?:the\s+)?${NAME}`, "g");

/** The owner of a plant or project: "Qinghai Western Magnesium's 100,000 mt/year magnesium project passed ...". */
// "Tarvos Minerals' plant" as "Tarvos Minerals's"; and what a company owns or makes: its capacity, output, shares, parts.
const OWNER_RE = /(?:^|[,;:]\s|\.\s|\s)((?:[A-Z][\w&-]*\s){1,4}[A-Z][\w&-]*?)(?:'s|(?<=s)')\s+(?:[\w,./-]+\s+){0,6}?(?:project|plant|smelter|production line|factory|facility|mill|foundry|refinery|mine|capacity|output|production|shares|subsidiary|seat frame|frame|part|component|housing|casting|castings|bracket|wheel|wheels)\b/g;

const COUNTRY = new RegExp(`^(?:${PROVINCE_NAMES.join("|")}|China|India|Japan|Korea|South Korea|Taiwan|Vietnam|Thailand|Indonesia|Malaysia|Australia|Canada|Mexico|Brazil|Russia|Kazakhstan|Israel|Turkey|Germany|France|Italy|Spain|Norway|Sweden|Finland|Poland|Austria|Britain|UK|U\\.K\\.|US|U\\.S\\.|America|Europe|Asia|North America|South America|Latin America|Southeast Asia|South Asia|East Asia|Central Asia|Middle East|Western Europe|Eastern Europe|Northern Europe|European Union|United States|United Kingdom|New Zealand|South Africa|Saudi Arabia)$`);

/** Titles before a person's name ("Chief Executive Ingrid Solberg", "Minister Ola Nordmann"). */
const PERSON_TITLE = /^(?:Secretary|Chairman|Director|President|Mayor|Professor|Academician|Deputy|Manager|Vice|Executive|Member|Leader|Dean|Head|Minister|Governor|Chief|CEO|Founder)$/;
/** Plural nouns of a class: a Title-Case run ending in one names a group of firms or people. */
const CLASS_NOUN = /^(?:Producers|Companies|Firms|Smelters|Manufacturers|Makers|Suppliers|Plants|Buyers|Sellers|Traders|Consumers|Automakers|Carmakers|Investors|Casters|Diecasters|Miners|Refiners|Exporters|Importers|Users|Customers|Analysts|Officials|Sources|Markets|Prices|Shareholders|Workers|Experts)$/;

const APPOSITION_HINT = /, (?:a|an|the) /;
const ASIDE_HINT = /, [a-z][^,;]{1,80},|\s(?:together with|along with|alongside|jointly with)\s/;

function actorNames(text: string, quotes: [number, number][]): GenericName[] {
  const out: GenericName[] = [];
  for (const re of [ACTOR_RE, OWNER_RE, PAIR_RE, APPOSITION_RE, AGENT_RE, SELLER_RE, ROLE_OF_RE, ACTOR_ASIDE_RE]) {
    if (re === OWNER_RE && !text.includes("'")) continue; // an owner is a possessive
    if (re === PAIR_RE && !/ (?:and|&) /.test(text)) continue;
    if ((re === AGENT_RE && !text.includes(" by ")) || (re === SELLER_RE && !text.includes(" from "))) continue;
    // The other patterns try a name at every word; a cheap look for what each needs skips most sentences.
    if (re === APPOSITION_RE && !APPOSITION_HINT.test(text)) continue;
    if (re === ACTOR_ASIDE_RE && !ASIDE_HINT.test(text)) continue;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) for (const group of re === PAIR_RE ? [1, 2] : [1]) {
      let name = m[group];
      let start = group === 2 ? m.index + m[0].indexOf(name, m[0].indexOf(m[1]) + m[1].length) : m.index + m[0].indexOf(name);
      const words = name.split(" ");
      let titled = false;
      while (words.length > 0 && (LEFT_STOP.has(words[0]) || words[0].endsWith("-based"))) {
        titled ||= PERSON_TITLE.test(words[0]);
        start += words[0].length + 1;
        words.shift();
      }
      // "by Chief Executive Ingrid Solberg": a person after her title.
      if (titled) continue;
      // "India's Vedant Light Alloys will build": the name starts after a country's possessive. (After an
      // organisation's, "SAIC's Innovation R&D Institute", the unit is the parent's: left to the parent rule.)
      const lastPossessive = words.slice(0, -1).map((w) => /'s?$/.test(w)).lastIndexOf(true);
      if (lastPossessive >= 0 && COUNTRY.test(words.slice(0, lastPossessive + 1).join(" ").replace(/'s?$/, ""))) {
        for (let k = 0; k <= lastPossessive; k++) start += words.shift()!.length + 1;
      }
      name = words.join(" ");
      if (!name || inSpans(start, quotes) || isProvince(name) || COUNTRY.test(name) || /\b(?:Province|City|County|Region|District|Prefecture|Municipality)$/.test(name) || /^(?:It|They|We|He|She|Experts?|Participants|Representatives|Leaders|Both|Each|All|Some|Many|Researchers|Scientists|Officials)$/.test(name)) continue;
      // One plain word could be any capitalised word: only an acronym or a CamelCase brand passes alone.
      if (words.length === 1 && !/^[A-Z][A-Za-z]*[A-Z]/.test(name)) continue;
      // "Magnesium Industry has": a description, not a name.
      if (words.every((w) => DESCRIPTIVE.has(w) || /^(?:Alloys?|Chinese|China|Global|World|Domestic|Overseas|Primary|Downstream|Upstream)$/.test(w))) continue;
      if (words.some((w) => /^(?:January|February|March|April|May|June|July|August|September|October|November|December)$/.test(w))) continue;
      // "Chinese Magnesium Producers", "Local Investors": a class of firms or people, not one.
      if (CLASS_NOUN.test(words[words.length - 1])) continue;
      out.push({ start, end: start + name.length, text: name, type: "organization" });
    }
  }
  // In text order, one name per span: the patterns overlap ("X and Y signed" is also "Y signed"), and the
  // overlap test of findOrganizations reads them in order.
  out.sort((x, y) => x.start - y.start || y.end - x.end);
  let reach = -1;
  return out.filter((g) => {
    if (g.start < reach) return false;
    reach = g.end;
    return true;
  });
}

const ACRONYM_IN_PARENS = /\((?:the\s+)?[A-Z][A-Za-z]*[A-Z][A-Za-z0-9&-]*\)/;

/**
 * Acronyms an article defines right after a name: "the National Development and Reform Commission (NDRC)",
 * "Federation of Hong Kong Industries (FHKI)". They resolve to the named entity for the rest of that article.
 */
export function acronymDefinitions(text: string, registry: EntityRegistry, mentions?: EntityMention[]): { alias: string; entity: Entity }[] {
  const out: { alias: string; entity: Entity }[] = [];
  if (!ACRONYM_IN_PARENS.test(text)) return out;
  const plain = plainApostrophes(text);
  for (const m of mentions ?? findOrganizations(plain, registry)) {
    const def = /^\s*\((?:the\s+)?([A-Z][A-Za-z]*[A-Z][A-Za-z0-9&-]*)\)/.exec(plain.slice(m.end));
    if (!def) continue;
    const alias = def[1];
    if (alias.length > 12) continue;
    // Already known (to this entity or another): nothing to learn.
    if (registry.entityForAlias(alias)) continue;
    out.push({ alias, entity: m.entity });
  }
  return out;
}

const LEGAL_TAIL = /(?:,?\s+(?:Co\.?,?\s+)?(?:Ltd\.?|Inc\.?|Corp\.?|LLC|Limited|GmbH|AG|plc|PLC|S\.A\.|N\.V\.|S\.p\.A\.|ASA|AS|AB|Oyj|Oy|A\/S|B\.V\.|BV|SA|SpA|NV|KK|(?:Sdn\.?\s+)?Bhd\.?|Berhad|PJSC|OJSC|JSC|SE|S\.A\.S\.|SAS|Ltda\.?|Tbk|S\.r\.l\.|Srl|SRL|Pty\.?\s+Ltd\.?|Corporation))+$/;

/**
 * Names written once with their legal form and after without it: "U.S. Magnesium LLC" then "U.S. Magnesium",
 * "Alliance Magnesium Inc." then "Alliance Magnesium". Two words at least, each capitalised, never a word
 * the registry gives another entity.
 */
export function legalFormlessDefinitions(mentions: readonly EntityMention[][], registry: EntityRegistry): { alias: string; entity: Entity }[] {
  const out: { alias: string; entity: Entity }[] = [];
  const learned = new Set<string>();
  for (const ms of mentions) {
    for (const m of ms) {
      if (m.entity.type === "government" || m.entity.type === "place" || !LEGAL_TAIL.test(m.text)) continue;
      const alias = m.text.replace(LEGAL_TAIL, "").trim();
      const words = alias.split(/\s+/);
      if (words.length < 2 || !words.every((w) => /^[A-Z0-9]/.test(w)) || NOT_SHORT_NAME.test(alias)) continue;
      // Known by key to another entity: not ours to learn. (To the same one, its spelling is still learned:
      // the matcher reads exact spellings, "U.S. Magnesium" beside "US Magnesium".)
      const known = registry.lookup(alias);
      if ((known && known.name !== m.entity.name) || learned.has(alias)) continue;
      // The canonical name learns the spelling too, so "is this name written here" checks accept it.
      const entity = { ...m.entity, aliases: [...m.entity.aliases, alias] };
      out.push({ alias, entity }, { alias: entity.name, entity });
      learned.add(alias).add(entity.name);
    }
  }
  return out;
}

const TICKER = /((?:[A-Z][\w&.'-]*\s){0,4}[A-Z][\w&.-]*)\s*\(\s*(?:ASX|TSXV|TSX-V|TSX|NYSE|NYSE American|NASDAQ|Nasdaq|LSE|AIM|OTCQB|OTCQX|OTC|CSE|FSE|FWB|HKEX|SEHK|HK|SSE|SZSE|KRX|KOSDAQ|TYO|TSE|NZX|JSE|OSE|Oslo|Euronext|XETRA|Xetra|SIX|BIT|TASE|NSE|BSE|IDX|SGX|TWSE|MOEX|WSE|BMV|OMX|Nasdaq Stockholm|Nasdaq Helsinki|Nasdaq Copenhagen)\s*:\s*[A-Z0-9.]{1,8}(?:\s*[;,]\s*[A-Z][\w -]{0,12}:\s*[A-Z0-9.]{1,8})*\s*\)/g;

/**
 * Listed companies named with their ticker: "Latrobe Magnesium (ASX: LMG)", "Coastline Magnesium (TSXV: CMG)".
 * The name, two words at least, is a company for the rest of the article.
 */
export function tickerDefinitions(texts: readonly string[], registry: EntityRegistry): { alias: string; entity: Entity }[] {
  const out: { alias: string; entity: Entity }[] = [];
  const learned = new Set<string>();
  for (const raw of texts) {
    if (!raw.includes(":")) continue;
    TICKER.lastIndex = 0;
    for (let m = TICKER.exec(raw); m; m = TICKER.exec(raw)) {
      const words = m[1].split(/\s+/);
      while (words.length > 0 && (LEFT_STOP.has(words[0]) || /^(?:The|A|An)$/.test(words[0]))) words.shift();
      const alias = words.join(" ").replace(LEGAL_TAIL, "").trim();
      if (alias.split(/\s+/).length < 2 || registry.entityForAlias(alias) || learned.has(alias)) continue;
      const known = registry.lookup(alias);
      const entity: Entity = known ? { ...known, aliases: [...known.aliases, alias] } : { name: alias, aliases: [alias], type: "company", region: "" };
      out.push({ alias, entity });
      learned.add(alias);
      if (known) {
        out.push({ alias: known.name, entity });
        learned.add(known.name);
      }
    }
  }
  return out;
}

/** Distinct canonical names of mentions, in order of first mention. */
export function canonicalNames(mentions: readonly EntityMention[]): string[] {
  const seen: string[] = [];
  for (const m of mentions) if (!seen.includes(m.entity.name)) seen.push(m.entity.name);
  return seen;
}

/** Verbs after which a lone capitalised word is a company acting ("Kestrel also operates", "Tasman raised"). */
const SHORT_ACTOR_AFTER = /^(?:'s?\b|\s+(?:also\s+|now\s+|still\s+|further\s+)?(?:said|says|holds|held|operates|operated|owns|runs|raised|plans|planned|expects|expected|employs|reported|posted|signed|agreed|announced|opened|started|launched|supplies|supplied|shipped|produced|produces|makes|made|will|would|has|had|is|was|began|[a-z]{3,}ed)\b)/;
/** A short name defined in a press release: 'Coastline Magnesium Inc. (TSXV: CMG) ("Coastline" or the "Company")'. */
const DEFINED_SHORT = /^\s*(?:\([^()]{1,40}\)\s*)?\(\s*(?:the\s+)?["“]([A-Z][\w&.-]{1,30}(?: [A-Z][\w&.-]{1,30})?)["”]/;
/** A government's short name defined right after it: "(Commerce)", "(“Department”)", "(the “Commission”)". */
const DEFINED_SHORT_GOVERNMENT = /^\s*\(\s*(?:the\s+)?["“]?([A-Z][a-z]{2,30})["”]?\s*\)/;
const NOT_SHORT_NAME = /^(?:The|This|That|China|Chinese|National|New|Global|World|International|United|American|European|North|South|East|West|Central|General|First|Great|Royal|Light|Metal|Metals|Magnesium|Alloy|Alloys|Advanced|Asia|Asian|Pacific)$/;

/**
 * Short names an article uses for an organisation it named in full: "Kestrel Magnesium Corp said ..." then
 * "Kestrel also operates ...", "Kestrel's shipments". The first word of an unregistered name of two words or
 * more resolves to it for the rest of that article when the article also uses that word alone as an actor
 * (a possessive or a verb after it). Never a province or city, never a word two names share, never a word the
 * registry knows.
 */
export function shortNameDefinitions(texts: readonly string[], mentions: readonly EntityMention[][], registry: EntityRegistry): { alias: string; entity: Entity }[] {
  const byWord = new Map<string, Entity | null>();
  for (const ms of mentions) {
    for (const m of ms) {
      if (m.registered || m.entity.type === "government" || m.entity.type === "place") continue;
      const words = m.entity.name.split(/\s+/);
      const first = words[0];
      if (words.length < 2 || !/^[A-Z][a-z]{2,}$/.test(first) || NOT_SHORT_NAME.test(first) || LEFT_STOP.has(first) || DESCRIPTIVE.has(first)) continue;
      if (isProvince(first) || registry.entityForAlias(first) || registry.lookup(first)) continue;
      const seen = byWord.get(first);
      if (seen === undefined) byWord.set(first, m.entity);
      else if (seen && seen.name !== m.entity.name) byWord.set(first, null); // two names share it: ambiguous
    }
  }
  const out: { alias: string; entity: Entity }[] = [];
  const learned = new Set<string>();
  const learn = (alias: string, entity: Entity) => {
    // The entity learns its short name (so every check of "is this name written here" accepts it), and the
    // article's registry learns the full name too, so lookups of the canonical name find this entity.
    const known: Entity = { ...entity, aliases: [...entity.aliases, alias] };
    out.push({ alias, entity: known }, { alias: entity.name, entity: known });
    learned.add(alias).add(entity.name);
  };
  texts.forEach((raw, i) => {
    if (!/\(\s*(?:the\s+)?["“]?[A-Z]/.test(raw)) return;
    for (const m of mentions[i] ?? []) {
      // A notice names its government issuer once in full and defines how it calls it after:
      // 'the Department of Commerce ("Department")', 'the Department of Commerce (Commerce)'.
      const government = m.entity.type === "government";
      if (m.registered && !government) continue;
      const def = (government ? DEFINED_SHORT_GOVERNMENT : DEFINED_SHORT).exec(plainApostrophes(raw).slice(m.end));
      if (!def || registry.entityForAlias(def[1]) || /^(?:Company|Group|Issuer|Corporation)$/.test(def[1])) continue;
      if (!learned.has(def[1])) learn(def[1], m.entity);
      byWord.delete(def[1]);
    }
  });
  // How each candidate word is used: one pass over the article's text (sentences joined by line breaks, which
  // no pattern below crosses) visiting every whole word (a maximal run of [\w-]) that is a candidate.
  const usage = new Map<string, { actor: boolean; place: boolean }>();
  if ([...byWord.values()].some((e) => e)) {
    const text = texts.map(plainApostrophes).join("\n");
    const words = /[\w-]+/g;
    for (let m = words.exec(text); m; m = words.exec(text)) {
      const word = m[0];
      if (!byWord.get(word)) continue;
      let u = usage.get(word);
      if (!u) usage.set(word, (u = { actor: false, place: false }));
      const after = text.slice(m.index + word.length, m.index + word.length + 40);
      if (/^\s+(?:City|County|Province|District|Prefecture|Municipality|Region)\b|^,\s+[A-Z]/.test(after) || /\b(?:near|outside|in the town of|in the city of)\s+$/.test(text.slice(Math.max(0, m.index - 16), m.index))) u.place = true;
      else if (!/^\s+[A-Z]/.test(after) && SHORT_ACTOR_AFTER.test(after)) u.actor = true;
    }
  }
  for (const [word, entity] of byWord) {
    if (!entity) continue;
    const u = usage.get(word);
    if (!u || !u.actor || u.place || learned.has(word)) continue;
    learn(word, entity);
  }
  return out;
}
