// ISO dates at the precision the source gives (YYYY, YYYY-MM, YYYY-MM-DD) -> Excel date serials.
// A month-precision date is stored as the first of the month but formatted to show only the month,
// and its precision is written beside it: the table never claims a day the source did not state.

export type DatePrecision = "day" | "month" | "year";

export interface ExcelDate {
  /** Days since 1899-12-30 (Excel's 1900 date system, valid from 1900-03-01 on). */
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

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** Parses "", "YYYY", "YYYY-MM" or "YYYY-MM-DD"; null when empty or not a real date. */
export function isoToExcelDate(iso: string): ExcelDate | null {
  if (!iso) return null;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso);
  if (!m) return null;
  const year = Number(m[1]);
  const month = m[2] ? Number(m[2]) : 1;
  const day = m[3] ? Number(m[3]) : 1;
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  const precision: DatePrecision = m[3] ? "day" : m[2] ? "month" : "year";
  return { serial: Math.round((ms - EXCEL_EPOCH_MS) / DAY_MS), precision, format: DATE_FORMATS[precision] };
}

/** First and last day (inclusive, ISO YYYY-MM-DD) a date at its precision can mean. */
export function isoSpan(iso: string): { start: string; end: string } | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso);
  if (!m) return null;
  if (m[3]) return { start: iso, end: iso };
  if (m[2]) {
    const last = new Date(Date.UTC(Number(m[1]), Number(m[2]), 0)).getUTCDate();
    return { start: `${iso}-01`, end: `${iso}-${String(last).padStart(2, "0")}` };
  }
  return { start: `${iso}-01-01`, end: `${iso}-12-31` };
}

/** The JS Date (UTC midnight) of an Excel serial: for writers (exceljs) that take Date objects. */
export function excelSerialToUtcDate(serial: number): Date {
  return new Date(EXCEL_EPOCH_MS + serial * DAY_MS);
}
