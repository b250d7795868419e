// The tables analysts ask for. A preset is a filter on kinds plus the columns that make sense for
// them and the name of the Excel table it becomes. Add a table here (see docs/ARCHITECTURE.md).
import type { RecordKind } from "../model/record";
import { ALL_COLUMN_IDS, ColumnId } from "./columnIds";
import { EMPTY_FILTER, TableFilter } from "./filter";

export interface TablePreset {
  id: string;
  label: string;
  /** Excel table (ListObject) name: letters, digits and underscores, starting with MG_. */
  tableName: string;
  kinds: RecordKind[];
  columns: readonly ColumnId[];
}

export const PRESETS: readonly TablePreset[] = [
  {
    id: "projects", label: "Projects", tableName: "MG_Projects", kinds: ["project"],
    columns: ["date", "date_precision", "subject", "organizations", "region", "title", "product", "value", "unit", "per", "qualifier", "evidence", "source_url"],
  },
  {
    id: "capacities", label: "Capacities", tableName: "MG_Capacities", kinds: ["capacity"],
    columns: ["subject", "organizations", "product", "value", "value_max", "unit", "per", "qualifier", "status", "date", "date_precision", "region", "evidence", "source_url"],
  },
  {
    id: "prices", label: "Prices", tableName: "MG_Prices", kinds: ["price"],
    columns: ["date", "date_precision", "product", "grade", "region", "basis", "value", "value_max", "unit", "price_type", "source_outlet", "evidence", "date_evidence", "source_url"],
  },
  {
    id: "policies", label: "Policy dates", tableName: "MG_Policies", kinds: ["policy", "standard"],
    columns: ["title", "code", "subject", "region", "date", "date_precision", "date_effective", "date_effective_precision", "evidence", "source_url"],
  },
  {
    id: "weight_savings", label: "Weight savings", tableName: "MG_WeightSavings", kinds: ["weight_saving"],
    columns: ["subject", "organizations", "product", "value", "value_max", "unit", "qualifier", "date", "date_precision", "evidence", "source_url"],
  },
  {
    id: "events", label: "Events", tableName: "MG_Events", kinds: ["event", "deal"],
    columns: ["date", "date_precision", "date_end", "kind", "subject", "organizations", "region", "title", "evidence", "source_url"],
  },
];

/** A table as the user asked for it: stored in the workbook with the table so it can be rebuilt. */
export interface TableSpec {
  /** Preset id, or "custom" for a free filter. */
  preset: string;
  tableName: string;
  filter: TableFilter;
  columns: readonly ColumnId[];
}

export function presetById(id: string): TablePreset | undefined {
  return PRESETS.find((p) => p.id === id);
}

export function specForPreset(p: TablePreset): TableSpec {
  return { preset: p.id, tableName: p.tableName, filter: { ...EMPTY_FILTER, kinds: [...p.kinds] }, columns: p.columns };
}

/**
 * The spec of what the Browse tab shows: the active preset's columns and name while its kinds are
 * still the ones chosen, otherwise every column under MG_Records.
 */
export function specForFilter(filter: TableFilter, presetId: string | null): TableSpec {
  const p = presetId ? presetById(presetId) : undefined;
  if (p && sameKinds(p.kinds, filter.kinds)) return { preset: p.id, tableName: p.tableName, filter, columns: p.columns };
  return { preset: "custom", tableName: "MG_Records", filter, columns: ALL_COLUMN_IDS };
}

function sameKinds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((k) => b.includes(k));
}

/** Excel table names: start with a letter or underscore, then letters, digits, underscores or dots, no cell-like names. */
export function isValidTableName(name: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_.]{0,254}$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^[RrCc]$/.test(name);
}

/** MG_Policies, MG_Policies_2, ... the first name not in `taken` (compared case-insensitively, as Excel does). */
export function nextFreeTableName(base: string, taken: readonly string[]): string {
  const lower = new Set(taken.map((t) => t.toLowerCase()));
  if (!lower.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) if (!lower.has(`${base}_${i}`.toLowerCase())) return `${base}_${i}`;
}
