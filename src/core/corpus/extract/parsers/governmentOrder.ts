// governmentOrder: a government's order about an industry's plants, output or trade, as a policy record
// (environmental and energy orders, closures and suspensions, permissions to resume, production limits).
//   "The Chinese government previously forced 35 of its 50 magnesium smelters to close."  -> policy, China
//   "Authorities in Shaanxi ordered the suspension of 12 furnaces."  (the issuer need not be registered)
// The issuer is a government: an organisation of type government in the alias registry, or "the <demonym>
// government / authorities" ("Chinese", "Israeli"; the country comes from the demonym). Not orders: plans,
// requests, conditions and hedges ("may", "would", "urged", "if"). A government (or its committee) that sets,
// recommends, imposes or changes a tax, royalty, tariff or duty rate gives a policy whose value is the rate:
//   "In May, the Tax Committee recommended a surtax on excess profits of 42 percent"  -> policy, value 42 %
// Plants said to carry out an order whose issuer is not named, under a quoted regime, give a policy without a
// subject (nobody is invented), titled by the regime and placed where the plants are:
//   "Hebei smelters are undergoing environmental rectification under the "Clean Air" campaign"  -> policy, Hebei
// A rule whose licence a government grants names that government as its issuer:
//   "Beginning August 1, exports of magnesium powder require an export licence from the Ministry of Commerce"
// A start date ("effective June 1", "beginning August 1", "ordered ... to halt production from October 1") is the
// date_effective; with one, "will" states what is decided ("exports will require a licence starting August 1").
// Words are data: src/data/policyTriggers.json.
import triggers from "../../../../data/policyTriggers.json";
import type { Found, Parser, SentenceContext } from "../context";
import { newFound } from "../context";
import { APPLIES_FROM_BEFORE, resolveDate } from "../dates";
import type { DateMention } from "../dates";
import { withoutMonthMay } from "../text";
import { PROVINCE_NAMES, findPlaces } from "../../entities";

const alt = (patterns: readonly string[]) => patterns.map((p) => `(?:${p})`).join("|");
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const DEMONYMS = triggers.demonyms as Record<string, string>;
const DEMONYM = Object.keys(DEMONYMS).sort((a, b) => b.length - a.length).map(escape).join("|");
/** "the Chinese government", "Chinese authorities", "the government": the issuer phrase and its demonym. */
const GENERIC_ISSUER = new RegExp(`\\b(?:[Tt]he\\s+)?(?:(${DEMONYM})\\s+)?(${alt(triggers.government_words)})\\b`, "g");
/** A country as the actor of an order ("China has allowed some producers to resume"): its government. */
const COUNTRIES = [...new Set(Object.values(DEMONYMS))].sort((a, b) => b.length - a.length);
const COUNTRY_ISSUER = new RegExp(`\\b(${COUNTRIES.map(escape).join("|")})(?!['’]s)\\b`, "g");
const VERB_LEAD = String.raw`^\s+(?:(?:has|have|had|also|previously|recently|again|now|then|temporarily|members|further|formally|officially|jointly|will)\s+){0,2}`;
const VERB = new RegExp(`${VERB_LEAD}(${alt([...triggers.government_order_verbs, ...triggers.rate_verbs])})\\b`, "i");
const ORDER_VERB = new RegExp(`^(?:${alt(triggers.government_order_verbs)})$`, "i");
const RATE_VERB = new RegExp(`^(?:${alt(triggers.rate_verbs)})$`, "i");
const OBJECT = new RegExp(`\\b(?:${alt(triggers.government_order_objects)})\\b`, "i");
/**
 * A regional government: "Provincial authorities", "the Shaanxi provincial government", "Yulin municipal
 * authorities", "authorities in Shaanxi" / "the government of Hebei". The place (if named) is the region.
 */
