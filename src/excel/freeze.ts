// Freeze MG formulas (issue 12) through Office.js: find the MG formulas of the selection, the sheet or the
// workbook (Range.getSpecialCells(formulas), spill anchors with getSpillingToRange), write the MG_Sources
// table first (so every frozen cell is listed before it is frozen), then the values chunk by chunk (one
// context.sync() per planned request, progress, cancel between requests), and "Restore formulas" from
// MG_Sources. The planning is src/core/freeze; this file only reads and writes the workbook.
import type { DataSnapshot } from "../core/data/store";
import type { MgRecord } from "../core/model/record";
import {
  CellChanges, FoundCell, FormulaCell, FreezeOptions, HostValue, REQUEST_LIMIT_BYTES, SOURCES_SHEET, SOURCES_TABLE, SOURCE_HEADERS, SourceRow,
  changedCells, mergeSources, mgCalls, planFreeze, planRestore, planSourcesWrite, readSourcesTable, refKey, stillFrozen, tableSourceRows,
} from "../core/freeze";
import { functionSpec } from "../core/query/functions";
import type { DatasetDiff } from "../core/feed/diff";
import type { ExcelRunner } from "./writer";

export type FreezeScope = "selection" | "sheet" | "workbook";

/** ExcelApi 1.12 for getSpillingToRange (1.9 for getSpecialCells); valuesAsJson (keep cards) 1.16. */
export const FREEZE_EXCEL_API = "1.12";
export const CARDS_EXCEL_API = "1.16";

export interface FreezeProgress {
  phase: "reading" | "sources" | "values" | "restoring";
  done: number;
  total: number;
}

export interface FreezeRequest {
  scope: FreezeScope;
  snapshot: DataSnapshot;
  /** Write each card back as a static card (valuesAsJson) instead of its number. */
  keepCards?: boolean;
  onProgress?: (p: FreezeProgress) => void;
  signal?: AbortSignal;
  planOptions?: FreezeOptions;
}

export type FreezeOutcome =
  | { status: "frozen"; formulas: number; sourceRows: number; message: string }
  | { status: "nothing"; message: string }
  | { status: "cancelled"; formulas: number; message: string }
  | { status: "failed"; message: string };

export type RestoreOutcome =
  | { status: "restored"; formulas: number; skipped: { cell: string; why: string }[]; message: string }
  | { status: "nothing"; message: string }
  | { status: "cancelled"; formulas: number; message: string }
  | { status: "failed"; message: string };

/** Cells read per request: a response stays far under Excel on the web's 5 MB (and its 5M-cell read limit). */
const READ_CELLS = 20_000;
/** Spill anchors and referenced cells looked up per request. */
const LOOKUPS_PER_SYNC = 200;

const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

interface Target {
  sheet: Excel.Worksheet;
  name: string;
  range: Excel.Range;
}

async function targets(ctx: Excel.RequestContext, scope: FreezeScope): Promise<Target[]> {
  if (scope === "selection") {
    const range = ctx.workbook.getSelectedRange();
    range.worksheet.load("name");
    await ctx.sync();
    return [{ sheet: range.worksheet, name: range.worksheet.name, range }];
  }
  if (scope === "sheet") {
    const sheet = ctx.workbook.worksheets.getActiveWorksheet();
    sheet.load("name");
    await ctx.sync();
    return [{ sheet, name: sheet.name, range: sheet.getRange() }];
  }
  const sheets = ctx.workbook.worksheets;
  sheets.load("items/name");
  await ctx.sync();
  return sheets.items.filter((s) => s.name !== SOURCES_SHEET).map((sheet) => ({ sheet, name: sheet.name, range: sheet.getRange() }));
}

interface Read {
  cells: FoundCell[];
  refs: Map<string, HostValue>;
}

/**
 * The MG formula cells of the scope with their values and formats (and cards), the spills of those
 * that spill, and the values of the cells their arguments refer to.
 */
