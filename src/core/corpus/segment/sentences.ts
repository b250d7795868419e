// Sentence boundaries inside one paragraph. Each span is a slice of the paragraph (evidence must be
// verbatim), so the splitter only decides where to cut, never rewrites text.
//
// Traps handled: abbreviations ("Co., Ltd.", "U.S.", "No. 1", initials), decimals ("1.4", "21.8%"),
// list/section markers at a sentence start ("1.", "4.3", "V."), and sentences run together without a
// space ("witnessed the moment.4. Minmetals ...", "project list.The ...").

/** Never end a sentence (a title or reference follows). */
const STRONG_ABBREVIATIONS = new Set([
  "mr", "mrs", "ms", "dr", "prof", "st", "no", "nos", "vol", "vols", "fig", "figs", "vs", "e.g", "i.e", "cf",
  "approx", "ca", "gen", "gov", "sen", "rep", "rev", "hon", "capt", "col", "lt", "sgt", "mt", "pp", "art",
  "sec", "ch", "eq", "dept", "univ", "assn", "bros", "messrs", "mme", "mlle", "pres", "supt", "insp",
]);
/** May end a sentence: company suffixes, "etc.", month abbreviations, initials and dotted acronyms. */
const WEAK_ABBREVIATIONS = new Set([
  "co", "ltd", "inc", "corp", "llc", "plc", "bhd", "pte", "pty", "nv", "bv", "sa", "ag", "etc", "jr", "sr",
  "al", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
]);
/** Words that start a sentence often and a name rarely: after a weak abbreviation they mean a new sentence. */
export const SENTENCE_STARTERS = new Set([
  "The", "This", "That", "These", "Those", "It", "Its", "In", "On", "At", "According", "As", "After", "Before",
  "During", "Since", "From", "With", "However", "Meanwhile", "Currently", "Additionally", "Moreover",
  "Furthermore", "Also", "He", "She", "They", "We", "There", "Our", "Their", "His", "Her", "A", "An", "But",
  "Both", "Each", "Such", "Recently", "Subsequently", "Previously", "Today", "Yesterday", "Last", "Compared",
  "Following", "Under", "By", "For", "Through", "Thus", "Therefore", "Besides", "Notably", "Overall",
  "Earlier", "Later", "When", "While", "If", "Although", "Despite", "Among", "Based", "Its",
]);

const MAX_TOKEN = 64;
/**
 * Longest sentence kept whole, in UTF-16 units. The longest real sentences seen (a Federal Register notice's)
 * are under 1,000; text that runs on past this without a sentence end (a page of names, figures or commas with
 * no period) is cut at its last clause break (";", ",", a dash, then a space) before the limit. Every later step
 * costs about a sentence's length per record or per name it finds, so a bound here keeps the whole build linear.
 */
