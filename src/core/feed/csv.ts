// records.csv -> records: the reverse of src/core/model/csv.ts, strict, with messages that name the row
// (as a spreadsheet shows it: the header is row 1) and the field. Every row goes through MgRecordSchema,
// the schema the bundled dataset is validated with, so a feed can hold nothing the bundle could not.
import Papa from "papaparse";
import { MgRecord, MgRecordSchema, ORGANIZATION_SEPARATOR, RECORD_COLUMNS } from "../model/record";
import { FeedError, oneLine } from "./errors";
import { RECORDS_FILE } from "./manifest";

const NUMERIC = new Set<string>(["value", "value_max"]);
/** A decimal number as String(number) writes it: no thousands separators, no spaces, no hex, no "NaN". */
const STRICT_NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;

/** Parses the text of a number cell; "" is null (no value), anything not a plain finite decimal is an error. */
export function parseStrictNumber(text: string): number | null | undefined {
  if (text === "") return null;
  if (!STRICT_NUMBER.test(text)) return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

/** Raw CSV rows (arrays of strings), header included. Throws FeedError on malformed CSV. */
export function parseCsvRows(text: string): string[][] {
  const result = Papa.parse<string[]>(text, { header: false, delimiter: ",", quoteChar: '"', skipEmptyLines: true });
  checkPapaErrors(result.errors);
  return result.data;
}

export function checkPapaErrors(errors: readonly Papa.ParseError[]): void {
  if (errors.length === 0) return;
  const e = errors[0];
  const where = typeof e.row === "number" ? `row ${e.row + 1}` : "the file";
  throw new FeedError("csv", `${RECORDS_FILE} is not valid CSV at ${where} (${oneLine(e.message.replace(/\.$/, ""), 80)}).`);
}

export function checkHeader(header: readonly string[] | undefined): void {
  if (!header || header.length === 0 || (header.length === 1 && header[0] === "")) {
    throw new FeedError("empty", `${RECORDS_FILE} is empty: it has no header row and no records.`);
  }
  const stripped = header.map((h, i) => (i === 0 ? h.replace(/^\uFEFF/, "") : h));
  for (let i = 0; i < Math.max(stripped.length, RECORD_COLUMNS.length); i++) {
    if (stripped[i] !== RECORD_COLUMNS[i]) {
      const found = stripped[i] === undefined ? "nothing" : `"${oneLine(stripped[i], 40)}"`;
      const expected = RECORD_COLUMNS[i] === undefined ? "no more columns" : `"${RECORD_COLUMNS[i]}"`;
      throw new FeedError("csv", `The header of ${RECORDS_FILE} does not match the record columns: column ${i + 1} should be ${expected} but is ${found}.`);
    }
  }
}

/**
 * Turns one data row into a validated record. `rowNumber` is the spreadsheet row (header = 1).
 * Throws a FeedError naming the row, the record id when readable, and the field.
 */
export function rowToRecord(row: readonly string[], rowNumber: number): MgRecord {
  const at = `Row ${rowNumber} of ${RECORDS_FILE}`;
  if (row.length !== RECORD_COLUMNS.length) {
    throw new FeedError("invalid_row", `${at} has ${row.length} fields but the header has ${RECORD_COLUMNS.length}.`);
  }
  const obj: Record<string, unknown> = {};
  for (let i = 0; i < RECORD_COLUMNS.length; i++) {
    const col = RECORD_COLUMNS[i];
    const cell = row[i];
    if (col === "organizations") {
      obj[col] = cell === "" ? [] : cell.split(ORGANIZATION_SEPARATOR);
    } else if (NUMERIC.has(col)) {
      const n = parseStrictNumber(cell);
      if (n === undefined) {
        throw new FeedError("invalid_row", `${at} has an invalid "${col}": expected a plain number such as 1250.5 or an empty cell, found "${oneLine(cell, 40)}".`);
      }
      obj[col] = n;
    } else {
      obj[col] = cell;
    }
  }
  const result = MgRecordSchema.safeParse(obj);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = String(issue.path[0] ?? "(row)");
    const raw = row[RECORD_COLUMNS.indexOf(field as (typeof RECORD_COLUMNS)[number])];
    const shown = raw === undefined ? "" : raw === "" ? " (the cell is empty)" : ` (found "${oneLine(raw, 40)}")`;
    throw new FeedError("invalid_row", `${at} has an invalid "${field}": ${lowerFirst(issue.message.replace(/\.$/, ""))}${shown}.`);
  }
  return result.data;
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/** Checks ids are unique; `firstRow` is the spreadsheet row of records[0]. */
export function checkUniqueIds(records: readonly MgRecord[], firstRow = 2): void {
  const seen = new Map<string, number>();
  for (let i = 0; i < records.length; i++) {
    const prev = seen.get(records[i].id);
    if (prev !== undefined) {
      throw new FeedError("invalid_row", `Row ${i + firstRow} of ${RECORDS_FILE} repeats the id "${oneLine(records[i].id, 40)}" of row ${prev + firstRow}.`);
    }
    seen.set(records[i].id, i);
  }
}

/** Synchronous parse + validation of a whole records.csv text (the CLI and tests; the add-in uses parseRecordsCsvAsync). */
export function parseRecordsCsv(text: string): MgRecord[] {
  const rows = parseCsvRows(text);
  return rowsToRecords(rows);
}

export function rowsToRecords(rows: readonly string[][]): MgRecord[] {
  checkHeader(rows[0]);
  const records: MgRecord[] = new Array(rows.length - 1);
  for (let i = 1; i < rows.length; i++) records[i - 1] = rowToRecord(rows[i], i + 1);
  checkUniqueIds(records);
  return records;
}

export interface ParseCsvOptions {
  signal?: AbortSignal;
  /** Called with (rows validated, rows in total). */
  onProgress?: (done: number, total: number) => void;
  /** Parse in a Web Worker (papaparse's own, from a Blob URL) when the text is at least this long; Infinity = never. */
  workerThresholdChars?: number;
  /** Rows validated between yields to the event loop (keeps the pane responsive, lets Cancel land). */
  chunkRows?: number;
}

/** Default: text above 4 MB is parsed off the main thread where Web Workers exist (never in Node). */
export const DEFAULT_WORKER_THRESHOLD_CHARS = 4 * 1024 * 1024;

function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw new FeedError("cancelled", "The refresh was cancelled, so the data in use is unchanged.");
}

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Parses rows in papaparse's worker; resolves null when workers are unavailable or fail to start (caller parses inline). */
function parseRowsInWorker(text: string, signal?: AbortSignal): Promise<string[][] | null> {
  if (!Papa.WORKERS_SUPPORTED) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    let settled = false;
    const onAbort = () => {
      if (settled) return;
      settled = true;
      reject(new FeedError("cancelled", "The refresh was cancelled, so the data in use is unchanged."));
    };
    signal?.addEventListener("abort", onAbort, { once: true });
    try {
      // papaparse's typings have no overload for a string in a worker; the call is the documented one.
      const parseInWorker = Papa.parse as unknown as (input: string, config: Record<string, unknown>) => void;
      parseInWorker(text, {
        worker: true,
        header: false,
        delimiter: ",",
        quoteChar: '"',
        skipEmptyLines: true,
        complete(results: Papa.ParseResult<string[]>) {
          if (settled) return;
          settled = true;
          signal?.removeEventListener("abort", onAbort);
          try {
            checkPapaErrors(results.errors);
            resolve(results.data);
          } catch (e) {
            reject(e);
          }
        },
        error() {
          if (settled) return;
          settled = true;
          signal?.removeEventListener("abort", onAbort);
          resolve(null);
        },
      });
    } catch {
      settled = true;
      signal?.removeEventListener("abort", onAbort);
      resolve(null);
    }
  });
}

