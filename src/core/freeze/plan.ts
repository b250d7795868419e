// Plans a freeze: the values written in place of the MG formulas (numbers as numbers, dates as dates
// with a date format, text as text, cards as cards), grouped into rectangular blocks (a column run of
// scalar cells, a whole spill), and the blocks into requests under Excel on the web's 5 MB limit; the
// rows of the MG_Sources table in the same order, so the rows of the chunks written so far are a prefix
// (a cancelled freeze keeps exactly the rows of the cells it froze). Also the Sources table's own cells
// and the restore of formulas from it. Host-neutral: src/excel/freeze.ts applies the plans.
import { quotePrefixed, safeHttpUrl } from "../table/cells";
import { DATE_FORMATS } from "../table/dates";
import { DEFAULT_CHUNK_BYTES, jsonBytes, utf8Length } from "../table/plan";
import type { DataSnapshot } from "../data/store";
import { cellName, isMgFormula, mgCalls, parseAddress, quoteSheet } from "./formula";
import { CallMemo, FoundCell, HostValue, RefValues, SourceRow, dateFormatFor, evaluateCall, isDateAnswer, isErrorText, sourceRowsOf } from "./sources";
import { isAnswerError } from "../query/answer";

export const SOURCES_TABLE = "MG_Sources";
export const SOURCES_SHEET = "MG_Sources";

/** A write of one rectangle: through `values` (or `valuesAsJson` for cards), with its number formats when they change. */
export interface ValueBlock {
  sheet: string;
  row: number;
  col: number;
  rows: number;
  cols: number;
  values?: HostValue[][];
  json?: unknown[][];
  numberFormat?: string[][];
  /** MG formulas this block freezes (a spill counts once). */
  formulas: number;
  bytes: number;
}

export interface FreezeChunk {
  blocks: ValueBlock[];
  bytes: number;
  formulas: number;
  /** Sources rows of every chunk up to and including this one (a prefix of `FreezePlan.sources`). */
  sourceRowsThrough: number;
  /**
   * The next chunk writes the rest of a spill this one began (a spill too big for one request): the
   * writer does not stop between them, so a cancel never leaves half a spill.
   */
  continues: boolean;
}

export interface FreezePlan {
  chunks: FreezeChunk[];
  sources: SourceRow[];
  formulas: number;
}

export interface FreezeOptions {
  keepCards?: boolean;
  /** Budget per request (default 2 MB, under Excel on the web's 5 MB). */
  maxBytes?: number;
  /** Formulas per request, so progress moves and cancel answers (default 5,000). */
  maxFormulas?: number;
  /** ISO time of the freeze (tests pass one). */
  frozenAt?: string;
}

/** Excel on the web refuses a request over 5 MB: no single write may come near it. */
export const REQUEST_LIMIT_BYTES = 4_500_000;
/** Framing of one block: the range lookup and two property sets. */
const BLOCK_OVERHEAD_BYTES = 400;
/** Framing of a request: the suspend calls, the sync. */
const CHUNK_OVERHEAD_BYTES = 2_000;

function valueBytes(v: HostValue): number {
  return typeof v === "boolean" ? 5 : jsonBytes(v);
}

/** What a frozen cell holds: numbers and logicals as they are, an error as its error, text always as text. */
export function frozenValue(v: HostValue): HostValue {
  if (typeof v !== "string" || v === "" || isErrorText(v)) return v;
  // Excel's quote prefix keeps any text as that text: "2024-05" stays text, "=x" is no formula
  return `'${v}`;
}

const DATE_HEADERS = new Set(["Date", "End date", "Effective date", "Published"]);

