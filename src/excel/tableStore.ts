// Which MG tables a workbook holds and the filters each was made with. Kept in the workbook's own
// settings (Excel.SettingCollection, ExcelApi 1.4: saved inside the file), so "Refresh MG tables" still
// knows them after the workbook is closed and reopened, on any machine.
import { COLUMN_IDS, ColumnId } from "../core/table/columns";
import { normalizeFilter } from "../core/table/storedFilter";
import { TableSpec } from "../core/table/presets";

export const TABLES_SETTING_KEY = "MagnesiumTracker.tables";
const STORE_VERSION = 1;

export interface StoredTable {
  /** Excel's table id (survives a rename), and the name at the last write. */
  tableId: string;
  tableName: string;
  spec: TableSpec;
  /** Records written at the last write (the body has one empty row when this is 0). */
  rowCount: number;
  /** Dataset version the table was last written from. */
  datasetVersion: string;
  writtenAt: string;
}

/** Parses the setting's value; a value this version cannot read is reported, never half-used. */
export function parseStoredTables(value: unknown): StoredTable[] {
  if (value === null || value === undefined || value === "") return [];
  const obj = typeof value === "string" ? JSON.parse(value) : value;
  if (!obj || obj.version !== STORE_VERSION || !Array.isArray(obj.tables)) {
    throw new Error(`The workbook's ${TABLES_SETTING_KEY} setting is not in a format this add-in reads (version ${obj?.version})`);
  }
  return obj.tables.map((t: any): StoredTable => {
    const columns = t?.spec?.columns;
    if (!Array.isArray(columns) || columns.some((c: unknown) => !(COLUMN_IDS as readonly unknown[]).includes(c))) {
      throw new Error(`Stored table ${t?.tableName}: unknown columns`);
    }
    return {
      tableId: String(t.tableId ?? ""),
      tableName: String(t.tableName ?? ""),
      spec: { preset: String(t.spec.preset ?? "custom"), tableName: String(t.spec.tableName ?? t.tableName), filter: normalizeFilter(t.spec.filter), columns: columns as ColumnId[] },
      rowCount: Number.isInteger(t.rowCount) ? t.rowCount : -1,
      datasetVersion: String(t.datasetVersion ?? ""),
      writtenAt: String(t.writtenAt ?? ""),
    };
  });
}

export function serializeStoredTables(tables: readonly StoredTable[]): string {
  return JSON.stringify({ version: STORE_VERSION, tables });
}

/** Queues a load of the setting; read `.value` after the next sync (null object when never written). */
export function loadStoredSetting(ctx: Excel.RequestContext): Excel.Setting {
  const item = ctx.workbook.settings.getItemOrNullObject(TABLES_SETTING_KEY);
  item.load("value");
  return item;
}

export function readStoredSetting(item: Excel.Setting): StoredTable[] {
  return item.isNullObject ? [] : parseStoredTables(item.value);
}

export function queueSaveStored(ctx: Excel.RequestContext, tables: readonly StoredTable[]): void {
  ctx.workbook.settings.add(TABLES_SETTING_KEY, serializeStoredTables(tables));
}

/** Replaces the entry of the same table id (or name), or appends. */
export function upsertStored(tables: readonly StoredTable[], entry: StoredTable): StoredTable[] {
  const rest = tables.filter((t) => t.tableId !== entry.tableId && t.tableName.toLowerCase() !== entry.tableName.toLowerCase());
  return [...rest, entry];
}
