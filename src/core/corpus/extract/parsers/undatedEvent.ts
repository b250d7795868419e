// undatedEvent: a happening a named organisation has done, reported without a date of its own:
//   "Recently, Widgetco signed an agreement with ...", "The plant has been put into operation.",
//   "Widgetco has successfully commercialized its new alloy, with over 1,000 tons shipped within three months."
// Its date stays empty (the source's publication date says when it was reported); never a guessed one. A
// sentence the dated event parser dates gives that event instead (the dedupe refiner keeps the dated one).
// Not happenings: plans, modals, negations, generic uses, statistics, prices. Verbs are data:
// src/data/happenings.json.
import happenings from "../../../../data/happenings.json";
import type { Found, Parser, SentenceContext } from "../context";
import { newFound } from "../context";
import { CAPTION_OR_LINK, eventTitle, REPORTING } from "./event";
import { fewerPiecesThan, whoIsInvolved, withoutMonthMay } from "../text";
import { quantityFields } from "../numbers";

const SHIPPED_AROUND = /\b(?:shipments?|shipped|deliver(?:ed|ies)|sold)\b/i;

const alt = (xs: string[]) => [...xs].sort((a, b) => b.length - a.length).map((x) => x.replace(/\s+/g, "\\s+")).join("|");
/** Done: a simple past, or a perfect / passive of the verb ("has started", "was officially established"). */
const PERFECT = String.raw`(?:has|have|had|was|were)\s+(?:\w+ly\s+){0,2}(?:been\s+)?(?:\w+ly\s+)?`;
const DONE = new RegExp(`\\b(?:(?:${PERFECT})?(?:${alt(happenings.done)})|${PERFECT}(?:${alt(happenings.done_perfect_only)}))\\b`, "i");
/** "established a benchmark", "laid the foundation": a figure of speech, not a happening. */
const FIGURATIVE_AFTER = new RegExp(`^\\s+(?:a|an|the|new)\\s+(?:\\w+\\s+)?(?:${alt(happenings.figurative_objects)})\\b`, "i");
/** "won praise", "delivered strong results", "opened the door to", "started to see": figures of speech too. */
const FIGURATIVE_RIGHT_AFTER = new RegExp(`^\\s+(?:${alt(happenings.figurative_after)})\\b`, "i");
/** "has completed over 10 million products": an amount made, a statistic. */
const AMOUNT_AFTER = /^\s+(?:over|more than|about|around|nearly|some)?\s*\d/i;
/** "signed a 2,000 t order", "won orders for": a sale booked, not a happening of the industry. */
const ORDER_AFTER = /^\s+(?:an?\s+|the\s+|its\s+|new\s+)?(?:[\w,.-]+\s+){0,3}?(?:orders?|purchase orders?)\b/i;
const NOUN = new RegExp(`\\b(?:${alt(happenings.happening_nouns)})\\b`, "i");
/**
 * "The seminar featured a signing ceremony", "has achieved mass production": a happening named by its noun; or a
 * participle continuing the clause of who did it ("X fixed the defects, completing two pilot batches").
 */