const PLACE_WORD = String.raw`(?:${[...PROVINCE_NAMES].sort((a, b) => b.length - a.length).join("|")}|[A-Z][a-z]+(?:\s(?:City|County|Province|Prefecture))?)`;
const REGIONAL_ISSUER = new RegExp(
  String.raw`\b(?:[Tt]he\s+)?(?:(${PLACE_WORD})\s+)?(?:${alt(triggers.regional_government_words)})\s+(?:${alt(triggers.government_words)})\b|\b(?:[Tt]he\s+)?(?:${alt(triggers.government_words)})\s+(?:in|of)\s+(${PLACE_WORD})\b`,
  "gi",
);
/** "ordered smelters to halt production from October 1": a start inside the order's own words, not a range "from April to June". */
const FROM_BEFORE = /\bfrom\s*$/i;
const RANGE_AFTER = /^\s*(?:to|until|till|through|-|–)\s*(?:mid-|early\s+|late\s+|the end of\s+)?(?:\d|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)/;
/** A rule that "will" apply from a stated start is decided, not hedged: "exports will require a licence starting August 1". */
const WILL = /\b(?:will|would)\b/gi;
/** A rate a government sets or recommends: "a tax rate on excess profits of 42 percent", "a royalty rate of 5%". */
const RATE_OBJECT = new RegExp(`\\b(?:${alt(triggers.rate_objects)})\\b`, "i");
/** "The committee members also recommended ...": the government body the previous sentence named. */
const REFERS_TO_BODY = /^\s*(?:The|Its|This)\s+(?:[\w-]+\s+){0,2}?(?:committee|commission|ministry|government|authorit(?:y|ies)|council|panel|cabinet|department|agency|regulator)(?=\s)/i;
const NOT_AN_ORDER = new RegExp(`\\b(?:${alt(triggers.not_an_act)}|will|would|plans? to|expected to|is considering|considers?|likely|probably|possibly|perhaps|potentially|reportedly|rumou?red)\\b`, "i");
/** The order's own words: from the verb to the end of its clause (not the comma of a date, "July 3, 2025"). */
const CLAUSE_END = /[;:]|,\s(?!\d{4}\b)|\s+(?:in response to|because|due to|after|as|amid|according to|which|while)\b|\.(?:\s|$)/;
/** "... according to a notice issued by <government>": the government whose document states the rule. */
const DOCUMENT_BY = new RegExp(String.raw`\b(?:notice|circular|document|announcement|regulation|rules|measures|guidelines|plan|directive|decision)\s+(?:(?:jointly\s+)?(?:issued|released|published)\s+)?(?:by|from)\s+(?:the\s+)?$`, "i");
/** "exports ... require an export licence from <government>": the government that grants it issues the rule. */
const LICENCE_FROM = /\b(?:requires?|required|need|needs|subject to)\s+(?:an?\s+|prior\s+)?(?:(?:export|import|production)\s+)?(?:licen[cs]es?|permits?|approvals?|authori[sz]ations?)\s+from\s+(?:the\s+)?$/i;

/** "<plants> are carrying out rectification", "<plants> were ordered to suspend ...": the order, issuer unnamed. */
const AGENTLESS_ACT = new RegExp(String.raw`\b(?:smelters?|plants?|producers?|factor(?:y|ies)|enterprises?|companies|mines?|furnaces?)\b[^.;:]*?\b(?:are|were|is|was|have been|has been|had been)\s+(?:${alt(triggers.agentless_order_acts)})\b`, "i");
/** The regime right before a quoted name: "under pressure from "...", "as part of the "..."". */
const REGIME_BEFORE = new RegExp(`(?:^|\\s)(?:${alt(triggers.regime_cues)})$`, "i");

/**
 * When the order was given and when it applies. "forced the smelters to close until the end of 2021" is how long it
 * lasts, not when it was given; "effective June 1", "beginning August 1" and a start in the order's own words
 * ("ordered ... to halt production from October 1", not a range "from April to June") are when it applies.
 * `starts`: the sentence states a start, so a "will" in it tells what is decided, not a hedge.
 */
