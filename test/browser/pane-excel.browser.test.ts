// The production build of the task pane in Chromium in Excel mode: office.js is replaced by a stand-in
// host (Office.onReady reports Excel; Excel.run runs the same in-memory workbook the writer tests use,
// test/excel/fakeWorkbook.ts, compiled for the page). Insert a table, answer the "already exists" and
// "overwrite?" questions, refresh, insert a formula from the Functions tab; screenshots of Excel mode.
import * as fs from "fs";
import * as path from "path";
import ts from "typescript";
import type { Browser, Page } from "playwright-core";
import { DIST, RESULTS, ROOT, StaticServer, launchChromium, serveStatic, until } from "./support";
import { dataset, rec } from "../excel/syntheticRecords";

const INJECTION = "=1+2 is not a formula here";
const DATA = dataset([
  rec({ id: "pol-1", kind: "policy", subject: "Test Ministry", organizations: ["Test Ministry"], title: INJECTION, date: "2024-11", evidence: "The Test Ministry published rules in November 2024." }),
  rec({ id: "pol-2", kind: "policy", subject: "Test Ministry", organizations: ["Test Ministry"], title: "Synthetic Recycling Rules", date: "2024-03-15", evidence: "The Test Ministry issued the Synthetic Recycling Rules on March 15, 2024." }),
  rec({ id: "wt-1", kind: "weight_saving", subject: "Acme Test Motors", organizations: ["Acme Test Motors"], title: "Test rear body", value: 21.8, unit: "%", date: "2024-10", evidence: "Acme Test Motors said the test rear body is 21.8% lighter." }),
  ...Array.from({ length: 3000 }, (_, i) => rec({ id: `prj-${i}`, kind: "project", title: `Synthetic project ${i}`, date: "2024-01" })),
], { version: "2024-12-01.excel-test" });

/** A stand-in for office.js: the Excel host, over the fake workbook compiled to plain JavaScript. */
function fakeHostScript(): string {
  const source = fs.readFileSync(path.join(ROOT, "test/excel/fakeWorkbook.ts"), "utf8");
  const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 } }).outputText;
  return `(function () {
    var exports = {}; var module = { exports: exports };
    ${js}
    var book = new exports.FakeBook();
    var ctx = exports.fakeContext(book);
    window.__book = book;
    window.Excel = { run: function (batch) { return batch(ctx); } };
    window.Office = {
      HostType: { Excel: "Excel" },
      onReady: function () { return Promise.resolve({ host: "Excel", platform: "OfficeOnline" }); },
      context: { requirements: { isSetSupported: function () { return true; } }, officeTheme: { bodyBackgroundColor: "#ffffff" } },
    };
  })();`;
}

