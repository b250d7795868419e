// The real seed articles through the readers and the segmenter: every piece of metadata must be what the
// file's own text says (checked against the raw text here), and nothing the text does not say.
import * as fs from "fs";
import * as path from "path";
import { readInput } from "../../src/core/corpus/readers";
import { segmentArticle } from "../../src/core/corpus/segment";
import type { Article } from "../../src/core/corpus/types";
import { sharedCorpusDir } from "../support/shared";

const corpus = sharedCorpusDir();

function read(name: string): { raw: string; articles: Article[] } {
  const bytes = fs.readFileSync(path.join(corpus as string, name));
  const r = readInput({ origin: `corpus/${name}`, bytes: new Uint8Array(bytes) });
  expect(r.problem).toBeUndefined();
  return { raw: bytes.toString("utf8"), articles: r.articles };
}

(corpus ? describe : describe.skip)("seed articles", () => {
  it("page text: title, date and outlet are the header's own lines; boilerplate is gone", () => {
    const { raw, articles } = read("smm-magnesium-major-events-2024.txt");
    const [a] = articles;
    const lines = raw.split("\n").map((l) => l.trim());
    expect(lines).toContain(a.title);
    expect(lines[0].replace(/\s+/g, " ").endsWith(`/ ${a.title}`)).toBe(true); // the breadcrumb (nbsp around "/") ends with the title
    expect(raw).toMatch(/Apr 9, 2025 13:58/);
    expect(a.published).toBe("2025-04-09");
    expect(lines).toContain(`Source:${a.outlet}`);
    expect(a.url).toBe(""); // the text gives no URL
    const body = a.paragraphs.join("\n");
    expect(body).not.toMatch(/please contact|please email|Events & Webinars|^All$|Home \/ Metal News/m);
    expect(body.startsWith("1. National and Local Governments")).toBe(true);
  });

  it("bare body text: no title, date, URL or outlet is invented", () => {
    const { articles } = read("smm-seres-magnesium-rear-body.txt");
    const [a] = articles;
    expect([a.title, a.published, a.url, a.outlet]).toEqual(["", "", "", ""]);
    expect(a.source_id).toBe("smm-seres-magnesium-rear-body");
    expect(a.paragraphs.join("\n")).not.toMatch(/@smm\.cn|please contact/);
    expect(a.paragraphs).toHaveLength(6);
  });

  it("WordPress item: title entities decoded, date, link and host are the item's own", () => {
    const { raw, articles } = read("ree-baogang-mg-al-coated-steel.wp.json");
    const item = JSON.parse(raw);
    const [a] = articles;
    expect(a.title).toBe(item.title.rendered.replace(/&#8217;/g, "’"));
    expect(a.published).toBe(item.date.slice(0, 10));
    expect(a.url).toBe(item.link);
    expect(a.outlet).toBe(new URL(item.link).hostname);
    expect(a.source_id).toBe(`${new URL(item.link).hostname.replace(/\./g, "-")}-${item.id}`);
    const body = a.paragraphs.join("\n");
    expect(body).not.toMatch(/<|&#|&amp;|opens in a new tab/);
    expect(body).toContain("Achieves 1,000+ tons of shipments in just three months.");
  });

  it("every sentence of every seed is verbatim article text, and run-in headings become sections", () => {
    // The seeds are the files at the top of the corpus folder (news/ has its own tests).
    const seeds = fs.readdirSync(corpus as string, { withFileTypes: true }).filter((e) => e.isFile() && !/^README/i.test(e.name));
    for (const name of seeds.map((e) => e.name)) {
      for (const a of read(name).articles) {
        const sentences = segmentArticle(a);
        expect(sentences.length).toBeGreaterThan(5);
        for (const s of sentences) expect(a.paragraphs[s.paragraph]).toContain(s.text);
        for (const s of sentences) expect(s.text).not.toMatch(/^\d+(\.\d+)*\.?\s+\p{Lu}[^.]*\s(On|In|From|At) (January|February|March|April|May|June|July|August|September|October|November|December|\d)/u);
      }
    }
    const smm = read("smm-magnesium-major-events-2024.txt").articles[0];
    const s = segmentArticle(smm).find((x) => x.text.startsWith("On May 16, MIIT released"));
    expect(s?.section).toBe("1.1 National Policies");
  });
});
