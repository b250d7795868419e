// WordPress REST JSON reader on synthetic items written for this test.
import { readInput } from "../../../src/core/corpus/readers";

const enc = (o: unknown) => new TextEncoder().encode(JSON.stringify(o));
const item = (id: number, extra: Record<string, unknown> = {}) => ({
  id,
  date: "2031-05-01T01:30:00",
  date_gmt: "2031-04-30T17:30:00",
  link: `https://example.net/news/item-${id}/`,
  title: { rendered: "Widgetco&#8217;s &#8220;Big&#8221; Plan &amp; More" },
  content: { rendered: "<p>Widgetco&#8217;s plan was announced on <em>April 30</em>.</p>\n<h3>Next Steps</h3><p>More text follows.</p>" },
  ...extra,
});

describe("WordPress REST reader", () => {
  it("reads one item: entities decoded, local date, link, host as outlet, id from host + item id", () => {
    const r = readInput({ origin: "wp/one.json", bytes: enc(item(42)) });
    expect(r.problem).toBeUndefined();
    const [a] = r.articles;
    expect(a.title).toBe("Widgetco’s “Big” Plan & More");
    expect(a.published).toBe("2031-05-01");
    expect(a.url).toBe("https://example.net/news/item-42/");
    expect(a.outlet).toBe("example.net");
    expect(a.source_id).toBe("example-net-42");
    expect(a.format).toBe("wordpress");
    expect(a.paragraphs).toEqual(["Widgetco’s plan was announced on April 30.", "Next Steps", "More text follows."]);
  });

  it("falls back to date_gmt and uses the site name when the item gives one", () => {
    const r = readInput({ origin: "wp/two.json", bytes: enc(item(7, { date: undefined, yoast_head_json: { og_site_name: "Example Net" } })) });
    expect(r.articles[0].published).toBe("2031-04-30");
    expect(r.articles[0].outlet).toBe("Example Net");
  });

  it("reads an array of items as several articles", () => {
    const r = readInput({ origin: "wp/list.json", bytes: enc([item(1), item(2)]) });
    expect(r.problem).toBeUndefined();
    expect(r.articles.map((a) => a.source_id)).toEqual(["example-net-1", "example-net-2"]);
    expect(r.articles.map((a) => a.origin)).toEqual(["wp/list.json#1", "wp/list.json#2"]);
  });

  it("reports JSON that is not a WordPress item, and keeps the good items of a mixed array", () => {
    const bad = readInput({ origin: "wp/other.json", bytes: enc({ name: "not a post" }) });
    expect(bad.articles).toEqual([]);
    expect(bad.problem?.message).toMatch(/not a WordPress REST item/);
    const mixed = readInput({ origin: "wp/mixed.json", bytes: enc([item(1), { foo: 1 }]) });
    expect(mixed.articles).toHaveLength(1);
    expect(mixed.problem?.message).toMatch(/1 of 2 items .* not WordPress items \(item 2\)/);
  });
});
