// Hostile WordPress sites for `mg corpus build URL` (issue 15), all on 127.0.0.1: a page count of a
// million, a collection that never ends, pages of 30 MB, JSON nested a million deep, redirect loops and
// downgrades, a site that trickles one byte per idle interval. Nothing is cut silently: what a limit left
// unread is a problem line. Items are invented here. Time and peak memory per case: networkMeasure.ts.
import * as fs from "fs";
import type * as http from "http";
import * as os from "os";
import * as path from "path";
import { run as corpusBuild } from "../../src/cli/commands/corpus/build";
import { readInput } from "../../src/core/corpus/readers";
import { readWordPressCollection, WordPressFetchError } from "../../src/core/corpus/sources/wordpressApi";
import { Route, startServer, TestServer } from "../feed/server";
import { figures } from "./networkMeasure";

const fig = figures("hostile-network-wordpress");
let server: TestServer;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "mg-hostile-wp-"));
const out = path.join(tmp, "dataset.json");
const intervals = new Set<ReturnType<typeof setInterval>>();

const post = (id: number, filler = "") => ({
  id,
  date: "2021-05-03T09:00:00",
  link: `https://news.example.test/2021/05/item-${id}/`,
  title: { rendered: `Testco item ${id}` },
  content: { rendered: `<p>Testco Works ${id} said on May 3, 2021 that its plant in Testland makes ${1000 + id} tonnes of magnesium alloy a year.</p>${filler}` },
});

const pageOf = (req: http.IncomingMessage) => Number(new URL(req.url ?? "/", "http://x").searchParams.get("page") ?? 1);

function route(p: string, r: Route): string {
  server.routes.set(p, r);
  return `${server.url}${p}`;
}

async function cli(args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const o: string[] = [];
  const e: string[] = [];
  const log = jest.spyOn(console, "log").mockImplementation((...a: unknown[]) => void o.push(a.join(" ")));
  const error = jest.spyOn(console, "error").mockImplementation((...a: unknown[]) => void e.push(a.join(" ")));
  try {
    return { code: await corpusBuild(args), out: o, err: e };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

async function wpError(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(WordPressFetchError);
    return (e as Error).message;
  }
  throw new Error("expected a WordPressFetchError");
}

beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  for (const t of intervals) clearInterval(t);
  await server.close();
  fs.rmSync(tmp, { recursive: true, force: true });
  fig.report();
});

describe("what a limit leaves unread is said", () => {
  it("X-WP-TotalPages 1,000,000 (one item a page): 100 pages read, pages 101 to 1,000,000 named as unread, not 'problems: none'", async () => {
    const url = route("/million/wp-json/wp/v2/posts", (req, res) => {
      res.writeHead(200, { "content-type": "application/json", "x-wp-totalpages": "1000000" });
      res.end(JSON.stringify([post(pageOf(req))]));
    });
    const { code, out: lines, err } = await fig.measure("wp: X-WP-TotalPages 1,000,000, mg corpus build (defaults)", () => cli([url, "--out", out]));
    expect(code).toBe(0);
    expect(err).toEqual([
      `problem: ${url} was read only in part: read 100 pages (100 items, the page limit) of the 1,000,000 the site reports: pages 101 to 1,000,000 were left unread (--max-pages raises the limit)`,
    ]);
    expect(lines.at(-1)).toBe("problems: 1");
    expect(JSON.parse(fs.readFileSync(out, "utf8")).sources).toHaveLength(100);
  });

  it("a collection without a page count that never ends: 10,000 items, then a problem line (a smaller --max-pages too)", async () => {
    const url = route("/endless/wp-json/wp/v2/posts", (req, res) => {
      const page = pageOf(req);
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(Array.from({ length: 100 }, (_, i) => ({ id: page * 100 + i, content: { rendered: "<p>x</p>" } }))));
    });
    const read = await fig.measure("wp: endless collection, no total (fetch only, 100 pages of 100)", () => readWordPressCollection(url));
    expect(read.items).toHaveLength(10_000);
    expect(read.unread).toBe(
      "read 100 pages (10,000 items, the page limit) without reaching the end of the collection (the site gives no page count and page 100 held 100 items): any later pages were left unread",
    );
    const { err } = await cli([url, "--out", out, "--max-pages", "2"]);
    expect(err).toContain(
      `problem: ${url} was read only in part: read 2 pages (200 items, the page limit) without reaching the end of the collection (the site gives no page count and page 2 held 100 items): any later pages were left unread (--max-pages raises the limit)`,
    );
    expect((await cli([url, "--out", out, "--max-pages", "0"])).err[0]).toMatch(/^mg corpus build: --max-pages expects a whole number from 1 to 1000000, not "0"/);
  });
});

