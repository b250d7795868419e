import { FakeBook, fakeExcel } from "./fakeExcel";
import { rec } from "./syntheticRecords";
import { insertTable, refreshTables, listStoredTables } from "../../src/excel/writer";
import { TABLES_SETTING_KEY } from "../../src/excel/tableStore";
import { filterRecords, presetById, specForPreset, planInsert, columnsOf } from "../../src/core/table";
import type { MgRecord } from "../../src/core/model/record";

const policies = specForPreset(presetById("policies")!);
const projects = specForPreset(presetById("projects")!);
const events = specForPreset(presetById("events")!);

function colOf(book: FakeBook, header: string, headerRow = 0, left = 0): number {
  for (let c = left; c < left + 30; c++) if (book.sheet.get(headerRow, c)?.value === header) return c;
  throw new Error(`no column ${header}`);
}

describe("insert table", () => {
  const records: MgRecord[] = [
    rec({ id: "p1", kind: "policy", title: "Synthetic Magnesium Rules", date: "2024-05-16", date_effective: "2024-11", region: "Testland", subject: "Test Ministry" }),
    rec({ id: "p2", kind: "standard", title: "=HYPERLINK(\"http://evil.test\",\"click\")", code: "+1 TEST", date: "2023", region: "@SUM(A1)", evidence: "-2 is not a formula, and this sentence says so." }),
    rec({ id: "p3", kind: "policy", title: "'90s rules, quoted", date: "", source_url: "not a url" }),
  ];

  it("writes a named table with typed columns, dates at their precision and links", async () => {
    const book = new FakeBook();
    book.select("B3");
    const { run } = fakeExcel(book);
    const out = await insertTable(run, { spec: policies, records: filterRecords(records, policies.filter), datasetVersion: "v1" });
    expect(out).toMatchObject({ status: "inserted", tableName: "MG_Policies", address: "Sheet1!B3:K6", rowCount: 3 });

    const table = book.tableByName("MG_Policies")!;
    expect(table).toMatchObject({ row: 2, col: 1, rows: 4, cols: 10, style: "TableStyleMedium2" });
    const date = colOf(book, "Date", 2, 1);
    const eff = colOf(book, "Effective date", 2, 1);
    const title = colOf(book, "Title", 2, 1);
    const source = colOf(book, "Source", 2, 1);
    // Rows are newest first: 2024-05-16, 2023, undated.
    expect(book.sheet.get(3, date)).toMatchObject({ value: 45428, format: "yyyy-mm-dd" }); // Excel's serial for 16 May 2024
    expect(book.sheet.get(3, eff)).toMatchObject({ value: 45597, format: "mmm yyyy" }); // 1 Nov 2024, shown as the month only
    expect(book.sheet.get(3, colOf(book, "Effective date precision", 2, 1))?.value).toBe("month");
    expect(book.sheet.get(4, date)).toMatchObject({ value: 44927, format: "yyyy" }); // 1 Jan 2023, shown as the year
    expect(book.sheet.get(4, colOf(book, "Date precision", 2, 1))?.value).toBe("year");
    expect(book.sheet.get(5, date)?.value).toBe("");
    expect(book.sheet.get(3, source)?.hyperlink).toEqual({ address: "https://example.test/articles/1", textToDisplay: "https://example.test/articles/1" });
    expect(book.sheet.get(5, source)?.value).toBe("not a url");
    expect(book.sheet.get(5, source)?.hyperlink).toBeUndefined();
    expect(book.sheet.get(3, title)).toMatchObject({ value: "Synthetic Magnesium Rules", format: "@" });
    expect(book.sheet.get(2, title)?.value).toBe("Title");
    expect(book.autofits).toBeGreaterThan(0);
  });

  it("stores text that looks like a formula as that exact text", async () => {
    const book = new FakeBook();
    const { run } = fakeExcel(book);
    await insertTable(run, { spec: policies, records: filterRecords(records, policies.filter), datasetVersion: "v1" });
    const cells = [...book.sheet.cells.values()];
    expect(cells.filter((c) => c.formula)).toEqual([]);
    const texts = cells.map((c) => c.value);
    expect(texts).toEqual(expect.arrayContaining([
      "=HYPERLINK(\"http://evil.test\",\"click\")", "+1 TEST", "@SUM(A1)", "-2 is not a formula, and this sentence says so.", "'90s rules, quoted",
    ]));
  });

  it("puts numbers in as numbers with the unit in its own column", async () => {
    const book = new FakeBook();
    const { run } = fakeExcel(book);
    const rows = [rec({ kind: "capacity", value: 1350, value_max: 2000, unit: "t", per: "day", qualifier: "over" })];
    const caps = specForPreset(presetById("capacities")!);
    await insertTable(run, { spec: caps, records: rows, datasetVersion: "v1" });
    expect(book.sheet.get(1, colOf(book, "Value"))).toMatchObject({ value: 1350, format: "General" });
    expect(book.sheet.get(1, colOf(book, "Value (high end)"))?.value).toBe(2000);
    expect(book.sheet.get(1, colOf(book, "Unit"))?.value).toBe("t");
    expect(book.sheet.get(1, colOf(book, "Per"))?.value).toBe("day");
    expect(book.sheet.get(1, colOf(book, "Qualifier"))?.value).toBe("over");
  });

  it("asks before writing over a non-empty range, and overwrites only when told", async () => {
    const book = new FakeBook();
    book.sheet.setTyped(2, 3, "analyst's note");
    const { run } = fakeExcel(book);
    const req = { spec: policies, records: filterRecords(records, policies.filter), datasetVersion: "v1" };
    expect(await insertTable(run, req)).toEqual({ status: "not-empty", address: "Sheet1!A1:J4", restorable: true });
    expect(book.sheet.get(2, 3)?.value).toBe("analyst's note");
    expect(book.tables).toHaveLength(0);
    expect(await insertTable(run, { ...req, overwrite: true })).toMatchObject({ status: "inserted" });
  });

  it("offers to refresh when the table name exists, with a free name as the other choice", async () => {
    const book = new FakeBook();
    const { run } = fakeExcel(book);
    const req = { spec: policies, records: filterRecords(records, policies.filter), datasetVersion: "v1" };
    await insertTable(run, req);
    book.select("M1");
    expect(await insertTable(run, req)).toEqual({ status: "name-exists", tableName: "MG_Policies", isMgTable: true, suggestedName: "MG_Policies_2" });
    expect(await insertTable(run, { ...req, spec: { ...policies, tableName: "MG_Policies_2" } })).toMatchObject({ status: "inserted", tableName: "MG_Policies_2" });
  });

  it("refuses to write across another table", async () => {
    const book = new FakeBook();
    const { run } = fakeExcel(book);
    await insertTable(run, { spec: policies, records, datasetVersion: "v1" });
    book.select("C2");
    const out = await insertTable(run, { spec: { ...projects }, records: [rec()], datasetVersion: "v1", overwrite: true });
    expect(out).toMatchObject({ status: "overlaps-table", tables: ["MG_Policies"] });
  });

  it("writes 50,000 rows in chunks: one sync per chunk, each request under 4 MB, calculation suspended", async () => {
    const many = Array.from({ length: 50_000 }, (_, i) =>
      rec({ id: `big-${i}`, title: `Synthetic project number ${i} — magnesium alloy line für Tëst`, evidence: `Synthetic sentence ${i}: `.padEnd(400, "x") }),
    );
    const book = new FakeBook();
    const { run } = fakeExcel(book);
    const progress: number[] = [];
    const plan = planInsert(many, columnsOf(projects.columns));
    const out = await insertTable(run, { spec: projects, records: many, datasetVersion: "v1", onProgress: (p) => progress.push(p.rowsWritten) });
    expect(out).toMatchObject({ status: "inserted", rowCount: 50_000 });
    // 2 looks (selection/name, target), 1 header, one per chunk, 1 table, 1 stored setting.
    expect(book.syncs).toHaveLength(2 + 1 + plan.chunks.length + 2);
    expect(plan.chunks.length).toBeGreaterThan(10);
    expect(plan.chunks.length).toBeLessThan(50_000 / 500);
    const chunkSyncs = book.syncs.slice(3, 3 + plan.chunks.length);
    for (const [i, b] of chunkSyncs.entries()) {
      expect(b).toBeLessThan(4_000_000);
      expect(plan.chunks[i].bytes).toBeGreaterThanOrEqual(b); // the planner's estimate is on the safe side
    }
    expect(Math.max(...book.syncs)).toBeLessThan(4_000_000);
    expect(book.suspendCalls.calculation).toBeGreaterThanOrEqual(plan.chunks.length);
    expect(book.suspendCalls.screen).toBeGreaterThanOrEqual(plan.chunks.length);
    expect(progress.at(-1)).toBe(50_000);
    expect(progress.length).toBe(plan.chunks.length);
    expect(book.sheet.get(50_000, colOf(book, "Title"))?.value).toBe(many[49_999].title);
  });

  it("cancels between chunks and removes the rows already written", async () => {
    const many = Array.from({ length: 3000 }, (_, i) => rec({ id: `c-${i}` }));
    const book = new FakeBook();
    const { run } = fakeExcel(book);
    const ctrl = new AbortController();
    book.onSync = (n) => { if (n === 4) ctrl.abort(); }; // after the first chunk
    const out = await insertTable(run, { spec: projects, records: many, datasetVersion: "v1", signal: ctrl.signal, planOptions: { maxRows: 500 } });
    expect(out.status).toBe("cancelled");
    expect(book.tables).toHaveLength(0);
    expect([...book.sheet.cells.values()].filter((c) => c.value !== "")).toEqual([]);
  });

  it("puts the user's cells back (values, formulas, number formats) when an agreed overwrite is cancelled", async () => {
    const many = Array.from({ length: 3000 }, (_, i) => rec({ id: `o-${i}` }));
    const book = new FakeBook();
    book.sheet.setTyped(1, 0, "Analyst's input");
    book.sheet.setTyped(2, 1, -12.5);
    book.sheet.cell(3, 2).format = "@";
    book.sheet.setTyped(3, 2, "=not a formula, typed as text");
    Object.assign(book.sheet.cell(4, 3), { value: "=B3*2", formula: true, result: -25 });
    book.sheet.cell(5, 4).format = "0.00%";
    book.sheet.setTyped(5, 4, 0.125);
    const before = JSON.parse(JSON.stringify([...book.sheet.cells.entries()]));
    const { run } = fakeExcel(book);
    const req = { spec: projects, records: many, datasetVersion: "v1", planOptions: { maxRows: 500 } };
    expect(await insertTable(run, req)).toMatchObject({ status: "not-empty", restorable: true });
    const ctrl = new AbortController();
    const syncsBefore = book.syncs.length;
    book.onSync = (n) => { if (n === syncsBefore + 5) ctrl.abort(); }; // after the first chunk is written
    const out = await insertTable(run, { ...req, overwrite: true, expectRestore: true, signal: ctrl.signal });
    expect(out.status).toBe("cancelled");
    expect(out).toMatchObject({ message: expect.stringContaining("got back their values, formulas and number formats") });
    expect(book.tables).toHaveLength(0);
    const after = [...book.sheet.cells.entries()].filter(([, c]) => c.value !== "").map(([k, c]) => [k, { value: c.value, format: c.format, formula: c.formula }]);
    const expected = before.filter(([, c]: [string, any]) => c.value !== "").map(([k, c]: [string, any]) => [k, { value: c.value, format: c.format, formula: c.formula }]);
    expect(after).toEqual(expected);
    expect(book.sheet.get(3, 2)).toMatchObject({ value: "=not a formula, typed as text", formula: false });
    expect(book.sheet.get(4, 3)).toMatchObject({ value: "=B3*2", formula: true });
    expect(book.sheet.get(2, 1)).toMatchObject({ value: -12.5, formula: false });
  });

  it("says up front when the cells are too many to put back, and leaves the range empty on cancel", async () => {
    const book = new FakeBook();
    for (let r = 1; r <= 2100; r++) for (let c = 0; c < 10; c++) book.sheet.setTyped(r, c, r * 10 + c);
    const { run } = fakeExcel(book);
    const many = Array.from({ length: 3000 }, (_, i) => rec({ id: `t-${i}` }));
    const req = { spec: projects, records: many, datasetVersion: "v1", planOptions: { maxRows: 500 } };
    expect(await insertTable(run, req)).toMatchObject({ status: "not-empty", restorable: false });
    const ctrl = new AbortController();
    const syncsBefore = book.syncs.length;
    book.onSync = (n) => { if (n === syncsBefore + 4) ctrl.abort(); };
    const out = await insertTable(run, { ...req, overwrite: true, signal: ctrl.signal });
    expect(out).toMatchObject({ status: "cancelled", message: expect.stringContaining("is now empty") });
    expect([...book.sheet.cells.values()].filter((c) => c.value !== "")).toEqual([]);
  });
});

