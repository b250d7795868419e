// The .xlsx download of preview mode, built with exceljs from the same typed columns as the Excel
// writer. Text goes in as string cells (a string cell is never a formula, whatever it starts with)
// formatted as Text ("@"), so even re-typing a cell in Excel keeps it text. Dates are real dates with
// a format showing only the precision the source gives; source URLs are hyperlinks.
import ExcelJS from "exceljs";
import type { MgRecord } from "../core/model/record";
import { columnsOf } from "../core/table/columns";
import { serialToUtcDate } from "../core/model/dates";
import { safeHttpUrl } from "../core/table/cells";
import { fitCell } from "../core/table/plan";
import type { TableSpec } from "../core/table/presets";

const MAX_WIDTH = 60;

export async function buildXlsx(records: readonly MgRecord[], spec: TableSpec, datasetVersion: string): Promise<ArrayBuffer> {
  const columns = columnsOf(spec.columns);
  const wb = new ExcelJS.Workbook();
  wb.creator = "Magnesium Tracker";
  const sheetName = spec.tableName.replace(/^MG_/, "").slice(0, 31) || "Records";
  const ws = wb.addWorksheet(sheetName, { views: [{ state: "frozen", ySplit: 1 }] });
  const widths = columns.map((c) => c.header.length + 2);

  const header = ws.addRow(columns.map((c) => c.header));
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };
    cell.numFmt = "@";
  });

  for (const r of records) {
    const row = ws.addRow([]);
    columns.forEach((col, j) => {
      const c = col.cell(r);
      const cell = row.getCell(j + 1);
      switch (c.kind) {
        case "empty":
          if (col.type !== "number" && col.type !== "date") cell.numFmt = "@";
          return;
        case "number":
          cell.value = c.value;
          widths[j] = Math.max(widths[j], String(c.value).length + 1);
          return;
        case "date":
          if (!c.date) { // before March 1900 Excel has no real date: keep the ISO text
            cell.value = c.iso;
            cell.numFmt = "@";
            return;
          }
          cell.value = serialToUtcDate(c.date.serial);
          cell.numFmt = c.date.format;
          widths[j] = Math.max(widths[j], 12);
          return;
        case "text":
          cell.value = fitCell(c.text);
          cell.numFmt = "@";
          widths[j] = Math.max(widths[j], Math.min(MAX_WIDTH, c.text.length + 1));
          return;
        case "url":
          {
            const link = safeHttpUrl(c.url);
            cell.value = link ? { text: c.url, hyperlink: link } : c.url;
            if (link) cell.font = { color: { argb: "FF0563C1" }, underline: true };
          }
          cell.numFmt = "@";
          widths[j] = Math.max(widths[j], Math.min(MAX_WIDTH, c.url.length + 1));
          return;
      }
    });
  }
  ws.columns.forEach((c, j) => { c.width = widths[j]; });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };

  // Where the numbers come from and how the table was made: kept with the file.
  const about = wb.addWorksheet("About");
  about.addRows([
    ["Magnesium Tracker export"],
    ["Table", spec.tableName],
    ["Dataset version", datasetVersion],
    ["Rows", records.length],
    ["Filter", JSON.stringify(spec.filter)],
    ["Exported", new Date().toISOString()],
    ["Every row's Evidence column is the sentence of its Source the figures come from."],
  ]);
  about.getColumn(1).width = 18;
  about.getColumn(2).width = 60;
  about.eachRow((row) => row.eachCell((cell) => { if (typeof cell.value === "string") cell.numFmt = "@"; }));
  return wb.xlsx.writeBuffer() as Promise<ArrayBuffer>;
}