function orderDates(ctx: SentenceContext, actFrom: number): { date: string; date_effective: string; starts: boolean } {
  const { text } = ctx;
  const effectiveAt = (d: DateMention) =>
    APPLIES_FROM_BEFORE.test(text.slice(Math.max(0, d.start - 30), d.start)) ||
    // "From December 1, 2031, China will cancel ...": a start that opens the sentence.
    (/^\s*From\s+$/.test(text.slice(0, d.start)) && /^,\s/.test(text.slice(d.end)) && d.endDay === undefined && d.endMonth === undefined) ||
    (d.start > actFrom && FROM_BEFORE.test(text.slice(Math.max(0, d.start - 8), d.start)) && d.endDay === undefined && d.endMonth === undefined && !RANGE_AFTER.test(text.slice(d.end)));
  const own = ctx.dates.find((d) => !effectiveAt(d) && !["by", "since", "until", "before", "after"].includes(d.cue) && !/\b(?:until|till|through|by)\s+(?:the\s+)?(?:(?:end|close|middle|start|beginning)\s+of\s+(?:the\s+)?)?$/i.test(text.slice(Math.max(0, d.start - 30), d.start)));
  const effective = ctx.dates.find(effectiveAt);
  return {
    date: own ? resolveDate(own, ctx.years).date : "",
    date_effective: effective ? resolveDate(effective, ctx.years, { upcoming: !/\btook\b/i.test(text.slice(Math.max(0, effective.start - 30), effective.start)) }).date : "",
    starts: !!effective,
  };
}

/** The government organisations named together before the verb ("MOFCOM and the General Administration of Customs"). */
function coIssuers(ctx: SentenceContext, last: number): { subject: string; organizations: string[]; region: string } {
  let first = last;
  while (first > 0) {
    const prev = ctx.orgs[first - 1];
    if (prev.entity.type !== "government" || !/^\s*(?:,\s*(?:and\s+)?|and\s+)(?:the\s+)?$/.test(ctx.text.slice(prev.end, ctx.orgs[first].start))) break;
    first--;
  }
  const names: string[] = [];
  for (const m of ctx.orgs.slice(first, last + 1)) if (!names.includes(m.entity.name)) names.push(m.entity.name);
  return { subject: names[0], organizations: names, region: ctx.orgs[first].entity.region };
}

/**
 * A rule whose issuer is the government that grants its licence ("Beginning August 1, exports of magnesium powder
 * require an export licence from the Ministry of Commerce") or whose document states it ("Smelters below 10,000
 * tonnes must close, according to a notice issued by <government>"). Titled by the rule's clause.
 */
function ruleByGovernment(ctx: SentenceContext): Found[] | undefined {
  const { text } = ctx;
  const by = (o: { start: number }, re: RegExp) => re.test(text.slice(Math.max(0, o.start - 80), o.start));
  const m = ctx.orgs.find((o) => o.entity.type === "government" && (by(o, LICENCE_FROM) || by(o, DOCUMENT_BY)));
  if (!m) return undefined;
  const before = text.slice(0, m.start);
  const cuts = [...before.matchAll(/[;:]\s|,\s(?!\d{4}\b)/g)];
  let start = cuts.length > 0 ? cuts[cuts.length - 1].index + cuts[cuts.length - 1][0].length : 0;
  let end = m.end;
  // "<rule>, according to a notice issued by <government>": the rule is the title.
  if (!by(m, LICENCE_FROM) && /^according to\b/i.test(text.slice(start)) && start > 0) {
    end = cuts[cuts.length - 1].index;
    start = cuts.length > 1 ? cuts[cuts.length - 2].index + cuts[cuts.length - 2][0].length : 0;
  }
  const title = text.slice(start, end).trim();
  const { date, date_effective, starts } = orderDates(ctx, start);
  if (!OBJECT.test(title) || NOT_AN_ORDER.test(withoutMonthMay(starts ? text.replace(WILL, "") : text))) return undefined;
  return [newFound(ctx, "governmentOrder", { kind: "policy", subject: m.entity.name, organizations: [m.entity.name], region: m.entity.region, title, date, date_effective })];
}

