// policy: a government or agency issuance with a quoted title.
//   "On <date>, <authority> issued/released/implemented the "<Title with Plan|Measures|Catalog|...>""
//   "<...> the "<Title>" released by <authority>"
//   "The 2024 Hunan Provincial Government Work Report said ..."  (a document named by its issuer, unquoted)
//   "The project serves Hunan's "1+3" industrial support plan"   (a place's quoted programme name)
//   "Commission Implementing Regulation (EU) 2031/9 of 3 May 2031 amending ..."  (an EU act by its formal title)
// The issuer must be an authority (registry type government, a generic name such as "... Commission",
// "... Provincial ... Leading Group", or a place acting as one: "Yulin City, Shaanxi Province").
import triggers from "../../../../data/policyTriggers.json";
import type { Found, Parser, SentenceContext } from "../context";
import { newFound } from "../context";
import { resolveDate } from "../dates";
import { PROVINCE_NAMES, findPlaces, inSpans } from "../../entities";
import { withoutMonthMay } from "../text";

/** Words that make a quoted title a policy document. */
export const POLICY_TITLE = /\b(Plans?|Measures|Catalog(?:ue)?|Guides?|Guidance|Guidelines|Notice|Circular|List|Policies|Policy|Opinions|Program(?:me)?|Scheme|Regulations|Rules|Provisions|Outline|Strategy|Directory|Announcement|Decision|Methods|Roadmap|(?<!Technical )Conditions)\b/;
const NOT_POLICY_TITLE = /\b(Agreement|Conference|Forum|Award|Awards|Exhibition|Seminar|Contract|Memorandum)\b/;
const ISSUE_VERB = String.raw`(?:issued|released|published|implemented|promulgated|unveiled|introduced|announced|printed and distributed|rolled out|adopted|approved|launched|formulated|notified)`;
const ISSUE_VERB_RE = new RegExp(String.raw`\b${ISSUE_VERB}\b`, "i");
const ACTIVE_BEFORE = new RegExp(String.raw`\b(?:officially\s+|jointly\s+|recently\s+|formally\s+)?${ISSUE_VERB}\s+(?:the\s+|its\s+|a\s+|an\s+)?$`, "i");
/** A document the sentence refers to without issuing it: "products listed in the "... Catalog ..."". */
const REFERENCE_BEFORE = /\b(?:listed in|included in|according to|pursuant to|in accordance with|in line with|as required by|set out in|stipulated in|under)\s+(?:the\s+)?$/i;
/** Unquoted government lists: "MIIT released the eighth batch of ... enterprises", "announced the 2024 ... project list". */
const LIST_NP = /\b(?:batch(?:es)?|lists?|directions|catalog(?:ue)?s?|directory|notice|measures|guidelines|plan)\b/i;
const VERB_AT_END = new RegExp(String.raw`\b${ISSUE_VERB}\s+(?:the\s+|its\s+|a\s+|an\s+)?$`, "i");
const PASSIVE_AFTER = new RegExp(String.raw`^[,\s]*(?:which\s+)?(?:was\s+|were\s+|had been\s+|has been\s+)?(?:officially\s+|jointly\s+)?(?:issued|released|published|promulgated|unveiled|formulated|implemented|adopted|approved)\s+by\s+(?:the\s+)?`, "i");

const TRADE_REMEDY_OBJECT = new RegExp(triggers.trade_remedy_objects.map((p) => `(?:${p})`).join("|"), "i");

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const byLength = (words: readonly string[]) => [...words].sort((a, b) => b.length - a.length).map(escape);
/** Right after a government's name: Title-Case words ending in a document's head ("Work Report", "Action Plan"). */
const DOCUMENT_AFTER_ISSUER = new RegExp(String.raw`^\s+((?:[A-Z][a-z]+(?:-[A-Z][a-z]+)?\s+){0,3}?(?:${byLength(triggers.named_document_heads).join("|")}))(?![\w-])`);
/**
 * After a quoted name: a few lower-case words ending in a programme's head noun ("modern industrial cluster
 * system"); not a gathering named after it ("the "two sessions" policy meetings").
 */
const PROGRAMME_AFTER_QUOTE = new RegExp(String.raw`^\s*((?:[a-z][a-z-]*\s+){0,5}?(?:${byLength(triggers.programme_heads).join("|")}))\b(?!\s+(?:meetings?|sessions?|conferences?|forums?|summits?|seminars?|exhibitions?|awards?)\b)`);
/** A province or a country as a programme's owner ("Hunan's", "China's"). */
const OWNER_PLACE = new RegExp(String.raw`(?<![\w-])(${byLength([...PROVINCE_NAMES, ...new Set(Object.values(triggers.demonyms))]).join("|")})$`);
/** A plan not yet made: "will release the ... Plan", "is expected to issue". */
const NOT_YET = /\b(?:will|would|plans? to|expected to|is to|are to|could|may|might|draft)\b/i;

