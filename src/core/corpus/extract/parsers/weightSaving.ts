// weight_saving: a stated weight reduction of a specific part, product or vehicle, in % or kg.
//   "reduces the vehicle body weight by 21.8%"            "the weight of X is reduced by 2.5 kg to 7 kg"
//   "achieves a weight reduction of over 50%"              "is 30% lighter than ...", "are more than 10% lighter"
// Other percentages (carbon, energy, cost, efficiency, performance, speed, toughness, shares) are not savings.
import type { Found, Parser, SentenceContext } from "../context";
import { newFound } from "../context";
import { quantityFields, type Quantity } from "../numbers";
import { cleanNounPhrase, isAnaphoric, RESTATEMENT, subjectBefore, whoIsInvolved } from "../text";

const Q = String.raw`(?:(?:more than|over|about|up to|nearly|around|approximately|roughly|at least|exceeding|as much as|almost|some)\s+)?`;
const LIGHTER_AFTER = /^\s+(?:lighter|less in weight|lower in weight|weight (?:reduction|saving|savings)|(?:reduction|saving|decrease|cut) in (?:[\w-]+\s+){0,2}?(?:weight|mass)|lightweighting)\b/i;
/** "10 pounds per inner door panel can be shaved off": a saving said after the figure, per part. */
const SHAVED_AFTER = /^\s+(?:per\s+(?<per>[^,;.]{1,40}?)\s+)?(?:(?:can|could|will|would|is|are|was|were)\s+(?:be\s+)?)?(?:shaved|trimmed|saved|shed|taken)\s+(?:off|out|away)?/i;
const REDUCTION_OF_BEFORE = new RegExp(String.raw`\bweight[- ](?:reduction|saving|savings|decrease|loss)s?\s+(?:of|by|reaching|reaches)\s+${Q}$`, "i");
const WEIGHT_REDUCED_BEFORE = new RegExp(String.raw`\bweight\b(?<between>[^,;.]{0,70}?)\b(?:is|are|was|were|has been|have been|can be|could be|will be)?\s*(?:\w+ly\s+)?(?:reduced|reduces|reducing|cut|cuts|lowered|lowers|decreased|decreases|drops?|dropped|falls?|fell)\s+by\s+${Q}$`, "i");
const REDUCE_WEIGHT_BEFORE = new RegExp(String.raw`\b(?:reduc(?:e|es|ed|ing)|cut(?:s|ting)?|lower(?:s|ed|ing)?|decreas(?:e|es|ed|ing)|sav(?:e|es|ed|ing)|lighten(?:s|ed|ing)?)\s+(?:the\s+|its\s+|their\s+)?(?<np>[^,;.]{0,60}?)\b(?:weight|mass)\s+by\s+${Q}$`, "i");
const WEIGHS_LESS_BEFORE = new RegExp(String.raw`\bweigh(?:s|ed|ing)?\s+${Q}$`, "i");
/** "saves 6 lb", "cuts 4.5 kg from each vehicle", "shaves 1.2 kg off": a verb of removal right before a weight. */
const SAVES_BEFORE = new RegExp(String.raw`\b(?:sav(?:e|es|ed|ing)|cut(?:s|ting)?|shav(?:e|es|ed|ing)|trim(?:s|med|ming)?|shed(?:s|ding)?)\s+${Q}$`, "i");
/** "cuts 4 kg of CO2 per part": kilograms of something other than the part's weight. */
const OTHER_MASS_AFTER = /^\s*(?:of\s+)?(?:CO2|CO₂|carbon|emissions?|greenhouse|scrap|waste|material|fuel|coal|energy)\b/i;
/**
 * A goal, not a part's saving: "aims to cut vehicle weight by 10% by 2030", "targets a 15% reduction in body
 * weight". Said of no part made yet, like capacity targets (capacity.ts TARGET_BEFORE).
 */
