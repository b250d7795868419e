// Filters read back from a workbook (or any outside source) are checked before use.
import { RECORD_KINDS, RecordKind } from "../model/record";
import type { TableFilter } from "./filter";

/** Checks a filter read back from a workbook or a URL; throws a message saying what is wrong. */
export function normalizeFilter(input: unknown): TableFilter {
  const f = (input ?? {}) as Partial<Record<keyof TableFilter, unknown>>;
  const list = (v: unknown, name: string): string[] => {
    if (v === undefined) return [];
    if (!Array.isArray(v) || v.some((x) => typeof x !== "string")) throw new Error(`filter.${name} must be a list of strings`);
    return v as string[];
  };
  const str = (v: unknown, name: string): string => {
    if (v === undefined || v === null) return "";
    if (typeof v !== "string") throw new Error(`filter.${name} must be a string`);
    return v;
  };
  const kinds = list(f.kinds, "kinds");
  for (const k of kinds) if (!(RECORD_KINDS as readonly string[]).includes(k)) throw new Error(`filter.kinds: unknown kind "${k}"`);
  const from = str(f.from, "from");
  const to = str(f.to, "to");
  for (const [n, d] of [["from", from], ["to", to]] as const) {
    if (d && !/^\d{4}-\d{2}-\d{2}$/.test(d)) throw new Error(`filter.${n} must be a date YYYY-MM-DD`);
  }
  const includeUndated = f.includeUndated;
  if (includeUndated !== undefined && includeUndated !== null && typeof includeUndated !== "boolean") throw new Error("filter.includeUndated must be true or false");
  const out: TableFilter = { kinds: kinds as RecordKind[], subjects: list(f.subjects, "subjects"), regions: list(f.regions, "regions"), from, to, text: str(f.text, "text") };
  // Kept only when set, so a filter stored before the option existed reads back as it was written.
  if (includeUndated === true) out.includeUndated = true;
  return out;
}

