// Hostile feed servers (issue 15), all on 127.0.0.1: a server that trickles one byte per idle interval
// meets the total deadline; redirects are held to the feed URL rule hop by hop and a loop is called one;
// a correctly hashed feed dated in the future is refused, and data already dated so yields to the next
// genuine feed. Each case's time and peak memory are recorded (networkMeasure.ts).
import type * as http from "http";
import { run as feedCheck } from "../../src/cli/commands/feed/check";
import { DataStore } from "../../src/core/data/store";
import { RefreshController } from "../../src/core/feed/controller";
import { FeedError } from "../../src/core/feed/errors";
import type { FetchLike } from "../../src/core/feed/fetch";
import { checkFeedUrlPolicy, loadFeed } from "../../src/core/feed/load";
import { parseManifest } from "../../src/core/feed/manifest";
import { publishFeed } from "../../src/core/feed/publish";
import { loadFeedWithin, refreshFromFeed } from "../../src/core/feed/refresh";
import { compareVersions } from "../../src/core/feed/version";
import { feedFiles, FeedFiles, manifestOf, replaceFile, text, utf8, withManifest } from "../feed/feeds";
import { rangeRecords, syntheticDataset } from "../feed/fixtures";
import { Route, startServer, TestServer } from "../feed/server";
import { figures } from "./networkMeasure";

const fig = figures("hostile-network-feed");
let server: TestServer;
let good: FeedFiles;
const hits = new Map<string, number>();
const intervals = new Set<ReturnType<typeof setInterval>>();

function serve(prefix: string, files: FeedFiles, overrides: Record<string, Route> = {}): string {
  for (const [name, body] of Object.entries(files)) {
    server.routes.set(`/${prefix}/${name}`, (req, res) => {
      hits.set(prefix, (hits.get(prefix) ?? 0) + 1);
      res.writeHead(200, { "content-length": String(body.byteLength) });
      res.end(Buffer.from(body));
    });
  }
  for (const [name, route] of Object.entries(overrides)) server.routes.set(`/${prefix}/${name}`, route);
  return `${server.url}/${prefix}/`;
}

/** Sends one byte every 100 ms, for ever (until the client goes): never idle for 300 ms, never done. */
const trickle: Route = (req: http.IncomingMessage, res: http.ServerResponse) => {
  res.writeHead(200, { "content-type": "application/octet-stream" });
  const t = setInterval(() => res.write(" "), 100);
  intervals.add(t);
  const stop = () => {
    clearInterval(t);
    intervals.delete(t);
  };
  req.on("close", stop);
  res.on("close", stop);
};

const redirect =
  (location: string): Route =>
  (_req, res) =>
    void res.writeHead(302, { location }).end();

/** A feed whose as_of (and version) is `asOf`, consistently re-hashed: only the date is wrong. */
function datedFeed(asOf: string, generatedAt?: string): FeedFiles {
  const version = `${asOf}.0a1b2c3d`;
  const info = JSON.parse(text(good["dataset-info.json"]));
  const files = replaceFile(good, "dataset-info.json", utf8(JSON.stringify({ ...info, as_of: asOf, version })));
  return withManifest(files, (m) => {
    m.as_of = asOf;
    m.version = version;
    if (generatedAt) m.generated_at = generatedAt;
  });
}

async function feedError(p: Promise<unknown>): Promise<FeedError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(FeedError);
    return e as FeedError;
  }
  throw new Error("expected a FeedError");
}

/** A fetch that answers https://feed.example.test/... with a redirect to `to(path)`, and goes to the network for the rest. */
function httpsRedirecting(to: (path: string) => string): FetchLike {
  return async (url, init) => {
    if (url.startsWith("https://feed.example.test/")) return new Response(null, { status: 302, headers: { location: to(new URL(url).pathname) } });
    return fetch(url, init);
  };
}

beforeAll(async () => {
  server = await startServer();
  good = await feedFiles(syntheticDataset(rangeRecords(1, 6)));
  serve("good", good);
});
afterAll(async () => {
  for (const t of intervals) clearInterval(t);
  await server.close();
  fig.report();
});

