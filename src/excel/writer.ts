// The Excel writer: applies a host-neutral InsertPlan (src/core/table/plan.ts) through Office.js.
// One 2-D write of values and number formats per chunk and one context.sync() per chunk (never per
// row), calculation and screen updating suspended while writing, progress reported, cancellable.
import type { MgRecord } from "../core/model/record";
import { columnsOf } from "../core/table/columns";
import { quotePrefixed } from "../core/table/cells";
import { InsertChunk, InsertPlan, PlanOptions, jsonBytes, planInsert } from "../core/table/plan";
import { TableSpec, isValidTableName, nextFreeTableName } from "../core/table/presets";
import { StoredTable, loadStoredSetting, queueSaveStored, readStoredSetting, upsertStored } from "./tableStore";
import { addTableSources } from "./freeze";

/** Excel.run, or a stand-in in tests. */
export type ExcelRunner = <T>(batch: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>;

export const defaultRunner: ExcelRunner = (batch) => Excel.run(batch);

/**
 * Excel API versions the writer needs: insert uses Range.getTables and screen-update suspension (1.9),
 * refresh resizes tables in place (Table.resize, 1.13), a chart reads a formula's spill (getSpillingToRange, 1.12). Older hosts get a message, not a failure halfway.
 */
export const REQUIRED_EXCEL_API = { insert: "1.9", refresh: "1.13", chart: "1.12" } as const;

/** A sentence saying what is missing, or null when the host supports the job (or cannot tell). */
export function unsupportedExcelApi(job: keyof typeof REQUIRED_EXCEL_API): string | null {
  const requirements = (globalThis as { Office?: typeof Office }).Office?.context?.requirements;
  if (!requirements) return null;
  const version = REQUIRED_EXCEL_API[job];
  return requirements.isSetSupported("ExcelApi", version)
    ? null
    : `This version of Excel does not support ${job === "insert" ? "inserting tables" : job === "refresh" ? "refreshing tables" : "charting a spilled formula"} from an add-in (it needs Excel API ${version}): update Office or use Excel on the web.`;
}

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;
export const TABLE_STYLE = "TableStyleMedium2";
/** Evidence sentences are long: after autofit, cap the column so the table stays readable (points). */
const EVIDENCE_WIDTH_PT = 320;

export interface Progress {
  rowsWritten: number;
  rowCount: number;
}

export interface InsertRequest {
  spec: TableSpec;
  /** Rows of the table, already filtered and ordered (filterRecords). */
  records: readonly MgRecord[];
  datasetVersion: string;
  /** The user agreed to overwrite a non-empty target. */
  overwrite?: boolean;
  /**
   * The user was told (not-empty outcome, restorable) that a cancelled insert puts the overwritten
   * cells back: if their copy turns out too big to keep, the writer asks again instead of writing.
   */
  expectRestore?: boolean;
  onProgress?: (p: Progress) => void;
  signal?: AbortSignal;
  planOptions?: PlanOptions;
}

export type InsertOutcome =
  /** sourcesProblem: the table is in, but its rows of MG_Sources (src/excel/freeze.ts) could not be written. */
  | { status: "inserted"; tableName: string; address: string; rowCount: number; sourcesProblem?: string }
  /** restorable: the cells are few enough to be put back if the insert is cancelled after overwriting. */
  | { status: "not-empty"; address: string; restorable: boolean }
  | { status: "name-exists"; tableName: string; isMgTable: boolean; suggestedName: string }
  | { status: "overlaps-table"; address: string; tables: string[] }
  | { status: "too-big"; message: string }
  | { status: "cancelled"; message: string }
  /** Excel refused a request while writing: what was written is removed and overwritten cells put back. */
  | { status: "failed"; message: string };

/**
 * Overwritten cells the writer keeps a copy of, so a cancelled insert can put them back: values,
 * formulas and number formats (not fills, borders or hyperlinks). Bigger ranges are not copied and the
 * question says that cancelling then leaves the range empty.
 */
export const MAX_RESTORE_CELLS = 20_000;
/** The copy is written back in one request: keep it well under Excel on the web's 5 MB. */
const MAX_RESTORE_BYTES = 2_000_000;

interface CellsCopy {
  row: number;
  col: number;
  formulas: (string | number | boolean)[][];
  numberFormat: string[][];
}

/** Turns loaded formulas/values into what writing `formulas` back recreates: formulas stay formulas, text stays text. */
function copyOfCells(range: Excel.Range): CellsCopy | null {
  const formulas = range.formulas as unknown[][];
  const values = range.values as unknown[][];
  let bytes = 0;
  const out = formulas.map((row, i) => row.map((f, j) => {
    const v = values[i][j];
    let w: string | number | boolean;
    if (typeof f === "string" && f.startsWith("=") && f !== v) w = f; // a real formula (its value differs from its text)
    else if (typeof v === "number" || typeof v === "boolean") w = v;
    else w = quotePrefixed(String(v ?? "")); // text typed back stays the same text, never a formula
    bytes += typeof w === "boolean" ? 5 : jsonBytes(w);
    return w;
  }));
  const numberFormat = range.numberFormat as string[][];
  for (const row of numberFormat) for (const f of row) bytes += jsonBytes(f);
  return bytes > MAX_RESTORE_BYTES ? null : { row: range.rowIndex, col: range.columnIndex, formulas: out, numberFormat };
}

function queueRestore(sheet: Excel.Worksheet, copy: CellsCopy): void {
  const range = sheet.getRangeByIndexes(copy.row, copy.col, copy.formulas.length, copy.formulas[0]?.length ?? 0);
  range.numberFormat = copy.numberFormat;
  range.formulas = copy.formulas as string[][];
}

function queueSuspend(ctx: Excel.RequestContext): void {
  ctx.application.suspendApiCalculationUntilNextSync();
  ctx.application.suspendScreenUpdatingUntilNextSync();
}

/** Queues one chunk: formats first (so "@" text columns take the text as text), then values, then links. */
function queueChunk(sheet: Excel.Worksheet, top: number, left: number, chunk: InsertChunk, columnCount: number): void {
  const range = sheet.getRangeByIndexes(top + chunk.firstRow, left, chunk.values.length, columnCount);
  range.numberFormat = chunk.numberFormat;
  range.values = chunk.values;
  for (const l of chunk.links) {
    range.getCell(l.row, l.col).hyperlink = { address: l.url, textToDisplay: l.url };
  }
}

function queueHeader(sheet: Excel.Worksheet, top: number, left: number, plan: InsertPlan): Excel.Range {
  const header = sheet.getRangeByIndexes(top, left, 1, plan.columnCount);
  header.numberFormat = [plan.header.map(() => "@")];
  header.values = [plan.header];
  return header;
}

/** Writes every chunk, one sync each; stops between chunks when the signal aborts. Returns rows written. */
async function writeChunks(
  ctx: Excel.RequestContext, sheet: Excel.Worksheet, top: number, left: number, plan: InsertPlan,
  onProgress?: (p: Progress) => void, signal?: AbortSignal,
): Promise<{ written: number; aborted: boolean }> {
  let written = 0;
  for (const chunk of plan.chunks) {
    if (signal?.aborted) return { written, aborted: true };
    queueSuspend(ctx);
    queueChunk(sheet, top, left, chunk, plan.columnCount);
    await ctx.sync();
    written += chunk.values.length;
    onProgress?.({ rowsWritten: written, rowCount: plan.rowCount });
  }
  return { written, aborted: false };
}

function queueTableLook(table: Excel.Table, spec: TableSpec): void {
  table.style = TABLE_STYLE;
  table.showBandedRows = true;
  table.getHeaderRowRange().format.font.bold = true;
  table.getRange().format.autofitColumns();
  const evidence = spec.columns.indexOf("evidence");
  if (evidence >= 0) table.columns.getItemAt(evidence).getRange().format.columnWidth = EVIDENCE_WIDTH_PT;
}

/** Data rows a table gets: Excel tables need at least one body row, left empty when no record matches. */
function bodyRows(plan: InsertPlan): number {
  return Math.max(1, plan.rowCount);
}

export async function insertTable(run: ExcelRunner, req: InsertRequest): Promise<InsertOutcome> {
  const { spec } = req;
  if (!isValidTableName(spec.tableName)) {
    return { status: "too-big", message: `"${spec.tableName}" is not a valid Excel table name: use letters, digits and underscores, starting with a letter` };
  }
  const plan = planInsert(req.records, columnsOf(spec.columns), req.planOptions);
  return run(async (ctx) => {
    const selected = ctx.workbook.getSelectedRange();
    selected.load("rowIndex,columnIndex");
    const sheet = selected.worksheet;
    const existing = ctx.workbook.tables.getItemOrNullObject(spec.tableName);
    existing.load("name");
    const allTables = ctx.workbook.tables;
    allTables.load("items/name");
    const setting = loadStoredSetting(ctx);
    await ctx.sync();

    const stored = readStoredSetting(setting);
    if (!existing.isNullObject) {
      return {
        status: "name-exists" as const,
        tableName: existing.name,
        isMgTable: stored.some((t) => t.tableName.toLowerCase() === spec.tableName.toLowerCase()),
        suggestedName: nextFreeTableName(spec.tableName, allTables.items.map((t) => t.name)),
      };
    }
    const top = selected.rowIndex;
    const left = selected.columnIndex;
    const height = 1 + bodyRows(plan);
    if (top + height > MAX_ROWS || left + plan.columnCount > MAX_COLUMNS) {
      return { status: "too-big" as const, message: `${plan.rowCount} rows × ${plan.columnCount} columns do not fit below the selected cell: select a cell higher up or further left` };
    }

    const target = sheet.getRangeByIndexes(top, left, height, plan.columnCount);
    target.load("address");
    const used = target.getUsedRangeOrNullObject(true);
    used.load("address,cellCount");
    const tablesInTarget = target.getTables(false);
    tablesInTarget.load("items/name");
    await ctx.sync();
    if (tablesInTarget.items.length > 0) {
      return { status: "overlaps-table" as const, address: target.address, tables: tablesInTarget.items.map((t) => t.name) };
    }
    const restorable = !used.isNullObject && used.cellCount <= MAX_RESTORE_CELLS;
    if (!used.isNullObject && !req.overwrite) return { status: "not-empty" as const, address: target.address, restorable };

    let copy: CellsCopy | null = null;
    if (!used.isNullObject && restorable) {
      used.load("rowIndex,columnIndex,formulas,values,numberFormat");
      await ctx.sync();
      copy = copyOfCells(used);
      // Promised a put-back the copy cannot keep: ask again, saying so, before anything is written.
      if (!copy && req.expectRestore) return { status: "not-empty" as const, address: target.address, restorable: false };
    }

    const putBack = (): void => {
      target.clear("All");
      if (copy) queueRestore(sheet, copy);
    };
    const cellsNow = (): string => used.isNullObject
      ? "the rows written so far were removed"
      : copy
        ? `the rows written so far were removed and the cells of ${target.address} got back their values, formulas and number formats (not their other formatting)`
        : `the rows written so far were removed; ${target.address} is now empty (its earlier content was too large to keep a copy of)`;
    let table: Excel.Table;
    try {
      queueSuspend(ctx);
      if (!used.isNullObject) target.clear("All");
      queueHeader(sheet, top, left, plan);
      await ctx.sync();
      const { aborted } = await writeChunks(ctx, sheet, top + 1, left, plan, req.onProgress, req.signal);
      if (aborted) {
        // A half-written table would show numbers as if complete: take it away.
        putBack();
        await ctx.sync();
        return { status: "cancelled" as const, message: `Insert cancelled: ${cellsNow()}.` };
      }
      table = sheet.tables.add(target, true);
      table.name = spec.tableName;
      queueTableLook(table, spec);
      table.load("id,name");
      await ctx.sync();
    } catch (e) {
      // Excel refused a request halfway (a chunk too big, a protected sheet, a lost connection): the same
      // put-back as a cancel, so no header or rows without a table stay and the user's cells come back.
      const reason = e instanceof Error ? e.message : String(e);
      try {
        // The table may have been made before the request failed: no table overlapped the target before.
        const made = target.getTables(false);
        made.load("items/name");
        await ctx.sync();
        for (const t of made.items) t.delete();
        putBack();
        await ctx.sync();
      } catch (again) {
        return {
          status: "failed" as const,
          message: `Excel refused the insert (${reason}), and then refused removing what was written (${again instanceof Error ? again.message : String(again)}): ${target.address} may hold an incomplete copy that is not an MG table: delete it before using its numbers.`,
        };
      }
      return { status: "failed" as const, message: `Excel refused the insert (${reason}): ${cellsNow()}.` };
    }

    const entry: StoredTable = { tableId: table.id, tableName: table.name, spec, rowCount: plan.rowCount, datasetVersion: req.datasetVersion, writtenAt: new Date().toISOString() };
    queueSaveStored(ctx, upsertStored(stored, entry));
    await ctx.sync();
    // issue 12: one MG_Sources row per source the table draws on, so a frozen copy still says where its figures came from
    let sourcesProblem: string | undefined;
    try {
      await addTableSources(ctx, { name: table.name, address: target.address }, req.records, req.datasetVersion);
    } catch (e) {
      sourcesProblem = `MG_Sources was not updated (${e instanceof Error ? e.message : String(e)})`;
    }
    return { status: "inserted" as const, tableName: table.name, address: target.address, rowCount: plan.rowCount, ...(sourcesProblem ? { sourcesProblem } : {}) };
  });
}

export interface RefreshRequest {
  /** Rows a stored table should now hold (filterRecords over the data in use). */
  rowsFor(spec: TableSpec): readonly MgRecord[];
  datasetVersion: string;
  onProgress?: (p: Progress & { tableName: string; tableIndex: number; tableCount: number }) => void;
  /** Checked between tables: a table is either fully rewritten or left as it was. */
  signal?: AbortSignal;
  planOptions?: PlanOptions;
  /** Refresh only these tables (names); all stored tables when absent. */
  only?: readonly string[];
}

export interface TableRefreshResult {
  tableName: string;
  status: "refreshed" | "missing" | "blocked" | "cancelled" | "failed";
  rowsBefore?: number;
  rowsAfter?: number;
  message: string;
}

export async function listStoredTables(run: ExcelRunner): Promise<StoredTable[]> {
  return run(async (ctx) => {
    const setting = loadStoredSetting(ctx);
    await ctx.sync();
    return readStoredSetting(setting);
  });
}

/** Rewrites every stored MG table in place from its stored filter, resizing it; nothing outside it is touched. */
export async function refreshTables(run: ExcelRunner, req: RefreshRequest): Promise<TableRefreshResult[]> {
  return run(async (ctx) => {
    const setting = loadStoredSetting(ctx);
    await ctx.sync();
    let stored = readStoredSetting(setting);
    const only = req.only?.map((n) => n.toLowerCase());
    const entries = stored.filter((t) => !only || only.includes(t.tableName.toLowerCase()));
    const results: TableRefreshResult[] = [];
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i];
      if (req.signal?.aborted) {
        results.push({ tableName: entry.tableName, status: "cancelled", message: `${entry.tableName} was not refreshed (cancelled).` });
        continue;
      }
      const table = ctx.workbook.tables.getItemOrNullObject(entry.tableId || entry.tableName);
      table.load("id,name");
      await ctx.sync();
      if (table.isNullObject) {
        stored = stored.filter((t) => t !== entry);
        results.push({ tableName: entry.tableName, status: "missing", message: `${entry.tableName} is no longer in the workbook; it is forgotten.` });
        continue;
      }
      const whole = table.getRange();
      whole.load("rowIndex,columnIndex,rowCount,columnCount");
      const sheet = table.worksheet;
      await ctx.sync();

      const name = table.name;
      const columns = columnsOf(entry.spec.columns);
      if (whole.columnCount !== columns.length) {
        results.push({ tableName: name, status: "blocked", message: `${name} has ${whole.columnCount} columns, not the ${columns.length} it was made with: refresh would overwrite your columns. Insert it again instead.` });
        continue;
      }
      const plan = planInsert(req.rowsFor(entry.spec), columns, req.planOptions);
      const top = whole.rowIndex;
      const left = whole.columnIndex;
      const oldBody = whole.rowCount - 1;
      const newBody = bodyRows(plan);
      // Records before: as stored at the last write if the table still has that many body rows.
      const before = entry.rowCount >= 0 && Math.max(1, entry.rowCount) === oldBody ? entry.rowCount : oldBody;

      if (newBody > oldBody) {
        // Growing takes rows under the table: only if they are empty.
        const below = sheet.getRangeByIndexes(top + 1 + oldBody, left, newBody - oldBody, columns.length);
        below.load("address");
        const used = below.getUsedRangeOrNullObject(true);
        used.load("address");
        const tablesBelow = below.getTables(false);
        tablesBelow.load("items/name");
        await ctx.sync();
        if (!used.isNullObject || tablesBelow.items.length > 0) {
          results.push({ tableName: name, status: "blocked", rowsBefore: before, message: `${name} needs ${newBody - oldBody} more rows, but ${below.address} is not empty: move what is there, then refresh again. The table was left as it was.` });
          continue;
        }
      }

      try {
        queueSuspend(ctx);
        table.getDataBodyRange().clear("Contents");
        table.getDataBodyRange().clear("Hyperlinks");
        table.resize(sheet.getRangeByIndexes(top, left, 1 + newBody, columns.length));
        if (newBody < oldBody) {
          // Rows the table gave up were its own: leave them empty, not with stale numbers.
          sheet.getRangeByIndexes(top + 1 + newBody, left, oldBody - newBody, columns.length).clear("All");
        }
        queueHeader(sheet, top, left, plan);
        await ctx.sync();
        await writeChunks(ctx, sheet, top + 1, left, plan, (p) => req.onProgress?.({ ...p, tableName: name, tableIndex: i, tableCount: entries.length }));
        queueTableLook(table, entry.spec);
        await ctx.sync();
        stored = upsertStored(stored, { ...entry, tableName: name, rowCount: plan.rowCount, datasetVersion: req.datasetVersion, writtenAt: new Date().toISOString() });
        results.push({ tableName: name, status: "refreshed", rowsBefore: before, rowsAfter: plan.rowCount, message: `${name}: ${before} → ${plan.rowCount} rows.` });
      } catch (e) {
        // Excel refused a request halfway: a body half old, half new would show numbers as if complete.
        // Empty the body (the stored entry keeps its old version, so the pane calls the table stale).
        const reason = e instanceof Error ? e.message : String(e);
        let emptied = true;
        try {
          table.getDataBodyRange().clear("Contents");
          table.getDataBodyRange().clear("Hyperlinks");
          await ctx.sync();
        } catch {
          emptied = false;
        }
        results.push({
          tableName: name, status: "failed", rowsBefore: before,
          message: emptied
            ? `${name} could not be refreshed (Excel refused: ${reason}); its rows were cleared rather than left half-updated: refresh again.`
            : `${name} could not be refreshed (Excel refused: ${reason}) and may be half-updated: do not use its numbers; refresh again or delete it.`,
        });
      }
    }
    queueSaveStored(ctx, stored);
    await ctx.sync();
    return results;
  });
}
