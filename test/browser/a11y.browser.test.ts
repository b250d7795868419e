// axe-core 4.14 in real Chromium on the production build, at a task pane's width (380 x 800), in the
// light and the dark theme: every tab of the pane (Browse with a record's detail and "More filters",
// Prices, Functions, Data with a refresh's change list) and the help page must have no violation at all,
// whatever its impact (best practices such as landmarks included). The pane runs on the bundled data,
// as an analyst first sees it; the feed it refreshes from is that data with one figure revised and one
// record withdrawn.
import * as fs from "fs";
import * as path from "path";
import type { Browser, Page } from "playwright-core";
import { DIST, StaticServer, launchChromium, serveStatic } from "./support";
import { publishFeed } from "../../src/core/feed/publish";
import { parseDataset } from "../../src/core/model/dataset";

const AXE_SOURCE = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const THEMES = ["light", "dark"] as const;

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  if (!fs.existsSync(path.join(DIST, "taskpane.html"))) throw new Error("dist/ is missing: npm run build");
  const bundled = parseDataset(JSON.parse(fs.readFileSync(path.join(DIST, "dataset.json"), "utf8")));
  const revisedAt = bundled.records.findIndex((r) => r.value !== null);
  const records = bundled.records.map((r, i) => (i === revisedAt ? { ...r, value: (r.value ?? 0) + 1 } : r)).slice(0, -1);
  // dated today: newer than the bundled data, and not from the future (a feed dated ahead is refused)
  const today = new Date().toISOString().slice(0, 10);
  const feed = await publishFeed(
    { ...bundled, version: `${today}.a11ya11y`, as_of: today, count: records.length, records },
    { generatedAt: new Date() },
  );
  server = await serveStatic(DIST, Object.fromEntries(feed.files.map((f) => [`/feed/${f.name}`, Buffer.from(f.bytes)])));
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * Runs axe-core on the page once its transitions have ended (a button fading from disabled to enabled
 * has, for a moment, colours that are neither); each violation with the elements it found.
 */
async function violations(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async () => {
    const settled = Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined)));
    await Promise.race([settled, new Promise((resolve) => setTimeout(resolve, 3000))]); // a spinner never ends
    const axe = (window as unknown as { axe: { run(ctx: Document): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[]; failureSummary?: string }[] }[] }> } }).axe;
    const result = await axe.run(document);
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => `${n.target.join(" ")}: ${n.failureSummary ?? ""}`) }));
  });
}

async function expectNoViolations(page: Page, where: string): Promise<void> {
  const found = await violations(page);
  expect({ where, violations: found }).toEqual({ where, violations: [] });
}

async function openPane(theme: (typeof THEMES)[number]): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 380, height: 800 }, colorScheme: theme });
  const page = await context.newPage();
  await page.goto(`${server.url}/taskpane.html?theme=${theme}`);
  await page.getByTestId("record-count").waitFor({ timeout: 30_000 });
  expect(await page.locator("[data-theme]").first().getAttribute("data-theme")).toBe(theme);
  return page;
}

describe.each(THEMES)("%s theme", (theme) => {
  it("Browse: the list, a record's detail and More filters", async () => {
    const page = await openPane(theme);
    await expectNoViolations(page, "browse");
    await page.getByRole("listbox").focus(); // selects the first record: its detail shows
    await page.getByTestId("record-details").waitFor();
    await expectNoViolations(page, "browse, record detail");
    await page.getByRole("button", { name: "Events" }).click();
    await page.getByRole("option").first().click();
    await expectNoViolations(page, "browse, events and a detail");
    await page.getByRole("button", { name: "More filters" }).click();
    await page.getByTestId("more-filters").waitFor();
    await expectNoViolations(page, "browse, more filters");
    await page.context().close();
  });

  it("Prices and Functions", async () => {
    const page = await openPane(theme);
    await page.getByRole("tab", { name: "Prices" }).click();
    await page.getByRole("tab", { name: "Prices", selected: true }).waitFor();
    await page.locator("#panel svg").first().waitFor({ timeout: 30_000 });
    await expectNoViolations(page, "prices");
    await page.getByRole("tab", { name: "Functions" }).click();
    await page.getByTestId("fn-formula").waitFor();
    await expectNoViolations(page, "functions");
    // A table answer (MG.EVENTS) previews in a box that scrolls sideways: the keyboard must reach it.
    await page.getByRole("combobox", { name: "Function" }).click();
    await page.getByRole("option", { name: "MG.EVENTS", exact: true }).click();
    const preview = page.getByRole("region", { name: "Answer preview (scrolls)" });
    await preview.waitFor();
    expect(await preview.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    await preview.focus();
    expect(await preview.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press("ArrowRight");
    await page.waitForFunction(() => (document.activeElement as HTMLElement).scrollLeft > 0);
    await expectNoViolations(page, "functions, MG.EVENTS preview");
    await page.context().close();
  });

  it("Data, then a refresh's change list", async () => {
    const page = await openPane(theme);
    await page.getByRole("tab", { name: "Data" }).click();
    await page.getByRole("button", { name: "Refresh", exact: true }).waitFor({ timeout: 30_000 });
    await expectNoViolations(page, "data");
    await page.getByRole("textbox", { name: /Feed URL/ }).fill(`${server.url}/feed/`);
    await page.getByRole("button", { name: "Refresh", exact: true }).click();
    await page.getByTestId("refresh-result").waitFor({ timeout: 30_000 });
    await page.getByRole("list", { name: "Changed records" }).waitFor();
    await expectNoViolations(page, "data, after a refresh");
    await page.context().close();
  });

  it("the help page", async () => {
    const context = await browser.newContext({ viewport: { width: 380, height: 800 }, colorScheme: theme });
    const page = await context.newPage();
    await page.goto(`${server.url}/help.html`);
    await page.getByRole("heading", { name: "MG functions", level: 1 }).waitFor();
    await expectNoViolations(page, "help.html");
    await context.close();
  });
});
