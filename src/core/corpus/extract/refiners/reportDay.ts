// reportDay: a daily price report says its day once ("SMM reported on July 1 that today's ...", "SMM Magnesium
// Morning Meeting Notes on July 9:") and then lists its prices in the present tense without repeating it.
// Those prices hold for the report's day. Only when the article states exactly one day for its prices, only
// for prices whose sentence dates nothing itself and speaks of now (not "yesterday", "last week", a forecast),
// and only a day that is the report's publication day or a dateline's ("Notes on July 9:", a wire dateline
// "SHANGHAI, June 11 (Fastline) -", a heading "Magnesium prices, June 11, 2031"); the line that
// states the day becomes the record's date evidence (verbatim), so the day stays readable.
import type { Found, Refiner, RefinerInput } from "../context";
import { resolveDate } from "../dates";

/** A line that is a dateline for what follows: "... Notes on July 9:", "SMM November 5:", "20th February 2021:". */
const DATELINE = /:\s*$/;
/** A wire dateline opening the report: "SHANGHAI, June 11 (Fastline) - ...", "LONDON, 11 June -- ...". */
const WIRE_DATELINE = /^[A-Z][A-Z .'-]{2,40},\s+[^-–—()]{3,25}?\s*(?:\([^)]{1,40}\)\s*)?(?:-|–|—|--)\s/;
/** A heading that is the report's day: "Magnesium prices, June 11, 2031" (its own paragraph, no sentence). */
const PRICE_HEADING = /\b(?:prices?|assessments?|quotations?|quotes|market|report)\b/i;
/** Another time than the report's: the price is of another day, or not of any day. */
const OTHER_TIME = /\b(?:yesterday|last (?:week|month|year|friday|monday|tuesday|wednesday|thursday)|previous(?:ly)?|earlier|ago|the day before|a week before|since|average[ds]?|averaging|peak(?:ed)?|expected|forecast|will|would|next)\b/i;
/** Speaking of now: the present tense of a report ("is", "are quoted", "stood at", "today's", "currently"). */
// An agency's assessment ("was assessed at") is of its report's day; so is a table row "Product, basis: $X-Y/t".
const NOW = /\b(?:today|today's|currently|now|at present|is|are|remains?|stands? at|hovers?|ranges?|quoted at|(?:was|were) assessed)\b|:\s*(?:RMB|CNY|USD|US\$|\$|€|EUR)?\s?\d/i;

const EXPLICIT_NOW = /\b(?:today|today's|currently|at present)\b/i;
const ANOTHER_DAY = /\b(?:yesterday|last (?:week|month|year)|the day before|ago|expected|forecast|will|would|next)\b/i;

function dayOf(input: RefinerInput, i: number): { date: string; line: string } | undefined {
  const ctx = input.contexts[i];
  const days = ctx.dates.filter((d) => d.day && d.month).map((d) => resolveDate(d, ctx.years).date).filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d));
  if (days.length !== 1) return undefined;
  return { date: days[0], line: ctx.text };
}

export const reportDay: Refiner = {
  name: "reportDay",
  refine(found: Found[], input: RefinerInput): Found[] {
    const undated = found.filter((f) => f.kind === "price" && f.date === "");
    if (undated.length === 0) return found;
    // The days the article states for its prices: dated prices' sentences and datelines.
    const stated = new Map<string, string>();
    // A dated price's day counts only when it is the report's own day (its publication date): a weekly report
    // that quotes Monday's ingot price says nothing of the day of its other, undated prices.
    for (const f of found) {
      if (f.kind !== "price" || !/^\d{4}-\d{2}-\d{2}$/.test(f.date) || f.date !== input.article.published) continue;
      const d = dayOf(input, f.sentenceIndex);
      if (d && d.date === f.date && !stated.has(d.date)) stated.set(d.date, d.line);
    }
    input.contexts.forEach((ctx, i) => {
      const sentence = input.sentences[i];
      const heading = !!sentence && ctx.text.length <= 80 && input.article.paragraphs[sentence.paragraph]?.trim() === ctx.text.trim() && !/[.!?]\s*$/.test(ctx.text) && PRICE_HEADING.test(ctx.text);
      const wire = i === 0 && WIRE_DATELINE.test(ctx.text);
      if (!heading && !wire && (!DATELINE.test(ctx.text) || ctx.text.length > 120)) return;
      const d = dayOf(input, i);
      if (d && !stated.has(d.date)) stated.set(d.date, d.line);
    });
    if (stated.size !== 1) return found;
    const [[day, line]] = [...stated];
    return found.map((f) => {
      if (f.kind !== "price" || f.date !== "") return f;
      const ctx = input.contexts[f.sentenceIndex];
      if (!ctx || ctx.dates.length > 0) return f;
      // "However, today, ... previously hoarded stocks ...": a written "today" speaks of the report's day unless
      // the sentence also names another day or a future.
      const explicitNow = EXPLICIT_NOW.test(ctx.text) && !ANOTHER_DAY.test(ctx.text);
      if (!explicitNow && (OTHER_TIME.test(ctx.text) || !NOW.test(ctx.text))) return f;
      return { ...f, date: day, date_evidence: f.evidence.includes(line) ? f.date_evidence : line };
    });
  },
};
