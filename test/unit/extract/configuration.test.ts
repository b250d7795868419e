// Adding a pattern is adding a parser to the configuration: a parser written here (not shipped) runs through
// the same contexts and refiners as the shipped ones.
import { DEFAULT_CONFIGURATION, extractWith } from "../../../src/core/corpus/extract";
import { newFound, type Parser } from "../../../src/core/corpus/extract/context";
import { article, sentences } from "./helpers";

const pricePerTonne: Parser = {
  name: "price",
  parse(ctx) {
    const q = ctx.quantities.find((x) => x.unit === "CNY" && /^\/(?:mt|t)\b/.test(ctx.text.slice(x.end)));
    return q ? [newFound(ctx, "price", { kind: "product", title: "magnesium ingot price", value: q.value, unit: "CNY/t" })] : [];
  },
};

describe("extractor configuration", () => {
  it("runs an added parser with the shared context and the refiners", () => {
    const s = sentences([["Ingot quotes held at 17,400 yuan/mt on March 4.", "For queries, please contact desk@example.com about 18,000 yuan/mt offers."]]);
    const config = { parsers: [...DEFAULT_CONFIGURATION.parsers, pricePerTonne], refiners: DEFAULT_CONFIGURATION.refiners };
    const drafts = extractWith(config, article({ published: "2024-03-05" }), s).filter((d) => d.unit === "CNY/t");
    expect(drafts.map((d) => [d.value, d.evidence])).toEqual([[17400, "Ingot quotes held at 17,400 yuan/mt on March 4."]]); // the contact line is dropped by the boilerplate refiner
  });

  it("the default configuration lists every shipped parser and refiner once", () => {
    const names = DEFAULT_CONFIGURATION.parsers.map((p) => p.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(expect.arrayContaining(["policy", "standard", "capacity", "weight_saving", "event"]));
    expect(DEFAULT_CONFIGURATION.refiners.map((r) => r.name)).toEqual(["boilerplate", "policiesOverEvents", "reportDay", "provenance", "sentenceDate", "dedupe", "priceRepeats"]);
  });
});