/** A spill's values and formats: a date column keeps its format, or gets one at the precision written beside it. */
function spillBlock(cell: FoundCell): ValueBlock {
  const s = cell.spill!;
  const header = s.values[0] ?? [];
  const dateCols = new Map<number, number>(); // date column -> its precision column (or -1)
  header.forEach((h, j) => {
    if (typeof h === "string" && DATE_HEADERS.has(h)) dateCols.set(j, header.indexOf(`${h} precision`));
  });
  let changed = false;
  const numberFormat = s.numberFormat.map((row, i) => row.map((f, j) => {
    const v = s.values[i]?.[j];
    if (i === 0 || typeof v !== "number" || !dateCols.has(j) || (f && f !== "General")) return f;
    const p = s.values[i][dateCols.get(j)!];
    changed = true;
    return p === "month" || p === "year" ? DATE_FORMATS[p] : DATE_FORMATS.day;
  }));
  const values = s.values.map((row) => row.map(frozenValue));
  let bytes = BLOCK_OVERHEAD_BYTES;
  for (const row of values) for (const v of row) bytes += valueBytes(v) + 1;
  if (changed) for (const row of numberFormat) for (const f of row) bytes += jsonBytes(f) + 1;
  return { sheet: cell.sheet, row: s.row, col: s.col, rows: s.rows, cols: s.cols, values, numberFormat: changed ? numberFormat : undefined, formulas: 1, bytes };
}

/** The format a scalar frozen value gets: its own, or a date format for a date answer shown as a bare serial. */
function scalarFormat(cell: FoundCell, snapshot: DataSnapshot, refs: RefValues, memo: CallMemo): string {
  if (typeof cell.value !== "number" || (cell.numberFormat && cell.numberFormat !== "General")) return cell.numberFormat;
  const calls = mgCalls(cell.formula, cell.sheet);
  // only a formula that is the date call itself (=MG.POLICYDATE(...)) answers a date: =MG.POLICYDATE(x)-30 may be a count of days
  if (calls.length !== 1 || cell.formula.replace(/\s+/g, "").toUpperCase() !== `=${calls[0].text.replace(/\s+/g, "").toUpperCase()}`) return cell.numberFormat;
  const res = evaluateCall(calls[0], snapshot, refs, memo, cell.sheet);
  if (res.status !== "answered" || !isDateAnswer(calls[0].name, res.args)) return cell.numberFormat;
  return dateFormatFor(cell.value, isAnswerError(res.answer) ? undefined : res.answer.record);
}

/** Splits a block whose rows would not fit one request into row slices, each under the budget. */
function sliceBlock(b: ValueBlock, maxBytes: number): ValueBlock[] {
  if (b.bytes + CHUNK_OVERHEAD_BYTES <= maxBytes || b.rows === 1) {
    if (b.bytes + CHUNK_OVERHEAD_BYTES > REQUEST_LIMIT_BYTES) throw new Error(`${quoteSheet(b.sheet)}!${cellName(b.row, b.col)}: one row needs about ${Math.ceil(b.bytes / 1024)} KB, over the ${Math.floor(REQUEST_LIMIT_BYTES / 1024)} KB Excel takes in one request`);
    return [b];
  }
  const out: ValueBlock[] = [];
  let start = 0;
  let bytes = BLOCK_OVERHEAD_BYTES;
  const rowBytes = (i: number) => {
    let n = 2;
    for (const v of b.values?.[i] ?? []) n += valueBytes(v) + 1;
    for (const v of b.json?.[i] ?? []) n += utf8Length(JSON.stringify(v)) + 1;
    for (const f of b.numberFormat?.[i] ?? []) n += jsonBytes(f) + 1;
    return n;
  };
  const cut = (end: number) => {
    out.push({
      ...b, row: b.row + start, rows: end - start,
      values: b.values?.slice(start, end), json: b.json?.slice(start, end), numberFormat: b.numberFormat?.slice(start, end),
      formulas: start === 0 ? b.formulas : 0, bytes,
    });
    start = end;
    bytes = BLOCK_OVERHEAD_BYTES;
  };
  for (let i = 0; i < b.rows; i++) {
    const n = rowBytes(i);
    if (n + BLOCK_OVERHEAD_BYTES + CHUNK_OVERHEAD_BYTES > REQUEST_LIMIT_BYTES) throw new Error(`${quoteSheet(b.sheet)}!${cellName(b.row + i, b.col)}: one row needs about ${Math.ceil(n / 1024)} KB, over the ${Math.floor(REQUEST_LIMIT_BYTES / 1024)} KB Excel takes in one request`);
    if (i > start && bytes + n + CHUNK_OVERHEAD_BYTES > maxBytes) cut(i);
    bytes += n;
  }
  cut(b.rows);
  return out;
}

/**
 * The freeze of the found MG cells: blocks in sheet, column, row order (spills on their own), chunked;
 * the Sources rows in the same order.
 */
