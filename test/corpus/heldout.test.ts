// Held-out check: the extractors on articles they were not developed on. test/fixtures/articles holds thirty-one
// SYNTHETIC articles in the styles of other outlets and in every input format (page text, a press release,
// bare body, HTML, WordPress REST items and arrays), and heldout.gold.json the records an analyst reads in
// them, written by hand before the pipeline ever ran on them (fourteen rounds: see test/fixtures/articles/README.md). The seed articles score 1.00 against their own gold; this is the figure that
// says whether the rules generalise. Needs no ../shared.
import * as fs from "fs";
import * as path from "path";
import { buildDataset } from "../../src/core/corpus/build";
import { evaluate, evidenceOverlaps, formatReport, keyDifferences, parseGold, thresholdFailures, THRESHOLDS, baseName } from "../../src/core/corpus/eval";
import type { GoldRecord } from "../../src/core/corpus/eval";
import { collectFileInputs } from "../../src/cli/commands/corpus/build";
import type { Dataset } from "../../src/core/model/dataset";
import type { MgRecord } from "../../src/core/model/record";
import { getRegistry } from "../../src/core/corpus/entities";

const FIXTURES = path.resolve(__dirname, "../fixtures/articles");
const gold = parseGold(JSON.parse(fs.readFileSync(path.join(FIXTURES, "heldout.gold.json"), "utf8")));

let dataset: Dataset;
const sourceFile = new Map<string, string>();

beforeAll(() => {
  const collected = collectFileInputs([FIXTURES], 8 * 1024 * 1024);
  expect(collected.problems).toEqual([]);
  const result = buildDataset(collected.inputs);
  expect(result.problems).toEqual([]);
  dataset = result.dataset;
  for (const s of dataset.sources) sourceFile.set(s.source_id, baseName(s.origin));
});

const fileOf = (r: MgRecord) => sourceFile.get(r.source_id) ?? "";

/** The prediction that states the gold's fact, with every field an analyst would check (not only the eval's keys). */
/**
 * Known, documented differences (the field-by-field test fails when one goes, so the list shrinks):
 * - a phase's capacity whose company is named only in the previous paragraph; the provenance rule carries no name
 *   across paragraphs, and a capacity with neither subject nor product is left out (fewer records, all true);
 * - "started construction of a 50,000 mt/year ... project": round 13's gold predates the status field and reads the
 *   figure as operating; by test/gold/WRITING.md a plant not yet built has a planned capacity, and the pipeline says
 *   so (status "planned"; the gold file is not edited here: see its README).
 */
const KNOWN = new Set(["lmr-h1-2025-review.txt capacity 20000", "lmr-h1-2025-review.txt capacity 50000"]);
const keyOf = (g: GoldRecord) => `${g.source} ${g.kind} ${g.value ?? g.date}`;

function strictMatch(g: GoldRecord, records: MgRecord[]): MgRecord | undefined {
  return records.find(
    (r) =>
      fileOf(r) === g.source &&
      r.kind === g.kind &&
      evidenceOverlaps(g.evidence, r.evidence) &&
      keyDifferences(g, r).length === 0 &&
      r.date === g.date &&
      r.date_end === g.date_end &&
      r.date_effective === g.date_effective &&
      r.value === g.value &&
      r.value_max === g.value_max &&
      r.unit === g.unit &&
      r.per === g.per &&
      r.qualifier === g.qualifier &&
      r.status === g.status,
  );
}

