// The pane at a task pane's size (380 x 800) in real Chromium, production build, preview mode: what the
// eye and the keyboard get. The record detail has a usable height beside the list and scrolls with the
// keyboard; focus in the list is an outline around the active row; the change list's badges show whole
// and a changed record says old -> new; a stale action line goes when nothing matches; both pages find
// their icon. Screenshots under test-results/ (narrow-*.png).
import * as fs from "fs";
import * as path from "path";
import type { Browser, Page } from "playwright-core";
import { DIST, RESULTS, StaticServer, launchChromium, serveStatic, until } from "./support";
import { dataset, rec } from "../excel/syntheticRecords";
import { publishFeed } from "../../src/core/feed/publish";

// Synthetic data: 30 projects, the first with an evidence passage far longer than the detail can show,
// the second with a long title (the badge beside it must not give way).
const LONG = Array.from({ length: 30 }, (_, i) => `Synthetic sentence ${i + 1} of a long test passage about the first synthetic project.`).join(" ");
const RECORDS = Array.from({ length: 30 }, (_, i) =>
  rec({
    id: `narrow-${i}`,
    title: i === 1 ? "A synthetic project with a very long title that fills the whole width of the change list and more" : `Synthetic project ${i}`,
    date: `2024-${String(12 - (i % 12)).padStart(2, "0")}-01`,
    value: 100 + i,
    evidence: i === 0 ? LONG : `Acme Test Magnesium said synthetic project ${i} will make ${100 + i} t a year.`,
  }),
);
const BUNDLED = dataset(RECORDS, { version: "2024-12-01.narrow" });
// the feed: record 1's figure revised, the last record withdrawn
const REVISED = dataset([RECORDS[0], { ...RECORDS[1], value: 250.5 }, ...RECORDS.slice(2, -1)], { version: "2025-01-15.narrow2", as_of: "2025-01-15" });

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  if (!fs.existsSync(path.join(DIST, "taskpane.html"))) throw new Error("dist/ is missing: npm run build");
  fs.mkdirSync(RESULTS, { recursive: true });
  const feed = await publishFeed(REVISED, { generatedAt: new Date("2025-01-16T00:00:00Z") });
  server = await serveStatic(DIST, {
    "/dataset.json": JSON.stringify(BUNDLED),
    ...Object.fromEntries(feed.files.map((f) => [`/feed/${f.name}`, Buffer.from(f.bytes)])),
  });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openPane(theme: "light" | "dark" = "light"): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 380, height: 800 }, colorScheme: theme });
  const page = await context.newPage();
  await page.goto(`${server.url}/taskpane.html?theme=${theme}`);
  await page.getByTestId("record-count").waitFor({ timeout: 30_000 });
  return page;
}

const box = async (page: Page, testId: string) => (await page.getByTestId(testId).boundingBox())!;

