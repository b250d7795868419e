// Any text, however odd, gives records that trace to it: no throw, evidence verbatim (a sentence, or the span
// from the sentence a name was taken from through the record's sentence), every value and name written in
// the evidence, every date well-formed. (fast-check generates sentences from news-like fragments and noise.)
import fc from "fast-check";
import { MgRecordSchema } from "../../../src/core/model/record";
import { getRegistry } from "../../../src/core/corpus/entities";
import { extract } from "./helpers";

/** Is a name (or a registered alias of it, with or without its legal form) written in the text? */
function nameWritten(name: string, text: string): boolean {
  const entity = getRegistry().lookup(name);
  const lower = text.toLowerCase();
  return [name, ...(entity ? [entity.name, ...entity.aliases] : [])]
    .map((s) => s.replace(/,?\s*(?:Co\.,?\s*Ltd\.?|Ltd\.?|Inc\.?|LLC|Corp\.?|Corporation|Limited)$/, "").replace(/^the\s+/i, "").toLowerCase())
    .some((s) => s !== "" && lower.includes(s));
}

const fragments = [
  "On May 16,", "In November,", "From June 2 to 4,", "At 10:05 on March 3,", "in 2022", "by 2030", "the 12th",
  "Halden Metals Co., Ltd.", "MIIT", "the State Council", "Corvel Drive's", "Lakeside University", "Baotou City, Inner Mongolia Autonomous Region,",
  "released", "issued", "implemented", "signed", "held", "can produce", "with an annual capacity of", "reduces the frame weight by",
  '"Plan for Light Alloys"', '"Several Measures (2025 Edition)"', "GB/T 1234-2022",
  "2,400 mt", "1,000+ tons", "over 50%", "2.5 kg to 7 kg", "up to 17KG", "3,200T", "10,000-mt-class", "12.5%", "100 million yuan",
  "of lime daily", "lighter than steel", "energy consumption by 20%", "shares, accounting for 9%", "—", ",", ";", "(ABC)", "and", "the",
  "It", "This product", "The company",
];

describe("extractor properties", () => {
  it("never throws, never invents: evidence verbatim, values written in it, records valid", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.oneof(fc.constantFrom(...fragments), fc.string({ maxLength: 12 })), { minLength: 1, maxLength: 25 }), { minLength: 1, maxLength: 6 }),
        fc.constantFrom("", "2024-03-01", "2019-12-31"),
        fc.constantFrom("", "Review of 2023", "Market 2022-2023"),
        (sents, published, title) => {
          const texts = sents.map((w) => w.join(" ") + ".");
          const drafts = extract([texts], { published, title });
          const paragraph = texts.join(" ");
          for (const d of drafts) {
            // Its sentence, or a verbatim span of the paragraph from an antecedent through its sentence.
            expect(paragraph).toContain(d.evidence);
            expect(texts.some((t) => d.evidence.endsWith(t))).toBe(true);
            const digits = d.evidence.replace(/,(?=\d{3})/g, "");
            if (d.value !== null && d.unit !== "CNY") expect(digits).toContain(String(d.value));
            if (d.value_max !== null) expect(digits).toContain(String(d.value_max));
            for (const name of [d.subject, ...d.organizations].filter(Boolean)) expect([name, nameWritten(name, d.evidence)]).toEqual([name, true]);
            MgRecordSchema.parse({ ...d, id: "x", source_id: "s", source_title: "", source_outlet: "", source_url: "", source_published: "" });
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