function agentlessOrder(ctx: SentenceContext): Found[] {
  const { text } = ctx;
  const act = AGENTLESS_ACT.exec(text);
  if (!act || NOT_AN_ORDER.test(withoutMonthMay(text))) return [];
  const actEnd = act.index + act[0].length;
  // The regime is named in the act's own clause, after it.
  const clauseEnd = text.slice(actEnd).search(/[;:]|\.(?:\s|$)/);
  const regime = ctx.quotes.find(([qs, qe]) => qs >= actEnd && (clauseEnd < 0 || qe <= actEnd + clauseEnd + 1) && REGIME_BEFORE.test(text.slice(actEnd, qs)));
  if (!regime) return [];
  const title = text.slice(regime[0] + 1, regime[1] - 1).replace(/[\s,.;:]+$/, "").trim();
  if (title === "" || title.split(/\s+/).length > 8) return [];
  // Where the plants are: the first place the sentence names before the act.
  const before = text.slice(0, actEnd);
  const region = findPlaces(before)[0]?.region ?? PROVINCE_NAMES.find((p) => new RegExp(`\\b${p}\\b`).test(before)) ?? "";
  const own = ctx.dates.find((d) => !["by", "since", "until", "before", "after"].includes(d.cue));
  return [
    newFound(ctx, "governmentOrder", {
      kind: "policy",
      subject: "",
      organizations: [],
      region: region.replace(/\s(?:City|County|Province|Prefecture)$/, ""),
      title,
      date: own ? resolveDate(own, ctx.years).date : "",
      date_effective: "",
    }),
  ];
}

/** A trailing attribution: ", the Ministry of Commerce said." */
const ATTRIBUTION = /^\s+(?:said|says|announced|stated|confirmed|noted|added)\b(?:\s+(?:on|in)\s+[^,;.]{1,30})?\s*[.;]?$/;

