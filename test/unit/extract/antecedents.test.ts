// The provenance refiner on names taken from another sentence (synthetic sentences and companies, written for
// this test): the evidence grows to the verbatim span from the antecedent through the record's sentence, within
// one paragraph and section; a name further away is not carried, and a record that cannot stand without its
// subject is dropped.
import { buildContexts } from "../../../src/core/corpus/extract";
import { newFound } from "../../../src/core/corpus/extract/context";
import type { Found } from "../../../src/core/corpus/extract/context";
import { provenance } from "../../../src/core/corpus/extract/refiners/provenance";
import { MAX_SENTENCES_BACK } from "../../../src/core/corpus/extract/refiners/antecedents";
import { segmentArticle } from "../../../src/core/corpus/segment";
import type { Article, RecordDraft, Sentence } from "../../../src/core/corpus/types";
import { article, extract } from "./helpers";

/** Paragraphs as the reader gives them; sentences as the segmenter cuts them. */
function setup(paragraphs: string[], over: Partial<Article> = {}) {
  const a = article({ paragraphs, ...over });
  const sentences = segmentArticle(a);
  const contexts = buildContexts(a, sentences);
  return { a, sentences, contexts };
}

/** A draft of sentence `i` naming what the test says, as a parser would have made it. */
function refine(s: ReturnType<typeof setup>, i: number, fields: Partial<RecordDraft> & Pick<RecordDraft, "kind">): Found[] {
  const found = newFound(s.contexts[i], "test", fields);
  return provenance.refine([found], { article: s.a, sentences: s.sentences, contexts: s.contexts });
}

const at = (sentences: Sentence[], text: string) => sentences.findIndex((x) => x.text.startsWith(text));

