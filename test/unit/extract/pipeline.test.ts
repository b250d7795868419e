// A synthetic article in another outlet's shape (HTML with headings), through the real readers and segmenter:
// the year context crosses paragraphs the way the text says it should, and sections scope who "it" is.
import { readInput } from "../../../src/core/corpus/readers";
import { segmentArticle } from "../../../src/core/corpus/segment";
import { extractDrafts } from "../../../src/core/corpus/extract";

function run(html: string) {
  const r = readInput({ origin: "synthetic/article.html", bytes: new TextEncoder().encode(html) });
  expect(r.problem).toBeUndefined();
  const [a] = r.articles;
  return extractDrafts(a, segmentArticle(a));
}

const page = (title: string, body: string) =>
  `<!doctype html><html><head><title>${title}</title><meta property="article:published_time" content="2024-06-30T08:00:00Z"></head><body><article><h1>${title}</h1>${body}</article></body></html>`;

describe("extraction through the readers (HTML)", () => {
  it("a year stated in one paragraph dates the month-only and day-only dates after it in the same section", () => {
    const drafts = run(
      page(
        "Magnesium die casters expand",
        `<h2>Plants</h2><p>In March 2022, Halden Metals Co., Ltd. commissioned its first smelter in Ningxia.</p>
         <p>In May, Halden Metals signed a supply deal with a carmaker.</p>
         <h2>Parts</h2><p>Corvel Drive Co., Ltd. released a magnesium seat frame on June 3.</p><p>It is 24% lighter than the steel frame.</p>`,
      ),
    );
    const events = drafts.filter((d) => d.kind === "event");
    expect(events.map((e) => [e.date, e.subject])).toEqual([
      ["2022-03", "Halden Metals"],
      ["2022-05", "Halden Metals"],
      ["2024-06-03", "Corvel Drive"], // no year in its section: the publication year (June 3 is not after June 30)
    ]);
    // "It is 24% lighter" sits in the paragraph after the one naming Corvel Drive and its frame: evidence cannot
    // show them (a span never crosses paragraphs), so neither is carried, and "It" alone is no record.
    expect(drafts.filter((d) => d.kind === "weight_saving")).toEqual([]);
  });

  it("a reference back in the same paragraph carries the name, and the evidence shows where it came from", () => {
    const first = "Corvel Drive Co., Ltd. released a magnesium seat frame on June 3.";
    const second = "It is 24% lighter than the steel frame.";
    const drafts = run(page("Magnesium die casters expand", `<h2>Parts</h2><p>${first} ${second}</p>`));
    const [w] = drafts.filter((d) => d.kind === "weight_saving");
    expect(w).toMatchObject({ value: 24, unit: "%", subject: "Corvel Drive", product: "magnesium seat frame", evidence: `${first} ${second}` });
  });
});
