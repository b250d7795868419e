// What a refresh changed where it matters: the MG cells of the workbook whose answer differs between the
// data before and after (old -> new, with the record that changed). Each cell's MG calls are evaluated
// against both snapshots; a cell that now answers #N/A comes first, then other new errors, then the rest
// in sheet and cell order.
import type { DataSnapshot } from "../data/store";
import type { MgRecord } from "../model/record";
import { Answer, Cell, Table, isAnswerError } from "../query/answer";
import type { DatasetDiff, RecordChange } from "../feed/diff";
import { mgCalls, rangeAddress } from "./formula";
import { CallMemo, RefValues, evaluateCall } from "./sources";

export interface FormulaCell {
  sheet: string;
  row: number;
  col: number;
  formula: string;
}

export interface AnswerShown {
  /** What the cell answers: the value as text, "#N/A", "#VALUE!", or "a table of 12 rows". */
  text: string;
  error?: "not_available" | "invalid_value";
  message?: string;
  record?: { id: string; subject: string; evidence: string; url: string };
}

export interface CellChange {
  cell: string;
  formula: string;
  /** The MG call whose answer changed (the formula's own text when it is the whole formula). */
  call: string;
  before: AnswerShown;
  after: AnswerShown;
  /** The record change the diff holds for the record behind either answer, when it does. */
  recordChange?: RecordChange;
  /** now #N/A: listed first */
  nowNotAvailable: boolean;
}

export interface CellChanges {
  /** MG cells looked at. */
  cells: number;
  changes: CellChange[];
  /** Calls that could not be evaluated without guessing (a range or name as argument, a cell not read). */
  unresolved: number;
}

function shown(a: Answer<Cell> | Answer<Table>): AnswerShown {
  if (isAnswerError(a)) return { text: a.error === "not_available" ? "#N/A" : "#VALUE!", error: a.error, message: a.message };
  const v = a.value;
  const record = a.record ? recordOf(a.record) : undefined;
  if (Array.isArray(v)) return { text: `a table of ${Math.max(0, v.length - 1)} row${v.length === 2 ? "" : "s"}` };
  return { text: typeof v === "number" ? String(v) : `“${v}”`, record };
}

function recordOf(r: MgRecord): AnswerShown["record"] {
  return { id: r.id, subject: r.subject, evidence: r.evidence, url: r.source_url };
}

function sameAnswer(a: Answer<Cell> | Answer<Table>, b: Answer<Cell> | Answer<Table>): boolean {
  // an error that stays the same error is no change to the cell (its message may name other records now)
  if (isAnswerError(a) || isAnswerError(b)) return isAnswerError(a) && isAnswerError(b) && a.error === b.error;
  return JSON.stringify(a.value) === JSON.stringify(b.value);
}

export function changedCells(cells: readonly FormulaCell[], refs: RefValues, before: DataSnapshot, after: DataSnapshot, diff?: DatasetDiff): CellChanges {
  const byId = new Map<string, RecordChange>();
  for (const c of diff?.changes ?? []) byId.set(c.id, c);
  const out: CellChanges = { cells: 0, changes: [], unresolved: 0 };
  const oldMemo: CallMemo = new Map();
  const newMemo: CallMemo = new Map();
  const ordered = [...cells].sort((a, b) => (a.sheet < b.sheet ? -1 : a.sheet > b.sheet ? 1 : a.row - b.row || a.col - b.col));
  for (const c of ordered) {
    const calls = mgCalls(c.formula, c.sheet);
    if (calls.length === 0) continue;
    out.cells++;
    for (const call of calls) {
      const old = evaluateCall(call, before, refs, oldMemo, c.sheet);
      const now = evaluateCall(call, after, refs, newMemo, c.sheet);
      if (old.status !== "answered" || now.status !== "answered") { out.unresolved++; continue; }
      if (sameAnswer(old.answer, now.answer)) continue;
      const b = shown(old.answer);
      const a = shown(now.answer);
      const recordChange = (a.record && byId.get(a.record.id)) || (b.record && byId.get(b.record.id)) || undefined;
      out.changes.push({
        cell: rangeAddress(c.sheet, c.row, c.col), formula: c.formula, call: call.text, before: b, after: a, recordChange,
        nowNotAvailable: a.error === "not_available" && b.error !== "not_available",
      });
      break; // one line per cell: its first changed call
    }
  }
  const rank = (x: CellChange) => (x.nowNotAvailable ? 0 : x.after.error ? 1 : 2);
  out.changes.sort((x, y) => rank(x) - rank(y)); // stable: sheet and cell order within each rank
  return out;
}