export function planFreeze(found: readonly FoundCell[], snapshot: DataSnapshot, refs: RefValues, opts: FreezeOptions = {}): FreezePlan {
  const maxBytes = Math.min(opts.maxBytes ?? DEFAULT_CHUNK_BYTES, REQUEST_LIMIT_BYTES);
  const maxFormulas = opts.maxFormulas ?? 5_000;
  const frozenAt = opts.frozenAt ?? new Date().toISOString();
  const ctx = { snapshot, refs, frozenAt, memo: new Map() as CallMemo };
  const cells = found
    .filter((c) => isMgFormula(c.formula, c.sheet))
    .sort((a, b) => (a.sheet < b.sheet ? -1 : a.sheet > b.sheet ? 1 : a.col - b.col || a.row - b.row));

  // blocks, each with the sources rows of its cells
  const blocks: { block: ValueBlock; rows: SourceRow[] }[] = [];
  let run: { block: ValueBlock; rows: SourceRow[] } | null = null;
  for (const c of cells) {
    const rows = sourceRowsOf(c, ctx);
    if (c.spill) {
      run = null;
      blocks.push({ block: spillBlock(c), rows });
      continue;
    }
    const card = opts.keepCards && c.card !== undefined ? c.card : undefined;
    if (card !== undefined) {
      run = null;
      blocks.push({ block: { sheet: c.sheet, row: c.row, col: c.col, rows: 1, cols: 1, json: [[card]], formulas: 1, bytes: BLOCK_OVERHEAD_BYTES + utf8Length(JSON.stringify(card)) }, rows });
      continue;
    }
    const v = frozenValue(c.value);
    const f = scalarFormat(c, snapshot, refs, ctx.memo);
    const fChanged = f !== c.numberFormat;
    const b = run?.block;
    if (b && b.values && b.sheet === c.sheet && b.col === c.col && b.row + b.rows === c.row && b.formulas < maxFormulas) {
      b.values.push([v]);
      b.numberFormat!.push([f]);
      b.rows++;
      b.formulas++;
      b.bytes += valueBytes(v) + jsonBytes(f) + 6;
      run!.rows.push(...rows);
      (b as ValueBlock & { fmtChanged?: boolean }).fmtChanged ||= fChanged;
    } else {
      const block: ValueBlock & { fmtChanged?: boolean } = { sheet: c.sheet, row: c.row, col: c.col, rows: 1, cols: 1, values: [[v]], numberFormat: [[f]], formulas: 1, bytes: BLOCK_OVERHEAD_BYTES + valueBytes(v) + jsonBytes(f) + 6, fmtChanged: fChanged };
      run = { block, rows };
      blocks.push(run);
    }
  }

  const plan: FreezePlan = { chunks: [], sources: [], formulas: 0 };
  let cur: FreezeChunk | null = null;
  for (const { block, rows } of blocks) {
    const b = block as ValueBlock & { fmtChanged?: boolean };
    if (b.values && b.fmtChanged === false) {
      b.bytes -= (b.numberFormat ?? []).reduce((n, row) => n + jsonBytes(row[0]) + 1, 0);
      b.numberFormat = undefined;
    }
    delete b.fmtChanged;
    plan.sources.push(...rows);
    plan.formulas += b.formulas;
    const slices = sliceBlock(b, maxBytes);
    slices.forEach((s, k) => {
      if (!cur || cur.bytes + s.bytes > maxBytes || cur.formulas + s.formulas > maxFormulas) {
        cur = { blocks: [], bytes: CHUNK_OVERHEAD_BYTES, formulas: 0, sourceRowsThrough: 0, continues: false };
        plan.chunks.push(cur);
      }
      cur.blocks.push(s);
      cur.bytes += s.bytes;
      cur.formulas += s.formulas;
      cur.continues = k < slices.length - 1;
      cur.sourceRowsThrough = plan.sources.length;
    });
  }
  return plan;
}

// ---------------------------------------------------------------------------------------------
// The MG_Sources table

export const SOURCE_COLUMNS = [
  { key: "cell", header: "Cell" },
  { key: "formula", header: "Formula" },
  { key: "value", header: "Value" },
  { key: "unit", header: "Unit" },
  { key: "recordId", header: "Record id" },
  { key: "evidence", header: "Evidence" },
  { key: "outlet", header: "Outlet" },
  { key: "url", header: "URL" },
  { key: "published", header: "Published" },
  { key: "datasetVersion", header: "Dataset version" },
  { key: "asOf", header: "As of" },
  { key: "frozenAt", header: "Frozen at" },
  { key: "spill", header: "Spill range" },
  { key: "table", header: "MG table" },
  { key: "note", header: "Note" },
] as const satisfies readonly { key: keyof SourceRow; header: string }[];

