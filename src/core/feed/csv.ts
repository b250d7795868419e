// records.csv -> records: the reverse of src/core/model/csv.ts, strict, with messages that name the row
// (as a spreadsheet shows it: the header is row 1) and the field. Every row goes through MgRecordSchema,
// the schema the bundled dataset is validated with, so a feed can hold nothing the bundle could not.
import Papa from "papaparse";
import { z } from "zod";
import { dateRangeInOrder, isCalendarDateOrEmpty, MgRecord, MgRecordSchema, ORGANIZATION_SEPARATOR, RECORD_COLUMNS, valueRangeInOrder } from "../model/record";
import { CANCELLED_MESSAGE, FeedError, oneLine } from "./errors";
import { RECORDS_FILE } from "./manifest";
import { RepeatedIds } from "./repeatedIds";

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
 *    RegExp (a string column with no checks accepts every cell: CSV cells are strings), and the
 *    model's own refinements listed in KNOWN_REFINEMENTS called as they are;
 *  - z.enum -> membership in its values; z.number() (finite in zod 4) -> a finite number; .nullable();
 *    z.array of any of these -> every element.
 * Anything the compiler does not know (another check kind, a refinement, a transform) is not guessed
 * at: that field runs its zod schema on every cell, remembering the cells it accepted. The record is
 * built from RECORD_COLUMNS, which are exactly the schema's keys (a test checks it), so field-by-field
 * acceptance is acceptance by MgRecordSchema (a property test compares the two on random rows), with
 * the schema's rules across fields (value_max and value, date_end and date) called on the record. Should
 * the schema gain another object-level check, every row goes through MgRecordSchema whole. Error
 * messages always come from MgRecordSchema.safeParse, whichever path found the problem.
 */
interface ZodDefLike {
  type: string;
  checks?: { _zod: { def: { check: string; minimum?: number; maximum?: number; length?: number; format?: string; pattern?: RegExp; when?: unknown; fn?: unknown } } }[];
  element?: ZodLike;
  innerType?: ZodLike;
  entries?: Record<string, unknown>;
}
type ZodLike = { _zod: { def: ZodDefLike }; safeParse(v: unknown): { success: boolean } };
/** A field's check on the value made from its cell; null: every value the reader can make is accepted. */
type ValueCheck = ((v: unknown) => boolean) | null;

/** zod's own condition on length checks, shared by every such check (taken from one made here). */
const DEFAULT_LENGTH_CONDITION = (z.string().min(1) as unknown as ZodLike)._zod.def.checks?.[0]?._zod.def.when;

/**
 * Refinements of the record schema the compiler calls as they are: pure functions of a string, defined
 * in the model next to the schema. Any other refinement is left to zod.
 */
const KNOWN_REFINEMENTS = new Set<(s: string) => boolean>([isCalendarDateOrEmpty]);

