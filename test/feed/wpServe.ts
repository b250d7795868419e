// A WordPress-shaped REST collection of synthetic articles on 127.0.0.1 (written for these tests; the
// organisations, figures and sentences are invented). Run directly to serve it: `npx tsx test/feed/wpServe.ts`.
import * as http from "http";
import type { AddressInfo } from "net";

export const SYNTHETIC_POSTS = [
  {
    id: 101,
    date: "2021-05-06T09:30:00",
    date_gmt: "2021-05-06T01:30:00",
    link: "https://news.example.test/2021/05/testco-magnesium-plant/",
    title: { rendered: "Testco Magnesium starts a new alloy plant in Testland" },
    content: {
      rendered:
        "<p>Testco Magnesium said on May 3, 2021 that its new plant in Testland has an annual production capacity of 20,000 tonnes of magnesium alloy.</p>" +
        "<p>The company expects the plant to supply die-cast parts to carmakers.</p>",
    },
    _links: { self: [{ href: "https://news.example.test/wp-json/wp/v2/posts/101" }] },
  },
  {
    id: 102,
    date: "2021-05-08T10:00:00",
    date_gmt: "2021-05-08T02:00:00",
    link: "https://news.example.test/2021/05/examplecar-seat-frame/",
    title: { rendered: "Examplecar&#8217;s magnesium seat frame" },
    content: {
      rendered:
        "<p>Examplecar said its new magnesium alloy seat frame weighs 25% less than the steel part it replaces.</p>" +
        "<p>The frame was developed with Testco Magnesium.</p>",
    },
    _links: { self: [{ href: "https://news.example.test/wp-json/wp/v2/posts/102" }] },
  },
  {
    id: 103,
    date: "2021-05-09T08:00:00",
    date_gmt: "2021-05-09T00:00:00",
    link: "https://news.example.test/2021/05/testland-policy/",
    title: { rendered: "Testland issues a light-alloy plan" },
    content: {
      rendered: "<p>On May 9, 2021, the Testland Ministry of Industry issued the &#8220;Light Alloy Development Plan (2021-2035)&#8221;.</p>",
    },
    _links: { self: [{ href: "https://news.example.test/wp-json/wp/v2/posts/103" }] },
  },
];

/** Serves SYNTHETIC_POSTS at /wp-json/wp/v2/posts, `perPage` a page, with WordPress's pagination headers. */
export async function serveWordPress(perPage = 2): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const u = new URL(req.url ?? "/", "http://127.0.0.1");
    if (u.pathname !== "/wp-json/wp/v2/posts") return void res.writeHead(404, { "content-type": "application/json" }).end('{"code":"rest_no_route"}');
    const per = Math.min(perPage, Number(u.searchParams.get("per_page") ?? perPage));
    const page = Number(u.searchParams.get("page") ?? 1);
    const pages = Math.ceil(SYNTHETIC_POSTS.length / per);
    if (page > pages) {
      res.writeHead(400, { "content-type": "application/json" });
      return void res.end(JSON.stringify({ code: "rest_post_invalid_page_number", message: "The page number requested is larger than the number of pages available." }));
    }
    res.writeHead(200, { "content-type": "application/json", "x-wp-total": String(SYNTHETIC_POSTS.length), "x-wp-totalpages": String(pages) });
    res.end(JSON.stringify(SYNTHETIC_POSTS.slice((page - 1) * per, page * per)));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/wp-json/wp/v2/posts`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

if (require.main === module) {
  void serveWordPress().then((s) => console.log(s.url));
}
