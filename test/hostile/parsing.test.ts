// Hostile articles (issue 15, "quadratic parsing"): malformed HTML, run-on text, runs of legal forms, thousands
// of names. The work stays bounded by structure (the HTML depth the parser would build is known before parsing,
// and refused past the limit; a sentence and a name have a maximum length), and a 4x bigger hostile input takes
// about 4x the time, measured in this run (a quadratic step would take 16x). Figures: bench/pathological.bench.ts.
import { parseDocument } from "htmlparser2";
import { HOSTILE_PATTERNS, buildHostile } from "../../bench/hostileInputs";
import { readInput, htmlToText } from "../../src/core/corpus/readers";
import { htmlNestingDepth, MAX_HTML_DEPTH } from "../../src/core/corpus/readers/html";
import { MAX_SENTENCE_CHARS } from "../../src/core/corpus/segment/sentences";
import { segmentArticle, splitSentences } from "../../src/core/corpus/segment";
import { containsAny, findOrganizations, getRegistry, MAX_NAME_TOKENS } from "../../src/core/corpus/entities";
import { extractDrafts } from "../../src/core/corpus/extract";
import { evidenceLocator, NOT_IN_ARTICLE } from "../../src/core/corpus/evidence";
import type { Article } from "../../src/core/corpus/types";

const fc = require("fast-check") as typeof import("fast-check");
const bytes = (s: string) => new TextEncoder().encode(s);

/** Depth of the tree htmlparser2 builds (elements only), walked without recursion. */
function builtDepth(html: string): number {
  let max = 0;
  const stack: [{ type: string; children?: unknown[] }, number][] = parseDocument(html).children.map((c) => [c, 1]);
  while (stack.length > 0) {
    const [n, d] = stack.pop()!;
    if (n.type !== "tag" && n.type !== "script" && n.type !== "style") continue;
    max = Math.max(max, d);
    for (const c of n.children ?? []) stack.push([c as { type: string; children?: unknown[] }, d + 1]);
  }
  return max;
}

