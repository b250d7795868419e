// Happenings reported without a date, on sentences written for this test (invented organisations).
import { extract, ofKind } from "./helpers";

const pub = { title: "Light metals wire", published: "2031-05-02" };
const events = (paragraphs: string[][]) => ofKind(extract(paragraphs, pub), "event").map((e) => [e.subject, e.date, e.value, e.unit]);

describe("undated happenings", () => {
  it("a happening a named organisation has done is an event with no date, its shipment a second with its figure", () => {
    expect(events([["Recently, Ridgeway Alloys Co., Ltd. signed a supply agreement with Zeta Light Metals."]])).toEqual([["Ridgeway Alloys", "", null, ""]]);
    expect(events([["Ridgeway Alloys has successfully commercialized its new foil, with over 2,000 tons shipped within two months."]])).toEqual([
      ["Ridgeway Alloys", "", null, ""],
      ["Ridgeway Alloys", "", 2000, "t"],
    ]);
  });

  it("a dated happening stays dated, and is one event", () => {
    expect(events([["On April 3, Ridgeway Alloys started production at its new smelter."]])).toEqual([["Ridgeway Alloys", "2031-04-03", null, ""]]);
  });

  it("a sentence that refers back takes who the sentence before named", () => {
    expect(
      events([
        [
          "In late March, Qiantang Metals Co., Ltd. finished ten magnesium alloy tankers for a regional carrier.",
          "These tankers safely arrived in Linhai on the 9th and were handed over to the carrier.",
        ],
      ]),
    ).toEqual([
      ["Qiantang Metals", "2031-03", null, ""],
      ["Qiantang Metals", "", null, ""],
    ]);
    expect(
      events([["On April 12, the Qiantang Magnesium Association held a forum on light metals in Hangzhou.", "The forum featured a signing ceremony for three cooperation agreements."]]),
    ).toEqual([
      ["Qiantang Magnesium Association", "2031-04-12", null, ""],
      ["Qiantang Magnesium Association", "", null, ""],
    ]);
    // What the sentence before named does not make a plan a happening.
    expect(events([["In late March, Qiantang Metals Co., Ltd. finished ten magnesium alloy tankers.", "These tankers will be handed over to the carrier once they have arrived in Linhai."]])).toEqual([
      ["Qiantang Metals", "2031-03", null, ""],
    ]);
  });

  it("a participle after the clause of who did it continues it with a happening noun; alone it is no happening", () => {
    expect(events([["After rapid iterations, Qiantang Metals Co., Ltd. fixed the coating defects, completing three pilot batches before volume supply."]])).toEqual([
      ["Qiantang Metals", "", null, ""],
    ]);
    expect(
      events([
        ["Completing pilot batches is a key step for any producer such as Qiantang Metals Co., Ltd."],
        ["Qiantang Metals Co., Ltd. will be completing two trial batches at the Linhai plant."],
      ]),
    ).toEqual([]);
  });

  it("plans, modals, negations, figures of speech, amounts made and adjectives are no happening", () => {
    expect(
      events([
        ["Ridgeway Alloys plans to open a new smelter next year."],
        ["Ridgeway Alloys could have started production earlier, analysts said."],
        ["Ridgeway Alloys has not started production at the smelter."],
        ["Ridgeway Alloys has established a benchmark for foil quality."],
        ["Ridgeway Alloys has completed over 2 million parts this year."],
        ["Highly engineered foils from Ridgeway Alloys are in demand."],
        ["This completed the first stage of the work at the site."],
      ]),
    ).toEqual([]);
  });
});
