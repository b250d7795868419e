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
