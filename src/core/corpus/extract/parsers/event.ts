// event: any other dated happening (launch, release, signing, conference, production start, delivery,
// clinical milestone, award, listing). One per sentence, dated by the sentence's first date that is a
// happening (not a deadline: "by 2030", "until ..."), with a range end when the text gives one.
// A sentence with no date gives no event; a named prize won after its dated happenings ("..., winning the X Award")
// is one more, undated. Policies and standards take precedence (see refiners).
import type { Found, Parser, SentenceContext } from "../context";
import { newFound } from "../context";
import type { DateMention } from "../dates";
import { findDates, isDateline, resolveDate, withinBackground } from "../dates";
import { fewerPiecesThan, OPENING_ADVERBIAL, whoIsInvolved } from "../text";
import happenings from "../../../../data/happenings.json";

/** A deadline or the start of a state ("since 2015", "as of May") dates no happening. */
const NOT_HAPPENING_CUE = new Set(["by", "until", "till", "through", "throughout", "before", "by the end of", "since", "as of"]);
/** A caption, a chart's label or a link to another story ("FILE PHOTO: ...", "Chart: ...", "Read more: ..."): not this report's news. */
export const CAPTION_OR_LINK = /^\s*(?:FILE PHOTO|PHOTO|Photo|Image|Picture|Pictured|Chart|Graphic|Caption|Video|Read more|Read also|Also read|Related|See also|Source|Sources)\s*:/;
const BOILERPLATE = /@|\bplease (?:contact|email)\b|\ball rights reserved\b|\bcopyright\b|\bsubscribe\b/i;
const FUTURE = /\b(?:will|would|shall|is due|are due|due to|due for|expected to|is expected|are expected|expects?|plans?\s+(?:[\w-]+\s+){0,3}to\b|aiming|tracking towards|current thinking|planned for|aims? to|targets?|targeting|targeted (?:for|at|to)|scheduled to|scheduled for|slated for|slated to|poised to|on track to|set to|intends? to|is to|are to)\b/i;
/** "could restart", "might reopen", "may resume": a possibility, not a happening ("may" lower case: "May" is a month). */
const MODAL = /\b(?:[Cc]ould|[Mm]ight)\b|\bmay\b/;
/**
 * "said in March 2025 that it plans to ...", "told a conference in May that demand would ...": the day a plan or a
 * forecast was told, not a happening (what was told follows the date). An announcement is one ("announced on May 2
 * that it will build ...": the gold's "announced plans" is an event).
 */
