// price: a product's price on a day, as a price report writes it.
//   "Mainstream magnesium ingot (99.9% grade) prices lifted to RMB14,000~14,200/t in Fugu Shaanxi, with some
//    transactions concluded at RMB14,200/t."       -> 14000..14200 CNY/t quotation; 14200 CNY/t transaction
//   "the FOB quotation was $2,350-$2,450/mt"        -> 2350..2450 USD/t, basis FOB
//   "The ex-factory price of 75 ferrosilicon in Shaanxi is 5,600-5,700 yuan/mt" -> ferrosilicon, grade 75
// Not prices: a change ("up by RMB 4,000/t", "rose by $20"), a forecast or intention ("expected to reach",
// "considering reducing prices to"), a cost or margin, a figure with no currency or no unit.
// The vocabulary (products, places, the words of each price type) is data: src/data/pricing.json.
import pricing from "../../../../data/pricing.json";
import type { PriceType } from "../../../model/fields";
import type { Found, Parser, SentenceContext } from "../context";
import { newFound } from "../context";
import { resolveDate } from "../dates";
import { parseNumber } from "../numbers";
import { blank, withoutMonthMay } from "../text";

interface Vocabulary {
  name: string;
  re: RegExp;
  /**
   * The patterns without the word boundaries: when it finds nothing in a sentence, `re` finds nothing in any
   * part of it. Absent when a pattern has anchors or lookarounds of its own (then a part could differ).
   */
  loose?: RegExp;
}
const words = (patterns: string[]) => patterns.map((p) => `(?:${p})`).join("|");
const CONTEXT_DEPENDENT = /\\[bB]|\^|\$|\(\?<?[=!]|\\\d|\\k/;
const compile = (list: { name: string; patterns: string[] }[]): Vocabulary[] =>
  list.map((e) => ({
    name: e.name,
    re: new RegExp(`(?<![\\p{L}\\d-])(?:${words(e.patterns)})(?![\\p{L}])`, "giu"),
    loose: e.patterns.some((p) => CONTEXT_DEPENDENT.test(p)) ? undefined : new RegExp(words(e.patterns), "iu"),
  }));
/** The vocabularies that can match somewhere in `text` (and so in any slice of it), in their order. */
const presentIn = (list: Vocabulary[], text: string) => list.filter((v) => !v.loose || v.loose.test(text));

const PRODUCTS = compile(pricing.products);
const PLACES = compile(pricing.places);
const byLength = (patterns: string[]) => [...patterns].sort((a, b) => b.length - a.length);
const TYPE_CUES: { type: PriceType; re: string }[] = (["transaction", "offer", "assessment", "quotation"] as const).map((t) => ({
  type: t,
  re: words(byLength(pricing.types[t])),
}));
/** "price(s)" names a price without saying which: it never overrides a cue that does ("transactions ... at"). */
const GENERIC_CUE = /^prices?$/i;
/** One regex over every cue, longest alternatives first per type, so "transaction prices" is one cue. */
const TYPE_RE = new RegExp(TYPE_CUES.map((c, i) => `(?<t${i}>\\b(?:${c.re})\\b)`).join("|"), "gi");
const CHANGE_BEFORE = new RegExp(`\\b(?:${words(pricing.not_a_price_before)})\\s*$`, "i");
const NOT_A_PRICE_CUE = new RegExp(`\\b(?:${words(pricing.not_a_price_cue)})\\b`, "i");

const SENTENCE_FORECAST = /^(?:[^.;]*\b)?(?:it is (?:expected|anticipated|forecast|estimated|predicted) that|(?:analysts?|traders?|SMM|market participants?|sources?) (?:expects?|predicts?|forecasts?) that)\b/i;
const CUR = String.raw`(?:RMB|CNY|USD|US\s?\$|\$|¥|EUR|€|yuan)`;
// Thousands spaced ("18 600 yuan/t") are one figure, never "600 yuan/t" (numbers.ts reads them alike).
const NUM = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,])|\d+(?:\.\d+)?`;
const UNIT = String.raw`(?:\/|\s?per\s|\s(?:a|each)\s)\s?(mt|t|tonnes?|tons?|metric tons?|kg|kilograms?|lb|pounds?)(?![\p{L}])`;
/** A figure with a currency (before the number or after it) and a unit: one price or a range. */
const PRICE_RE = new RegExp(
  String.raw`(?<![\p{L}\d.,])(?:(?<cur1>${CUR})\s?)?(?<n1>${NUM})(?:\s?(?:~|-|–|—|to)\s?(?:(?<cur2>${CUR})\s?)?(?<n2>${NUM}))?\s?(?<cur3>yuan|RMB|doll[ae]rs?|USD)?${UNIT}`,
  "giu",
);

/**
 * Price tables write the currency and unit before the figures: "Magnesium 99.9% min, FOB China, $/tonne
 * 2,350-2,400", "ex-works Fugu, RMB/t: 18,600-18,800".
 */
const UNIT_FIRST_RE = new RegExp(
  String.raw`(?<![\p{L}\d.,])(?<cur1>${CUR})\s?(?:\/|per\s)\s?(?<ufirst>mt|t|tonnes?|tons?|metric tons?|kg|kilograms?|lb|pounds?)(?![\p{L}])\s*:?\s*(?<n1>${NUM})(?:\s?(?:~|-|–|—|to)\s?(?<n2>${NUM}))?(?![\d.,]*\d)(?!\s?%)`,
  "giu",
);

/** Cheap first look: every price has a currency, and each currency word of PRICE_RE holds one of these (same flags). */
const ANY_CURRENCY = /RMB|CNY|USD|\$|¥|EUR|€|yuan|doll[ae]r/iu;

/**
 * A figure with a currency and no unit ("hit the yearly highest US$ 3,350-3,400", "rebounded to US$ 4,200 level"):
 * a price only where its clause speaks of a price and the article writes that currency's prices with one unit
 * ("US$ 4,100-4,200 per tonne" elsewhere): the unit is then the article's.
 */
const BARE_PRICE_RE = new RegExp(
  String.raw`(?<![\p{L}\d.,])(?<cur1>${CUR})\s?(?<n1>${NUM})(?:\s?(?:~|-|–|—|to)\s?(?:(?<cur2>${CUR})\s?)?(?<n2>${NUM}))?(?![\d.,]*\d)(?!\s?(?:thousand|million|billion|trillion|mn|bn|[mbk](?![\p{L}])|%))`,
  "giu",
);
/** "US$ 1,900 lower than", "higher than": a difference, not a price. */
const DIFFERENCE_AFTER = /^\s*(?:\([^)]*\)\s*)?(?:lower|higher|less|more|cheaper|dearer|above|below|up|down)\b/i;
/** A qualifier between a change word and its figure: "up by more than US$ 600", "down by about US$ 350". */
const QUALIFIER_TAIL = /\b(?:more than|over|about|around|nearly|almost|some|approximately|roughly|less than|under|just|only)\s*$/i;
const PRICE_WORD = /\b(?:prices?|offers?|offered|quot(?:ed|ations?|es?)|assessed|traded|transactions?)\b/i;

/** The unit of each currency the article writes prices in, when it writes that currency with one unit only. */
const ARTICLE_UNITS = new WeakMap<object, Map<string, string>>();
function articleUnits(article: { title: string; paragraphs: string[] }): Map<string, string> {
  let units = ARTICLE_UNITS.get(article);
  if (units) return units;
  const seen = new Map<string, Set<string>>();
  for (const t of [article.title, ...article.paragraphs]) {
    if (!ANY_CURRENCY.test(t)) continue;
    for (const m of t.matchAll(PRICE_RE)) {
      const g = m.groups ?? {};
      const c = currencyOf(g.cur1) || currencyOf(g.cur2) || currencyOf(g.cur3);
      if (!c) continue;
      const u = unitOf(/(mt|t|tonnes?|tons?|metric tons?|kg|kilograms?|lb|pounds?)$/i.exec(m[0])?.[1] ?? "t");
      seen.set(c, (seen.get(c) ?? new Set()).add(u));
    }
  }
  units = new Map([...seen].filter(([, us]) => us.size === 1).map(([c, us]) => [c, [...us][0]]));
  ARTICLE_UNITS.set(article, units);
  return units;
}

function currencyOf(raw: string | undefined): string {
  if (!raw) return "";
  const c = raw.replace(/\s+/g, "").toUpperCase();
  if (c === "RMB" || c === "CNY" || c === "YUAN") return "CNY";
  if (c === "EUR" || c === "€") return "EUR";
  if (c === "US$" || c === "USD" || c === "$" || c.startsWith("DOLL")) return "USD";
  return "";
}
function yenOrYuan(text: string, title: string): string {
  const japan = /\bJapan(?:ese)?\b|\byen\b|\bJPY\b/i.test(text);
  const china = /\bChina\b|\bChinese\b|\byuan\b|\bRMB\b|\bCNY\b|\bdomestic\b/i.test(text);
  if (japan !== china) return japan ? "JPY" : "CNY";
  if (japan) return "";
  const tJapan = /\bJapan(?:ese)?\b/i.test(title);
  const tChina = /\bChina\b|\bChinese\b/i.test(title);
  return tJapan === tChina ? "" : tJapan ? "JPY" : "CNY";
}

function unitOf(raw: string): string {
  const u = raw.toLowerCase();
  if (u.startsWith("kg") || u.startsWith("kilogram")) return "kg";
  if (u === "lb" || u.startsWith("pound")) return "lb";
  return "t";
}

/** Clause boundaries for what a figure's words are: a semicolon, "with", "while", "but", a new sentence. */
const CLAUSE_START = /;|\.\s|\bwith\b|\bwhile\b|\bwhereas\b|\bbut\b|\bhowever\b/gi;
function clauseStartBefore(text: string, pos: number): number {
  let start = 0;
  for (const m of text.slice(0, pos).matchAll(CLAUSE_START)) start = m.index + m[0].length;
  return start;
}

/** The mention ending last ("Fugu Shaanxi" over the "Shaanxi" inside it; "magnesium ingots" over "magnesium"). */
function lastMatch(list: Vocabulary[], text: string): { name: string; index: number } | undefined {
  let best: { name: string; index: number; end: number } | undefined;
  for (const v of list) {
    for (const m of text.matchAll(v.re)) {
      const end = m.index + m[0].length;
      if (!best || end > best.end || (end === best.end && m.index < best.index)) best = { name: v.name, index: m.index, end };
    }
  }
  return best;
}
function firstMatch(list: Vocabulary[], text: string): { name: string; index: number } | undefined {
  let best: { name: string; index: number; length: number } | undefined;
  for (const v of list) {
    for (const m of text.matchAll(v.re)) {
      if (!best || m.index < best.index || (m.index === best.index && m[0].length > best.length)) best = { name: v.name, index: m.index, length: m[0].length };
    }
  }
  return best;
}

function typeIn(window: string): PriceType {
  let type: PriceType | undefined;
  for (const m of window.matchAll(TYPE_RE)) {
    if (GENERIC_CUE.test(m[0]) && type) continue;
    const i = Object.entries(m.groups ?? {}).find(([, v]) => v !== undefined)?.[0];
    if (i) type = TYPE_CUES[Number(i.slice(1))].type;
  }
  return type ?? "quotation";
}

/**
 * The type of a figure's price; "The price ..." with no word of its own takes the type of the price the previous
 * sentence of the paragraph named ("Chinese offer price turned up in September. The price hit US$ 3,400").
 */
function typeOf(window: string, ctx: SentenceContext): PriceType {
  const own = typeIn(window);
  if (own !== "quotation" || !ctx.previous || !/^\s*the\s+(?:\w+\s+)?prices?\b/i.test(window) || /\bquot/i.test(window)) return own;
  const named = /\b(?:offer|transaction|assessed|average)\s+prices?\b/i.exec(ctx.previous);
  return named ? typeIn(named[0]) : own;
}

const GRADE_RE = /(\d{2}(?:\.\d+)?%)(?:\s*(?:grade|Mg|purity|min\.?))?|\b(\d+-\d+)\s+grade\b/i;
const BASIS_PARTS: RegExp[] = [
  /\b(?:FOB|CIF|CFR|C&F|DDP|DAP)(?:\s+(?:China|Tianjin|Shanghai|Qingdao|Japan|Korea|Rotterdam|Europe|US))?\b/,
  /\bex-(?:works|factory|warehouse)\b/i,
  // The place after "in-warehouse" ("in-whs" in tables) is a capitalised name ("in-warehouse Rotterdam"), never "in-warehouse price".
  /\b[Ii]n-(?:warehouse|whs)(?:\s+\p{Lu}\p{L}+)?/u,
  /\b(?:with(?:out)? taxes?|tax(?:es)? (?:not )?included|tax[- ]inclusive|tax[- ]exclusive|excluding tax(?:es)?|including tax(?:es)?|tax not included)\b/i,
  // Value-added tax, as Chinese spot reports write it: "VAT included", "including 13% VAT", "excl. VAT".
  /\bVAT[- ](?:included|inclusive|excluded|exclusive|not included)\b|\b(?:including|excluding|incl\.|excl\.|with(?:out)?)\s+(?:\d{1,2}%\s+)?VAT\b/,
  /\bby cash\b|\bcash\b/i,
];
function basisIn(text: string): string {
  const parts: string[] = [];
  for (const re of BASIS_PARTS) {
    const m = re.exec(text);
    if (m && !parts.includes(m[0])) parts.push(m[0]);
  }
  return parts.join(", ");
}

/** The product a paragraph's earlier price sentence named, for "The China FOB price was quoted at ...". */
function productOfTitle(title: string): string {
  return firstMatch(PRODUCTS, title)?.name ?? "";
}

export const priceParser: Parser = {
  name: "price",
  parse(ctx: SentenceContext): Found[] {
    const text = ctx.text;
    if (!/\d/.test(text) || !ANY_CURRENCY.test(text)) return [];
    const out: Found[] = [];
    // Looked up once per sentence: the windows below are all slices of it.
    let products: Vocabulary[] | undefined;
    let places: Vocabulary[] | undefined;
    // A unit-first figure overlapping a figure with its unit after it is that figure ("RMB/t 18,600 yuan/t").
    const unitAfter = [...text.matchAll(PRICE_RE)];
    const unitFirst = [...text.matchAll(UNIT_FIRST_RE)].filter((u) => !unitAfter.some((w) => (u.index ?? 0) < (w.index ?? 0) + w[0].length && (w.index ?? 0) < (u.index ?? 0) + u[0].length));
    const withUnit = [...unitAfter, ...unitFirst].sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
    const candidates: { m: RegExpMatchArray; bare: boolean }[] = withUnit.map((m) => ({ m, bare: false }));
    for (const m of text.matchAll(BARE_PRICE_RE)) {
      const at = m.index ?? 0;
      if (!withUnit.some((w) => at < (w.index ?? 0) + w[0].length && (w.index ?? 0) < at + m[0].length)) candidates.push({ m, bare: true });
    }
    for (const { m, bare } of candidates) {
      const g = m.groups ?? {};
      let currency = currencyOf(g.cur1) || currencyOf(g.cur2) || currencyOf(g.cur3);
      // "¥" is the yen's sign as well as the yuan's: only the text can say which, else no price.
      if ([g.cur1, g.cur2].includes("¥")) currency = yenOrYuan(text, ctx.article.title);
      if (!currency) continue;
      const start = m.index ?? 0;
      const end = start + m[0].length;
      const bareUnit = bare ? articleUnits(ctx.article).get(currency) : undefined;
      if (bare && !bareUnit) continue;
      const unitWord = bare ? bareUnit! : (g.ufirst ?? /(mt|t|tonnes?|tons?|metric tons?|kg|kilograms?|lb|pounds?)$/i.exec(m[0])?.[1] ?? "t");
      const value = parseNumber(g.n1);
      let valueMax = g.n2 ? parseNumber(g.n2) : null;
      if (valueMax !== null && valueMax < value) continue; // "from RMB 16,000 to RMB 15,000/t": a move, not a range
      if (valueMax === value) valueMax = null;
      const before = text.slice(Math.max(0, start - 40), start).replace(QUALIFIER_TAIL, "");
      // "quotes ranged from 16,150 to 16,250 yuan/mt" is a range; "up from 16,150" is a change.
      if (CHANGE_BEFORE.test(before) && !(valueMax !== null && /\b(?:rang(?:e|ed|es|ing)|varied|varying|fluctuat(?:ed|ing))\s+from\s*$/i.test(before))) continue;
      // "US$ 1,900 lower than the July level": a difference.
      if (DIFFERENCE_AFTER.test(text.slice(end, end + 30))) continue;
      const clauseStart = clauseStartBefore(text, start);
      const window = text.slice(clauseStart, start);
      if (bare && !PRICE_WORD.test(window)) continue;
      // The cues are matched without case ("Expected to"), so the month May is blanked first: it is no modal.
      if (NOT_A_PRICE_CUE.test(withoutMonthMay(window))) continue;
      // "It is expected that prices may ..., but there is strong support at 16,000 yuan/mt": the whole sentence is a forecast.
      if (SENTENCE_FORECAST.test(text.slice(0, start))) continue;
      // What follows the figure up to the next figure or clause: the place and basis written after it.
      const rest = text.slice(end);
      // A date ("on June 11") or a tax rate ("including 13% VAT") written after the figure is no next figure.
      const nextFigure = blank(rest, ctx.dates.filter((d) => d.start >= end).map((d) => [d.start - end, d.end - end])).replace(/\d{1,2}%(?=\s+VAT\b)/g, (x) => " ".repeat(x.length)).search(/\d/);
      // A parenthesis or a currency opens the next figure's words: "16,150-16,250 yuan/mt (FOB $2,220-$2,300)" is not FOB.
      const restClause = rest.slice(0, Math.min(nextFigure < 0 ? rest.length : nextFigure, 60)).split(/;|\((?=\s*(?:FOB|CIF|CFR|DDP|DAP|US\s?\$|\$|USD|RMB|CNY|€|EUR))|\bwith\b|\bwhile\b|\.\s|(?:RMB|CNY|USD|US\s?\$|\$|¥|€)\s?$/)[0];

      products ??= presentIn(PRODUCTS, text);
      const productHere = lastMatch(products, window) ?? lastMatch(products, text.slice(0, start)) ?? firstMatch(products, text.slice(end));
      // Else the product an earlier sentence named, if it is one of the products prices are reported for
      // ("This price decline ..." names none), else the report's title ("Magnesium ingot prices pull back").
      const product = productHere?.name || productOfTitle(ctx.discourse?.product ?? "") || productOfTitle(ctx.article.title);
      if (!product) continue;
      places ??= presentIn(PLACES, text);
      const placeAfter = /^\s*(?:\([^)]*\)\s*)?(?:in|at)\s+(?:the\s+)?/i.test(restClause) ? firstMatch(places, restClause) : undefined;
      const place = placeAfter ?? lastMatch(places, window) ?? lastMatch(places, text.slice(0, clauseStart));
      const gradeWindow = productHere ? text.slice(Math.max(clauseStart, productHere.index - 12), start) : window;
      const gm = GRADE_RE.exec(gradeWindow);
      const numberBeforeProduct = productHere ? /(?:^|\s)#?(\d{2})\s+$/.exec(text.slice(Math.max(0, productHere.index - 6), productHere.index)) : null;
      const grade = gm ? (gm[1] ?? gm[2]) : numberBeforeProduct ? numberBeforeProduct[1] : "";

      // The day: the last date written before the figure ("20th February 2021: ...", "On July 24, the ...,
      // with ..."), else one right after it in its clause ("averaged RMB 15,817/t in August").
      // A date written right after the figure with its preposition is the figure's own ("averaged RMB 15,817/t in
      // August, with RMB 16,639/t during the first eight months of 2019"): it wins over an earlier one.
      const ownAfter = ctx.dates.find((d) => d.start >= end && /^\s*(?:in|during|for|over|on)\s+$/i.test(text.slice(end, d.start)));
      const mention = ownAfter ?? ctx.dates.filter((d) => d.end <= start).pop() ?? ctx.dates.find((d) => d.start >= end && d.start < end + restClause.length + 30);
      const resolved = mention && !["by", "since", "until", "before", "after"].includes(mention.cue) ? resolveDate(mention, ctx.years) : { date: "", date_end: "" };

      out.push(
        // A unit borrowed from the article's other prices: "price.borrowedUnit" (priceRepeats prefers a restatement with its own).
        newFound(ctx, bare ? "price.borrowedUnit" : "price", {
          kind: "price",
          product,
          title: product,
          grade,
          region: place?.name ?? "",
          basis: basisIn(`${window} ${restClause}`),
          value,
          value_max: valueMax,
          unit: `${currency}/${unitOf(unitWord)}`,
          price_type: typeOf(window, ctx),
          date: resolved.date,
          date_end: resolved.date_end,
        }),
      );
    }
    return out;
  },
};
