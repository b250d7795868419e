// Freeze and Restore through Office.js (src/excel/freeze.ts) over office-addin-mock and an in-memory
// workbook whose MG formulas calculate on the bundled data: formulas -> values -> formulas (a spill
// included), MG_Sources as a real table naming each record, 10k MG cells written in requests under the
// limit, a cancel mid-way that leaves every frozen cell listed and every other cell a formula, an
// inserted table's sources, and the cells a refresh changed.
import { FreezeBook, freezeExcel } from "./freezeWorkbook";
import { parseDataset, Dataset } from "../../src/core/model/dataset";
import bundled from "../../src/data/dataset.json";
import { buildIndex } from "../../src/core/query/recordIndex";
import { policyDate, weightSaving } from "../../src/core/query/functions";
import { isAnswerError } from "../../src/core/query/answer";
import type { DataSnapshot } from "../../src/core/data/store";
import { SOURCES_TABLE, SOURCE_HEADERS, evaluateCall, mgCalls, parseAddress } from "../../src/core/freeze";
import { findChangedCells, freezeMgFormulas, restoreFormulas } from "../../src/excel/freeze";
import { insertTable } from "../../src/excel/writer";
import { filterRecords, presetById, specForPreset } from "../../src/core/table";
import { diffRecords } from "../../src/core/feed/diff";

const data = parseDataset(bundled);
const snap = (d: Dataset): DataSnapshot => ({ dataset: d, index: buildIndex(d), origin: "bundled" });
let snapshot = snap(data);

/** The workbook's calculation: an MG formula answers from `snapshot` (a lone call; a table spills), SUM adds. */
function calcFor(book: FreezeBook) {
  return (formula: string, sheet: string) => {
    const calls = mgCalls(formula, sheet);
    if (calls.length === 0) return /^=SUM\((\d+),(\d+)\)$/.test(formula) ? Number(RegExp.$1) + Number(RegExp.$2) : 0;
    const refs = new Map<string, string | number>();
    for (const a of calls[0].args) if (a.kind === "ref") {
      const at = parseAddress(`${a.sheet}!${a.cell}`)!;
      refs.set(`${a.sheet}!${a.cell}`, book.sheetNamed(a.sheet)?.get(at.row, at.col)?.value ?? "");
    }
    const res = evaluateCall(calls[0], snapshot, refs);
    if (res.status !== "answered") return "#VALUE!";
    if (isAnswerError(res.answer)) return res.answer.error === "not_available" ? "#N/A" : "#VALUE!";
    return res.answer.value;
  };
}

function newBook(names = ["Model"]): FreezeBook {
  const book = new FreezeBook(names);
  book.calc = calcFor(book);
  return book;
}

/** MG_Sources as Excel would read it: header and rows of values. */
function sourcesOf(book: FreezeBook): Record<string, unknown>[] {
  const t = book.tableByName(SOURCES_TABLE);
  if (!t) return [];
  const values = t.getRange().values;
  expect(values[0]).toEqual(SOURCE_HEADERS);
  return values.slice(1).map((row) => Object.fromEntries(SOURCE_HEADERS.map((h, j) => [h, row[j]])));
}

const seres = () => {
  const a = weightSaving(snapshot.index, "Seres");
  if (isAnswerError(a)) throw new Error(a.message);
  return a;
};

afterEach(() => { snapshot = snap(data); });

