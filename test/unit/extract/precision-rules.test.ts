// Rules added in held-out round 6 (test/fixtures/articles, notes "round 6"), precision first: when a figure could
// be a goal, a rule, a material's property or a table cell, the extractor states nothing. Every sentence here is
// written for this test (made-up companies and figures), in other words than the fixture articles.
import { findDates } from "../../../src/core/corpus/extract/dates";
import { findQuantities, writtenNumbers } from "../../../src/core/corpus/extract/numbers";
import { findOrganizations, getRegistry } from "../../../src/core/corpus/entities";
import { extract, ofKind } from "./helpers";

const pub = { published: "2025-09-30" };
const figures = (drafts: ReturnType<typeof extract>) => drafts.map((d) => [d.value, d.value_max, d.unit, d.per, d.qualifier]);

describe("capacity: goals and rules are not a plant's capacity", () => {
  it("'plans', 'aims', 'expects to reach' and a 'by <year>' deadline state a goal: a capacity marked planned, never an operating one", () => {
    // Since schema 2 (issue 10) a company's goal is a record of the capacity pipeline, status "planned".
    const status = (text: string) => ofKind(extract([[text]], pub), "capacity").map((c) => [c.value, c.status]);
    expect(status("Ostergaard Metals plans annual output capacity of 40,000-60,000 tonnes of magnesium alloy.")).toEqual([[40000, "planned"]]);
    expect(status("Ostergaard Metals expects to reach 80,000 t/a at Aalborg.")).toEqual([[80000, "planned"]]);
    expect(status("Ostergaard Metals will raise its Aalborg smelter to 25,000 tpa by 2029.")).toEqual([[25000, "planned"]]);
    // A region's or a government's target is a policy's figure, not a plant's.
    expect(status("The province aims to raise magnesium alloy capacity to 400,000 tonnes by 2029.")).toEqual([]);
  });

  it("'shall' and 'must' write a requirement: no capacity, however it is phrased", () => {
    expect(ofKind(extract([["New remelting lines must have an annual capacity of at least 20,000 tonnes of alloy."]], pub), "capacity")).toEqual([]);
    expect(ofKind(extract([["Each 1 tonne of new smelting capacity shall be matched by retiring 1.5 tonnes of old capacity."]], pub), "capacity")).toEqual([]);
  });

  it("keeps a plant's stated capacity, including a plan's backing of named capacities and an approved expansion", () => {
    const expansion = ofKind(extract([["Ostergaard Metals said its board approved an expansion that will lift the Aalborg smelter's capacity from 8,000 tonnes per annum to 14,000 tpa."]], pub), "capacity");
    expect(figures(expansion)).toEqual([
      [8000, null, "t", "year", ""],
      [14000, null, "t", "year", ""],
    ]);
    // The figure after "from" runs today; the one the expansion "will lift" it to is planned.
    expect(expansion.map((c) => c.status)).toEqual(["", "planned"]);
  });

  it("'Mt' is a megatonne (million tonnes), written values and all; 'mt' stays the metric ton", () => {
    expect(findQuantities("an annual capacity of 2.4 Mt of dolomite").map((q) => [q.value, q.unit])).toEqual([[2.4e6, "t"]]);
    expect(findQuantities("a capacity of 2.4 mt of dolomite").map((q) => [q.value, q.unit])).toEqual([[2.4, "t"]]);
    expect(writtenNumbers("an annual capacity of 2.4 Mt")).toContain(2.4e6);
    const drafts = ofKind(extract([["Hollis Minerals Co., Ltd. has an annual production capacity of 2.4 Mt of calcined dolomite."]], pub), "capacity");
    expect(figures(drafts)).toEqual([[2.4e6, null, "t", "year", ""]]);
  });
});