/**
 * An EU legal act by its formal title: "Commission Implementing Regulation (EU) 2025/123", "Council Regulation (EC)
 * No 1999/2005", "Commission Implementing Decision (EU) 2024/88". The institution that adopts it is its issuer.
 */
const EU_ACT = /\b(Commission|Council)(?:\s+(?:Implementing|Delegated))?\s+(?:Regulation|Decision|Directive)\s+\((?:EU|EC|EEC)\)\s+(?:No\.?\s+)?\d{1,4}\/\d{1,4}\b/;
const EU_ISSUER: Record<string, string> = { Commission: "European Commission", Council: "Council of the European Union" };
/** What the act does, right after its title and date: "... of 20 January 2025 imposing a definitive anti-dumping duty". */
const EU_ACT_DOES = /^(?:\s+of\s+\d{1,2}\s+[A-Z][a-z]+\s+\d{4})?,?\s+(?:imposing|re-imposing|extending|amending|terminating|repealing|initiating|accepting|making|withdrawing|establishing|laying down|granting|subjecting|suspending|levying)\b/;

export function euLegalAct(text: string): { title: string; issuer: string; start: number; end: number } | undefined {
  const m = EU_ACT.exec(text);
  return m ? { title: m[0], issuer: EU_ISSUER[m[1]], start: m.index, end: m.index + m[0].length } : undefined;
}

function isAuthority(type: string): boolean {
  return type === "government";
}

export const policyParser: Parser = {
  name: "policy",
  parse(ctx: SentenceContext): Found[] {
    const { text } = ctx;
    const out: Found[] = [];
    let lastAcceptedEnd = -1;
    let lastIssuers: { subject: string; organizations: string[]; region: string } | undefined;
    for (const [qs, qe] of ctx.quotes) {
      const inner = text.slice(qs + 1, qe - 1);
      const title = inner.replace(/[\s,.;:]+$/, "").trim();
      if (title.split(/\s+/).length < 3 || !POLICY_TITLE.test(title) || NOT_POLICY_TITLE.test(title)) continue;
      let issuers: { subject: string; organizations: string[]; region: string } | undefined;
      // Only the words just before the quote matter (and a bounded window keeps long sentences linear).
      const beforeStart = Math.max(0, qs - 300);
      const before = text.slice(beforeStart, qs);
      const continuesList = lastAcceptedEnd >= 0 && /^[,\s]*(?:and\s+|as well as\s+)?(?:the\s+)?$/.test(text.slice(lastAcceptedEnd, qs));
      let referenced = false;
      if (continuesList) issuers = lastIssuers;
      else if (ACTIVE_BEFORE.test(before)) {
        const verbAt = beforeStart + before.search(VERB_AT_END);
        issuers = authoritiesIn(ctx, lastClauseStart(text, verbAt), verbAt);
      } else {
        const passive = PASSIVE_AFTER.exec(text.slice(qe, qe + 200));
        if (passive) {
          const from = qe + passive[0].length;
          issuers = authoritiesIn(ctx, from, Math.min(text.length, nextClauseEnd(text, from)));
          // "implemented by Yulin City, Shaanxi Province, on ...": the place runs past the clause's comma.
          const place = findPlaces(text.slice(from, from + 120))[0];
          if (issuers && place && place.start === 0 && issuers.subject === place.text.replace(/,.*$/, "")) issuers = { ...issuers, region: place.region };
        }
      }
      if (!issuers && REFERENCE_BEFORE.test(before)) {
        // Referred to, not issued here: the sentence's authority is its issuer, and its date is not the sentence's.
        issuers = authoritiesIn(ctx, 0, text.length, true);
        referenced = true;
      }
      if (!issuers) continue;
      const dated = referenced ? { date: "", date_effective: "" } : datesOf(ctx, qs, qe);
      out.push(
        newFound(ctx, "policy", {
          kind: "policy",
          ...dated,
          title,
          subject: issuers.subject,
          organizations: issuers.organizations,
          region: issuers.region,
        }),
      );
      lastAcceptedEnd = qe;
      lastIssuers = issuers;
    }
    if (out.length === 0) out.push(...unquotedLists(ctx));
    if (out.length === 0) out.push(...namedDocuments(ctx));
    if (out.length === 0) out.push(...namedProgrammes(ctx));
    if (out.length === 0) out.push(...euLegalActs(ctx));
    return out;
  },
};

