// Prices and standards as the MG functions answer them: MG.PRICE (the price that holds on a day),
// MG.PRICES (a series' history, oldest first, like Bloomberg's BDH) and MG.STANDARD (a standard by code).
//
// Rules (also on the help page):
// - A price series is one product and grade, at one location, on one basis, in one currency and unit, of one
//   type (quotation, transaction, offer, assessment). Series never mix: when a question fits several, MG.PRICE
//   answers #N/A naming them and the option that picks one. No series is preferred over another.
// - MG.PRICE answers the most recent price on or before the day asked (default: the latest in the data); one
//   older than the window (default 31 days) is #N/A saying how old the nearest is. Undated prices are never used.
// - A month-precision price ("2019-08") starts on the month's first day and holds to its last.
// - Two sources that report one series on one day with different figures: MG.PRICE refuses to choose
//   (#N/A naming them; option source= picks one); MG.PRICES shows both rows, marked.
import type { MgRecord } from "../model/record";
import { FIRST_EXCEL_SERIAL, LAST_EXCEL_SERIAL, datePrecision, isoSpan, isoToSerial, serialToIso } from "../model/dates";
import { Answer, Cell, Table, invalidValue, isAnswerError, notAvailable, sourced, value } from "./answer";
import { type Arg, choiceArg, dateArg, isMissing, textArg } from "./args";
import type { RecordIndex } from "./recordIndex";
import { formatNumber, listQuoted } from "./format";

// ---------------------------------------------------------------------------------------------
// Words of products, places and bases

/** Lower-case word tokens, singular ("ingots" -> "ingot"), "Mg" read as magnesium. */
function words(s: string): string[] {
  return s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}%.]+/gu, " ")
    .split(" ")
    .filter((w) => w !== "" && w !== ".")
    .map((w) => (w === "mg" ? "magnesium" : w.length > 3 && w.endsWith("s") && !w.endsWith("ss") ? w.slice(0, -1) : w));
}

const GRADE_IN_QUERY = /(\d{2}(?:\.\d+)?)\s*%/;

function containsAll(have: readonly string[], want: readonly string[]): boolean {
  return want.every((w) => have.includes(w));
}

// ---------------------------------------------------------------------------------------------
// The price book: series built once per index

interface PricePoint {
  readonly record: MgRecord;
  /** Excel serials of the first and last day the price's date covers. */
  readonly start: number;
  readonly end: number;
}

export interface PriceSeries {
  readonly key: string;
  readonly product: string;
  readonly productWords: readonly string[];
  readonly grade: string;
  readonly location: string;
  readonly locationWords: readonly string[];
  readonly basis: string;
  readonly basisWords: readonly string[];
  readonly unit: string;
  readonly currency: string;
  readonly type: string;
  /** Dated prices, oldest first (ties: in dataset order). */
  readonly points: readonly PricePoint[];
  /** Serials of points' starts, for binary search. */
  readonly starts: Float64Array;
  readonly undated: number;
}

interface PriceBook {
  readonly series: readonly PriceSeries[];
  readonly undated: number;
  /** Answers of select() per question read (queryArgs caches those objects). */
  readonly byQuery: WeakMap<Query, Selection>;
}

const BOOKS = new WeakMap<RecordIndex, PriceBook>();

function seriesKey(r: MgRecord): string {
  return [words(r.product).join(" "), r.grade, r.region, r.basis.toLowerCase(), r.unit, r.price_type].join("|");
}

function priceBook(index: RecordIndex): PriceBook {
  let book = BOOKS.get(index);
  if (book) return book;
  const byKey = new Map<string, { first: MgRecord; points: PricePoint[]; undated: number }>();
  let undated = 0;
  for (const r of index.recordsOfKind("price")) {
    if (r.value === null || !r.unit.includes("/")) continue;
    const key = seriesKey(r);
    let s = byKey.get(key);
    if (!s) byKey.set(key, (s = { first: r, points: [], undated: 0 }));
    const span = isoSpan(r.date);
    const start = span ? isoToSerial(span.start) : undefined;
    const end = span ? isoToSerial(span.end) : undefined;
    if (start === undefined || end === undefined || datePrecision(r.date) === "year") {
      // A price "in 2021" holds for no day an analyst can use; undated prices never answer.
      s.undated++;
      undated++;
      continue;
    }
    s.points.push({ record: r, start, end });
  }
  const series: PriceSeries[] = [];
  for (const [key, s] of byKey) {
    const points = s.points.slice().sort((a, b) => a.start - b.start);
    const r = s.first;
    series.push({
      key,
      product: r.product,
      productWords: words(r.product),
      grade: r.grade,
      location: r.region,
      locationWords: words(r.region),
      basis: r.basis,
      basisWords: words(r.basis),
      unit: r.unit,
      currency: r.unit.split("/")[0],
      type: r.price_type,
      points,
      starts: Float64Array.from(points.map((p) => p.start)),
      undated: s.undated,
    });
  }
  book = { series, undated, byQuery: new WeakMap() };
  BOOKS.set(index, book);
  return book;
}

