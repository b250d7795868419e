// Arguments as a spreadsheet passes them, read the same way by every MG function: text, choices and
// dates, each with a #VALUE! message that says what is expected.
import { Answer, invalidValue, value } from "./answer";
import { FIRST_EXCEL_SERIAL, LAST_EXCEL_SERIAL, isCalendarDate, isoSpan, serialToIso } from "../model/dates";

/** Arguments as a spreadsheet passes them; null or undefined when an optional one is omitted. */
export type Arg = string | number | boolean | null | undefined;

// ---------------------------------------------------------------------------------------------
// Arguments

export function isMissing(a: Arg): boolean {
  return a === null || a === undefined || (typeof a === "string" && a.trim() === "");
}

/** How a spreadsheet value reads in a message: TRUE, 2024, "text". */
export function shown(a: Arg): string {
  if (typeof a === "boolean") return a ? "TRUE" : "FALSE";
  if (typeof a === "number") return String(a);
  return `"${String(a)}"`;
}

/**
 * Text argument. One rule for every MG function: a number or a logical value where text is expected is
 * refused, never read as its digits (POLICYDATE(2024) would otherwise match any title that contains "2024").
 * A code that is all digits is given as text: "2024" in quotes, or a cell formatted as text.
 */
export function textArg(a: Arg, name: string, required: boolean): Answer<string | undefined> {
  if (isMissing(a)) return required ? invalidValue(`${name} is required: give it as text, e.g. "SAIC"`) : value(undefined);
  if (typeof a === "boolean") return invalidValue(`${name} must be text; got the logical value ${shown(a)}`);
  if (typeof a === "number") {
    const text = Number.isFinite(a) ? String(a) : "";
    return invalidValue(`${name} must be text; got the number ${Number.isFinite(a) ? a : "(not finite)"}${text ? `: if you mean the text, give it in quotes ("${text}") or format its cell as text` : ""}`);
  }
  const text = String(a).trim();
  // No name, title or code is this long: refuse before any search spends time on it (edit distances grow
  // with the square of the length).
  if (text.length > MAX_TEXT_ARG) return invalidValue(`${name} is ${text.length.toLocaleString("en-US")} characters long; give at most ${MAX_TEXT_ARG} (a name, words of a title, or a code)`);
  return value(text);
}

/** Longest text argument read: far above any name, title or code in the data. */
export const MAX_TEXT_ARG = 500;

/** A yes/no option: TRUE/FALSE (or 1/0, or the text "true"/"false"); empty is the fallback. */
export function booleanArg(a: Arg, name: string, fallback: boolean): Answer<boolean> {
  if (isMissing(a)) return value(fallback);
  if (typeof a === "boolean") return value(a);
  if (a === 1 || a === 0) return value(a === 1);
  const key = String(a).trim().toLowerCase();
  if (key === "true" || key === "false") return value(key === "true");
  return invalidValue(`${name} must be TRUE or FALSE; got ${shown(a)}`);
}

export function choiceArg<T extends string>(a: Arg, name: string, choices: Record<string, T>, fallback: T, expected: string): Answer<T> {
  if (isMissing(a)) return value(fallback);
  const key = String(a).trim().toLowerCase();
  // Own keys only: "constructor" or "__proto__" typed as an argument is no choice.
  const hit = Object.hasOwn(choices, key) ? choices[key] : undefined;
  if (typeof a === "boolean" || hit === undefined) return invalidValue(`${name} must be ${expected}; got ${shown(a)}`);
  return value(hit);
}

/** A date bound: an Excel date (serial) or ISO text (YYYY, YYYY-MM, YYYY-MM-DD). */
export function dateArg(a: Arg, name: string, side: "start" | "end"): Answer<string | undefined> {
  if (isMissing(a)) return value(undefined);
  if (typeof a === "number") {
    if (!Number.isFinite(a) || a < 1) return invalidValue(`${name} must be a date (an Excel date or text such as "2024-07"); got ${a}`);
    // Excel's serials before 61 count a 29 February 1900 that never was: no day can be read from them
    if (a > LAST_EXCEL_SERIAL) return invalidValue(`${name} ${a} is past 31 December 9999, the last date Excel has: give a date between 1 March 1900 and 9999-12-31`);
    if (a < FIRST_EXCEL_SERIAL) return invalidValue(`${name} ${a} is an Excel date before 1 March 1900, which Excel does not date reliably: give the date as text, e.g. "1900-01-15"`);
    // 2024 is a date in 1905 to Excel but surely meant as a year: refuse rather than guess
    if (Number.isInteger(a) && a >= 1900 && a <= 2200) {
      return invalidValue(`${name} ${a} looks like a year but is read as a date in ${serialToIso(a).slice(0, 4)}: give the year as text ("${a}") or a date (DATE(${a},1,1))`);
    }
    return value(serialToIso(a));
  }
  const text = String(a).trim();
  if (typeof a === "boolean" || !isCalendarDate(text)) {
    return invalidValue(`${name} must be a date: an Excel date or text such as "2024", "2024-07" or "2024-07-03"; got ${typeof a === "boolean" ? `the logical value ${shown(a)}` : shown(a)}`);
  }
  const span = isoSpan(text)!;
  return value(side === "start" ? span.start : span.end);
}