let server: StaticServer;
let browser: Browser;
beforeAll(async () => {
  fs.mkdirSync(RESULTS, { recursive: true });
  server = await serveStatic(DIST, { "/dataset.json": JSON.stringify(DATA), "/assets/office-js/office.js": fakeHostScript() });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Lets Fluent's enter/exit animations finish, so screenshots show what a user sees. */
const settled = (page: Page) => page.waitForTimeout(600);
const status = (page: Page) => page.getByTestId("action-status").textContent();
const cell = (page: Page, r: number, c: number) => page.evaluate(([r, c]) => (window as any).__book.sheet.get(r, c) ?? null, [r, c]);

it("inserts, asks about an existing table and a non-empty target, refreshes, and inserts a formula", async () => {
  const page = await browser.newPage({ viewport: { width: 420, height: 900 } });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${server.url}/taskpane.html`);
  await page.getByTestId("record-count").waitFor({ timeout: 30_000 });
  expect(await page.locator("html").getAttribute("data-mode")).toBe("excel");

  await page.evaluate(() => (window as any).__book.select("B2"));
  await page.getByRole("button", { name: "Policy dates" }).click();
  await page.getByRole("button", { name: "Insert table" }).click();
  await until(() => status(page), (v) => expect(v).toBe("Inserted MG_Policies at Sheet1!B2:K4 (2 rows)."));
  expect(await cell(page, 1, 1)).toMatchObject({ value: "Title" });
  expect(await cell(page, 2, 1)).toMatchObject({ value: INJECTION, formula: false, format: "@" });
  expect(await cell(page, 2, 5)).toMatchObject({ value: 45597, format: "mmm yyyy" }); // November 2024, month only
  await settled(page);
  await page.screenshot({ path: path.join(RESULTS, "pane-excel-inserted-light.png") });

  // Same table again: the pane offers to refresh it instead.
  await page.getByRole("button", { name: "Insert table" }).click();
  const dialog = page.getByRole("alertdialog");
  await dialog.waitFor();
  expect(await dialog.textContent()).toContain("MG_Policies already exists");
  await settled(page);
  await page.screenshot({ path: path.join(RESULTS, "pane-excel-exists-light.png") });
  await dialog.getByRole("button", { name: "Refresh MG_Policies" }).click();
  await until(() => status(page), (v) => expect(v).toBe("MG_Policies: 2 → 2 rows."));

  // 3,000 projects where a cell holds data: asked first, then written in chunks.
  await page.evaluate(() => { const b = (window as any).__book; b.sheet.setTyped(30, 3, "analyst note"); b.select("A20"); });
  await page.getByRole("button", { name: "Projects" }).click();
  await page.getByRole("button", { name: "Insert table" }).click();
  await dialog.waitFor();
  expect(await dialog.textContent()).toContain("Overwrite these cells?");
  await settled(page);
  await page.screenshot({ path: path.join(RESULTS, "pane-excel-overwrite-light.png") });
  await dialog.getByRole("button", { name: "Overwrite" }).click();
  await until(() => status(page), (v) => expect(v).toBe("Inserted MG_Projects at Sheet1!A20:M3020 (3000 rows)."));
  const syncs: number[] = await page.evaluate(() => (window as any).__book.syncs);
  expect(Math.max(...syncs)).toBeLessThan(4_000_000);

  await page.getByRole("button", { name: "Refresh MG tables" }).click();
  await until(() => status(page), (v) => expect(v).toBe("MG_Policies: 2 → 2 rows. MG_Projects: 3000 → 3000 rows."));

  await page.getByRole("tab", { name: "Functions" }).click();
  await page.getByRole("combobox", { name: /subject/ }).fill("Acme Test Motors");
  await page.keyboard.press("Escape");
  await until(() => page.getByTestId("fn-card-value").textContent(), (v) => expect(v).toBe("21.8"));
  await page.evaluate(() => (window as any).__book.select("H1"));
  await page.getByRole("button", { name: "Insert in active cell" }).click();
  await until(() => cell(page, 0, 7), (v) => expect(v).toMatchObject({ value: '=MG.WEIGHTSAVING("Acme Test Motors")', formula: true }));
  await settled(page);
  await page.screenshot({ path: path.join(RESULTS, "pane-excel-functions-light.png") });

  // In Excel the Data tab's Freeze panel is live (its jobs are tested on the mock workbook, test/excel/freezePane.test.tsx)
  await page.getByRole("tab", { name: "Data" }).click();
  const freeze = page.getByRole("region", { name: "Freeze MG formulas" });
  await freeze.waitFor();
  expect(await freeze.getByRole("button", { name: "Freeze MG formulas" }).isEnabled()).toBe(true);
  expect(await freeze.getByRole("button", { name: "Restore formulas" }).isEnabled()).toBe(true);
  expect(await page.getByTestId("freeze-preview-note").count()).toBe(0);
  await freeze.scrollIntoViewIfNeeded();
  await settled(page);
  await page.screenshot({ path: path.join(RESULTS, "pane-excel-data-freeze-light.png") });
  expect(errors).toEqual([]);
  await page.close();
});

it("after the data in use changes, names the MG tables made from the older version and refreshes them", async () => {
  const page = await browser.newPage({ viewport: { width: 420, height: 900 } });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${server.url}/taskpane.html`);
  await page.getByTestId("record-count").waitFor({ timeout: 30_000 });
  await page.evaluate(() => (window as any).__book.select("B2"));
  await page.getByRole("button", { name: "Policy dates" }).click();
  await page.getByRole("button", { name: "Insert table" }).click();
  await until(() => status(page), (v) => expect(v).toBe("Inserted MG_Policies at Sheet1!B2:K4 (2 rows)."));
  expect(await page.getByTestId("stale-tables").count()).toBe(0);

  // What a feed refresh does: the shared data store swaps in a newer version (one more policy).
  const newer = { ...DATA, version: "2024-12-02.excel-test", count: DATA.count + 1, records: [...DATA.records, rec({ id: "pol-3", kind: "policy", subject: "Test Ministry", organizations: ["Test Ministry"], title: "Synthetic Rules, part two", date: "2024-12-01", evidence: "The Test Ministry issued part two on December 1, 2024." })] };
  await page.evaluate((ds) => (globalThis as any).__magnesiumTrackerDataStore.replace(ds, "feed"), newer);
  const notice = page.getByTestId("stale-tables");
  await notice.waitFor();
  expect(await notice.textContent()).toContain("1 MG table was made from version 2024-12-01.excel-test; the data in use is version 2024-12-02.excel-test.");
  await settled(page);
  await page.screenshot({ path: path.join(RESULTS, "pane-excel-stale-tables-light.png") });
  await notice.getByRole("button", { name: "Refresh MG tables" }).click();
  await until(() => page.getByTestId("stale-tables-result").textContent(), (v) => expect(v).toBe("MG_Policies: 2 → 3 rows."));
  expect(await notice.getByRole("button", { name: "Refresh MG tables" }).count()).toBe(0);
  expect(errors).toEqual([]);
  await page.close();
});