const GOAL_BEFORE = /\b(?:aim(?:s|ed|ing)?\s+(?:to|at|for)|target(?:s|ed|ing)?|goals?|plans?\s+to|planning\s+to|seek(?:s|ing)?\s+to|wants?|wanted|striv(?:e|es|ing)\s+to|intends?\s+to|hop(?:e|es|ing)\s+to|ambition|objective)\b[^;.]{0,80}$/i;
const MATERIAL = /^(?:(?:pure|the)\s+)?(?:magnesium|aluminum|aluminium|steel|titanium|iron|copper|plastics?|carbon fib(?:er|re)|composites?)(?:[\s-](?:alloys?|materials?|metal|based materials?))?$/i;
/** "reduces the mass of the cockpit module by 30 percent": weight or mass of a named thing. */
const REDUCE_WEIGHT_OF_BEFORE = new RegExp(String.raw`\b(?:reduc(?:e|es|ed|ing)|cut(?:s|ting)?|lower(?:s|ed|ing)?|decreas(?:e|es|ed|ing))\s+(?:the\s+|its\s+|their\s+)?(?:weight|mass)\s+of\s+(?<np>[^,;.]{1,60}?)\s+by\s+${Q}$`, "i");
/** "weighs 6.5 kg, 2.8 kg less than the aluminium version": a difference against what it replaces. */
const LESS_THAN_AFTER = /^\s+(?:less|lighter)\s+than\b/i;
/**
 * "without magnesium the weight would have been 50 kg more", "without its magnesium frame, the seat would weigh
 * 3 kg more": what a material or part saves, said as the weight its absence would add. Kilograms or pounds only
 * ("would be 30% heavier" is a ratio to the lighter part, not the share saved).
 */
const WITHOUT_WOULD_BEFORE = new RegExp(String.raw`\bwithout\s+(?<without>[^,;:.]{1,60}?)(?:,\s*|\s+)(?<np>(?:the|its|their|his|her)\s+[^,;:.]{0,60}?)\s+would\s+(?:have\s+)?(?<verb>been|be|weighed|weigh)\s+${Q}$`, "i");
const HEAVIER_AFTER = /^\s+(?:more|heavier)\b/i;
const OTHER_MEASURE = /\b(energy|carbon|emissions?|costs?|consumption|time|price|noise|fuel|power|efficiency|speed|performance)\b/i;

