// HTML reader on a synthetic page written for this test.
import { htmlToParagraphs, readHtml } from "../../../src/core/corpus/readers";

const page = `<!doctype html>
<html><head>
<title>Widgetco Opens Plant | Example Wire</title>
<meta property="og:title" content="Widgetco Opens Plant &amp; Hires 200">
<meta property="og:site_name" content="Example Wire">
<meta property="article:published_time" content="2031-03-03T09:15:00+08:00">
<link rel="canonical" href="https://www.example.org/news/widgetco-opens-plant">
<style>p { color: red }</style>
<script>var tracking = "Do not read me.";</script>
</head><body>
<header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
<aside class="related-posts"><p>Another story you may like.</p></aside>
<article>
  <h1>Widgetco Opens Plant &amp; Hires 200</h1>
  <p><time datetime="2031-03-03">Mar 3, 2031</time></p>
  <p>Widgetco&#8217;s new plant in Exampleville started production on <b>March 2</b>.<br>It employs 200 people.</p>
  <h2>Capacity</h2>
  <ul><li>Line one makes 5,000 t a year.</li><li>Line two is under construction.</li></ul>
  <p>Read the report <a href="/r">here<span class="sr-only"> (opens in a new tab)</span></a>.</p>
  <div style="display:none">Hidden text.</div>
</article>
<footer><p>Copyright 2031 Example Wire. Contact: desk@example.org</p></footer>
</body></html>`;

describe("HTML reader", () => {
  const a = readHtml(page, "pages/widgetco.html");

  it("takes title, date, url and outlet from the page's metadata", () => {
    expect(a.title).toBe("Widgetco Opens Plant & Hires 200");
    expect(a.published).toBe("2031-03-03");
    expect(a.url).toBe("https://www.example.org/news/widgetco-opens-plant");
    expect(a.outlet).toBe("Example Wire");
    expect(a.source_id).toBe("example-org-news-widgetco-opens-plant");
    expect(a.format).toBe("html");
  });

  it("keeps the article body as paragraphs and drops scripts, navigation, asides, hidden text and the headline", () => {
    expect(a.paragraphs).toEqual([
      "Widgetco’s new plant in Exampleville started production on March 2.",
      "It employs 200 people.",
      "Capacity",
      "Line one makes 5,000 t a year.",
      "Line two is under construction.",
      "Read the report here.",
    ]);
  });

  it("falls back to <time datetime>, <title> and the file name when metadata is missing", () => {
    const b = readHtml(`<html><head><title>Plain Page</title></head><body><main><time datetime="2030-12-31T23:00:00Z">x</time><p>Body text of the plain page goes here.</p></main></body></html>`, "dir/plain page.htm");
    expect(b.title).toBe("Plain Page");
    expect(b.published).toBe("2030-12-31");
    expect(b.url).toBe("");
    expect(b.outlet).toBe("");
    expect(b.source_id).toBe("plain-page");
  });

  it("turns table rows into one paragraph each", () => {
    expect(htmlToParagraphs("<table><tr><th>Plant</th><th>Output</th></tr><tr><td>Alpha</td><td>5,000 t</td></tr></table>")).toEqual([
      "Plant | Output",
      "Alpha | 5,000 t",
    ]);
  });
});

describe("malformed HTML", () => {
  it("reports a page with thousands of unclosed tags instead of parsing it for minutes", () => {
    const { readInput } = require("../../../src/core/corpus/readers") as typeof import("../../../src/core/corpus/readers");
    const html = "<html><body>" + "<div><p>Unclosed block. Another.</p>".repeat(5000);
    const r = readInput({ origin: "bad/deep.html", bytes: new TextEncoder().encode(html) });
    expect(r.articles).toEqual([]);
    expect(r.problem?.message).toMatch(/malformed HTML \(elements nested 5003 deep/);
    const wp = readInput({ origin: "bad/deep.json", bytes: new TextEncoder().encode(JSON.stringify({ id: 1, content: { rendered: html } })) });
    expect(wp.problem?.message).toMatch(/could not be read \(malformed HTML/);
  });
});