describe("Freeze and Restore", () => {
  it("round trip: formulas -> values (numbers, dates, a spill) with their sources -> the same formulas", async () => {
    const book = newBook();
    const s = book.sheet;
    book.type("Model", "A1", "Seres");
    book.type("Model", "B1", "=MG.WEIGHTSAVING(A1)");
    book.type("Model", "B2", '=MG.WEIGHTSAVING("Seres")');
    book.type("Model", "B3", '=MG.POLICYDATE("MIIT")');
    book.type("Model", "D1", "=MG.POLICIES()");
    book.type("Model", "A9", "=SUM(1,2)");
    const spill = s.spills.get("0,3")!;
    expect(spill.rows).toBeGreaterThan(2);
    const before = s.getRangeByIndexes(0, 0, 12, 3 + spill.cols).values;
    const { run } = freezeExcel(book);

    const out = await freezeMgFormulas(run, { scope: "sheet", snapshot });
    expect(out).toMatchObject({ status: "frozen", formulas: 4 });

    // values in place, no MG formula left, the other formula untouched
    expect(s.getRangeByIndexes(0, 0, 12, 3 + spill.cols).values).toEqual(before);
    const formulas = [...s.cells].filter(([, c]) => c.formula).map(([k]) => k);
    expect(formulas).toEqual(["8,0"]);
    expect(s.get(0, 1)?.value).toBe(seres().value);
    const pd = policyDate(snapshot.index, "MIIT");
    expect(s.get(2, 1)).toMatchObject({ value: (pd as { value: number }).value, format: expect.stringMatching(/yyyy/) });
    expect(s.spills.size).toBe(0);

    // MG_Sources: a real table on its own sheet, each row naming its record as the data does
    expect(book.sheetNamed("MG_Sources")).toBeDefined();
    expect(book.tableByName(SOURCES_TABLE)?.sheet.name).toBe("MG_Sources");
    const rows = sourcesOf(book);
    const b1 = rows.find((r) => r.Cell === "Model!B1")!;
    const record = seres().record!;
    expect(b1).toMatchObject({ Formula: "=MG.WEIGHTSAVING(A1)", Value: seres().value, "Record id": record.id, Evidence: record.evidence, Outlet: record.source_outlet, "Dataset version": data.version, "As of": data.as_of });
    const b1Cell = book.sheetNamed("MG_Sources")!.get(rows.indexOf(b1) + 1, SOURCE_HEADERS.indexOf("Formula"));
    expect(b1Cell).toMatchObject({ formula: false, format: "@" }); // the formula is kept as text, not run
    const d1 = rows.filter((r) => r.Cell === "Model!D1");
    expect(d1.length).toBeGreaterThan(0);
    expect(d1[0]["Spill range"]).toMatch(/^Model!D1:/);

    // restore: the formulas come back, the spill spills again, and MG_Sources goes with its sheet
    const back = await restoreFormulas(run, { scope: "workbook" });
    expect(back).toMatchObject({ status: "restored", formulas: 4, skipped: [] });
    expect(s.get(0, 1)).toMatchObject({ value: "=MG.WEIGHTSAVING(A1)", formula: true });
    expect(s.get(1, 1)).toMatchObject({ value: '=MG.WEIGHTSAVING("Seres")', formula: true });
    expect(s.get(0, 3)).toMatchObject({ value: "=MG.POLICIES()", formula: true });
    expect(s.spills.get("0,3")).toEqual(spill);
    expect(s.getRangeByIndexes(0, 0, 12, 3 + spill.cols).values).toEqual(before);
    expect(book.tableByName(SOURCES_TABLE)).toBeUndefined();
    expect(book.sheetNamed("MG_Sources")).toBeUndefined();
  });

  it("freezes only the selection, and a later freeze adds to MG_Sources; restore keeps a cell edited since", async () => {
    const book = newBook();
    book.type("Model", "B1", '=MG.WEIGHTSAVING("Seres")');
    book.type("Model", "B2", '=MG.WEIGHTSAVING("Seres", "%")');
    book.selection = { sheet: 0, row: 0, col: 1, rows: 1, cols: 1 };
    const { run } = freezeExcel(book);
    expect(await freezeMgFormulas(run, { scope: "selection", snapshot })).toMatchObject({ status: "frozen", formulas: 1 });
    expect(book.sheet.get(1, 1)?.formula).toBe(true);
    expect(await freezeMgFormulas(run, { scope: "workbook", snapshot })).toMatchObject({ status: "frozen", formulas: 1 });
    expect(sourcesOf(book).map((r) => r.Cell)).toEqual(["Model!B1", "Model!B2"]);
    // the first freeze's rows read back and written again keep their link
    const url = seres().record!.source_url;
    expect(sourcesOf(book).map((r) => r.URL)).toEqual([url, url]);
    if (url) expect(book.sheetNamed("MG_Sources")!.get(1, SOURCE_HEADERS.indexOf("URL"))).toMatchObject({ formula: true, value: `=HYPERLINK("${url}")` });
    book.type("Model", "B2", 99); // the analyst's own figure
    const back = await restoreFormulas(run, { scope: "workbook" });
    expect(back).toMatchObject({ status: "restored", formulas: 1, skipped: [{ cell: "Model!B2", why: expect.stringContaining("changed since it was frozen") }] });
    expect(book.sheet.get(1, 1)?.value).toBe(99);
    expect(sourcesOf(book).map((r) => r.Cell)).toEqual(["Model!B2"]);
  });

  it("with keep cards, a card stays a card (valuesAsJson) and its number stays a number", async () => {
    const book = newBook();
    book.type("Model", "B1", '=MG.WEIGHTSAVING("Seres")');
    const card = { type: "Double", basicValue: seres().value, properties: { Evidence: { type: "String", basicValue: "A sentence of this test." } } };
    (book.sheet.get(0, 1) as { card?: unknown }).card = card;
    const { run } = freezeExcel(book);
    expect(await freezeMgFormulas(run, { scope: "sheet", snapshot, keepCards: true })).toMatchObject({ status: "frozen", formulas: 1 });
    expect(book.sheet.get(0, 1)).toMatchObject({ value: seres().value, formula: false, card });
  });

  it("says so when there is nothing to freeze or restore", async () => {
    const book = newBook();
    book.type("Model", "A1", "=SUM(1,2)");
    const { run } = freezeExcel(book);
    expect(await freezeMgFormulas(run, { scope: "workbook", snapshot })).toEqual({ status: "nothing", message: "No MG formula in the workbook: nothing to freeze." });
    expect(await restoreFormulas(run, { scope: "workbook" })).toMatchObject({ status: "nothing", message: expect.stringContaining("no MG_Sources table") });
  });
});