export const SOURCE_HEADERS: readonly string[] = SOURCE_COLUMNS.map((c) => c.header);

/** HYPERLINK's link_location takes at most 255 characters: a longer URL stays plain text. */
const MAX_HYPERLINK_URL = 255;

/**
 * The URL cell: a HYPERLINK formula only for an http(s) URL that passes the one link gate (safeHttpUrl:
 * no quote, space or angle bracket can reach the formula), else the URL as quote-prefixed text.
 */
export function urlCell(url: string): { formula: string; format: string } {
  const safe = safeHttpUrl(url);
  if (safe && safe.length <= MAX_HYPERLINK_URL && !safe.includes('"')) return { formula: `=HYPERLINK("${safe}")`, format: "General" };
  return { formula: quotePrefixed(url), format: "@" };
}

export interface SourcesChunk {
  firstRow: number;
  /** Written through `range.formulas`: text quote-prefixed in "@" cells, the URL a HYPERLINK formula. */
  formulas: (string | number | boolean)[][];
  numberFormat: string[][];
  bytes: number;
}

export function sourcesRowCells(r: SourceRow): { cells: (string | number | boolean)[]; formats: string[] } {
  const cells: (string | number | boolean)[] = [];
  const formats: string[] = [];
  for (const c of SOURCE_COLUMNS) {
    if (c.key === "url") {
      const u = urlCell(r.url);
      cells.push(u.formula);
      formats.push(u.format);
    } else if (c.key === "value") {
      const v = r.value;
      if (typeof v === "string") { cells.push(quotePrefixed(v)); formats.push("@"); }
      else { cells.push(v); formats.push(r.valueFormat || "General"); }
    } else {
      cells.push(quotePrefixed(String(r[c.key] ?? "")));
      formats.push("@");
    }
  }
  return { cells, formats };
}

/** The Sources table's body in chunks under the budget (the header is written with the first). */
export function planSourcesWrite(rows: readonly SourceRow[], maxBytes = DEFAULT_CHUNK_BYTES, maxRows = 5_000): SourcesChunk[] {
  const out: SourcesChunk[] = [];
  let cur: SourcesChunk | null = null;
  rows.forEach((r, i) => {
    const { cells, formats } = sourcesRowCells(r);
    let bytes = 4;
    for (let j = 0; j < cells.length; j++) bytes += valueBytes(cells[j]) + jsonBytes(formats[j]) + 2;
    if (bytes + CHUNK_OVERHEAD_BYTES > REQUEST_LIMIT_BYTES) throw new Error(`The Sources row of ${r.cell} needs about ${Math.ceil(bytes / 1024)} KB, over what Excel takes in one request`);
    if (!cur || cur.bytes + bytes > maxBytes || cur.formulas.length >= maxRows) {
      cur = { firstRow: i, formulas: [], numberFormat: [], bytes: CHUNK_OVERHEAD_BYTES };
      out.push(cur);
    }
    cur.formulas.push(cells);
    cur.numberFormat.push(formats);
    cur.bytes += bytes;
  });
  return out;
}

/** Reads a Sources table back (header row, body values and formats); a table missing a column is an error. */
export function readSourcesTable(header: readonly HostValue[], body: readonly HostValue[][], formats?: readonly string[][]): SourceRow[] {
  const at = SOURCE_COLUMNS.map((c) => {
    const j = header.findIndex((h) => typeof h === "string" && h.trim().toLowerCase() === c.header.toLowerCase());
    if (j < 0) throw new Error(`The ${SOURCES_TABLE} table has no "${c.header}" column: it was changed by hand, so formulas cannot be restored from it safely.`);
    return j;
  });
  const rows: SourceRow[] = [];
  body.forEach((row, i) => {
    // the one empty body row of an empty table
    if (row.every((v) => v === "" || v === null)) return;
    const r = { valueFormat: "General" } as SourceRow;
    SOURCE_COLUMNS.forEach((c, k) => {
      const v = row[at[k]];
      if (c.key === "value") {
        (r as { value: HostValue }).value = v ?? "";
        r.valueFormat = formats?.[i]?.[at[k]] ?? "General";
        if (r.valueFormat === "@") r.valueFormat = "General";
      } else (r as unknown as Record<string, string>)[c.key] = v === null || v === undefined ? "" : String(v);
    });
    rows.push(r);
  });
  return rows;
}