it("the record detail has a usable height beside at least three rows, and scrolls with the keyboard", async () => {
  const page = await openPane();
  await page.getByRole("listbox").focus(); // selects the first record, whose evidence is long
  const details = page.getByRole("region", { name: "Evidence and source of the selected record" });
  await until(() => details.textContent(), (v) => expect(v).toContain("Synthetic sentence 30 of a long test passage"));
  const list = await box(page, "preview-list");
  const detail = await box(page, "record-details");
  expect(detail.height).toBeGreaterThanOrEqual(150);
  expect(list.height).toBeGreaterThanOrEqual(3 * 46);
  expect(detail.y + detail.height).toBeLessThanOrEqual(800); // on the screen, not under the fold
  await page.screenshot({ path: path.join(RESULTS, "narrow-browse-detail.png") });

  // The passage is longer than the detail: Tab reaches the detail, and the keyboard scrolls it.
  const scrollTop = () => details.evaluate((el) => el.scrollTop);
  expect(await details.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
  await page.keyboard.press("Tab");
  expect(await details.evaluate((el) => el === document.activeElement)).toBe(true);
  expect(await scrollTop()).toBe(0);
  await page.keyboard.press("PageDown");
  await until(scrollTop, (v) => expect(v).toBeGreaterThan(50));
  await page.context().close();
});

it("keyboard focus in the list is one outline around the active row, not the list's edge", async () => {
  const page = await openPane();
  // Keyboard focus (Tab), so the browser shows focus-visible as it would for a keyboard user.
  for (let i = 0; i < 40 && !(await page.getByRole("listbox").evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
  await page.keyboard.press("ArrowDown");
  await until(() => page.locator("#mg-row-1").getAttribute("aria-selected"), (v) => expect(v).toBe("true"));
  const outline = (sel: string) => page.locator(sel).evaluate((el) => {
    const s = getComputedStyle(el);
    return `${s.outlineStyle} ${s.outlineWidth}`;
  });
  expect(await outline("#mg-row-1")).toBe("solid 2px");
  expect(await outline("#mg-row-0")).toMatch(/^none /);
  expect(await outline("[role=listbox]")).toMatch(/^none /);
  await page.locator("#mg-row-1").screenshot({ path: path.join(RESULTS, "narrow-focused-row.png") });
  await page.context().close();
});

it("the change list shows whole badges and a changed record's old and new value", async () => {
  const page = await openPane();
  await page.getByRole("tab", { name: "Data" }).click();
  await page.getByRole("textbox", { name: /Feed URL/ }).fill(`${server.url}/feed/`);
  await page.getByRole("button", { name: "Refresh", exact: true }).click();
  await page.getByTestId("refresh-result").waitFor({ timeout: 30_000 });
  const items = page.getByRole("list", { name: "Changed records" }).getByRole("listitem");
  expect(await items.count()).toBe(2);
  const changed = page.locator("li[data-change=changed]");
  expect(await changed.getByTestId("field-change").textContent()).toBe("value: 101 → 250.5");
  for (const li of await items.all()) {
    const badge = li.locator(".fui-Badge");
    expect(["Changed", "Removed"]).toContain(await badge.textContent());
    // nothing of the word is cut off: the badge is as wide as what it holds
    expect(await badge.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
  }
  await changed.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(RESULTS, "narrow-change-list.png") });
  await page.context().close();
});

it("a stale action line goes once nothing matches, leaving only the reason", async () => {
  const page = await openPane();
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.url });
  await page.getByRole("button", { name: "Copy" }).click();
  await until(() => page.getByTestId("action-status").textContent(), (v) => expect(v).toBe("30 rows copied: paste them into a sheet."));
  await page.getByLabel("Text in title or evidence").fill("no such synthetic words");
  await page.getByTestId("download-reason").waitFor();
  await until(() => page.getByTestId("action-status").textContent(), (v) => expect(v).toBe(""));
  await page.context().close();
});

it("the pane and the help page find their icon (no 404)", async () => {
  const page = await openPane();
  for (const url of [`${server.url}/taskpane.html`, `${server.url}/help.html`]) {
    await page.goto(url);
    const href = await page.locator("link[rel=icon]").evaluate((el) => (el as HTMLLinkElement).href);
    const status = await page.evaluate(async (u) => (await fetch(u)).status, href);
    expect({ url, href, status }).toEqual({ url, href: `${server.url}/assets/icon-32.png`, status: 200 });
  }
  await page.context().close();
});

it("takes screenshots of every tab at 380 x 800 in light and dark", async () => {
  for (const theme of ["light", "dark"] as const) {
    const page = await openPane(theme);
    await page.getByRole("option").first().click();
    await page.screenshot({ path: path.join(RESULTS, `narrow-browse-${theme}.png`) });
    await page.getByRole("tab", { name: "Prices" }).click();
    await page.getByRole("tabpanel").getByText("The data in use holds no dated prices.").waitFor({ timeout: 30_000 }); // none in this data
    await page.screenshot({ path: path.join(RESULTS, `narrow-prices-${theme}.png`) });
    await page.getByRole("tab", { name: "Functions" }).click();
    await page.getByTestId("fn-formula").waitFor();
    await page.screenshot({ path: path.join(RESULTS, `narrow-functions-${theme}.png`) });
    await page.getByRole("tab", { name: "Data" }).click();
    await page.getByTestId("data-version").waitFor();
    await page.screenshot({ path: path.join(RESULTS, `narrow-data-${theme}.png`) });
    await page.context().close();
  }
});