const NOUN_VERB = new RegExp(`\\b(?:(?:has|have|had)\\s+(?:\\w+ly\\s+)?)?(?:${alt(happenings.noun_verbs)})\\b|,\\s+(?:${alt(happenings.noun_participles)})\\b`, "i");
const NOT_A_HAPPENING = new RegExp(`\\b(?:${alt(happenings.not_a_happening)})\\b`, "i");
/** Market figures and prices are not happenings of anyone. */
const MARKET = /\b(?:prices?|exports?|imports?|output|production volume|demand|inventor(?:y|ies)|stocks)\b[^.;]{0,60}\b(?:rose|fell|increased|decreased|declined|dropped|climbed|grew|stood|reached|totall?ed|averaged)\b/i;
/** Reported speech about the state of things ("X said the factory had barely been profitable"). */
const SAID_THAT = /^\W*(?:[\w'’&.-]+\s+){0,6}(?:said|says|stated|noted|believes?|thinks?)\b/i;
/** "X said it completed ...", "said that they had signed": a happening reported, not a state described. */
/** (A newswire puts when it was said between: "said on Tuesday that it had", "said Thursday it", "said in a statement it".) */
const SAID_IT_DID = /\b(?:said|says|stated|announced|confirmed)\s+(?:(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday)\s+|in\s+an?\s+(?:[\w-]+\s+)?(?:statement|release|filing|announcement)\s+)?(?:that\s+)?(?:it|they|we|the\s+(?:company|firm|group))\s+(?:has\s+|had\s+|have\s+)?(?:\w+ly\s+)?$/i;
/** The article's company named as "the company", "the Utah-based producer", "it" (see whoIsInvolved). */
const LEAD_REFERENCE = /\bthe\s+(?:[\w-]+\s+){0,4}?(?:company|company's|firm|firm's|producer|producer's|manufacturer|developer|miner)\b/i;
/** "the newly signed", "an agreement signed", "of a recently launched": a participle describing a noun. */
const PARTICIPLE_BEFORE = /(?:\b(?:the|a|an|its|their|our|this|these|his|her)\s+(?:\w+ly[\s-]+)?|\b(?:of|with|under|in|for|to|from|on|by|about|after|before)\s+(?:a|an)\s+(?:[\w-]+\s+){1,3})$/i;
const DEMONSTRATIVE_BEFORE = /(?:^|[.;,:]\s*|\b(?:and|but)\s+)(?:this|that|which|these|those)\s+(?:\w+ly\s+)?$/i;
const DONE_ALL = new RegExp(DONE.source, "gi");
/** The verbs of DONE alone: a text without one of them has no DONE match, and this is cheaper to look for. */
const DONE_VERB = new RegExp(`${alt(happenings.done)}|${alt(happenings.done_perfect_only)}`, "i");

export const undatedEventParser: Parser = {
  name: "undatedEvent",
  parse(ctx: SentenceContext): Found[] {
    const { text } = ctx;
    // The sentence must name who did it (checked first: it is the cheapest test, and every test only rejects), or
    // speak of the one company the story's title names ("The Utah-based producer said it completed ..."), or refer
    // back to who the sentence before named ("These trailers arrived ...", "The forum featured a signing ceremony").
    const leadOnly = ctx.orgs.length === 0;
    if (leadOnly && !ctx.discourse?.subject && (ctx.leadOrgs.length === 0 || !LEAD_REFERENCE.test(text))) return [];
    if (fewerPiecesThan(text, 6) || text.length > 600) return [];
    if (!/[.!"”]\s*$/.test(text)) return []; // a headline or a sentence cut off at the excerpt's end states nothing whole
    // "31,500 won" is money, not a win: a verb right after a number is not one.
    let done: RegExpExecArray | undefined;
    for (const m of DONE_VERB.test(text) ? text.matchAll(DONE_ALL) : []) {
      const head = text.slice(Math.max(0, m.index - 60), m.index);
      // A participle that describes a noun is no verb: "the newly signed partnership", "as part of an agreement
      // signed last year"; nor does a demonstrative pronoun do anything ("This completed the first stage").
      if (PARTICIPLE_BEFORE.test(head) || DEMONSTRATIVE_BEFORE.test(head)) continue;
      if (!/\d[\d,.]*\s*(?:thousand|million|billion|trillion|mn|bn)?\s*$/i.test(text.slice(0, m.index))) {
        done = m;
        break;
      }
    }
    const verb = done ?? (NOUN_VERB.test(text) ? NOUN.exec(text) : null);
    if (!verb) return [];
    const after = text.slice(verb.index + verb[0].length);
    if (FIGURATIVE_AFTER.test(after) || FIGURATIVE_RIGHT_AFTER.test(after) || AMOUNT_AFTER.test(after) || ORDER_AFTER.test(after)) return [];
    // Only the clause of the verb speaks: "X, which will build a plant, has signed ..." keeps the signing.
    const clauseStart = Math.max(text.lastIndexOf(", ", verb.index), text.lastIndexOf("; ", verb.index), -1) + 1;
    const clause = text.slice(clauseStart, verb.index + verb[0].length);
    if (NOT_A_HAPPENING.test(withoutMonthMay(clause)) || NOT_A_HAPPENING.test(withoutMonthMay(text.slice(0, verb.index).slice(-40)))) return [];
    if (REPORTING.test(text) || CAPTION_OR_LINK.test(text)) return [];
    if (MARKET.test(text) || (SAID_THAT.test(text.slice(0, verb.index)) && !SAID_IT_DID.test(text.slice(0, verb.index)))) return [];
    // "This completed the proof of concept stage" names no one: it refers back to a figure (orgs checked above).
    const who = whoIsInvolved(ctx, { inherit: leadOnly });
    if (!who.subject) return [];
    const event = newFound(ctx, "undatedEvent", { kind: "event", subject: who.subject, organizations: who.organizations, title: eventTitle(text, 0, 0) });
    // An amount shipped or delivered with it is a second happening with its figure ("..., reaching over 1,000
    // tons in shipments within three months").
    const shipped = ctx.quantities.filter((q) => (q.unit === "t" || q.unit === "kg" || q.unit === "units") && !q.machineClass && SHIPPED_AROUND.test(text.slice(Math.max(0, q.start - 30), q.end + 20)));
    return [event, ...shipped.map((q) => newFound(ctx, "undatedEvent", { kind: "event", subject: who.subject, organizations: who.organizations, title: `${who.subject} shipped ${q.text}`, ...quantityFields(q) }))];
  },
};