describe("weight savings: one product's, said against what it replaces", () => {
  it("a class of things 'up to N% lighter' or lighter than a material is a generic claim, not a saving", () => {
    expect(ofKind(extract([["Magnesium brackets are up to 40% lighter than comparable parts, suppliers say."]], pub), "weight_saving")).toEqual([]);
    expect(ofKind(extract([["Composite doors are 20% lighter than steel doors, and magnesium doors can be up to 35% lighter still."]], pub), "weight_saving")).toEqual([]);
    expect(ofKind(extract([["Thin-wall castings are up to 60% lighter than steel pressings and up to 25% lighter than aluminium pressings."]], pub), "weight_saving")).toEqual([]);
  });

  it("keeps a specific part's saving: 'its ... wheels are 22% lighter than aluminium wheels'", () => {
    const kept = ofKind(extract([["Hollis Wheels said its forged magnesium wheels are 22% lighter than aluminium wheels."]], pub), "weight_saving");
    expect(figures(kept)).toEqual([[22, null, "%", "", ""]]);
  });

  it("'weighs 3.2 kg, 28% less than ...' is a saving in %; '1.4 kg lighter, a reduction of 21%' is one saving in two units", () => {
    const pct = ofKind(extract([["The new seat pan from Hollis Castings weighs 3.2 kg, 28% less than the steel pan."]], pub), "weight_saving");
    expect(figures(pct)).toEqual([[28, null, "%", "", ""]]);
    const two = ofKind(extract([["Hollis Castings said its magnesium door inner is 1.4 kg lighter, a reduction of 21%."]], pub), "weight_saving");
    expect(figures(two)).toEqual([
      [1.4, null, "kg", "", ""],
      [21, null, "%", "", ""],
    ]);
    expect(two.map((d) => d.product)).toEqual(["magnesium door inner", "magnesium door inner"]);
  });
});

describe("events: periods and statistics", () => {
  it("a results table's column header ('H1 2025 H1 2024 Change') dates nothing; 'H1 2025 was busy' still does", () => {
    expect(findDates("Key figures (SEK million) H1 2025 H1 2024 Change")).toEqual([]);
    expect(findDates("Revenue in H1 2025 rose").map((d) => d.text)).toEqual(["H1 2025"]);
    expect(ofKind(extract([["Key figures (SEK million unless stated) H1 2025 H1 2024 Change"]], pub), "event")).toEqual([]);
  });

  it("'today' in a dated dateline is the dateline's day; 'the quarter ended 30 June' ends a period", () => {
    const events = ofKind(extract([["Aarhus, Denmark, 14 August 2025 - Hollis Castings A/S today reported results for the quarter ended 30 June 2025."]], pub), "event");
    expect(events.map((e) => e.date)).toEqual(["2025-08-14"]);
    expect(ofKind(extract([["Hollis Castings A/S reported results for the quarter ended 30 June 2025 in a short statement."]], pub), "event")).toEqual([]);
  });

  it("a production or trade statistic that names no company ('the province produced ...', '% of the national total') is no event", () => {
    expect(ofKind(extract([["In 2024, the province produced about 95,000 tonnes of magnesium alloy, 12% of the national total."]], pub), "event")).toEqual([]);
    expect(ofKind(extract([["In 2024, the country exported 30,000 tonnes of magnesium powder."]], pub), "event")).toEqual([]);
  });
});

