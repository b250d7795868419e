// project: an investment or a capacity plan with who/where/what.
//   "involved an investment of over 100 million yuan"   -> value 100000000 CNY, qualifier over
//   "the annual 100,000 mt magnesium-based lightweight alloy project" -> value 100000 t/year
import type { Found, Parser, SentenceContext } from "../context";
import { newFound } from "../context";
import { resolveDate } from "../dates";
import { cleanNounPhrase, subjectBefore, whoIsInvolved } from "../text";
import { quantityFields, unitPeriod } from "../numbers";

const INVEST_BEFORE = /\b(?:invest(?:ment|ed|s|ing)?|capital injection|total cost|funding|financing|cost(?:s|ing)?|cost of|at a cost of|worth|valued at|price tag of|budget of|budgeted at|capex of|capital expenditure of)\b[^,;.]{0,30}$/i;
/** Money naming what it buys: "the A$85 million plant", "a $420 million expansion". */
const MONEY_FACILITY_AFTER = /^[\s-]+((?:[a-z][\w-]*\s+){0,3}(?:plant|project|smelter|facility|expansion|refinery|factory|production line|mill|casthouse|foundry|upgrade|revamp|retrofit|renovation|overhaul|modernisation|modernization))\b/;
const NAMED_PROJECT = /\b((?:[A-Z][\w'’()-]*\s(?:(?:of|and|for|the)\s)?){1,10}(?:Project|project))\b/;
const TONNAGE_PROJECT = /^\s+([a-z][a-z\s-]{2,80}?)\s+project\b/;

const MONEY_UNITS = new Set(["CNY", "USD", "EUR", "AUD", "CAD", "HKD", "NZD", "SGD", "GBP", "INR", "KRW"]);

export const projectParser: Parser = {
  name: "project",
  parse(ctx: SentenceContext): Found[] {
    const { text } = ctx;
    const out: Found[] = [];
    const d = ctx.dates.find((x) => x.cue !== "by");
    const date = d ? resolveDate(d, ctx.years).date : "";
    if (!ctx.quantities.some((q) => q.unit !== "" && q.unit !== "%")) return out;
    const named = /project/i.test(text) ? NAMED_PROJECT.exec(text) : null;
    const who = whoIsInvolved(ctx, { inherit: true });
    for (const q of ctx.quantities) {
      const money = MONEY_UNITS.has(q.unit);
      // A subsidy or grant "of up to 2 million yuan per project" is no project's cost.
      if (money && /\b(?:subsid(?:y|ies)|grants?|rewards?|bonus(?:es)?|fines?|penalt(?:y|ies))\b[^,;.]{0,25}$/i.test(text.slice(Math.max(0, q.start - 40), q.start))) continue;
      const facility = money ? MONEY_FACILITY_AFTER.exec(text.slice(q.end, q.end + 80)) : null;
      if (facility) {
        out.push(newFound(ctx, "project", { kind: "project", date, subject: who.subject, organizations: who.organizations, title: named ? named[1].replace(/^(?:The|This)\s+/, "") : facility[1], ...quantityFields(q) }));
        continue;
      }
      // "cuts the cost per vehicle by about 150 yuan": a saving, not what a project costs.
      if (money && /\b(?:cut(?:s|ting)?|reduc(?:e|es|ed|ing)|lower(?:s|ed|ing)?|sav(?:e|es|ed|ing))\b[^,;.]{0,40}$/i.test(text.slice(Math.max(0, q.start - 50), q.start))) continue;
      if (money && INVEST_BEFORE.test(text.slice(Math.max(0, q.start - 50), q.start))) {
        // "is estimated to cost US$1.2 billion": an estimate is an "about".
        const qualifier = q.qualifier || (/\bestimated\b[^,;.]{0,25}$/i.test(text.slice(Math.max(0, q.start - 40), q.start)) ? "about" : "");
        const what = named ? named[1].replace(/^(?:The|This)\s+/, "") : cleanNounPhrase(subjectBefore(text, text.search(/\s(?:involved|involves|with|has|had|is|was|will)\b/)));
        out.push(newFound(ctx, "project", { kind: "project", date, subject: who.subject, organizations: who.organizations, title: what, ...quantityFields(q), qualifier }));
        continue;
      }
      if ((q.unit === "t" || q.unit === "kt") && !q.machineClass) {
        const p = TONNAGE_PROJECT.exec(text.slice(q.end));
        if (!p) continue;
        const near = text.slice(Math.max(0, q.start - 30), q.start);
        // "the 30,000 mt/year ... project": the unit may carry the period.
        const per = unitPeriod(q.rawUnit) || (/\bannual\b/i.test(near) ? "year" : /\bdaily\b/i.test(near) ? "day" : "");
        const product = cleanNounPhrase(p[1]);
        out.push(newFound(ctx, "project", { kind: "project", date, subject: who.subject, organizations: who.organizations, title: `${q.text} ${p[1].trim()} project`, product, ...quantityFields(q), per }));
      }
    }
    return out;
  },
};
