// The .xlsx download of preview mode, built with exceljs from the same typed columns as the Excel
// writer. The rows are a real Excel table (ListObject) named as the pane says (MG_Records, MG_Policies,
// ...), so structured references such as =COUNTA(MG_Policies[Title]) work in the downloaded file.
// Text goes in as string cells (a string cell is never a formula, whatever it starts with) formatted as
// Text ("@"), so even re-typing a cell in Excel keeps it text. Dates are real dates with a format showing
// only the precision the source gives; source URLs are hyperlinks.
import ExcelJS from "exceljs";
import type { MgRecord } from "../core/model/record";
import { columnsOf } from "../core/table/columns";
import { serialToUtcDate } from "../core/model/dates";
import { safeHttpUrl } from "../core/table/cells";
import type { TableSpec } from "../core/table/presets";

const MAX_WIDTH = 60;
/** Date and time of the export on the About sheet: Excel dates carry no zone, so it is labelled UTC. */
export const EXPORTED_FORMAT = "yyyy-mm-dd hh:mm:ss";

interface CellLook {
  numFmt?: string;
  font?: Partial<ExcelJS.Font>;
}

export async function buildXlsx(records: readonly MgRecord[], spec: TableSpec, datasetVersion: string, now: Date = new Date()): Promise<ArrayBuffer> {
  // An Excel table needs at least one data row (a table of a header alone is a file Excel repairs);
  // the pane disables the download before it gets here.
  if (records.length === 0) throw new Error("no records match the filters, so there is no table to write");
  const columns = columnsOf(spec.columns);
  const wb = new ExcelJS.Workbook();
  wb.creator = "Magnesium Tracker";
  const sheetName = spec.tableName.replace(/^MG_/, "").slice(0, 31) || "Records";
  const ws = wb.addWorksheet(sheetName, { views: [{ state: "frozen", ySplit: 1 }] });
  const widths = columns.map((c) => c.header.length + 4); // room for the table's filter button

  const values: ExcelJS.CellValue[][] = [];
  const looks: CellLook[][] = [];
  for (const r of records) {
    const row: ExcelJS.CellValue[] = [];
    const look: CellLook[] = [];
    columns.forEach((col, j) => {
      const c = col.cell(r);
      switch (c.kind) {
        case "empty":
          row.push(null);
          look.push(col.type !== "number" && col.type !== "date" ? { numFmt: "@" } : {});
          return;
        case "number":
          row.push(c.value);
          look.push({});
          widths[j] = Math.max(widths[j], String(c.value).length + 1);
          return;
        case "date":
          if (!c.date) { // before March 1900 Excel has no real date: keep the ISO text
            row.push(c.iso);
            look.push({ numFmt: "@" });
            return;
          }
          row.push(serialToUtcDate(c.date.serial));
          look.push({ numFmt: c.date.format });
          widths[j] = Math.max(widths[j], 12);
          return;
        case "text":
          row.push(c.text); // fits in a cell: the record schema says so (MAX_CELL_TEXT)
          look.push({ numFmt: "@" });
          widths[j] = Math.max(widths[j], Math.min(MAX_WIDTH, c.text.length + 1));
          return;
        case "url": {
          const link = safeHttpUrl(c.url);
          row.push(link ? { text: c.url, hyperlink: link } : c.url);
          look.push(link ? { numFmt: "@", font: { color: { argb: "FF0563C1" }, underline: true } } : { numFmt: "@" });
          widths[j] = Math.max(widths[j], Math.min(MAX_WIDTH, c.url.length + 1));
          return;
        }
      }
    });
    values.push(row);
    looks.push(look);
  }

  // The table writes the header and the rows; its own filter buttons replace a sheet-wide autoFilter
  // (the two together are a file Excel repairs).
  ws.addTable({
    name: spec.tableName,
    ref: "A1",
    headerRow: true,
    totalsRow: false,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: columns.map((c) => ({ name: c.header, filterButton: true })),
    rows: values,
  });
  ws.getRow(1).eachCell((cell) => { cell.numFmt = "@"; });
  looks.forEach((look, i) => {
    const row = ws.getRow(i + 2);
    look.forEach((l, j) => {
      if (!l.numFmt && !l.font) return;
      const cell = row.getCell(j + 1);
      if (l.numFmt) cell.numFmt = l.numFmt;
      if (l.font) cell.font = l.font;
    });
  });
  ws.columns.forEach((c, j) => { c.width = widths[j]; });

  // Where the numbers come from and how the table was made: kept with the file.
  const about = wb.addWorksheet("About");
  about.addRows([
    ["Magnesium Tracker export"],
    ["Table", spec.tableName],
    ["Dataset version", datasetVersion],
    ["Rows", records.length],
    ["Filter", JSON.stringify(spec.filter)],
    ["Exported (UTC)", now],
    ["Every row's Evidence column is the sentence of its Source the figures come from."],
  ]);
  about.getColumn(1).width = 18;
  about.getColumn(2).width = 60;
  about.eachRow((row) => row.eachCell((cell) => {
    if (typeof cell.value === "string") cell.numFmt = "@";
    else if (cell.value instanceof Date) cell.numFmt = EXPORTED_FORMAT;
  }));
  return wb.xlsx.writeBuffer() as Promise<ArrayBuffer>;
}
