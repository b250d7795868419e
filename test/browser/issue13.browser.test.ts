// Issue 13 in real Chromium, the production build in preview mode at the pane's width (380 x 800): the
// date range says what it leaves out (undated records, a from-date after the to-date) with one-click ways
// back; an empty result offers no download; the .xlsx is a real Excel table; the function builder's
// formula is what its boxes show. Screenshots under test-results/ (issue13-*.png).
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import type { Browser, Page } from "playwright-core";
import { DIST, RESULTS, StaticServer, launchChromium, serveStatic, until } from "./support";
import { dataset, rec } from "../excel/syntheticRecords";

// Synthetic: five dated projects (2023-2024) and four undated ones, two weight savings to pick from.
const DATA = dataset([
  ...Array.from({ length: 5 }, (_, i) => rec({ id: `dated-${i}`, kind: "project", title: `Dated synthetic plant ${i}`, date: `202${3 + (i % 2)}-0${i + 1}-10`, evidence: `Synthetic plant ${i} started on a stated day.` })),
  ...Array.from({ length: 4 }, (_, i) => rec({ id: `undated-${i}`, kind: "project", title: `Undated synthetic plant ${i}`, date: "", evidence: `Synthetic plant ${i} runs, the article gives no date.` })),
  rec({ id: "ws-1", kind: "weight_saving", subject: "Acme Test Motors", organizations: ["Acme Test Motors"], title: "Test rear body", product: "rear body", value: 21.8, unit: "%", date: "2024-10", evidence: "Acme Test Motors said the test rear body is 21.8% lighter." }),
  rec({ id: "ws-2", kind: "weight_saving", subject: "Zeta Test Drives", organizations: ["Zeta Test Drives"], title: "Test housing", product: "housing", value: 30, unit: "%", date: "2024-09", evidence: "Zeta Test Drives said the test housing is 30% lighter." }),
], { version: "2024-12-01.issue13" });
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
  const context = await browser.newContext({ viewport: { width: 380, height: 800 }, acceptDownloads: true, colorScheme: theme });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${server.url}/taskpane.html?theme=${theme}`);
  await page.getByTestId("record-count").waitFor({ timeout: 30_000 });
  expect(errors).toEqual([]);
  return page;
}

const count = (page: Page) => page.getByTestId("record-count").textContent();
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(RESULTS, `issue13-${name}.png`) });

it("a date range names the undated records it leaves out, keeps them in one click, and says when From is after To", async () => {
  for (const theme of ["light", "dark"] as const) {
    const page = await openPane(theme);
    await page.getByRole("button", { name: "More filters" }).click();
    await page.getByTestId("more-filters").waitFor();
    await page.getByLabel("From").fill("2024-01-01");
    // 2024's dated plants (1 and 3) and the two 2024 weight savings
    await until(() => count(page), (v) => expect(v).toBe(`4 of ${TOTAL} records`));
    const notice = page.getByTestId("date-range-notice");
    expect(await notice.textContent()).toContain("The date range leaves out 4 records without a date.");
    const include = notice.getByRole("button", { name: "Include 4 undated" });
    expect(await include.isVisible()).toBe(true);
    await shot(page, `date-range-${theme}`);

    await include.click();
    await until(() => count(page), (v) => expect(v).toBe(`8 of ${TOTAL} records`));
    expect(await include.getAttribute("aria-pressed")).toBe("true");
    expect(await notice.textContent()).toContain("Kept 4 records without a date");
    await shot(page, `date-range-included-${theme}`);

    await page.getByLabel("To").fill("2023-06-30");
    const reversed = "From (2024-01-01) is after To (2023-06-30): no date can be in this range.";
    await until(() => notice.textContent(), (v) => expect(v).toContain(reversed));
    await shot(page, `date-range-reversed-${theme}`);
    await notice.getByRole("button", { name: "Swap the dates" }).click();
    expect(await page.getByLabel("From").inputValue()).toBe("2023-06-30");
    expect(await page.getByLabel("To").inputValue()).toBe("2024-01-01");
    await page.context().close();
  }
});

it("offers no empty download, and the .xlsx it does give is a real Excel table", async () => {
  const page = await openPane();
  await page.getByLabel("Text in title or evidence").fill("words no record holds");
  await until(() => count(page), (v) => expect(v).toBe(`0 of ${TOTAL} records`));
  const reason = page.getByTestId("download-reason");
  expect(await reason.textContent()).toBe("No records match the filters: nothing to download or copy. Widen the filters first.");
  for (const name of ["Download .xlsx", "Download .csv", "Copy"]) {
    expect(await page.getByRole("button", { name }).getAttribute("aria-disabled")).toBe("true");
  }
  let downloads = 0;
  page.on("download", () => downloads++);
  await page.getByRole("button", { name: "Download .xlsx" }).click({ force: true });
  await page.getByRole("button", { name: "Download .csv" }).click({ force: true });
  await page.waitForTimeout(500);
  expect(downloads).toBe(0);
  await shot(page, "empty-download");

  await page.getByLabel("Text in title or evidence").fill("");
  await page.getByRole("button", { name: "Projects" }).click();
  await until(() => count(page), (v) => expect(v).toBe(`9 of ${TOTAL} records`));
  const [dl] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download .xlsx" }).click()]);
  const file = path.join(RESULTS, "issue13-MG_Projects.xlsx");
  await dl.saveAs(file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet("Projects")!;
  const table = (ws.getTable("MG_Projects") as unknown as { model: { name: string; tableRef: string; columns: { name: string }[] } }).model;
  expect(table.name).toBe("MG_Projects");
  // Date ... Source: 13 columns (A:M), a header and the 9 projects
  expect(table.tableRef).toBe("A1:M10");
  expect(table.columns.map((c) => c.name)).toEqual(["Date", "Date precision", "Subject", "Organisations", "Region", "Title", "Product", "Value", "Unit", "Per", "Qualifier", "Evidence", "Source"]);
  await page.context().close();
});

it("the function builder writes what its boxes show", async () => {
  const page = await openPane();
  await page.getByRole("tab", { name: "Functions" }).click();
  const formula = page.getByTestId("fn-formula");
  await formula.waitFor();
  const subject = page.getByRole("combobox", { name: /subject/ });
  await subject.click();
  await subject.pressSequentially("Zeta");
  await page.getByRole("option", { name: /Zeta Test Drives/ }).click();
  await until(() => formula.textContent(), (v) => expect(v).toBe('=MG.WEIGHTSAVING("Zeta Test Drives")'));
  // typed over the picked name
  await subject.selectText();
  await subject.pressSequentially("Inovance");
  expect(await subject.inputValue()).toBe("Inovance");
  await until(() => formula.textContent(), (v) => expect(v).toBe('=MG.WEIGHTSAVING("Inovance")'));
  // Esc closes the suggestions, keeps the text
  await subject.selectText();
  await subject.pressSequentially("Acme Te");
  await until(() => subject.getAttribute("aria-expanded"), (v) => expect(v).toBe("true"));
  await page.keyboard.press("Escape");
  expect(await subject.getAttribute("aria-expanded")).toBe("false");
  expect(await subject.inputValue()).toBe("Acme Te");
  expect(await formula.textContent()).toBe('=MG.WEIGHTSAVING("Acme Te")');
  // a cell reference goes in as a reference
  await subject.selectText();
  await subject.pressSequentially("Sheet1!C3");
  await page.keyboard.press("Escape");
  await until(() => formula.textContent(), (v) => expect(v).toBe("=MG.WEIGHTSAVING(Sheet1!C3)"));
  expect(await page.getByTestId("fn-result").textContent()).toContain("In Excel the function reads the cell Sheet1!C3");
  await shot(page, "functions-cell-reference");
  await page.context().close();
});
