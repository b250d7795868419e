// Plans how a table is written to Excel: header, then the rows in chunks, each chunk one 2-D write of
// values and number formats (plus its hyperlinks) sent in one context.sync(). Excel on the web refuses
// requests over 5 MB, so every chunk's estimated payload stays under a budget well below that.
// Host-neutral: src/excel applies a plan through Office.js; the bench times it.
import type { MgRecord } from "../model/record";
import { quotePrefixed, safeHttpUrl } from "./cells";
import { ColumnDef } from "./columns";
import { DATE_FORMATS } from "./dates";

export type ExcelValue = string | number;

export interface PlannedLink {
  /** Row within the chunk and column within the table (0-based). */
  row: number;
  col: number;
  url: string;
}

export interface InsertChunk {
  /** First data row of the chunk, 0-based (row 0 is the first row under the header). */
  firstRow: number;
  values: ExcelValue[][];
  numberFormat: string[][];
  links: PlannedLink[];
  /** Estimated bytes of the request that carries this chunk. */
  bytes: number;
}

export interface InsertPlan {
  header: string[];
  columnCount: number;
  rowCount: number;
  chunks: InsertChunk[];
}

export interface PlanOptions {
  /** Payload budget per chunk in bytes (default 2 MB: half of the 4 MB the issue allows, a quarter under Excel's 5 MB). */
  maxBytes?: number;
  /** Row cap per chunk, so progress moves and cancel answers quickly (default 5,000). */
  maxRows?: number;
}

export const DEFAULT_CHUNK_BYTES = 2_000_000;
export const DEFAULT_CHUNK_ROWS = 5_000;
/** Request framing of one hyperlink assignment (the getCell object path and the property-set action). */
const LINK_OVERHEAD_BYTES = 400;
/**
 * Excel on the web refuses a request over 5 MB. A row alone over the chunk budget is sent on its own
 * under this; no record the schema accepts comes near it (every text field fits in a cell, MAX_CELL_TEXT).
 */
const REQUEST_LIMIT_BYTES = 4_500_000;
/** Per-chunk framing: range lookup, the two property sets, suspend calls. */
const CHUNK_OVERHEAD_BYTES = 2_000;

/** UTF-8 byte length without allocating (TextEncoder is not in every test environment). */
export function utf8Length(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c <= 0xdbff) { n += 2; i++; } // surrogate pair: 4 bytes for 2 UTF-16 units
    else n += 2;
  }
  return n;
}

/**
 * Bytes of JSON.stringify(value) in UTF-8, without building the string: the planner sizes 600k cells
 * for a 50k-row insert and stringifying each row was most of its time.
 */
export function jsonBytes(v: ExcelValue): number {
  if (typeof v === "number") return String(v).length;
  let n = 2;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c < 0x20) n += c === 8 || c === 9 || c === 10 || c === 12 || c === 13 ? 2 : 6;
    else if (c === 0x22 || c === 0x5c) n += 2;
    else if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < v.length && (v.charCodeAt(i + 1) & 0xfc00) === 0xdc00) { n += 4; i++; }
    else n += c >= 0xd800 && c <= 0xdfff ? 6 : 3; // a lone surrogate is escaped as \uXXXX
  }
  return n;
}

function defaultFormat(col: ColumnDef): string {
  if (col.type === "number") return "General";
  if (col.type === "date") return DATE_FORMATS.day;
  return "@"; // text: Excel keeps what is written as text, no number/date/formula guessing
}

// Many rows share a source URL: test each distinct one once.
let lastUrl = "";
let lastUrlOk = false;
function isWebUrlCached(url: string): boolean {
  if (url !== lastUrl) {
    lastUrl = url;
    lastUrlOk = safeHttpUrl(url) !== null;
  }
  return lastUrlOk;
}

/** One record as a row of Excel values and formats. */
export function excelRow(r: MgRecord, columns: readonly ColumnDef[], formats: string[], links: { col: number; url: string }[]): ExcelValue[] {
  const row: ExcelValue[] = new Array(columns.length);
  for (let j = 0; j < columns.length; j++) {
    const col = columns[j];
    const c = col.cell(r);
    formats[j] = defaultFormat(col);
    switch (c.kind) {
      case "empty": row[j] = ""; break;
      case "number": row[j] = c.value; break;
      case "date":
        if (c.date) { row[j] = c.date.serial; formats[j] = c.date.format; }
        else { row[j] = c.iso; formats[j] = "@"; } // before March 1900 Excel has no real date: keep the ISO text
        break;
      case "text": row[j] = quotePrefixed(c.text); break; // fits in a cell: the record schema says so (MAX_CELL_TEXT)
      case "url":
        row[j] = quotePrefixed(c.url);
        if (isWebUrlCached(c.url)) links.push({ col: j, url: c.url });
        break;
    }
  }
  return row;
}

export function planInsert(records: readonly MgRecord[], columns: readonly ColumnDef[], opts: PlanOptions = {}): InsertPlan {
  const maxBytes = opts.maxBytes ?? DEFAULT_CHUNK_BYTES;
  const maxRows = opts.maxRows ?? DEFAULT_CHUNK_ROWS;
  const chunks: InsertChunk[] = [];
  let cur: InsertChunk | null = null;
  const rowLinks: { col: number; url: string }[] = [];
  for (let i = 0; i < records.length; i++) {
    const formats: string[] = new Array(columns.length);
    rowLinks.length = 0;
    const row = excelRow(records[i], columns, formats, rowLinks);
    // JSON of the row in both arrays ("[", "]" and commas included, +1 each for the separating comma)
    // plus its hyperlink operations.
    let bytes = 2 * (2 + columns.length);
    for (let j = 0; j < row.length; j++) bytes += jsonBytes(row[j]) + jsonBytes(formats[j]);
    for (const l of rowLinks) bytes += LINK_OVERHEAD_BYTES + 2 * utf8Length(l.url);
    if (bytes + CHUNK_OVERHEAD_BYTES > Math.max(maxBytes, REQUEST_LIMIT_BYTES)) {
      throw new Error(`Record ${records[i].id} alone needs about ${Math.ceil(bytes / 1024)} KB, over the ${Math.floor(REQUEST_LIMIT_BYTES / 1024)} KB Excel takes in one request`);
    }
    if (!cur || cur.values.length >= maxRows || cur.bytes + bytes > maxBytes) {
      cur = { firstRow: i, values: [], numberFormat: [], links: [], bytes: CHUNK_OVERHEAD_BYTES };
      chunks.push(cur);
    }
    const rowInChunk = cur.values.length;
    cur.values.push(row);
    cur.numberFormat.push(formats);
    for (const l of rowLinks) cur.links.push({ row: rowInChunk, col: l.col, url: l.url });
    cur.bytes += bytes;
  }
  return { header: columns.map((c) => c.header), columnCount: columns.length, rowCount: records.length, chunks };
}
