// The production build of the task pane in real Chromium, preview mode (no Office host): filters and
// count, the virtualised grid on 10k rows, keyboard access to evidence, .xlsx and .csv downloads read
// back, and screenshots of each tab in light and dark under test-results/.
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import type { Browser, Page } from "playwright-core";
import { DIST, RESULTS, StaticServer, launchChromium, serveStatic, until } from "./support";
import { dataset, rec } from "../excel/syntheticRecords";
import type { MgRecord } from "../../src/core/model/record";

// Synthetic data, clearly not from any source: 10,000 projects plus three policy-type records that
// carry formula-like text and a month-precision date.
const INJECTION = '=HYPERLINK("http://evil.test","click me")';
const special: MgRecord[] = [
  rec({ id: "pol-1", kind: "policy", subject: "Test Ministry", organizations: ["Test Ministry"], region: "Testland", title: INJECTION, code: "-5 TEST", date: "2024-11", date_effective: "2025-01-01", evidence: "The Test Ministry published rules in November 2024, effective January 1, 2025." }),
  rec({ id: "pol-2", kind: "policy", subject: "Test Ministry", organizations: ["Test Ministry"], region: "Testland", title: "Synthetic Recycling Rules", date: "2024-03-15", evidence: "@channel: the Test Ministry issued the Synthetic Recycling Rules on March 15, 2024." }),
  rec({ id: "std-1", kind: "standard", subject: "Test Standards Body", organizations: ["Test Standards Body"], region: "Otherland", title: "Test alloy standard", code: "TS 1-2023", date: "2023-07-01", evidence: "+The Test Standards Body released TS 1-2023 on July 1, 2023." }),
];
const projects = Array.from({ length: 10_000 }, (_, i) =>
  rec({ id: `prj-${i}`, kind: "project", title: `Synthetic project ${String(i).padStart(5, "0")}`, date: `20${10 + (i % 15)}-0${1 + (i % 9)}`, value: i, evidence: `Synthetic sentence number ${i} about a test project.` }),
);
const DATA = dataset([...special, ...projects], { version: "2024-12-01.browser-test" });
const TOTAL = DATA.records.length;

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  if (!fs.existsSync(path.join(DIST, "taskpane.html"))) throw new Error("dist/ is missing: npm run build");
  fs.mkdirSync(RESULTS, { recursive: true });
  server = await serveStatic(DIST, { "/dataset.json": JSON.stringify(DATA) });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openPane(theme: "light" | "dark" = "light"): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 420, height: 900 }, acceptDownloads: true, colorScheme: theme });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${server.url}/taskpane.html?theme=${theme}`);
  await page.getByTestId("record-count").waitFor({ timeout: 30_000 });
  expect(errors).toEqual([]);
  return page;
}

const count = (page: Page) => page.getByTestId("record-count").textContent();

it("filters: presets, text and the live count change the grid", async () => {
  const page = await openPane();
  expect(await count(page)).toBe(`${TOTAL} records`);
  expect(await page.locator("html").getAttribute("data-mode")).toBe("preview");
  await page.getByRole("button", { name: "Policy dates" }).click();
  await until(() => count(page), (v) => expect(v).toBe(`3 of ${TOTAL} records`));
  const rows = page.getByRole("option");
  expect(await rows.count()).toBe(3);
  expect(await rows.first().textContent()).toContain("2024-11");
  await page.getByLabel("Text in title or evidence").fill("recycling");
  await until(() => count(page), (v) => expect(v).toBe(`1 of ${TOTAL} records`));
  expect(await rows.first().textContent()).toContain("Synthetic Recycling Rules");
  await page.context().close();
});

it("scrolls 10,000 rows while rendering only the visible ones, and shows evidence with the keyboard", async () => {
  const page = await openPane();
  await page.getByRole("button", { name: "Projects" }).click();
  await until(() => count(page), (v) => expect(v).toBe(`10000 of ${TOTAL} records`));
  const list = page.getByRole("listbox");
  expect(await page.getByRole("option").count()).toBeLessThan(80);
  await list.focus();
  await page.keyboard.press("End");
  await until(() => page.locator("#mg-row-9999").count(), (v) => expect(v).toBe(1));
  expect(await page.getByRole("option").count()).toBeLessThan(80);
  const details = page.getByTestId("record-details");
  await until(() => details.textContent(), (v) => expect(v).toMatch(/Synthetic sentence number \d+ about a test project\./));
  expect(await details.getByRole("link").getAttribute("href")).toBe("https://example.test/articles/1");
  await page.context().close();
});

it("downloads the filtered table as .xlsx and .csv, typed and formula-safe", async () => {
  const page = await openPane();
  await page.getByRole("button", { name: "Policy dates" }).click();
  await until(() => count(page), (v) => expect(v).toBe(`3 of ${TOTAL} records`));

  const [xlsxDl] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download .xlsx" }).click()]);
  expect(xlsxDl.suggestedFilename()).toBe("MG_Policies.xlsx");
  const xlsxPath = path.join(RESULTS, "MG_Policies.xlsx");
  await xlsxDl.saveAs(xlsxPath);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsxPath);
  const ws = wb.worksheets[0];
  const header = (ws.getRow(1).values as unknown[]).slice(1);
  expect(header).toEqual(["Title", "Code", "Subject", "Region", "Date", "Date precision", "Effective date", "Effective date precision", "Evidence", "Source"]);
  const col = (name: string) => header.indexOf(name) + 1;
  const first = ws.getRow(2); // newest first: the November 2024 policy
  expect(first.getCell(col("Title")).value).toBe(INJECTION);
  expect(first.getCell(col("Title")).type).toBe(ExcelJS.ValueType.String);
  expect(first.getCell(col("Title")).formula).toBeUndefined();
  expect(first.getCell(col("Code")).value).toBe("-5 TEST");
  const date = first.getCell(col("Date"));
  expect(date.value).toEqual(new Date(Date.UTC(2024, 10, 1)));
  expect(date.numFmt).toBe("mmm yyyy");
  expect(first.getCell(col("Date precision")).value).toBe("month");
  expect(first.getCell(col("Effective date")).numFmt).toBe("yyyy-mm-dd");
  expect(first.getCell(col("Source")).value).toEqual({ text: "https://example.test/articles/1", hyperlink: "https://example.test/articles/1" });
  expect(ws.getRow(4).getCell(col("Evidence")).value).toBe("+The Test Standards Body released TS 1-2023 on July 1, 2023.");
  expect(ws.rowCount).toBe(4);

  const [csvDl] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download .csv" }).click()]);
  expect(csvDl.suggestedFilename()).toBe("MG_Policies.csv");
  const csvPath = path.join(RESULTS, "MG_Policies.csv");
  await csvDl.saveAs(csvPath);
  const text = fs.readFileSync(csvPath, "utf8");
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const rows = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
  expect(rows[0]).toEqual(header);
  expect(rows).toHaveLength(4);
  expect(rows[1][0]).toBe(`'${INJECTION}`);
  expect(rows[1][1]).toBe("'-5 TEST");
  expect(rows[1][4]).toBe("2024-11-01"); // a month is its first day, a date Excel reads as one...
  expect(rows[1][5]).toBe("month"); // ...with its precision beside it
  expect(rows[2][8]).toBe("'@channel: the Test Ministry issued the Synthetic Recycling Rules on March 15, 2024.");
  expect(rows[3][8]).toBe("'+The Test Standards Body released TS 1-2023 on July 1, 2023.");

  await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.url });
  await page.getByRole("button", { name: "Copy" }).click();
  await until(() => page.getByTestId("action-status").textContent(), (v) => expect(v).toBe("3 rows copied: paste them into a sheet."));
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  // Tab-separated, quoted like a spreadsheet's own clipboard text where a cell holds quotes.
  const lines = Papa.parse<string[]>(copied, { delimiter: "\t", skipEmptyLines: true }).data;
  expect(lines[0]).toEqual(header);
  expect(lines[1][0]).toBe(`'${INJECTION}`);
  await page.context().close();
});