/** Between two figures of one saving: "4.2 kg, or 35%", "4.2 kg (35%)", "35%, or 4.2 kg,". */
const SAME_SAVING_BETWEEN = /^\s*(?:,\s*)?(?:or|i\.e\.|\()\s*(?:about|around|roughly|some|nearly|almost|approximately)?\s*$/i;
const CUTTING_BEFORE = new RegExp(String.raw`,\s+(?:cutting|saving|shaving|shedding|trimming|removing)\s+${Q}$`, "i");
/** "is 75% lighter than steel and (up to) 33% lighter than aluminium": one thing compared twice. */
const COMPARED_TWICE = new RegExp(String.raw`^\s+lighter than [^,;.]{1,40}?\s+and\s+${Q}$`, "i");
/** "weighs 4.5 kg, 35% less than ...": a percentage right after the part's own weight. */
const WEIGHS_FIGURE_BEFORE = /\bweigh(?:s|ed|ing)?\s+(?:about\s+|around\s+|only\s+|just\s+)?\d[\d.,]*\s?(?:kg|kilograms?)\s*,\s*(?:which is\s+|or\s+)?$/i;
/** "2.1 kg lighter, a reduction of 18%": the same saving restated as a reduction in the other unit. */
const RESTATED_BETWEEN = /^\s+(?:lighter|less)?\s*,\s*(?:or\s+)?(?:a|an)\s+(?:weight\s+)?(?:reduction|saving|cut|decrease)\s+of\s+(?:about|around|roughly|some|nearly|almost|approximately)?\s*$/i;
/**
 * A class of things compared with a material ("Aluminium alloy wheels are up to 25% lighter than steel wheels",
 * "Die-cast magnesium parts are up to 75% lighter than steel parts") is a generic claim, not one product's saving:
 * a bare plural (no article, no possessive) said "up to" or against a material.
 */
const DETERMINED = /^(?:the|a|an|its|their|our|his|her|this|that|these|those|each|every|one|both)\b|^[^\s]+['’]s?\s/i;
const THAN_MATERIAL = /^[^,;.]{0,30}?\bthan\s+(?:conventional\s+|traditional\s+|comparable\s+|equivalent\s+)?(?:steel|alumin(?:i)?um|iron|titanium|copper|plastics?|carbon fib(?:er|re)|composites?)\b/i;
function genericClass(np: string, q: Quantity, after: string, ctx: SentenceContext): boolean {
  const bare = np
    .trim()
    .replace(/^.*\b(?:that|said|says|noted|heard)\s+/i, "")
    .replace(/^(?:and|but|while|whereas)\s+/i, "")
    .replace(/\s+(?:(?:are|is|can|could|may|might|will|would)\s+)?(?:typically|often|usually|generally|normally|can|could|may|might|will|would)?(?:\s+be)?$/i, "")
    .trim();
  if (bare === "" || DETERMINED.test(bare) || !/[a-z]{2}(?<!s)s$/.test(bare)) return false;
  if (restatesNamedPart(bare, ctx)) return false;
  return q.qualifier === "up to" || THAN_MATERIAL.test(after);
}

/**
 * "X said 10 lb per inner door panel can be saved. In other words, magnesium inner door panels are 30% lighter
 * than aluminum": a restatement of a named organisation's figure for a part the previous sentence names is that
 * part's saving, not a claim about a class.
 */
function restatesNamedPart(bare: string, ctx: SentenceContext): boolean {
  if (!RESTATEMENT.test(ctx.text) || !ctx.discourse?.subject) return false;
  const head = /([a-z-]+?)(?:(?<=(?:[sxz]|ch|sh))es|s)$/i.exec(bare.split(/\s+/).pop() ?? "");
  return !!head && new RegExp(String.raw`\b${head[1]}(?:e?s)?\b`, "i").test(ctx.previous);
}

/** Start of the sentence part a figure sits in (after the last ";" or sentence start), for "weighs X, Y less". */
function clauseStartOf(text: string, pos: number): number {
  const i = text.lastIndexOf("; ", pos);
  return i >= 0 ? i + 2 : 0;
}

function isSavingUnit(q: Quantity): boolean {
  return (q.unit === "%" || q.unit === "kg" || q.unit === "lb") && !q.machineClass;
}

export const weightSavingParser: Parser = {
  name: "weight_saving",
  parse(ctx: SentenceContext): Found[] {
    const { text } = ctx;
    const out: Found[] = [];
    let previous: { q: Quantity; np: string | undefined } | undefined;
    for (const q of ctx.quantities.filter(isSavingUnit)) {
      const before = text.slice(Math.max(0, q.start - 120), q.start);
      const after = text.slice(q.end, q.end + 40);
      let np: string | undefined;
      let m: RegExpExecArray | null;
      if (previous && previous.q.unit !== q.unit && (SAME_SAVING_BETWEEN.test(text.slice(previous.q.end, q.start)) || RESTATED_BETWEEN.test(text.slice(previous.q.end, q.start)))) {
        // "cuts weight by 4.2 kg, or 35%": the same saving said again in another unit.
        np = previous.np;
      } else if (previous && COMPARED_TWICE.test(text.slice(previous.q.end, q.start))) {
        // "is 75% lighter than steel and 33% lighter than aluminium": the same thing compared twice.
        // "cuts weight by 4.2 kg, or 35%": the same saving said again in another unit.
        np = previous.np;
      } else if (previous && q.unit === "kg" && previous.q.unit !== "kg" && CUTTING_BEFORE.test(before)) {
        // "is 45% lighter than the steel assembly, cutting about 2.8 kg per door": the same saving in kilograms.
        np = previous.np;
      } else if ((m = REDUCE_WEIGHT_OF_BEFORE.exec(before))) {
        // "reduces the mass of X by 30 percent and cuts assembly time by 25 percent": the second figure is not mass.
        if (/\d/.test(m.groups!.np) || OTHER_MEASURE.test(m.groups!.np)) continue;
        np = m.groups!.np;
      } else if (LESS_THAN_AFTER.test(after) && (q.unit === "kg" ? /\bweigh(?:s|ed|ing)?\b/i : WEIGHS_FIGURE_BEFORE).test(text.slice(clauseStartOf(text, q.start), q.start))) {
        // "weighs 6.5 kg, 2.8 kg less than ...", "weighs 4.5 kg, 35% less than the aluminum version".
        const weighs = text.slice(0, q.start).search(/\s(?:weigh(?:s|ed|ing)?)\b[^;]*$/i);
        np = weighs >= 0 ? subjectBefore(text, weighs) : undefined;
      } else if ((m = REDUCE_WEIGHT_BEFORE.exec(before))) {
        if (OTHER_MEASURE.test(m.groups!.np)) continue;
        np = m.groups!.np.trim();
        // "reduce unsprung weight": an adjective, not the part; the part is the clause's subject.
        if (!np || /^(?:unsprung|overall|total|curb|kerb|own|dead|net|gross|structural|vehicle's|its)$/i.test(np)) np = subjectBefore(text, text.lastIndexOf(m[0].trim(), q.start));
      } else if ((m = WEIGHT_REDUCED_BEFORE.exec(before))) {
        if (OTHER_MEASURE.test(m.groups!.between)) continue;
        const of = /^\s*of\s+(.+?)\s*$/.exec(m.groups!.between);
        np = of ? of[1] : subjectBefore(text, q.start - (before.length - m.index));
      } else if (REDUCTION_OF_BEFORE.test(before)) {
        const at = q.start - before.length + REDUCTION_OF_BEFORE.exec(before)!.index;
        np = subjectBefore(text, text.lastIndexOf(" ", text.slice(0, at).replace(/\s+(?:a|an|the)\s*$/, "").length));
        np = np.replace(/\s+(?:achieves?|achieved|has|have|offers?|brings?|delivers?|realizes?|enables?)$/i, "");
      } else if ((m = SHAVED_AFTER.exec(text.slice(q.end, q.end + 80))) && q.unit !== "%") {
        // "GM said just over 10 pounds per inner door panel can be shaved off": the part is the one named after "per".
        np = m.groups?.per ?? subjectBefore(text, q.start);
      } else if (q.unit !== "%" && HEAVIER_AFTER.test(after) && (m = WITHOUT_WOULD_BEFORE.exec(before))) {
        // "... would have been 50 kg more" says a weight only of the weight itself; "would weigh" or "heavier" of the thing.
        const said = m.groups!.np;
        const ofWeight = /^(?:the|its|their|his|her)\s+(?:(?:total|net|overall|curb|kerb|own|vehicle)\s+)?(?:weight|mass)$/i.test(said);
        if (!ofWeight && /^be(?:en)?$/i.test(m.groups!.verb) && !/^\s+heavier\b/i.test(after)) continue;
        if (OTHER_MEASURE.test(said)) continue;
        np = ofWeight ? "" : said.replace(/['’]s?\s+(?:(?:total|net|overall|curb|kerb|own)\s+)?(?:weight|mass)$/i, "");
      } else if (LIGHTER_AFTER.test(after)) {
        np = subjectBefore(text, q.start);
        const target = /^\s+weight\s+(?:reduction|saving|savings)s?\b[^,.;]*?\b(?:for|of|on|in)\s+(?:the\s+|a\s+|an\s+)?([^,.;]+)/i.exec(text.slice(q.end, q.end + 300));
        if (target && (cleanNounPhrase(np) === "" || /^(?:a|an|the)$/i.test(np.trim()))) np = target[1];
      } else if (WEIGHS_LESS_BEFORE.test(before) && /^\s+less\b/.test(after)) {
        np = subjectBefore(text, text.lastIndexOf(" weigh", q.start));
      } else if (q.unit !== "%" && (m = SAVES_BEFORE.exec(before)) && !OTHER_MASS_AFTER.test(after)) {
        np = subjectBefore(text, q.start - before.length + m.index);
      } else continue;
      // "by 2030" after the figure in its clause, or a goal word before it: a target, not a saving made.
      const clauseFrom = Math.max(clauseStartOf(text, q.start), text.lastIndexOf(". ", q.start) + 2);
      const deadline = ctx.dates.some((d) => d.cue === "by" && d.start >= q.end && !/[;]/.test(text.slice(q.end, d.start)));
      if (deadline || GOAL_BEFORE.test(text.slice(clauseFrom, q.start))) continue;
      // "for every 10% reduction in weight": a rate of some other gain per saving, no saving made.
      if (/\b(?:for\s+)?(?:every|each)\s+$/i.test(before)) continue;
      // "Replacing steel with magnesium can reduce component weight by up to 75%": a bare class noun said "up to"
      // by no one named is a generic claim, as a bare plural is (genericClass).
      if (q.qualifier === "up to" && np !== undefined && /^(?:components?|parts?|vehicles?|cars?|body|structures?|structural)$/i.test(np.trim()) && whoIsInvolved(ctx, { inherit: false }).subject === "") continue;
      previous = { q, np };
      const who = whoIsInvolved(ctx, { inherit: true });
      let product = np !== undefined ? np : "";
      if (isAnaphoric(product) || product === "") product = ctx.discourse?.product ?? "";
      // "Delegates heard that magnesium is ...": what was heard is the clause after "that".
      product = cleanNounPhrase(product.replace(/^.*\b(?:that|said|says|noted|heard)\s+/i, "").replace(/^["“'‘]+/, ""));
      // "the lightest structural metal, about 75% lighter": a qualifier left where the part would be names nothing.
      if (/^(?:about|around|nearly|roughly|approximately|almost|some|over|up to|more than|as much as)$/i.test(product)) product = "";
      // "Magnesium is 33% lighter than aluminium" is a property of the material, not a part's saving;
      // a saving that names neither a product nor who reports it says nothing an analyst can use.
      if (MATERIAL.test(product) || MATERIAL.test(product.split(/\s+(?:is|are|was|were)\s+/)[0]) || (product === "" && who.subject === "")) continue;
      if (np !== undefined && genericClass(np, q, text.slice(q.end, q.end + 80), ctx)) continue;
      out.push(
        newFound(ctx, "weight_saving", {
          kind: "weight_saving",
          subject: who.subject,
          organizations: who.organizations,
          title: product,
          product,
          ...quantityFields(q),
        }),
      );
    }
    return out;
  },
};
