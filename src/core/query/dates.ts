// Dates between the data (ISO text at the precision the source gives) and Excel (serial numbers).

const MS_PER_DAY = 86_400_000;
/** Excel's day 0 in the 1900 date system, as used for every date after February 1900. */
const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);

/** Precision of an ISO date of the data: "YYYY", "YYYY-MM", "YYYY-MM-DD", or "" when empty. */
export type DatePrecision = "year" | "month" | "day" | "";

export function datePrecision(iso: string): DatePrecision {
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return "day";
  if (/^\d{4}-\d{2}$/.test(iso)) return "month";
  if (/^\d{4}$/.test(iso)) return "year";
  return "";
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Excel serial of an ISO day; a month gives its first day, a year its 1 January. */
export function isoToSerial(iso: string): number {
  const [y, m = 1, d = 1] = iso.split("-").map(Number);
  return Math.round((Date.UTC(y, m - 1, d) - EXCEL_EPOCH_UTC) / MS_PER_DAY);
}

/** ISO day (YYYY-MM-DD) of an Excel serial (whole days; a time of day is dropped). */
export function serialToIso(serial: number): string {
  const d = new Date(EXCEL_EPOCH_UTC + Math.floor(serial) * MS_PER_DAY);
  return d.toISOString().slice(0, 10);
}

/** First and last day (YYYY-MM-DD) an ISO date of any precision covers; undefined when empty. */
export function isoSpan(iso: string): { start: string; end: string } | undefined {
  const p = datePrecision(iso);
  if (p === "") return undefined;
  if (p === "day") return { start: iso, end: iso };
  const [y, m] = iso.split("-").map(Number);
  if (p === "month") return { start: `${iso}-01`, end: `${iso}-${String(daysInMonth(y, m)).padStart(2, "0")}` };
  return { start: `${iso}-01-01`, end: `${iso}-12-31` };
}

/** Whether an ISO date is a real calendar date (rejects 2024-02-30). */
export function isValidIso(iso: string): boolean {
  const p = datePrecision(iso);
  if (p === "") return false;
  const [y, m, d] = iso.split("-").map(Number);
  if (p === "year") return y >= 1900;
  if (m < 1 || m > 12) return false;
  if (p === "month") return true;
  return d >= 1 && d <= daysInMonth(y, m);
}