/**
 * Parse + validate records.csv without freezing the page: rows are parsed in a worker when the text is
 * large and workers exist, then validated in chunks with a yield between them; cancellable through `signal`.
 */
export async function parseRecordsCsvAsync(text: string, opts: ParseCsvOptions = {}): Promise<MgRecord[]> {
  const { signal, onProgress } = opts;
  const threshold = opts.workerThresholdChars ?? DEFAULT_WORKER_THRESHOLD_CHARS;
  const chunk = Math.max(1, opts.chunkRows ?? 10000);
  throwIfAborted(signal);
  let rows: string[][] | null = null;
  if (text.length >= threshold) rows = await parseRowsInWorker(text, signal);
  throwIfAborted(signal);
  if (rows === null) rows = parseCsvRows(text);
  checkHeader(rows[0]);
  const total = rows.length - 1;
  const records: MgRecord[] = new Array(total);
  for (let start = 1; start < rows.length; start += chunk) {
    const end = Math.min(rows.length, start + chunk);
    for (let i = start; i < end; i++) records[i - 1] = rowToRecord(rows[i], i + 1);
    onProgress?.(end - 1, total);
    if (end < rows.length) {
      await yieldToEventLoop();
      throwIfAborted(signal);
    }
  }
  checkUniqueIds(records);
  return records;
}