/** A series as a reader names it: "magnesium ingot 99.9%, Fugu, Shaanxi, ex-works, CNY/t, quotation". */
export function describeSeries(s: PriceSeries): string {
  return [s.grade ? `${s.product} ${s.grade}` : s.product, s.location || "no location stated", s.basis || "no basis stated", s.unit, s.type].join(", ");
}

// ---------------------------------------------------------------------------------------------
// Options: Bloomberg-style "name=value; name=value" text

export interface PriceOptions {
  /** "none": only prices that state no basis. */
  basis?: string;
  /** "none": only prices that state no location (the location argument narrows to places). */
  location?: string;
  type?: string;
  currency?: string;
  unit?: string;
  grade?: string;
  source?: string;
  window: number;
}

const OPTION_NAMES = ["basis", "location", "type", "currency", "unit", "grade", "source", "window"] as const;
const TYPES = ["quotation", "transaction", "offer", "assessment"];
const DEFAULT_WINDOW = 31;
const optionCache = new Map<string, Answer<PriceOptions>>();

function optionsArg(a: Arg): Answer<PriceOptions> {
  if (isMissing(a)) return value({ window: DEFAULT_WINDOW });
  if (typeof a !== "string") return invalidValue(`options must be text such as "basis=FOB China; type=transaction; window=31"; got ${String(a)}`);
  const hit = optionCache.get(a);
  if (hit) return hit;
  const parsed = parseOptions(a);
  if (optionCache.size > 1000) optionCache.clear();
  optionCache.set(a, parsed);
  return parsed;
}

function parseOptions(text: string): Answer<PriceOptions> {
  const out: PriceOptions = { window: DEFAULT_WINDOW };
  for (const part of text.split(";")) {
    if (part.trim() === "") continue;
    const eq = part.indexOf("=");
    if (eq < 0) return invalidValue(`options are name=value pairs separated by ";" (e.g. "basis=FOB China; type=transaction"); "${part.trim()}" has no "="`);
    const name = part.slice(0, eq).trim().toLowerCase();
    const v = part.slice(eq + 1).trim();
    if (!(OPTION_NAMES as readonly string[]).includes(name)) return invalidValue(`unknown option "${name}": the options are ${OPTION_NAMES.join(", ")}`);
    if (v === "") return invalidValue(`option ${name} has no value`);
    if (name === "window") {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0) return invalidValue(`option window is a number of days (0 or more), e.g. "window=31"; got "${v}"`);
      out.window = n;
    } else if (name === "type") {
      const t = v.toLowerCase();
      if (!TYPES.includes(t)) return invalidValue(`option type must be one of ${TYPES.join(", ")}; got "${v}"`);
      out.type = t;
    } else if (name === "currency") out.currency = v.toUpperCase().replace(/^RMB$|^YUAN$/, "CNY").replace(/^US\$$|^\$$/, "USD");
    else if (name === "unit") out.unit = v.toLowerCase().replace(/^(?:mt|tonnes?|tons?)$/, "t");
    else if (name === "grade") out.grade = v.toLowerCase() === "none" ? "none" : v.replace(/\s+/g, "");
    else if (name === "location") {
      if (v.toLowerCase() !== "none") return invalidValue(`option location takes only "none" (prices that state no location); give a place as the location argument`);
      out.location = "none";
    }
    else (out as unknown as Record<string, string>)[name] = v;
  }
  return value(out);
}

// ---------------------------------------------------------------------------------------------
// Selecting series