const SAID_BEFORE = /\b(?:said|says|stated|noted|added|warned|predicted|told\s+[^,;]{1,40}?)\s+(?:on|in)\s+$/i;
/** "Shares of X rose 6% on March 3": a move of a share price, market commentary. */
const SHARES_MOVED = /\b(?:shares?|stock|share price)\b[^;]{0,60}?\b(?:rose|fell|jumped|surged|slumped|plunged|gained|lost|climbed|dropped|tumbled|soared|sank|slid|rallied|(?:was|were) (?:up|down))\s+(?:by\s+)?(?:as much as\s+|about\s+|nearly\s+|more than\s+)?\d[\d.,]*\s?(?:%|percent|per cent)?\s+(?:on|in)\s+$/i;
/** What is said of a plan ("X will fit ..., the carmaker said on Oct. 14") dates the saying, not a happening. */
const ATTRIBUTION_BEFORE = /,\s+(?:[\w'’-]+\s+){0,4}(?:said|says|announced|stated|told [\w\s]{1,30}|reported|confirmed)\s+(?:on|in)\s+(?:a\s+|an\s+|its\s+|their\s+)?$/i;
/** "..., the company said in a release dated Feb. 10": the day of the saying, whatever the sentence tells. */
const SAID_IN_DATED = /\b(?:said|says|announced|stated|reported|confirmed|disclosed|noted)\s+in\s+(?:a|an|its|their|the)\s+(?:[\w-]+\s+){0,2}?(?:release|statement|filing|report|announcement|letter|note|notice|presentation|update|interview|post)\s+(?:dated|issued|published|released|posted|filed|made|of)\s+(?:on\s+)?$/i;
/**
 * A notice with no news of its own ("X has released an update", "issued a newsletter"): the reporting, not a
 * happening; what the update says, the next sentences tell. (Results announced are a company's happening.) The
 * objects are data (happenings.json "reporting_objects").
 */
export const REPORTING = new RegExp(`\\b(?:released|issued|published|posted|filed|provided|gave|announced|reported|releases|issues|publishes|posts|files|provides|announces|reports)\\s+(?:an?|its|their|the)\\s+(?:[\\w-]+\\s+){0,2}?(?:${happenings.reporting_objects.join("|")})\\b`, "i");
/**
 * "the sharp rise in magnesium prices in April", "exports in May": the date of a market figure, not of a happening.
 * (Not "production in January": "entered series production in January" is one.)
 */
const MARKET_FIGURE_BEFORE = /\b(?:prices?|exports?|imports?|demand|consumption|inventor(?:y|ies)|stocks|(?:export|import|trade|trading) volumes?)\s+(?:in|during|for|of)\s+(?:(?:late|early|mid)[- ])?$/i;
/** A clause continuing a plan: "..., with the balance following in 2029", "and full output in 2028". */
const CONTINUES = /^(?:with|and|followed by|before|then)\b/i;
/** An amount made, sold or moved ("produced 50,000 tonnes", "exported about 12,000 mt"). */
const AMOUNT_OVER_YEAR = /\b(?:produced|sold|exported|imported|shipped|consumed|delivered|output of|sales of|production of)\s+(?:a total of\s+|about\s+|around\s+|nearly\s+|some\s+|over\s+|more than\s+|roughly\s+|approximately\s+)?\d[\d,.]*\s?(?:thousand|million)?\s?(?:t|mt|kt|tons?|tonnes?|metric tons?|units|vehicles|pieces|sets)\b/i;
/** A figure measured over a period ("produced 9,800 tonnes of alloy ingot in 2024"): the year dates the figure, not a happening. */
const MEASURED_OVER = /^\.?(?:\s+(?:of\s+)?[\w-]+){0,5}\s+(?:in|during|for|over)\s+(?:the\s+(?:whole\s+|full\s+)?year\s+)?$/i;

/**
 * The dateline opening a sentence ("SYDNEY, Oct 2 (Reuters) - ..."), which findDates leaves out when the sentence
 * writes another date: the report's day.
 */
function datelineOf(text: string): DateMention | undefined {
  const dash = /\s(?:—|–|--|-)\s/.exec(text.slice(0, 120));
  if (!dash) return undefined;
  const head = text.slice(0, dash.index + dash[0].length);
  const d = findDates(head)[0];
  return d && d.month && isDateline(head, d) ? d : undefined;
}

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const WEEKDAY = /\b(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\b/g;

/**
 * A dateline's day dates its sentence's happening unless the sentence names another weekday: "BEIJING, March 4
 * (Xinhua) -- X began production on Monday" (March 4 a Tuesday) writes no day for it, so the event stays undated
 * (gold: "'on Thursday' names no date, the dateline was not a Thursday"); never a day counted back.
 */
function weekdayDisagrees(text: string, date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  const named = [...text.matchAll(WEEKDAY)].map((m) => m[1]);
  return named.length > 0 && !named.includes(WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()]);
}

/** Is an ISO date (at its precision) after the publication day? */
function afterPublication(date: string, published: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(published) && date > published.slice(0, date.length);
}

function clauseBefore(text: string, pos: number): string {
  const head = text.slice(Math.max(0, pos - 80), pos);
  const cut = Math.max(head.lastIndexOf(", "), head.lastIndexOf("; "));
  return cut >= 0 ? head.slice(cut + 2) : head;
}

const STATISTIC = /\b(?:ranked (?:first|second|third|\w+th|top) in|rose|fell|totall?ed|stood at|reached|increased|decreased|declined|dropped|climbed|grew|slipped|edged (?:up|down)|was (?:up|down)|were (?:up|down)|amounted to|averaged|(?:up|down) \d[\d.,]*\s?%|y\/y|year[- ]on[- ]year|month[- ]on[- ]month|(?:produced|imported|exported|sold|shipped|consumed)\s+(?:about\s+|around\s+|nearly\s+|some\s+|over\s+|more than\s+|roughly\s+)?\d[\d,.]*|%\s+of\s+(?:the\s+)?(?:national|global|world|country's|total))(?![\w/])/i;

/** A market aggregate that moved ("shipments of X in September rose 7.5%"): a statistic even when someone reports it. */
const AGGREGATE_MOVED = /\b(?:shipments|exports|imports|export volume|import volume|output|production|sales|prices|demand|consumption|inventories|stocks|deliveries)\s+(?:of\s+[^,;.]{1,60}?\s+)?(?:in\s+[^,;.]{1,30}?\s+)?(?:\w+ly\s+)?(?:rose|fell|increased|decreased|declined|dropped|climbed|grew|slipped|totall?ed|reached|stood at|averaged|(?:was|were) (?:up|down))\b/i;
/** "the price of 99.9% magnesium ingot in Fugu was 16,350-16,500 yuan/mt on December 2": a quote, not a happening. */
const PRICE_STATED = /\bprices?\b[^,;]{0,80}?\b(?:was|were|is|are|held|stood|hovered|traded|averaged|quoted)\b[^,;.]{0,20}\d/i;
/**
 * A state or a figure of a named company ("Revenue of X in 2024 was EUR 450 million", "X employed 1,200 people at
 * the end of 2024", "held a 20% stake in Y in 2023", "was the largest producer in the region"), unless the sentence
 * also tells a happening (its verbs: happenings.json "done"): a measurement, not a happening.
 */
const STATE_FIGURE = /\b(?:was|were|stood at|accounted for|amounted to|employed|held|owned|remained)\s+(?:a\s+|an\s+|about\s+|around\s+|nearly\s+|over\s+|more than\s+|some\s+|roughly\s+|approximately\s+)?(?:[A-Z]{0,3}\$|(?:EUR|USD|RMB|CNY|AUD|CAD)\s?|[¥€£])?\d|\b(?:was|were|remained)\s+(?:the|a|an)\s+(?:(?:world|country|region|nation|China|Europe)['’]s\s+)?(?:largest|biggest|leading|top|main|sole|only|second-largest|third-largest)\b/i;
const HAPPENED = new RegExp(`\\b(?:${[...happenings.done, ...happenings.done_perfect_only].map((x) => x.replace(/\s+/g, "\\s+")).join("|")})\\b`, "i");
/** Market commentary: "Demand ... remained weak in March", "The magnesium market was tight in Q4 2024". */
const MARKET_STATE = /\b(?:demand|supply|market|prices?|sentiment|trading|consumption|inventor(?:y|ies)|stocks)\b[^,;.]{0,40}?\b(?:remained|was|were|stayed|is|are|has been|have been)\s+(?:\w+ly\s+)?(?:weak|strong|tight|firm|soft|subdued|sluggish|stable|steady|flat|quiet|balanced|oversupplied|bearish|bullish|muted|robust|in (?:surplus|deficit))\b/i;
/** What was told of the market ("said on 3 June 2025 that prices had bottomed out") is commentary. */
const MARKET_TALK = /\b(?:prices?|demand|supply|market|sentiment|consumption|outlook)\b/i;
/** Summaries of many happenings ("In 2024, ... issued multiple policies") are not one happening. */
const AGGREGATE = /\b(?:multiple|a series of|several|numerous|many|various|a number of)\b/i;
/** A second happening joined to the first: "..., and launched in April". */
// Also in a list ("signed ... in January, broke ground in March and began trial production in November"), with an
// irregular past, or with a subject of its own ("..., and the plant was completed in May 2025").
const SECOND_HAPPENING = /(?:,\s+(?:and\s+)?|\s+and\s+|;\s+)(?:(?:the|its)\s+(?:[\w-]+\s+){0,3}?(?:was|were)\s+|was\s+|were\s+)?(?:\w+ly\s+)?(?:\w+ed|began|broke|won|held|made|took|went|shut|sold|built)\s+(?:[\w-]+\s+){0,3}$/i;

/**
 * "..., launched in April, winning the 2031 Foundry Product Award": a named prize won after the dated happenings, with
 * no date of its own (a year in the award's name dates nothing). ("winning a design award" names none: no record.)
 */
const AWARD_WON_AFTER = /,\s+(?:and\s+)?(winning|receiving|earning|claiming)\s+((?:the\s+|an?\s+)?[^,;.]{0,160}\b(?:Award|Prize|Medal)s?)\b/;
const PAST_OF: Record<string, string> = { winning: "won", receiving: "received", earning: "earned", claiming: "claimed" };

/** Short label of what happened: the main clause after the date phrase, cut at a clause break. */
export function eventTitle(text: string, dateStart: number, dateEnd: number): string {
  // Drop the date only when it opens the sentence ("On May 16, ...", "At 17:27 on May 3, ...", "In November, ...").
  const opens = /^(?:(?:on|in|at|from|during)\s+)?(?:\d{1,2}:\d{2}\s+on\s+)?(?:(?:late|early|mid)[- ])?$/i.test(text.slice(0, dateStart));
  let rest = opens ? text.slice(dateEnd) : text;
  rest = rest.replace(/^[\s,]+/, "").replace(/^\([^)]{1,40}\)\s*[-–—]\s*/, "");
  if (opens) rest = rest.replace(/^(?:at\s+[^,]{1,80},\s*)/i, "");
  // Appositions name, they do not happen: ", a subsidiary of X," / ", in collaboration with Y," go.
  rest = rest
    .replace(/,\s(?:a|an|which|who|in collaboration with|together with|along with|led by|hosted by|controlled by|owned by|(?:and )?(?:co-)?organized by|(?:and )?sponsored by|(?:and )?supported by)\b(?:[^,]|,\s(?=Ltd\b)){0,160}(?<!\bCo\.),(?=\s)/g, "")
    .replace(/\s?[—–]\s?[^—–]{1,120}\s?[—–]\s?/g, " ");
  let cut = rest.length;
  const m = /(?:,\s(?=(?:with|which|where|marking|making|promoting|proposing|supporting|achieving|providing|laying|unveiling|reaching|winning|including|focusing|helping)\b)|;\s|:\s|(?<!\b[A-Z][a-z]{0,3})\.\s|\.$|\s—\s?|—)/.exec(rest);
  if (m && m.index >= 15) cut = m.index;
  let title = rest.slice(0, cut).trim().replace(/[\s,.;:]+$/, "").replace(/[.,](["”])$/, "$1");
  if (title.length > 140) {
    title = title.slice(0, 140);
    title = title.slice(0, title.lastIndexOf(" ")) + " …";
  }
  return title.charAt(0).toUpperCase() + title.slice(1);
}

/**
 * Who an event is about: an organisation in its main clause (after the date phrase, up to the first clause
 * break); else, for a sentence that refers back ("The product was released ..."), the one before; else the
 * section heading's; else any organisation of the sentence. Everyone named is involved.
 */
function leadOf(ctx: SentenceContext, from: number) {
  let rest = ctx.text.slice(from).replace(/^[\s,]+/, "");
  // "After talks with Norvik Magnesium, Corvel Drive signed ...": the main clause follows the opening one.
  const opening = OPENING_ADVERBIAL.exec(rest);
  if (opening && ctx.orgs.some((m) => m.start >= ctx.text.length - rest.length + opening[0].length)) rest = rest.slice(opening[0].length);
  const offset = ctx.text.length - rest.length;
  const brk = /,\s(?!(?:Ltd|Inc)\b)|;\s/.exec(rest);
  const mainEnd = offset + (brk ? brk.index : rest.length);
  const inMain = ctx.orgs.filter((m) => m.start >= offset && m.start < mainEnd);
  // "was awarded ... by the FDA": the agent of a passive is not what the event is about, unless no one else is named.
  const passive = /\b(?:was|were|been|being|is|are)\s+(?:\w+ly\s+)?\w+(?:ed|en)\b/.test(ctx.text.slice(offset, mainEnd));
  const agents = passive ? inMain.filter((m) => /\bby\s+(?:the\s+)?(?:US\s+|U\.S\.\s+)?$/.test(ctx.text.slice(Math.max(0, m.start - 12), m.start))) : [];
  const agentNames = new Set(agents.map((m) => m.entity.name));
  const others = inMain.filter((m) => !agentNames.has(m.entity.name));
  const main = others.length > 0 ? others : agents.length > 0 && (ctx.discourse?.subject || ctx.headingOrgs.length > 0) ? [] : inMain;
  if (main.length === 0 && ctx.discourse?.subject) {
    const who = whoIsInvolved({ ...ctx, orgs: [] }, { inherit: true });
    for (const m of ctx.orgs) if (!who.organizations.includes(m.entity.name)) who.organizations.push(m.entity.name);
    return who;
  }
  if (main.length === 0 && ctx.headingOrgs.length > 0) {
    const who = whoIsInvolved({ ...ctx, orgs: ctx.headingOrgs }, { inherit: false });
    for (const m of ctx.orgs) if (!who.organizations.includes(m.entity.name)) who.organizations.push(m.entity.name);
    return who;
  }
  // Naming no one, "..., the company said" in a story whose title names one company speaks of it (see whoIsInvolved).
  return whoIsInvolved(ctx, { inherit: ctx.orgs.length === 0, preferAfter: main.length > 0 ? main[0].start : undefined });
}

export const eventParser: Parser = {
  name: "event",
  parse(ctx: SentenceContext): Found[] {
    const { text } = ctx;
    if (ctx.dates.length === 0) return [];
    if (BOILERPLATE.test(text) || CAPTION_OR_LINK.test(text) || fewerPiecesThan(text, 5)) return [];
    // A byline or dateline ("By Staff Writer · 18 June 2025") has no verb, nothing in lower case: it reports nothing.
    if (!/\b[a-z]{3,}\b/.test(ctx.dates.reduce((t, d) => t.replace(d.text, ""), text).replace(/\b(?:by|on|in|and|the|from|at)\b/gi, ""))) return [];
    // The headline: its date is the document's, and what it announces the body tells.
    if (ctx.article.title && text.trim() === ctx.article.title.trim()) return [];
    if (REPORTING.test(text)) return [];
    const unquoted = text.replace(/"[^"]*"|“[^”]*”/g, "");
    const out: Found[] = [];
    let plan = false;
    /** Dates of plans and deadlines only ("..., and expects to reach full output in 2027"). */
    let planned = 0;
    for (const d of ctx.dates) {
      if (NOT_HAPPENING_CUE.has(d.cue)) {
        planned++;
        continue;
      }
      // The main happening's own date wins over a background one.
      if (out.length === 0 && withinBackground(text, d.start, d.end) && ctx.dates.some((x) => x.start > d.end && !NOT_HAPPENING_CUE.has(x.cue) && !withinBackground(text, x.start, x.end))) continue;
      // "forced the smelters to close until the end of 2021": how long a state lasts, not when anything happened.
      if (/\b(?:until|till|through|by)\s+(?:the\s+)?(?:end|close|middle|start|beginning)\s+of\s+(?:the\s+)?$/i.test(text.slice(Math.max(0, d.start - 30), d.start))) continue;
      // "the six months ended 30 June 2025", "the year ending March 31": a reporting period's end, not a happening.
      // "the year to June 30", "the quarter through September 30" too.
      if (/\b(?:ended|ending|ends)\s+(?:on\s+)?$|\b(?:year|quarter|half|half-year|period|months|weeks)\s+(?:to|through)\s+$/i.test(text.slice(Math.max(0, d.start - 16), d.start))) continue;
      const clause = clauseBefore(text, d.start);
      // "Posted 7 June 2024", "Updated: May 3": the page's own date, not a happening.
      // "date 2024-10-25 X has ...", "Date: May 3": a page's date label.
      if (/^\s*(?:posted|published|updated|last updated|first published|dated?|release date|publication date)\s*(?:on\s*)?:?\s*$/i.test(text.slice(0, d.start))) continue;
      if (SAID_IN_DATED.test(text.slice(Math.max(0, d.start - 90), d.start))) continue;
      if (MARKET_FIGURE_BEFORE.test(text.slice(Math.max(0, d.start - 40), d.start))) continue;
      if (plan && CONTINUES.test(clause.trim())) {
        planned++;
        continue;
      }
      // "until its closure in 2028": how long something lasts, and a future at that.
      if (/\buntil\s+(?:its|the|their)\s+[\w-]+\s+(?:in|on)\s+$/i.test(text.slice(Math.max(0, d.start - 40), d.start))) continue;
      // "( amm.com, July 10, 2012)": a citation of an earlier report, not a happening.
      if (/\(\s*(?:[\w-]+\.)+(?:com|net|org|co|cn|au|uk)\b[^()]{0,20}$/i.test(text.slice(Math.max(0, d.start - 40), d.start))) continue;
      if (ATTRIBUTION_BEFORE.test(text.slice(Math.max(0, d.start - 80), d.start)) && FUTURE.test(text.slice(0, d.start).replace(ATTRIBUTION_BEFORE, ""))) continue;
      // "In 2023, the firm opened a plant on May 16": the finer date of the same happening wins.
      if (out.length === 0 && !d.month && ctx.dates.some((x) => x.start > d.end && x.month && !x.year && !NOT_HAPPENING_CUE.has(x.cue))) continue;
      if (ctx.quotes.some(([a, b]) => d.start >= a && d.start < b)) continue;
      if (SAID_BEFORE.test(text.slice(Math.max(0, d.start - 60), d.start))) {
        const told = /^(.*?)(?:[,;]\s|\.\s|\s(?:and|but)\s|$)/.exec(unquoted.slice(unquoted.indexOf(d.text) + d.text.length))?.[1] ?? "";
        if (FUTURE.test(told) || MODAL.test(told) || (/^\s*,?\s*that\b/i.test(told) && MARKET_TALK.test(told))) continue;
      }
      if (SHARES_MOVED.test(text.slice(Math.max(0, d.start - 120), d.start))) continue;
      // "will be implemented from July 1": a plan, not a happening (standards and policies carry it).
      if (/\bwill\s+(?:be\s+)?\w+\s+(?:from|on|in)?\s*$/i.test(text.slice(Math.max(0, d.start - 30), d.start))) continue;
      // A plan is not a happening: "is due to start in 2026", "expected to open in March".
      // A dateline dates what its sentence's first clause tells: "TORONTO, Jan 8 (Reuters) - X plans to build ...".
      const opensAsDateline = d.start === ctx.dates[0].start && isDateline(text, d);
      const told = opensAsDateline ? (/^(.*?)(?:[,;]\s|\s(?:and|but)\s|$)/.exec(unquoted.slice(unquoted.indexOf(d.text) + d.text.length))?.[1] ?? "") : "";
      if (FUTURE.test(clause) || MODAL.test(clause) || FUTURE.test(told) || MODAL.test(told)) {
        plan = true;
        planned++;
        continue;
      }
      if (!d.month && ctx.quantities.some((q) => q.unit !== "" && q.end <= d.start && MEASURED_OVER.test(text.slice(q.end, d.start)))) continue;
      // "In 2029, Zeta produced 50,000 tonnes of magnesium": a year's amount made or sold is a statistic, whoever made it.
      if (!d.month && AMOUNT_OVER_YEAR.test(unquoted)) continue;
      const { date, date_end } = resolveDate(d, ctx.years);
      if (opensAsDateline && weekdayDisagrees(text, date)) continue;
      // A date after publication has not happened yet: "designed to produce ... when fully operating in 2027".
      if (date && afterPublication(date, ctx.article.published)) {
        plan = true;
        planned++;
        continue;
      }
      if (out.length > 0) {
        // Later dates are events only when they date a second happening of their own.
        const joined = SECOND_HAPPENING.exec(text.slice(Math.max(0, d.start - 60), d.start));
        if (!date || !d.month || !joined) continue;
        const verb = joined[0].replace(/^[,;]?\s*(?:and\s+)?/, "").trim();
        out.push(newFound(ctx, "event", { kind: "event", date, date_end, subject: out[0].subject, organizations: out[0].organizations, title: `${out[0].title.split(/\s+/).slice(0, 8).join(" ")} … ${verb} ${d.text}`.trim() }));
        continue;
      }
      if (!date) return [];
      if (!d.month && AGGREGATE.test(unquoted)) return [];
      // A market statistic ("Exports in January totalled 35,000 mt", "Inventories rose to ...") names no one
      // and is a measurement, not a happening.
      if (ctx.orgs.length === 0 && STATISTIC.test(unquoted) && /\d/.test(unquoted.replace(d.text, ""))) return [];
      if (AGGREGATE_MOVED.test(unquoted) || PRICE_STATED.test(unquoted)) return [];
      if (STATE_FIGURE.test(unquoted) && !HAPPENED.test(unquoted)) return [];
      if (MARKET_STATE.test(unquoted) && !HAPPENED.test(unquoted)) return [];
      const who = leadOf(ctx, d.start <= 12 ? d.end : 0);
      out.push(
        newFound(ctx, "event", {
          kind: "event",
          date,
          date_end,
          subject: who.subject,
          organizations: who.organizations,
          title: eventTitle(text, d.start, d.end),
        }),
      );
    }
    // "SYDNEY, Oct 2 (Reuters) - X said it had poured its first metal, and expects full output in 2027": the dateline
    // dates the happening its first clause tells; the sentence's own dates were all of plans.
    const dateline = out.length === 0 && planned > 0 && planned === ctx.dates.length ? datelineOf(text) : undefined;
    if (dateline) {
      const told = /^(.*?)(?:[,;]\s|\s(?:and|but)\s|$)/.exec(unquoted.slice(unquoted.indexOf(dateline.text) + dateline.text.length))?.[1] ?? "";
      const { date, date_end } = resolveDate(dateline, ctx.years);
      const statistic = (ctx.orgs.length === 0 && STATISTIC.test(unquoted)) || AGGREGATE_MOVED.test(unquoted) || PRICE_STATED.test(unquoted) || AMOUNT_OVER_YEAR.test(unquoted);
      if (date && !FUTURE.test(told) && !MODAL.test(told) && !statistic && !weekdayDisagrees(text, date)) {
        const who = leadOf(ctx, 0);
        out.push(newFound(ctx, "event", { kind: "event", date, date_end, subject: who.subject, organizations: who.organizations, title: eventTitle(text, dateline.start, dateline.end) }));
      }
    }
    const award = out.length > 0 ? AWARD_WON_AFTER.exec(text) : null;
    if (award && ctx.dates.every((d) => d.end <= award.index)) {
      const won = `${PAST_OF[award[1].toLowerCase()]} ${award[2]}`;
      const title = out[0].subject ? `${out[0].subject} ${won}` : won.charAt(0).toUpperCase() + won.slice(1);
      out.push(newFound(ctx, "event", { kind: "event", date: "", date_end: "", subject: out[0].subject, organizations: out[0].organizations, title }));
    }
    return out;
  },
};