/** The schema as a predicate, or undefined when it uses anything not listed above. */
export function compileFieldCheck(schema: ZodLike): ((v: unknown) => boolean) | undefined {
  const def = schema._zod.def;
  switch (def.type) {
    case "string": {
      let min = 0;
      let max = Infinity;
      const patterns: RegExp[] = [];
      const predicates: ((s: string) => boolean)[] = [];
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
        } else if (d.check === "custom" && KNOWN_REFINEMENTS.has(d.fn as (s: string) => boolean)) {
          predicates.push(d.fn as (s: string) => boolean);
        } else return undefined;
      }
      if (patterns.length === 0 && predicates.length === 0) return (v) => typeof v === "string" && v.length >= min && v.length <= max;
      // the cell most often empty ("" dates) answered without running the pattern
      const emptyOk = min === 0 && patterns.every((re) => re.test("")) && predicates.every((p) => p(""));
      return (v) => {
        if (typeof v !== "string") return false;
        if (v === "") return emptyOk;
        if (v.length < min || v.length > max) return false;
        for (let i = 0; i < patterns.length; i++) if (!patterns[i].test(v)) return false;
        for (let i = 0; i < predicates.length; i++) if (!predicates[i](v)) return false;
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
      if (!def.element) return undefined;
      let maxItems = Infinity;
      for (const c of def.checks ?? []) {
        const d = c._zod.def;
        if (d.check === "max_length" && typeof d.maximum === "number" && (d.when === undefined || d.when === DEFAULT_LENGTH_CONDITION)) maxItems = Math.min(maxItems, d.maximum);
        else return undefined;
      }
      const element = compileFieldCheck(def.element);
      return (
        element &&
        ((v) => {
          if (!Array.isArray(v) || v.length > maxItems) return false;
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
/**
 * The schema's rules across fields, called as they are when each is one of the model's own pure rules
 * (KNOWN_RECORD_RULES); if the schema gains any other, every row goes through MgRecordSchema whole.
 */
const KNOWN_RECORD_RULES = new Set<(r: MgRecord) => boolean>([valueRangeInOrder, dateRangeInOrder]);
const OBJECT_CHECKS = ((MgRecordSchema._zod.def.checks ?? []) as { _zod: { def: { check: string; when?: unknown; fn?: unknown } } }[]).map((c) => c._zod.def);
const RECORD_RULES = OBJECT_CHECKS.every((d) => d.check === "custom" && d.when === undefined && KNOWN_RECORD_RULES.has(d.fn as (r: MgRecord) => boolean))
  ? OBJECT_CHECKS.map((d) => d.fn as (r: MgRecord) => boolean)
  : undefined;
const WHOLE_OBJECT_CHECKS = RECORD_RULES === undefined;
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
    grade: v[16] as string,
    basis: v[17] as string,
    price_type: v[18] as MgRecord["price_type"],
    status: v[19] as MgRecord["status"],
    evidence: v[20] as string,
    date_evidence: v[21] as string,
    source_id: v[22] as string,
    source_title: v[23] as string,
    source_outlet: v[24] as string,
    source_url: v[25] as string,
    source_published: v[26] as string,
  };
}
/** recordFrom reads by position: this is the order it assumes, checked against RECORD_COLUMNS at load. */
const RECORD_FROM_ORDER = Object.keys(recordFrom(RECORD_COLUMNS.map(() => "")));
if (RECORD_FROM_ORDER.join() !== RECORD_COLUMNS.join()) throw new Error("feed/csv.ts recordFrom is out of step with RECORD_COLUMNS");

/**
 * Checks rows against the record schema, one at a time (a repeated id is a problem of the file, found by
 * RowsConsumer). One reader serves a whole file: it remembers the cells it accepted.
 */
export class RecordRowReader {
  private readonly accepted: Map<string, string>[] = RECORD_COLUMNS.map(() => new Map<string, string>());
  /** Per column, the cell accepted last (the row before's, usually). */
  private readonly lastAccepted: (string | undefined)[] = RECORD_COLUMNS.map(() => undefined);
  private readonly values: unknown[] = new Array(COLUMN_COUNT);

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
        // the cell of the row before, most often (rows come in date order), compared without hashing
        const last = this.lastAccepted[i];
        if (cell === last) {
          values[i] = last;
          continue;
        }
        const seen = this.accepted[i];
        const known = seen.get(cell);
        if (known !== undefined) {
          values[i] = this.lastAccepted[i] = known;
          continue;
        }
        if (check !== undefined ? check(v) : FIELD_SCHEMAS[i].safeParse(v).success) {
          if (seen.size < ACCEPTED_CACHE_LIMIT) seen.set(cell, cell);
          this.lastAccepted[i] = cell;
        } else allAccepted = false;
      } else if (!(check !== undefined ? check(v) : FIELD_SCHEMAS[i].safeParse(v).success)) allAccepted = false;
      values[i] = v;
    }
    let record = recordFrom(values);
    if (allAccepted) {
      const rules = RECORD_RULES!;
      for (let i = 0; i < rules.length; i++) if (!rules[i](record)) allAccepted = false;
    }
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
    return record;
  }
}

