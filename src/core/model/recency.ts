// The one order of records by recency, most recent first: the MG functions' lookups, their spills, the
// index, the published feed and the pane's tables all use it.
import type { MgRecord } from "./record";

/**
 * Sort key of a record's recency, compared as text, larger = more recent: records with a date of
 * their own come first ("2" + date), then records dated only by their source's publication
 * ("1" + published: an undated fact is not news of that day), then records with neither ("").
 */
export function recencyKey(r: MgRecord): string {
  return r.date ? "2" + r.date : r.source_published ? "1" + r.source_published : "";
}

/**
 * Most recent first (see recencyKey). ISO dates of mixed precision compare as text ("2024-07" sorts
 * just before "2024-07-01"), then by id so the order never depends on input order.
 */
export function compareRecency(a: MgRecord, b: MgRecord): number {
  const da = recencyKey(a);
  const db = recencyKey(b);
  if (da !== db) {
    if (da === "") return 1;
    if (db === "") return -1;
    return da < db ? 1 : -1;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** recencyKey's first character as a number: 2 dated, 1 dated by the source only, 0 neither. */
export function recencyRank(r: MgRecord): number {
  return r.date ? 2 : r.source_published ? 1 : 0;
}
