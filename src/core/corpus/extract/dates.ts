// Dates as news English writes them, and the year they belong to.
// Mentions: "On May 16", "May 16, 2024", "From October 15 to 17", "On November 26-29", "In November",
// "in late December", "In 2024", "at the end of 2023", "in the first half of 2025", "2024-05-16", "15 May 2024".
// Not dates: "the 22nd" (no month), "(2024 Edition)", "the 2024 National ... Conference", "2024-2025".
// Resolution (never guess): a year written in the mention wins; else the article's subject year; else a year
// stated earlier in the same section; else the publication year when the date is then not after publication;
// else no date.

export interface DateMention {
  start: number;
  end: number;
  text: string;
  /** Year written in the mention itself, if any. */
  year?: number;
  /** "March last year" (-1), "in May this year" (0), "June next year" (1): the publication year's neighbour. */
  yearOffset?: number;
  month?: number;
  day?: number;
  endMonth?: number;
  endDay?: number;
  endYear?: number;
  /** The word(s) before the date, lower case: "on", "in", "from", "by", "since", "end of", ... ("" if none). */
  cue: string;
}

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const MONTH_ALT = "January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.|Feb\\.|Mar\\.|Apr\\.|Jun\\.|Jul\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.";
/** Abbreviations without a period ("Nov 3"): only directly before a day number. */
const MONTH_ABBR_ALT = "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec";
const YEAR = "(?:19|20)\\d{2}";
const ORD = "(?:st|nd|rd|th)?";

function monthIndex(name: string): number {
  const n = name.toLowerCase().replace(".", "");
  return MONTHS.findIndex((m) => m.startsWith(n.slice(0, 3))) + 1;
}

// Month day [range] [, year]. The year must not run on into a number ("May 16, 2024-2025" is not a year).
const MONTH_DAY_RE = new RegExp(
  `\\b(${MONTH_ALT}|(?:${MONTH_ABBR_ALT})(?= \\d)) (\\d{1,2})${ORD}(?!\\d|:\\d)` +
    `(?:\\s?(?:-|–|—|to|through|until|and)\\s?(?:(${MONTH_ALT}) )?(\\d{1,2})${ORD}(?![\\d:,]\\d))?` +
    `(?:,? (${YEAR})(?![\\d-]))?`,
  "g",
);
const MONTH_DAY_ONLY = new RegExp(`^(${MONTH_ALT}) \\d{1,2}${ORD}`);
// day-day Month [year] (British order ranges: "12-14 November", "between 12 and 14 November 2024").
const DAY_RANGE_MONTH_RE = new RegExp(`\\b(\\d{1,2})${ORD}\\s?(?:-|–|to|and)\\s?(\\d{1,2})${ORD} (${MONTH_ALT})(?:,? (${YEAR})(?![\\d-]))?\\b`, "g");
// day Month [year] (British order; "the 4th of March"); an abbreviation without its period only before a year
// ("11 Jun 2031").
const DAY_MONTH_RE = new RegExp(`\\b(\\d{1,2})(?:${ORD} |(?:st|nd|rd|th) of )(${MONTH_ALT}|(?:${MONTH_ABBR_ALT})(?=,? ${YEAR}(?![\\d-])))(?:,? (${YEAR})(?![\\d-]))?\\b`, "g");
// Month [year] with no day.
const MONTH_RE = new RegExp(`\\b(${MONTH_ALT})(?:,? (${YEAR})(?![\\d-]))?\\b`, "g");
// A bare year: only after a cue word, never followed by a range, an edition or a name.
// "the 1950s" is a decade, not a year.
const YEAR_RE = new RegExp(`(${YEAR})(?![\\d]|'?s\\b)`, "g");
const ISO_RE = /\b((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})\b/g;
// European numeric dates: "14.05.2024" (day.month.year, dots only: slashes are ambiguous between US and UK order).
const EURO_RE = /\b(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})\b/g;
// A quarter or half of a year ("Q3 2024", "3Q 2024", "H1 2025"): finer than a year, but no month, so year precision.
// "the first eight months of 2019", "the first 7 months of 2024": from the year's start to the end of that month.
const MONTH_COUNTS: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11 };
const FIRST_MONTHS_RE = new RegExp(`\\b(?:the\\s+)?first\\s+(two|three|four|five|six|seven|eight|nine|ten|eleven|[2-9]|1[01])\\s+months\\s+of\\s+(?:the\\s+year\\s+)?(${YEAR})(?![\\d-])`, "gi");
const QUARTER_RE = new RegExp(`\\b(?:Q[1-4]|[1-4]Q|H[12]|[12]H)\\s?(${YEAR})(?![\\d-])`, "g");

