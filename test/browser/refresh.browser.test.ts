// Refresh from the published feed, in the production build of the pane in real Chromium (preview mode):
// a locally served feed is verified and swapped in (the Data tab and the Browse count both show it), the
// change list is shown, the refreshed data survives a reload (IndexedDB), a bad feed leaves the version
// in place with one sentence, a large feed is parsed on the page in short tasks, and revert brings the bundled data back.
import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import type { Browser, Page } from "playwright-core";
import { DIST, RESULTS, StaticServer, launchChromium, serveStatic } from "./support";
import { publishFeed } from "../../src/core/feed/publish";
import { rangeRecords, syntheticDataset, syntheticRecord } from "../feed/fixtures";

// Synthetic data written for this test (invented organisations and sentences).
const BUNDLED = syntheticDataset(rangeRecords(1, 11)); // version 2021-02-03.0a1b2c3d, 10 records
const NEWER = syntheticDataset([...rangeRecords(1, 8), { ...syntheticRecord(8), value: 12.75 }, syntheticRecord(20), syntheticRecord(21), syntheticRecord(22)], {
  version: "2021-04-01.feedbeef",
  as_of: "2021-04-01",
});
const BIG = syntheticDataset(rangeRecords(1, 15_001), { version: "2021-05-01.b16b16b1", as_of: "2021-05-01" });

let server: StaticServer;
let repeatedRow = { row: 0, id: "" };
let browser: Browser;

async function feedRoutes(prefix: string, ds: typeof NEWER, damage?: (files: Record<string, Buffer>) => void): Promise<Record<string, Buffer>> {
  const feed = await publishFeed(ds, { generatedAt: new Date("2021-06-01T00:00:00Z") });
  const files = Object.fromEntries(feed.files.map((f) => [f.name, Buffer.from(f.bytes)]));
  damage?.(files);
  return Object.fromEntries(Object.entries(files).map(([name, body]) => [`/${prefix}/${name}`, body]));
}

