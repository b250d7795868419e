// The record's field vocabulary as plain constants, with no schema library: modules that need only
// these (the MG functions, filters, the pane's first screen) stay out of zod's ~25 KB gzip, which
// then loads only where records are validated. record.ts re-exports all of it.

export const RECORD_KINDS = ["policy", "project", "capacity", "weight_saving", "standard", "event", "deal", "product", "price"] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export const QUALIFIERS = ["", "over", "up to", "about", "under", "at least"] as const;
export type Qualifier = (typeof QUALIFIERS)[number];

export const PERIODS = ["", "year", "day", "month", "hour"] as const;
export type Period = (typeof PERIODS)[number];

/** What a price is: a quotation (prices quoted, a price level), a transaction, an offer, or an agency's assessment. */
export const PRICE_TYPES = ["", "quotation", "transaction", "offer", "assessment"] as const;
export type PriceType = (typeof PRICE_TYPES)[number];

/**
 * A capacity or project that exists (""), is planned, expected, targeted or under construction ("planned"), or
 * was the figure before a change the text reports ("boosted to 63,500 t from 42,000 t previously": "former").
 */
export const STATUSES = ["", "planned", "former"] as const;
export type Status = (typeof STATUSES)[number];

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
  "grade",
  "basis",
  "price_type",
  "status",
  "evidence",
  "date_evidence",
  "source_id",
  "source_title",
  "source_outlet",
  "source_url",
  "source_published",
] as const;

/** Separator of the organizations list when it is flattened to one CSV cell. */
export const ORGANIZATION_SEPARATOR = "; ";