describe("total deadline beside the idle timeout", () => {
  it("a manifest trickled one byte per 100 ms stops at the total deadline, saying which and how long", async () => {
    const url = serve("trickle-manifest", {}, { "manifest.json": trickle });
    const t0 = Date.now();
    const e = await fig.measure("feed: manifest trickled 1 byte/100 ms, idle 0.3 s, deadline 1.5 s", () =>
      feedError(loadFeedWithin(url, { timeoutMs: 300, deadlineMs: 1500 })),
    );
    const took = Date.now() - t0;
    expect(e.code).toBe("timeout");
    expect(e.message).toBe(
      `The feed at ${url} was not read and checked within the total deadline of 1.5 seconds (each request may also stall 0.3 seconds at most), so it was stopped and not used.`,
    );
    expect(took).toBeGreaterThanOrEqual(1400);
    expect(took).toBeLessThan(3000);
  });

  it("records.csv trickled after a good manifest: the pane's refresh path stops at its deadline, the data in use unchanged", async () => {
    const url = serve("trickle-records", good, { "records.csv": trickle });
    const bundled = syntheticDataset(rangeRecords(1, 3), { version: "2020-01-01.00000000", as_of: "2020-01-01" });
    const store = new DataStore();
    store.replace(bundled, "bundled");
    const before = store.current();
    const e = await fig.measure("feed: records.csv trickled (refresh, deadline 1.5 s)", () =>
      feedError(refreshFromFeed(url, { timeoutMs: 300, deadlineMs: 1500, current: { ...bundled, dataset: bundled } })),
    );
    expect(e.code).toBe("timeout");
    expect(e.message).toMatch(/within the total deadline of 1\.5 seconds/);
    expect(store.current()).toBe(before);
  });

  it("the idle timeout still says it is the idle one", async () => {
    const url = serve("silent", {}, { "manifest.json": () => undefined });
    const e = await fig.measure("feed: no answer, idle 0.3 s", () => feedError(loadFeedWithin(url, { timeoutMs: 300, deadlineMs: 5000 })));
    expect(e.message).toBe(`The feed sent nothing for 0.3 seconds (the idle timeout) while sending manifest.json (${url}manifest.json).`);
  });

  it("mg feed check --timeout 0.3 --deadline 1.5 ends with exit 1 and the deadline's sentence; bad values are usage errors", async () => {
    const url = serve("trickle-cli", {}, { "manifest.json": trickle });
    const err: string[] = [];
    const log = jest.spyOn(console, "log").mockImplementation(() => undefined);
    const error = jest.spyOn(console, "error").mockImplementation((...a: unknown[]) => void err.push(a.join(" ")));
    try {
      expect(await fig.measure("mg feed check, trickled manifest, --timeout 0.3 --deadline 1.5", () => feedCheck([url, "--timeout", "0.3", "--deadline", "1.5"]))).toBe(1);
      expect(err).toEqual([expect.stringMatching(/^The feed at .* was not read and checked within the total deadline of 1\.5 seconds \(each request may also stall 0\.3 seconds at most\)/)]);
      err.length = 0;
      expect(await feedCheck([url, "--deadline", "soon"])).toBe(2);
      expect(err[0]).toMatch(/^mg feed check: --deadline must be a number of seconds between 0 and 86400, not "soon"\nusage: .*--deadline SECONDS/);
      err.length = 0;
      expect(await feedCheck(["--help"])).toBe(0);
    } finally {
      log.mockRestore();
      error.mockRestore();
    }
  });
});