/** Every spelling in MONTH_ALT and MONTH_ABBR_ALT starts with one of these (case-sensitive, as they are). */
const ANY_MONTH = /Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec/;

const PERIOD_LABEL_CUE = /(?:\b(?:in|during|for|by|from|until|till|through|since|of|before|after)\s+(?:the\s+)?|^\s*|[,;:]\s+)$/i;
const MONTH_CUE = /\b(in|since|by|during|until|till|from|through|throughout|as of|before|after|late|early|mid|end of|beginning of|start of|middle of|of)\s+(?:(?:late|early|mid)[- ])?$/i;
const YEAR_CUE = /\b(in|since|by|during|until|till|through|throughout|as of|before|after|end of|beginning of|start of|middle of|half of|quarter of|year|early|late|mid|end|start)[- ]+(?:the\s+)?$/i;

function cueBefore(text: string, pos: number): string {
  const before = text.slice(Math.max(0, pos - 24), pos);
  const m = /(\b(?:at the end of|end of|by the end of|beginning of|start of|first half of|second half of|on|in|from|by|since|during|until|till|through|throughout|as of|before|after|late|early|mid)[- ]+(?:(?:late|early|mid)[- ])?)$/i.exec(before);
  return m ? m[1].trim().toLowerCase() : "";
}

function overlaps(a: { start: number; end: number }, list: { start: number; end: number }[]): boolean {
  return list.some((b) => a.start < b.end && b.start < a.end);
}