describe("policies, standards and money", () => {
  it("'notified the \"... Guidelines\"' issues a policy; '... Conditions' titles are policy documents", () => {
    const notified = ofKind(extract([["The Ministry of Steel notified the \"Scrap Recycling Framework Guidelines\" on 4 March 2025."]], pub), "policy");
    expect(notified.map((p) => [p.date, p.title, p.subject])).toEqual([["2025-03-04", "Scrap Recycling Framework Guidelines", "Ministry of Steel"]]);
    const conditions = ofKind(extract([["On April 2, 2025, the Ministry of Industry and Information Technology issued the \"Magnesium Alloy Industry Access Conditions (2025 Edition).\""]], pub), "policy");
    expect(conditions.map((p) => [p.date, p.title])).toEqual([["2025-04-02", "Magnesium Alloy Industry Access Conditions (2025 Edition)"]]);
  });

  it("Indian 'IS 1234:2023' and 'ISO 9001:2015' style codes are standard codes", () => {
    const std = ofKind(extract([["The Bureau of Indian Standards published IS 7791:2023 for wrought magnesium alloys in May 2023."]], pub), "standard");
    expect(std.map((s) => [s.code, s.date])).toEqual([["IS 7791:2023", "2023-05"]]);
  });

  it("a subsidy 'of up to 3 million yuan per project' is no project's cost", () => {
    expect(ofKind(extract([["Smelters that finish the retrofit before June 30, 2026 may receive a subsidy of up to 3 million yuan per project."]], pub), "project")).toEqual([]);
  });

  it("'A/S' and 'ApS' are legal forms, and a legal form ends a name: the companies are named without them", () => {
    const names = findOrganizations("Hollis Castings A/S and Fenby Tooling ApS signed a supply deal.", getRegistry()).map((m) => m.entity.name);
    expect(names).toEqual(["Hollis Castings", "Fenby Tooling"]);
    expect(findOrganizations("Hollis Castings Ltd and Fenby Tooling Ltd signed a supply deal.", getRegistry()).map((m) => m.entity.name)).toEqual(["Hollis Castings", "Fenby Tooling"]);
  });
});

describe("round 7: a plan in the next clause, won, shareholdings", () => {
  it("a deadline in a later clause ('..., and X plans to double that by 2029') leaves the stated capacity", () => {
    const kept = ofKind(extract([["The 40 billion won line can cast 3,000 tons of magnesium parts a year, and Ilsan Casting plans to double that by 2029."]], pub), "capacity");
    expect(figures(kept)).toEqual([[3000, null, "t", "year", ""]]);
  });

  it("'40 billion won' is KRW money: the line's cost", () => {
    expect(findQuantities("a 40 billion won line").map((q) => [q.value, q.unit])).toEqual([[40e9, "KRW"]]);
    const project = ofKind(extract([["Ilsan Casting Co. opened a 40 billion won foundry in Ulsan."]], pub), "project");
    expect(project.map((p) => [p.value, p.unit])).toEqual([[40e9, "KRW"]]);
  });

  it("'holds a 55% stake in' is a shareholding, not a deal; 'agreed to buy a 55% stake in' is one", () => {
    expect(ofKind(extract([["Ilsan Holdings holds a 55% stake in Ilsan Casting Co. and employs 4,000 people."]], pub), "deal")).toEqual([]);
    const bought = ofKind(extract([["Ilsan Holdings agreed to buy a 55% stake in Ilsan Casting Co. for 90 billion won."]], pub), "deal");
    expect(bought.map((d) => [d.value, d.unit])).toEqual([[55, "%"]]);
  });
});

describe("round 7: names next to a dateline and ministries with a list of portfolios", () => {
  const names = (s: string) => findOrganizations(s, getRegistry()).map((m) => m.entity.name);
  it("'(Outlet) — Company Co.' starts the name after the dash; '(Maanshan) Co.' stays inside one", () => {
    expect(names("BUSAN, Oct. 2 (Metal Line) — Ilsan Casting Co. opened a foundry.")).toEqual(["Ilsan Casting"]);
  });

  it("'Ministry of Economy, Trade and Industry' is one body; ', Baowu and Chalco' never joins a ministry's name", () => {
    expect(names("The Ministry of Economy, Trade and Industry announced new rules.")).toEqual(["Ministry of Economy, Trade and Industry"]);
    expect(names("The Ministry of Mines, Ilsan Casting Co. and Fenby Tooling Ltd met on Monday.")).toEqual(["Ministry of Mines", "Ilsan Casting", "Fenby Tooling"]);
  });
});

