// The Prices tab of the production build in real Chromium, over the bundled data (the real price history):
// the chart draws in light and dark at 320 px, the series pickers keep series apart, and the formula shown
// is the one the query core answers with that series. Screenshots under test-results/.
import * as fs from "fs";
import * as path from "path";
import type { Browser, Page } from "playwright-core";
import { DIST, RESULTS, StaticServer, launchChromium, serveStatic } from "./support";

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  if (!fs.existsSync(path.join(DIST, "taskpane.html"))) throw new Error("dist/ is missing: npm run build");
  fs.mkdirSync(RESULTS, { recursive: true });
  server = await serveStatic(DIST);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openPrices(theme: "light" | "dark"): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 320, height: 860 }, colorScheme: theme });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${server.url}/taskpane.html?theme=${theme}`);
  await page.getByTestId("record-count").waitFor({ timeout: 30_000 });
  await page.getByRole("tab", { name: "Prices" }).click();
  await page.getByTestId("price-chart").waitFor();
  expect(errors).toEqual([]);
  return page;
}

it("draws the bundled price history in light and dark, readable at 320 px", async () => {
  for (const theme of ["light", "dark"] as const) {
    const page = await openPrices(theme);
    await page.getByLabel("Product", { exact: true }).selectOption("magnesium ingot");
    await page.getByLabel("Location", { exact: true }).selectOption({ label: "Fugu, Shaanxi" });
    const chart = page.getByTestId("price-chart");
    expect(await chart.getByTestId("price-mid").getAttribute("d")).toMatch(/^M\d/);
    const label = await chart.getAttribute("aria-label");
    expect(label).toMatch(/^magnesium ingot.*Fugu, Shaanxi.*\d+ prices? from 20\d\d-\d\d-\d\d/);
    // the chart fits the pane: no horizontal scroll
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    expect(await page.getByTestId("price-formula").textContent()).toMatch(/^=MG\.PRICES\("magnesium ingot","Fugu, Shaanxi",,,"basis=/);
    await page.screenshot({ path: path.join(RESULTS, `pane-prices-${theme}.png`), fullPage: true });
    await page.context().close();
  }
});

it("a price range is drawn: a band between days, a whisker on one day", async () => {
  const page = await openPrices("light");
  await page.getByLabel("Product", { exact: true }).selectOption("magnesium ingot");
  // every series of the product, one after the other: the one with a range draws a band
  const locations = await page.getByLabel("Location", { exact: true }).locator("option").allTextContents();
  let band = false;
  for (const l of locations) {
    await page.getByLabel("Location", { exact: true }).selectOption({ label: l });
    const series = await page.getByLabel(/^Series/).locator("option").allTextContents();
    for (const s of series) {
      await page.getByLabel(/^Series/).selectOption({ label: s });
      if ((await page.getByTestId("price-band").count()) + (await page.getByTestId("price-whisker").count()) > 0) band = true;
    }
  }
  expect(band).toBe(true);
  await page.screenshot({ path: path.join(RESULTS, "pane-prices-band.png"), fullPage: true });
  await page.context().close();
});
