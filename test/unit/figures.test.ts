import { figureSpans } from "../../src/core/model/figures";

describe("figures in evidence", () => {
  const marked = (text: string, values: (number | null)[]) => figureSpans(text, values).map(([a, b]) => text.slice(a, b));
  it("marks the written figures of the value and its high end, with separators and scale words", () => {
    expect(marked("Quotes in Valeria were 16,150-16,250 yuan/mt, flat on 5,000 t traded.", [16150, 16250])).toEqual(["16,150", "16,250"]);
    expect(marked("It will cost 2.5 million dollars.", [2500000, null])).toEqual(["2.5 million"]);
    expect(marked("Down 2.5% from 12.5", [2.5])).toEqual(["2.5"]);
    expect(marked("Nothing here 7", [null])).toEqual([]);
  });
});
