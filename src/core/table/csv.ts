// CSV download of a table: RFC 4180 through papaparse, dates as ISO text at their precision. Text cells
// that a spreadsheet would read as a formula (= + - @, tab, CR) get a leading apostrophe through
// papaparse's escapeFormulae, so they never run when the file is opened. Number cells are passed to
// papaparse as numbers, which it never escapes: -12.5 stays the number -12.5, not the text "'-12.5".
import Papa from "papaparse";
import type { MgRecord } from "../model/record";
import { Cell, ColumnDef, cellText } from "./columns";

/**
 * papaparse's own default (/^[=+\-@\t\r].*$/) misses text whose first line is a formula and that goes
 * on after a line break ("=1+2\nmore"): `.` stops at the break and `$` has no multiline flag.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell as papaparse should see it: numbers as numbers (never escaped), everything else as text. */
function csvValue(c: Cell): string | number {
  return c.kind === "number" ? c.value : cellText(c);
}

export function tableToCsv(records: readonly MgRecord[], columns: readonly ColumnDef[]): string {
  const data = records.map((r) => columns.map((c) => csvValue(c.cell(r))));
  return Papa.unparse({ fields: columns.map((c) => c.header), data }, { newline: "\r\n", escapeFormulae: FORMULA_START });
}

/** Tab-separated text for the clipboard (pastes into a sheet as cells); same formula guard. */
export function tableToTsv(records: readonly MgRecord[], columns: readonly ColumnDef[]): string {
  const data = records.map((r) =>
    columns.map((c) => {
      const v = csvValue(c.cell(r));
      return typeof v === "number" ? v : v.replace(/[\t\r\n]+/g, " ");
    }),
  );
  return Papa.unparse({ fields: columns.map((c) => c.header), data }, { delimiter: "\t", newline: "\r\n", escapeFormulae: FORMULA_START, quotes: false });
}