describe("held-out synthetic articles (other outlets, every input format)", () => {
  it("reads every fixture article (the gold file beside them is not an article)", () => {
    const report = evaluate(dataset, gold);
    expect(report.missing_sources).toEqual([]);
    expect(dataset.sources).toHaveLength(gold.sources.length);
  });

  it("meets the seeds' precision and recall bars on the held-out articles, every kind with expectations at 0.9", () => {
    const report = evaluate(dataset, gold);
    const bars = { ...THRESHOLDS };
    for (const k of report.kinds) if (k.gold > 0 && !bars[k.kind]) bars[k.kind] = { precision: 0.9, recall: 0.9 };
    const failures = thresholdFailures(report, bars);
    if (failures.length > 0) console.log(formatReport(report, { verbose: true, thresholds: bars }));
    expect(failures).toEqual([]);
  });

  it("gets every expected record right field by field: dates, values, units, periods, qualifiers", () => {
    const wrong = gold.records.filter((g) => !strictMatch(g, dataset.records)).map(keyOf);
    expect(wrong.filter((w) => !KNOWN.has(w))).toEqual([]);
    expect([...KNOWN].filter((k) => !wrong.includes(k))).toEqual([]);
  });

  it("names who a record is about when its sentence names them (legal forms dropped, short names resolved)", () => {
    // Gold subjects are written as an analyst names them; the registry's canonical name (or a unit of the named
    // body, "... Association Magnesium Branch") is the same organisation.
    const named = gold.records.filter((g) => g.subject && g.evidence.includes(g.subject.split(" ")[0]) && !KNOWN.has(keyOf(g)));
    expect(named.length).toBeGreaterThanOrEqual(8);
    // "Qinghai Salt Lake Magnesium" (a subsidiary) starts with the registered "Qinghai Salt Lake" and is named in
    // full, not as its parent.
    const wrong = named.flatMap((g) => {
      const r = strictMatch(g, dataset.records);
      const canonical = getRegistry().lookup(g.subject)?.name ?? g.subject;
      // "Inner Mongolia's Department of ..." is kept as written; the analyst drops the possessive.
      const norm = (x: string) => x.replace(/['’]s\b/g, "");
      const subject = norm(r?.subject ?? "");
      return r && (subject === norm(canonical) || subject.startsWith(norm(g.subject))) ? [] : [`${g.subject} <- ${r?.subject ?? "(no record)"}: ${g.evidence.slice(0, 60)}`];
    });
    expect(wrong).toEqual([]);
  });

  it("takes nothing from distractors: presses, energy and CO2 cuts, shares, prices, staff, orders, plans, vague dates", () => {
    // Sentences of the fixture articles that hold figures or dates but state no record (see heldout.gold.json).
    const distractors = [
      "Construction is due to begin in the second quarter of 2025", // plans and "Q3 2026" date nothing
      "Last month, the company signed a 2,000 t order", // an order is not a capacity; "last month" is no date
      "Kestrel holds a 9% share", // market share, share price
      "cuts CO2 emissions by 40% per tonne", // CO2 and energy percentages are not weight savings
      "Kestrel's shipments reached 14,200 tonnes in 2024, up from 12,900 tonnes a year earlier", // shipments, "a year earlier"
      "The one-piece frame, cast from AM60B alloy on a 6,800-tonne press", // clamping force
      "Magnesium is roughly 33% lighter than aluminium", // a material's property, 30% less energy
      "Halvorsen employs 2,400 people", // staff, market share, "Last month"
      "By Staff Writer", // byline
      "China supplied roughly 85%", // market share, export statistic
      "spot prices could rise by as much as 10%",
      "The revision replaces GB/T 5153-2016", // a replaced standard is not released here
      "About 60% of the die castings",
      "The Gangneung line is expected to reach full output early next year",
      "In December, Chinese magnesium ingot exports fell 12%", // a market statistic
      "Meridian Lightweight Technologies said it would cut 150 jobs", // "by the end of 2025" is a deadline
      "Prices for 99.9% pure magnesium ingot", // a price, a purity
      "Commissioning is scheduled for the second half of 2026",
      "Tasman raised A$20 million in a share placement", // "in September" with no year anywhere: no date
      "emits up to 60% less CO2",
      // round 2
      "Velora Motors will fit a thin-wall magnesium cockpit carrier", // "said on Oct. 14" about a plan
      "Global magnesium die-casting demand is forecast", // a forecast, "through 2030"
      "requires new Pidgeon-process smelters to use no more than 4.0 tonnes", // coal per tonne is no capacity
      "Shanxi produced about 230,000 tonnes", // a production statistic and a share
      "This news release contains forward-looking statements", // "the 36,000 tonne plant" in boilerplate
      "Coastline Magnesium is a Canadian company",
      // round 3
      "Yinfeng sold 41,500 mt of magnesium ingot in 2024", // sales, a share, a price
      "The firm plans to list on the Shenzhen Stock Exchange in 2026",
      "Magnesium ingot prices in Fugu fell to 17,200 yuan/mt",
      "Yinfeng's workforce of 1,100",
      "Delegates heard that magnesium is 75% lighter than steel", // material properties
      "Posted 7 June 2024", // the page's date
      "magnesium scrap prices rose 4% last week",
      // round 4
      "Wenxi's magnesium output reached 180,000 tonnes last year", // an output statistic
      "Local officials said the county aims to double alloy capacity by 2027",
      "has won a contract to cast magnesium transmission housings", // "on Tuesday" pins no date
      "cuts the vehicle's CO2 footprint by 12 kg", // kilograms of CO2 are not a weight saving
      "Shares in Kessler rose 3.5%",
      "The notice calls for new magnesium smelting projects", // an energy cap per tonne, "by 2026"
      "Magnesium prices in Shaanxi averaged 16,900 yuan/t",
      // round 5
      "China's primary magnesium output in H1 2024 was around 400,000t", // a statistic, y/y
      "Chinese 99.9% Mg ingot averaged US$2,350/t", // prices
      "Trial production at the upgraded plant is expected in early 2025",
      "has shipped the first 10,000 magnesium seat frames", // a shipment "on Thursday"
      "Zephyr EV plans to use the frames",
      "Organisers said next year",
      "The plan aims to lift the province", // a capacity target "by 2027"
      // round 6
      "The new process cuts carbon emissions by 40%", // carbon and energy percentages
      "Magnesium prices rose 5% in January",
      "By 2030, Zentrovia plans to reach 200,000 t/a", // a goal
      "The forging press has a clamping force of 4,400T",
      "Farrow Castings Co., Ltd. plans annual capacity", // a planned range is no capacity
      "Aluminium alloy wheels are up to 25% lighter", // claims about classes of parts and materials
      "India imported 18,400 tonnes of magnesium in FY2025",
      "Landed prices of magnesium ingot in Mumbai",
      "Vayu aims to reach 15,000 tpa by 2030",
      "The company employs 640 people",
      "Managing director Anil Rao said the new cells would start trial runs",
      "Revenue rose 14% to EUR 186 million",
      "EBITDA margin of 11.2%",
      "Order intake of EUR 240 million",
      "Key figures (EUR million unless stated)", // a results table rendered as text
      "Shipments (tonnes)",
      "Nordhavn reiterated its target of 20,000 tonnes", // a target "by 2028", a revenue forecast
      "Die-cast magnesium parts are up to 75% lighter",
      "The Kolding foundry runs six 4,000-tonne die-casting cells",
      "Article 3 For new or expanded smelting projects", // a replacement ratio in tonnes
      "Article 4 A new smelter shall have an annual production capacity", // a rule's minimum is no plant's capacity
      "Article 5 Energy consumption per tonne",
      "Article 6 Enterprises that complete replacement", // a subsidy "up to ... per project"
      "In 2024, the autonomous region produced 210,000 tonnes", // a production statistic and a share
      // round 7
      "holds a 62% stake in the company", // a shareholding, not a transaction; staff
      "Shares of Hanul Light Metals rose 4.2%", // a share price in won
      "domestic demand is forecast to grow 18% a year",
      "The mill's two 2,000-ton rolling stands",
      "Korea imported 7,900 tons of magnesium",
      // round 8
      "The company's order book stands at 14,000 t", // an order book, sales
      "EU primary magnesium imports fell 6%",
      "Rheinfeld aims to cast 10,000 t/a by 2028",
      "Magnesium die castings can weigh up to 35% less", // a class of parts against a material
      "The Ulm site employs 380 people",
      // round 9
      "Basin Metals expects to reach 36,000 short tons", // a goal
      "uses 40% less energy than the Pidgeon process",
      "US magnesium consumption was about 95,000 tons in 2024", // a statistic
      "Magnesium parts are typically 33% lighter", // a class of parts against a material
      "Basin Metals shares jumped 18%",
      "Construction is slated to begin in mid-2026", // a plan
      // round 10
      "said domestic shipments of magnesium die castings", // a statistic, even when an association reports it
      "plans to install a 4,000-ton die-casting machine",
      "Magnesium alloy prices in Japan held",
      "Tokai Magnesium employs 410 people",
      // round 11
      "It is expected that the project will reach its designed capacity", // a plan "by the end of 2026"
      "The company's magnesium alloy ingot output was 41,200 mt", // a statistic
      "the price of 99.9% magnesium ingot in Fugu was", // a price quoted on a day
      "Enterprises with an annual capacity below 10,000 mt", // a threshold in a requirement
      "Last year, China's primary magnesium output was about 820,000 mt",
      // round 12
      "The study assumes a magnesium price of US$4,500/t",
      "First production is targeted for the December quarter of 2028",
      "Magnesium is the third most used structural metal", // a material's property
      "EPM holds 100% of the Kimba tenements",
      "The Kimba deposit contains a mineral resource of 420 million tonnes",
      "Annual output of 25,000 t would equal about 2.5%", // a figure used as a comparison
      // round 13
      "aiming to raise provincial magnesium alloy capacity to 500,000 mt", // a target "by 2027"
      "Die-cast magnesium seat frames are generally 20-30% lighter",
      "cuts the cost per vehicle by about 150 yuan", // a cost cut; a 7,000T machine
      "Magnesium ingot prices fell 8% in the first half",
      "China exported 195,000 mt of magnesium products",
      "Analysts expect primary magnesium demand to grow 6% in 2025",
      // round 14
      "help extend the pickup's range by up to 6 miles",
      "Marlow invested $48 million in the Monroe expansion and added 120 jobs", // only the investment is a record
      "Steel still accounts for about 55%",
      "to buy up to 5,000 metric tons of alloy a year", // a purchase is no capacity
      "Magnesium components can be up to 75% lighter",
      "Marlow shares rose 6.1%",
    ];
    // Evidence may span the sentence a carried-over subject comes from: a record whose evidence also holds a
    // distractor is fine when it is an expected record.
    const expected = (r: MgRecord) => gold.records.some((g) => strictMatch(g, [r]) !== undefined);
    // Since schema 2 (issue 10) a price on a day and a company's planned capacity ("aims to reach 15,000 tpa by
    // 2030", marked status planned) are records of their own, not distractors; a government's target still is.
    const newKinds = (r: MgRecord) => r.kind === "price" || (r.kind === "capacity" && r.status === "planned");
    const fromDistractors = dataset.records.filter((r) => distractors.some((d) => r.evidence.includes(d)) && !expected(r) && !newKinds(r));
    expect(fromDistractors.map((r) => `${r.kind}: ${r.evidence}`)).toEqual([]);
    // The commentary article is made only of distractors.
    expect(dataset.records.filter((r) => fileOf(r) === "market-commentary-distractors.txt")).toEqual([]);
  });

  it("a dateline dates the report, not what the sentence says happened on another day", () => {
    const policy = dataset.records.find((r) => r.kind === "policy" && r.evidence.startsWith("Beijing, Dec. 6"));
    expect(policy).toMatchObject({ date: "2024-12-05" });
    expect(dataset.records.filter((r) => r.evidence.startsWith("Beijing, Dec. 6") && r.date === "2024-12-06")).toEqual([]);
  });

  it("a year in the title that lies after publication ('eyes 2026 listing') never dates what happened", () => {
    const yinfeng = dataset.records.filter((r) => fileOf(r) === "asia-light-metals-yinfeng.txt" && r.date !== "");
    expect(yinfeng.length).toBeGreaterThan(0);
    expect(yinfeng.filter((r) => r.date > "2025-03-20")).toEqual([]);
  });

  it("never dates 'last month' or 'early next year' and never guesses a year for a bare-body article", () => {
    const tasman = dataset.records.filter((r) => fileOf(r) === "tasman-body-only.txt");
    expect(tasman.length).toBeGreaterThan(0);
    expect(tasman.filter((r) => r.date !== "")).toEqual([]);
    const vague = dataset.records.filter((r) => /\b(?:last month|early next year)\b/i.test(r.evidence) && r.date !== "");
    expect(vague.map((r) => r.evidence)).toEqual([]);
  });
});