it("takes screenshots of every tab in light and dark", async () => {
  for (const theme of ["light", "dark"] as const) {
    const page = await openPane(theme);
    expect(await page.locator("[data-theme]").first().getAttribute("data-theme")).toBe(theme);
    await page.getByRole("button", { name: "Policy dates" }).click();
    await page.getByRole("option").first().click();
    await page.screenshot({ path: path.join(RESULTS, `pane-browse-${theme}.png`) });
    await page.getByRole("button", { name: "More filters" }).click();
    await page.getByTestId("more-filters").waitFor();
    await page.screenshot({ path: path.join(RESULTS, `pane-browse-filters-${theme}.png`) });
    await page.getByRole("tab", { name: "Functions" }).click();
    await page.getByTestId("fn-formula").waitFor();
    await page.getByRole("combobox", { name: /subject/ }).fill("Test Ministry");
    await page.keyboard.press("Escape");
    await page.screenshot({ path: path.join(RESULTS, `pane-functions-${theme}.png`) });
    await page.getByRole("tab", { name: "Data" }).click();
    await page.getByTestId("data-version").waitFor();
    expect(await page.getByTestId("data-version").textContent()).toBe("2024-12-01.browser-test");
    await page.screenshot({ path: path.join(RESULTS, `pane-data-${theme}.png`) });
    await page.context().close();
  }
});

it("works with the keyboard alone: presets, list, evidence link, tabs", async () => {
  const page = await openPane();
  const focused = () => page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return el ? `${el.getAttribute("role") ?? el.tagName.toLowerCase()}:${(el.getAttribute("aria-label") ?? el.textContent ?? "").trim().slice(0, 40)}` : "";
  });
  const tabTo = async (want: RegExp, max = 40) => {
    for (let i = 0; i < max; i++) {
      await page.keyboard.press("Tab");
      if (want.test(await focused())) return;
    }
    throw new Error(`Tab never reached ${want}; last: ${await focused()}`);
  };
  await tabTo(/^button:Policy dates$/);
  await page.keyboard.press("Space");
  await until(() => count(page), (v) => expect(v).toBe(`3 of ${TOTAL} records`));
  await tabTo(/^listbox:/); // focusing the list selects its first record
  await page.keyboard.press("ArrowDown");
  await until(() => page.getByTestId("record-details").textContent(), (v) => expect(v).toContain("@channel: the Test Ministry issued"));
  await tabTo(/^a:A synthetic article$/);
  // The tab list: arrows move between tabs, Enter chooses one.
  await page.getByRole("tab", { name: "Browse" }).focus();
  await page.keyboard.press("ArrowRight"); // Prices
  await page.keyboard.press("ArrowRight"); // Functions
  await page.keyboard.press("Enter");
  await page.getByTestId("fn-formula").waitFor();
  expect(await page.getByRole("tab", { name: "Functions" }).getAttribute("aria-selected")).toBe("true");
  await page.context().close();
});