/** One row on its own (tests, small inputs); a file is read by one RecordRowReader, and RowsConsumer refuses its repeated ids. */
export function rowToRecord(row: readonly string[], rowNumber: number): MgRecord {
  return new RecordRowReader().read(row, rowNumber);
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/**
 * The file is read in pieces of this many bytes (or characters, from text): each piece is decoded and
 * parsed while it is still in the processor's cache, and no second copy of the whole file is made as
 * one string. A piece ends after a line feed when it holds one, so rows rarely span pieces.
 */
export const DEFAULT_PIECE_SIZE = 256 * 1024;

/** Where the rows come from: the file's text, piece by piece. */
interface PieceSource {
  /** The next piece, of about `size` units at most; `last` on the final one (which may be ""). */
  next(size: number): { text: string; last: boolean };
  /** Share of the file handed out so far, 0..1. */
  fraction(): number;
  /**
   * Throws if the rest of the file could not be read at all (bytes that are not UTF-8). Called before a
   * problem found in the rows is reported, so a file that is not text is always reported as such,
   * whatever the size of the pieces.
   */
  checkRest(): void;
  readonly newline: "\r\n" | "\n" | "\r";
}

/** How far a piece may reach: up to `size` units from `start`, cut after the last line feed in that span. */
function pieceEnd(start: number, size: number, length: number, lastLineFeed: (from: number) => number): number {
  const end = Math.min(length, start + Math.max(1, size));
  if (end >= length) return length;
  const lf = lastLineFeed(end - 1);
  return lf >= start ? lf + 1 : end;
}

function textPieces(text: string): PieceSource {
  // a leading BOM is no part of the header (papaparse's own Papa.parse drops it too)
  let at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  return {
    newline: detectNewline(text),
    next(size) {
      const end = pieceEnd(at, size, text.length, (from) => text.lastIndexOf("\n", from));
      const piece = text.slice(at, end);
      at = end;
      return { text: piece, last: end >= text.length };
    },
    fraction: () => (text.length === 0 ? 1 : at / text.length),
    checkRest: () => undefined,
  };
}

const NOT_UTF8 = `${RECORDS_FILE} is not valid UTF-8 text.`;

/**
 * Strict UTF-8, piece by piece: TextDecoder in streaming mode carries a character split between pieces
 * (a piece cut after a line feed never splits one), and refuses any invalid byte. A leading BOM is
 * dropped, as from text.
 */
function bytePieces(bytes: Uint8Array): PieceSource {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let at = 0;
  // The line ending, from the start of the file (a character cut at the end of this look only adds a U+FFFD).
  const newline = detectNewline(new TextDecoder().decode(bytes.subarray(0, 65536)));
  return {
    newline,
    next(size) {
      const end = pieceEnd(at, size, bytes.byteLength, (from) => bytes.lastIndexOf(0x0a, from));
      const last = end >= bytes.byteLength;
      let text: string;
      try {
        text = decoder.decode(bytes.subarray(at, end), { stream: !last });
      } catch {
        throw new FeedError("not_utf8", NOT_UTF8);
      }
      at = end;
      return { text, last };
    },
    fraction: () => (bytes.byteLength === 0 ? 1 : at / bytes.byteLength),
    checkRest() {
      // the problem path only: decode what is left, keeping nothing
      for (let from = at; from < bytes.byteLength; from += 1024 * 1024) {
        const to = Math.min(bytes.byteLength, from + 1024 * 1024);
        try {
          decoder.decode(bytes.subarray(from, to), { stream: to < bytes.byteLength });
        } catch {
          throw new FeedError("not_utf8", NOT_UTF8);
        }
      }
      at = bytes.byteLength;
    },
  };
}

/**
 * Turns parsed rows into records, in file order. Rows are numbered as a spreadsheet shows the file (the first row
 * is 1); empty lines are skipped but keep their number, and the first non-empty row is the header. A
 * papaparse problem is reported at its row after the rows before it are checked, and a repeated id among
 * those rows is looked for before that problem is reported (checkRepeats; bytes that are not UTF-8 are
 * reported before anything else), so the problem reported is always the first one in the file.
 */
class RowsConsumer {
  readonly records: MgRecord[] = [];
  private readonly reader = new RecordRowReader();
  /** The ids of `records`, and each record's row. */
  private readonly ids: RepeatedIds;
  private readonly recordRows: number[] = [];
  /** Rows of the file taken so far. */
  private rows = 0;
  private headerSeen = false;

  constructor(
    private readonly onProgress?: (done: number, fraction: number) => void,
    private readonly onRecord?: (record: MgRecord) => void,
    expectedRecords?: number,
  ) {
    this.ids = new RepeatedIds(expectedRecords);
  }

  /**
   * `rows` and `errors` as papaparse returns them for one stretch of the file. `complete` false: the
   * row after the last one returned was cut off by the end of the stretch and comes again with the
   * next, so a problem papaparse reports at it is left for then.
   */
  take(rows: readonly string[][], errors: readonly Papa.ParseError[], complete: boolean): void {
    let errorAt = Infinity;
    let error: Papa.ParseError | undefined;
    for (const e of errors) {
      const at = typeof e.row === "number" ? e.row : -1;
      if (at < errorAt) {
        errorAt = at;
        error = e;
      }
    }
    if (error && errorAt < 0) throw csvSyntaxError(error, undefined);
    if (!complete && errorAt >= rows.length) error = undefined;
    const upTo = Math.min(rows.length, errorAt);
    const reader = this.reader;
    const records = this.records;
    const recordRows = this.recordRows;
    const ids = this.ids;
    const onRecord = this.onRecord;
    let n = this.rows;
    for (let i = 0; i < upTo; i++) {
      const row = rows[i];
      n++;
      if (row.length === 1 && row[0] === "") continue;
      if (this.headerSeen) {
        const record = reader.read(row, n);
        records.push(record);
        recordRows.push(n);
        ids.add(record.id);
        onRecord?.(record);
      } else {
        checkHeader(row);
        this.headerSeen = true;
      }
    }
    this.rows = n;
    if (error) throw csvSyntaxError(error, n + 1);
  }

  progress(fraction: number): void {
    this.onProgress?.(this.records.length, fraction);
  }

  /** Throws if a record taken so far repeats the id of an earlier one (the first such record). */
  checkRepeats(): void {
    const records = this.records;
    const repeat = this.ids.firstRepeat((i) => records[i].id);
    if (repeat) {
      const id = oneLine(records[repeat.index].id, 40);
      throw new FeedError("invalid_row", `Row ${this.recordRows[repeat.index]} of ${RECORDS_FILE} repeats the id "${id}" of row ${this.recordRows[repeat.first]}.`);
    }
  }

  finish(): MgRecord[] {
    if (!this.headerSeen) checkHeader(undefined);
    this.checkRepeats();
    this.onProgress?.(this.records.length, 1);
    return this.records;
  }
}

/**
 * Parses a file piece by piece with papaparse's own parser (Papa.Parser, the one Papa.parse runs): the
 * rows of each piece go to the consumer at once, and a row cut off by the end of a piece is parsed
 * again at the start of the next. One call of `step` handles one piece.
 */
class PieceParser {
  private readonly parser: Papa.Parser;
  /** The unparsed end of the previous piece (a row it cut off). */
  private carry = "";
  /** Characters of the file before `carry`. */
  private base = 0;
  done = false;

  constructor(private readonly source: PieceSource, private readonly size: number, readonly consumer: RowsConsumer) {
    this.parser = new Papa.Parser({ delimiter: ",", quoteChar: '"', newline: source.newline });
  }

  step(): void {
    try {
      this.parsePiece();
    } catch (e) {
      // the file's first problem: not text at all, then a repeated id before the row that failed
      if (!(e instanceof FeedError && e.code === "not_utf8")) {
        this.source.checkRest();
        this.consumer.checkRepeats();
      }
      throw e;
    }
  }

  private parsePiece(): void {
    // A long carried row (a quoted field that does not close) makes the next piece as long, so a
    // broken file is parsed in linear time, not once more per piece.
    const { text, last } = this.source.next(Math.max(this.size, this.carry.length));
    const input = this.carry === "" ? text : this.carry + text;
    const result = this.parser.parse(input, this.base, !last) as { data: string[][]; errors: Papa.ParseError[]; meta: { cursor: number } };
    this.consumer.take(result.data, result.errors, last);
    if (last) {
      this.done = true;
      this.carry = "";
      return;
    }
    this.carry = input.slice(result.meta.cursor - this.base);
    this.base = result.meta.cursor;
  }

  fraction(): number {
    return this.source.fraction();
  }
}

function csvSyntaxError(e: Papa.ParseError, row: number | undefined): FeedError {
  const where = row === undefined ? "the file" : `row ${row}`;
  return new FeedError("csv", `${RECORDS_FILE} is not valid CSV at ${where} (${oneLine(e.message.replace(/\.$/, ""), 80)}).`);
}

export interface ParseCsvOptions {
  signal?: AbortSignal;
  /** Called with (records validated so far, share of the file done 0..1). */
  onProgress?: (done: number, fraction: number) => void;
  /** Bytes (or characters, from text) per piece. */
  pieceSize?: number;
  /** On this thread: the time slice (ms) parsed per task before letting the page run (default 25). */
  taskMs?: number;
  /** Called with each record as soon as it is read, in file order. */
  onRecord?: (record: MgRecord) => void;
  /** About how many records the file holds (the manifest's count): sizes tables up front. */
  expectedRecords?: number;
}

type SyncOptions = Pick<ParseCsvOptions, "pieceSize" | "onProgress" | "onRecord" | "expectedRecords">;

function pieceParser(source: PieceSource, opts: SyncOptions): PieceParser {
  return new PieceParser(source, opts.pieceSize ?? DEFAULT_PIECE_SIZE, new RowsConsumer(opts.onProgress, opts.onRecord, opts.expectedRecords));
}

function parseSync(source: PieceSource, opts: SyncOptions): MgRecord[] {
  const parser = pieceParser(source, opts);
  while (!parser.done) {
    parser.step();
    parser.consumer.progress(parser.fraction());
  }
  return parser.consumer.finish();
}

/** Parse + validate a whole records.csv text, synchronously (publishing, the CLI, tests). */
export function parseRecordsCsv(text: string, opts: SyncOptions = {}): MgRecord[] {
  return parseSync(textPieces(text), opts);
}

/** Decode (strict UTF-8) + parse + validate records.csv from its bytes, synchronously. */
export function parseRecordsCsvBytes(bytes: Uint8Array, opts: SyncOptions = {}): MgRecord[] {
  return parseSync(bytePieces(bytes), opts);
}

function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw new FeedError("cancelled", CANCELLED_MESSAGE);
}

