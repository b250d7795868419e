// The record model: one fact extracted from one sentence of one source.
// These field names are also the columns of the published feed (records.csv): keep them stable.
import { z } from "zod";

export const RECORD_KINDS = [
  "policy",
  "project",
  "capacity",
  "weight_saving",
  "standard",
  "event",
  "deal",
  "product",
] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export const QUALIFIERS = ["", "over", "up to", "about", "under", "at least"] as const;
export type Qualifier = (typeof QUALIFIERS)[number];

export const PERIODS = ["", "year", "day", "month", "hour"] as const;
export type Period = (typeof PERIODS)[number];

/** ISO 8601 at the precision the text gives: YYYY, YYYY-MM or YYYY-MM-DD; "" when the text does not pin it down. */
export const IsoDate = z
  .string()
  .regex(/^(|\d{4}|\d{4}-(0[1-9]|1[0-2])|\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01]))$/, "expected YYYY, YYYY-MM, YYYY-MM-DD or empty");

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

/** Column order of the CSV feed and of exported tables. */
export const RECORD_COLUMNS = [
  "id",
  "kind",
  "date",
  "date_end",
  "date_effective",
  "subject",
  "organizations",
  "region",
  "title",
  "product",
  "code",
  "value",
  "value_max",
  "unit",
  "per",
  "qualifier",
  "evidence",
  "source_id",
  "source_title",
  "source_outlet",
  "source_url",
  "source_published",
] as const satisfies readonly (keyof MgRecord)[];

/** Separator of the organizations list when it is flattened to one CSV cell. */
export const ORGANIZATION_SEPARATOR = "; ";
