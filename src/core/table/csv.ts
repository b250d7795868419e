// CSV download of a table: RFC 4180 through papaparse, dates as ISO text at their precision, and
// papaparse's escapeFormulae so a cell starting with = + - @ (or tab/CR) is prefixed with an apostrophe
// and never runs as a formula when the file is opened in a spreadsheet.
import Papa from "papaparse";
import type { MgRecord } from "../model/record";
import { ColumnDef, cellText } from "./columns";

export function tableToCsv(records: readonly MgRecord[], columns: readonly ColumnDef[]): string {
  const data = records.map((r) => columns.map((c) => cellText(c.cell(r))));
  return Papa.unparse({ fields: columns.map((c) => c.header), data }, { newline: "\r\n", escapeFormulae: true });
}

/** Tab-separated text for the clipboard (pastes into a sheet as cells); same formula guard. */
export function tableToTsv(records: readonly MgRecord[], columns: readonly ColumnDef[]): string {
  const data = records.map((r) => columns.map((c) => cellText(c.cell(r)).replace(/[\t\r\n]+/g, " ")));
  return Papa.unparse({ fields: columns.map((c) => c.header), data }, { delimiter: "\t", newline: "\r\n", escapeFormulae: true, quotes: false });
}