/** Lets the page paint and handle a click between slices (setImmediate in Node; a message task in browsers, not clamped like setTimeout). */
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

const DEFAULT_TASK_MS = 25;

/**
 * On this thread: pieces are parsed for one time slice, then the page runs (paint, clicks, Cancel)
 * before the next slice.
 */
async function parseYielding(source: PieceSource, opts: ParseCsvOptions): Promise<MgRecord[]> {
  const taskMs = opts.taskMs ?? DEFAULT_TASK_MS;
  const parser = pieceParser(source, opts);
  let sliceStart = performance.now();
  while (!parser.done) {
    parser.step();
    if (parser.done || performance.now() - sliceStart < taskMs) continue;
    parser.consumer.progress(parser.fraction());
    await nextTask();
    throwIfAborted(opts.signal);
    sliceStart = performance.now();
  }
  return parser.consumer.finish();
}

/**
 * Decode + parse + validate records.csv from its bytes without freezing the page: on this thread, a
 * piece at a time, a time slice per task; cancellable through `signal`. (Not papaparse's Web Worker:
 * the page then has to decode the whole file, post it, and take back every row as a copy, which the
 * bench measured at twice this path's time, with longer tasks on the page: see docs/ARCHITECTURE.md.)
 */
export async function parseRecordsCsvBytesAsync(bytes: Uint8Array, opts: ParseCsvOptions = {}): Promise<MgRecord[]> {
  throwIfAborted(opts.signal);
  return parseYielding(bytePieces(bytes), opts);
}

/** The same from text (tests; the text of a file already decoded). */
export async function parseRecordsCsvAsync(text: string, opts: ParseCsvOptions = {}): Promise<MgRecord[]> {
  throwIfAborted(opts.signal);
  return parseYielding(textPieces(text), opts);
}