function validDay(month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/** Every date mention in a sentence, left to right. */
export function findDates(text: string): DateMention[] {
  const out: DateMention[] = [];
  const push = (d: DateMention) => {
    if (!overlaps(d, out)) out.push(d);
  };
  // Every pattern but a month alone needs a digit; the month patterns need a month's first three letters.
  const digits = /\d/.test(text);
  const months = ANY_MONTH.test(text);
  ISO_RE.lastIndex = 0;
  for (let m = digits ? ISO_RE.exec(text) : null; m; m = ISO_RE.exec(text)) {
    const month = +m[2];
    const day = +m[3];
    if (!validDay(month, day)) continue;
    push({ start: m.index, end: m.index + m[0].length, text: m[0], year: +m[1], month, day, cue: cueBefore(text, m.index) });
  }
  EURO_RE.lastIndex = 0;
  for (let m = digits ? EURO_RE.exec(text) : null; m; m = EURO_RE.exec(text)) {
    const day = +m[1];
    const month = +m[2];
    if (!validDay(month, day)) continue;
    push({ start: m.index, end: m.index + m[0].length, text: m[0], year: +m[3], month, day, cue: cueBefore(text, m.index) });
  }
  MONTH_DAY_RE.lastIndex = 0;
  for (let m = digits && months ? MONTH_DAY_RE.exec(text) : null; m; m = MONTH_DAY_RE.exec(text)) {
    const month = monthIndex(m[1]);
    const day = +m[2];
    if (!validDay(month, day)) continue;
    const d: DateMention = { start: m.index, end: m.index + m[0].length, text: m[0], month, day, cue: cueBefore(text, m.index) };
    if (m[5]) d.year = +m[5];
    if (m[4]) {
      const endMonth = m[3] ? monthIndex(m[3]) : month;
      const endDay = +m[4];
      // "May 16 and 17" style pairs and ranges: the end must come after the start.
      // "May 16 and June 2" are two dates; "September 21 and 22" or "between May 5 and June 2" one span.
      const andAcrossMonths = /\sand\s/.test(m[0]) && endMonth !== month && !/\bbetween\s+$/i.test(text.slice(Math.max(0, m.index - 10), m.index));
      if (!andAcrossMonths && validDay(endMonth, endDay) && (endMonth > month || (endMonth === month && endDay > day))) {
        d.endMonth = endMonth;
        d.endDay = endDay;
        if (d.year) d.endYear = d.year;
      } else {
        // Not a range: keep just "Month day".
        const short = MONTH_DAY_ONLY.exec(m[0]);
        if (short) {
          d.end = d.start + short[0].length;
          d.text = short[0];
          delete d.year;
          MONTH_DAY_RE.lastIndex = d.end; // the second date is a date of its own
        }
      }
    }
    push(d);
  }
  DAY_RANGE_MONTH_RE.lastIndex = 0;
  for (let m = digits && months ? DAY_RANGE_MONTH_RE.exec(text) : null; m; m = DAY_RANGE_MONTH_RE.exec(text)) {
    const month = monthIndex(m[3]);
    const day = +m[1];
    const endDay = +m[2];
    if (!validDay(month, day) || !validDay(month, endDay) || endDay <= day) continue;
    const d: DateMention = { start: m.index, end: m.index + m[0].length, text: m[0], month, day, endMonth: month, endDay, cue: cueBefore(text, m.index) };
    if (m[4]) d.year = d.endYear = +m[4];
    push(d);
  }
  DAY_MONTH_RE.lastIndex = 0;
  for (let m = digits && months ? DAY_MONTH_RE.exec(text) : null; m; m = DAY_MONTH_RE.exec(text)) {
    const month = monthIndex(m[2]);
    const day = +m[1];
    if (!validDay(month, day)) continue;
    const d: DateMention = { start: m.index, end: m.index + m[0].length, text: m[0], month, day, cue: cueBefore(text, m.index) };
    if (m[3]) d.year = +m[3];
    push(d);
  }
  MONTH_RE.lastIndex = 0;
  for (let m = months ? MONTH_RE.exec(text) : null; m; m = MONTH_RE.exec(text)) {
    const d: DateMention = { start: m.index, end: m.index + m[0].length, text: m[0], month: monthIndex(m[1]), cue: cueBefore(text, m.index) };
    if (m[2]) d.year = +m[2];
    // A month alone is a date only after a cue ("In November", "in late December") or with a year.
    const cued = MONTH_CUE.test(text.slice(Math.max(0, m.index - 24), m.index));
    if (!d.year && !cued) continue;
    if (overlaps(d, out)) continue;
    push(d);
  }
  FIRST_MONTHS_RE.lastIndex = 0;
  for (let m = digits ? FIRST_MONTHS_RE.exec(text) : null; m; m = FIRST_MONTHS_RE.exec(text)) {
    const n = MONTH_COUNTS[m[1].toLowerCase()] ?? +m[1];
    push({ start: m.index, end: m.index + m[0].length, text: m[0], year: +m[2], endMonth: n, endYear: +m[2], cue: cueBefore(text, m.index) });
  }
  QUARTER_RE.lastIndex = 0;
  for (let m = digits ? QUARTER_RE.exec(text) : null; m; m = QUARTER_RE.exec(text)) {
    // "Key figures (EUR million) H1 2025 H1 2024 Change" (a results table's header) labels columns: a period dates
    // something after a preposition ("in Q3 2024", "during H1 2025") or opening a clause ("H1 2025 was busy").
    if (!PERIOD_LABEL_CUE.test(text.slice(Math.max(0, m.index - 16), m.index))) continue;
    push({ start: m.index, end: m.index + m[0].length, text: m[0], year: +m[1], cue: cueBefore(text, m.index) });
  }
  YEAR_RE.lastIndex = 0;
  for (let m = digits ? YEAR_RE.exec(text) : null; m; m = YEAR_RE.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    // "mid-2027", "end-2025": a hyphenated time word is a cue, any other word or code glued on is not a date.
    if (/[\w/-]$/.test(text.slice(0, start)) && !/\b(?:mid|early|late|end|start)-$/i.test(text.slice(0, start))) continue;
    const after = text.slice(end, end + 12);
    if (/^\s?[-–/]\s?\d/.test(after)) continue; // "2024-2025", "2024/25"
    if (/^\s+(Edition|edition|version|Version)\b/.test(after)) continue;
    if (/^\s+[A-Z]/.test(after) && !/^\s+(?:[A-Z][a-z]+\s)?(?:and|to)\b/.test(after)) {
      // "In 2024 National ..." is a name; "In 2024 China produced ..." is ambiguous: not a date.
      continue;
    }
    if (!YEAR_CUE.test(text.slice(Math.max(0, start - 24), start))) continue;
    const d: DateMention = { start, end, text: m[0], year: +m[0], cue: cueBefore(text, start) };
    push(d);
  }
  out.sort((a, b) => a.start - b.start);
  for (const d of out) {
    const rel = d.month && !d.year ? /^,?\s+(?:of\s+)?(last|this|next)\s+year\b/i.exec(text.slice(d.end, d.end + 20)) : null;
    if (rel) d.yearOffset = { last: -1, this: 0, next: 1 }[rel[1].toLowerCase() as "last" | "this" | "next"];
  }
  // A dateline ("BEIJING, Dec. 6 (AlloyChina) — ...", "VANCOUVER, BC, Sept. 9, 2024 /PRNewswire/ -- ...") dates the
  // report, not what the sentence tells: it stands for "today" only when the sentence gives no other date.
  // "Kolding, 21 August 2025 - X today announced its results for the six months ended 30 June 2025": "today" is the
  // dateline's day, and the other date ends a period.
  if (out.length > 1 && isDateline(text, out[0]) && !/\btoday\b/i.test(text)) out.shift();
  return out;
}

const DATELINE_BEFORE = /^[A-Z][A-Za-z .'-]{1,40}(?:,\s[A-Z][A-Za-z .'-]{1,30})?,\s$/;
const DATELINE_AFTER = /^\s*(?:\([^)]{1,40}\)|\/[^/]{1,30}\/)?\s*(?:—|–|--|-)\s/;