describe("pages too large or too deep", () => {
  it("a 30 MB page is refused at the 8 MB page limit while it streams; declared by Content-Length, before any byte is read", async () => {
    const chunk = Buffer.alloc(256 * 1024, 0x20);
    const streamed = route("/huge/wp-json/wp/v2/posts", (req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      let sent = 0;
      const more = () => {
        while (sent < 30 * 1024 * 1024 && !res.destroyed) {
          sent += chunk.byteLength;
          if (!res.write(sent === chunk.byteLength ? Buffer.concat([Buffer.from("["), chunk.subarray(1)]) : chunk)) return void res.once("drain", more);
        }
        res.end("]");
      };
      req.on("close", () => res.destroy());
      more();
    });
    const msg = await fig.measure("wp: 30 MB page streamed (refused at 8 MB)", () => wpError(readWordPressCollection(streamed)));
    expect(msg).toBe(`The page ${streamed}?page=1&per_page=100 is larger than 8 MB (the page limit), so it was not read.`);
    const declared = route("/declared/wp-json/wp/v2/posts", (_req, res) => void res.writeHead(200, { "content-length": String(30 * 1024 * 1024) }).end());
    expect(await wpError(readWordPressCollection(declared))).toMatch(/is larger than 8 MB \(the page limit\), so it was not read\.$/);
    const { err } = await cli([streamed, "--out", out, "--max-page-bytes", "1m"]);
    expect(err[0]).toBe(`problem: ${streamed} could not be read: The page ${streamed}?page=1&per_page=100 is larger than 1 MB (the page limit), so it was not read.`);
  });

  it("a page just under the limit (100 items of ~78 KB, 7.6 MB) is read; its time and memory are recorded", async () => {
    const filler = `<p>${"Testco filler sentence for the size test. ".repeat(1900)}</p>`;
    const body = JSON.stringify(Array.from({ length: 100 }, (_, i) => post(i + 1, filler)));
    expect(body.length).toBeLessThan(8 * 1024 * 1024);
    const url = route("/big/wp-json/wp/v2/posts", (_req, res) => void res.writeHead(200, { "content-type": "application/json", "x-wp-totalpages": "1" }).end(body));
    const read = await fig.measure(`wp: one page of ${(body.length / 1048576).toFixed(1)} MB read (fetch only)`, () => readWordPressCollection(url));
    expect(read.items).toHaveLength(100);
    expect(read.unread).toBeUndefined();
  });

  it("JSON nested a million deep, or an item with a deep field, is refused by depth with a sentence (no stack overflow)", async () => {
    const n = 1_000_000;
    const deep = route("/deep/wp-json/wp/v2/posts", (_req, res) => void res.writeHead(200).end("[".repeat(n) + "]".repeat(n)));
    const msg = await fig.measure("wp: page nested 1,000,000 deep", () => wpError(readWordPressCollection(deep)));
    expect(msg).toBe(`The answer from ${deep}?page=1&per_page=100 nests arrays or objects more than 64 levels deep, which no WordPress item does, so it was not read.`);
    const field = route("/deepfield/wp-json/wp/v2/posts", (_req, res) =>
      void res.writeHead(200).end(JSON.stringify([post(1)]).replace(/]$/, "") + `,{"id":2,"meta":${"[".repeat(5000)}${"]".repeat(5000)}}]`),
    );
    expect(await wpError(readWordPressCollection(field))).toMatch(/nests arrays or objects more than 64 levels deep/);
    // brackets inside strings are text, not depth
    const text = route("/brackets/wp-json/wp/v2/posts", (_req, res) =>
      void res.writeHead(200, { "x-wp-totalpages": "1" }).end(JSON.stringify([{ ...post(1), excerpt: { rendered: "[".repeat(1000) + '\\"{' } }])),
    );
    expect((await readWordPressCollection(text)).items).toHaveLength(1);
    // the same JSON as a local file (mg corpus build deep.json): one problem line, no stack overflow
    const file = readInput({ origin: "deep.json", bytes: new TextEncoder().encode(`[${JSON.stringify(post(1)).replace(/}$/, "")},"x":${"[".repeat(200_000)}${"]".repeat(200_000)}}]`) });
    expect(file.articles).toHaveLength(1);
  });
});