describe("names from an antecedent (provenance refiner)", () => {
  const intro = "Qorvane Motors unveiled a magnesium tailgate inner panel on May 3.";
  const saving = "It is 31% lighter than the steel panel.";

  it("a name the sentence writes (an alias, a possessive, with or without legal form) leaves the evidence alone", () => {
    const s = setup(["Baowu Magnesium Industry's tailgate is 31% lighter, Qorvane Motors Co., Ltd. said."]);
    const [r] = refine(s, 0, { kind: "weight_saving", subject: "Baowu Magnesium", organizations: ["Baowu Magnesium", "Qorvane Motors"], product: "tailgate", value: 31, unit: "%" });
    expect(r).toMatchObject({ subject: "Baowu Magnesium", organizations: ["Baowu Magnesium", "Qorvane Motors"], evidence: s.sentences[0].text });
  });

  it("a subject and product from the previous sentence: the evidence is the verbatim span through the sentence", () => {
    const paragraph = `${intro}  ${saving} Meanwhile, sales grew.`; // two spaces: kept as written
    const s = setup([paragraph]);
    const [r] = refine(s, 1, { kind: "weight_saving", subject: "Qorvane Motors", organizations: ["Qorvane Motors"], product: "magnesium tailgate inner panel", title: "magnesium tailgate inner panel", value: 31, unit: "%" });
    expect(r.evidence).toBe(`${intro}  ${saving}`);
    expect(paragraph).toContain(r.evidence);
    expect(r).toMatchObject({ subject: "Qorvane Motors", product: "magnesium tailgate inner panel" });
  });

  it("a number written only in the antecedent is still not the record's: the draft is dropped", () => {
    const s = setup([`Qorvane Motors cut the panel's weight by 31%. ${saving.replace("31%", "much")}`]);
    expect(refine(s, 1, { kind: "weight_saving", subject: "Qorvane Motors", organizations: ["Qorvane Motors"], product: "panel", value: 31, unit: "%" })).toEqual([]);
  });

  it("a name in another paragraph is not carried; the record stays only if it still says what it measures", () => {
    const s = setup([intro, "The inner panel is 31% lighter than the steel one and can be made at 40,000 t a year."], { title: "Tailgates go light" });
    const i = 1;
    const [kept] = refine(s, i, { kind: "weight_saving", subject: "Qorvane Motors", organizations: ["Qorvane Motors"], region: "Ruritania", product: "inner panel", value: 31, unit: "%" });
    expect(kept).toMatchObject({ subject: "", organizations: [], region: "", product: "inner panel", evidence: s.sentences[i].text });
    expect(refine(s, i, { kind: "capacity", subject: "Qorvane Motors", organizations: ["Qorvane Motors"], value: 40000, unit: "t", per: "year" })).toEqual([]);
    expect(refine(s, i, { kind: "policy", subject: "Qorvane Motors", organizations: ["Qorvane Motors"], title: "Panel Plan" })).toEqual([]);
  });

  it("an event that is only 'It ...' without its subject is dropped; one with its own title stays", () => {
    const s = setup([intro, "It went on sale on June 9.", "Series production began on June 20 at the new cell."]);
    expect(refine(s, 1, { kind: "event", subject: "Qorvane Motors", organizations: ["Qorvane Motors"], title: "It went on sale", date: "2031-06-09" })).toEqual([]);
    const [e] = refine(s, 2, { kind: "event", subject: "Qorvane Motors", organizations: ["Qorvane Motors"], title: "Series production began", date: "2031-06-20" });
    expect(e).toMatchObject({ subject: "", organizations: [], evidence: s.sentences[2].text });
  });

  it(`an antecedent more than ${MAX_SENTENCES_BACK} sentences back is too far`, () => {
    const filler = ["The line runs two shifts.", "The press was built locally.", "The die has four cavities."];
    const s = setup([[intro, ...filler, saving].join(" ")]);
    const i = at(s.sentences, "It is 31%");
    expect(refine(s, i, { kind: "weight_saving", subject: "Qorvane Motors", organizations: ["Qorvane Motors"], product: "", value: 31, unit: "%" })).toEqual([]);
    const near = setup([[intro, ...filler.slice(1), saving].join(" ")]);
    const [r] = refine(near, at(near.sentences, "It is 31%"), { kind: "weight_saving", subject: "Qorvane Motors", organizations: ["Qorvane Motors"], product: "", value: 31, unit: "%" });
    expect(r.evidence).toBe([intro, ...filler.slice(1), saving].join(" "));
  });

  it("only the organisation that is not written anywhere near goes; the subject the sentence names stays", () => {
    const s = setup(["Lindqvist Castings Co., Ltd. supplies the press.", `${intro} ${saving}`]);
    const i = at(s.sentences, "It is 31%");
    const [r] = refine(s, i, { kind: "weight_saving", subject: "Qorvane Motors", organizations: ["Qorvane Motors", "Lindqvist Castings"], product: "tailgate", value: 31, unit: "%" });
    expect(r).toMatchObject({ subject: "Qorvane Motors", organizations: ["Qorvane Motors"], evidence: `${intro} ${saving}` });
  });

  it("a name the source's title or outlet states needs no antecedent", () => {
    const s = setup([intro, saving], { title: "Qorvane Motors lightens its tailgate", outlet: "Lindqvist Wire" });
    const [r] = refine(s, 1, { kind: "weight_saving", subject: "Qorvane Motors", organizations: ["Qorvane Motors", "Lindqvist Wire"], product: "tailgate", value: 31, unit: "%" });
    expect(r).toMatchObject({ subject: "Qorvane Motors", organizations: ["Qorvane Motors", "Lindqvist Wire"], evidence: saving });
  });

  it("a section heading run into the paragraph is an antecedent: the evidence starts at the heading", () => {
    const paragraph = `5. Qorvane Motors Lightens Its Tailgate ${saving}`;
    const s = setup([paragraph]);
    expect(s.sentences[0]).toMatchObject({ text: saving, section: "5. Qorvane Motors Lightens Its Tailgate" });
    const [r] = refine(s, 0, { kind: "weight_saving", subject: "Qorvane Motors", organizations: ["Qorvane Motors"], product: "tailgate", value: 31, unit: "%" });
    expect(r.evidence).toBe(paragraph);
  });
});

describe("what refers back", () => {
  it("'On <date>, the <Two Capitalised words> ...' names something new: it inherits nobody", () => {
    const drafts = extract([["Qorvane Motors unveiled a magnesium tailgate on May 3, 2031.", "On May 9, the Harwick Bay ferry carrying the first tailgates docked in Portmere."]]);
    const ferry = drafts.find((d) => d.kind === "event" && d.evidence.includes("Harwick Bay"));
    expect(ferry).toMatchObject({ subject: "", organizations: [], evidence: "On May 9, the Harwick Bay ferry carrying the first tailgates docked in Portmere." });
    // ... while "the tailgate" still refers back, and its evidence shows whose it is.
    const back = extract([["Qorvane Motors unveiled a magnesium tailgate on May 3, 2031.", "On May 9, the tailgate went on sale in Portmere."]]);
    expect(back.find((d) => d.evidence.endsWith("went on sale in Portmere."))).toMatchObject({ subject: "Qorvane Motors", evidence: "Qorvane Motors unveiled a magnesium tailgate on May 3, 2031. On May 9, the tailgate went on sale in Portmere." });
  });
});