export const governmentOrderParser: Parser = {
  name: "governmentOrder",
  parse(ctx: SentenceContext): Found[] {
    const { text } = ctx;
    if (!OBJECT.test(text) && !RATE_OBJECT.test(text)) return [];
    // The issuer written right before the verb: a registered government, else a government phrase.
    let issuer: { subject: string; organizations: string[]; region: string; end: number } | undefined;
    for (const [i, m] of ctx.orgs.entries()) {
      if (m.entity.type !== "government") continue;
      if (VERB.test(text.slice(m.end))) {
        issuer = { ...coIssuers(ctx, i), end: m.end };
        break;
      }
    }
    if (!issuer) {
      GENERIC_ISSUER.lastIndex = 0;
      for (let g = GENERIC_ISSUER.exec(text); g; g = GENERIC_ISSUER.exec(text)) {
        const end = g.index + g[0].length;
        // a country only by its demonym: "the government" alone names no country and no one
        if (!g[1] || !VERB.test(text.slice(end))) continue;
        const phrase = g[0].replace(/^[Tt]he\s+/, "");
        issuer = { subject: phrase.charAt(0).toUpperCase() + phrase.slice(1), organizations: [], region: DEMONYMS[g[1]], end };
        issuer.organizations = [issuer.subject];
        break;
      }
    }
    if (!issuer) {
      COUNTRY_ISSUER.lastIndex = 0;
      for (let c = COUNTRY_ISSUER.exec(text); c; c = COUNTRY_ISSUER.exec(text)) {
        const end = c.index + c[0].length;
        if (!VERB.test(text.slice(end))) continue;
        issuer = { subject: c[1], organizations: [c[1]], region: c[1], end };
        // "China will impose ..., the Ministry of Commerce said": the body that announces the country's act is
        // its issuer (the country stays its region).
        const speaker = ctx.orgs.find((m) => m.entity.type === "government" && m.start > end && /(?:^|,\s)(?:the\s)?$/.test(text.slice(Math.max(0, m.start - 6), m.start)) && ATTRIBUTION.test(text.slice(m.end)));
        if (speaker) issuer = { ...issuer, subject: speaker.entity.name, organizations: [speaker.entity.name, c[1]] };
        break;
      }
    }
    if (!issuer) {
      REGIONAL_ISSUER.lastIndex = 0;
      for (let r = REGIONAL_ISSUER.exec(text); r; r = REGIONAL_ISSUER.exec(text)) {
        const end = r.index + r[0].length;
        if (!VERB.test(text.slice(end))) {
          // "Local authorities in Yulin ordered": the longer phrase may start inside this one.
          REGIONAL_ISSUER.lastIndex = r.index + 1;
          continue;
        }
        const named = r[1] ?? r[2];
        const place = named ?? findPlaces(text)[0]?.region ?? PROVINCE_NAMES.find((p) => new RegExp(`\\b${p}\\b`).test(text)) ?? "";
        const phrase = r[0].replace(/^[Tt]he\s+/, "");
        const subject = phrase.charAt(0).toUpperCase() + phrase.slice(1);
        issuer = { subject, organizations: [subject], region: place.replace(/\s(?:City|County|Province|Prefecture)$/i, ""), end };
        break;
      }
    }
    if (!issuer && ctx.discourse?.subject && ctx.registry.lookup(ctx.discourse.subject)?.type === "government") {
      const body = REFERS_TO_BODY.exec(text);
      if (body && VERB.test(text.slice(body[0].length))) issuer = { subject: ctx.discourse.subject, organizations: [...ctx.discourse.organizations], region: ctx.discourse.region, end: body[0].length };
    }
    if (!issuer) return ruleByGovernment(ctx) ?? agentlessOrder(ctx);
    const verb = VERB.exec(text.slice(issuer.end))!;
    const from = issuer.end + verb.index + verb[0].length - verb[1].length;
    const rest = text.slice(from);
    const cut = rest.search(CLAUSE_END);
    const act = (cut >= 0 ? rest.slice(0, cut) : rest).trim();
    const { date, date_effective, starts } = orderDates(ctx, from);
    const hedged = (words: string) => NOT_AN_ORDER.test(withoutMonthMay(starts ? words.replace(WILL, "") : words));
    // An order on plants, output or trade (the whole sentence free of hedges), or a rate set or recommended (its own
    // words free of them: "..., stressing that such a tax would boost revenue" hedges the effect, not the act).
    const isOrder = ORDER_VERB.test(verb[1]) && OBJECT.test(act) && !hedged(text);
    // A rate's words run to the end of its clause ("a tax rate on excess profits – also known as a surtax – of 42 percent").
    const rateCut = rest.search(/;|,\s(?!\d{4}\b)|\.(?:\s|$)/);
    const rateAct = rateCut >= 0 ? rest.slice(0, rateCut) : rest;
    const rate = !isOrder && RATE_VERB.test(verb[1]) && RATE_OBJECT.test(rateAct) && !hedged(text.slice(0, from) + rateAct) ? ctx.quantities.find((q) => q.unit === "%" && q.start >= from && q.end <= from + rateAct.length + 1 && q.valueMax === null) : undefined;
    if (!isOrder && !rate) return [];
    return [
      newFound(ctx, "governmentOrder", {
        kind: "policy",
        subject: issuer.subject,
        organizations: issuer.organizations,
        region: issuer.region,
        title: act.length > 120 ? `${act.slice(0, 117)}…` : act,
        date,
        date_effective,
        ...(rate ? { value: rate.value, unit: "%", qualifier: rate.qualifier } : {}),
      }),
    ];
  },
};