export const MAX_SENTENCE_CHARS = 2000;
const CLOSERS = "\"'”’)]»";
const OPENERS = "\"'“‘([«";
const LIST_MARKER_RE = /^(?:\d{1,3}(?:\.\d{1,3})*|[IVXLCivxlc]{1,6}|[A-Za-z])$/;
const SECTION_NUMBER_AHEAD_RE = /^\d{1,3}(?:\.\d{1,3})*\.?\s+[\p{Lu}"“]/u;
/** "[2]", "[12]": a footnote marker right after a sentence's stop, when a space follows. */
const FOOTNOTE_AHEAD_RE = /^\[\d{1,3}\](?=\s)/;

function isSpace(ch: string | undefined): boolean {
  return ch !== undefined && /\s/.test(ch);
}

/** Index of the first non-space character at or after `i` (p.length when none). */
function nextNonSpace(p: string, i: number): number {
  while (i < p.length && isSpace(p[i])) i++;
  return i;
}

function firstWord(s: string): string {
  const m = /^[\p{L}\p{N}'’&-]+/u.exec(s);
  return m ? m[0] : "";
}

/** After a weak abbreviation: does `next` clearly start a new sentence? */
function startsSentenceStrongly(next: string): boolean {
  if (SECTION_NUMBER_AHEAD_RE.test(next)) return true;
  return SENTENCE_STARTERS.has(firstWord(next));
}

/** Start of the whitespace-free token ending just before `end`. */
function tokenStart(p: string, end: number, floor: number): number {
  let s = end;
  // Bounded look-back: no abbreviation is long, and an unbounded scan is quadratic on text without spaces.
  floor = Math.max(floor, end - MAX_TOKEN);
  while (s > floor && !isSpace(p[s - 1]) && !OPENERS.includes(p[s - 1])) s--;
  return s;
}

export interface Span {
  start: number;
  end: number;
}

/** Decides whether the "." at `dot` (closers consumed up to `after`) ends the sentence begun at `start`. */
function periodEndsSentence(p: string, start: number, dot: number, after: number): boolean {
  if (!isSpace(p[after]) && !/[\p{Lu}\d]/u.test(p[after] ?? "")) return false; // "1.4", "a.b", "example.com"
  const ts = tokenStart(p, dot, start);
  const token = p.slice(ts, dot);
  if (isSpace(p[after])) {
    let n = after;
    while (isSpace(p[n])) n++;
    const next = p.slice(n, n + 80);
    const ch = next[0];
    if (ch === undefined) return true;
    if (/\p{Ll}/u.test(ch)) return false;
    if (!(/[\p{Lu}\p{N}]/u.test(ch) || OPENERS.includes(ch) || /\p{Lo}/u.test(ch))) return false;
    if (token === "") return true;
    // "1." / "4.3." / "V." opening a sentence is a list or section marker, not a sentence.
    if (ts === start && LIST_MARKER_RE.test(token)) return false;
    const lower = token.toLowerCase();
    if (STRONG_ABBREVIATIONS.has(lower)) return false;
    if (WEAK_ABBREVIATIONS.has(lower) || /^\p{Lu}$/u.test(token) || /^(?:\p{L}\.)+\p{L}$/u.test(token)) {
      return startsSentenceStrongly(next);
    }
    return true;
  }
  // No space after the period: only a lower-case word run into a section number or a capitalised word,
  // never inside numbers, URLs, e-mail addresses or dotted names.
  if (!/^\p{L}*\p{Ll}{2}$/u.test(token) || token.length < 3) return false;
  let chunkEnd = after;
  while (chunkEnd < p.length && chunkEnd < after + MAX_TOKEN && !isSpace(p[chunkEnd])) chunkEnd++;
  const chunk = p.slice(ts, chunkEnd);
  if (/[/@]|^www\.|\.(com|org|net|cn|gov|edu|io)\b/i.test(chunk)) return false;
  const rest = p.slice(after, after + 80);
  return SECTION_NUMBER_AHEAD_RE.test(rest) || /^\p{Lu}\p{Ll}+[\s,]/u.test(rest);
}

/** Where to cut a run-on span [s, e) longer than MAX_SENTENCE_CHARS: after its last clause break in the window. */
function cutPoint(p: string, s: number, e: number): number {
  const limit = Math.min(e, s + MAX_SENTENCE_CHARS);
  const floor = s + (MAX_SENTENCE_CHARS >> 1);
  for (const breaks of [";", ",—–", " \t\n\u00a0"]) {
    for (let k = limit - 1; k >= floor; k--) if (breaks.includes(p[k])) return k + 1;
  }
  // No break at all (a run of digits): a hard cut, never inside a surrogate pair.
  const c = p.charCodeAt(limit - 1);
  return c >= 0xd800 && c <= 0xdbff ? limit - 1 : limit;
}

/** Sentence spans of one paragraph, trimmed, in order; their text is p.slice(start, end). */
export function splitSentences(p: string): Span[] {
  const spans: Span[] = [];
  const push = (s: number, e: number) => {
    for (;;) {
      while (s < e && isSpace(p[s])) s++;
      if (e - s <= MAX_SENTENCE_CHARS) break;
      const cut = cutPoint(p, s, e);
      let ce = cut;
      while (ce > s && isSpace(p[ce - 1])) ce--;
      if (ce > s) spans.push({ start: s, end: ce });
      s = cut;
    }
    while (e > s && isSpace(p[e - 1])) e--;
    if (e > s) spans.push({ start: s, end: e });
  };
  let start = 0;
  while (start < p.length && isSpace(p[start])) start++;
  for (let i = start; i < p.length; i++) {
    const c = p[i];
    if (c === "。" || c === "！" || c === "？") {
      let k = i + 1;
      while (k < p.length && CLOSERS.includes(p[k])) k++;
      push(start, k);
      start = k;
      i = k - 1;
      continue;
    }
    if (c !== "." && c !== "!" && c !== "?" && c !== "…") continue;
    let j = i;
    while (j + 1 < p.length && ".!?…".includes(p[j + 1])) j++;
    let k = j + 1;
    while (k < p.length && CLOSERS.includes(p[k])) k++;
    // A footnote reference after the stop ("... of the Act.[2] On February 16, ...") ends the sentence it follows.
    const note = FOOTNOTE_AHEAD_RE.exec(p.slice(k, k + 8));
    if (note) k += note[0].length;
    if (k >= p.length) break;
    let ends: boolean;
    if (c === "." && j === i) ends = periodEndsSentence(p, start, i, k);
    else ends = isSpace(p[k]) && /[\p{Lu}\p{N}"“‘(\p{Lo}]/u.test(p[nextNonSpace(p, k)] ?? "");
    if (ends) {
      push(start, k);
      start = k;
      while (start < p.length && isSpace(p[start])) start++;
      i = start - 1;
    } else {
      i = j;
    }
  }
  push(start, p.length);
  return spans;
}