beforeAll(async () => {
  if (!fs.existsSync(path.join(DIST, "taskpane.html"))) throw new Error("dist/ is missing: npm run build");
  fs.mkdirSync(RESULTS, { recursive: true });
  server = await serveStatic(DIST, {
    "/dataset.json": JSON.stringify(BUNDLED),
    ...(await feedRoutes("feed", NEWER)),
    ...(await feedRoutes("badfeed", NEWER, (f) => {
      f["records.csv"][200] ^= 0x01; // one flipped bit
    })),
    ...(await feedRoutes("bigfeed", BIG)),
    // A large feed, correctly signed, whose last row repeats the id of the row before it.
    ...(await feedRoutes("bigbadfeed", BIG, (f) => {
      const lines = f["records.csv"].toString("utf8").split("\r\n");
      let last = lines.length - 1;
      while (lines[last] === "") last--;
      const id = (line: string) => line.slice(0, line.indexOf(","));
      lines[last] = id(lines[last - 1]) + lines[last].slice(id(lines[last]).length);
      repeatedRow = { row: last + 1, id: id(lines[last - 1]) };
      f["records.csv"] = Buffer.from(lines.join("\r\n"), "utf8");
      const manifest = JSON.parse(f["manifest.json"].toString("utf8"));
      const entry = manifest.files.find((e: { name: string }) => e.name === "records.csv");
      entry.bytes = f["records.csv"].length;
      entry.sha256 = createHash("sha256").update(f["records.csv"]).digest("hex");
      f["manifest.json"] = Buffer.from(JSON.stringify(manifest));
    })),
  });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openDataTab(page: Page): Promise<void> {
  await page.goto(`${server.url}/taskpane.html`);
  await page.getByTestId("record-count").waitFor({ timeout: 30_000 });
  await page.getByRole("tab", { name: "Data" }).click();
  await page.getByRole("button", { name: "Refresh", exact: true }).waitFor({ timeout: 30_000 });
}

async function refreshFrom(page: Page, url: string): Promise<void> {
  await page.getByRole("textbox", { name: /Feed URL/ }).fill(url);
  await page.getByRole("button", { name: "Refresh", exact: true }).click();
}

/** Refreshes from a feed that must be refused: the pane says `sentence` and the bundled version stays in use. */
async function expectRefused(page: Page, url: string, sentence: string, timeoutMs: number): Promise<void> {
  await refreshFrom(page, url);
  const alert = page.getByTestId("refresh-error");
  await alert.waitFor({ timeout: timeoutMs });
  expect(await alert.textContent()).toBe(sentence);
  expect(await page.getByTestId("data-version").textContent()).toBe(BUNDLED.version);
}

it("refreshes from the served feed, shows the new version and what changed, keeps it across a reload, and reverts", async () => {
  const context = await browser.newContext({ viewport: { width: 420, height: 1100 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await openDataTab(page);
  expect(await page.locator("html").getAttribute("data-mode")).toBe("preview");
  expect(await page.getByTestId("data-version").textContent()).toBe(BUNDLED.version);
  // The default feed is the add-in's own /feed/.
  expect(await page.getByRole("textbox", { name: /Feed URL/ }).inputValue()).toBe(`${server.url}/feed/`);

  await page.getByRole("button", { name: "Refresh", exact: true }).click();
  const result = page.getByTestId("refresh-result");
  await result.waitFor({ timeout: 30_000 });
  expect(await result.textContent()).toBe("Now using version 2021-04-01.feedbeef (as of 2021-04-01) with 11 records (3 added, 1 changed, 2 removed).");
  expect(await page.getByTestId("data-version").textContent()).toBe(NEWER.version);
  const changes = await page.getByRole("list", { name: "Changed records" }).getByRole("listitem").allTextContents();
  expect(changes).toEqual([
    "Addedweight saving: Testco 20 Light Alloys — Synthetic plant 20",
    "Addedcapacity: Testco 21 Light Alloys — Synthetic plant 21",
    "Addedweight saving: Testco 22 Light Alloys — Synthetic plant 22",
    "Changedweight saving: Testco 8 Light Alloys — Synthetic plant 8value: 12.5 → 12.75",
    "Removedcapacity: Testco 9 Light Alloys — Synthetic plant 9",
    "Removedweight saving: Testco 10 Light Alloys — Synthetic plant 10",
  ]);
  await page.screenshot({ path: path.join(RESULTS, "refresh-updated.png"), fullPage: true });

  // Every view answers from the new data at once: the Browse tab counts the feed's records.
  await page.getByRole("tab", { name: "Browse" }).click();
  await page.getByTestId("record-count").waitFor();
  expect(await page.getByTestId("record-count").textContent()).toBe(`${NEWER.records.length} records`);

  // The next session starts from the refreshed data (IndexedDB), validated again on the way in.
  await openDataTab(page);
  await page.getByText(/^Using the refreshed data saved earlier: version 2021-04-01\.feedbeef/).waitFor({ timeout: 30_000 });
  expect(await page.getByTestId("data-version").textContent()).toBe(NEWER.version);

  // Same feed again: nothing to do.
  await page.getByRole("button", { name: "Refresh", exact: true }).click();
  await page.getByText("The data in use is already version 2021-04-01.feedbeef (as of 2021-04-01), the same as the feed, so nothing was changed.").waitFor();

  await page.getByRole("button", { name: "Revert to bundled data" }).click();
  await page.getByText(/^Back to the bundled data, version 2021-02-03\.0a1b2c3d/).waitFor();
  expect(await page.getByTestId("data-version").textContent()).toBe(BUNDLED.version);
  expect(errors).toEqual([]);
  await context.close();
});

it("a bad feed leaves the version in use and says what is wrong in one sentence", async () => {
  const context = await browser.newContext({ viewport: { width: 420, height: 1000 } });
  const page = await context.newPage();
  await openDataTab(page);
  await expectRefused(page, `${server.url}/badfeed/`, "records.csv does not match the SHA-256 checksum in the manifest, so it is corrupt or was changed after publishing.", 30_000);

  await refreshFrom(page, "http://127.0.0.1:9/feed/");
  await page.getByTestId("refresh-error").getByText(/^Could not reach the feed to get manifest\.json at http:\/\/127\.0\.0\.1:9\/feed\/manifest\.json/).waitFor({ timeout: 30_000 });
  expect(await page.getByTestId("data-version").textContent()).toBe(BUNDLED.version);
  await page.screenshot({ path: path.join(RESULTS, "refresh-bad-feed.png"), fullPage: true });
  await context.close();
});

it("parses a large feed on the page in short tasks, hashes it in a worker, and swaps it in", async () => {
  const context = await browser.newContext({ viewport: { width: 420, height: 1000 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    const Native = window.Worker;
    const w = window as unknown as { __workers: number; __digests: number };
    w.__workers = 0;
    w.__digests = 0;
    window.Worker = class extends Native {
      constructor(url: string | URL, opts?: WorkerOptions) {
        super(url, opts);
        w.__workers++;
        // the worker's answer: a digest (an ArrayBuffer), not an error's text
        this.addEventListener("message", (e) => {
          if (e.data instanceof ArrayBuffer) w.__digests++;
        });
      }
    };
  });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await openDataTab(page);
  // The longest the page's thread is busy in one go while the feed is checked (Long Tasks API: tasks of
  // 50 ms or more), so a click never waits on the whole parse.
  await page.evaluate(() => {
    const w = window as unknown as { __longest: number };
    w.__longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longest = Math.max(w.__longest, e.duration);
    }).observe({ entryTypes: ["longtask"] });
  });
  await refreshFrom(page, `${server.url}/bigfeed/`);
  await page.getByTestId("refresh-result").waitFor({ timeout: 60_000 });
  expect(await page.getByTestId("refresh-result").textContent()).toMatch(/^Now using version 2021-05-01\.b16b16b1 \(as of 2021-05-01\) with 15,000 records/);
  expect(errors).toEqual([]);
  // parsing runs in 25 ms slices; the swap and the change list add a little (a generous bound for a shared CI machine)
  expect(await page.evaluate(() => (window as unknown as { __longest: number }).__longest)).toBeLessThan(400);
  // the SHA-256 of records.csv (over 1 MB) came from a worker
  const counts = await page.evaluate(() => {
    const w = window as unknown as { __workers: number; __digests: number };
    return { workers: w.__workers, digests: w.__digests };
  });
  expect(counts).toEqual({ workers: 1, digests: 1 });
  await context.close();
});

it("still verifies a large feed when the page refuses workers", async () => {
  const context = await browser.newContext({ viewport: { width: 420, height: 1000 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    // As a page whose security policy forbids blob: workers: constructing one fails.
    window.Worker = function () {
      throw new DOMException("Refused to create a worker", "SecurityError");
    } as unknown as typeof Worker;
  });
  await openDataTab(page);
  await refreshFrom(page, `${server.url}/bigfeed/`);
  await page.getByTestId("refresh-result").waitFor({ timeout: 60_000 });
  expect(await page.getByTestId("refresh-result").textContent()).toMatch(/^Now using version 2021-05-01\.b16b16b1 \(as of 2021-05-01\) with 15,000 records/);
  await context.close();
});

it("reports a bad row of a large feed at its row, and keeps the data in use", async () => {
  const context = await browser.newContext({ viewport: { width: 420, height: 1000 } });
  const page = await context.newPage();
  await openDataTab(page);
  await expectRefused(page, `${server.url}/bigbadfeed/`, `Row ${repeatedRow.row} of records.csv repeats the id "${repeatedRow.id}" of row ${repeatedRow.row - 1}.`, 60_000);
  await context.close();
});