interface Query {
  /** Memo of select(): the index last asked and what it selected. */
  memoIndex?: RecordIndex;
  memoSelection?: Selection;
  product: string;
  productWords: string[];
  grade: string;
  location: string;
  locationWords: string[];
  options: PriceOptions;
}

/** options text -> location text -> product text -> the question read (nested: no key string per call). */
const queryCache = new Map<string, Map<string, Map<string, Answer<Query>>>>();
let cachedQueries = 0;

/** The same question is asked over and over down a column: read its text once. */
function queryArgs(product: Arg, location: Arg, options: Arg): Answer<Query> {
  if (typeof product !== "string" || (location !== null && location !== undefined && typeof location !== "string") || (options !== null && options !== undefined && typeof options !== "string")) return readQuery(product, location, options);
  let byLocation = queryCache.get(options ?? "");
  if (!byLocation) queryCache.set(options ?? "", (byLocation = new Map()));
  let byProduct = byLocation.get(location ?? "");
  if (!byProduct) byLocation.set(location ?? "", (byProduct = new Map()));
  let q = byProduct.get(product);
  if (!q) {
    if (++cachedQueries > 20000) {
      queryCache.clear();
      cachedQueries = 0;
    }
    byProduct.set(product, (q = readQuery(product, location, options)));
  }
  return q;
}

function readQuery(product: Arg, location: Arg, options: Arg): Answer<Query> {
  const p = textArg(product, "product", true);
  if (isAnswerError(p)) return invalidValue(`product is required: give it as text, e.g. "magnesium ingot"`);
  const l = textArg(location, "location", false);
  if (isAnswerError(l)) return l;
  const o = optionsArg(options);
  if (isAnswerError(o)) return o;
  const g = GRADE_IN_QUERY.exec(p.value!);
  const grade = o.value.grade ?? (g ? `${g[1]}%` : "");
  const productText = g ? p.value!.replace(g[0], " ") : p.value!;
  return value({ product: p.value!, productWords: words(productText).filter((w) => !/%$/.test(w)), grade, location: l.value ?? "", locationWords: words(l.value ?? ""), options: o.value });
}

type Selection = { series: readonly PriceSeries[] } | { none: string };

/** The series a query fits; the message says what the data holds when none does. */
function select(index: RecordIndex, q: Query, fn: string): Selection {
  // the last index this question was answered over, and its selection: a column of formulas asks the same
  if (q.memoIndex === index && q.memoSelection) return q.memoSelection;
  const book = priceBook(index);
  const known = book.byQuery.get(q);
  if (known) {
    q.memoIndex = index;
    q.memoSelection = known;
    return known;
  }
  const sel = selectUncached(book, q, fn);
  book.byQuery.set(q, sel);
  q.memoIndex = index;
  q.memoSelection = sel;
  return sel;
}