describe("redirects and deadlines", () => {
  it("a redirect loop is called a redirect loop; https -> http is not followed", async () => {
    const a = route("/ra/wp-json/wp/v2/posts", (_req, res) => void res.writeHead(301, { location: "/rb/wp-json/wp/v2/posts?page=1&per_page=100" }).end());
    route("/rb/wp-json/wp/v2/posts", (_req, res) => void res.writeHead(301, { location: "/ra/wp-json/wp/v2/posts?page=1&per_page=100" }).end());
    const msg = await fig.measure("wp: redirect loop", () => wpError(readWordPressCollection(a)));
    expect(msg).toBe(
      `Could not read ${a}?page=1&per_page=100: the server redirects in a loop (${a}?page=1&per_page=100 -> ${server.url}/rb/wp-json/wp/v2/posts?page=1&per_page=100 -> ${a}?page=1&per_page=100).`,
    );
    let asked = 0;
    const target = route("/plain/wp-json/wp/v2/posts", (_req, res) => void (asked++, res.writeHead(200).end("[]")));
    const down = await wpError(
      readWordPressCollection("https://news.example.test/wp-json/wp/v2/posts", {
        fetch: async (u, init) => (u.startsWith("https:") ? new Response(null, { status: 302, headers: { location: target } }) : fetch(u, init)),
      }),
    );
    expect(down).toMatch(/redirects to http:\/\/127\.0\.0\.1:\d+\/plain\/wp-json\/wp\/v2\/posts, which was not followed: a redirect from https:\/\/ to plain http:\/\/ is never followed\.$/);
    expect(asked).toBe(0);
  });

  it("a site trickling one byte per 100 ms meets the total deadline (mg corpus build --timeout 0.3 --deadline 1.5), on page 1 or page 2", async () => {
    const trickle: Route = (req, res) => {
      if (pageOf(req) === 1 && req.url?.startsWith("/trickle2")) {
        res.writeHead(200, { "x-wp-totalpages": "2" });
        return void res.end(JSON.stringify([post(1)]));
      }
      res.writeHead(200, { "content-type": "application/json" });
      res.write("[");
      const t = setInterval(() => res.write(" "), 100);
      intervals.add(t);
      req.on("close", () => (clearInterval(t), intervals.delete(t)));
    };
    const one = route("/trickle/wp-json/wp/v2/posts", trickle);
    const t0 = Date.now();
    const { code, err } = await fig.measure("wp: trickle 1 byte/100 ms, mg corpus build --timeout 0.3 --deadline 1.5", () =>
      cli([one, "--out", out, "--timeout", "0.3", "--deadline", "1.5"]),
    );
    expect(Date.now() - t0).toBeLessThan(3000);
    expect(code).toBe(1);
    expect(err[0]).toBe(
      `problem: ${one} could not be read: The WordPress site did not send the whole collection within the total deadline of 1.5 seconds; stopped at ${one}?page=1&per_page=100.`,
    );
    const two = route("/trickle2/wp-json/wp/v2/posts", trickle);
    expect(await wpError(readWordPressCollection(two, { timeoutMs: 300, deadlineMs: 1000 }))).toMatch(/within the total deadline of 1 second; stopped at .*page=2/);
    expect((await cli([one, "--out", out, "--deadline", "-1"])).err[0]).toMatch(/^mg corpus build: --deadline expects a number of seconds between 0 and 86400, not "-1"/);
  });
});
