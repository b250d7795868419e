// The record model: one fact extracted from one sentence of one source.
// These field names are also the columns of the published feed (records.csv): keep them stable.
import { z } from "zod";

import { isCalendarDate } from "./dates";
import { PERIODS, QUALIFIERS, RECORD_COLUMNS, RECORD_KINDS } from "./fields";

// The constants live in fields.ts (no zod) so that code needing only them does not load zod.
export { ORGANIZATION_SEPARATOR, PERIODS, QUALIFIERS, RECORD_COLUMNS, RECORD_KINDS } from "./fields";
export type { Period, Qualifier, RecordKind } from "./fields";

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

export const MgRecordSchema = z
  .object({
    /** Stable: the same input gives the same id (hash of source id, kind, evidence and value). */
    id: z.string().min(1),
    kind: z.enum(RECORD_KINDS),
    /** When it happened (or the release date of a policy/standard). */
    date: IsoDate,
    /** End of a date range ("From October 15 to 17"), else "". */
    date_end: IsoDate,
    /** Implementation / effective date of a standard or policy, else "". */
    date_effective: IsoDate,
    /** Canonical name of what the record is about (usually the lead organisation). */
    subject: z.string(),
    /** Canonical names of every organisation involved, subject included. */
    organizations: z.array(z.string()),
    region: z.string(),
    /** Short label: the policy's quoted title, the product, the project. */
    title: z.string(),
    /** What is produced or measured (capacity: "magnesium hydride"; weight saving: the part). */
    product: z.string(),
    /** A code such as a standard number ("GB/T 3499-2023"). */
    code: z.string(),
    value: z.number().finite().nullable(),
    value_max: z.number().finite().nullable(),
    unit: z.string(),
    per: z.enum(PERIODS),
    qualifier: z.enum(QUALIFIERS),
    /** The sentence the record comes from, exactly as in the source text. */
    evidence: z.string().min(1),
    source_id: z.string().min(1),
    source_title: z.string(),
    source_outlet: z.string(),
    source_url: z.string(),
    source_published: IsoDate,
  })
  .strict();

export type MgRecord = z.infer<typeof MgRecordSchema>;

// RECORD_COLUMNS (fields.ts) names only fields of the record (test/unit/model.test.ts checks it names them all).
const _columnsAreFields: readonly (keyof MgRecord)[] = RECORD_COLUMNS;
void _columnsAreFields;
