// Saved pages and WordPress items in the shapes of common sites (test/fixtures/html-probes, invented text):
// the story's records are found, with its title and date, and none come from the page's furniture (menus,
// related stories, tickers, comments, captions, company boilerplate, footers).
import * as fs from "fs";
import * as path from "path";
import { readInput } from "../../../src/core/corpus/readers";
import { segmentArticle } from "../../../src/core/corpus/segment";
import { extractDrafts } from "../../../src/core/corpus/extract";
import type { Article, RecordDraft } from "../../../src/core/corpus/types";

const DIR = path.join(__dirname, "../../fixtures/html-probes");

function read(file: string): { articles: { article: Article; drafts: RecordDraft[] }[]; problem?: string } {
  const r = readInput({ origin: file, bytes: fs.readFileSync(path.join(DIR, file)) });
  return {
    articles: r.articles.map((article) => ({ article, drafts: extractDrafts(article, segmentArticle(article)) })),
    problem: r.problem?.message,
  };
}

interface Probe {
  file: string;
  item?: number;
  title: string;
  published: string;
  /** kind and a piece of the evidence of each record the story states. */
  records: [RecordDraft["kind"], string][];
  /** Text of the page's furniture: in no paragraph, so in no record. */
  absent: string[];
}

const probes: Probe[] = [
  {
    file: "01-wp-news-theme.html",
    title: "Qiantang Metals starts second magnesium line",
    published: "2031-04-08",
    records: [["event", "began production at the second line"], ["capacity", "adds 15,000 tonnes per year"]],
    absent: ["cookies", "$2,480", "Photo: Qiantang", "1,200 plant openings", "Hexton", "$2,600", "Birchmoor", "Dorvale", "15% tariff", "weekly briefing", "Harbour Road"],
  },
  {
    file: "02-drupal-gov-notice.html",
    title: "Notice on export licences for magnesium alloys",
    published: "2031-05-12", // the notice's date, not its "Last updated" line
    records: [["policy", "Notice on Export Licence Management for Magnesium Alloys"]],
    absent: ["Skip to main content", "rare earth", "export tax rebates", "Was this page helpful", "Government Square"],
  },
  {
    file: "03-lawfirm-insight.html",
    title: "Commerce issues preliminary anti-dumping duties on pure magnesium",
    published: "2031-03-03", // the byline date under the headline
    records: [["policy", "issued its preliminary determination"]],
    absent: ["40 anti-dumping investigations", "Section 301", "scope ruling", "general information only", "Subscribe", "Attorney Advertising"],
  },
  {
    file: "04-price-report.html",
    title: "Magnesium prices firm on tight supply",
    published: "2031-06-17",
    // The table of prices in the body is content.
    records: [["price", "RMB 18,450-18,600/t"], ["price", "$2,410-2,440/t"], ["price", "$2,640-2,680/t"]],
    absent: ["Aluminium A00", "Silicon 553", "18,300-18,450", "$2,630/t"],
  },
  {
    file: "05-standards-catalogue.html",
    title: "ISO 99120:2031 - Magnesium and magnesium alloys - Sampling of ingots for analysis",
    published: "",
    records: [],
    absent: ["Customers who bought", "ISO 99121", "Delivery in 3 working days"],
  },
  {
    file: "06-press-release.html",
    title: "Corvel Drive Signs Magnesium Supply Agreement with Qiantang Metals",
    published: "2031-09-22",
    records: [["event", "signed a five-year supply agreement"]],
    // "About <Company>" and forward-looking statements describe the issuer, not the news.
    absent: ["Founded in 1987", "45,000 tonnes per year", "20,000-tonne recycling plant", "Monterrey", "press@"],
  },
  {
    file: "08-comments-as-articles.html",
    title: "Birchmoor Castings opens magnesium die-casting plant",
    published: "2031-05-20",
    records: [["event", "opened a magnesium die-casting plant in Brno"], ["capacity", "6,500 tonnes"]],
    absent: ["Slovakia", "$2,900"],
  },
  {
    file: "09-amp-page.html",
    title: "Selwyn Motors cuts 3.4 kg with magnesium cross-car beam",
    published: "2031-10-14",
    records: [["weight_saving", "saving 3.4 kg"]],
    absent: ["Suppliers", "supplier day in 2029", "Save 20%", "Rivedge", "12,000 t casting plant", "cookies"],
  },
  {
    file: "10-trade-press-widgets.html",
    title: "EU opens anti-dumping probe into magnesium alloy imports",
    published: "2031-11-03",
    records: [["event", "opened an anti-dumping investigation"]],
    absent: ["cookies", "$2,450", "Ravensby", "export tax to 20%", "$2,900/t", "60,000 t", "daily newsletter"],
  },
  {
    file: "11-gov-roles.html",
    title: "Magnesium added to critical minerals list",
    published: "2031-08-01",
    records: [["event", "added magnesium to the national Critical Minerals List"]],
    absent: ["An official website", "Media releases", "Lithium processing", "critical minerals strategy", "GPO Box"],
  },
  {
    file: "12-main-heading-lists.html",
    title: "Ravensby Magnesium raises $120 million for Quebec plant",
    published: "2031-07-09",
    records: [["event", "closed a $120 million financing"], ["capacity", "25,000-tonne-per-year"]],
    absent: ["500 tonnes in 2030", "Hexton", "Qiantang", "$2,480/t", "31 October 2031"],
  },
  {
    file: "13-wp-related.wp.json",
    title: "Hexton Alloys to build magnesium alloy plant in Baotou – AlloyWatch",
    published: "2031-02-11",
    records: [["event", "signed an investment agreement"], ["capacity", "30,000 tonnes per year"]],
    absent: ["10,000-tonne plant", "Dorvale", "Qiantang", "$2,600/t", "appeared first on"],
  },
  {
    file: "14-wp-tweet.wp.json",
    title: "Examplestan raises magnesium export tax",
    published: "2031-06-02",
    records: [["event", "raised the export tax on primary magnesium"]],
    // An embedded post is a third party's words, with its own figures.
    absent: ["$3,100/t", "@mgtrader", "Share this", "Subscribe"],
  },
  {
    file: "15-wp-array.wp.json",
    item: 0,
    title: "Weekly magnesium prices: ingot steady",
    published: "2031-12-01",
    records: [["price", "RMB 19,100-19,300/t"], ["price", "$2,520-2,550/t"], ["price", "$3,050-3,100/t"]],
    absent: ["RMB 21,000/t", "in your inbox"],
  },
  {
    file: "15-wp-array.wp.json",
    item: 1,
    title: "Shaanxi issues energy plan for magnesium smelters",
    published: "2031-12-02",
    records: [["policy", "Energy Efficiency Plan for Magnesium Smelting"]],
    absent: ["no warranty"],
  },
];

