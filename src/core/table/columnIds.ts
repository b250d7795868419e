// Ids of the table columns, apart from their definitions (columns.ts) so that the pane's first screen
// (presets, specs) does not load the record schema module and its validator.
export const COLUMN_IDS = [
  "kind", "date", "date_precision", "date_end", "date_effective", "date_effective_precision", "subject",
  "organizations", "region", "title", "product", "code", "value", "value_max", "unit", "per", "qualifier",
  "grade", "basis", "price_type", "status", "evidence", "date_evidence", "source_url", "source_title", "source_outlet", "source_published", "id",
] as const;
export type ColumnId = (typeof COLUMN_IDS)[number];

/** Every column, for tables made from free filters (no preset). */
export const ALL_COLUMN_IDS: readonly ColumnId[] = COLUMN_IDS;
