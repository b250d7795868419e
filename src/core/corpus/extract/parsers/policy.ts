// policy: a government or agency issuance with a quoted title.
//   "On <date>, <authority> issued/released/implemented the "<Title with Plan|Measures|Catalog|...>""
//   "<...> the "<Title>" released by <authority>"
// The issuer must be an authority (registry type government, a generic name such as "... Commission",
// "... Provincial ... Leading Group", or a place acting as one: "Yulin City, Shaanxi Province").
import type { Found, Parser, SentenceContext } from "../context";
import { newFound } from "../context";
import { resolveDate } from "../dates";
import { findPlaces, inSpans } from "../../entities";

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
