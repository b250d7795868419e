// Small phrase helpers shared by parsers: clauses, noun phrases, anaphora, who is involved.
import type { EntityMention } from "../entities";
import type { Discourse, SentenceContext } from "./context";

const PRONOUN_NP = /^(it|its|they|their|them|this|these|that|those|such)$/i;

/** Clean a noun phrase: drop determiners, superlative framing and trailing modifiers; "" if nothing is left. */
export function cleanNounPhrase(np: string): string {
  let s = np.trim().replace(/\s+/g, " ");
  s = s.replace(/^(?:the|a|an|this|that|these|those|its|their|our|his|her|each|every)\s+/i, "");
  // "the vehicle's curb weight" names the vehicle.
  s = s.replace(/['’]s?\s+(?:(?:total|net|product|overall|curb|kerb|own|dry|unit)\s+)?weight$/i, "");
  s = s.replace(/^(?:(?:the\s+)?(?:world|china|industry|country|nation)['’]s\s+(?:first|largest|biggest|fastest|leading|only|most\s+\w+)\s+)/i, "");
  s = s.replace(/\s+(?:made of|made from|produced by|developed by|based on|which|that|using|with|from|for|at|in|by)\b.*$/i, "");
  s = s.replace(/['’]s?$/, "");
  // A product name keeps its words, not a quote mark left dangling by a sentence break ('robot "ER4-550-MI').
  if ((s.match(/"/g) ?? []).length % 2 === 1) s = s.replace(/"/g, "");
  s = s.replace(/[\s,;:.—–-]+$/, "").trim();
  if (/^(?:a|an|the|it|its|this|these|that|those)$/i.test(s)) return "";
  return s;
}

/** True for "it", "this product", "its lightweight design", "these trailers": a reference back, not a name. */
export function isAnaphoric(np: string): boolean {
  const first = np.trim().split(/\s+/)[0] ?? "";
  return PRONOUN_NP.test(first) || /^(?:the|this)\s+(?:product|part|component|machine|equipment|device|project|line|material|alloy|robot|vehicle)$/i.test(np.trim());
}

/**
 * Does the sentence refer back to the previous one? It opens (possibly after an introductory clause) with a
 * pronoun or a definite/demonstrative noun phrase: "It ...", "This product ...", "Compared with X, the part ...".
 */
export function refersBack(text: string): boolean {
  // "In other words, ...": a restatement says again what the previous sentence said, of the same thing.
  if (RESTATEMENT.test(text)) return true;
  // As /^(?:[^,]{0,80},\s)?(?:it|its|...)\b/i would match, without its backtracking: the optional clause can only
  // end at the first comma, and is tried first.
  const t = text.trim();
  const comma = t.indexOf(",");
  let m: RegExpExecArray | null = null;
  let from = 0;
  if (comma >= 0 && comma <= 80 && /\s/.test(t.charAt(comma + 1))) {
    m = REFERRING_WORD.exec(t.slice(comma + 2));
    if (m) from = comma + 2;
  }
  m ??= REFERRING_WORD.exec(t);
  if (!m) return false;
  const matched = from + m[0].length;
  // "On November 15, the Long March 7 rocket ...": "the" before a name of two capitalised words names something new.
  return !/^the$/i.test(m[0].slice(-3)) || !/^\s+[A-Z][\w-]*\s+[A-Z0-9][\w-]*/.test(t.slice(matched));
}
const REFERRING_WORD = /^(?:it|its|this|these|they|their|such|the)\b/i;
/** A sentence opening that restates the previous sentence: "In other words,", "Put simply,", "That is,". */
export const RESTATEMENT = /^\s*(?:in other words|that is(?: to say)?|put (?:simply|another way|differently)|simply put|to put it (?:simply|another way|differently))\s*,/i;

/** text.split(/\s+/).length < n, counting only as far as needed. */
export function fewerPiecesThan(text: string, n: number): boolean {
  WHITESPACE_RUN.lastIndex = 0;
  let pieces = 1;
  while (pieces < n && WHITESPACE_RUN.test(text)) pieces++;
  return pieces < n;
}
const WHITESPACE_RUN = /\s+/g;

/** The noun phrase a clause ends with before a verb: the clause's subject ("the magnesium alloy components are"). */
export function subjectBefore(text: string, pos: number): string {
  let clause = text.slice(Math.max(0, pos - 300), pos);
  const cut = Math.max(clause.lastIndexOf(", "), clause.lastIndexOf("; "), clause.lastIndexOf(": "));
  if (cut >= 0) clause = clause.slice(cut + 2);
  const VERB_TAIL = /(?:^|\s+)(?:is|are|was|were|has been|have been|will be|can be|becomes?|became|achieves?|achieved|offers?|delivers?|brings?|realizes?|realises?|enables?|has|have|with|reaching|achieving)(?:\s+(?:more than|over|about|up to|nearly|around|approximately|roughly|almost|some|just|only|at least|a|an))*\s*$/i;
  clause = clause.replace(VERB_TAIL, "").trim();
  // "A second part, an instrument panel cross-car beam, is about 20% lighter": the verb follows an
  // apposition; the apposition names the thing.
  if (clause === "" && cut >= 0) {
    const head = text.slice(Math.max(0, pos - 300), pos);
    const segments = head.split(/,\s/);
    if (segments.length >= 2 && VERB_TAIL.test(segments[segments.length - 1])) clause = segments[segments.length - 2].replace(/^.*[;:]\s/, "").trim();
  }
  return clause.trim();
}

/** Product a sentence introduces: the object of "released/launched/unveiled ..." or an apposition after a dash. */
const MAYBE_INTRODUCES = /[—–]|releas|launch|unveil|introduc|debut|rolled out|develop|produc/i;

export function introducedProduct(text: string): string {
  if (!MAYBE_INTRODUCES.test(text)) return "";
  const dash = /[—–]\s*(?:the|a|an)\s+([^,.;]{3,100})/.exec(text);
  if (dash) return cleanNounPhrase(dash[1]);
  // A verb used as an adjective ("The trial-produced CCB") introduces nothing.
  const m = /(?<!\b(?:the|a|an|this|these|its|their)\s)(?<![\w-])(?:released|launched|unveiled|introduced|debuted|rolled out|developed|trial-produced?|unveiling|launching|releasing)\s+(?:a\s+|an\s+|the\s+|its\s+)?(?:small batch of\s+|batch of\s+|new\s+)?((?:[^,.;]|\.(?=\d)){3,120}?)(?=[,.;]|\s(?:which|that|using|at|in|with|for|to|on|and the|based)\b|$)/i.exec(text);
  if (m) return cleanNounPhrase(m[1]);
  const be = /^(?:this|the)\s+product\s+is\s+(?:the\s+|a\s+|an\s+)?([^,.;]{3,120}?)(?=[,.;]|\s(?:which|that|with|based)\b|$)/i.exec(text.trim());
  if (be) return cleanNounPhrase(be[1]);
  return "";
}

/**
 * The thing a sentence is about when it opens with a definite noun phrase ("The one-piece frame, cast from
 * ..., replaces ...", "The new housing weighs ..."): what a following "It ..." refers to. "" otherwise.
 */
export function openingNounPhrase(text: string): string {
  const m = /^(?:The|This|Its|Their)\s+((?:[\w-]+\s+){0,5}[\w-]+)(?=,\s|\s+(?:is|are|was|were|has|have|weighs|replaces|uses|combines|integrates|consists|measures|[a-z]+(?:es|ed)\b))/.exec(text.trim());
  if (!m) return "";
  const np = cleanNounPhrase(m[1]);
  return isAnaphoric(np) || /^(?:company|group|firm|plant|move|deal|project|report|government|ministry)$/i.test(np) ? "" : np;
}

/** Subject and organisations of a record: the sentence's own organisations, else the discourse, else the heading. */
export function whoIsInvolved(ctx: SentenceContext, opts: { inherit: boolean; preferAfter?: number } = { inherit: true }): Discourse {
  const key = `${opts.inherit}|${opts.preferAfter ?? ""}`;
  const memo = WHO.get(ctx);
  const hit = memo?.get(key);
  if (hit) return { ...hit, organizations: [...hit.organizations] };
  const who = computeWho(ctx, opts);
  if (memo) memo.set(key, who);
  else WHO.set(ctx, new Map([[key, who]]));
  return { ...who, organizations: [...who.organizations] };
}

/** Per-sentence memo: several parsers (and several figures of one sentence) ask the same question. */
const WHO = new WeakMap<SentenceContext, Map<string, Discourse>>();

/** An opening clause of circumstance, up to its comma: "After talks with X, ", "Following its merger with X, ". */
export const OPENING_ADVERBIAL = /^(?:After|Following|Under|Despite|Unlike|Like|Through|Via|Besides|Alongside|Together with|Along with|In partnership with|In cooperation with|In collaboration with|Backed by|Supported by|Working with)\s[^,;]{1,100},\s/;

const LEAD_REFERENCE = /\bthe\s+(?:[\w-]+\s+){0,4}?(?:company|company's|firm|firm's|producer|producer's|miner|developer|manufacturer|business)\b|(?:^|[,;:]\s|\b(?:that|said)\s)(?:it|its)\s/i;

function computeWho(ctx: SentenceContext, opts: { inherit: boolean; preferAfter?: number }): Discourse {
  const pick = (ms: EntityMention[]): Discourse | undefined => {
    if (ms.length === 0) return undefined;
    // "After talks with Norvik Magnesium, Corvel Drive signed ...": an opening adverbial clause names someone the
    // main clause's subject dealt with; the lead is the first name after it.
    const opening = opts.preferAfter === undefined && ms === ctx.orgs ? OPENING_ADVERBIAL.exec(ctx.text) : null;
    const from = opts.preferAfter ?? (opening ? opening[0].length : undefined);
    const after = from !== undefined ? ms.find((m) => m.start >= from) : undefined;
    const lead = (after ?? ms[0]).entity;
    const orgs: string[] = [lead.name];
    for (const m of ms) if (!orgs.includes(m.entity.name)) orgs.push(m.entity.name);
    return { subject: lead.name, organizations: orgs, region: lead.region, product: "" };
  };
  const own = pick(ctx.orgs);
  if (own) return own;
  if (opts.inherit && ctx.discourse && ctx.discourse.subject) return { ...ctx.discourse, organizations: [...ctx.discourse.organizations] };
  const heading = pick(ctx.headingOrgs);
  if (heading) return heading;
  // "The company said ...", "The Salt Lake City-based producer ...", "Its ...": a new paragraph of a story
  // about one company still speaks of it.
  if (opts.inherit && LEAD_REFERENCE.test(ctx.text)) {
    const lead = pick(ctx.leadOrgs);
    if (lead) return lead;
  }
  return { subject: "", organizations: [], region: "", product: "" };
}

/** The clause around position `pos`: from the previous clause break to the next one. */
export function clauseAround(text: string, pos: number): { start: number; end: number } {
  let start = 0;
  for (const sep of [", ", "; ", ": "]) {
    const i = text.lastIndexOf(sep, pos);
    if (i >= 0 && i + sep.length > start) start = i + sep.length;
  }
  let end = text.length;
  for (const sep of [", ", "; ", ": ", ". "]) {
    const i = text.indexOf(sep, pos);
    if (i >= 0 && i < end) end = i;
  }
  return { start, end };
}

/**
 * The text with the month "May" blanked (same length), for vocabularies matched without case that hold the
 * modal "may": "On May 6, prices were ..." states no possibility.
 */
export function withoutMonthMay(text: string): string {
  return text.includes("May") ? text.replace(/\bMay\b/g, "   ") : text;
}

/** The text with the given spans replaced by spaces (offsets kept). */
export function blank(text: string, spans: [number, number][]): string {
  let out = text;
  for (const [a, b] of spans) out = out.slice(0, a) + " ".repeat(b - a) + out.slice(b);
  return out;
}