describe("HTML nested past the limit is refused before it is parsed", () => {
  it("the depth known beforehand is the depth the parser builds, whatever the tag soup", () => {
    const pieces = ["<div>", "</div>", "<span>", "</span>", "<p>", "</p>", "<li>", "<ul>", "</br>", "<b/>", "<svg>", "</svg>", "<path/>", "<td>", "<tr>",
      "<table>", "<script>", "</script>", "<title>", "</title>", "<h1>", "text", "<DIV>", "<option>", "<select>", "<img>", "<math>", "<mi>", "</mi>", "<dd>",
      "<a href='x'>", "</a>", "<a", "<a<>", "<x a=\"/>\">", "<x b=c/>", "<!-- <div> -->", ">"];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 80 }), (soup) => {
        const html = soup.join("");
        expect(htmlNestingDepth(html)).toBe(builtDepth(html));
      }),
      { numRuns: 500, seed: 15 },
    );
  });

  it('"<div></span>" repeated nests a div each time: a page, a WordPress body and a WordPress title are refused', () => {
    const soup = "<div></span>".repeat(MAX_HTML_DEPTH + 500);
    expect(htmlNestingDepth(soup)).toBe(MAX_HTML_DEPTH + 500);
    const page = readInput({ origin: "hostile/page.html", bytes: bytes(`<html><body>${soup}<p>Text.</p></body></html>`) });
    expect(page.articles).toEqual([]);
    expect(page.problem?.message).toMatch(/malformed HTML \(elements nested \d+ deep, over 2000/);
    const item = (title: string, content: string) => bytes(JSON.stringify({ id: 7, link: "https://hostile.example/7", title: { rendered: title }, content: { rendered: content } }));
    expect(readInput({ origin: "hostile/body.json", bytes: item("A title", soup) }).problem?.message).toMatch(/could not be read \(malformed HTML/);
    expect(readInput({ origin: "hostile/title.json", bytes: item(soup, "<p>A body sentence.</p>") }).problem?.message).toMatch(/could not be read \(malformed HTML/);
    expect(() => htmlToText(soup)).toThrow(/nested \d+ deep/);
    // Just under the limit, the page is read.
    expect(htmlToText("<b></span>".repeat(100) + "Fine title")).toBe("Fine title");
  });
});

describe("a sentence and a name have a maximum length", () => {
  it("text that never ends a sentence is cut at clause breaks into verbatim sentences under the limit", () => {
    const p = Array.from({ length: 6000 }, (_, i) => `the plant of Norrin ${i} has ${1000 + i} tonnes and`).join(" ");
    const spans = splitSentences(p);
    expect(spans.length).toBeGreaterThan(p.length / MAX_SENTENCE_CHARS);
    for (const s of spans) expect(s.end - s.start).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
    // Nothing lost but the spaces between the pieces.
    expect(spans.map((s) => p.slice(s.start, s.end)).join("").replace(/\s/g, "")).toBe(p.replace(/\s/g, ""));
    const digits = "1234567890".repeat(10000);
    expect(splitSentences(digits).every((s) => s.end - s.start <= MAX_SENTENCE_CHARS)).toBe(true);
  });

  it('a run of "Co. Ltd. Inc. U.S." gives names of a few words, not names the length of the text', () => {
    const text = "Co. Ltd. Inc. U.S. ".repeat(100).trim();
    const names = findOrganizations(text, getRegistry());
    // The walk's bound, and a legal form after the head.
    expect(names.length).toBeGreaterThan(0);
    for (const m of names) expect(m.text.split(/\s+/).length).toBeLessThanOrEqual(MAX_NAME_TOKENS + 4);
    const article: Article = { source_id: "x", title: "", outlet: "", url: "", published: "", origin: "x", format: "text", paragraphs: ["Co. Ltd. Inc. U.S. ".repeat(3000)] };
    for (const s of segmentArticle(article)) expect(s.text.length).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
  });

  it("which sentences hold a defined name is what a search of each would say", () => {
    const unit = fc.constantFrom("a", "b", "c", "é", "\ud83d", " ");
    fc.assert(
      fc.property(fc.array(fc.string({ unit, maxLength: 30 }), { maxLength: 6 }), fc.array(fc.string({ unit, minLength: 1, maxLength: 5 }), { maxLength: 120 }) /* both paths: a few needles and many */, (texts, needles) => {
        expect(containsAny(texts, needles)).toEqual(texts.map((t) => needles.some((n) => t.includes(n))));
      }),
      { numRuns: 300, seed: 15 },
    );
    // the empty string is in every text, as includes says; 70 distinct needles take the hashed path
    expect(containsAny(["ab", ""], ["", "x"])).toEqual([true, true]);
    const many = Array.from({ length: 70 }, (_, i) => `n${i}`);
    expect(containsAny(["a n69 b", "n7", "nothing"], many)).toEqual([true, true, false]);
  });
});

describe("the verbatim-evidence check", () => {
  it("finds every record's evidence among the sentences' spans: no search of the whole article per record", () => {
    const input = HOSTILE_PATTERNS.find((p) => p.name === "text prose giving records")!.make(32 * 1024);
    const [article] = readInput({ origin: input.origin, bytes: bytes(input.text) }).articles;
    expect(article.paragraphs).toHaveLength(1); // one paragraph: the worst case for a search per record
    const sentences = segmentArticle(article);
    const drafts = extractDrafts(article, sentences);
    expect(drafts.length).toBeGreaterThan(250);
    const locate = evidenceLocator(article, sentences);
    for (const d of drafts) expect(locate(d.evidence)).not.toBe(NOT_IN_ARTICLE);
    expect(locate.searches).toBe(0);
    // Text that is not the article's is still refused, and text inside a sentence still found.
    expect(locate("Text no article of ours contains.")).toBe(NOT_IN_ARTICLE);
    expect(locate("magnesium alloy plant")).toBeLessThan(article.paragraphs[0].length);
    expect(locate.searches).toBe(2);
  });
});

describe("a 4x bigger hostile input takes about 4x the time (not 16x)", () => {
  const SMALL = 8 * 1024;
  const bestOf = (n: number, f: () => number) => Math.min(...Array.from({ length: n }, f));
  it.each(['text "Co. Ltd. Inc. U.S." runs', "text prose in one paragraph, one sentence", "text names sharing a first word", "html stray close tags"])("%s", (name) => {
    const pattern = HOSTILE_PATTERNS.find((p) => p.name === name)!;
    const small = pattern.make(SMALL);
    const large = pattern.make(4 * SMALL);
    buildHostile(small); // warm-up
    // CPU time, not wall-clock: other builds share the machine.
    const t1 = bestOf(2, () => buildHostile(small).cpuMs);
    const t4 = bestOf(2, () => buildHostile(large).cpuMs);
    // Linear is 4x; 6x leaves room for a loaded machine, a quadratic step would be 16x.
    expect(t4).toBeLessThan(6 * t1 + 20);
  });
});
