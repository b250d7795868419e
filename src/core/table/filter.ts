// Filters of the Browse tab -> the records a table holds. Pure and deterministic: the same filter on
// the same dataset gives the same rows in the same order, which is what lets "Refresh MG tables"
// rebuild a table from the filter stored in the workbook.
import type { MgRecord, RecordKind } from "../model/record";
import type { RecordIndex } from "../query/recordIndex";
import { aliasKey, normalizeName } from "../query/normalize";
import { isoSpan } from "../model/dates";
import { compareRecency } from "../model/recency";
import { gazetteer } from "../model/places";

export interface TableFilter {
  /** Kinds to keep; empty = every kind. */
  kinds: RecordKind[];
  /** Canonical subject/organisation names; a record matches if one is its subject or one of its organisations. Empty = all. */
  subjects: string[];
  /** Regions to keep; empty = all. */
  regions: string[];
  /** Inclusive ISO dates (YYYY-MM-DD) or "". A record matches if its date span overlaps the range. */
  from: string;
  to: string;
  /** Words that must all appear in the title or the evidence (case-insensitive). */
  text: string;
  /** With a date range: also keep the records that have no date of their own (they cannot be placed in it). */
  includeUndated?: boolean;
}

export const EMPTY_FILTER: TableFilter = { kinds: [], subjects: [], regions: [], from: "", to: "", text: "" };

// aliasKey is a chain of regexes: remember it per distinct name (a dataset has few) so filtering 10k
// records on every keystroke stays a few milliseconds.
const keyCache = new Map<string, string>();
function keyOf(name: string): string {
  let k = keyCache.get(name);
  if (k === undefined) {
    if (keyCache.size > 100_000) keyCache.clear();
    k = aliasKey(name);
    keyCache.set(name, k);
  }
  return k;
}

const haystacks = new WeakMap<MgRecord, string>();
function haystack(r: MgRecord): string {
  let h = haystacks.get(r);
  if (h === undefined) {
    h = ` ${normalizeName(r.title)} ${normalizeName(r.evidence)} `;
    haystacks.set(r, h);
  }
  return h;
}

function dateOverlaps(r: MgRecord, from: string, to: string, includeUndated = false): boolean {
  const start = isoSpan(r.date);
  if (!start) return includeUndated; // an undated record cannot be placed in a date range: kept only if asked
  const end = (r.date_end && isoSpan(r.date_end)) || start;
  if (from && end.end < from) return false;
  if (to && start.start > to) return false;
  return true;
}

/**
 * The records a filter keeps, most recent first (compareRecency: the MG functions' order). With the dataset's index, a chosen subject means what it
 * means to the MG functions: the entity the index resolves the name to (every alias, as subject or
 * as one of the organisations). Without one (or for a name it does not know), names compare by
 * alias key ("Baowu Magnesium Co., Ltd." = "Baowu Magnesium").
 */
export function filterRecords(records: readonly MgRecord[], filter: TableFilter, index?: Pick<RecordIndex, "resolveSubject">): MgRecord[] {
  const kinds = filter.kinds.length ? new Set<string>(filter.kinds) : null;
  const subjectIds = new Set<string>();
  const subjectKeys: string[] = [];
  for (const name of filter.subjects) {
    const res = index?.resolveSubject(name);
    if (res?.ok && res.exact) for (const r of res.entity.records) subjectIds.add(r.id);
    else subjectKeys.push(keyOf(name));
  }
  const subjects = filter.subjects.length ? new Set(subjectKeys) : null;
  // A region matches the places inside it (src/core/model/places.ts): "Shaanxi" keeps "Fugu, Shaanxi".
  const regions = filter.regions.length ? filter.regions : null;
  const places = gazetteer();
  const words = normalizeName(filter.text).split(" ").filter(Boolean);
  const hasDates = Boolean(filter.from || filter.to);
  const out: MgRecord[] = [];
  for (const r of records) {
    if (kinds && !kinds.has(r.kind)) continue;
    if (regions && !regions.some((g) => places.contains(g, r))) continue;
    if (subjects && !subjectIds.has(r.id) && !subjects.has(keyOf(r.subject)) && !r.organizations.some((o) => subjects.has(keyOf(o)))) continue;
    if (hasDates && !dateOverlaps(r, filter.from, filter.to, filter.includeUndated)) continue;
    if (words.length) {
      const h = haystack(r);
      if (!words.every((w) => h.includes(w))) continue;
    }
    out.push(r);
  }
  return out.sort(compareRecency);
}

/** True when a record has no date of its own, so a date range cannot place it. */
export function isUndated(r: MgRecord): boolean {
  return !isoSpan(r.date);
}

/**
 * How many records without a date of their own the filter's date range concerns: the records that every
 * other part of the filter keeps but that have no date (left out of the result unless `includeUndated`,
 * kept in it with it). 0 when no date range is set.
 */
export function undatedInRange(records: readonly MgRecord[], filter: TableFilter, index?: Pick<RecordIndex, "resolveSubject">): number {
  if (!filter.from && !filter.to) return 0;
  let n = 0;
  for (const r of filterRecords(records, { ...filter, from: "", to: "" }, index)) if (isUndated(r)) n++;
  return n;
}

/** True when the range starts after it ends: no date can be in it. */
export function dateRangeReversed(filter: Pick<TableFilter, "from" | "to">): boolean {
  return Boolean(filter.from && filter.to && filter.from > filter.to);
}

/** Distinct names (subjects and organisations) with how many records mention each, most mentioned first. */
export function knownNames(records: readonly MgRecord[]): { name: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const r of records) {
    const names = new Set([r.subject, ...r.organizations].filter(Boolean));
    for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1);
  }
  return [...counts].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

export function knownRegions(records: readonly MgRecord[]): string[] {
  return [...new Set(records.map((r) => r.region).filter(Boolean))].sort((a, b) => a.localeCompare(b));
}