async function readMgCells(ctx: Excel.RequestContext, scope: FreezeScope, opts: { keepCards?: boolean; values?: boolean; onProgress?: (p: FreezeProgress) => void } = {}): Promise<Read> {
  const withValues = opts.values !== false;
  const found: { t: Target; areas: Excel.RangeAreas }[] = [];
  for (const t of await targets(ctx, scope)) {
    const areas = t.range.getSpecialCellsOrNullObject("Formulas" /* Excel.SpecialCellType.formulas */);
    areas.load("address");
    areas.areas.load("items/rowIndex,items/columnIndex,items/rowCount,items/columnCount");
    found.push({ t, areas });
  }
  await ctx.sync();

  // the formula cells, read in slices of at most READ_CELLS cells per request
  const props = ["formulas", ...(withValues ? ["values", "numberFormat"] : []), ...(opts.keepCards ? ["valuesAsJson"] : [])].join(",");
  const cells: FoundCell[] = [];
  let pending: { t: Target; range: Excel.Range; row: number; col: number }[] = [];
  let pendingCells = 0;
  const flush = async () => {
    await ctx.sync();
    for (const p of pending) {
      const formulas = p.range.formulas as unknown[][];
      const values = withValues ? (p.range.values as HostValue[][]) : undefined;
      const formats = withValues ? (p.range.numberFormat as string[][]) : undefined;
      const json = opts.keepCards ? (p.range.valuesAsJson as unknown[][]) : undefined;
      formulas.forEach((row, i) => row.forEach((f, j) => {
        if (typeof f !== "string" || !f.startsWith("=") || mgCalls(f, p.t.name).length === 0) return;
        const card = json?.[i]?.[j] as { properties?: unknown } | undefined;
        cells.push({
          sheet: p.t.name, row: p.row + i, col: p.col + j, formula: f,
          value: values?.[i]?.[j] ?? "", numberFormat: formats?.[i]?.[j] ?? "General",
          card: card && typeof card === "object" && card.properties ? card : undefined,
        });
      }));
    }
    opts.onProgress?.({ phase: "reading", done: cells.length, total: 0 });
    pending = [];
    pendingCells = 0;
  };
  for (const { t, areas } of found) {
    if (areas.isNullObject) continue;
    for (const a of areas.areas.items) {
      const step = Math.max(1, Math.floor(READ_CELLS / Math.max(1, a.columnCount)));
      for (let r = 0; r < a.rowCount; r += step) {
        const rows = Math.min(step, a.rowCount - r);
        const range = t.sheet.getRangeByIndexes(a.rowIndex + r, a.columnIndex, rows, a.columnCount);
        range.load(props);
        pending.push({ t, range, row: a.rowIndex + r, col: a.columnIndex });
        pendingCells += rows * a.columnCount;
        if (pendingCells >= READ_CELLS) await flush();
      }
    }
  }
  if (pending.length) await flush();

  // spill anchors: only a table function spills
  const sheetByName = new Map(found.map((f) => [f.t.name, f.t.sheet]));
  const spilling = cells.filter((c) => functionSpec(mgCalls(c.formula, c.sheet)[0].name)?.result === "table");
  for (let k = 0; k < spilling.length; k += LOOKUPS_PER_SYNC) {
    const batch = spilling.slice(k, k + LOOKUPS_PER_SYNC).map((c) => {
      const s = sheetByName.get(c.sheet)!.getRangeByIndexes(c.row, c.col, 1, 1).getSpillingToRangeOrNullObject();
      s.load(withValues ? "rowIndex,columnIndex,rowCount,columnCount,values,numberFormat" : "rowIndex,columnIndex,rowCount,columnCount");
      return { c, s };
    });
    await ctx.sync();
    for (const { c, s } of batch) {
      if (s.isNullObject) continue;
      c.spill = { row: s.rowIndex, col: s.columnIndex, rows: s.rowCount, cols: s.columnCount, values: withValues ? (s.values as HostValue[][]) : [], numberFormat: withValues ? (s.numberFormat as string[][]) : [] };
    }
  }

  // the cells the calls' arguments refer to
  const refs = new Map<string, HostValue>();
  const wanted = new Map<string, { sheet: string; cell: string }>();
  for (const c of cells) for (const call of mgCalls(c.formula, c.sheet)) for (const a of call.args) if (a.kind === "ref") wanted.set(refKey(a.sheet, a.cell), a);
  const list = [...wanted];
  for (let k = 0; k < list.length; k += LOOKUPS_PER_SYNC) {
    const batch = list.slice(k, k + LOOKUPS_PER_SYNC).map(([key, a]) => {
      const sheet = ctx.workbook.worksheets.getItemOrNullObject(a.sheet);
      const range = sheet.getRange(a.cell);
      range.load("values");
      return { key, sheet, range };
    });
    try {
      await ctx.sync();
      for (const { key, sheet, range } of batch) if (!sheet.isNullObject) refs.set(key, (range.values as HostValue[][])[0][0]);
    } catch {
      // a sheet that does not exist: those sources stay "not resolved", said so in their rows
    }
  }
  return { cells, refs };
}

// ---------------------------------------------------------------------------------------------
// The MG_Sources table