/** A row's key: one formula row per cell (several when a formula holds several calls or a spill several sources), per table. */
function rowKey(r: SourceRow): string {
  return r.table ? `table:${r.table.toLowerCase()}` : `cell:${r.cell.toLowerCase()}`;
}

/** The rows kept from an existing table with the new ones after them: a new row replaces every old row of its cell or table. */
export function mergeSources(existing: readonly SourceRow[], added: readonly SourceRow[]): SourceRow[] {
  const replaced = new Set(added.map(rowKey));
  return [...existing.filter((r) => !replaced.has(rowKey(r))), ...added];
}

// ---------------------------------------------------------------------------------------------
// Restore

export interface RestoreOp {
  sheet: string;
  row: number;
  col: number;
  cell: string;
  formula: string;
  /** A frozen spill: its cells (other than the anchor) are cleared so the formula can spill again. */
  spill?: { row: number; col: number; rows: number; cols: number };
  /** The value the cell should still hold (what was frozen). */
  expect: HostValue;
}

export interface RestorePlan {
  chunks: { ops: RestoreOp[]; bytes: number }[];
  /** Rows that cannot be restored, with why (a hand-changed formula, an address that is no cell). */
  skipped: { cell: string; why: string }[];
  /** Formula rows in scope (restored rows leave the table; the others stay). */
  inScope: SourceRow[];
}

/** The restore of the formula rows `inScope` accepts: one op per cell, only MG formulas, chunked. */
export function planRestore(rows: readonly SourceRow[], inScope: (sheet: string, row: number, col: number) => boolean, maxBytes = DEFAULT_CHUNK_BYTES, maxOps = 5_000): RestorePlan {
  const plan: RestorePlan = { chunks: [], skipped: [], inScope: [] };
  const seen = new Set<string>();
  let cur: { ops: RestoreOp[]; bytes: number } | null = null;
  for (const r of rows) {
    if (r.table || !r.formula) continue;
    const a = parseAddress(r.cell);
    if (!a || a.rows !== 1 || a.cols !== 1) { plan.skipped.push({ cell: r.cell, why: "its Cell is not one cell's address" }); continue; }
    if (!inScope(a.sheet, a.row, a.col)) continue;
    plan.inScope.push(r);
    const key = `${a.sheet}!${a.row},${a.col}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (!isMgFormula(r.formula, a.sheet)) { plan.skipped.push({ cell: r.cell, why: "its Formula is no MG formula (changed by hand?), so it is not written" }); continue; }
    let spill: RestoreOp["spill"];
    if (r.spill) {
      const s = parseAddress(r.spill);
      if (!s || s.sheet !== a.sheet || s.row !== a.row || s.col !== a.col) { plan.skipped.push({ cell: r.cell, why: `its Spill range ${r.spill} does not start at the cell` }); continue; }
      spill = { row: s.row, col: s.col, rows: s.rows, cols: s.cols };
    }
    const op: RestoreOp = { sheet: a.sheet, row: a.row, col: a.col, cell: r.cell, formula: r.formula, spill, expect: r.value };
    const bytes = BLOCK_OVERHEAD_BYTES * (spill ? 2 : 1) + utf8Length(r.formula) + valueBytes(r.value);
    if (!cur || cur.bytes + bytes > maxBytes || cur.ops.length >= maxOps) {
      cur = { ops: [], bytes: CHUNK_OVERHEAD_BYTES };
      plan.chunks.push(cur);
    }
    cur.ops.push(op);
    cur.bytes += bytes;
  }
  return plan;
}

/** A frozen cell still holds what was frozen (a number or logical exactly, text as text): else restoring would overwrite an edit. */
export function stillFrozen(now: HostValue, expect: HostValue): boolean {
  if (typeof expect === "number" && typeof now === "number") return Math.abs(now - expect) <= Math.abs(expect) * 1e-12;
  return String(now) === String(expect);
}