describe("insert table when Excel refuses a request halfway", () => {
  const projects = specForPreset(presetById("projects")!);
  const userCells = (book: FakeBook) => [...book.sheet.cells.entries()].filter(([, c]) => c.value !== "").map(([k, c]) => [k, { value: c.value, format: c.format, formula: c.formula }]);

  it("puts an agreed overwrite's cells back (a formula among them) and leaves no header or rows without a table", async () => {
    const many = Array.from({ length: 3000 }, (_, i) => rec({ id: `f-${i}` }));
    const book = new FakeBook();
    book.sheet.setTyped(1, 0, "Analyst's input");
    Object.assign(book.sheet.cell(4, 3), { value: "=B3*2", formula: true, result: -25 });
    book.sheet.cell(5, 4).format = "0.00%";
    book.sheet.setTyped(5, 4, 0.125);
    const before = userCells(book);
    const { run } = fakeExcel(book);
    const req = { spec: projects, records: many, datasetVersion: "v1", planOptions: { maxRows: 500 } };
    const syncsBefore = book.syncs.length;
    let failedOnce = false;
    book.onSync = (n) => {
      // The third chunk's request is refused (its rows were already put in the sheet, as Excel may do).
      if (!failedOnce && n === syncsBefore + 6) { failedOnce = true; throw new Error("RequestPayloadSizeLimitExceeded"); }
    };
    const out = await insertTable(run, { ...req, overwrite: true, expectRestore: true });
    expect(out).toEqual({ status: "failed", message: expect.stringContaining("Excel refused the insert (RequestPayloadSizeLimitExceeded)") });
    expect(out).toMatchObject({ message: expect.stringContaining("got back their values, formulas and number formats") });
    expect(book.tables).toHaveLength(0);
    expect(userCells(book)).toEqual(before);
    expect(book.sheet.get(4, 3)).toMatchObject({ value: "=B3*2", formula: true });
  });

  it("removes a table Excel made before refusing the rest, on an empty range", async () => {
    const book = new FakeBook();
    const { run } = fakeExcel(book);
    const tablesAtStart = book.tables.length;
    let made = 0;
    book.onSync = () => { if (book.tables.length > tablesAtStart && made++ === 0) throw new Error("GeneralException"); };
    const out = await insertTable(run, { spec: projects, records: [rec({ id: "a" }), rec({ id: "b" })], datasetVersion: "v1" });
    expect(out).toEqual({ status: "failed", message: "Excel refused the insert (GeneralException): the rows written so far were removed." });
    expect(book.tables).toHaveLength(0);
    expect(userCells(book)).toEqual([]);
  });
});

