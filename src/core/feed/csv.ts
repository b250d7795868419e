// records.csv -> records: the reverse of src/core/model/csv.ts, strict, with messages that name the row
// (as a spreadsheet shows it: the header is row 1) and the field. Every row goes through MgRecordSchema,
// the schema the bundled dataset is validated with, so a feed can hold nothing the bundle could not.
import Papa from "papaparse";
import { z } from "zod";
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

const PAPA_CONFIG: { header: false; delimiter: string; quoteChar: string; skipEmptyLines: true } = { header: false, delimiter: ",", quoteChar: '"', skipEmptyLines: true };

/**
 * The file's line ending, from its first line (the header, which has no quoted fields). Given to
 * papaparse explicitly: its own guess looks at one chunk only and could differ from chunk to chunk.
 */
export function detectNewline(whole: string): "\r\n" | "\n" | "\r" {
  const text = whole.slice(0, 65536);
  const lf = text.indexOf("\n");
  if (lf > 0 && text[lf - 1] === "\r") return "\r\n";
  if (lf >= 0) {
    const cr = text.indexOf("\r");
    return cr >= 0 && cr < lf ? "\r" : "\n";
  }
  return text.includes("\r") ? "\r" : "\r\n";
}

/** Throws on papaparse's first error; `firstRow` is the index in the file of the chunk's first row (0 = header). */
export function checkPapaErrors(errors: readonly Papa.ParseError[], firstRow = 0): void {
  if (errors.length === 0) return;
  const rowOf = (x: Papa.ParseError) => (typeof x.row === "number" ? x.row : -1);
  const e = errors.reduce((first, x) => (rowOf(x) < rowOf(first) ? x : first));
  const where = typeof e.row === "number" ? `row ${firstRow + e.row + 1}` : "the file";
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
 * Validation, fast. Every field is checked with its own schema taken from MgRecordSchema.shape (the
 * schema the bundled dataset is validated with), compiled once into a plain predicate on the cell's
 * value by reading the schema's definition:
 *  - z.string() with length and regex checks -> `typeof v === "string"` + the same lengths + the same
 *    RegExp (a string column with no checks accepts every cell: CSV cells are strings);
 *  - z.enum -> membership in its values; z.number() (finite in zod 4) -> a finite number; .nullable();
 *    z.array of any of these -> every element.
 * Anything the compiler does not know (another check kind, a refinement, a transform) is not guessed
 * at: that field runs its zod schema on every cell, remembering the cells it accepted. The record is
 * built from RECORD_COLUMNS, which are exactly the schema's keys (a test checks it), so field-by-field
 * acceptance is acceptance by MgRecordSchema (a property test compares the two on random rows). Should
 * the schema gain object-level checks, every row goes through MgRecordSchema whole. Error messages
 * always come from MgRecordSchema.safeParse, whichever path found the problem.
 */
interface ZodDefLike {
  type: string;
  checks?: { _zod: { def: { check: string; minimum?: number; maximum?: number; length?: number; format?: string; pattern?: RegExp; when?: unknown } } }[];
  element?: ZodLike;
  innerType?: ZodLike;
  entries?: Record<string, unknown>;
}
type ZodLike = { _zod: { def: ZodDefLike }; safeParse(v: unknown): { success: boolean } };
/** A field's check on the value made from its cell; null: every value the reader can make is accepted. */
type ValueCheck = ((v: unknown) => boolean) | null;

/** zod's own condition on length checks, shared by every such check (taken from one made here). */
const DEFAULT_LENGTH_CONDITION = (z.string().min(1) as unknown as ZodLike)._zod.def.checks?.[0]?._zod.def.when;

/** The schema as a predicate, or undefined when it uses anything not listed above. */
export function compileFieldCheck(schema: ZodLike): ((v: unknown) => boolean) | undefined {
  const def = schema._zod.def;
  switch (def.type) {
    case "string": {
      let min = 0;
      let max = Infinity;
      const patterns: RegExp[] = [];
      for (const c of def.checks ?? []) {
        const d = c._zod.def;
        // a length check's default condition (run on values that have a length) holds for every string;
        // any other condition is not guessed at
        if (d.when !== undefined && d.when !== DEFAULT_LENGTH_CONDITION) return undefined;
        if (d.check === "min_length" && typeof d.minimum === "number") min = Math.max(min, d.minimum);
        else if (d.check === "max_length" && typeof d.maximum === "number") max = Math.min(max, d.maximum);
        else if (d.check === "length_equals" && typeof d.length === "number") {
          min = Math.max(min, d.length);
          max = Math.min(max, d.length);
        } else if (d.check === "string_format" && d.format === "regex" && d.pattern instanceof RegExp) {
          // zod resets lastIndex before each test; a copy without g/y flags never carries state
          patterns.push(new RegExp(d.pattern.source, d.pattern.flags.replace(/[gy]/g, "")));
        } else return undefined;
      }
      if (patterns.length === 0) return (v) => typeof v === "string" && v.length >= min && v.length <= max;
      // the cell most often empty ("" dates) answered without running the pattern
      const emptyOk = min === 0 && patterns.every((re) => re.test(""));
      return (v) => {
        if (typeof v !== "string") return false;
        if (v === "") return emptyOk;
        if (v.length < min || v.length > max) return false;
        for (let i = 0; i < patterns.length; i++) if (!patterns[i].test(v)) return false;
        return true;
      };
    }
    case "enum": {
      const values = Object.values(def.entries ?? {});
      if (!values.every((x) => typeof x === "string")) return undefined;
      const allowed = new Set(values as string[]);
      return (v) => typeof v === "string" && allowed.has(v);
    }
    case "number":
      if (def.checks?.length) return undefined;
      return (v) => typeof v === "number" && Number.isFinite(v);
    case "nullable": {
      const inner = def.innerType && compileFieldCheck(def.innerType);
      return inner && ((v) => v === null || inner(v));
    }
    case "array": {
      if (def.checks?.length || !def.element) return undefined;
      const element = compileFieldCheck(def.element);
      return (
        element &&
        ((v) => {
          if (!Array.isArray(v)) return false;
          for (let i = 0; i < v.length; i++) if (!element(v[i])) return false;
          return true;
        })
      );
    }
    default:
      return undefined;
  }
}

const FIELD_SCHEMAS = RECORD_COLUMNS.map((c) => MgRecordSchema.shape[c] as unknown as ZodLike);
const WHOLE_OBJECT_CHECKS = ((MgRecordSchema._zod.def.checks as unknown[] | undefined)?.length ?? 0) > 0;
const ORG_COLUMN = RECORD_COLUMNS.indexOf("organizations");
const NUMERIC_COLUMN = RECORD_COLUMNS.map((c) => NUMERIC.has(c));
const COLUMN_COUNT = RECORD_COLUMNS.length;
const isPlainString = (s: ZodLike | undefined): boolean => !!s && s._zod.def.type === "string" && !s._zod.def.checks?.length;
/**
 * Per column: null when every cell is accepted (a plain string field read as the cell itself; an
 * array of plain strings read as the split cell), a compiled predicate, or undefined (run the schema).
 */
const COLUMN_CHECKS: (ValueCheck | undefined)[] = FIELD_SCHEMAS.map((s, i) => {
  if (i === ORG_COLUMN ? s._zod.def.type === "array" && !s._zod.def.checks?.length && isPlainString(s._zod.def.element) : !NUMERIC_COLUMN[i] && isPlainString(s)) return null;
  return compileFieldCheck(s);
});
/**
 * Columns whose cells repeat (an enum: its values; a pattern such as a date) and whose check costs more
 * than a map lookup: the reader remembers the cells it accepted, and a record then holds the one string
 * remembered instead of a fresh copy per row (less to collect, and later map lookups on it hash nothing).
 */
const REMEMBER_ACCEPTED = FIELD_SCHEMAS.map((s, i) => {
  if (COLUMN_CHECKS[i] === null || NUMERIC_COLUMN[i] || i === ORG_COLUMN) return false;
  const def = s._zod.def;
  return COLUMN_CHECKS[i] === undefined || def.type === "enum" || (def.type === "string" && !!def.checks?.some((c) => c._zod.def.check === "string_format"));
});
/** Per column, at most this many accepted cells are remembered. */
const ACCEPTED_CACHE_LIMIT = 4096;

/** Builds the record in one object literal (one V8 shape; TypeScript checks it has exactly MgRecord's fields). */
function recordFrom(v: unknown[]): MgRecord {
  return {
    id: v[0] as string,
    kind: v[1] as MgRecord["kind"],
    date: v[2] as string,
    date_end: v[3] as string,
    date_effective: v[4] as string,
    subject: v[5] as string,
    organizations: v[6] as string[],
    region: v[7] as string,
    title: v[8] as string,
    product: v[9] as string,
    code: v[10] as string,
    value: v[11] as number | null,
    value_max: v[12] as number | null,
    unit: v[13] as string,
    per: v[14] as MgRecord["per"],
    qualifier: v[15] as MgRecord["qualifier"],
    evidence: v[16] as string,
    source_id: v[17] as string,
    source_title: v[18] as string,
    source_outlet: v[19] as string,
    source_url: v[20] as string,
    source_published: v[21] as string,
  };
}
/** recordFrom reads by position: this is the order it assumes, checked against RECORD_COLUMNS at load. */
const RECORD_FROM_ORDER = Object.keys(recordFrom(RECORD_COLUMNS.map(() => "")));
if (RECORD_FROM_ORDER.join() !== RECORD_COLUMNS.join()) throw new Error("feed/csv.ts recordFrom is out of step with RECORD_COLUMNS");

export class RecordRowReader {
  private readonly accepted: Map<string, string>[] = RECORD_COLUMNS.map(() => new Map<string, string>());
  private readonly values: unknown[] = new Array(COLUMN_COUNT);
  /** Every id read so far, with its row: a repeated id is refused at the row that repeats it. */
  private readonly ids = new Map<string, number>();

  /**
   * Turns one data row into a validated record. `rowNumber` is the spreadsheet row (header = 1).
   * Throws a FeedError naming the row and the field.
   */
  read(row: readonly string[], rowNumber: number): MgRecord {
    if (row.length !== COLUMN_COUNT) {
      throw new FeedError("invalid_row", `Row ${rowNumber} of ${RECORDS_FILE} has ${row.length} fields but the header has ${COLUMN_COUNT}.`);
    }
    const values = this.values;
    let allAccepted = !WHOLE_OBJECT_CHECKS;
    for (let i = 0; i < COLUMN_COUNT; i++) {
      const cell = row[i];
      let v: unknown = cell;
      // one organisation (the usual case): the cell itself, not a copy made by split
      if (i === ORG_COLUMN) v = cell === "" ? [] : cell.indexOf(ORGANIZATION_SEPARATOR) < 0 ? [cell] : cell.split(ORGANIZATION_SEPARATOR);
      else if (NUMERIC_COLUMN[i]) {
        v = parseStrictNumber(cell);
        if (v === undefined) {
          throw new FeedError(
            "invalid_row",
            `Row ${rowNumber} of ${RECORDS_FILE} has an invalid "${RECORD_COLUMNS[i]}": expected a plain number such as 1250.5 or an empty cell, found "${oneLine(cell, 40)}".`,
          );
        }
      }
      const check = COLUMN_CHECKS[i];
      if (check === null || !allAccepted) {
        values[i] = v;
        continue;
      }
      if (REMEMBER_ACCEPTED[i]) {
        const seen = this.accepted[i];
        const known = seen.get(cell);
        if (known !== undefined) {
          values[i] = known;
          continue;
        }
        if (check !== undefined ? check(v) : FIELD_SCHEMAS[i].safeParse(v).success) {
          if (seen.size < ACCEPTED_CACHE_LIMIT) seen.set(cell, cell);
        } else allAccepted = false;
      } else if (!(check !== undefined ? check(v) : FIELD_SCHEMAS[i].safeParse(v).success)) allAccepted = false;
      values[i] = v;
    }
    let record = recordFrom(values);
    if (!allAccepted) {
      const result = MgRecordSchema.safeParse(record);
      if (!result.success) {
        const issue = result.error.issues[0];
        const field = String(issue.path[0] ?? "(row)");
        const raw = row[RECORD_COLUMNS.indexOf(field as (typeof RECORD_COLUMNS)[number])];
        const shown = raw === undefined ? "" : raw === "" ? " (the cell is empty)" : ` (found "${oneLine(raw, 40)}")`;
        throw new FeedError("invalid_row", `Row ${rowNumber} of ${RECORDS_FILE} has an invalid "${field}": ${lowerFirst(issue.message.replace(/\.$/, ""))}${shown}.`);
      }
      record = result.data;
    }
    const first = this.ids.get(record.id);
    if (first !== undefined) {
      throw new FeedError("invalid_row", `Row ${rowNumber} of ${RECORDS_FILE} repeats the id "${oneLine(record.id, 40)}" of row ${first}.`);
    }
    this.ids.set(record.id, rowNumber);
    return record;
  }
}

/** One row on its own (tests, small inputs); parsing a file uses one RecordRowReader for all rows. */
export function rowToRecord(row: readonly string[], rowNumber: number): MgRecord {
  return new RecordRowReader().read(row, rowNumber);
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/** Main-thread parsing reads the text this many characters at a time (papaparse keeps rows whole across chunks). */
export const DEFAULT_CHUNK_CHARS = 1024 * 1024;

export interface ParseCsvOptions {
  signal?: AbortSignal;
  /** Called with (records validated so far, share of the text done 0..1). */
  onProgress?: (done: number, fraction: number) => void;
  /** Parse in a Web Worker (papaparse's own, from a Blob URL) when the text is at least this long; Infinity = never. */
  workerThresholdChars?: number;
  /**
   * Characters parsed per chunk. On this thread, given: papaparse's chunk mode, one chunk per task;
   * not given: row by row (papaparse's step mode, no copy of the text per chunk), one time slice per
   * task. In the worker: one message per chunk (DEFAULT_CHUNK_CHARS when not given).
   */
  chunkChars?: number;
  /** Row by row on this thread: the time slice (ms) parsed per task before letting the page run (default 25). */
  taskMs?: number;
}

/**
 * Turns papaparse's chunks into records as they come, so the raw rows of the whole file never exist
 * together. Problems are reported in file order whatever the chunking: rows before papaparse's first
 * error in a chunk are checked first, then that error.
 */
class ChunkConsumer {
  readonly records: MgRecord[] = [];
  private readonly reader = new RecordRowReader();
  /** Index in the file of the next row (0 = the header). */
  private next = 0;
  /** End of the last chunk taken: papaparse's worker posts its first chunk again at the end. */
  private lastCursor = -1;

  constructor(private readonly length: number, private readonly onProgress?: (done: number, fraction: number) => void) {}

  take(results: Papa.ParseResult<string[]>): void {
    const cursor = results.meta.cursor;
    if (typeof cursor === "number") {
      if (cursor <= this.lastCursor) return;
      this.lastCursor = cursor;
    }
    const rows = results.data;
    const firstError = results.errors.reduce((m, e) => Math.min(m, typeof e.row === "number" ? e.row : 0), Infinity);
    const upTo = Math.min(rows.length, firstError);
    let i = 0;
    if (this.next === 0 && upTo > 0) {
      checkHeader(rows[0]);
      i = 1;
    }
    for (; i < upTo; i++) this.records.push(this.reader.read(rows[i], this.next + i + 1));
    checkPapaErrors(results.errors, this.next);
    this.next += rows.length;
    this.onProgress?.(this.records.length, Math.min(1, (cursor ?? 0) / Math.max(1, this.length)));
  }

  finish(): MgRecord[] {
    if (this.next === 0) checkHeader(undefined);
    return this.records;
  }
}

/**
 * Turns papaparse's rows into records one at a time (step mode): no array of a chunk's rows, no copy of
 * the text per chunk. A row papaparse reports a problem with is not read; its error is reported at it.
 */
class RowConsumer {
  readonly records: MgRecord[] = [];
  private readonly reader = new RecordRowReader();
  /** Index in the file of the next row (0 = the header). */
  private next = 0;

  take(row: string[], errors: readonly Papa.ParseError[]): void {
    const n = this.next;
    // in step mode an error's row is its index among the rows of this step (0: this row)
    if (errors.length > 0) checkPapaErrors(errors, n);
    if (n === 0) checkHeader(row);
    else this.records.push(this.reader.read(row, n + 1));
    this.next = n + 1;
  }

  finish(): MgRecord[] {
    if (this.next === 0) checkHeader(undefined);
    return this.records;
  }
}

/** papaparse's step results as this file uses them. */
interface StepResults {
  data: string[];
  errors: Papa.ParseError[];
  meta: { cursor?: number };
}

// papaparse's typings allow `chunk` only for files and streams (and no string in a worker); a string is
// chunked the same way, in a worker too: these calls are the documented ones.
const parseUntyped = Papa.parse as unknown as (input: string, config: Record<string, unknown>) => void;

function chunkConfig(text: string, chunkChars?: number) {
  return { ...PAPA_CONFIG, newline: detectNewline(text), chunkSize: Math.max(1, chunkChars ?? DEFAULT_CHUNK_CHARS) };
}

/**
 * Parse + validate a whole records.csv text, synchronously (the CLI, tests, publishing). Row by row
 * (each row becomes a record at once, so the raw rows of the whole file never exist together), or in
 * chunks of `chunkChars` when given (the chunk consumer the worker path uses).
 */
export function parseRecordsCsv(text: string, opts: Pick<ParseCsvOptions, "chunkChars" | "onProgress"> = {}): MgRecord[] {
  if (opts.chunkChars === undefined) return parseRecordsCsvByRow(text, opts.onProgress);
  const consumer = new ChunkConsumer(text.length, opts.onProgress);
  let failure: unknown;
  parseUntyped(text, {
    ...chunkConfig(text, opts.chunkChars),
    chunk(results: Papa.ParseResult<string[]>, parser: Papa.Parser) {
      try {
        consumer.take(results);
      } catch (e) {
        failure = e;
        parser.abort();
      }
    },
  });
  if (failure) throw failure;
  return consumer.finish();
}

/** Rows between progress reports when parsing row by row. */
const PROGRESS_EVERY_ROWS = 4096;

function parseRecordsCsvByRow(text: string, onProgress?: (done: number, fraction: number) => void): MgRecord[] {
  const consumer = new RowConsumer();
  let failure: unknown;
  let rows = 0;
  parseUntyped(text, {
    ...PAPA_CONFIG,
    newline: detectNewline(text),
    step(results: StepResults, parser: Papa.Parser) {
      if (failure) return;
      try {
        consumer.take(results.data, results.errors);
      } catch (e) {
        failure = e;
        parser.abort();
        return;
      }
      if (onProgress && ++rows % PROGRESS_EVERY_ROWS === 0) onProgress(consumer.records.length, Math.min(1, (results.meta.cursor ?? 0) / Math.max(1, text.length)));
    },
  });
  if (failure) throw failure;
  const records = consumer.finish();
  onProgress?.(records.length, 1);
  return records;
}

/** Default: text above 4 MB is parsed off the main thread where Web Workers exist (never in Node). */
export const DEFAULT_WORKER_THRESHOLD_CHARS = 4 * 1024 * 1024;

const CANCELLED = "The refresh was cancelled, so the data in use is unchanged.";

function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw new FeedError("cancelled", CANCELLED);
}

/** Lets the page paint and handle a click between chunks (setImmediate in Node; a message task in browsers, not clamped like setTimeout). */
function nextTask(): Promise<void> {
  const g = globalThis as { setImmediate?: (cb: () => void) => unknown; MessageChannel?: typeof MessageChannel };
  if (typeof g.setImmediate === "function") return new Promise((resolve) => g.setImmediate!(resolve));
  if (typeof g.MessageChannel === "function") {
    return new Promise((resolve) => {
      const channel = new g.MessageChannel!();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * On this thread, one chunk per task: papaparse is paused after each chunk and resumed on the next
 * task, so the pane stays responsive and Cancel lands between chunks.
 */
function parseRecordsCsvYielding(text: string, opts: ParseCsvOptions): Promise<MgRecord[]> {
  return opts.chunkChars === undefined ? parseRecordsCsvByRowYielding(text, opts) : parseRecordsCsvByChunkYielding(text, opts);
}

const DEFAULT_TASK_MS = 25;
/** Rows between looks at the clock when parsing row by row on this thread. */
const CLOCK_EVERY_ROWS = 64;

/**
 * On this thread, row by row: after each time slice papaparse is paused (in step mode it keeps the rest
 * of the text as a slice, no copy) and resumed on the next task, so the pane stays responsive and
 * Cancel lands between slices.
 */
function parseRecordsCsvByRowYielding(text: string, opts: ParseCsvOptions): Promise<MgRecord[]> {
  const taskMs = opts.taskMs ?? DEFAULT_TASK_MS;
  return new Promise((resolve, reject) => {
    const consumer = new RowConsumer();
    let settled = false;
    let rows = 0;
    /** Where in the text the parser's input starts: a resumed parser counts its cursor from there. */
    let base = 0;
    let sliceStart = performance.now();
    const fail = (e: unknown, parser?: Papa.Parser) => {
      if (settled) return;
      settled = true;
      parser?.abort();
      reject(e);
    };
    parseUntyped(text, {
      ...PAPA_CONFIG,
      newline: detectNewline(text),
      step(results: StepResults, parser: Papa.Parser) {
        if (settled) return;
        try {
          consumer.take(results.data, results.errors);
        } catch (e) {
          return fail(e, parser);
        }
        if (++rows % CLOCK_EVERY_ROWS !== 0 || performance.now() - sliceStart < taskMs) return;
        base += results.meta.cursor ?? 0;
        opts.onProgress?.(consumer.records.length, Math.min(1, base / Math.max(1, text.length)));
        parser.pause();
        void nextTask().then(() => {
          if (settled) return;
          if (opts.signal?.aborted) return fail(new FeedError("cancelled", CANCELLED), parser);
          sliceStart = performance.now();
          parser.resume();
        });
      },
      complete() {
        if (settled) return;
        settled = true;
        try {
          const records = consumer.finish();
          opts.onProgress?.(records.length, 1);
          resolve(records);
        } catch (e) {
          reject(e);
        }
      },
    });
  });
}

/** On this thread, in chunks of opts.chunkChars: one chunk per task. */
function parseRecordsCsvByChunkYielding(text: string, opts: ParseCsvOptions): Promise<MgRecord[]> {
  return new Promise((resolve, reject) => {
    const consumer = new ChunkConsumer(text.length, opts.onProgress);
    let settled = false;
    const fail = (e: unknown, parser?: Papa.Parser) => {
      if (settled) return;
      settled = true;
      parser?.abort();
      reject(e);
    };
    parseUntyped(text, {
      ...chunkConfig(text, opts.chunkChars),
      chunk(results: Papa.ParseResult<string[]>, parser: Papa.Parser) {
        if (settled) return;
        try {
          consumer.take(results);
        } catch (e) {
          return fail(e, parser);
        }
        parser.pause();
        void nextTask().then(() => {
          if (settled) return;
          if (opts.signal?.aborted) fail(new FeedError("cancelled", CANCELLED), parser);
          else parser.resume();
        });
      },
      complete() {
        if (settled) return;
        settled = true;
        try {
          resolve(consumer.finish());
        } catch (e) {
          reject(e);
        }
      },
    });
  });
}

let blobWorkersWork: Promise<boolean> | undefined;

/**
 * Whether this page can run a worker from a Blob URL (papaparse's way), checked once with a worker that
 * answers at once. papaparse never listens for a worker's load error, so without this check a page whose
 * policy refuses blob: workers would wait forever instead of falling back to parsing inline.
 */
function canUseBlobWorkers(): Promise<boolean> {
  if (!blobWorkersWork) {
    blobWorkersWork = new Promise<boolean>((resolve) => {
      let worker: Worker | undefined;
      let url = "";
      const done = (ok: boolean) => {
        clearTimeout(timer);
        worker?.terminate();
        if (url) URL.revokeObjectURL(url);
        resolve(ok);
      };
      const timer = setTimeout(() => done(false), 3000);
      try {
        url = URL.createObjectURL(new Blob(["postMessage('ready')"], { type: "text/javascript" }));
        worker = new Worker(url);
        worker.onmessage = () => done(true);
        worker.onerror = () => done(false);
      } catch {
        done(false);
      }
    });
  }
  return blobWorkersWork;
}

/**
 * In papaparse's Web Worker: the worker parses chunk after chunk and posts each one's rows; this thread
 * turns each into records as it arrives. Parsing and checking overlap, and no single task handles more
 * than one chunk. Resolves null when workers cannot be used here (the caller parses on this thread).
 */
async function parseRecordsInWorker(text: string, opts: ParseCsvOptions): Promise<MgRecord[] | null> {
  if (!Papa.WORKERS_SUPPORTED || typeof Blob === "undefined" || !(await canUseBlobWorkers())) return null;
  return new Promise((resolve, reject) => {
    const consumer = new ChunkConsumer(text.length, opts.onProgress);
    let settled = false;
    let abortWorker: (() => void) | undefined;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      opts.signal?.removeEventListener("abort", onAbort);
      fn();
    };
    const onAbort = () => {
      abortWorker?.();
      settle(() => reject(new FeedError("cancelled", CANCELLED)));
    };
    opts.signal?.addEventListener("abort", onAbort, { once: true });
    try {
      parseUntyped(text, {
        ...chunkConfig(text, opts.chunkChars),
        worker: true,
        chunk(results: Papa.ParseResult<string[]>, handle: { abort(): void }) {
          abortWorker = () => handle.abort();
          if (settled) return;
          try {
            consumer.take(results);
          } catch (e) {
            handle.abort();
            settle(() => reject(e));
          }
        },
        complete() {
          settle(() => {
            try {
              resolve(consumer.finish());
            } catch (e) {
              reject(e);
            }
          });
        },
        error() {
          settle(() => resolve(null));
        },
      });
    } catch {
      settle(() => resolve(null));
    }
  });
}

/**
 * Parse + validate records.csv without freezing the page: a large text in a Web Worker (when the page
 * has workers), anything else on this thread one chunk per task; cancellable through `signal`.
 */
export async function parseRecordsCsvAsync(text: string, opts: ParseCsvOptions = {}): Promise<MgRecord[]> {
  throwIfAborted(opts.signal);
  const threshold = opts.workerThresholdChars ?? DEFAULT_WORKER_THRESHOLD_CHARS;
  const inWorker = text.length >= threshold ? await parseRecordsInWorker(text, opts) : null;
  throwIfAborted(opts.signal);
  return inWorker ?? parseRecordsCsvYielding(text, opts);
}
