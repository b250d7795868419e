// Phrasings of other outlets (wire services, trade press), in sentences written for the test.
import { extract, ofKind } from "./helpers";

const pub = { published: "2024-11-20" };

describe("capacity phrasings", () => {
  it("'50,000-tonne-per-year plant', 'tpa', 't/a', 'kt/a' carry their period", () => {
    const drafts = extract([
      ["Halden Metals said it would build a 45,000-tonne-per-year magnesium alloy plant."],
      ["The 80,000 tpa smelter uses the Pidgeon process."],
      ["A second line will add 15 kt/a of ingot capacity."],
      ["The kiln makes 900 t/d of calcined dolomite."],
    ], pub);
    expect(ofKind(drafts, "capacity").map((c) => [c.value, c.unit, c.per])).toEqual([
      [45000, "t", "year"],
      [80000, "t", "year"],
      [15, "kt", "year"],
      [900, "t", "day"],
    ]);
  });

  it("one period for a list of products; monthly capacity", () => {
    const drafts = extract([["Halden Metals has an annual production capacity of 90,000 mt of magnesium ingots and 40,000 mt of magnesium alloy.", "Its second plant has a monthly production capacity of 4,000 tonnes of ingots."]], pub);
    expect(ofKind(drafts, "capacity").map((c) => [c.value, c.per, c.product, c.subject])).toEqual([
      [90000, "year", "magnesium ingots", "Halden Metals"],
      [40000, "year", "magnesium alloy", "Halden Metals"],
      [4000, "month", "ingots", "Halden Metals"],
    ]);
  });

  it("'an annual output of N tonnes of X' and 'a capacity of N tonnes a year'", () => {
    const drafts = extract([["Halden Metals' smelter has an annual output of 28,000 tonnes of primary magnesium."], ["Its new plant will have a capacity of 12,000 tonnes a year."]], pub);
    expect(ofKind(drafts, "capacity").map((c) => [c.value, c.per, c.product])).toEqual([
      [28000, "year", "primary magnesium"],
      [12000, "year", ""],
    ]);
  });
});

describe("production statistics are not capacities", () => {
  it("'production reached N tonnes in 2023', 'produced N tonnes of X in 2023', 'exports totaled N tonnes'", () => {
    const drafts = extract([
      ["The country's primary magnesium production reached 790,000 tonnes in 2023, up 2% year on year."],
      ["Halden Metals produced 91,000 tonnes of magnesium alloy in 2023."],
      ["Exports totaled 410,000 tonnes last year."],
    ], pub);
    expect(ofKind(drafts, "capacity")).toEqual([]);
  });

  it("a smelter's tonnage with its operator named by an action verb is a capacity", () => {
    const [c] = ofKind(extract([["Halden Metals operates a 30,000 t primary magnesium smelter in Ningxia."]], pub), "capacity");
    expect(c).toMatchObject({ value: 30000, unit: "t", per: "", product: "primary magnesium", subject: "Halden Metals" });
  });
});

describe("weight saving phrasings", () => {
  it("'saves N kg', 'weighs N% less', 'a N% weight reduction ... for X', 'cuts the X's weight by N%'", () => {
    const drafts = extract([
      ["The magnesium seat frame saves 3.5 kg per car."],
      ["The tailgate inner weighs 38% less than the steel version."],
      ["A 22% weight reduction was achieved for the cross-car beam."],
      ["Using magnesium cuts the bracket's weight by 41% compared with steel."],
    ], pub);
    expect(ofKind(drafts, "weight_saving").map((w) => [w.value, w.unit, w.product])).toEqual([
      [3.5, "kg", "magnesium seat frame"],
      [38, "%", "tailgate inner"],
      [22, "%", "cross-car beam"],
      [41, "%", "bracket"],
    ]);
  });

  it("'saves N%' of cost or energy is not a weight saving", () => {
    expect(ofKind(extract([["The process saves 18% of energy and cuts costs by 9%."]], pub), "weight_saving")).toEqual([]);
  });
});

describe("dates in wire copy", () => {
  it("a dateline 'Nov 3' is a date; 'on Tuesday' is not; a plan is not a happening", () => {
    const drafts = extract([
      ["Nov 3 (Reuters) - Halden Metals said on Tuesday it had restarted its smelter."],
      ["The expansion is due to start in 2026, the company said."],
      ["Output is expected to reach full capacity in March."],
    ], pub);
    const events = ofKind(drafts, "event");
    expect(events.map((e) => e.date)).toEqual(["2024-11-03"]);
    expect(events[0].title.startsWith("Halden Metals said")).toBe(true);
  });

  it("'Oct. 8, 2024' and '12 September 2024'", () => {
    const drafts = extract([["The permit was granted on Oct. 8, 2024, after a review."], ["On 12 September 2024, Halden Metals idled its older line."]], pub);
    expect(ofKind(drafts, "event").map((e) => e.date)).toEqual(["2024-10-08", "2024-09-12"]);
  });
});