describe("round 8: what a class of parts can weigh, and adopted decisions", () => {
  it("'Magnesium housings can weigh up to 30% less than aluminium housings' is a generic claim", () => {
    expect(ofKind(extract([["Magnesium housings can weigh up to 30% less than aluminium housings, the supplier added."]], pub), "weight_saving")).toEqual([]);
    const kept = ofKind(extract([["Ilsan Casting Co. said its magnesium housing weighs 30% less than the aluminium housing."]], pub), "weight_saving");
    expect(figures(kept)).toEqual([[30, null, "%", "", ""]]);
  });

  it("a decision 'adopted' on a date was issued then; 'implemented' on a date takes effect then", () => {
    const adopted = ofKind(extract([["On 3 June, the European Commission adopted the \"Magnesium Supply Resilience Action Plan\", covering five member states."]], pub), "policy");
    expect(adopted.map((p) => [p.date, p.date_effective])).toEqual([["2025-06-03", ""]]);
    const implemented = ofKind(extract([["On 3 June, the European Commission implemented the \"Magnesium Supply Resilience Action Plan\"."]], pub), "policy");
    expect(implemented.map((p) => [p.date, p.date_effective])).toEqual([["", "2025-06-03"]]);
  });
});

describe("round 9: short tons, budgets, 'slated to', 'typically lighter'", () => {
  it("a short ton is kept as its own unit, never taken for a tonne", () => {
    expect(findQuantities("8,000 short tons a year").map((q) => [q.value, q.unit])).toEqual([[8000, "short ton"]]);
    const cap = ofKind(extract([["The Nevada plant will have a nameplate capacity of 8,000 short tons of magnesium a year."]], pub), "capacity");
    expect(figures(cap)).toEqual([[8000, null, "short ton", "year", ""]]);
  });

  it("'budgeted at US$90 million' is a project's cost", () => {
    const project = ofKind(extract([["The Nevada plant, budgeted at US$90 million, will be built by Sierra Light Metals Inc."]], pub), "project");
    expect(project.map((p) => [p.value, p.unit])).toEqual([[90e6, "USD"]]);
  });

  it("'is slated to begin in mid-2026' is a plan, not an event", () => {
    expect(ofKind(extract([["Sierra Light Metals Inc. said construction is slated to begin in mid-2026."]], pub), "event")).toEqual([]);
  });

  it("'Magnesium brackets are typically 30% lighter than steel brackets' is a generic claim", () => {
    expect(ofKind(extract([["Magnesium brackets are typically 30% lighter than steel brackets."]], pub), "weight_saving")).toEqual([]);
  });
});

describe("round 9: initialisms in names", () => {
  it("'the U.S. Department of Energy' keeps its initialism", () => {
    expect(findOrganizations("On May 2, the U.S. Department of Energy issued new rules.", getRegistry()).map((m) => m.entity.name)).toEqual(["U.S. Department of Energy"]);
  });
});

describe("round 10: a later effective date's year, JIS codes, reported statistics", () => {
  it("'On Nov. 7, X released the \"...\", which take effect on Jan. 1, 2026' does not put Nov. 7 in 2026", () => {
    const drafts = ofKind(extract([["On Nov. 7, the Ministry of Mines released the \"Magnesium Scrap Handling Guidelines\", which take effect on Jan. 1, 2026."]], { published: "2025-11-20" }), "policy");
    expect(drafts.map((p) => [p.date, p.date_effective])).toEqual([["2025-11-07", "2026-01-01"]]);
  });

  it("'JIS H 5203:2024' is one standard code", () => {
    const std = ofKind(extract([["JIS H 5203:2024 for magnesium alloy castings was revised and published on Sept. 2."]], pub), "standard");
    expect(std.map((s) => [s.code, s.date])).toEqual([["JIS H 5203:2024", "2025-09-02"]]);
  });

  it("a market aggregate that moved is a statistic even when an association reports it", () => {
    expect(ofKind(extract([["The Kanto Foundry Association said exports of magnesium castings in August fell 4% to 1,020 tons."]], pub), "event")).toEqual([]);
  });
});