describe("10k MG cells", () => {
  function bigBook(): FreezeBook {
    const book = newBook(["Big"]);
    // every other row of three columns: 10,000 cells, 10,000 areas' worth of blocks
    for (let i = 0; i < 10_000; i++) book.sheet.setTyped(2 * Math.floor(i / 3), i % 3, '=MG.WEIGHTSAVING("Seres")');
    return book;
  }

  it("are frozen in requests each under Excel on the web's 5 MB, and listed in MG_Sources", async () => {
    const book = bigBook();
    const { run } = freezeExcel(book);
    const out = await freezeMgFormulas(run, { scope: "sheet", snapshot, planOptions: { maxFormulas: 2_000 } });
    expect(out).toMatchObject({ status: "frozen", formulas: 10_000 });
    expect(Math.max(...book.syncs)).toBeLessThan(5_000_000);
    expect(book.syncs.filter((b) => b > 1000).length).toBeGreaterThan(5);
    expect([...book.sheetNamed("Big")!.cells.values()].some((c) => c.formula)).toBe(false);
    expect(sourcesOf(book)).toHaveLength(10_000);
  });

  it("cancelled mid-way: every frozen cell is listed in MG_Sources, every other cell still holds its formula, and restore puts all back", async () => {
    const book = bigBook();
    const { run } = freezeExcel(book);
    const abort = new AbortController();
    const out = await freezeMgFormulas(run, {
      scope: "sheet", snapshot, signal: abort.signal, planOptions: { maxFormulas: 1_000 },
      onProgress: (p) => { if (p.phase === "values" && p.done >= 3_000) abort.abort(); },
    });
    expect(out).toMatchObject({ status: "cancelled", formulas: 3_000, message: expect.stringContaining("3000 of 10000 MG formulas were frozen") });
    const big = book.sheetNamed("Big")!;
    const frozen = [...big.cells].filter(([, c]) => !c.formula).map(([k]) => k);
    expect(frozen).toHaveLength(3_000);
    const listed = sourcesOf(book).map((r) => { const a = parseAddress(String(r.Cell))!; return `${a.row},${a.col}`; });
    expect(listed.sort()).toEqual(frozen.sort());

    const back = await restoreFormulas(run, { scope: "workbook" });
    expect(back).toMatchObject({ status: "restored", formulas: 3_000 });
    expect([...big.cells.values()].every((c) => c.formula && c.value === '=MG.WEIGHTSAVING("Seres")')).toBe(true);
    expect(book.tableByName(SOURCES_TABLE)).toBeUndefined();
  });
});

