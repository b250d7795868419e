// Where a frozen number came from: each MG call of a found formula is evaluated again against the data
// in use (the same FUNCTION_SPECS implementations every host calls), and the record its answer was read
// from gives the Sources row: unit, record id, evidence, outlet, URL, published. A call whose arguments
// cannot be read without guessing (a range, a name, an expression, a cell the host did not read) gets a
// row that says "source not resolved" and why.
import type { DataSnapshot } from "../data/store";
import type { MgRecord } from "../model/record";
import { datePrecision, isoToSerial } from "../model/dates";
import { Answer, Cell, Table, isAnswerError } from "../query/answer";
import { Arg, functionSpec } from "../query/functions";
import { DATE_FORMATS } from "../table/dates";
import { FormulaArg, MgCall, mgCalls, rangeAddress, refKey } from "./formula";

/** A cell value as Office.js reads it (`range.values`): errors arrive as their text, "#N/A". */
export type HostValue = string | number | boolean;

export interface SpillInfo {
  /** 0-based top-left and size of the whole spill (anchor included) on the anchor's sheet. */
  row: number;
  col: number;
  rows: number;
  cols: number;
  values: HostValue[][];
  numberFormat: string[][];
}

/** A cell holding an MG formula, as the host found it. */
export interface FoundCell {
  sheet: string;
  row: number;
  col: number;
  formula: string;
  value: HostValue;
  numberFormat: string;
  /** The cell's `valuesAsJson` entry when it is a value with properties (a card), read for "keep cards". */
  card?: unknown;
  /** Set on a spill anchor: everything the formula spills. */
  spill?: SpillInfo;
}

/** Values of the cells the formulas refer to, by refKey ("Sheet1!A1"); a key missing = not read. */
export type RefValues = ReadonlyMap<string, HostValue>;

export const NOT_RESOLVED = "source not resolved";

export type CallResult =
  | { status: "unresolved"; why: string }
  | { status: "answered"; args: Arg[]; answer: Answer<Cell> | Answer<Table> };

const ERROR_TEXT = /^#(N\/A|VALUE!|REF!|NAME\?|DIV\/0!|NUM!|NULL!|SPILL!|CALC!|BUSY!|GETTING_DATA|FIELD!|CONNECT!|BLOCKED!|UNKNOWN!)$/;

export function isErrorText(v: unknown): boolean {
  return typeof v === "string" && ERROR_TEXT.test(v);
}

function argValue(a: FormulaArg, refs: RefValues): { value: Arg } | { why: string } {
  switch (a.kind) {
    case "omitted": return { value: null };
    case "literal": return { value: a.value };
    case "unresolved": return { why: a.why };
    case "ref": {
      const key = refKey(a.sheet, a.cell);
      if (!refs.has(key)) return { why: `the value of ${key} was not read` };
      const v = refs.get(key)!;
      if (isErrorText(v)) return { why: `${key} holds ${v}` };
      // an empty cell is an omitted argument (Office.js reads it as "")
      return { value: v === "" ? null : v };
    }
  }
}

/** Results of calls already evaluated in one pass, by sheet and call text (the same text reads the same cells). */
export type CallMemo = Map<string, CallResult>;

/** Evaluates one MG call against a snapshot; never throws. `memo`: one pass's results, for repeated formulas. */
export function evaluateCall(call: MgCall, snapshot: DataSnapshot, refs: RefValues, memo?: CallMemo, sheet = ""): CallResult {
  if (!memo) return evaluateOnce(call, snapshot, refs);
  const key = `${sheet}\u0000${call.text}`;
  let hit = memo.get(key);
  if (!hit) memo.set(key, (hit = evaluateOnce(call, snapshot, refs)));
  return hit;
}