describe("saved pages and WordPress items: the story, not the page around it", () => {
  it.each(probes.map((p) => [`${p.file}${p.item !== undefined ? `#${p.item + 1}` : ""}`, p] as const))("%s", (_name, p) => {
    const { articles } = read(p.file);
    const { article, drafts } = articles[p.item ?? 0];
    expect([article.title, article.published]).toEqual([p.title, p.published]);
    for (const [kind, evidence] of p.records) {
      expect(drafts.filter((d) => d.kind === kind).map((d) => d.evidence)).toContainEqual(expect.stringContaining(evidence));
    }
    const text = article.paragraphs.join("\n");
    expect(p.absent.filter((s) => text.includes(s))).toEqual([]);
    // Every record stands on a sentence of the story.
    const bodyEvidence = (d: RecordDraft) => p.records.some(([, e]) => d.evidence.includes(e)) || d.evidence.includes(article.paragraphs[0].slice(0, 30));
    expect(drafts.filter((d) => !bodyEvidence(d)).map((d) => `${d.kind}: ${d.evidence}`)).toEqual([]);
  });

  it("a listing page of teasers is no story: nothing is read from it, and the input says so", () => {
    const { articles, problem } = read("07-listing-teasers.html");
    expect(articles).toEqual([]);
    expect(problem).toMatch(/no article text/);
  });

  it("a story page with teasers of other stories beside it still reads its own story", () => {
    const page = fs.readFileSync(path.join(DIR, "07-listing-teasers.html"), "utf8").replace(
      '<main class="archive">',
      '<main class="archive"><article class="post"><h1>Corvel Drive opens casting plant</h1><p>Corvel Drive opened a 9,000 tonnes per year magnesium die-casting plant in Ohio on 3 April 2031, adding 300 jobs.</p><p>The plant casts transmission housings for three carmakers and will add a second line in 2033, the company said.</p><p>It draws power from a nearby solar farm under a ten-year contract, the company said, and recycles its own scrap on site.</p></article>',
    );
    const r = readInput({ origin: "story.html", bytes: new TextEncoder().encode(page) });
    expect(r.articles[0].paragraphs[0]).toMatch(/^Corvel Drive opened/);
    expect(r.articles[0].paragraphs.join(" ")).not.toMatch(/Hexton|Dorvale/);
  });
});

describe("a plain-text press release: the issuer's boilerplate after the news", () => {
  const release = [
    "Corvel Drive to open casting plant",
    "",
    "DETROIT, March 2, 2031 -- Corvel Drive Inc. said it will open a magnesium die-casting plant in Ohio in May 2031.",
    "",
    "About the deal",
    "",
    "The plant will cast 9,000 tonnes of magnesium parts a year for Selwyn Motors.",
    "",
    "About Corvel Drive",
    "",
    "Founded in 1987, Corvel Drive runs 14 plants with a die-casting capacity of 80,000 tonnes a year.",
    "",
    "Forward-Looking Statements",
    "",
    "This release contains forward-looking statements about a 20,000-tonne recycling plant planned for 2034.",
    "",
    "The post Corvel Drive to open casting plant appeared first on Example Wire.",
  ].join("\n");
  const r = readInput({ origin: "corvel.txt", bytes: new TextEncoder().encode(release) });
  const text = r.articles[0].paragraphs.join("\n");

  it("keeps the story and a section of it headed 'About the ...'", () => {
    expect(text).toContain("will open a magnesium die-casting plant");
    expect(text).toContain("9,000 tonnes of magnesium parts");
  });

  it("drops the 'About <Company>' block, the forward-looking statements and the feed's footer", () => {
    expect(text).not.toMatch(/Founded in 1987|20,000-tonne|appeared first/);
  });
});

describe("class words name furniture, not the story that carries them", () => {
  const html = (body: string) => `<!doctype html><html><head><title>Story</title></head>${body}</html>`;
  const story = "<p>Dorvale Magnesium restarted its 20,000 tonnes per year smelter in Quebec on 4 April 2031.</p>";

  it("a post filed under 'Latest news' or tagged 'share prices' is still read (WordPress names its categories in classes)", () => {
    const a = readInput({ origin: "p.html", bytes: new TextEncoder().encode(html(`<body><article class="post category-latest-news tag-share-prices">${story}</article></body>`)) });
    expect(a.articles[0].paragraphs).toEqual([expect.stringContaining("restarted its 20,000 tonnes")]);
  });

  it("a body whose class tells of a cookie banner or a sidebar layout is still read", () => {
    const a = readInput({
      origin: "p.html",
      bytes: new TextEncoder().encode(html(`<body class="cookie-consent-open"><div class="content-sidebar-wrap"><div class="content">${story}</div><div class="sidebar">Hexton Alloys plans 30,000 t/yr.</div></div></body>`)),
    });
    expect(a.articles[0].paragraphs).toEqual([expect.stringContaining("restarted its 20,000 tonnes")]);
  });

  it("a story wrapped in an element whose class holds a furniture word is read, not lost whole", () => {
    const a = readInput({
      origin: "p.html",
      bytes: new TextEncoder().encode(html(`<body><nav>Home | Markets | Prices</nav><div id="main" class="latest-news-article"><h1>Story</h1>${story}</div><footer>Contact us</footer></body>`)),
    });
    expect(a.articles[0].paragraphs).toEqual([expect.stringContaining("restarted its 20,000 tonnes")]);
  });
});

describe("furniture told by its words when the markup does not say", () => {
  const read = (html: string) => readInput({ origin: "p.html", bytes: new TextEncoder().encode(`<!doctype html><html><body>${html}</body></html>`) }).articles[0].paragraphs;

  it("a cookie notice, and the headlines under a 'Most read' heading, are not the story", () => {
    const p = read(
      "<div><p>We use cookies to give you the best experience.</p></div><div><p>Qiantang Metals raised output at its Yulin smelter by 10% in May 2031.</p></div>" +
        "<div><h3>Most read</h3><p>Hexton Alloys plans 30,000 t/yr plant</p><p>Mg ingot hits $2,900/t</p></div>",
    );
    expect(p).toEqual(["Qiantang Metals raised output at its Yulin smelter by 10% in May 2031."]);
  });

  it("a section of the story headed 'Latest developments' stays", () => {
    const p = read("<p>Qiantang Metals raised output by 10% in May 2031.</p><h2>Latest developments</h2><p>Capacity now stands at 45,000 t/yr</p><p>The company will report in June.</p>");
    expect(p).toContain("Capacity now stands at 45,000 t/yr");
  });
});
