// What a refresh changes, record by record (matched by id, which is stable across builds: a hash of the
// source, kind, evidence and value), so the user sees exactly which facts came, went or moved.
import { MgRecord, RECORD_COLUMNS } from "../model/record";

export type ChangeKind = "added" | "changed" | "removed";

export interface RecordChange {
  change: ChangeKind;
  id: string;
  kind: MgRecord["kind"];
  subject: string;
  title: string;
  /** Fields whose value differs (changed records only). */
  fields: string[];
  /** Changed records only: each field of `fields`, in that order, with its value before and after. */
  values: FieldChange[];
}

export interface FieldChange {
  field: (typeof RECORD_COLUMNS)[number];
  before: MgRecord[(typeof RECORD_COLUMNS)[number]];
  after: MgRecord[(typeof RECORD_COLUMNS)[number]];
}

export interface DatasetDiff {
  added: number;
  changed: number;
  removed: number;
  unchanged: number;
  /** Added, then changed, then removed; each in the order of its dataset. */
  changes: RecordChange[];
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  return a === b;
}

function describe(r: MgRecord, change: ChangeKind, values: FieldChange[] = []): RecordChange {
  return { change, id: r.id, kind: r.kind, subject: r.subject, title: r.title, fields: values.map((v) => v.field), values };
}

export function diffRecords(before: readonly MgRecord[], after: readonly MgRecord[]): DatasetDiff {
  // Records of `before` not yet matched; what is left at the end was removed. (No set of the new ids:
  // the old dataset is usually the small side, and the new one is 100k records.)
  const unmatched = new Map<string, MgRecord>();
  for (const r of before) unmatched.set(r.id, r);
  const added: RecordChange[] = [];
  const changed: RecordChange[] = [];
  let unchanged = 0;
  for (const r of after) {
    const prev = unmatched.get(r.id);
    if (!prev) {
      added.push(describe(r, "added"));
      continue;
    }
    unmatched.delete(r.id);
    const fields = RECORD_COLUMNS.filter((c) => !sameValue(prev[c], r[c]));
    if (fields.length) changed.push(describe(r, "changed", fields.map((field) => ({ field, before: prev[field], after: r[field] }))));
    else unchanged++;
  }
  const removed = unmatched.size ? before.filter((r) => unmatched.get(r.id) === r).map((r) => describe(r, "removed")) : [];
  return { added: added.length, changed: changed.length, removed: removed.length, unchanged, changes: [...added, ...changed, ...removed] };
}
