// Plain-text reader on synthetic pages written for this test (not real articles).
import { readText } from "../../../src/core/corpus/readers";

const page = [
  "Home / Industry News / Widgetco Opens a Plant in Exampleville",
  "",
  "Widgetco Opens a Plant in Exampleville",
  "",
  "icon Mar 3, 2031 09:15",
  "Source:Example Wire",
  "Widgetco said on Monday that its new plant in Exampleville started production. The plant cost about 5 million dollars.",
  "A second paragraph follows here with more synthetic text about the plant.",
  "",
  "For queries, please contact Jane Roe at jane.roe@example.com",
  "For more information on how to access our reports, please email sales@example.com",
  "Example Events & Webinars",
  "All",
].join("\n");

describe("plain text reader", () => {
  it("takes title, date and outlet from a page header and drops breadcrumb, header junk and boilerplate", () => {
    const a = readText(page, "news/widgetco.txt");
    expect(a.title).toBe("Widgetco Opens a Plant in Exampleville");
    expect(a.published).toBe("2031-03-03");
    expect(a.outlet).toBe("Example Wire");
    expect(a.url).toBe("");
    expect(a.format).toBe("text");
    expect(a.source_id).toBe("widgetco");
    expect(a.paragraphs).toEqual([
      "Widgetco said on Monday that its new plant in Exampleville started production. The plant cost about 5 million dollars.",
      "A second paragraph follows here with more synthetic text about the plant.",
    ]);
  });

  it("leaves title and date empty for bare body text instead of guessing", () => {
    const body = "\n\n\nRecently, Widgetco unveiled a new part. It weighs 3 kg less than before.\nFor queries, please contact someone@example.com";
    const a = readText(body, "bare-body.txt");
    expect(a.title).toBe("");
    expect(a.published).toBe("");
    expect(a.outlet).toBe("");
    expect(a.url).toBe("");
    expect(a.paragraphs).toEqual(["Recently, Widgetco unveiled a new part. It weighs 3 kg less than before."]);
  });

  it("reads a URL the text itself gives and derives the source id and outlet from it", () => {
    const a = readText("Widgetco Grows\nPublished: 2031-02-01\nURL: https://www.example.org/news/123/widgetco-grows\nWidgetco grew its output in January, the company said.", "x.txt");
    expect(a.url).toBe("https://www.example.org/news/123/widgetco-grows");
    expect(a.outlet).toBe("example.org");
    expect(a.published).toBe("2031-02-01");
    expect(a.title).toBe("Widgetco Grows");
    expect(a.source_id).toBe("example-org-news-123-widgetco-grows");
  });

  it("joins hard-wrapped lines but keeps real paragraphs apart", () => {
    const a = readText("Widgetco said the new line will start in May and\nwill double output by the end of the year.\nA new paragraph starts here.", "w.txt");
    expect(a.paragraphs).toEqual([
      "Widgetco said the new line will start in May and will double output by the end of the year.",
      "A new paragraph starts here.",
    ]);
  });

  it("does not take a sentence containing a date for a date line", () => {
    const a = readText("On Mar 3, 2031 Widgetco opened a new plant in Exampleville, the company said.", "d.txt");
    expect(a.published).toBe("");
    expect(a.paragraphs).toHaveLength(1);
  });
});

describe("format detection", () => {
  const { readInput } = require("../../../src/core/corpus/readers") as typeof import("../../../src/core/corpus/readers");
  const read = (origin: string, text: string) => readInput({ origin, bytes: new TextEncoder().encode(text) });

  it("reads a text headline in brackets as text, and broken JSON in a .txt file as invalid JSON", () => {
    const r = read("x.txt", "[Exclusive] Widgetco doubles output\nWidgetco doubled its output in May, it said.");
    expect(r.problem).toBeUndefined();
    expect(r.articles[0].format).toBe("text");
    expect(read("y.txt", '[{"id": 1,').problem?.message).toMatch(/is not valid JSON/);
    expect(read("z.txt", "{ not json").problem?.message).toMatch(/is not valid JSON/);
  });

  it("reads HTML by its extension or its first tag", () => {
    expect(read("page.htm", "Hello <b>world</b>, this is a page.").articles[0].format).toBe("html");
    expect(read("page.txt", "<!DOCTYPE html><html><body><p>Widgetco grew in May.</p></body></html>").articles[0].format).toBe("html");
  });
});