function selectUncached(book: PriceBook, q: Query, fn: string): Selection {
  const o = q.options;
  if (q.productWords.length === 0) return { none: `give the product as words, e.g. "magnesium ingot"` };
  let fit = book.series.filter((s) => containsAll(s.productWords, q.productWords));
  if (fit.length === 0) {
    const products = [...new Set(book.series.map((s) => s.product))].slice(0, 8);
    return { none: `No price of "${q.product}" is in the data. Products with prices: ${listQuoted(products)}.` };
  }
  // "magnesium ingot" is the series named so, not also "magnesium ingot scrap": exact names first.
  const exact = fit.filter((s) => s.productWords.length === q.productWords.length);
  if (exact.length > 0) fit = exact;
  const steps: [string, (s: PriceSeries) => boolean, () => string[]][] = [
    [q.grade ? `grade ${q.grade}` : "", (s) => !q.grade || (q.grade.toLowerCase() === "none" ? s.grade === "" : s.grade === q.grade), () => fit.map((s) => s.grade || "(no grade stated)")],
    [q.location ? `location "${q.location}"` : "", (s) => containsAll(s.locationWords, q.locationWords), () => fit.map((s) => s.location || "(no location stated)")],
    [o.location ? "location=none" : "", (s) => s.location === "", () => fit.map((s) => s.location || "(no location stated)")],
    [o.basis ? `basis=${o.basis}` : "", (s) => !o.basis || (o.basis.toLowerCase() === "none" ? s.basis === "" : containsAll(s.basisWords, words(o.basis))), () => fit.map((s) => s.basis || "(no basis stated)")],
    [o.type ? `type=${o.type}` : "", (s) => !o.type || s.type === o.type, () => fit.map((s) => s.type)],
    [o.currency ? `currency=${o.currency}` : "", (s) => !o.currency || s.currency === o.currency, () => fit.map((s) => s.currency)],
    [o.unit ? `unit=${o.unit}` : "", (s) => !o.unit || s.unit.endsWith(`/${o.unit}`), () => fit.map((s) => s.unit)],
  ];
  for (const [what, keep, held] of steps) {
    if (!what) continue;
    const next = fit.filter(keep);
    if (next.length === 0) return { none: `No price of "${q.product}" with ${what} is in the data; its prices are reported with: ${listQuoted([...new Set(held())].slice(0, 8))}. ${fn} options: ${OPTION_NAMES.join(", ")}.` };
    fit = next;
  }
  // A place or basis written in full ("Fugu, Shaanxi", "FOB") is that series, not also those that add to it.
  const sameWords = (a: readonly string[], b: readonly string[]) => a.length === b.length && containsAll(a, b);
  if (q.locationWords.length > 0 && fit.some((s) => sameWords(s.locationWords, q.locationWords))) fit = fit.filter((s) => sameWords(s.locationWords, q.locationWords));
  if (o.basis && o.basis.toLowerCase() !== "none" && fit.some((s) => sameWords(s.basisWords, words(o.basis!)))) fit = fit.filter((s) => sameWords(s.basisWords, words(o.basis!)));
  if (o.source) {
    const sw = words(o.source);
    const withSource = fit.filter((s) => s.points.some((p) => sourceMatches(p.record, sw)));
    if (withSource.length === 0) return { none: `No price of "${q.product}" from a source matching "${o.source}" is in the data.` };
    fit = withSource;
  }
  return { series: fit };
}

function sourceMatches(r: MgRecord, sw: readonly string[]): boolean {
  return containsAll(words(`${r.source_outlet} ${r.source_title} ${r.source_url}`), sw);
}