function evaluateOnce(call: MgCall, snapshot: DataSnapshot, refs: RefValues): CallResult {
  const spec = functionSpec(call.name);
  if (!spec) return { status: "unresolved", why: `MG.${call.name} is not an MG function` };
  const args: Arg[] = [];
  for (const a of call.args) {
    const v = argValue(a, refs);
    if ("why" in v) return { status: "unresolved", why: v.why };
    args.push(v.value);
  }
  try {
    return { status: "answered", args, answer: spec.impl(snapshot.index, snapshot.origin, args) };
  } catch (err) {
    return { status: "answered", args, answer: { error: "not_available", message: `MG.${spec.name} failed: ${err instanceof Error ? err.message : String(err)}` } };
  }
}

function lower(a: Arg): string {
  return typeof a === "string" ? a.trim().toLowerCase() : "";
}

/** The unit the answer is in (not always the record's: CAPACITY answers tonnes). */
export function unitOf(name: string, args: readonly Arg[], r: MgRecord | undefined): string {
  if (isDateAnswer(name, args)) return "date";
  if (!r) return "";
  switch (name) {
    case "WEIGHTSAVING": return r.unit;
    case "CAPACITY": return r.per ? `t/${r.per}` : "t";
    case "PRICE": {
      const f = lower(args[3]) || "mid";
      return ["mid", "low", "high"].includes(f) ? r.unit : "";
    }
    case "FACT": return ["value", "value_max"].includes(lower(args[1])) ? r.unit : "";
    default: return "";
  }
}

/** Answers that are Excel dates (serials): POLICYDATE, PRICE's date, STANDARD's released / implemented. */
export function isDateAnswer(name: string, args: readonly Arg[]): boolean {
  if (name === "POLICYDATE") return true;
  if (name === "PRICE") return lower(args[3]) === "date";
  if (name === "STANDARD") return ["released", "release", "issued", "date", "implemented", "effective", "date_effective"].includes(lower(args[1]));
  return false;
}

/** The number format that shows a date answer at its record's precision (a month-only date as "mmm yyyy"). */
export function dateFormatFor(serial: number, r: MgRecord | undefined): string {
  if (r) {
    for (const iso of [r.date, r.date_effective, r.date_end, r.source_published]) {
      if (iso && isoToSerial(iso) === serial) {
        const p = datePrecision(iso);
        if (p) return DATE_FORMATS[p];
      }
    }
  }
  return DATE_FORMATS.day;
}

export interface SourceRow {
  /** "Sheet1!B3"; for an inserted table, its address. */
  cell: string;
  /** The formula as it was ("" for an inserted table's row). */
  formula: string;
  value: HostValue;
  /** The value's number format (a date's, so the Sources table shows it as the cell did). */
  valueFormat: string;
  unit: string;
  recordId: string;
  evidence: string;
  outlet: string;
  url: string;
  published: string;
  datasetVersion: string;
  asOf: string;
  frozenAt: string;
  /** A spill anchor's whole spill, "Sheet1!B3:P40". */
  spill: string;
  /** An inserted MG table's name; "" for a formula's row. */
  table: string;
  note: string;
}

export interface RowContext {
  snapshot: DataSnapshot;
  refs: RefValues;
  frozenAt: string;
  memo?: CallMemo;
}

function recordRow(base: SourceRow, r: MgRecord): SourceRow {
  return { ...base, recordId: r.id, evidence: r.evidence, outlet: r.source_outlet, url: r.source_url, published: r.source_published };
}

/** Rows of a spill: one per source its Source column names (the spilled tables have one), else one saying none. */
function spillRows(base: SourceRow, cell: FoundCell, snapshot: DataSnapshot): SourceRow[] {
  const spill = cell.spill!;
  const header = spill.values[0] ?? [];
  const col = header.findIndex((h) => h === "Source");
  if (col < 0) return [{ ...base, note: `${spill.rows}×${spill.cols} spill drawn from the whole dataset (no source column)` }];
  const counts = new Map<string, number>();
  for (let i = 1; i < spill.values.length; i++) {
    const u = spill.values[i][col];
    if (typeof u === "string" && u !== "") counts.set(u, (counts.get(u) ?? 0) + 1);
  }
  if (counts.size === 0) return [{ ...base, note: `${spill.rows}×${spill.cols} spill whose rows name no source` }];
  const byUrl = new Map(snapshot.dataset.sources.map((s) => [s.url, s]));
  return [...counts].map(([url, n]) => {
    const s = byUrl.get(url);
    return { ...base, url, outlet: s?.outlet ?? "", published: s?.published ?? "", note: `${n} row${n === 1 ? "" : "s"} of the ${spill.rows}×${spill.cols} spill${s ? "" : " (the source is not in the data in use)"}` };
  });
}