/** Issue date and implementation date: "issued/released on" gives the date, "implemented" the effective date. */
function datesOf(ctx: SentenceContext, before: number, after = before): { date: string; date_effective: string } {
  const usable = (x: { start: number; cue: string }) => x.cue !== "by" && x.cue !== "until" && !inQuotes(ctx, x.start);
  // "On May 16, MIIT issued the "..."" (date first) or "The "..." was issued by MIIT on May 16" (date after).
  const d = ctx.dates.find((x) => x.start < before && usable(x)) ?? ctx.dates.find((x) => x.start >= after && usable(x));
  if (!d) return { date: "", date_effective: "" };
  const resolved = resolveDate(d, ctx.years).date;
  const between = d.start < before ? ctx.text.slice(d.end, before) : ctx.text.slice(after, d.start);
  const verb = ISSUE_VERB_RE.exec(between);
  // Implemented is when it applies; "adopted" (a commission or a cabinet adopts its own decision) is when it is issued.
  if (verb && /^implemented$/i.test(verb[0])) return { date: "", date_effective: resolved };
  // "..., which will come into force on October 1, 2024": a second date, said to be when it takes effect.
  const effective = ctx.dates.find((x) => x !== d && x.start > d.start && !inQuotes(ctx, x.start) && EFFECTIVE_BEFORE.test(ctx.text.slice(Math.max(0, x.start - 40), x.start)));
  const upcoming = !!effective && /\b(?:will|shall|takes effect|comes into force)\b/i.test(ctx.text.slice(Math.max(0, effective.start - 40), effective.start));
  return { date: resolved, date_effective: effective ? resolveDate(effective, ctx.years, { upcoming }).date : "" };
}

const EFFECTIVE_BEFORE = /\b(?:come into force|comes into force|came into force|take effect|takes effect|took effect|be implemented|effective)\s+(?:from|on|as of|starting)?\s*$/i;

/** "On <date>, <authority> released/announced the <NP with batch|list|directions ...>": a government list. */
function unquotedLists(ctx: SentenceContext): Found[] {
  const { text } = ctx;
  const re = /\b(?:released|issued|published|announced|promulgated)\s+the\s+/gi;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const from = m.index + m[0].length;
    const rest = text.slice(from);
    const stop = /\s+and\s+the\s+|\s+(?:that|which|who|to|for)\s+|[,;:](?:\s|$)|\.(?:\s|$)|$/.exec(rest);
    const np = rest.slice(0, stop ? stop.index : rest.length).trim();
    const outside = np.replace(/"[^"]*"|“[^”]*”/g, "");
    if (!LIST_NP.test(outside) || np.split(/\s+/).length < 3) continue;
    const issuers = authoritiesIn(ctx, lastClauseStart(text, m.index), m.index);
    if (!issuers) continue;
    return [newFound(ctx, "policy", { kind: "policy", ...datesOf(ctx, from), title: np, subject: issuers.subject, organizations: issuers.organizations, region: issuers.region })];
  }
  return [];
}

/**
 * A government document named by its issuer without quotes: "[the] [2024] <government> <Title-Case words>
 * <document head>" ("The 2024 Hunan Provincial Government Work Report stated that ..."). Dated only when the
 * sentence issues it ("was released on March 5"); a document the sentence only refers to gets no date.
 */
function namedDocuments(ctx: SentenceContext): Found[] {
  const { text } = ctx;
  for (const m of ctx.orgs) {
    if (!isAuthority(m.entity.type) || inQuotes(ctx, m.start)) continue;
    const doc = DOCUMENT_AFTER_ISSUER.exec(text.slice(m.end));
    if (!doc) continue;
    const year = /\b(?:19|20)\d{2}\s+$/.exec(text.slice(Math.max(0, m.start - 5), m.start));
    const start = year ? m.start - year[0].length : m.start;
    const end = m.end + doc[0].length;
    if (NOT_YET.test(withoutMonthMay(text.slice(lastClauseStart(text, start), start)))) continue;
    const title = text.slice(start, end);
    const dated = ISSUE_VERB_RE.test(text) ? datesOf(ctx, start, end) : { date: "", date_effective: "" };
    return [newFound(ctx, "policy", { kind: "policy", ...dated, title, subject: m.entity.name, organizations: [m.entity.name], region: m.entity.region })];
  }
  return [];
}

/**
 * A place's or government's programme by its quoted name: "<Place|government>'s "<name>" <a few words> <head>"
 * ("Hunan's "1+3" industrial support plan"). The possessor is the issuer; a company's ("Tesla's "gigacasting"
 * process") is none.
 */
