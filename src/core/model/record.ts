// The record model: one fact extracted from one sentence of one source.
// These field names are also the columns of the published feed (records.csv): keep them stable.
import { z } from "zod";

import { isCalendarDate, isoSpan } from "./dates";
import { PERIODS, PRICE_TYPES, QUALIFIERS, RECORD_COLUMNS, RECORD_KINDS, STATUSES } from "./fields";

// The constants live in fields.ts (no zod) so that code needing only them does not load zod.
export { ORGANIZATION_SEPARATOR, PERIODS, PRICE_TYPES, QUALIFIERS, RECORD_COLUMNS, RECORD_KINDS, STATUSES } from "./fields";
export type { Period, PriceType, Qualifier, RecordKind, Status } from "./fields";

/**
 * ISO 8601 at the precision the text gives: YYYY, YYYY-MM or YYYY-MM-DD, a day of the calendar (not
 * 2024-02-30); "" when the text does not pin it down.
 */
export const IsoDate = z
  .string()
  .regex(/^(|\d{4}|\d{4}-(0[1-9]|1[0-2])|\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01]))$/, "expected YYYY, YYYY-MM, YYYY-MM-DD or empty")
  .refine(isCalendarDateOrEmpty, "expected a day of the calendar (this month has fewer days)");

/** The IsoDate refinement: a pure function of the value, which the feed's compiled row check calls as is. */
export function isCalendarDateOrEmpty(s: string): boolean {
  return s === "" || isCalendarDate(s);
}

/**
 * Excel holds at most 32,767 characters in a cell; one is left for the quote prefix that keeps a text
 * from being read as a formula. Every text field of a record fits in a cell, so no writer (the Excel
 * table, the .xlsx, the .csv, a spill) ever has to clip or fail: the rule is here, once.
 */
export const MAX_CELL_TEXT = 32_766;
/** Organisations share one cell ("; " between them): at most this many names of at most MAX_NAME characters. */
export const MAX_ORGANIZATIONS = 30;
export const MAX_NAME = 1000;
const TOO_LONG = `longer than an Excel cell holds (${MAX_CELL_TEXT.toLocaleString("en-US")} characters)`;
const CellText = () => z.string().max(MAX_CELL_TEXT, TOO_LONG);

export const MgRecordSchema = z
  .object({
    /** Stable: the same input gives the same id (hash of source id, kind, evidence and value). */
    id: CellText().min(1),
    kind: z.enum(RECORD_KINDS),
    /** When it happened (or the release date of a policy/standard). */
    date: IsoDate,
    /** End of a date range ("From October 15 to 17"), else "". */
    date_end: IsoDate,
    /** Implementation / effective date of a standard or policy, else "". */
    date_effective: IsoDate,
    /** Canonical name of what the record is about (usually the lead organisation). */
    subject: CellText(),
    /** Canonical names of every organisation involved, subject included. */
    organizations: z.array(z.string().max(MAX_NAME, `a name longer than ${MAX_NAME} characters`)).max(MAX_ORGANIZATIONS, `more than ${MAX_ORGANIZATIONS} organisations (they share one cell)`),
    region: CellText(),
    /** Short label: the policy's quoted title, the product, the project. */
    title: CellText(),
    /** What is produced or measured (capacity: "magnesium hydride"; weight saving: the part). */
    product: CellText(),
    /** A code such as a standard number ("GB/T 3499-2023"). */
    code: CellText(),
    value: z.number().finite().nullable(),
    value_max: z.number().finite().nullable(),
    unit: CellText(),
    per: z.enum(PERIODS),
    qualifier: z.enum(QUALIFIERS),
    /** A price's grade as written ("99.9%", "99.95%"), else "". */
    grade: CellText(),
    /** A price's basis as written ("ex-works", "FOB China", "cash, tax included"), else "". */
    basis: CellText(),
    /** A price's type: quotation, transaction, offer or assessment; "" for other kinds. */
    price_type: z.enum(PRICE_TYPES),
    /** "planned" for a capacity or project that is planned, expected or targeted; "" for one that exists. */
    status: z.enum(STATUSES),
    /** The sentence the record comes from, exactly as in the source text. */
    evidence: CellText().min(1),
    /**
     * Where the date is written when the sentence does not write it: the dateline, heading or document field
     * that governs the sentence ("SMM Morning Meeting Notes on July 9:", "DATES: Applicable January 9, 2018."),
     * verbatim from the article; else "".
     */
    date_evidence: CellText(),
    source_id: CellText().min(1),
    source_title: CellText(),
    source_outlet: CellText(),
    source_url: CellText(),
    source_published: IsoDate,
  })
  .strict()
  .refine(valueRangeInOrder, { message: "value_max must be at least value, and there is no value_max without a value", path: ["value_max"] })
  .refine(dateRangeInOrder, { message: "date_end must not be before date", path: ["date_end"] });

export type MgRecord = z.infer<typeof MgRecordSchema>;

// The rules across fields. Pure functions of the record, which the feed's compiled row check calls as
// they are (src/core/feed/csv.ts); declarations are hoisted, so the schema above can name them.

/** "1,000 to 1,500 tonnes": value 1000, value_max 1500. A maximum alone, or one below the value, is a misreading. */
export function valueRangeInOrder(r: { value: number | null; value_max: number | null }): boolean {
  return r.value_max === null || (r.value !== null && r.value_max >= r.value);
}

/** A range ends on or after its start, compared over the days each date covers ("2025-06" to "2025"). */
export function dateRangeInOrder(r: { date: string; date_end: string }): boolean {
  if (r.date === "" || r.date_end === "") return true;
  const start = isoSpan(r.date);
  const end = isoSpan(r.date_end);
  return start === undefined || end === undefined || end.end >= start.start;
}

/**
 * What of a record (or draft) would not fit in an Excel cell ("its evidence is 40,000 characters long, more
 * than an Excel cell takes (32,766)"); null when all fits. The corpus build drops such a record with this
 * as its problem line instead of failing the dataset.
 */
export function fieldTooLongForCell(r: Partial<Record<keyof MgRecord, unknown>>): string | null {
  const n = (x: number) => x.toLocaleString("en-US");
  for (const [field, v] of Object.entries(r)) {
    if (typeof v === "string" && v.length > MAX_CELL_TEXT) return `its ${field} is ${n(v.length)} characters long, more than an Excel cell takes (${n(MAX_CELL_TEXT)})`;
  }
  const orgs = r.organizations;
  if (Array.isArray(orgs)) {
    if (orgs.length > MAX_ORGANIZATIONS) return `it names ${n(orgs.length)} organisations, more than the ${MAX_ORGANIZATIONS} that share one cell`;
    const long = orgs.find((o) => typeof o === "string" && o.length > MAX_NAME);
    if (long !== undefined) return `it names an organisation of ${n(long.length)} characters (at most ${n(MAX_NAME)})`;
  }
  return null;
}

// RECORD_COLUMNS (fields.ts) names only fields of the record (test/unit/model.test.ts checks it names them all).
const _columnsAreFields: readonly (keyof MgRecord)[] = RECORD_COLUMNS;
void _columnsAreFields;