describe("redirects: every hop held to the URL rule", () => {
  it("https -> http://[::ffff:127.0.0.1] is refused like the URL typed directly, and the server is never asked (the pane's controller)", async () => {
    const port = new URL(server.url).port;
    const target = `http://[::ffff:127.0.0.1]:${port}/good`;
    expect(() => checkFeedUrlPolicy(`${target}/`)).toThrow("The feed URL must start with https:// (plain http:// is allowed only for localhost or 127.0.0.1).");
    const store = new DataStore();
    const bundled = syntheticDataset(rangeRecords(1, 3), { version: "2020-01-01.00000000", as_of: "2020-01-01" });
    store.replace(bundled, "bundled");
    const before = store.current();
    const controller = new RefreshController({ store, loadBundled: async () => bundled, fetch: httpsRedirecting((p) => `${target}${p.replace(/^\/feed/, "")}`) });
    hits.set("good", 0);
    const status = await fig.measure("feed: https -> http://[::ffff:127.0.0.1] redirect (pane)", () => controller.refresh("https://feed.example.test/feed/"));
    expect(status).toEqual({
      state: "error",
      code: "invalid_url",
      message: `manifest.json was not downloaded: https://feed.example.test/feed/manifest.json redirects to http://[::ffff:7f00:1]:${port}/good/manifest.json, which was not followed: a redirect from https:// to plain http:// is never followed.`,
    });
    expect(hits.get("good")).toBe(0);
    expect(store.current()).toBe(before);
  });

  it("http://127.0.0.1 -> http://[::ffff:127.0.0.1], https -> http://127.0.0.1 and -> file: are refused; -> http://localhost is followed", async () => {
    const port = new URL(server.url).port;
    const mapped = serve("to-mapped", {}, { "manifest.json": redirect(`http://[::ffff:127.0.0.1]:${port}/good/manifest.json`) });
    hits.set("good", 0);
    expect((await feedError(loadFeed(mapped))).message).toBe(
      `manifest.json was not downloaded: ${mapped}manifest.json redirects to http://[::ffff:7f00:1]:${port}/good/manifest.json, which was not followed: plain http:// is allowed only for localhost, 127.0.0.1 or [::1], not [::ffff:7f00:1]:${port}.`,
    );
    expect(hits.get("good")).toBe(0);
    const down = await feedError(loadFeed("https://feed.example.test/feed/", { fetch: httpsRedirecting(() => `${server.url}/good/manifest.json`) }));
    expect(down.message).toMatch(/redirects to http:\/\/127\.0\.0\.1:\d+\/good\/manifest\.json, which was not followed: a redirect from https:\/\/ to plain http:\/\/ is never followed\.$/);
    const file = serve("to-file", {}, { "manifest.json": redirect("file:///etc/passwd") });
    expect((await feedError(loadFeed(file))).message).toMatch(/redirects to file:\/\/\/etc\/passwd, which was not followed: a redirect to a file: URL is never followed\.$/);

    const moved = serve("moved", {}, Object.fromEntries(Object.keys(good).map((n) => [n, redirect(`http://localhost:${port}/good/${n}`)])));
    const loaded = await fig.measure("feed: every file redirected once to http://localhost (followed)", () => loadFeed(moved));
    expect(loaded.dataset.records).toHaveLength(5);
  });

  it("a redirect loop is called a redirect loop, and an endless chain stops after 5 hops", async () => {
    const a = serve("loop-a", {}, { "manifest.json": redirect(`${server.url}/loop-b/manifest.json`) });
    serve("loop-b", {}, { "manifest.json": redirect(`${server.url}/loop-a/manifest.json`) });
    const loop = await fig.measure("feed: redirect loop a -> b -> a", () => feedError(loadFeed(a)));
    expect(loop.message).toBe(
      `Could not get manifest.json: the server redirects in a loop (${a}manifest.json -> ${server.url}/loop-b/manifest.json -> ${a}manifest.json).`,
    );
    let asked = 0;
    server.routes.set("/chain/manifest.json", (req, res) => {
      asked++;
      res.writeHead(302, { location: `/chain/manifest.json?n=${Number(new URL(req.url ?? "", server.url).searchParams.get("n") ?? 0) + 1}` }).end();
    });
    const chain = await fig.measure("feed: endless redirect chain", () => feedError(loadFeed(`${server.url}/chain/`)));
    expect(chain.message).toBe(`Could not get manifest.json: the server redirects more than 5 times (from ${server.url}/chain/manifest.json), so it was stopped as a redirect loop.`);
    expect(asked).toBe(6);
  });
});

