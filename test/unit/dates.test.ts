// The one set of date rules (src/core/model/dates.ts), against values Excel itself gives:
// DATE(1900,3,1) = 61, DATE(2024,1,1) = 45292, DATE(2024,3,15) = 45366.
import { datePrecision, isCalendarDate, isoSpan, isoToSerial, serialToIso } from "../../src/core/model/dates";

describe("ISO dates of the data and Excel serials", () => {
  it("gives Excel's serials from 1 March 1900 on, and none before (Excel's 1900 counts a 29 February that never was)", () => {
    expect(isoToSerial("1900-03-01")).toBe(61);
    expect(isoToSerial("2024-01-01")).toBe(45292);
    expect(isoToSerial("2024-03-15")).toBe(45366);
    expect(isoToSerial("2024-03")).toBe(isoToSerial("2024-03-01"));
    expect(isoToSerial("2024")).toBe(45292);
    expect(isoToSerial("1900-02-28")).toBeUndefined();
    expect(isoToSerial("1899")).toBeUndefined();
    expect(serialToIso(61)).toBe("1900-03-01");
    expect(serialToIso(45366.75)).toBe("2024-03-15");
  });

  it("knows the calendar: leap days, month lengths, no month 13, four-digit years only", () => {
    expect(["2024-02-29", "2000-02-29", "2023-12-31", "2024-04-30", "2024", "2024-12"].map(isCalendarDate)).toEqual([true, true, true, true, true, true]);
    expect(["2023-02-29", "1900-02-29", "2024-04-31", "2024-13", "2024-00", "2024-01-00", "24-01-01", "", "2024-1-01"].map(isCalendarDate)).toEqual(
      Array(9).fill(false),
    );
    // a year below 100 is a year of the calendar (no Excel date, see above)
    expect([isCalendarDate("0050"), isCalendarDate("0004-02-29"), isoToSerial("0050")]).toEqual([true, true, undefined]);
    expect(["2024-02-29", "2024-02", "2024", "2024-02-30", ""].map(datePrecision)).toEqual(["day", "month", "year", "", ""]);
  });

  it("spans a month or a year to its first and last day", () => {
    expect(isoSpan("2024-02")).toEqual({ start: "2024-02-01", end: "2024-02-29" });
    expect(isoSpan("2023-02")).toEqual({ start: "2023-02-01", end: "2023-02-28" });
    expect(isoSpan("2024")).toEqual({ start: "2024-01-01", end: "2024-12-31" });
    expect(isoSpan("2024-07-03")).toEqual({ start: "2024-07-03", end: "2024-07-03" });
    expect(isoSpan("2024-06-31")).toBeUndefined();
  });
});
