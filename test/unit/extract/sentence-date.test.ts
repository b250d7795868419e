// Every record of a sentence takes the happening date the sentence states (issue 13), on sentences written for
// these tests (invented companies and figures).
import { extract, ofKind } from "./helpers";

const published = "2025-03-01";

describe("a sentence's happening date dates all its records", () => {
  it("the weight saving of a sentence that begins 'On December 20' has that date", () => {
    const drafts = extract([["On December 20, Korvane Robotics Co., Ltd. released a magnesium alloy robot arm that is 12% lighter than its aluminium predecessor."]], { published: "2024-12-30" });
    const saving = ofKind(drafts, "weight_saving");
    expect(saving.map((d) => [d.value, d.unit, d.date])).toEqual([[12, "%", "2024-12-20"]]);
    expect(ofKind(drafts, "event").map((d) => d.date)).toEqual(["2024-12-20"]);
  });

  it("a capacity in the next sentence that refers back to the dated one takes its date; its evidence holds the date", () => {
    const drafts = extract(
      [["On January 18, a new rotary kiln started production at Pellham Magnesium Co., Ltd.", "The kiln, with a length of 90 meters, has an annual capacity of 2,400 tonnes."]],
      { published },
    );
    const cap = ofKind(drafts, "capacity");
    expect(cap.map((d) => [d.value, d.date])).toEqual([[2400, "2025-01-18"]]);
    expect(cap[0].evidence).toContain("On January 18");
  });

  it("an undated sentence lends nothing: its figure stays undated", () => {
    const drafts = extract([["Pellham Magnesium Co., Ltd. operates a smelter with an annual capacity of 30,000 tonnes."]], { published });
    expect(ofKind(drafts, "capacity").map((d) => d.date)).toEqual([""]);
  });

  it("the figure a done change replaced is former, undated; the new figure takes the year", () => {
    const drafts = extract([["Quillon Magnesium Inc. boosted capacity at its Bexley plant in 2019 to 40,000 tonnes per year from 30,000 tonnes previously."]], { published });
    expect(ofKind(drafts, "capacity").map((d) => [d.value, d.status, d.date])).toEqual([
      [40000, "", "2019"],
      [30000, "former", ""],
    ]);
  });

  it("a planned expansion 'from X to Y' keeps X operating: only a done change makes a figure former", () => {
    const drafts = extract([["Quillon Magnesium Inc. plans to expand its Bexley plant from 30,000 tonnes per year to 45,000 tonnes per year by 2028."]], { published });
    expect(ofKind(drafts, "capacity").map((d) => [d.value, d.status])).toEqual([
      [30000, ""],
      [45000, "planned"],
    ]);
  });

  it("a founding year in an apposition or an opening clause dates the founding, not the figure of the sentence", () => {
    const drafts = extract([
      ["Halden Metals AS, founded by Ingrid Solberg in 1998, has an annual capacity of 20,000 tonnes."],
      ["Founded in 2001, Qiantang Metals has a capacity of 30,000 t/y."],
      ["On March 3, 2024, Corvel Drive, founded in 2001, started a 15,000 tpa smelter."],
    ], { published });
    expect(ofKind(drafts, "capacity").map((d) => [d.subject, d.value, d.date])).toEqual([
      ["Halden Metals", 20000, ""],
      ["Qiantang Metals", 30000, ""],
      ["Corvel Drive", 15000, "2024-03-03"],
    ]);
  });
});