describe("inserted MG tables", () => {
  it("get one MG_Sources row per source they draw on, with the ids of its records", async () => {
    const book = newBook();
    book.selection = { sheet: 0, row: 2, col: 1, rows: 1, cols: 1 };
    const { run } = freezeExcel(book);
    const spec = specForPreset(presetById("policies")!);
    const records = filterRecords(data.records, spec.filter);
    const out = await insertTable(run, { spec, records, datasetVersion: data.version });
    expect(out).toMatchObject({ status: "inserted" });
    expect(out).not.toHaveProperty("sourcesProblem");
    const rows = sourcesOf(book);
    const sources = new Set(records.map((r) => r.source_id));
    expect(rows).toHaveLength(sources.size);
    for (const row of rows) {
      const ids = String(row["Record id"]).split("; ");
      const first = records.find((r) => r.id === ids[0])!;
      expect(ids.every((id) => records.find((r) => r.id === id)?.source_id === first.source_id)).toBe(true);
      expect(row).toMatchObject({ "MG table": "MG_Policies", Cell: (out as { address: string }).address, Outlet: first.source_outlet, "Dataset version": data.version });
    }
    // inserting it again replaces its rows, and a freeze keeps them
    await insertTable(run, { spec: { ...spec, tableName: "MG_Policies2" }, records: records.slice(0, 1), datasetVersion: data.version, overwrite: true });
    expect(sourcesOf(book).filter((r) => r["MG table"] === "MG_Policies")).toHaveLength(sources.size);
  });
});

describe("after a refresh", () => {
  it("lists the workbook's MG cells whose answer changed, a cell that now answers #N/A first", async () => {
    const book = newBook(["Model", "Other"]);
    book.type("Model", "A1", "Seres");
    book.type("Model", "B1", "=MG.WEIGHTSAVING(A1)");
    book.type("Other", "C5", '=MG.POLICYDATE("MIIT")');
    book.type("Other", "C6", '=MG.WEIGHTSAVING("Seres", "kg")');
    const { value } = seres();
    const record = seres().record!;
    const records = data.records
      .filter((r) => !(r.kind === "policy" && /MIIT/.test(`${r.title} ${r.subject} ${r.code} ${r.organizations.join(" ")}`)))
      .map((r) => (r.id === record.id ? { ...r, value: value + 1 } : r));
    const after = parseDataset({ ...data, records, count: records.length });
    const before = snapshot;
    snapshot = snap(after);
    book.recalc();
    const { run } = freezeExcel(book);
    const out = await findChangedCells(run, before, snapshot, diffRecords(data.records, after.records));
    expect(out.cells).toBe(3);
    expect(out.changes.map((c) => [c.cell, c.before.text, c.after.text])).toEqual([
      ["Other!C5", expect.any(String), "#N/A"],
      ["Model!B1", String(value), String(value + 1)],
    ]);
    expect(out.changes[1].recordChange).toMatchObject({ id: record.id, fields: ["value"] });
    // nothing was written
    expect(book.sheetNamed("Model")!.get(0, 1)?.formula).toBe(true);
  });
});