/** Index of the last point starting on or before `day`, or -1. */
function lastOnOrBefore(s: PriceSeries, day: number): number {
  let lo = 0;
  let hi = s.starts.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (s.starts[mid] <= day) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Which option tells the series apart, for the message of an ambiguous question. */
function howToPick(series: readonly PriceSeries[]): string {
  const differ = (f: (s: PriceSeries) => string) => new Set(series.map(f)).size > 1;
  const hints: string[] = [];
  if (differ((s) => s.currency)) hints.push(`currency=${series[0].currency}`);
  if (differ((s) => s.basis)) hints.push(`basis=${series.find((s) => s.basis)?.basis ?? series[0].basis}`);
  if (differ((s) => s.type)) hints.push(`type=${series[0].type}`);
  if (differ((s) => s.grade)) hints.push(`grade=${series.find((s) => s.grade)?.grade ?? ""}`);
  if (differ((s) => s.unit) && !differ((s) => s.currency)) hints.push(`unit=${series[0].unit.split("/")[1]}`);
  const location = differ((s) => s.location) ? ` or give the location (2nd argument), e.g. "${series.find((s) => s.location)?.location ?? ""}"` : "";
  return hints.length > 0 ? `pick one with options, e.g. "${hints.join("; ")}"${location}` : `give the location (2nd argument)${location ? `, e.g. "${series.find((s) => s.location)?.location ?? ""}"` : ""}`;
}

// ---------------------------------------------------------------------------------------------
// MG.PRICE

const FIELDS: Record<string, string> = {
  mid: "mid", low: "low", high: "high", unit: "unit", date: "date", source: "source", source_url: "source",
  type: "type", basis: "basis", location: "location", grade: "grade", evidence: "evidence", outlet: "outlet",
};

function mid(r: MgRecord): number {
  return r.value_max === null ? (r.value as number) : ((r.value as number) + r.value_max) / 2;
}

function fieldOf(r: MgRecord, field: string): Cell {
  switch (field) {
    case "low":
      return r.value as number;
    case "high":
      return r.value_max ?? (r.value as number);
    case "unit":
      return r.unit;
    case "date":
      return isoToSerial(r.date) as number;
    case "source":
      return r.source_url;
    case "type":
      return r.price_type;
    case "basis":
      return r.basis;
    case "location":
      return r.region;
    case "grade":
      return r.grade;
    case "evidence":
      return r.evidence;
    case "outlet":
      return r.source_outlet;
    default:
      return mid(r);
  }
}

function sameFigure(a: MgRecord, b: MgRecord): boolean {
  return a.value === b.value && a.value_max === b.value_max;
}

function describePrice(r: MgRecord): string {
  const v = r.value_max === null ? formatNumber(r.value as number) : `${formatNumber(r.value as number)}-${formatNumber(r.value_max)}`;
  return `${v} ${r.unit} on ${r.date} (${r.source_outlet || r.source_url})`;
}

const NO_DATE = value<string | undefined>(undefined);
const MID = value("mid");

/** The day asked, as ISO text, for messages (the latest day of the data when none was given). */
function askedIso(serialDay: number | undefined, iso: string | undefined, dated: readonly PriceSeries[]): string {
  if (serialDay !== undefined) return serialToIso(serialDay);
  return iso ?? dated.map((s) => s.points[s.points.length - 1].record.date).sort().pop()!;
}

/**
 * MG.PRICE(product, [location], [date], [field], [options]): the price of one series that holds on `date`,
 * i.e. its most recent price on or before that day.
 */
export function price(index: RecordIndex, product: Arg, location?: Arg, date?: Arg, field?: Arg, options?: Arg): Answer<Cell> {
  const q = queryArgs(product, location, options);
  if (isAnswerError(q)) return q;
  // An Excel date (serial) is the common case down a column: read it without the ISO round trip.
  const serialDay = typeof date === "number" && Number.isFinite(date) && date >= FIRST_EXCEL_SERIAL && date <= LAST_EXCEL_SERIAL && !(Number.isInteger(date) && date >= 1900 && date <= 2200) ? Math.floor(date) : undefined;
  const d = serialDay !== undefined ? NO_DATE : dateArg(date, "date", "end");
  if (isAnswerError(d)) return d;
  const f = isMissing(field) ? MID : choiceArg(field, "field", FIELDS, "mid", `one of "mid" (default), "low", "high", "unit", "date", "source", "type", "basis", "location", "grade", "evidence"`);
  if (isAnswerError(f)) return f;
  const sel = select(index, q.value, "MG.PRICE");
  if ("none" in sel) return notAvailable(sel.none);
  const o = q.value.options;
  const sw = o.source ? words(o.source) : undefined;
  const dated = sel.series.length === 1 && sel.series[0].points.length > 0 ? sel.series : sel.series.filter((s) => s.points.length > 0);
  if (dated.length === 0) {
    const undated = sel.series.reduce((n, s) => n + s.undated, 0);
    return notAvailable(`The data holds ${undated} price${undated === 1 ? "" : "s"} of "${q.value.product}" but none says the day it holds for: MG.PRICE answers only dated prices (MG.PRICES and the pane show what there is).`);
  }
  // The day asked, as an Excel serial; by default the latest day any fitting series reports.
  const asked = serialDay ?? (d.value ? (isoToSerial(d.value) as number) : Math.max(...dated.map((s) => s.starts[s.starts.length - 1])));

  // One series, one price on or before the day, within the window, no other report that day: the common case.
  if (dated.length === 1 && !sw && f.value !== "date") {
    const s = dated[0];
    const at = lastOnOrBefore(s, asked);
    if (at >= 0 && asked - s.points[at].end <= o.window && (at === 0 || s.starts[at - 1] !== s.starts[at])) return sourced(fieldOf(s.points[at].record, f.value), s.points[at].record);
  }
  const current: { series: PriceSeries; at: number }[] = [];
  let nearest: { series: PriceSeries; at: number; age: number } | undefined;
  for (const s of dated) {
    let at = lastOnOrBefore(s, asked);
    // option source=: the latest point of that source
    while (sw && at >= 0 && !sourceMatches(s.points[at].record, sw)) at--;
    if (at < 0) continue;
    const age = Math.max(0, asked - s.points[at].end);
    if (age <= o.window) current.push({ series: s, at });
    else if (!nearest || age < nearest.age) nearest = { series: s, at, age };
  }
  if (current.length === 0) {
    if (nearest) {
      const r = nearest.series.points[nearest.at].record;
      return notAvailable(`No price of "${q.value.product}" within ${o.window} days on or before ${askedIso(serialDay, d.value, dated)}: the nearest is ${nearest.age} days older (${describePrice(r)}). Widen with option "window=${nearest.age}" if that is what you want.`);
    }
    const first = dated.map((s) => s.points[0].record.date).sort()[0];
    return notAvailable(`No price of "${q.value.product}" on or before ${askedIso(serialDay, d.value, dated)}: its earliest is on ${first}.`);
  }
  if (current.length > 1) {
    const shown = current.slice(0, 4).map((c) => describeSeries(c.series));
    return notAvailable(`"${q.value.product}" fits ${current.length} price series: ${shown.join("; ")}${current.length > 4 ? ` and ${current.length - 4} more` : ""}. Series never mix: ${howToPick(current.map((c) => c.series))}.`);
  }
  const { series, at } = current[0];
  const r = series.points[at].record;
  // Other reports of the same series on the same day: the same figure is fine, a different one is a conflict.
  if (!sw) {
    const others: MgRecord[] = [];
    for (let i = at - 1; i >= 0 && series.points[i].start === series.points[at].start; i--) if (series.points[i].record.date === r.date && !sameFigure(series.points[i].record, r)) others.push(series.points[i].record);
    if (others.length > 0) {
      const all = [r, ...others];
      // One report giving two figures for one series and day ("mainstream ... 17,100", "some spot deals at 16,800-16,900"):
      // no option picks one; the history shows both.
      if (all.every((x) => x.source_url === r.source_url)) {
        return notAvailable(`${r.source_outlet || r.source_url} gives ${all.length} figures for "${q.value.product}" (${describeSeries(series)}) on ${r.date}: ${all.map((x) => describePrice(x).replace(/ \(.*\)$/, "")).join("; ")}. No one of them is "the" price: see them with MG.PRICES.`);
      }
      return notAvailable(`Sources disagree on "${q.value.product}" (${describeSeries(series)}) on ${r.date}: ${all.map(describePrice).join("; ")}. Pick one with option "source=<outlet>".`);
    }
  }
  const v = fieldOf(r, f.value);
  if (f.value === "date" && typeof v !== "number") return notAvailable(`The price's date ${r.date} is before 1 March 1900, which Excel cannot show.`);
  return sourced(v, r);
}

// ---------------------------------------------------------------------------------------------
// MG.PRICES

/** Labels as the pane's tables write them; the date is an Excel date with its precision beside it. */
export const PRICES_HEADER = ["Date", "Date precision", "Low", "High", "Mid", "Unit", "Basis", "Location", "Type", "Grade", "Source", "Note"];

/** MG.PRICES(product, [location], [from], [to], [options]): the history of the fitting series, oldest first. */
export function prices(index: RecordIndex, product: Arg, location?: Arg, from?: Arg, to?: Arg, options?: Arg): Answer<Table> {
  const q = queryArgs(product, location, options);
  if (isAnswerError(q)) return q;
  const fr = dateArg(from, "from", "start");
  if (isAnswerError(fr)) return fr;
  const t = dateArg(to, "to", "end");
  if (isAnswerError(t)) return t;
  if (fr.value && t.value && fr.value > t.value) return invalidValue(`from (${fr.value}) is after to (${t.value})`);
  const sel = select(index, q.value, "MG.PRICES");
  if ("none" in sel) return notAvailable(sel.none);
  const lo = fr.value ? (isoToSerial(fr.value) ?? -Infinity) : -Infinity;
  const hi = t.value ? (isoToSerial(t.value) ?? Infinity) : Infinity;
  const sw = q.value.options.source ? words(q.value.options.source) : undefined;
  const rows: { p: PricePoint; s: PriceSeries; order: number }[] = [];
  let order = 0;
  for (const s of sel.series) {
    // from the first point that may end on or after `from`
    let i = Number.isFinite(lo) ? Math.max(0, lastOnOrBefore(s, lo - 62)) : 0;
    for (; i < s.points.length; i++) {
      const p = s.points[i];
      if (p.start > hi) break;
      if (p.end < lo) continue;
      if (sw && !sourceMatches(p.record, sw)) continue;
      rows.push({ p, s, order: order++ });
    }
  }
  if (rows.length === 0) {
    const undated = sel.series.reduce((n, s) => n + s.undated, 0);
    const range = fr.value || t.value ? ` between ${fr.value ?? "the start"} and ${t.value ?? "the end"}` : "";
    return notAvailable(`No dated price of "${q.value.product}"${range} is in the data${undated > 0 ? ` (${undated} undated price${undated === 1 ? "" : "s"} left out: no day to place them on)` : ""}.`);
  }
  rows.sort((a, b) => a.p.start - b.p.start || (a.s.key < b.s.key ? -1 : a.s.key > b.s.key ? 1 : a.order - b.order));
  const table: Table = [PRICES_HEADER.slice()];
  for (let k = 0; k < rows.length; k++) {
    const { p, s } = rows[k];
    const r = p.record;
    // Another source's different figure for the same series and day: both rows, marked.
    let conflict = false;
    for (let j = k - 1; j >= 0 && rows[j].p.start === p.start; j--) if (rows[j].s === s && rows[j].p.record.date === r.date && !sameFigure(rows[j].p.record, r)) conflict = true;
    for (let j = k + 1; j < rows.length && rows[j].p.start === p.start; j++) if (rows[j].s === s && rows[j].p.record.date === r.date && !sameFigure(rows[j].p.record, r)) conflict = true;
    table.push([p.start, datePrecision(r.date), r.value as number, r.value_max ?? (r.value as number), mid(r), r.unit, r.basis, r.region, r.price_type, r.grade, r.source_url, conflict ? "sources differ on this day" : ""]);
  }
  return value(table);
}

// ---------------------------------------------------------------------------------------------
// MG.STANDARD

/** "gb/t3499-2023", "GB/T 3499-2023", "GB/T 13748:20-2009" -> "GB/T3499-2023", "GB/T13748.20-2009". */
export function standardCodeKey(code: string): string {
  return code.toUpperCase().replace(/\s+/g, "").replace(/[:：]/g, ".").replace(/[–—]/g, "-");
}

/** The code without its edition year: "GB/T3499-2023" -> "GB/T3499"; "ASTMB951-11" -> "ASTMB951". */
function withoutEdition(key: string): { base: string; year: string } {
  const m = /^(.*\d)-(\d{2}|\d{4})$/.exec(key);
  return m ? { base: m[1], year: m[2] } : { base: key, year: "" };
}

const STANDARD_FIELDS: Record<string, string> = {
  title: "title", code: "code", released: "released", release: "released", issued: "released", date: "released",
  implemented: "implemented", effective: "implemented", date_effective: "implemented", issuer: "issuer", source: "source",
  source_url: "source", evidence: "evidence", edition: "edition",
};

function editionYear(year: string): number {
  if (year.length === 4) return Number(year);
  const y = Number(year);
  return y >= 50 ? 1900 + y : 2000 + y;
}

/** MG.STANDARD(code, [field]): a standard by its code; a code without its year finds the latest edition. */
export function standard(index: RecordIndex, code: Arg, field?: Arg): Answer<Cell> {
  const c = textArg(code, "code", true);
  if (isAnswerError(c)) return isMissing(code) ? invalidValue(`code is required: give the standard's code as text, e.g. "GB/T 3499-2023"`) : c;
  const f = choiceArg(field, "field", STANDARD_FIELDS, "title", `one of "title" (default), "released", "implemented", "issuer", "source", "code", "edition", "evidence"`);
  if (isAnswerError(f)) return f;
  const key = standardCodeKey(c.value!);
  const withCode = index.recordsOfKind("standard").filter((r) => r.code !== "");
  let hits = withCode.filter((r) => standardCodeKey(r.code) === key);
  let edition: string;
  if (hits.length === 0) {
    const asked = withoutEdition(key);
    const editions = withCode.filter((r) => withoutEdition(standardCodeKey(r.code)).base === asked.base);
    if (asked.year === "" && editions.length > 0) {
      const years = [...new Set(editions.map((r) => withoutEdition(standardCodeKey(r.code)).year))].sort((a, b) => editionYear(b) - editionYear(a));
      hits = editions.filter((r) => withoutEdition(standardCodeKey(r.code)).year === years[0]);
      const codeOf = (y: string) => editions.find((r) => withoutEdition(standardCodeKey(r.code)).year === y)!.code;
      edition = years.length > 1 ? `latest of ${years.length} editions in the data (${hits[0].code}); others: ${years.slice(1).map(codeOf).join(", ")}` : `the only edition in the data: ${hits[0].code}`;
    } else if (editions.length > 0) {
      return notAvailable(`"${c.value}" is not in the data; editions of ${asked.base} that are: ${listQuoted([...new Set(editions.map((r) => r.code))])}.`);
    } else {
      const codes = [...new Set(withCode.map((r) => r.code))].sort().slice(0, 8);
      const untitled = index.recordsOfKind("standard").length - withCode.length;
      return notAvailable(`No standard "${c.value}" is in the data. Codes it holds: ${listQuoted(codes)}${untitled > 0 ? `; ${untitled} more standard${untitled === 1 ? " has" : "s have"} no code (see MG.EVENTS("standard"))` : ""}.`);
    }
  } else edition = `as asked: ${hits[0].code}`;
  // One code, several records (sources): the one that states most, first in dataset order.
  const r = hits.slice().sort((a, b) => score(b) - score(a))[0];
  const conflicting = hits.filter((h) => (h.date && r.date && h.date !== r.date) || (h.date_effective && r.date_effective && h.date_effective !== r.date_effective));
  if (conflicting.length > 0 && (f.value === "released" || f.value === "implemented")) {
    return notAvailable(`Sources disagree on the dates of ${r.code}: ${[r, ...conflicting].map((h) => `${h.date || "?"} / ${h.date_effective || "?"} (${h.source_outlet || h.source_url})`).join("; ")}.`);
  }
  const dateCell = (iso: string, what: string): Answer<Cell> => {
    if (!iso) return notAvailable(`The source of ${r.code} states no ${what} date.`);
    const serial = isoToSerial(iso);
    return serial === undefined ? notAvailable(`${r.code}'s ${what} date ${iso} is before 1 March 1900, which Excel cannot show.`) : value(serial);
  };
  switch (f.value) {
    case "code":
      return value(r.code);
    case "released":
      return dateCell(r.date, "release");
    case "implemented":
      return dateCell(r.date_effective, "implementation");
    case "issuer":
      return r.subject ? value(r.subject) : notAvailable(`The source of ${r.code} names no issuing body.`);
    case "source":
      return value(r.source_url);
    case "evidence":
      return value(r.evidence);
    case "edition":
      return value(edition);
    default:
      return r.title ? value(r.title) : notAvailable(`The source of ${r.code} states no title.`);
  }
}

function score(r: MgRecord): number {
  return (r.title ? 1 : 0) + (r.date ? 1 : 0) + (r.date_effective ? 1 : 0) + (r.subject ? 1 : 0);
}

// ---------------------------------------------------------------------------------------------
// Series for the pane: what can be charted, and the formula that spills exactly one series

/** Every series with at least one dated price, by product, then location, then description. */
export function priceSeriesList(index: RecordIndex): readonly PriceSeries[] {
  return priceBook(index)
    .series.filter((s) => s.points.length > 0)
    .slice()
    .sort((a, b) => a.product.localeCompare(b.product) || a.location.localeCompare(b.location) || describeSeries(a).localeCompare(describeSeries(b)));
}

const quoteArg = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** =MG.PRICES(...) naming the series so that it spills that series and no other. */
export function pricesFormula(s: PriceSeries): string {
  const options = [`basis=${s.basis || "none"}`, `currency=${s.currency}`, `unit=${s.unit.split("/")[1]}`, `type=${s.type}`, `grade=${s.grade || "none"}`];
  if (!s.location) options.push("location=none");
  return `=MG.PRICES(${quoteArg(s.product)},${s.location ? quoteArg(s.location) : ""},,,${quoteArg(options.join("; "))})`;
}

/** The arguments of that formula, as the query core takes them (for tests and the pane's preview). */
export function pricesFormulaArgs(s: PriceSeries): Arg[] {
  const m = /^=MG\.PRICES\((.*)\)$/.exec(pricesFormula(s))!;
  return m[1].match(/"(?:[^"]|"")*"|(?<=^|,)(?=,|$)/g)!.map((a) => (a === "" ? null : a.slice(1, -1).replace(/""/g, '"')));
}

/** A series' points for a chart: Excel serial of the day, low, high, mid. */
export function seriesPoints(s: PriceSeries): { day: number; low: number; high: number; mid: number; date: string }[] {
  return s.points.map((p) => ({ day: p.start, low: p.record.value as number, high: p.record.value_max ?? (p.record.value as number), mid: mid(p.record), date: p.record.date }));
}
