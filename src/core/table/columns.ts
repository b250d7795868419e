// Typed column definitions of the tables the pane inserts and exports. One definition serves the
// Excel writer, the .xlsx/.csv downloads and the preview grid, so they cannot disagree.
import type { MgRecord } from "../model/record";
import { ORGANIZATION_SEPARATOR } from "../model/fields";
import { datePrecision } from "../model/dates";
import { ExcelDate, isoToExcelDate } from "./dates";
import { ColumnId } from "./columnIds";

export { COLUMN_IDS, ALL_COLUMN_IDS } from "./columnIds";
export type { ColumnId } from "./columnIds";

export type ColumnType = "text" | "number" | "date" | "precision" | "url";

export type Cell =
  | { kind: "empty" }
  | { kind: "text"; text: string }
  | { kind: "number"; value: number }
  /** `date` null: a calendar date Excel cannot show (before 1 March 1900), written as its ISO text. */
  | { kind: "date"; date: ExcelDate | null; iso: string }
  | { kind: "url"; url: string };

export interface ColumnDef {
  /** Stable id, stored in the workbook with each inserted table. */
  id: ColumnId;
  header: string;
  type: ColumnType;
  cell(r: MgRecord): Cell;
}

const EMPTY: Cell = { kind: "empty" };
const text = (s: string): Cell => (s ? { kind: "text", text: s } : EMPTY);
const num = (n: number | null): Cell => (n === null ? EMPTY : { kind: "number", value: n });
const date = (iso: string): Cell => (datePrecision(iso) ? { kind: "date", date: isoToExcelDate(iso), iso } : EMPTY);
const precision = (iso: string): Cell => {
  const p = datePrecision(iso);
  return p ? { kind: "text", text: p } : EMPTY;
};

function def(id: ColumnId, header: string, type: ColumnType, cell: (r: MgRecord) => Cell): ColumnDef {
  return { id, header, type, cell };
}



export const COLUMNS: Record<ColumnId, ColumnDef> = {
  kind: def("kind", "Kind", "text", (r) => text(r.kind)),
  date: def("date", "Date", "date", (r) => date(r.date)),
  date_precision: def("date_precision", "Date precision", "precision", (r) => precision(r.date)),
  date_end: def("date_end", "End date", "date", (r) => date(r.date_end)),
  date_effective: def("date_effective", "Effective date", "date", (r) => date(r.date_effective)),
  date_effective_precision: def("date_effective_precision", "Effective date precision", "precision", (r) => precision(r.date_effective)),
  subject: def("subject", "Subject", "text", (r) => text(r.subject)),
  organizations: def("organizations", "Organisations", "text", (r) => text(r.organizations.join(ORGANIZATION_SEPARATOR))),
  region: def("region", "Region", "text", (r) => text(r.region)),
  title: def("title", "Title", "text", (r) => text(r.title)),
  product: def("product", "Product", "text", (r) => text(r.product)),
  code: def("code", "Code", "text", (r) => text(r.code)),
  value: def("value", "Value", "number", (r) => num(r.value)),
  value_max: def("value_max", "Value (high end)", "number", (r) => num(r.value_max)),
  unit: def("unit", "Unit", "text", (r) => text(r.unit)),
  per: def("per", "Per", "text", (r) => text(r.per)),
  qualifier: def("qualifier", "Qualifier", "text", (r) => text(r.qualifier)),
  grade: def("grade", "Grade", "text", (r) => text(r.grade)),
  basis: def("basis", "Basis", "text", (r) => text(r.basis)),
  price_type: def("price_type", "Price type", "text", (r) => text(r.price_type)),
  status: def("status", "Status", "text", (r) => text(r.status)),
  evidence: def("evidence", "Evidence", "text", (r) => text(r.evidence)),
  date_evidence: def("date_evidence", "Date evidence", "text", (r) => text(r.date_evidence)),
  source_url: def("source_url", "Source", "url", (r) => (r.source_url ? { kind: "url", url: r.source_url } : EMPTY)),
  source_title: def("source_title", "Source title", "text", (r) => text(r.source_title)),
  source_outlet: def("source_outlet", "Outlet", "text", (r) => text(r.source_outlet)),
  source_published: def("source_published", "Published", "date", (r) => date(r.source_published)),
  id: def("id", "Record id", "text", (r) => text(r.id)),
};


export function columnsOf(ids: readonly string[]): ColumnDef[] {
  return ids.map((id) => {
    const c = (COLUMNS as Record<string, ColumnDef | undefined>)[id];
    if (!c) throw new Error(`Unknown table column "${id}"`);
    return c;
  });
}

/** Plain text of a cell as the preview grid and the CSV show it (ISO dates at their precision). */
export function cellText(c: Cell): string {
  switch (c.kind) {
    case "empty": return "";
    case "text": return c.text;
    case "number": return String(c.value);
    case "url": return c.url;
    case "date": return c.iso;
  }
}
