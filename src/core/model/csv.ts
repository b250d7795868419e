// Records <-> CSV rows (RFC 4180 via papaparse), in RECORD_COLUMNS order.
// Used by `mg corpus build --csv` and by the published feed. Values are written as data, unescaped:
// the formula-injection guard belongs to exports meant to be opened in a spreadsheet.
import Papa from "papaparse";
import { MgRecord, ORGANIZATION_SEPARATOR, RECORD_COLUMNS } from "./record";

export function recordToRow(r: MgRecord): string[] {
  return RECORD_COLUMNS.map((c) => {
    const v = r[c];
    if (v === null || v === undefined) return "";
    if (Array.isArray(v)) return v.join(ORGANIZATION_SEPARATOR);
    return String(v);
  });
}

export function recordsToCsv(records: readonly MgRecord[]): string {
  return Papa.unparse({ fields: [...RECORD_COLUMNS], data: records.map(recordToRow) }, { newline: "\r\n", quotes: false });
}