describe("refresh MG tables", () => {
  it("rewrites a table that grew and one that shrank in place, touching nothing outside", async () => {
    const v1 = [
      ...Array.from({ length: 3 }, (_, i) => rec({ id: `pr-${i}`, kind: "project", title: `Old project ${i}` })),
      ...Array.from({ length: 5 }, (_, i) => rec({ id: `ev-${i}`, kind: "event", title: `Old event ${i}`, date: `2024-0${i + 1}` })),
    ];
    const book = new FakeBook();
    const { run } = fakeExcel(book);
    book.select("A1");
    await insertTable(run, { spec: projects, records: filterRecords(v1, projects.filter), datasetVersion: "v1" });
    book.select("O1");
    await insertTable(run, { spec: events, records: filterRecords(v1, events.filter), datasetVersion: "v1" });
    // The analyst's own cells: beside each table and below the space the grown table will take.
    book.sheet.setTyped(0, 13, "mine, right of projects");
    book.sheet.setTyped(20, 0, "mine, below projects");
    book.sheet.setTyped(8, 14, "mine, below events");

    const v2 = [
      ...Array.from({ length: 7 }, (_, i) => rec({ id: `pr2-${i}`, kind: "project", title: `New project ${i}` })),
      ...Array.from({ length: 2 }, (_, i) => rec({ id: `ev2-${i}`, kind: "event", title: `New event ${i}`, date: `2025-0${i + 1}` })),
    ];
    // Reopened workbook: a fresh runner reads the stored filters back from the workbook's settings.
    const reopened = fakeExcel(book).run;
    expect((await listStoredTables(reopened)).map((t) => t.tableName)).toEqual(["MG_Projects", "MG_Events"]);
    const results = await refreshTables(reopened, { rowsFor: (spec) => filterRecords(v2, spec.filter), datasetVersion: "v2" });
    expect(results.map((r) => [r.tableName, r.status, r.rowsBefore, r.rowsAfter])).toEqual([
      ["MG_Projects", "refreshed", 3, 7],
      ["MG_Events", "refreshed", 5, 2],
    ]);
    const pj = book.tableByName("MG_Projects")!;
    const ev = book.tableByName("MG_Events")!;
    expect([pj.row, pj.col, pj.rows, pj.cols]).toEqual([0, 0, 8, 13]);
    expect([ev.row, ev.col, ev.rows, ev.cols]).toEqual([0, 14, 3, 10]);
    const titleP = colOf(book, "Title");
    expect(Array.from({ length: 7 }, (_, i) => book.sheet.get(1 + i, titleP)?.value).sort()).toEqual(v2.slice(0, 7).map((r) => r.title).sort());
    const titleE = colOf(book, "Title", 0, 14);
    expect([book.sheet.get(1, titleE)?.value, book.sheet.get(2, titleE)?.value]).toEqual(["New event 1", "New event 0"]);
    // Rows the events table gave up are empty, not stale.
    for (let r = 3; r <= 5; r++) for (let c = 14; c < 24; c++) expect(book.sheet.get(r, c)?.value ?? "").toBe("");
    expect(book.sheet.get(0, 13)?.value).toBe("mine, right of projects");
    expect(book.sheet.get(20, 0)?.value).toBe("mine, below projects");
    expect(book.sheet.get(8, 14)?.value).toBe("mine, below events");
    const stored = JSON.parse(book.settings.get(TABLES_SETTING_KEY) as string);
    expect(stored.tables.map((t: any) => t.datasetVersion)).toEqual(["v2", "v2"]);
  });

  it("empties a table whose rewrite Excel refused halfway, calls it failed and keeps it stale; the next table is still refreshed", async () => {
    const book = new FakeBook();
    const { run } = fakeExcel(book);
    book.select("A1");
    await insertTable(run, { spec: projects, records: Array.from({ length: 600 }, (_, i) => rec({ id: `p-${i}`, title: `Old ${i}` })), datasetVersion: "v1" });
    book.select("O1");
    await insertTable(run, { spec: { ...projects, tableName: "MG_Projects2" }, records: [rec({ id: "q", title: "Old q" })], datasetVersion: "v1" });
    const syncsBefore = book.syncs.length;
    let refused = false;
    // MG_Projects' second chunk is refused after the first was written: old and new rows would mix.
    book.onSync = (n) => { if (!refused && n === syncsBefore + 6) { refused = true; throw new Error("RequestPayloadSizeLimitExceeded"); } };
    const results = await refreshTables(run, {
      rowsFor: (spec) => (spec.tableName === "MG_Projects" ? Array.from({ length: 600 }, (_, i) => rec({ id: `n-${i}`, title: `New ${i}` })) : [rec({ id: "q2", title: "New q" })]),
      datasetVersion: "v2", planOptions: { maxRows: 250 },
    });
    expect(refused).toBe(true);
    expect(results.map((r) => [r.tableName, r.status])).toEqual([["MG_Projects", "failed"], ["MG_Projects2", "refreshed"]]);
    expect(results[0].message).toMatch(/could not be refreshed \(Excel refused: RequestPayloadSizeLimitExceeded\); its rows were cleared/);
    const title = colOf(book, "Title");
    const pj = book.tableByName("MG_Projects")!;
    const left = Array.from({ length: pj.rows - 1 }, (_, i) => book.sheet.get(1 + i, title)?.value ?? "").filter((v) => v !== "");
    expect(left).toEqual([]);
    const stored = JSON.parse(book.settings.get(TABLES_SETTING_KEY) as string);
    expect(stored.tables.map((t: any) => [t.tableName, t.datasetVersion])).toEqual([["MG_Projects", "v1"], ["MG_Projects2", "v2"]]);
  });

  it("leaves a table as it was when the rows it needs to grow into hold data", async () => {
    const book = new FakeBook();
    const { run } = fakeExcel(book);
    await insertTable(run, { spec: projects, records: [rec({ title: "Kept" })], datasetVersion: "v1" });
    book.sheet.setTyped(3, 2, "in the way");
    const results = await refreshTables(run, { rowsFor: () => [rec({ title: "A" }), rec({ title: "B" }), rec({ title: "C" })], datasetVersion: "v2" });
    expect(results[0]).toMatchObject({ status: "blocked", tableName: "MG_Projects" });
    expect(results[0].message).toMatch(/Sheet1!A3:M4 is not empty/);
    expect(book.tableByName("MG_Projects")!.rows).toBe(2);
    expect(book.sheet.get(1, colOf(book, "Title"))?.value).toBe("Kept");
    expect(book.sheet.get(3, 2)?.value).toBe("in the way");
  });

  it("forgets a table the user deleted and says so", async () => {
    const book = new FakeBook();
    const { run } = fakeExcel(book);
    await insertTable(run, { spec: projects, records: [rec()], datasetVersion: "v1" });
    book.tables = [];
    const results = await refreshTables(run, { rowsFor: () => [], datasetVersion: "v2" });
    expect(results[0]).toMatchObject({ status: "missing" });
    expect(await listStoredTables(run)).toEqual([]);
  });
});

describe("host support", () => {
  afterEach(() => { delete (globalThis as any).Office; });
  it("says which Excel API a job needs when the host is too old", () => {
    const { unsupportedExcelApi } = require("../../src/excel/writer");
    (globalThis as any).Office = { context: { requirements: { isSetSupported: (_: string, v: string) => Number(v.split(".")[1]) <= 9 } } };
    expect(unsupportedExcelApi("insert")).toBeNull();
    expect(unsupportedExcelApi("refresh")).toMatch(/needs Excel API 1\.13/);
  });
});
