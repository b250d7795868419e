// Numbers, units and qualifiers as news English writes them:
// "1,350 mt", "100 million yuan", "over 50%", "more than 10%", "up to 17KG", "2.5 kg to 7 kg", "1,000+ tons".
import type { Qualifier } from "../../model/record";
import type { RecordDraft } from "../types";

export interface Quantity {
  start: number;
  end: number;
  text: string;
  value: number;
  /** High end of a range ("2.5 kg to 7 kg"), else null. */
  valueMax: number | null;
  /** Normalised unit: "%", "kg", "t", "CNY", "USD", ... or "" for a bare number. */
  unit: string;
  /** The unit as written ("mt", "tons", "T", "KG"). */
  rawUnit: string;
  qualifier: Qualifier;
  /**
   * A tonnage naming a machine's class rather than a quantity of material: "3,200T", "10,000-mt-class",
   * "4,000-ton press". Clamping force or class, never a capacity.
   */
  machineClass: boolean;
}

/** The record fields a quantity fills (every parser that records a figure writes these alike). */
export function quantityFields(q: Quantity): Pick<RecordDraft, "value" | "value_max" | "unit" | "qualifier"> {
  return { value: q.value, value_max: q.valueMax, unit: q.unit, qualifier: q.qualifier };
}

/**
 * "1,350", "2.5"; "150 000 tonnes" (thousands spaced, as SI style and many government documents write them) only
 * before a unit of weight, money or a percentage, a range or a "/unit"; never a run of zeros alone ("000").
 */
