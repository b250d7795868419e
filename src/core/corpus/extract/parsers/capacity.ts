// capacity: production capacity or output rate of a plant, line or project, in tonnes.
//   "an annual production capacity of 100 tons of magnesium hydride"   -> 100 t/year, magnesium hydride
//   "can produce 1,350 mt of calcined dolomite daily"                   -> 1350 t/day
//   "capacities of 100,000 mt, 200,000 mt, and 300,000 mt for X"        -> three records
//   "the annual 100,000 mt X project"                                   -> 100000 t/year
// Not capacities: a machine's class or clamping force ("3,200T", "10,000-mt-class"), shipments, sales,
// deliveries, demand, stocks, per-vehicle contents.
import type { Found, Parser, SentenceContext } from "../context";
import { newFound } from "../context";
import { quantityFields, unitPeriod, type Quantity } from "../numbers";
import { isProvince } from "../../entities/regions";
import { cleanNounPhrase, whoIsInvolved } from "../text";

const CAPACITY_CUE = /\b(capacit(?:y|ies)|produc(?:e|es|ed|ing|tion)|output|annual(?:ly)?|yearly|daily|smelting|refining)\b/i;
const FACILITY_AFTER = /^[\s-]+(?:per[\s-](?:year|annum|day)\s+|a[\s-]year\s+|(?:annual|yearly)\s+(?:production\s+)?capacity\s+)?([a-z][a-z\s-]{2,80}?)\s+(project|production line|line|plant|base|facility|smelter|factory|expansion|refinery|mill)\b/;
const NOT_CAPACITY_AFTER = /^\s*(?:allocated|contracted|committed|sold|pledged|under offtake)\b|^\s*(?:of\s+)?(?:\w+\s+)?(?:shipments?|sales|exports?|imports?|orders?|deliver(?:y|ies)|participants|inventor(?:y|ies)|stocks?|reserves?|consumption|demand|per vehicle|per car|per unit)\b|^\s*in\s+(?:shipments?|sales|exports?|orders?)\b/i;
/** "Magnesium consumption in Europe is expected to grow to 250,000 tonnes a year": the clause is about a market's size. */
const MARKET_BEFORE = /^\s*(?:the\s+)?(?:[\w'’-]+\s+){0,3}(?:demand|consumption)\b/i;
/** "The plant uses 120,000 tonnes of dolomite a year", "will need 45,000 tonnes of ferrosilicon": an input, not an output. */
const INPUT_BEFORE = /\b(?:uses?|using|used|consum(?:e|es|ing)|needs?|needed|needing|requir(?:e|es|ed|ing)|burns?|burning|feeds?)\s+(?:about\s+|around\s+|some\s+|up to\s+|nearly\s+|over\s+|more than\s+)?$/i;
/**
 * "Global magnesium production capacity stands at 1.8 million tonnes", "China's magnesium capacity reached ...",
 * "Shaanxi has a ... capacity": a world's, country's or region's total, no plant's (WRITING: national
 * or regional output is no capacity). Only when no organisation is named: "Kestrow's total capacity" is a company's.
 */
const AGGREGATE_BEFORE = /\b(?:global|world(?:'s|wide)?|worldwide|national|nationwide|country's|industry's|province's|provincial|regional)\s+(?:[\w-]+\s+){0,3}?(?:capacit(?:y|ies)|output|production)\b/i;
const NOT_CAPACITY_BEFORE = /\b(?:buy(?:s|ing)?|bought|procur\w*|sourc(?:e|es|ed|ing)|shipp(?:ed|ing)|shipments?|deliver(?:ed|ing|y|ies)|sold|sales|exports?|exported|imports?|imported|orders?|consum(?:ed|ption)|demand|inventor(?:y|ies)|stocks?|reserves?|price|prices|reaching|application of|agreements?|contracts?|offtake|purchases?|supply deal|enquir(?:y|ies)|inquir(?:y|ies)|requests?|(?:increase|increment|growth|rise|decrease|drop|gap|shortfall|surplus) (?:of|in))\b[^,;]{0,30}$/i;
/** A possibility, not a plant: "potentially beyond 10,000 tpa", "might get to", "can support the operation of a ... plant". */
const HEDGE_BEFORE = /\b(?:potentially|possibly|possibility of|option of|options? to|consider(?:s|ed|ing)? (?:\w+ing|a|an)|(?:can|could) support|enough (?:ash |feed |ore )?(?:to|for))\b[^;]{0,80}$/i;
/**
 * "completed a study examining the possibility of boosting capacity to 90,000 t/y": the possibility is what a
 * study weighs, a capacity studied like a feasibility study's plant (planned, see PLANNED_BEFORE), not a hedge.
 */
const STUDIED_OPTION = /\b(?:stud(?:y|ies)|feasibility|assessment|evaluation)\b[^;.]{0,40}?\b(?:examin\w*|evaluat\w*|assess\w*|explor\w*|investigat\w*|into|of|on)\s+(?:the\s+)?(?:possibility|option|potential)\s+of\b/i;
/** "might get to", "may reach": a modal of possibility (lower case: "May 2023" is a month). */
const HEDGE_MODAL = /\b(?:might|may)\s+(?!\d)[^;]{0,80}$/;
/** Words that say what kind of plant, not what it makes: "a 1000 tpa demonstration plant" makes no "demonstration". */
const PLANT_DESCRIPTOR = /^(?:(?:demonstration|pilot|commercial|scalable|new|proposed|planned|greenfield|brownfield|first|initial|full-scale|large-scale|small-scale|green|modern|existing|stage \d|phase \d|per[\s-]annum|per[\s-]year|a[\s-]year|annual)\s*)+$/i;
const MACHINE_AFTER = /^[\s-]*(?:[\w-]+\s+){0,5}?(?:machines?|press(?:es)?|die-casting|die casting|island|injection|molding|moulding|clamping|cell|furnace|barrel)\b/i;
const STATISTIC_BEFORE = /\b(?:(?:reached|totall?ed|amounted to|hit|rose|fell|increased|decreased|grew|dropped|declined|climbed|stood at|was|were)\s+(?:by\s+\S+\s+)?(?:to\s+)?|(?:up|down)\s+from\s+|compared with\s+)(?:about\s+|around\s+|over\s+|nearly\s+|approximately\s+|more than\s+)?$/i;
const PERIOD_AFTER = /\b(?:in|during|for|over)\s+(?:the\s+)?(?:(?:first|second|third|fourth|last)\s+(?:half|quarter)\s+of\s+)?(?:(?:19|20)\d{2}|January|February|March|April|May|June|July|August|September|October|November|December|the (?:first|second) half|the year|last year|this year)\b|\b(?:last|this) (?:year|month|quarter)\b|\byear[- ]on[- ]year\b/i;
// "a year earlier" / "a year ago" compare with the past: no period.
const PER_YEAR = /(?:\b|-)(?:per[\s-]year|a[\s-]year(?![\s-](?:earlier|ago|before|later|previously|on\b))|per[\s-]annum|annually|each year|every year|\/year|\/yr|\/a|tpa|tpy)\b/i;
const PER_MONTH = /(?:\b|-)(?:per[\s-]month|a[\s-]month|monthly|each month)\b/i;
const PER_DAY = /(?:\b|-)(?:per[\s-]day|a[\s-]day|daily|each day|\/day|\/d)\b/i;

function isTonnage(q: Quantity): boolean {
  return (q.unit === "t" || q.unit === "kt" || q.unit === "short ton") && !q.machineClass;
}

/** A period written right after a figure: "150 kilograms per day", "900,000 units a year". */
const PERIOD_RIGHT_AFTER = /^\s*(?:(?:of\s+)?[a-z-]+\s+)?(?:per[\s-](?:day|year|annum|hour|month)|a[\s-](?:day|year)(?![\s-](?:earlier|ago|before|later))|each (?:day|year)|daily|annually)\b/i;
/** Counts a plant turns out ("can cast up to 900,000 units a year"); other counts (sales, staff) are not capacities. */
const COUNT_UNIT = /^(?:units?|pieces?|sets?|vehicles?)$/;
const CAN_MAKE_BEFORE = /\b(?:capacit(?:y|ies)|(?:can|could|able to|designed to)\s+(?:\w+\s+)?(?:produce|make|cast|build|assemble|manufacture|turn out|process))\b[^,;]{0,40}$/i;

/** Rates in other units: kilograms with a period written next to them, or counts a plant can make. */
function isRate(q: Quantity, text: string): boolean {
  if (q.machineClass) return false;
  // "an annual output capacity of 1.1 million units": the period said before, with the word capacity.
  if (COUNT_UNIT.test(q.unit) && /\b(?:annual|yearly|daily)\s+(?:\w+\s+)?capacity\s+of\s+(?:about\s+|up to\s+|some\s+)?$/i.test(text.slice(Math.max(0, q.start - 60), q.start))) return true;
  if (!PERIOD_RIGHT_AFTER.test(text.slice(q.end, q.end + 40))) return false;
  if (q.unit === "kg") return true;
  return COUNT_UNIT.test(q.unit) && CAN_MAKE_BEFORE.test(text.slice(Math.max(0, q.start - 80), q.start));
}
/** "can cast up to 600,000 door inners a year": a bare count of things a plant can make, with a period. */
const COUNTED_THINGS_AFTER = /^\s+((?:[a-z][a-z-]*\s+){0,3}[a-z][a-z-]*s)\s+(?:a|per|each)\s+(?:year|day|month)\b/;
function countedThings(q: Quantity, text: string): string | undefined {
  if (q.unit !== "" || q.machineClass || q.qualifier === "under") return undefined;
  const m = COUNTED_THINGS_AFTER.exec(text.slice(q.end, q.end + 60));
  if (!m || !CAN_MAKE_BEFORE.test(text.slice(Math.max(0, q.start - 80), q.start))) return undefined;
  return m[1];
}
/** A goal, not a plant: "targeting magnesium alloy output of 500,000 tonnes by 2027". */
const TARGET_BEFORE = /\b(?:target(?:s|ing|ed)?|goal|aim(?:s|ing|ed)?\s+(?:for|at|to)|plans|planning|intend(?:s|ed|ing)?\s+to|seek(?:s|ing)?\s+to|hop(?:es|ed|ing)\s+to|envisag(?:es|ed|ing)|forecasts?|forecast|projected|expect(?:s|ed)?\s+to\s+reach|ambition)\b[^,;]{0,60}$/i;
/** "Annual output of 25,000 t would equal about 2.5% of global supply": a figure used as a comparison. */
const COMPARED_AFTER = /^(?:\s+[a-z-]+){0,4}?\s+(?:would|could|will|might)?\s*(?:equal(?:s|led|ling)?|represent(?:s|ed|ing)?|account(?:s|ed|ing)? for|make(?:s)? up|be equivalent to|is equivalent to)\b/i;
const CLAUSE_BREAK = /[;.]\s|,\s+(?:and|but|while|whereas|which|although)\b/i;
/** A rule, not a plant: "A new smelter shall have an annual production capacity of not less than 50,000 tonnes". */
const OBLIGATION = /\b(?:shall|must|should|(?:is|are|be|been) required to|may only)\b/i;
/** "can produce", "designed for", "will have": a rate the plant is able to reach, not an amount produced. */
/** Words that put a capacity in the future: planned, proposed, under construction, to come online, a phase to come. */
const PLANNED_BEFORE = /\b(?:will|would|shall be|plan(?:s|ned|ning)|propos(?:ed|es|ing)|expect(?:s|ed)?|anticipat\w+|target(?:s|ed|ing)?|aim(?:s|ed|ing)?|intend(?:s|ed|ing)?|to build|to be built|under construction|being built|(?:is|are) (?:building|constructing)|upon completion|once (?:complete|completed|operational|fully operational)|when (?:complete|completed|fully operational)|is to|are to|set to|scheduled|envisag\w+|feasibility|stud(?:y|ies)|design(?:ed)? capacity|initial(?:ly)?|first stage|second stage|stage (?:1|2|3|one|two|three)|phase (?:2|3|ii|iii|two|three)|future|new plant|expansion to|expand(?:ing)? (?:its )?(?:capacity )?to|increase (?:its )?(?:capacity )?to|ramp(?:ing)? up to|development of|to develop|to host|on target to|on track to|construction phase|demonstration plant|(?:began|begun|begins|begin|started|starts|start|commenced|commences|broke ground on|breaks ground on|laid the foundation (?:stone )?(?:for|of)) (?:the\s+)?(?:construction|building|work) (?:of|on)|(?:broke|breaks|breaking) ground on|groundbreaking (?:of|for))\b(?:[^.;]|\.\d)*$/i;
const PLANNED_AFTER = /^[^.;]{0,60}\b(?:by (?:19|20)\d{2}|planned|proposed|under construction|when (?:complete|completed)|once (?:complete|completed|operational)|(?:and|which|that) will (?:produce|make|be (?:built|located|constructed|operational)|start|begin|come))\b/i;
/**
 * "The new smelter, with a capacity of 60,000 mtpa, is due to start production in 2028", "... is slated for
 * completion in 2029": what has still to start or be finished
 * is a plant to come, however far after the figure the sentence says so (in the figure's clause).
 */
const TO_START_LATER = /^[^.;]*?\b(?:is|are)\s+(?:due|slated|scheduled|expected|set)\s+(?:to\s+(?:start|begin|commence|come\s+on(?:line|stream|\s+stream)|be\s+(?:commissioned|completed|finished|built|operational)|finish|complete|enter\s+(?:production|operation|service))|for\s+(?:completion|commissioning|start-?up))\b/i;
const ABLE_BEFORE = /\b(?:can|could|able to|designed|will|would|rated|nameplate)\b/i;

/** "China's magnesium capacity", "Shaanxi has ...": a country or province is what the sentence opens with. */
function regionPossessive(before: string): boolean {
  const m = /^(?:the\s+)?([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)(?:['’]s\b|\s+(?:has|had|have|boasts|hosts)\b)/.exec(before.trim());
  return !!m && (isProvince(m[1]) || /^(?:China|India|Japan|Korea|Russia|Kazakhstan|Israel|Brazil|Canada|Australia|Turkey|Iran|Europe|America)$/.test(m[1]));
}

function laterStart(afterText: string): boolean {
  const m = TO_START_LATER.exec(afterText);
  return !!m && !CLAUSE_BREAK.test(m[0]);
}

/** Groups of quantities written as a list: "100,000 mt, 200,000 mt, and 300,000 mt". */
function lists(text: string, qs: Quantity[]): Quantity[][] {
  const groups: Quantity[][] = [];
  for (const q of qs) {
    const g = groups[groups.length - 1];
    // "20,000 tonnes of magnesium ingots, 30,000 tonnes of magnesium alloys": each item with what it is of.
    if (g && (/^(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)$/.test(text.slice(g[g.length - 1].end, q.start)) || /^\s+of\s+(?:[A-Za-z-]+\s+){0,5}?[A-Za-z-]+(?:,\s*(?:and\s+)?|\s+and\s+)$/.test(text.slice(g[g.length - 1].end, q.start)))) g.push(q);
    else groups.push([q]);
  }
  return groups;
}

/** A change of capacity told as done: "boosted", "raised", "increased", "expanded", "lifted", "doubled". */
const PAST_CHANGE = /\b(?:boosted|raised|increased|expanded|lifted|doubled|tripled|grew|upgraded|cut|reduced|lowered)\b/i;

export const capacityParser: Parser = {
  name: "capacity",
  parse(ctx: SentenceContext): Found[] {
    const { text } = ctx;
    const out: Found[] = [];
    // "an annual capacity below 10,000 mt": a threshold, not a figure of a plant.
    const tonnages = ctx.quantities.filter((q) => (isTonnage(q) || isRate(q, text) || countedThings(q, text) !== undefined) && q.qualifier !== "under");
    if (tonnages.length === 0) return out;
    if (OBLIGATION.test(text)) return out;
    let who: ReturnType<typeof whoIsInvolved> | undefined;
    for (const group of lists(text, tonnages)) {
      const first = group[0];
      const last = group[group.length - 1];
      const clauseStart = Math.max(text.lastIndexOf(", ", first.start - 1) + 2, text.lastIndexOf("; ", first.start - 1) + 2, 0);
      const before = text.slice(Math.max(clauseStart, first.start - 70), first.start);
      const afterText = text.slice(last.end, last.end + 300);
      const clauseEnd = afterText.search(/[;.](?:\s|$)|,\s(?!\d)/);
      const after = clauseEnd >= 0 ? afterText.slice(0, clauseEnd) : afterText;
      if (COMPARED_AFTER.test(afterText) || NOT_CAPACITY_AFTER.test(afterText) || NOT_CAPACITY_BEFORE.test(before) || MARKET_BEFORE.test(text.slice(clauseStart, first.start)) || INPUT_BEFORE.test(before) || MACHINE_AFTER.test(afterText)) continue;
      if ((HEDGE_BEFORE.test(text.slice(clauseStart, first.start)) && !STUDIED_OPTION.test(text.slice(clauseStart, first.start))) || HEDGE_MODAL.test(text.slice(clauseStart, first.start))) continue;
      // A target, a plan or a deadline ("reach 15,000 tpa by 2030") makes the figure a planned capacity: a record
      // of the pipeline, marked so, never mixed with what operates. The deadline counts only in the figure's own
      // clause: "can roll 6,000 tons a year, and X plans to double that by 2028" keeps the 6,000 t operating.
      const deadline = ctx.dates.some((d) => (d.cue === "by" || d.cue === "by the end of") && d.start >= last.end && !CLAUSE_BREAK.test(text.slice(last.end, d.start)));
      // "expand from 15,000 t to 30,000 t": the figure after "from" is what runs today.
      const fromFigure = /\bfrom\s+(?:about\s+|around\s+)?$/i.test(text.slice(Math.max(0, first.start - 20), first.start));
      // Plan words count from the clause's start, read across list commas ("its stage 1, 1000 tpa plant") but not
      // across a contrast ("..., but it now runs 10,000 tpa").
      const planScope = text.slice(0, first.start).split(/;\s|(?<!\b[A-Z])\.\s|,\s+(?:but|while|whereas|although|though)\b/i).pop() ?? "";
      // "boosted capacity in 2012 to 63,500 t from 42,000 t previously": the "from" figure of a change already made
      // is what ran before it, not what runs now.
      const former = fromFigure && (PAST_CHANGE.test(text.slice(clauseStart, first.start)) || /^\s+(?:previously|before|earlier)\b/i.test(afterText));
      const planned = !fromFigure && (deadline || TARGET_BEFORE.test(before) || PLANNED_BEFORE.test(planScope) || PLANNED_AFTER.test(after) || laterStart(afterText));
      // A government's or a region's target is a policy's, not a plant's: no capacity record ("raise provincial
      // capacity to 500,000 mt by 2027").
      // The region must be the one planning ("the province aims", "provincial capacity"), not where a plant is to
      // stand ("Harrison County was chosen to host ... a 100,000 tonne plant").
      // "guide the construction of enterprises with capacities of 100,000 mt": a class of plants a rule asks for.
      if (/\b(?:guid(?:e|es|ing)|encourag(?:e|es|ing)|support(?:s|ing)?|back(?:s|ing)?|promot(?:e|es|ing)|cultivat(?:e|es|ing)|foster(?:s|ing)?|requir(?:e|es|ing)|allow(?:s|ing)?|construction of)\s+(?:[\w-]+\s+){0,4}?(?:enterprises|companies|firms|plants|projects|smelters|producers)\s+with\s+(?:an?\s+)?(?:annual\s+)?(?:production\s+)?capacit(?:y|ies)\s+of\s+(?:over\s+|above\s+|at least\s+|more than\s+)?$/i.test(text.slice(Math.max(0, first.start - 140), first.start))) continue;
      if (planned && /\b(?:province's|provincial|national|nationwide|country's|county's|municipal|city's|region's|regional|industry's|action plan|(?:the|our|whole|entire) (?:province|country|county|city|region|industry)(?! was chosen))\b/i.test(text)) continue;
      // A period said after a later figure is that figure's ("1.8 tonnes ... at a rate of 150 kilograms per day").
      const nextFigure = ctx.quantities.find((q) => q.start >= last.end && q.unit !== "");
      const own = nextFigure ? text.slice(last.end, nextFigure.start) : afterText;
      const facility = FACILITY_AFTER.exec(after);
      // A production statistic ("production reached 820,000 tonnes in 2023", "produced 95,000 tonnes of X
      // in 2023") is output over a period, not a plant's capacity or rate.
      if (!/\bcapacit/i.test(before) && !facility && !unitPeriod(last.rawUnit) && (STATISTIC_BEFORE.test(before) || PERIOD_AFTER.test(after))) continue;
      // "adding 20,000 mt of annual capacity": the capacity word may follow the figure.
      const capacityAfter = /^\s+of\s+(?:(?:new|annual|additional|extra|production|smelting)\s+){0,2}capacity\b/i.test(afterText);
      if (!CAPACITY_CUE.test(before) && !facility && !capacityAfter && !PER_YEAR.test(after) && !PER_DAY.test(after) && !unitPeriod(last.rawUnit)) continue;
      // "producing 1.8 tonnes of magnesium" with no period, no capacity and no "can": an amount made, not a rate.
      const periodSaid = !!unitPeriod(last.rawUnit) || PER_YEAR.test(own) || PER_DAY.test(own) || PER_MONTH.test(own) || /\b(?:annual|annually|yearly|daily|monthly)\b/i.test(text.slice(clauseStart, first.start));
      if (!periodSaid && !/\bcapacit/i.test(before) && !facility && !ABLE_BEFORE.test(before) && /\bproduc/i.test(before)) continue;
      let per: "" | "year" | "day" | "month" = unitPeriod(last.rawUnit);
      // The period may be said once for a list ("an annual capacity of 100,000 mt of X and 50,000 mt of Y").
      const clause = text.slice(clauseStart, first.start).slice(-160);
      if (per) {
        // the unit says it ("tpa", "t/d")
      } else if (/\b(?:daily)\b/i.test(clause) || PER_DAY.test(own.slice(0, after.length))) per = "day";
      else if (/\b(?:monthly)\b/i.test(clause) || PER_MONTH.test(own.slice(0, after.length))) per = "month";
      // "a 30,000-tonne annual capacity smelter": the period right after the figure.
      else if (/\b(?:annual|annually|yearly|per year|a year)\b/i.test(clause) || /^[\s-]+(?:annual|yearly)\s+(?:production\s+)?capacity\b/i.test(afterText) || PER_YEAR.test(own.slice(0, after.length)) || (capacityAfter && /^\s+of\s+(?:\w+\s+)?annual\b/i.test(afterText))) per = "year";
      let product = "";
      const of = /^[\s-]+(?:(?:per[\s-](?:year|annum|day)|a[\s-]year)\s+)?(?:of|for)\s+([^,;.]+?)(?=\s+(?:daily|per|a year|a day|annually|monthly|each|every|which|that|with|in|at|by|from|to|is|was|will|has|have|when|once)\b|\s+(?:and|or)\s+\d|[,;.]|$)/.exec(afterText);
      // "10,000 mt/yr of magnesium ingot capacity": the product is what the capacity makes.
      if (of && !capacityAfter) product = cleanNounPhrase(of[1].replace(/\s+(?:(?:production|smelting|new|annual)\s+)?capacit(?:y|ies)$/i, ""));
      else if (facility && !PLANT_DESCRIPTOR.test(facility[1].trim())) product = cleanNounPhrase(facility[1]);
      who ??= whoIsInvolved(ctx, { inherit: true });
      if (who.subject === "" && (AGGREGATE_BEFORE.test(text.slice(0, first.start)) || regionPossessive(text.slice(0, first.start)))) continue;
      // A government plans no plant of its own: its planned figure is a policy's target.
      if (planned && who.subject && ctx.registry.lookup(who.subject)?.type === "government") continue;
      for (const q of group) {
        // In a list of "N t of X, M t of Y", each figure is of its own product.
        const itemOf = group.length > 1 ? /^\s+of\s+((?:[A-Za-z-]+\s+){0,5}?[A-Za-z-]+)(?=,|\s+and\s|\s*$|[.;])/.exec(text.slice(q.end, q.end + 80)) : null;
        const itemProduct = itemOf ? cleanNounPhrase(itemOf[1]) : "";
        const things = q.unit === "" && !itemProduct ? countedThings(q, text) : undefined;
        const what = itemProduct || product || things || "";
        out.push(
          newFound(ctx, "capacity", {
            kind: "capacity",
            subject: who.subject,
            organizations: who.organizations,
            title: what,
            product: what,
            ...quantityFields(q),
            unit: things !== undefined ? "units" : q.unit,
            per,
            status: former ? "former" : planned ? "planned" : "",
          }),
        );
      }
    }
    return out;
  },
};