interface SourcesState {
  sheet: Excel.Worksheet | null;
  table: Excel.Table | null;
  top: number;
  left: number;
  /** The table's size before this write (header included), to clear it. */
  rows: number;
  cols: number;
  existing: SourceRow[];
}

async function loadSources(ctx: Excel.RequestContext): Promise<SourcesState> {
  const table = ctx.workbook.tables.getItemOrNullObject(SOURCES_TABLE);
  table.load("name");
  const sheet = ctx.workbook.worksheets.getItemOrNullObject(SOURCES_SHEET);
  sheet.load("name");
  await ctx.sync();
  if (table.isNullObject) return { sheet: sheet.isNullObject ? null : sheet, table: null, top: 0, left: 0, rows: 0, cols: 0, existing: [] };
  const range = table.getRange();
  range.load("rowIndex,columnIndex,rowCount,columnCount,values,numberFormat");
  const own = table.worksheet;
  own.load("name");
  await ctx.sync();
  const values = range.values as HostValue[][];
  const formats = range.numberFormat as string[][];
  return { sheet: own, table, top: range.rowIndex, left: range.columnIndex, rows: range.rowCount, cols: range.columnCount, existing: readSourcesTable(values[0], values.slice(1), formats.slice(1)) };
}

/** Rewrites MG_Sources with `rows` in place (same sheet and corner), as a real Excel table; no rows: the table goes. */
async function writeSources(ctx: Excel.RequestContext, state: SourcesState, rows: readonly SourceRow[], onProgress?: (p: FreezeProgress) => void): Promise<void> {
  let sheet = state.sheet;
  if (state.table) {
    state.table.delete();
    sheet!.getRangeByIndexes(state.top, state.left, state.rows, state.cols).clear("All");
    await ctx.sync();
    state.table = null;
  } else if (sheet && rows.length) {
    const used = sheet.getRange().getUsedRangeOrNullObject(true);
    used.load("address");
    await ctx.sync();
    if (!used.isNullObject) throw new Error(`The sheet ${SOURCES_SHEET} holds other data and no ${SOURCES_TABLE} table: rename that sheet, then freeze again`);
  }
  if (rows.length === 0) {
    if (sheet && !state.table) {
      const used = sheet.getRange().getUsedRangeOrNullObject(true);
      used.load("address");
      await ctx.sync();
      if (used.isNullObject && sheet.name === SOURCES_SHEET) sheet.delete();
      await ctx.sync();
    }
    state.sheet = null;
    return;
  }
  if (!sheet) {
    sheet = ctx.workbook.worksheets.add(SOURCES_SHEET);
    state.sheet = sheet;
    state.top = 0;
    state.left = 0;
  }
  const cols = SOURCE_HEADERS.length;
  const header = sheet.getRangeByIndexes(state.top, state.left, 1, cols);
  header.numberFormat = [SOURCE_HEADERS.map(() => "@")];
  header.values = [SOURCE_HEADERS.slice()];
  const chunks = planSourcesWrite(rows);
  let written = 0;
  for (const c of chunks) {
    ctx.application.suspendApiCalculationUntilNextSync();
    const range = sheet.getRangeByIndexes(state.top + 1 + c.firstRow, state.left, c.formulas.length, cols);
    range.numberFormat = c.numberFormat;
    range.formulas = c.formulas as string[][];
    await ctx.sync();
    written += c.formulas.length;
    onProgress?.({ phase: "sources", done: written, total: rows.length });
  }
  const table = sheet.tables.add(sheet.getRangeByIndexes(state.top, state.left, 1 + rows.length, cols), true);
  table.name = SOURCES_TABLE;
  table.style = "TableStyleLight9";
  table.getRange().format.autofitColumns();
  table.columns.getItemAt(SOURCE_HEADERS.indexOf("Evidence")).getRange().format.columnWidth = 320;
  await ctx.sync();
  state.table = table;
  state.rows = 1 + rows.length;
  state.cols = cols;
}

/** For the insert path (writer.ts): an inserted MG table's sources, one row per source, replacing its earlier rows. */
export async function addTableSources(ctx: Excel.RequestContext, table: { name: string; address: string }, records: readonly MgRecord[], datasetVersion: string): Promise<void> {
  const asOf = /^\d{4}-\d{2}-\d{2}/.exec(datasetVersion)?.[0] ?? "";
  const state = await loadSources(ctx);
  const added = tableSourceRows(table, records, { version: datasetVersion, as_of: asOf }, new Date().toISOString());
  await writeSources(ctx, state, mergeSources(state.existing, added));
}