describe("a feed dated in the future", () => {
  it("as_of 9999-12-31, correctly hashed, is refused with the date and today's; the publisher refuses it too", async () => {
    const url = serve("future", datedFeed("9999-12-31"));
    const e = await fig.measure("feed: as_of 9999-12-31 (hashes right)", () => feedError(loadFeed(url)));
    const today = new Date().toISOString().slice(0, 10);
    expect(e.code).toBe("manifest");
    expect(e.message).toBe(
      `The feed's manifest.json is dated as of 9999-12-31, more than 2 days after today (${today}), so it was not used: a feed from the future would make every genuine feed look older.`,
    );
    await expect(publishFeed(syntheticDataset(rangeRecords(1, 3), { as_of: "9999-12-31", version: "9999-12-31.00000000" }))).rejects.toThrow(/dated as of 9999-12-31, more than 2 days after today/);
  });

  it("the margin is 2 days on an injected clock; generated_at is held to it too", async () => {
    const now = Date.parse("2021-06-10T12:00:00Z");
    const m = (asOf: string, gen = "2021-06-01T00:00:00Z") => text(withManifest(good, (x) => ((x.as_of = asOf), (x.generated_at = gen)))["manifest.json"]);
    expect(parseManifest(m("2021-06-12"), { now }).as_of).toBe("2021-06-12");
    expect(() => parseManifest(m("2021-06-13"), { now })).toThrow("The feed's manifest.json is dated as of 2021-06-13, more than 2 days after today (2021-06-10)");
    expect(() => parseManifest(m("2021-07"), { now })).toThrow(/dated as of 2021-07, more than 2 days/);
    expect(parseManifest(m("2021-06"), { now }).as_of).toBe("2021-06");
    expect(() => parseManifest(m("2021-06-10", "2021-06-13T00:00:00Z"), { now })).toThrow(
      "The feed's manifest.json says it was published at 2021-06-13T00:00:00Z, more than 2 days after now (2021-06-10T12:00:00.000Z), so it was not used: check the publisher's clock.",
    );
    // loadFeed takes the clock: the same future feed is good for a machine whose clock says 10000.
    const url = serve("future-clock", datedFeed("9999-12-31"));
    expect((await loadFeed(url, { now: () => Date.parse("+010000-01-01T00:00:00Z") })).manifest.as_of).toBe("9999-12-31");
  });

  it("data already dated 9999-12-31 (taken before this rule) yields to the next genuine feed instead of calling it a downgrade", async () => {
    const url = serve("genuine", good);
    const pinned = { version: "9999-12-31.0a1b2c3d", as_of: "9999-12-31", generated_at: "9999-12-31T00:00:00Z" };
    const result = await fig.measure("feed: genuine feed over data dated 9999-12-31", () => refreshFromFeed(url, { current: pinned }));
    expect(result.order).toBe("newer");
    expect(result.manifest.as_of).toBe(manifestOf(good).as_of);
    // ... and a saved copy so dated ranks below the bundled data at restore (controller: compareVersions(saved, bundled)).
    expect(compareVersions(pinned, { version: "2021-02-03.0a1b2c3d", as_of: "2021-02-03" })).toBe("older");
    // Two genuine versions still order by date, and a future generated_at orders nothing.
    expect(compareVersions({ version: "2021-03-01.1", as_of: "2021-03-01" }, { version: "2021-02-03.2", as_of: "2021-02-03" })).toBe("newer");
    expect(
      compareVersions({ version: "2021-03-01.1", as_of: "2021-03-01", generated_at: "2021-03-02T00:00:00Z" }, { version: "2021-03-01.2", as_of: "2021-03-01", generated_at: "9999-01-01T00:00:00Z" }),
    ).toBe("newer");
  });
});
