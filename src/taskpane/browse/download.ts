// Preview-mode outputs: .xlsx (exceljs, loaded only here), .csv (papaparse, formula-guarded) and copy
// to the clipboard as tab-separated rows that paste into a sheet.
import type { MgRecord } from "../../core/model/record";
import { columnsOf } from "../../core/table/columns";
import { tableToCsv, tableToTsv } from "../../core/table/csv";
import type { TableSpec } from "../../core/table/presets";

function save(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.rel = "noopener";
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

export async function downloadCsv(records: readonly MgRecord[], spec: TableSpec): Promise<string> {
  const name = `${spec.tableName}.csv`;
  // The BOM tells Excel the file is UTF-8 (names with accents, "–", "·" stay right).
  save(name, new Blob(["\ufeff", tableToCsv(records, columnsOf(spec.columns))], { type: "text/csv;charset=utf-8" }));
  return name;
}

export async function downloadXlsx(records: readonly MgRecord[], spec: TableSpec, datasetVersion: string): Promise<string> {
  const { buildXlsx } = await import(/* webpackChunkName: "xlsx" */ "../../excel/xlsxFile");
  const name = `${spec.tableName}.xlsx`;
  const buf = await buildXlsx(records, spec, datasetVersion);
  save(name, new Blob([buf], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }));
  return name;
}

export async function copyTable(records: readonly MgRecord[], spec: TableSpec): Promise<void> {
  const text = tableToTsv(records, columnsOf(spec.columns));
  if (navigator.clipboard?.writeText) {
    try {
      await navigator.clipboard.writeText(text);
      return;
    } catch {
      // permission refused (e.g. not focused): fall back to the selection copy below
    }
  }
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.appendChild(area);
  area.select();
  const ok = document.execCommand("copy");
  area.remove();
  if (!ok) throw new Error("the browser refused clipboard access");
}
