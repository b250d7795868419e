// ISO dates as the data holds them, at the precision the source gives ("YYYY", "YYYY-MM" or
// "YYYY-MM-DD"), and Excel's date serials (the 1900 date system). The one set of date rules: the record
// schema, the MG functions, the tables and the files all use these. No zod here (the pane's first load
// needs these without it).

export type DatePrecision = "day" | "month" | "year";

const ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const MS_PER_DAY = 86_400_000;
/** Excel's day 0: right for every day from 1 March 1900 (Excel also counts a 29 February 1900 that never was). */
const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);
/** The serial of 1 March 1900: an earlier serial does not mean in Excel the day it means here. */
export const FIRST_EXCEL_SERIAL = 61;
/** 9999-12-31, the last day Excel's date system has. */
export const LAST_EXCEL_SERIAL = 2958465;

interface CalendarDate {
  precision: DatePrecision;
  /** UTC midnight of the first day the date covers. */
  ms: number;
  year: number;
  month: number;
}

/** The date, if `iso` is one at some precision and a day of the calendar (not 2024-02-30, not month 13). */
function calendarDate(iso: string): CalendarDate | undefined {
  const m = ISO_DATE.exec(iso);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = m[2] === undefined ? 1 : Number(m[2]);
  const day = m[3] === undefined ? 1 : Number(m[3]);
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0-99 as 1900-1999
  const check = new Date(0);
  check.setUTCFullYear(year, month - 1, day);
  const ms = check.getTime();
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  return { precision: m[3] !== undefined ? "day" : m[2] !== undefined ? "month" : "year", ms, year, month };
}

/** Whether `iso` is a date of the calendar at one of the three precisions ("" is not). */
export function isCalendarDate(iso: string): boolean {
  return calendarDate(iso) !== undefined;
}

/** The precision of a calendar date; "" for anything else (including ""). */
export function datePrecision(iso: string): DatePrecision | "" {
  return calendarDate(iso)?.precision ?? "";
}

/**
 * The Excel serial of the first day a date covers (a month: its 1st; a year: 1 January); undefined
 * when `iso` is not a calendar date or that day is before 1 March 1900, which Excel cannot show.
 */
export function isoToSerial(iso: string): number | undefined {
  const d = calendarDate(iso);
  if (!d) return undefined;
  const serial = Math.round((d.ms - EXCEL_EPOCH_UTC) / MS_PER_DAY);
  return serial >= FIRST_EXCEL_SERIAL ? serial : undefined;
}

/** The ISO day (YYYY-MM-DD) of an Excel serial (whole days; a time of day is dropped). */
export function serialToIso(serial: number): string {
  return new Date(EXCEL_EPOCH_UTC + Math.floor(serial) * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The JS Date (UTC midnight) of an Excel serial: for writers (exceljs) that take Date objects. */
export function serialToUtcDate(serial: number): Date {
  return new Date(EXCEL_EPOCH_UTC + serial * MS_PER_DAY);
}

/** The first and last day (ISO, inclusive) a calendar date covers at its precision; undefined otherwise. */
export function isoSpan(iso: string): { start: string; end: string } | undefined {
  const d = calendarDate(iso);
  if (!d) return undefined;
  if (d.precision === "day") return { start: iso, end: iso };
  if (d.precision === "month") {
    const last = new Date(Date.UTC(d.year, d.month, 0)).getUTCDate();
    return { start: `${iso}-01`, end: `${iso}-${String(last).padStart(2, "0")}` };
  }
  return { start: `${iso}-01-01`, end: `${iso}-12-31` };
}