function namedProgrammes(ctx: SentenceContext): Found[] {
  const { text } = ctx;
  for (const [qs, qe] of ctx.quotes) {
    const inner = text.slice(qs + 1, qe - 1).trim();
    if (inner === "" || inner.split(/\s+/).length > 6) continue;
    const head = PROGRAMME_AFTER_QUOTE.exec(text.slice(qe));
    const possessive = /['’]s\s*$/.exec(text.slice(0, qs));
    if (!head || !possessive) continue;
    const ownerEnd = possessive.index;
    const org = ctx.orgs.find((o) => o.end === ownerEnd);
    let issuer: { subject: string; region: string } | undefined;
    if (org) issuer = isAuthority(org.entity.type) ? { subject: org.entity.name, region: org.entity.region } : undefined;
    else {
      const near = text.slice(Math.max(0, ownerEnd - 60), ownerEnd);
      const place = findPlaces(near).find((p) => p.end === near.length);
      const named = OWNER_PLACE.exec(near);
      if (place) issuer = { subject: place.text.replace(/,.*$/, ""), region: place.region };
      else if (named) issuer = { subject: named[1], region: named[1] };
    }
    if (!issuer || NOT_YET.test(withoutMonthMay(text.slice(lastClauseStart(text, qs), qs)))) continue;
    const end = qe + head[0].length;
    const dated = ISSUE_VERB_RE.test(text) ? datesOf(ctx, qs, end) : { date: "", date_effective: "" };
    return [newFound(ctx, "policy", { kind: "policy", ...dated, title: text.slice(qs, end), subject: issuer.subject, organizations: [issuer.subject], region: issuer.region })];
  }
  return [];
}

/**
 * An EU legal act named with what it does ("Commission Implementing Regulation (EU) 2025/123 of 20 January 2025
 * extending ..."), dated by its own date. A trade-remedy act's sentence is left to the tradeRemedy parser (its
 * margins); an act cited without what it does ("under Council Regulation (EC) No 1225/2009") is no record.
 */
function euLegalActs(ctx: SentenceContext): Found[] {
  const act = euLegalAct(ctx.text);
  if (!act || inQuotes(ctx, act.start) || TRADE_REMEDY_OBJECT.test(ctx.text) || !EU_ACT_DOES.test(ctx.text.slice(act.end))) return [];
  const region = ctx.registry.lookup(act.issuer)?.region ?? "European Union";
  const d = ctx.dates.find((x) => x.start >= act.end && x.start <= act.end + 5);
  return [newFound(ctx, "policy", { kind: "policy", date: d ? resolveDate(d, ctx.years).date : "", date_effective: "", title: act.title, subject: act.issuer, organizations: [act.issuer], region })];
}

function inQuotes(ctx: SentenceContext, pos: number): boolean {
  return inSpans(pos, ctx.quotes);
}

/** Start of the clause that ends at `pos`, skipping a leading date phrase ("On May 16, "). */
function lastClauseStart(text: string, pos: number): number {
  const from = Math.max(0, pos - 400);
  const head = text.slice(from, pos);
  const cut = Math.max(head.lastIndexOf("; "), head.lastIndexOf(": "));
  return from + (cut >= 0 ? cut + 2 : 0);
}

function nextClauseEnd(text: string, pos: number): number {
  const rest = text.slice(pos);
  const m = /[,;.](?:\s|$)|\s(?:which|and has|proposing|supporting)\b/.exec(rest);
  return m ? pos + m.index : text.length;
}

/** Authorities named in [from, to): registered/generic government bodies, else a place acting as issuer. */
function authoritiesIn(ctx: SentenceContext, from: number, to: number, authoritiesOnly = false) {
  const orgs = ctx.orgs.filter((m) => m.start >= from && m.end <= to && !inQuotes(ctx, m.start));
  const authorities = orgs.filter((m) => isAuthority(m.entity.type));
  if (authorities.length > 0) {
    const names: string[] = [];
    for (const a of authorities) if (!names.includes(a.entity.name)) names.push(a.entity.name);
    return { subject: names[0], organizations: names, region: authorities[0].entity.region };
  }
  if (orgs.length > 0 || authoritiesOnly) return undefined; // a company or an association: not a policy
  // "Yulin City, Shaanxi Province, implemented": the place right before the verb is the issuer.
  const places = findPlaces(ctx.text.slice(from, to));
  const place = places[places.length - 1];
  if (place && /^[,\s]*$/.test(ctx.text.slice(from + place.end, to).replace(/\b(?:officially|jointly|recently|formally)\b/g, ""))) {
    const name = place.text.replace(/,.*$/, "");
    return { subject: name, organizations: [name], region: place.region };
  }
  return undefined;
}
