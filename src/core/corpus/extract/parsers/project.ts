// project: an investment or a capacity plan with who/where/what.
//   "involved an investment of over 100 million yuan"   -> value 100000000 CNY, qualifier over
//   "the annual 100,000 mt magnesium-based lightweight alloy project" -> value 100000 t/year
import type { Found, Parser, SentenceContext } from "../context";
import { newFound } from "../context";
import { resolveDate } from "../dates";
import { cleanNounPhrase, subjectBefore, whoIsInvolved } from "../text";

const INVEST_BEFORE = /\b(?:invest(?:ment|ed|s|ing)?|capital injection|total cost|funding|financing)\b[^,;.]{0,30}$/i;
const NAMED_PROJECT = /\b((?:[A-Z][\w'’()-]*\s(?:(?:of|and|for|the)\s)?){1,10}(?:Project|project))\b/;
const TONNAGE_PROJECT = /^\s+([a-z][a-z\s-]{2,80}?)\s+project\b/;

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
      const money = q.unit === "CNY" || q.unit === "USD" || q.unit === "EUR";
      if (money && INVEST_BEFORE.test(text.slice(Math.max(0, q.start - 50), q.start))) {
        const what = named ? named[1].replace(/^(?:The|This)\s+/, "") : cleanNounPhrase(subjectBefore(text, text.search(/\s(?:involved|involves|with|has|had|is|was|will)\b/)));
        out.push(newFound(ctx, "project", { kind: "project", date, subject: who.subject, organizations: who.organizations, title: what, value: q.value, value_max: q.valueMax, unit: q.unit, qualifier: q.qualifier }));
        continue;
      }
      if ((q.unit === "t" || q.unit === "kt") && !q.machineClass) {
        const p = TONNAGE_PROJECT.exec(text.slice(q.end));
        if (!p) continue;
        const near = text.slice(Math.max(0, q.start - 30), q.start);
        const per = /\bannual\b/i.test(near) ? "year" : /\bdaily\b/i.test(near) ? "day" : "";
        const product = cleanNounPhrase(p[1]);
        out.push(newFound(ctx, "project", { kind: "project", date, subject: who.subject, organizations: who.organizations, title: `${q.text} ${p[1].trim()} project`, product, value: q.value, value_max: q.valueMax, unit: q.unit, per, qualifier: q.qualifier }));
      }
    }
    return out;
  },
};
