// Dates in tables and files: a record's ISO date (at the precision the source gives) -> an Excel date
// serial with a number format that shows exactly that precision. A month-precision date is stored as the
// first of the month but formatted to show only the month, and its precision is written beside it: the
// table never claims a day the source did not state. The date rules themselves: src/core/model/dates.ts.
import { DatePrecision, datePrecision, isoToSerial } from "../model/dates";

export type { DatePrecision } from "../model/dates";

export interface ExcelDate {
  /** Days since 1899-12-30 (Excel's 1900 date system), from 1 March 1900 on. */
  serial: number;
  precision: DatePrecision;
  /** Number format that shows exactly the known precision. */
  format: string;
}

export const DATE_FORMATS: Record<DatePrecision, string> = {
  day: "yyyy-mm-dd",
  month: "mmm yyyy",
  year: "yyyy",
};

/** The Excel date of "YYYY", "YYYY-MM" or "YYYY-MM-DD"; null when empty, not a calendar date, or before 1 March 1900. */
export function isoToExcelDate(iso: string): ExcelDate | null {
  const serial = isoToSerial(iso);
  if (serial === undefined) return null;
  const precision = datePrecision(iso) as DatePrecision;
  return { serial, precision, format: DATE_FORMATS[precision] };
}