const SPACED_UNIT = String.raw`(?=\s?(?:[-–~/]|to\b|t\b|tonnes?\b|tons?\b|mt\b|kt\b|kg\b|tpa\b|t\/|metric\b|short\b|yuan\b|RMB\b|CNY\b|USD\b|euros?\b|dollars?\b|%))`;
const NUM = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,])${SPACED_UNIT}|(?!0\d)\d+(?:\.\d+)?`;
const SCALE = String.raw`(?:\s?(thousand|million|billion|trillion|mn|bn|crore|lakh)\b)?`;
const UNIT = String.raw`(?:[\s-]?(Mtpa\b|Mt\/a\b|Mt\/y\b|Mt\/yr\b|Mt\b|mt\/year\b|mt\/yr\b|mt\/y\b|mt\/a\b|mtpa\b|t\/year\b|kt\/a\b|kt\/yr\b|kt\/y\b|ktpa\b|t\/a\b|t\/y\b|t\/yr\b|tpa\b|tpy\b|tons\/year\b|tonnes\/year\b|t\/d\b|tpd\b|tons\/day\b|tonnes\/day\b|%|percent\b|per cent\b|pc\b|kg\b|KG\b|Kg\b|kilograms?\b|kilos?\b|kilotonnes?\b|kilotons?\b|lbs?\b|pounds?\b|metric tons?\b|metric tonnes?\b|short tons?\b|tonnes?\b|tons?\b|mt\b|t\b|T\b|kt\b|wt\b|yuan\b|won\b|RMB\b|CNY\b|USD\b|dollars?\b|euros?\b|km/h\b|meters?\b|metres?\b|mm\b|cm\b|km\b|MPa\b|GPa\b|°C|kWh\b|MW\b|GW\b|kW\b|units?\b|pieces?\b|sets?\b|vehicles?\b|shares?\b))?`;
// Longest first: "A$85 million" is Australian dollars, never "$85 million" with a stray "A".
const CURRENCY_PREFIX = String.raw`(RMB|CNY|USD|US\$|AU?\$|CA?\$|HK\$|NZ\$|S\$|(?<![A-Za-z])\$|€|EUR|£|GBP|Rs\.?|INR|₹|KRW|₩)?\s?`;

// One quantity: optional currency prefix, number, optional "+", optional scale word, optional unit
// (attached, spaced or hyphenated), optional range end "to|-|~ number [scale] [unit]".
const QUANTITY_RE = new RegExp(
  String.raw`${CURRENCY_PREFIX}(?<![\d.,])(${NUM})(\+)?${SCALE}${UNIT}(?:(-class|-level|-grade| class| level)\b)?` +
    String.raw`(?:\s?(?:to|-|–|~)\s?(${NUM})${SCALE}${UNIT})?`,
  "g",
);

/**
 * QUANTITY_RE's next match from `from`, found as the global regex finds it but tried only near digits: every match
 * has its number's first digit at most QUANTITY_PREFIX_MAX characters after its start (the longest currency prefix,
 * 3 characters, and a space), and no earlier position can start one.
 */
const QUANTITY_AT = new RegExp(QUANTITY_RE.source, "y");
const QUANTITY_PREFIX_MAX = 4;
const DIGIT = /\d/g;
function nextQuantity(text: string, from: number): RegExpExecArray | null {
  let untried = from;
  DIGIT.lastIndex = from;
  for (let d = DIGIT.exec(text); d; d = DIGIT.exec(text)) {
    for (let p = Math.max(untried, d.index - QUANTITY_PREFIX_MAX); p <= d.index; p++) {
      QUANTITY_AT.lastIndex = p;
      const m = QUANTITY_AT.exec(text);
      if (m) return m;
    }
    untried = d.index + 1;
  }
  return null;
}

/** The first quantity of a pair that is not a range, matched where the pair starts (sticky). */
const FIRST_PART_RE = new RegExp(String.raw`${CURRENCY_PREFIX}(?<![\d.,])(?:${NUM})\+?${SCALE}${UNIT}(?:-class|-level|-grade| class| level)?`, "y");

const MACHINE_NOUN_AFTER = /^[\s-]*(?:[\w-]+\s+){0,2}(?:press(?:es)?|(?:die[- ]casting |injection[- ]mou?lding |casting )?machines?)\b/i;

// Indian English counts in lakh (100,000) and crore (10 million): "Rs 650 crore".
const SCALES: Record<string, number> = { thousand: 1e3, million: 1e6, mn: 1e6, billion: 1e9, bn: 1e9, trillion: 1e12, lakh: 1e5, crore: 1e7 };

/** Units that carry their period: "tpa", "t/a", "kt/a" are per year; "t/d", "tpd" per day. */
export function unitPeriod(raw: string): "" | "year" | "day" {
  if (/^(?:kt\/a|kt\/y|kt\/yr|ktpa|t\/a|t\/y|t\/yr|t\/year|mt\/year|mt\/yr|mt\/y|mt\/a|mtpa|tpa|tpy|tons\/year|tonnes\/year)$/i.test(raw.trim())) return "year";
  if (/^(?:t\/d|tpd|tons\/day|tonnes\/day)$/i.test(raw.trim())) return "day";
  return "";
}

export function normaliseUnit(raw: string): string {
  const u = raw.trim();
  if (u === "") return "";
  if (/^(?:kt\/a|kt\/y|kt\/yr|ktpa)$/i.test(u)) return "kt";
  if (unitPeriod(u)) return "t";
  // "30pc": per cent as British trade press abbreviates it.
  if (u === "%" || /^per ?cent$/i.test(u) || u === "pc") return "%";
  if (/^(kg|kilograms?|kilos?)$/i.test(u)) return "kg";
  // Pounds of weight (US press: "saves 22 lb", "10-pounds per door"); never converted to kilograms.
  if (/^(lbs?|pounds?)$/i.test(u)) return "lb";
  // A short ton (2,000 lb) is not a tonne: kept as its own unit, never converted.
  if (/^short tons?$/i.test(u)) return "short ton";
  // "mt" is the metric ton in trade press; tons, tonnes and metric tons are all tonnes here.
  if (/^(t|mt|tons?|tonnes?|metric tons?|metric tonnes?)$/i.test(u)) return "t";
  if (u === "kt" || /^kilo(?:tonnes?|tons?)$/i.test(u)) return "kt";
  if (/^(yuan|RMB|CNY)$/i.test(u)) return "CNY";
  if (/^(USD|US\$|\$|dollars?)$/i.test(u)) return "USD";
  if (/^(EUR|€|euros?)$/i.test(u)) return "EUR";
  if (/^AU?\$$/.test(u)) return "AUD";
  if (/^CA?\$$/.test(u)) return "CAD";
  if (u === "HK$") return "HKD";
  if (u === "NZ$") return "NZD";
  if (u === "S$") return "SGD";
  if (u === "£" || u === "GBP") return "GBP";
  if (/^(?:Rs\.?|INR|₹)$/.test(u)) return "INR";
  if (u === "KRW" || u === "₩" || u === "won") return "KRW";
  if (/^meters?|metres?$/i.test(u)) return "m";
  return u;
}

export function parseNumber(s: string): number {
  return Number(s.replace(/[,\s\u00a0\u202f]/g, ""));
}

const QUALIFIER_BEFORE: [RegExp, Qualifier][] = [
  [/\b(?:more than|over|exceeding|above|in excess of|upwards of|surpassing|beyond)\s*$/i, "over"],
  [/\b(?:up to|as much as|as high as|a maximum of|maximum of|max\.?)\s*$/i, "up to"],
  [/\b(?:about|approximately|approx\.|around|roughly|nearly|almost|close to|some|an estimated|estimated)\s*$/i, "about"],
  [/\b(?:at least|no less than|not less than|a minimum of|minimum of)\s*$/i, "at least"],
  [/\b(?:less than|under|below|fewer than|no more than|not more than|within)\s*$/i, "under"],
];

/** The qualifier written just before position `pos` (ignoring "a weight reduction of" style glue is the caller's job). */
export function qualifierBefore(text: string, pos: number): Qualifier {
  const before = text.slice(Math.max(0, pos - 30), pos);
  for (const [re, q] of QUALIFIER_BEFORE) if (re.test(before)) return q;
  return "";
}

/** Every quantity in the text, left to right. */
export function findQuantities(text: string): Quantity[] {
  const out: Quantity[] = [];
  let from: number;
  for (let m = nextQuantity(text, 0); m; m = nextQuantity(text, from)) {
    from = m.index + m[0].length;
    const [whole, prefix, num, plus, scale, unit1, cls, num2, scale2, unit2] = m;
    // A year range ("2024-2025") or a code ("GB/T 3499-2023") is not a quantity.
    const before = text.slice(Math.max(0, m.index - 8), m.index);
    if (/[A-Za-z/]\s?$/.test(before) && !prefix && /^\d/.test(whole) && /[A-Z]\/?[A-Z]*\s?$/.test(before)) continue;
    const numStart = m.index + whole.indexOf(num);
    const start = prefix ? m.index + whole.indexOf(prefix) : numStart;
    let value = parseNumber(num) * (scale ? SCALES[scale.toLowerCase()] : 1);
    let valueMax: number | null = null;
    let rawUnit = unit1 ?? "";
    let unit = normaliseUnit(rawUnit);
    let end = m.index + whole.length;
    if (num2 !== undefined) {
      const u2 = normaliseUnit(unit2 ?? "");
      const v2 = parseNumber(num2) * (scale2 ? SCALES[scale2.toLowerCase()] : scale && !u2 ? SCALES[scale.toLowerCase()] : 1);
      // "2.5 kg to 7 kg", "2.5 to 7 kg": same unit on both ends (the first may be implied by the second).
      const u1 = prefix ? normaliseUnit(prefix) : unit;
      const sameUnit = (u1 === "" || u2 === "" || u1 === u2) && (u1 !== "" || u2 !== "");
      // "1.2-1.5 million tonnes": the scale written once applies to both ends.
      const v1 = !scale && scale2 && !unit1 ? value * SCALES[scale2.toLowerCase()] : value;
      // "boosted capacity in 2012 to 63,500 tonnes": a year, then the figure it reached, is no range.
      const yearFirst = u1 === "" && !scale && /^(?:19|20)\d{2}$/.test(num) && /\b(?:in|by|since|of|until|year|early|late|mid)\s+$/i.test(text.slice(Math.max(0, start - 10), start));
      const isRange = sameUnit && v2 > v1 && !yearFirst && !/\bfrom\s+$/i.test(text.slice(Math.max(0, start - 8), start));
      if (isRange) {
        value = v1;
        valueMax = v2;
        if (unit === "") {
          unit = u2;
          rawUnit = unit2 ?? "";
        }
      } else {
        // Not a range: keep only the first quantity and let the scan resume at the second.
        FIRST_PART_RE.lastIndex = m.index;
        const first = FIRST_PART_RE.exec(text);
        const firstEnd = first ? m.index + first[0].length : end;
        end = firstEnd;
        from = firstEnd;
      }
    }
    if (prefix) unit = normaliseUnit(prefix);
    // "$145m", "€1.2b", "A$30k": money's own short scales, only right after a currency-prefixed number.
    if (prefix && !scale && !unit1 && valueMax === null) {
      const short = MONEY_SHORT_SCALE.exec(text.slice(end, end + 3));
      if (short) {
        value *= short[1].toLowerCase() === "k" ? 1e3 : short[1].toLowerCase() === "m" ? 1e6 : 1e9;
        end += short[0].length;
        from = Math.max(from, end);
      }
    }
    // "1.2 Mt": a megatonne (million tonnes), written with a capital M; "mt" is the metric ton.
    if (/^Mt/.test(rawUnit)) {
      value *= 1e6;
      if (valueMax !== null) valueMax *= 1e6;
    }
    const textOut = text.slice(start, end).trimEnd();
    let qualifier = qualifierBefore(text, start);
    if (plus) qualifier = "over";
    if (qualifier === "" && /^\s*or more\b/.test(text.slice(end))) qualifier = "at least";
    const classWord = !!cls || /^-?(?:class|level|grade)\b/.test(text.slice(end));
    // Tonnage written with a capital T attached ("3,200T") or as a class names a machine, not material.
    // So is a tonnage naming a press or machine ("a 6,800-tonne press", "4,400-ton die-casting machine").
    const machineNoun = unit === "t" && MACHINE_NOUN_AFTER.test(text.slice(end, end + 60));
    const machineClass = unit === "t" && (rawUnit === "T" || classWord || machineNoun);
    out.push({ start, end: start + textOut.length, text: textOut, value, valueMax, unit, rawUnit, qualifier, machineClass });
  }
  return out;
}

const MONEY_SHORT_SCALE = /^([mbk])(?![\p{L}\d])/iu;
const MONEY_SHORT_RE = new RegExp(String.raw`(?:\$|€|£|¥)\s?(${NUM})([mbk])(?![\p{L}\d])`, "giu");
const WRITTEN_RE = new RegExp(`(${NUM})${SCALE}`, "g");
const MEGATONNE_RE = new RegExp(String.raw`(${NUM})\s?Mt(?:pa|\/a|\/y|\/yr)?\b`, "g");
const RANGE_SCALE_RE = new RegExp(String.raw`(${NUM})\s?(?:to|-|–|~)\s?(?:${NUM})\s?(thousand|million|billion|trillion|mn|bn|crore|lakh)\b`, "g");

/** The numbers written in a text, separators removed ("1,350 mt and 2.5 kg" -> [1350, 2.5]): for provenance checks. */
export function writtenNumbers(text: string): number[] {
  const out: number[] = [];
  const re = WRITTEN_RE;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const base = parseNumber(m[1]);
    out.push(base);
    if (m[2]) out.push(base * SCALES[m[2].toLowerCase()]);
  }
  // "$145m" writes 145,000,000 dollars.
  MONEY_SHORT_RE.lastIndex = 0;
  for (let m = MONEY_SHORT_RE.exec(text); m; m = MONEY_SHORT_RE.exec(text)) out.push(parseNumber(m[1]) * (m[2].toLowerCase() === "k" ? 1e3 : m[2].toLowerCase() === "m" ? 1e6 : 1e9));
  // "1.2 Mt" writes 1,200,000 tonnes.
  MEGATONNE_RE.lastIndex = 0;
  for (let m = MEGATONNE_RE.exec(text); m; m = MEGATONNE_RE.exec(text)) out.push(parseNumber(m[1]) * 1e6);
  // "1.1-1.4 million": the scale written once is written for both ends.
  RANGE_SCALE_RE.lastIndex = 0;
  for (let m = RANGE_SCALE_RE.exec(text); m; m = RANGE_SCALE_RE.exec(text)) out.push(parseNumber(m[1]) * SCALES[m[2].toLowerCase()]);
  return out;
}
