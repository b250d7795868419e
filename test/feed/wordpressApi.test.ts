// Reading a WordPress REST collection from a local server (synthetic articles written for this test):
// pagination by X-WP-TotalPages, by an empty page, by WordPress's 400 past the last page; errors.
import { fetchWordPressCollection } from "../../src/core/corpus/sources/wordpressApi";
import { closedPort, startServer, TestServer } from "./server";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

function post(id: number, base: string) {
  return {
    id,
    date: "2031-05-0" + (1 + (id % 8)) + "T09:00:00",
    date_gmt: "2031-05-0" + (1 + (id % 8)) + "T01:00:00",
    link: `https://news.example.test/synthetic-${id}/`,
    title: { rendered: `Synthetic Testco plant news &#8211; item ${id}` },
    content: { rendered: `<p>Testco ${id} Light Alloys said its synthetic plant can make ${1000 + id} tonnes of magnesium a year.</p>` },
    _links: { self: [{ href: `${base}/wp-json/wp/v2/posts/${id}` }] },
  };
}

/** A WordPress-like collection of `total` posts; `end` says how it signals the last page. */
function collection(path: string, total: number, end: "header" | "empty" | "400") {
  const seenPages: number[] = [];
  server.routes.set(path, (req, res) => {
    const u = new URL(req.url!, server.url);
    const page = Number(u.searchParams.get("page") ?? 1);
    const per = Number(u.searchParams.get("per_page") ?? 10);
    seenPages.push(page);
    const pages = Math.ceil(total / per);
    const items = [];
    for (let i = (page - 1) * per; i < Math.min(total, page * per); i++) items.push(post(i + 1, server.url));
    if (page > pages && end === "400") {
      res.writeHead(400, { "content-type": "application/json" });
      res.end(JSON.stringify({ code: "rest_post_invalid_page_number", message: "The page number requested is larger than the number of pages available.", data: { status: 400 } }));
      return;
    }
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (end === "header") headers["x-wp-totalpages"] = String(pages);
    res.writeHead(200, headers);
    res.end(JSON.stringify(items));
  });
  return seenPages;
}

describe("fetchWordPressCollection", () => {
  it.each(["header", "empty", "400"] as const)("follows pagination to the end (last page signalled by %s)", async (end) => {
    const pages = collection(`/${end}/wp-json/wp/v2/posts`, 7, end);
    const items = await fetchWordPressCollection(`${server.url}/${end}/wp-json/wp/v2/posts`, { perPage: 3 });
    expect(items.map((i) => JSON.parse(i.text).id)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(items[0].origin).toBe(`${server.url}/wp-json/wp/v2/posts/1`);
    expect(JSON.parse(items[6].text).content.rendered).toContain("1007 tonnes");
    expect(pages).toEqual(end === "header" ? [1, 2, 3] : [1, 2, 3, 4]);
  });

  it("stops at maxPages", async () => {
    collection("/many/wp-json/wp/v2/posts", 50, "header");
    const items = await fetchWordPressCollection(`${server.url}/many/wp-json/wp/v2/posts`, { perPage: 5, maxPages: 2 });
    expect(items).toHaveLength(10);
  });

  it("reads a single item's URL as that item", async () => {
    server.routes.set("/one/wp-json/wp/v2/posts/9", { body: JSON.stringify(post(9, server.url)) });
    const items = await fetchWordPressCollection(`${server.url}/one/wp-json/wp/v2/posts/9`);
    expect(items).toHaveLength(1);
    expect(JSON.parse(items[0].text).id).toBe(9);
  });

  it("fails with one clear sentence on HTTP errors, HTML, timeouts and refused connections", async () => {
    server.routes.set("/gone/wp-json/wp/v2/posts", {
      status: 404,
      body: JSON.stringify({ code: "rest_no_route", message: "No route was found matching the URL and request method." }),
    });
    await expect(fetchWordPressCollection(`${server.url}/gone/wp-json/wp/v2/posts`)).rejects.toThrow(
      `The WordPress site answered HTTP 404 Not Found for ${server.url}/gone/wp-json/wp/v2/posts?page=1&per_page=100: rest_no_route (No route was found matching the URL and request method).`,
    );
    server.routes.set("/html/posts", { body: "<!doctype html><p>Welcome</p>" });
    await expect(fetchWordPressCollection(`${server.url}/html/posts`)).rejects.toThrow(/is not JSON \(an HTML page: is this a \/wp-json\/ URL\?\)\.$/);
    server.routes.set("/silent/posts", () => undefined);
    await expect(fetchWordPressCollection(`${server.url}/silent/posts`, { timeoutMs: 300 })).rejects.toThrow(/sent nothing for 0\.3 seconds \(the idle timeout\)/);
    const port = await closedPort();
    await expect(fetchWordPressCollection(`http://127.0.0.1:${port}/wp-json/wp/v2/posts`)).rejects.toThrow(/: the connection was refused\.$/);
  });
});