// ---------------------------------------------------------------------------------------------
// Freeze

export async function freezeMgFormulas(run: ExcelRunner, req: FreezeRequest): Promise<FreezeOutcome> {
  return run(async (ctx) => {
    let read: Read;
    let state: SourcesState;
    try {
      read = await readMgCells(ctx, req.scope, { keepCards: req.keepCards, onProgress: req.onProgress });
      state = await loadSources(ctx);
    } catch (e) {
      return { status: "failed" as const, message: `The MG formulas could not be read (${errorText(e)}); nothing was changed.` };
    }
    const where = req.scope === "selection" ? "the selection" : req.scope === "sheet" ? "this sheet" : "the workbook";
    if (read.cells.length === 0) return { status: "nothing" as const, message: `No MG formula in ${where}: nothing to freeze.` };
    let plan;
    try {
      plan = planFreeze(read.cells, req.snapshot, read.refs, { ...req.planOptions, keepCards: req.keepCards });
    } catch (e) {
      return { status: "failed" as const, message: `${errorText(e)}; nothing was changed.` };
    }
    // 1. the sources of every cell about to be frozen
    try {
      await writeSources(ctx, state, mergeSources(state.existing, plan.sources), req.onProgress);
    } catch (e) {
      return { status: "failed" as const, message: `${SOURCES_TABLE} could not be written (${errorText(e)}); no formula was frozen.` };
    }
    // 2. the values, one request per chunk; a cancel between chunks (never inside a spill) keeps what is frozen listed
    const sheets = new Map<string, Excel.Worksheet>();
    const sheetOf = (name: string) => {
      let s = sheets.get(name);
      if (!s) sheets.set(name, (s = ctx.workbook.worksheets.getItem(name)));
      return s;
    };
    let frozen = 0;
    let through = 0;
    const stopAt = async (why: "cancelled" | "failed", reason = ""): Promise<FreezeOutcome> => {
      let listed = true;
      try {
        await writeSources(ctx, state, mergeSources(state.existing, plan.sources.slice(0, through)));
      } catch {
        listed = false; // the rows of the cells not frozen stay: restoring them rewrites the formula they still hold
      }
      const kept = `${frozen} of ${plan.formulas} MG formulas were frozen${frozen ? ` and are listed in ${SOURCES_TABLE}` : ""}; the others still hold their formulas${listed ? "" : ` (${SOURCES_TABLE} also lists them)`}`;
      return why === "cancelled"
        ? { status: "cancelled", formulas: frozen, message: `Freeze cancelled: ${kept}.` }
        : { status: "failed", message: `Excel refused a write (${reason}): ${kept}.` };
    };
    for (let k = 0; k < plan.chunks.length; k++) {
      const chunk = plan.chunks[k];
      if (req.signal?.aborted && !(k > 0 && plan.chunks[k - 1].continues)) return stopAt("cancelled");
      try {
        ctx.application.suspendApiCalculationUntilNextSync();
        ctx.application.suspendScreenUpdatingUntilNextSync();
        for (const b of chunk.blocks) {
          const range = sheetOf(b.sheet).getRangeByIndexes(b.row, b.col, b.rows, b.cols);
          if (b.numberFormat) range.numberFormat = b.numberFormat;
          if (b.json) range.valuesAsJson = b.json as Excel.CellValue[][];
          else range.values = b.values as (string | number | boolean)[][];
        }
        await ctx.sync();
      } catch (e) {
        return stopAt("failed", errorText(e));
      }
      frozen += chunk.formulas;
      through = chunk.sourceRowsThrough;
      req.onProgress?.({ phase: "values", done: frozen, total: plan.formulas });
    }
    return { status: "frozen" as const, formulas: plan.formulas, sourceRows: plan.sources.length, message: `${plan.formulas} MG formula${plan.formulas === 1 ? "" : "s"} in ${where} frozen to values; their sources are in ${SOURCES_TABLE} (sheet ${SOURCES_SHEET}).` };
  });
}

// ---------------------------------------------------------------------------------------------
// Restore

