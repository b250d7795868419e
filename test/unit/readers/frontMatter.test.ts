// Front-matter text (a YAML-style header between --- lines, then the body) on synthetic inputs written here.
import { isNonArticleName, readInput } from "../../../src/core/corpus/readers";

const enc = (s: string) => new TextEncoder().encode(s);
const read = (text: string, origin = "news/widgetco.md") => readInput({ origin, bytes: enc(text) });

const good = [
  "---",
  'title: "Widgetco \\"doubles\\" its plant"',
  'url: "https://wire.example.com/news/widgetco-doubles?ref=rss"',
  "published: 2031-03-03",
  'outlet: "Example Wire (citing Another Paper)"',
  "tags: [ignored, too]",
  "---",
  "Example Wire",
  "Widgetco said on Monday that its plant in Exampleville doubled its capacity to 20,000 tonnes a year.",
  "A second paragraph follows here with more synthetic text about the plant.",
].join("\n");

describe("front-matter reader", () => {
  it("takes title, url, outlet and published from the header and keeps the body as paragraphs", () => {
    const r = read(good);
    expect(r.problem).toBeUndefined();
    const a = r.articles[0];
    expect(a.title).toBe('Widgetco "doubles" its plant');
    expect(a.url).toBe("https://wire.example.com/news/widgetco-doubles?ref=rss");
    expect(a.source_id).toBe("wire-example-com-news-widgetco-doubles");
    expect(a.outlet).toBe("Example Wire (citing Another Paper)");
    expect(a.published).toBe("2031-03-03");
    expect(a.format).toBe("text");
    expect(a.paragraphs.join("\n")).toContain("doubled its capacity to 20,000 tonnes a year.");
    expect(a.paragraphs.join("\n")).not.toContain("published:");
  });

  it("reads published: unknown as no date, and a date line in the body still dates the page", () => {
    const unknown = good.replace("published: 2031-03-03", "published: unknown");
    expect(read(unknown).articles[0].published).toBe("");
    const withLine = unknown.replace("Example Wire\n", "Mar 4, 2031 10:12\n");
    expect(read(withLine).articles[0].published).toBe("2031-03-04");
  });

  it("reports a bad header in one line naming the problem, and still reads the article", () => {
    const bad = good.replace("published: 2031-03-03", "published: 2031-02-30").replace('outlet: "Example', "outlet Example");
    const r = read(bad);
    expect(r.articles).toHaveLength(1);
    expect(r.articles[0].published).toBe("");
    expect(r.articles[0].title).toBe('Widgetco "doubles" its plant');
    expect(r.problem?.message).toMatch(/line 5 not of the form key: "value"/);
    expect(r.problem?.message).toMatch(/published date that is not a calendar date/);
  });

  it("a header that never closes is reported and the text read as plain text", () => {
    const r = read("---\ntitle: \"x\"\n" + "Widgetco opened a plant in Exampleville on Monday, the company said in a statement.\n");
    expect(r.articles).toHaveLength(1);
    expect(r.problem?.message).toMatch(/never closes/);
    expect(r.articles[0].paragraphs.join(" ")).toContain("Widgetco opened a plant");
  });

  it("sites that name articles by query get one id each", () => {
    const a = read(good.replace(/url: .*/, 'url: "http://bulletin.example.jp/?p=4285"')).articles[0];
    const b = read(good.replace(/url: .*/, 'url: "http://bulletin.example.jp/?p=12821"')).articles[0];
    expect(a.source_id).not.toBe(b.source_id);
  });

  it("a folder's Markdown INDEX is documentation, a saved index.html is an article", () => {
    expect(isNonArticleName("corpus/news/INDEX.md")).toBe(true);
    expect(isNonArticleName("corpus/site/index.html")).toBe(false);
  });
});
