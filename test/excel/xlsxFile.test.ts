import ExcelJS from "exceljs";
import { buildXlsx } from "../../src/excel/xlsxFile";
import { presetById, specForPreset } from "../../src/core/table";
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
});
