// Sentence segmentation traps, on sentences written for this test.
import { segmentArticle, splitSentences } from "../../../src/core/corpus/segment";
import type { Article } from "../../../src/core/corpus/types";

const split = (p: string) => splitSentences(p).map((s) => p.slice(s.start, s.end));
const article = (...paragraphs: string[]): Article => ({
  source_id: "t", title: "", outlet: "", url: "", published: "", origin: "t.txt", format: "text", paragraphs,
});

describe("sentence splitting", () => {
  it("does not split company suffixes, dotted acronyms, initials or titles", () => {
    expect(split("Alpha Widget Co., Ltd. signed a deal with the U.S. unit of Beta Corp. and Dr. J. K. Smith attended. No. 3 line started.")).toEqual([
      "Alpha Widget Co., Ltd. signed a deal with the U.S. unit of Beta Corp. and Dr. J. K. Smith attended.",
      "No. 3 line started.",
    ]);
  });

  it("ends a sentence at a company suffix or acronym when a new sentence clearly starts", () => {
    expect(split("Production began at Gamma Metals Co., Ltd. The kiln is 80 meters long. Exports went to the U.S. In May, more followed.")).toEqual([
      "Production began at Gamma Metals Co., Ltd.",
      "The kiln is 80 meters long.",
      "Exports went to the U.S.",
      "In May, more followed.",
    ]);
  });

  it("keeps decimals and percentages inside sentences", () => {
    expect(split("The part is 1.4 meters long and 21.8% lighter. It weighs 3.8 kg.")).toEqual([
      "The part is 1.4 meters long and 21.8% lighter.",
      "It weighs 3.8 kg.",
    ]);
  });

  it("splits sentences run together without a space, but not URLs or e-mail addresses", () => {
    expect(split("Guests watched the moment.4. Delta Grows Fast On May 3, Delta opened a plant.")).toEqual([
      "Guests watched the moment.",
      "4. Delta Grows Fast On May 3, Delta opened a plant.",
    ]);
    expect(split("The list was published.The winners were named. See example.com.Then ask.")).toEqual([
      "The list was published.",
      "The winners were named.",
      "See example.com.Then ask.",
    ]);
  });

  it("splits after closing quotes and question marks, never inside a quoted title's comma", () => {
    expect(split('The agency issued the "Plan for Widgets (2031 Edition)," which covers alloys. It also issued "Rules." Why? Because.')).toEqual([
      'The agency issued the "Plan for Widgets (2031 Edition)," which covers alloys.',
      'It also issued "Rules."',
      "Why?",
      "Because.",
    ]);
  });

  it("ends a sentence after a footnote marker that follows its stop, keeping the marker with it", () => {
    expect(split("The agency opened the review under the Tariff Act (the “Act”).[4] On March 2, 2031, Corvel Drive filed its notice.[5] The agency replied.")).toEqual([
      "The agency opened the review under the Tariff Act (the “Act”).[4]",
      "On March 2, 2031, Corvel Drive filed its notice.[5]",
      "The agency replied.",
    ]);
    // Not a marker: a bracket that is not a footnote number, or one run into the next word.
    expect(split("Output rose.[Chart] Exports fell.")).toEqual(["Output rose.[Chart] Exports fell."]);
  });

  it("keeps a list marker with its sentence", () => {
    expect(split("Two things happened. 1. Alpha rose. II. Beta fell.")).toEqual(["Two things happened.", "1. Alpha rose.", "II. Beta fell."]);
  });
});

