// CSV download of a table: RFC 4180 through papaparse. Text cells that a spreadsheet would read as a
// formula (= + - @, tab, CR) get a leading apostrophe through papaparse's escapeFormulae, so they never
// run when the file is opened. Number cells are passed to papaparse as numbers, which it never escapes:
// -12.5 stays the number -12.5, not the text "'-12.5".
//
// Dates (docs/DATA.md, "Dates in .csv files and copies"): a spreadsheet opening a .csv turns "2024" into
// the number 2024 and guesses at "2024-07", so every date is written as a whole ISO day, which Excel and
// any CSV reader read as that date. A month or a year is the first day of its period, the value the
// .xlsx and the Excel table hold, and its precision column (Date precision, ...) says what the source
// gives. A partial date whose precision column is not in the file says its precision in the cell
// ("2025-06 (month)"), which no spreadsheet reads as a number or a day.
import Papa from "papaparse";
import type { MgRecord } from "../model/record";
import { datePrecision, isoSpan } from "../model/dates";
import { Cell, ColumnDef, cellText } from "./columns";

/**
 * papaparse's own default (/^[=+\-@\t\r].*$/) misses text whose first line is a formula and that goes
 * on after a line break ("=1+2\nmore"): `.` stops at the break and `$` has no multiline flag.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * For each column, whether the file also carries that date's precision: a date column `x` has its
 * precision in the column `x_precision` (date -> date_precision, date_effective -> date_effective_precision).
 */
function precisionCarried(columns: readonly ColumnDef[]): boolean[] {
  const ids = new Set<string>(columns.map((c) => c.id));
  return columns.map((c) => c.type === "date" && ids.has(`${c.id}_precision`));
}

/** A date as a .csv or a copy writes it (see the rule at the top). */
export function csvDate(c: Extract<Cell, { kind: "date" }>, precisionBeside: boolean): string {
  const precision = datePrecision(c.iso);
  if (precision === "day" || !precision) return c.iso;
  if (precisionBeside) return isoSpan(c.iso)?.start ?? c.iso;
  return `${c.iso} (${precision})`;
}

/** A cell as papaparse should see it: numbers as numbers (never escaped), everything else as text. */
function csvValue(c: Cell, precisionBeside: boolean): string | number {
  if (c.kind === "number") return c.value;
  if (c.kind === "date") return csvDate(c, precisionBeside);
  return cellText(c);
}

function rowsOf(records: readonly MgRecord[], columns: readonly ColumnDef[]): (string | number)[][] {
  const beside = precisionCarried(columns);
  return records.map((r) => columns.map((c, j) => csvValue(c.cell(r), beside[j])));
}

export function tableToCsv(records: readonly MgRecord[], columns: readonly ColumnDef[]): string {
  return Papa.unparse({ fields: columns.map((c) => c.header), data: rowsOf(records, columns) }, { newline: "\r\n", escapeFormulae: FORMULA_START });
}

/** Tab-separated text for the clipboard (pastes into a sheet as cells); same formula guard and dates. */
export function tableToTsv(records: readonly MgRecord[], columns: readonly ColumnDef[]): string {
  const data = rowsOf(records, columns).map((row) => row.map((v) => (typeof v === "number" ? v : v.replace(/[\t\r\n]+/g, " "))));
  return Papa.unparse({ fields: columns.map((c) => c.header), data }, { delimiter: "\t", newline: "\r\n", escapeFormulae: FORMULA_START, quotes: false });
}