export async function restoreFormulas(run: ExcelRunner, req: { scope: FreezeScope; onProgress?: (p: FreezeProgress) => void; signal?: AbortSignal }): Promise<RestoreOutcome> {
  return run(async (ctx) => {
    let state: SourcesState;
    let scopeTest: (sheet: string, row: number, col: number) => boolean = () => true;
    try {
      state = await loadSources(ctx);
      if (req.scope !== "workbook") {
        const range = req.scope === "selection" ? ctx.workbook.getSelectedRange() : ctx.workbook.worksheets.getActiveWorksheet().getRange();
        range.load("rowIndex,columnIndex,rowCount,columnCount");
        range.worksheet.load("name");
        await ctx.sync();
        const name = range.worksheet.name;
        scopeTest = (s, r, c) => s === name && r >= range.rowIndex && r < range.rowIndex + range.rowCount && c >= range.columnIndex && c < range.columnIndex + range.columnCount;
      }
    } catch (e) {
      return { status: "failed" as const, message: `${SOURCES_TABLE} could not be read (${errorText(e)}); nothing was changed.` };
    }
    if (!state.table) return { status: "nothing" as const, message: `This workbook has no ${SOURCES_TABLE} table: there is nothing to restore.` };
    const plan = planRestore(state.existing, scopeTest);
    const skipped = [...plan.skipped];
    const total = plan.chunks.reduce((n, c) => n + c.ops.length, 0);
    if (total === 0) return { status: "nothing" as const, message: `No frozen MG formula of ${SOURCES_TABLE} is in ${req.scope === "selection" ? "the selection" : req.scope === "sheet" ? "this sheet" : "the workbook"}${skipped.length ? ` (${skipped.length} row${skipped.length === 1 ? "" : "s"} could not be used)` : ""}.` };
    const restored = new Set<string>();
    const left = (): SourceRow[] => state.existing.filter((r) => !restored.has(r.cell));
    const finish = async (): Promise<boolean> => {
      try {
        await writeSources(ctx, state, left());
        return true;
      } catch {
        return false;
      }
    };
    for (const chunk of plan.chunks) {
      if (req.signal?.aborted) {
        const ok = await finish();
        return { status: "cancelled" as const, formulas: restored.size, message: `Restore cancelled: ${restored.size} of ${total} formulas were put back${ok ? "" : ` (${SOURCES_TABLE} still lists them)`}; the others keep their frozen values and stay listed in ${SOURCES_TABLE}.` };
      }
      try {
        // a cell edited since it was frozen keeps the edit
        const now = chunk.ops.map((op) => {
          const r = ctx.workbook.worksheets.getItem(op.sheet).getRangeByIndexes(op.row, op.col, 1, 1);
          r.load("values");
          return { op, r };
        });
        await ctx.sync();
        ctx.application.suspendApiCalculationUntilNextSync();
        const done: string[] = [];
        for (const { op, r } of now) {
          const v = (r.values as HostValue[][])[0][0];
          if (!stillFrozen(v, op.expect)) { skipped.push({ cell: op.cell, why: "it changed since it was frozen, so it keeps what it holds" }); continue; }
          const sheet = ctx.workbook.worksheets.getItem(op.sheet);
          if (op.spill) sheet.getRangeByIndexes(op.spill.row, op.spill.col, op.spill.rows, op.spill.cols).clear("Contents");
          sheet.getRangeByIndexes(op.row, op.col, 1, 1).formulas = [[op.formula]];
          done.push(op.cell);
        }
        await ctx.sync();
        for (const c of done) restored.add(c);
      } catch (e) {
        const ok = await finish();
        return { status: "failed" as const, message: `Excel refused a write (${errorText(e)}): ${restored.size} of ${total} formulas were put back${ok ? "" : ` (${SOURCES_TABLE} still lists them)`}; the others keep their frozen values.` };
      }
      req.onProgress?.({ phase: "restoring", done: restored.size, total });
    }
    const ok = await finish();
    return {
      status: "restored" as const, formulas: restored.size, skipped,
      message: `${restored.size} MG formula${restored.size === 1 ? "" : "s"} restored from ${SOURCES_TABLE}${skipped.length ? `; ${skipped.length} left as ${skipped.length === 1 ? "it was" : "they were"}` : ""}${ok ? "" : `; ${SOURCES_TABLE} could not be updated and still lists them`}.`,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// After a refresh

/** The MG cells of the workbook whose answer differs between two snapshots (formulas and referenced cells read, nothing written). */
export async function findChangedCells(run: ExcelRunner, before: DataSnapshot, after: DataSnapshot, diff?: DatasetDiff): Promise<CellChanges> {
  const read = await run((ctx) => readMgCells(ctx, "workbook", { values: false }));
  const cells: FormulaCell[] = read.cells.map((c) => ({ sheet: c.sheet, row: c.row, col: c.col, formula: c.formula }));
  return changedCells(cells, read.refs, before, after, diff);
}

export { REQUEST_LIMIT_BYTES };