describe("segmentArticle", () => {
  it("splits numbered headings run into the body off into the section", () => {
    const p =
      "1. Widget Makers Expand Across the Region In 2031, widget makers grew. 1.1 National Rules On May 16, the agency released a plan. " +
      "It took effect at once. 2.3 2031 Widget Fair Held in Exampleville From October 15 to 17, the fair was held. " +
      "V. Key Products Reach New Markets Key products were shipped abroad. 3. The Second Batch of Trailers Entered Service The second batch entered service.";
    const s = segmentArticle(article(p));
    expect(s.map((x) => [x.section, x.text])).toEqual([
      ["1. Widget Makers Expand Across the Region", "In 2031, widget makers grew."],
      ["1.1 National Rules", "On May 16, the agency released a plan."],
      ["1.1 National Rules", "It took effect at once."],
      ["2.3 2031 Widget Fair Held in Exampleville", "From October 15 to 17, the fair was held."],
      ["V. Key Products Reach New Markets", "Key products were shipped abroad."],
      ["3. The Second Batch of Trailers Entered Service", "The second batch entered service."],
    ]);
  });

  it("keeps the text whole when the end of a heading cannot be told", () => {
    const p = "4. Widget Makers Raise Investment Across the Region Alpha Metals' several projects advanced.";
    const s = segmentArticle(article("Intro sentence here.", p));
    expect(s[1].text).toBe(p);
    expect(s[1].section).toBeUndefined();
  });

  it("does not take a sentence that starts with a number for a heading", () => {
    const s = segmentArticle(article("1. On May 3, Alpha opened a plant. 2. Over 200 people attended."));
    expect(s.map((x) => x.text)).toEqual(["1. On May 3, Alpha opened a plant.", "2. Over 200 people attended."]);
  });

  it("uses heading paragraphs as the section of what follows and numbers sentences across the article", () => {
    const s = segmentArticle(article("Key Innovations and Strategy", "Alpha cut costs. Beta followed.", "2. Speed to Market", "Gamma shipped in May."));
    expect(s.map((x) => [x.index, x.paragraph, x.section, x.text])).toEqual([
      [0, 1, "Key Innovations and Strategy", "Alpha cut costs."],
      [1, 1, "Key Innovations and Strategy", "Beta followed."],
      [2, 3, "2. Speed to Market", "Gamma shipped in May."],
    ]);
  });

  it("always returns verbatim slices of the paragraphs", () => {
    const paragraphs = [
      "  Alpha Co., Ltd. grew 12.5%.The U.S. unit did too!  3.1 Beta Plans Ahead On June 1, Beta said so.  ",
      "“Quoted.” Then more… and an end",
    ];
    for (const s of segmentArticle(article(...paragraphs))) expect(paragraphs[s.paragraph]).toContain(s.text);
  });
});

describe("segmentation on generated text", () => {
  // Random paragraphs built from the tokens that make segmentation hard; whatever the mix, sentences are
  // verbatim slices of their paragraph and, between them, lose no character but whitespace.
  const fc = require("fast-check") as typeof import("fast-check");
  const tokens = ["Co., Ltd.", "U.S.", "1.4", "21.8%", "No. 3", "1.", "4.3", "V.", "On May 16,", "The", "plant", "moment.4.", "list.The", "“Quoted.”", "Why?", "R&D", "e.g.", "J. K.", "Alpha", "grew", ".", " ", "  ", "In 2024,", "Held in Example"];
  const paragraph = fc.array(fc.constantFrom(...tokens), { maxLength: 30 }).map((t) => t.join(" "));
  const squash = (s: string) => s.replace(/\s+/g, "");

  it("splits a paragraph into verbatim sentences that cover all of it", () => {
    fc.assert(
      fc.property(paragraph, (p) => {
        const spans = splitSentences(p);
        expect(squash(spans.map((s) => p.slice(s.start, s.end)).join(""))).toBe(squash(p));
        spans.forEach((s, i) => i > 0 && expect(s.start).toBeGreaterThanOrEqual(spans[i - 1].end));
      }),
      { numRuns: 300, seed: 42 },
    );
  });

  it("keeps every sentence of an article verbatim", () => {
    fc.assert(
      fc.property(fc.array(paragraph, { minLength: 1, maxLength: 4 }), (paragraphs) => {
        for (const s of segmentArticle(article(...paragraphs))) {
          expect(paragraphs[s.paragraph]).toContain(s.text);
          expect(s.text).toBe(s.text.trim());
          expect(s.text.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});