/** Does `d` open the sentence as a dateline ("SYDNEY, Oct 2 (Reuters) - ...")? */
export function isDateline(text: string, d: DateMention): boolean {
  return DATELINE_BEFORE.test(text.slice(0, d.start)) && DATELINE_AFTER.test(text.slice(d.end));
}

export interface YearContext {
  /** The year the article is about (from its title or opening sentence). */
  articleYear?: number;
  /** A year written in another date of the same sentence ("on January 9, 2024, and launched in April"). */
  sentenceYear?: number;
  /** A year stated earlier in the same section. */
  sectionYear?: number;
  /** Publication date YYYY-MM-DD or "". */
  published?: string;
}

const pad = (n: number) => String(n).padStart(2, "0");

function iso(year: number, month?: number, day?: number): string {
  if (!month) return String(year);
  if (!day) return `${year}-${pad(month)}`;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** The year a mention without its own year belongs to, or undefined when the text does not pin it down. */
export function contextYear(d: DateMention, ctx: YearContext): number | undefined {
  if (d.year) return d.year;
  if (d.yearOffset !== undefined) return ctx.published && /^\d{4}/.test(ctx.published) ? +ctx.published.slice(0, 4) + d.yearOffset : undefined;
  const pubDay = ctx.published && /^\d{4}-\d{2}-\d{2}$/.test(ctx.published) ? ctx.published : "";
  // A borrowed year never puts a yearless mention after publication ("On Dec. 1 ... by the end of 2026").
  if (ctx.sentenceYear && !(pubDay && iso(ctx.sentenceYear, d.month, d.day) > pubDay.slice(0, iso(ctx.sentenceYear, d.month, d.day).length))) return ctx.sentenceYear;
  // A year after publication ("... eyes 2026 listing" in the title, "plans to list in 2026") is a plan's year:
  // what happened is dated by the years of the past, never by it.
  const pubYear = ctx.published && /^\d{4}/.test(ctx.published) ? +ctx.published.slice(0, 4) : undefined;
  const notFuture = (y: number | undefined) => y !== undefined && (pubYear === undefined || y <= pubYear);
  if (ctx.articleYear && notFuture(ctx.articleYear)) return ctx.articleYear;
  if (ctx.sectionYear && notFuture(ctx.sectionYear)) return ctx.sectionYear;
  const pub = ctx.published && /^\d{4}-\d{2}-\d{2}$/.test(ctx.published) ? ctx.published : "";
  if (pub) {
    const y = +pub.slice(0, 4);
    const candidate = iso(y, d.month, d.day);
    // Not after publication: compare at the precision of the mention.
    if (candidate <= pub.slice(0, candidate.length)) return y;
  }
  return undefined;
}

export interface ResolvedDate {
  date: string;
  date_end: string;
}

/**
 * `upcoming`: the text says the date is still to come ("which takes effect on Oct. 1", "will be implemented from
 * March 1") in an article with a publication date: a date without a year is then the next one after publication.
 */
export function resolveDate(d: DateMention, ctx: YearContext, opts: { upcoming?: boolean } = {}): ResolvedDate {
  let year = contextYear(d, ctx);
  if (year === undefined && opts.upcoming && d.month && ctx.published && /^\d{4}-\d{2}-\d{2}$/.test(ctx.published)) {
    const y = +ctx.published.slice(0, 4);
    year = iso(y, d.month, d.day) > ctx.published.slice(0, d.day ? 10 : 7) ? y : y + 1;
  }
  if (year === undefined) return { date: "", date_end: "" };
  const date = iso(year, d.month, d.day);
  let date_end = "";
  if (d.endDay && d.endMonth) date_end = iso(d.endYear ?? year, d.endMonth, d.endDay);
  else if (d.endMonth && !d.month) date_end = iso(d.endYear ?? year, d.endMonth); // "the first eight months of 2019"
  return { date, date_end };
}

/**
 * The year an article is about: the single year in its title ("Major Events ... in 2024"), else a year that
 * opens one of its first sentences ("In 2024, ..."). Undefined when neither says.
 */
export function articleSubjectYear(title: string, openingSentences: readonly string[]): number | undefined {
  const titleYears = Array.from(new Set((title.match(/(?<![\d-])(?:19|20)\d{2}(?![\d-])/g) ?? []).map(Number)));
  if (titleYears.length === 1) return titleYears[0];
  for (const s of openingSentences) {
    const m = /(?:^|[.:]\s|\s)(?:In|During|Throughout|For) ((?:19|20)\d{2}),/.exec(s);
    if (m) return +m[1];
  }
  return undefined;
}

/** "In 2023, ..." states the year of what follows; "by 2030" or "at the end of 2023" date one thing only. */
const YEAR_STATING_CUES = new Set(["in", "during", "throughout"]);

/** A year a sentence states outright (a mention with its own year), used as the section's year for later sentences. */
export function statedYear(mentions: readonly DateMention[], text = ""): number | undefined {
  // Only a full date ("January 9, 2024", "May 2024") pins the year of its neighbours; "by 2030" or
  // "in the first half of 2025" say when something else is due, and so does a date something takes effect or is
  // due on ("On Nov. 7, X released the "...", which take effect on Jan. 1, 2026": Nov. 7 is not in 2026).
  for (const d of mentions) {
    if (!d.year || !(d.month || YEAR_STATING_CUES.has(d.cue)) || d.cue === "by") continue;
    if (text && (DUE_BEFORE.test(text.slice(Math.max(0, d.start - 40), d.start)) || PLAN_BEFORE.test(clauseHead(text, d.start)) || insideQuotes(text, d.start))) continue;
    return d.year;
  }
  return undefined;
}
/** Inside a quoted title ("... Industry in 2026"): an odd number of straight quotes before, or an open curly one. */
function insideQuotes(text: string, pos: number): boolean {
  const before = text.slice(0, pos);
  if ((before.match(/"/g) ?? []).length % 2 === 1) return true;
  return before.lastIndexOf("\u201c") > before.lastIndexOf("\u201d");
}
/** "expected to come online in 2015", "plans to start production in 2026": the year of a plan, in the mention's clause. */
const PLAN_BEFORE = /\b(?:will|would|expected to|expects? to|plans? to|planned to|due to|scheduled to|set to|aims? to|intends? to|is to|are to)\s+(?:[\w-]+\s+){0,4}(?:in|by|from|during)\s+(?:the\s+)?(?:(?:first|second|end|start|beginning|middle)\s+(?:half\s+|quarter\s+)?of\s+)?$/i;
function clauseHead(text: string, pos: number): string {
  const head = text.slice(Math.max(0, pos - 80), pos);
  const cut = Math.max(head.lastIndexOf(", "), head.lastIndexOf("; "));
  return cut >= 0 ? head.slice(cut + 2) : head;
}
const DUE_BEFORE = /(?:\b(?:take|takes|took|taking|come|comes|came|coming)\s+(?:effect|into force)|\beffective|\bbe implemented|\bwill\s+\w+|\bdue|\bscheduled|\bexpected|\buntil|\bthrough|\bdeadline)\s+(?:on|from|as of|in|by|for)?\s*$/i;

/**
 * Right before a date an act or an order applies from ("effective June 1", "applicable from 15 May", "takes effect
 * on", "entered into force on", "beginning August 1", "starting from"): its date_effective, not when it was made.
 * Shared by the policy parsers that read a start (tradeRemedy, governmentOrder).
 */
export const APPLIES_FROM_BEFORE = /\b(?:effective(?:\s+(?:from|on|as of))?|applicable(?:\s+(?:from|on|as of))?|tak(?:es|e|en|ing)\s+effect\s+(?:on|from|as of)?|took\s+effect\s+(?:on|from)?|(?:come|comes|came|enter|enters|entered)\s+into\s+(?:force|effect)\s+(?:on|from)?|beginning(?:\s+(?:from|on))?|starting(?:\s+(?:from|on))?)\s*$/i;

/**
 * Background in an apposition or a relative clause ("X, which listed on the ASX in 2021, began production on 3 March
 * 2025", "Founded in 1998, X opened ...", "X, founded (by Y) in 1998, opened ...", "After securing funding in 2023, X began ..."):
 * its date is not of the main happening.
 */
const BACKGROUND = /,\s(?:which|who)\s[^,;]{0,120}?,\s|,\s(?:founded|established|set up|incorporated|formed|created|listed|built|opened|commissioned)\s+(?:by\s+[^,;]{1,60}?\s+)?(?:in|on)\s+[^,;]{0,40}?,\s|^(?:Founded|Established|Set up|Incorporated|Formed|Created|Listed|Built|Opened|Commissioned)\s+(?:by\s+[^,;]{1,60}?\s+)?(?:in|on)\s+[^,;]{0,40}?,\s|^(?:After|Following)\s[^,;]{0,120}?,\s/g;
/** Whether text[start, end) lies in a background clause of the sentence (see BACKGROUND). */
export function withinBackground(text: string, start: number, end: number): boolean {
  for (const m of text.matchAll(BACKGROUND)) if (start >= m.index && end <= m.index + m[0].length) return true;
  return false;
}