/** The Sources rows of one found cell: one per MG call (usually one), one per source for a spill. */
export function sourceRowsOf(cell: FoundCell, ctx: RowContext): SourceRow[] {
  const { snapshot } = ctx;
  const address = rangeAddress(cell.sheet, cell.row, cell.col);
  const base: SourceRow = {
    cell: address, formula: cell.formula, value: cell.value, valueFormat: cell.numberFormat,
    unit: "", recordId: "", evidence: "", outlet: "", url: "", published: "",
    datasetVersion: snapshot.dataset.version, asOf: snapshot.dataset.as_of, frozenAt: ctx.frozenAt,
    spill: cell.spill ? rangeAddress(cell.sheet, cell.spill.row, cell.spill.col, cell.spill.rows, cell.spill.cols) : "",
    table: "", note: "",
  };
  if (cell.spill) return spillRows(base, cell, snapshot);
  const calls = mgCalls(cell.formula, cell.sheet);
  const rows: SourceRow[] = [];
  for (const call of calls) {
    const res = evaluateCall(call, snapshot, ctx.refs, ctx.memo, cell.sheet);
    const row: SourceRow = { ...base, note: calls.length > 1 ? call.text : "" };
    if (res.status === "unresolved") {
      rows.push({ ...row, note: `${NOT_RESOLVED}: ${res.why}${calls.length > 1 ? ` (${call.text})` : ""}` });
      continue;
    }
    const a = res.answer;
    if (isAnswerError(a)) {
      rows.push({ ...row, note: `${a.error === "not_available" ? "#N/A" : "#VALUE!"}: ${a.message}` });
      continue;
    }
    const unit = unitOf(call.name, res.args, a.record);
    if (a.record) rows.push({ ...recordRow(row, a.record), unit });
    else rows.push({ ...row, unit, note: [row.note, "the answer is read from no single record"].filter(Boolean).join(": ") });
  }
  return rows;
}

/** The Sources rows of an inserted MG table: one per source it draws on, with its records' ids. */
export function tableSourceRows(
  table: { name: string; address: string }, records: readonly MgRecord[], dataset: { version: string; as_of: string }, writtenAt: string,
): SourceRow[] {
  const bySource = new Map<string, MgRecord[]>();
  for (const r of records) {
    const list = bySource.get(r.source_id);
    if (list) list.push(r);
    else bySource.set(r.source_id, [r]);
  }
  return [...bySource.values()].map((rs) => {
    const r = rs[0];
    return {
      cell: table.address, formula: "", value: "", valueFormat: "General", unit: "",
      recordId: joinIds(rs.map((x) => x.id)), evidence: "", outlet: r.source_outlet, url: r.source_url, published: r.source_published,
      datasetVersion: dataset.version, asOf: dataset.as_of, frozenAt: writtenAt, spill: "", table: table.name,
      note: `${rs.length} record${rs.length === 1 ? "" : "s"} of ${table.name} from ${r.source_title ? `"${r.source_title}"` : "this source"}`,
    };
  });
}

/** Ids joined with "; ", cut to fit a cell with the count of those left out. */
function joinIds(ids: readonly string[], max = 30_000): string {
  let out = "";
  for (let i = 0; i < ids.length; i++) {
    const next = out ? `${out}; ${ids[i]}` : ids[i];
    if (next.length > max) return `${out}; … and ${ids.length - i} more`;
    out = next;
  }
  return out;
}


