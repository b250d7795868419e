// The card a scalar answer carries in Excel, as the function builder previews it: real Chromium, the
// production build in preview mode at the pane's width (380 x 800), synthetic records written for the
// card tests. What Excel itself draws from the card (its own card window, the icon in the cell) only a
// real Excel can show. Screenshots under test-results/ (card-*.png).
import * as fs from "fs";
import * as path from "path";
import type { Browser, Page } from "playwright-core";
import { DIST, RESULTS, StaticServer, launchChromium, serveStatic, until } from "./support";
import { cardDataset } from "../functions/cardFixtures";

const AXE_SOURCE = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const SHOTS = process.env.CARD_SHOTS_DIR ?? RESULTS;

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  if (!fs.existsSync(path.join(DIST, "taskpane.html"))) throw new Error("dist/ is missing: npm run build");
  fs.mkdirSync(SHOTS, { recursive: true });
  server = await serveStatic(DIST, { "/dataset.json": JSON.stringify(cardDataset()) });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openFunctions(theme: "light" | "dark"): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 380, height: 800 }, colorScheme: theme });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${server.url}/taskpane.html?theme=${theme}`);
  await page.getByTestId("record-count").waitFor({ timeout: 30_000 });
  await page.getByRole("tab", { name: "Functions" }).click();
  await page.getByTestId("fn-formula").waitFor();
  expect(errors).toEqual([]);
  return page;
}

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async () => {
    await Promise.race([Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))), new Promise((r) => setTimeout(r, 3000))]);
    const axe = (window as unknown as { axe: { run(ctx: Document): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document);
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  });
}

it.each(["light", "dark"] as const)("a weight saving's card shows value and unit, the sentence, outlet, dates and a live link (%s)", async (theme) => {
  const page = await openFunctions(theme);
  const subject = page.getByRole("combobox", { name: /subject/ });
  await subject.click();
  await subject.pressSequentially("Calder");
  await page.getByRole("option", { name: /Calder Motors/ }).click();
  const card = page.getByTestId("fn-card");
  await card.waitFor();
  expect(await page.getByTestId("fn-card-title").textContent()).toBe("Weight saving: Calder Motors, door inner panel");
  expect(await page.getByTestId("fn-card-value").textContent()).toBe("38");
  expect(await page.getByTestId("fn-card-unit").textContent()).toBe("%");
  const evidence = page.getByTestId("fn-card-evidence");
  expect(await evidence.textContent()).toContain("Calder Motors said its magnesium door inner panel is 38% lighter than the steel panel it replaces.");
  // the attribution: the outlet, linking to the article
  const outletLink = evidence.getByRole("link", { name: "Lightweight Gazette" });
  expect(await outletLink.getAttribute("href")).toBe("https://example.test/calder-door");
  const text = (await card.textContent()) ?? "";
  for (const shown of ["Published2031-04-03", "Date2031-04-02", "Unit%", "As reported38%", "OutletLightweight Gazette"]) expect(text).toContain(shown);
  const urlLink = card.getByRole("link", { name: "https://example.test/calder-door" });
  expect(await urlLink.getAttribute("target")).toBe("_blank");
  expect(await urlLink.getAttribute("rel")).toContain("noopener");
  // provenance is folded, as on Excel's card, and opens
  const provenance = card.locator("details");
  expect(await provenance.getAttribute("open")).toBeNull();
  await provenance.locator("summary").click();
  expect(await provenance.textContent()).toContain("Dataset version2031-07-01.cardtest");
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SHOTS, `card-weightsaving-${theme}.png`), fullPage: true });
  expect(await axeViolations(page)).toEqual([]);
  await page.context().close();
});

it("a policy date's card shows the date at its precision; a link that is not http(s) stays text", async () => {
  const page = await openFunctions("light");
  await page.getByRole("combobox", { name: "Function" }).click();
  await page.getByRole("option", { name: "MG.POLICYDATE" }).click();
  await page.getByRole("textbox", { name: /query/ }).fill("Ostland Provincial Office");
  const card = page.getByTestId("fn-card");
  await until(() => page.getByTestId("fn-card-value").textContent(), (v) => expect(v).toBe("2031-06"));
  expect(await page.getByTestId("fn-card-unit").textContent()).toMatch(/month precision/);
  expect(await card.textContent()).toContain("URLjavascript:alert(1)");
  expect(await card.getByRole("link").count()).toBe(0);
  await page.screenshot({ path: path.join(SHOTS, "card-policydate-light.png"), fullPage: true });
  // a text answer has no card
  await page.getByRole("combobox", { name: "Function" }).click();
  await page.getByRole("option", { name: "MG.SOURCE" }).click();
  const subject = page.getByRole("combobox", { name: /subject/ });
  await subject.click();
  await subject.pressSequentially("Calder Motors");
  await until(() => page.getByTestId("fn-result").textContent(), (v) => expect(v).toContain("https://example.test/calder-door"));
  expect(await card.count()).toBe(0);
  await page.context().close();
});
