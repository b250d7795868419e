import ExcelJS from "exceljs";
import { buildXlsx } from "../../src/excel/xlsxFile";
import { EMPTY_FILTER, PRESETS, columnsOf, presetById, specForFilter, specForPreset } from "../../src/core/table";
import { rec } from "./syntheticRecords";

describe(".xlsx download", () => {
  it("writes typed cells: text as text (even =...), real dates at their precision, numbers, links", async () => {
    const spec = specForPreset(presetById("capacities")!);
    const buf = await buildXlsx([rec({ kind: "capacity", subject: "=cmd|' /C calc'!A0", value: 1350, value_max: null, unit: "t", per: "day", date: "2024-11" })], spec, "v-test");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf);
    const ws = wb.getWorksheet("Capacities")!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    const cell = (name: string) => ws.getRow(2).getCell(header.indexOf(name) + 1);
    expect(cell("Subject").value).toBe("=cmd|' /C calc'!A0");
    expect(cell("Subject").type).toBe(ExcelJS.ValueType.String);
    expect(cell("Subject").numFmt).toBe("@");
    expect(cell("Value").value).toBe(1350);
    expect(cell("Unit").value).toBe("t");
    expect(cell("Per").value).toBe("day");
    expect(cell("Date").value).toEqual(new Date(Date.UTC(2024, 10, 1)));
    expect(cell("Date").numFmt).toBe("mmm yyyy");
    expect(cell("Date precision").value).toBe("month");
    expect(cell("Source").value).toEqual({ text: "https://example.test/articles/1", hyperlink: "https://example.test/articles/1" });
    expect((wb.getWorksheet("About")!.getRow(3).values as unknown[]).slice(1)).toEqual(["Dataset version", "v-test"]);
  });

  it("keeps negative numbers as numbers and -/+/@ text as text; a javascript: source is no hyperlink", async () => {
    const spec = specForPreset(presetById("weight_savings")!);
    const buf = await buildXlsx([rec({ kind: "weight_saving", subject: "-Minus Test Co", product: "+plus part", region: "@at", value: -12.5, value_max: -3, source_url: "javascript:alert(1)" })], { ...spec, columns: ["subject", "product", "region", "value", "value_max", "source_url"] }, "v-test");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf);
    const ws = wb.worksheets[0];
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    const cell = (name: string) => ws.getRow(2).getCell(header.indexOf(name) + 1);
    expect(cell("Value").value).toBe(-12.5);
    expect(cell("Value").type).toBe(ExcelJS.ValueType.Number);
    expect(cell("Value (high end)").value).toBe(-3);
    for (const [col, text] of [["Subject", "-Minus Test Co"], ["Product", "+plus part"], ["Region", "@at"]]) {
      expect(cell(col).value).toBe(text);
      expect(cell(col).type).toBe(ExcelJS.ValueType.String);
      expect(cell(col).numFmt).toBe("@");
    }
    expect(cell("Source").value).toBe("javascript:alert(1)");
    expect(cell("Source").hyperlink).toBeUndefined();
  });

  it("holds the rows in a real Excel table under the name the pane shows, with its columns and exact range", async () => {
    // a free filter (no preset) is MG_Records with every column
    const spec = specForFilter({ ...EMPTY_FILTER, text: "synthetic" }, null);
    expect(spec.tableName).toBe("MG_Records");
    const rows = [
      rec({ kind: "project", date: "2024", qualifier: "over" }),
      rec({ kind: "policy", date: "", value: null, unit: "", per: "" }),
      rec({ kind: "event", date: "2023-03-02" }),
    ];
    const buf = await buildXlsx(rows, spec, "v-test");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf);
    const ws = wb.getWorksheet("Records")!;
    const table = ws.getTable("MG_Records");
    expect(table).toBeDefined();
    const model = modelOf(table);
    const headers = columnsOf(spec.columns).map((c) => c.header);
    expect(model.name).toBe("MG_Records");
    expect(model.headerRow).toBe(true);
    expect(model.totalsRow).toBe(false);
    expect(model.columns.map((c) => c.name)).toEqual(headers);
    expect(model.columns.every((c) => c.filterButton)).toBe(true);
    // header row + 3 records, one column per header: A1 to the last column's letter, row 4
    expect(headers).toHaveLength(ALL_COLUMNS_COUNT);
    expect(model.tableRef).toBe(`A1:${columnLetter(headers.length)}4`);
    // the table's cells are the records, typed as before
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(headers);
    const col = (name: string) => headers.indexOf(name) + 1;
    // rows in the order given: the year-only project, the undated policy, the event
    expect(ws.getRow(2).getCell(col("Date")).value).toEqual(new Date(Date.UTC(2024, 0, 1)));
    expect(ws.getRow(2).getCell(col("Date")).numFmt).toBe("yyyy");
    expect(ws.getRow(2).getCell(col("Qualifier")).value).toBe("over");
    expect(ws.getRow(3).getCell(col("Date")).value).toBeNull();
    expect(ws.getRow(4).getCell(col("Date")).value).toEqual(new Date(Date.UTC(2023, 2, 2)));
    // the table carries its own filter buttons: no second, sheet-wide autoFilter over it
    expect(ws.autoFilter).toBeFalsy();
  });

  it("names every preset's table after the preset", async () => {
    for (const p of PRESETS) {
      const buf = await buildXlsx([rec({ kind: p.kinds[0] })], specForPreset(p), "v-test");
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(buf);
      const tables = wb.worksheets.flatMap((w) => w.getTables().map((t) => modelOf(t as unknown as ExcelJS.Table).name));
      expect(tables).toEqual([p.tableName]);
    }
  });

  it("refuses to write a file without rows instead of an empty table", async () => {
    await expect(buildXlsx([], specForPreset(presetById("projects")!), "v-test")).rejects.toThrow(/no records/);
  });

  it("dates the About sheet with a real date and time, not text", async () => {
    const when = new Date(Date.UTC(2025, 3, 9, 13, 58, 7));
    const buf = await buildXlsx([rec()], specForPreset(presetById("projects")!), "v-test", when);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf);
    const about = wb.getWorksheet("About")!;
    let exported: ExcelJS.Cell | undefined;
    about.eachRow((row) => { if (row.getCell(1).value === "Exported (UTC)") exported = row.getCell(2); });
    expect(exported).toBeDefined();
    expect(exported!.type).toBe(ExcelJS.ValueType.Date);
    expect(exported!.value).toEqual(when);
    expect(exported!.numFmt).toMatch(/yyyy-mm-dd hh:mm/);
  });

  it("puts the Projects table's Qualifier beside its value, as the other presets with figures do", async () => {
    const spec = specForPreset(presetById("projects")!);
    const buf = await buildXlsx([rec({ kind: "project", value: 500, qualifier: "up to" })], spec, "v-test");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf);
    const ws = wb.getWorksheet("Projects")!;
    const header = (ws.getRow(1).values as unknown[]).slice(1) as string[];
    expect(header.slice(header.indexOf("Value"), header.indexOf("Value") + 4)).toEqual(["Value", "Unit", "Per", "Qualifier"]);
    expect(ws.getRow(2).getCell(header.indexOf("Qualifier") + 1).value).toBe("up to");
    // 13 columns (Date ... Source) over a header and one row
    expect(modelOf(ws.getTable("MG_Projects")).tableRef).toBe("A1:M2");
    // as in Capacities and Weight savings: the qualifier after the figure's unit
    for (const id of ["capacities", "weight_savings"]) {
      const cols = presetById(id)!.columns;
      expect(cols.indexOf("qualifier")).toBeGreaterThan(cols.indexOf("unit"));
    }
  });
});

/** The table as exceljs read it from the file (its typings do not declare the model it loads). */
interface LoadedTable { name: string; tableRef: string; headerRow: boolean; totalsRow: boolean; columns: { name: string; filterButton: boolean }[] }
function modelOf(t: ExcelJS.Table): LoadedTable {
  return (t as unknown as { model: LoadedTable }).model;
}

const ALL_COLUMNS_COUNT = columnsOf(specForFilter(EMPTY_FILTER, null).columns).length;

function columnLetter(n: number): string {
  let s = "";
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}