describe("round 11: future years in titles and clauses, thresholds, quoted prices", () => {
  it("a yearless day never borrows a year that puts it after publication (a quoted title's or a deadline's)", () => {
    const drafts = ofKind(extract([["On November 20, the Ministry of Mines issued the \"Notice on Magnesium Smelter Inspections in 2026\", requiring audits by the end of 2026."]], { published: "2025-11-28" }), "policy");
    expect(drafts.map((p) => p.date)).toEqual(["2025-11-20"]);
  });

  it("'an annual capacity below 10,000 t' is a threshold, and 'will be required to' a rule: no capacity", () => {
    expect(ofKind(extract([["Smelters with an annual capacity below 15,000 t face closure."]], pub), "capacity")).toEqual([]);
    expect(ofKind(extract([["New plants will be required to have an annual capacity of 30,000 t."]], pub), "capacity")).toEqual([]);
  });

  it("a price quoted on a day is no event, whoever quotes it", () => {
    expect(ofKind(extract([["According to Mysteel, the price of 99.9% magnesium ingot was 16,800 yuan/t on September 3."]], pub), "event")).toEqual([]);
  });
});

describe("round 12: comparisons and a material's properties said at length", () => {
  it("'Annual output of 40,000 t would equal about 4% of world supply' compares, it states no capacity", () => {
    expect(ofKind(extract([["Annual output of 40,000 t would equal about 4% of world supply."]], pub), "capacity")).toEqual([]);
  });

  it("'Magnesium is the lightest structural metal and is 33% lighter than aluminium' is the metal's property", () => {
    expect(ofKind(extract([["Magnesium is the lightest structural metal in use and is 33% lighter than aluminium."]], pub), "weight_saving")).toEqual([]);
  });
});

describe("round 13: cost cuts", () => {
  it("'cuts the cost per vehicle by about 120 yuan' is a saving, not a project's cost", () => {
    expect(ofKind(extract([["The bracket from Ilsan Casting Co. cuts the cost per vehicle by about 120 yuan."]], pub), "project")).toEqual([]);
  });
});

describe("round 13: owners of plants and projects", () => {
  const names = (s: string) => findOrganizations(s, getRegistry()).map((m) => m.entity.name);
  it("'In June, Gansu Eastern Magnesium's 60,000 t/a smelter project passed ...' names the owner; a country's does not", () => {
    expect(names("In June, Gansu Eastern Magnesium's 60,000 t/a smelter project passed its safety review.")).toEqual(["Gansu Eastern Magnesium"]);
    expect(names("South Korea's first magnesium sheet plant opened in Gwangyang.")).toEqual([]);
  });
});

describe("round 14: counts a plant can make, purchases, a saving restated in kilograms", () => {
  it("'can cast up to 250,000 seat frames a year' is a capacity in units; '4,000-ton presses' are not", () => {
    const cap = ofKind(extract([["Ilsan Casting Co.'s Ulsan plant, where two 4,000-ton presses run, can cast up to 250,000 seat frames a year."]], pub), "capacity");
    expect(cap.map((c) => [c.value, c.unit, c.per, c.qualifier, c.product])).toEqual([[250000, "units", "year", "up to", "seat frames"]]);
  });

  it("'to buy up to 3,000 metric tons of alloy a year' is a purchase, no capacity", () => {
    expect(ofKind(extract([["Ilsan Casting Co. agreed with a smelter to buy up to 3,000 metric tons of alloy a year."]], pub), "capacity")).toEqual([]);
  });

  it("'is 40% lighter than the steel part, cutting about 1.9 kg per seat' is one saving in two units", () => {
    const ws = ofKind(extract([["Ilsan Casting Co. said its magnesium seat back is 40% lighter than the steel part, cutting about 1.9 kg per seat."]], pub), "weight_saving");
    expect(figures(ws)).toEqual([
      [40, null, "%", "", ""],
      [1.9, null, "kg", "", "about"],
    ]);
  });
});
