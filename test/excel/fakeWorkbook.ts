// A small in-memory Excel workbook for the writer tests. Plain TypeScript with no Node APIs: jest wraps
// it in office-addin-mock (fakeExcel.ts); the browser test runs it in the page as the Excel host.
// It mimics the behaviour the writer must cope with:
// - a string written through range.values that starts with = + - @ becomes a formula unless the cell is
//   formatted as text ("@") or the string carries Excel's quote prefix (a leading apostrophe, not stored);
// - a 2-D write must match the range's dimensions (Excel throws InvalidArgument otherwise);
// - each context.sync() is counted with the JSON bytes of the writes queued since the previous one.

export interface FakeCell {
  value: string | number;
  format: string;
  formula: boolean;
  /** What a formula cell calculates to (the fake does not calculate: a test sets it). */
  result?: string | number | boolean;
  hyperlink?: { address: string; textToDisplay: string };
}

const colName = (c: number): string => {
  let s = "";
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};
/** UTF-8 bytes of the JSON of a value: what a write adds to the request. */
export const bytes = (v: unknown): number => unescape(encodeURIComponent(JSON.stringify(v))).length;

export class FakeSheet {
  cells = new Map<string, FakeCell>();
  constructor(public name: string, public book: FakeBook) {}
  key(r: number, c: number): string { return `${r},${c}`; }
  get(r: number, c: number): FakeCell | undefined { return this.cells.get(this.key(r, c)); }
  cell(r: number, c: number): FakeCell {
    let x = this.cells.get(this.key(r, c));
    if (!x) { x = { value: "", format: "General", formula: false }; this.cells.set(this.key(r, c), x); }
    return x;
  }
  /** Typed like a user: the value as Excel would store it. */
  setTyped(r: number, c: number, v: string | number): void {
    const cell = this.cell(r, c);
    if (typeof v === "string" && v.startsWith("'")) { cell.value = v.slice(1); cell.formula = false; return; }
    cell.value = v;
    cell.formula = typeof v === "string" && cell.format !== "@" && /^[=+\-@]/.test(v) && v.length > 1;
  }
  getRangeByIndexes(r: number, c: number, rows: number, cols: number): FakeRange { return new FakeRange(this, r, c, rows, cols); }
  getRange(address: string): FakeRange {
    const m = /^([A-Z]+)(\d+)$/.exec(address);
    if (!m) throw new Error(`fake: unsupported address ${address}`);
    const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    return new FakeRange(this, Number(m[2]) - 1, col, 1, 1);
  }
  tables = {
    add: (range: FakeRange, hasHeaders: boolean): FakeTable => {
      if (!hasHeaders) throw new Error("fake: tables without headers not modelled");
      if (this.book.tables.some((t) => t.sheet === this && t.intersects(range))) throw new Error("InvalidArgument: a table cannot overlap another table");
      const t = new FakeTable(this, range.row, range.col, range.rows, range.cols, this.book);
      this.book.tables.push(t);
      this.book.pending += 100;
      return t;
    },
  };
}

export class FakeRange {
  isNullObject = false;
  constructor(public sheet: FakeSheet, public row: number, public col: number, public rows: number, public cols: number) {}
  load(): this { return this; }
  get rowIndex(): number { return this.row; }
  get columnIndex(): number { return this.col; }
  get rowCount(): number { return this.rows; }
  get columnCount(): number { return this.cols; }
  get cellCount(): number { return this.rows * this.cols; }
  get worksheet(): FakeSheet { return this.sheet; }
  get address(): string {
    const a = `${colName(this.col)}${this.row + 1}`;
    const b = `${colName(this.col + this.cols - 1)}${this.row + this.rows}`;
    return `${this.sheet.name}!${a === b ? a : `${a}:${b}`}`;
  }
  private check(v: unknown[][], what: string): void {
    if (v.length !== this.rows || v.some((row) => row.length !== this.cols)) {
      throw new Error(`InvalidArgument: ${what} is ${v.length}x${v[0]?.length} for a ${this.rows}x${this.cols} range`);
    }
  }
  set numberFormat(v: string[][]) {
    this.check(v, "numberFormat");
    this.sheet.book.pending += bytes(v);
    v.forEach((row, i) => row.forEach((f, j) => { this.sheet.cell(this.row + i, this.col + j).format = f; }));
  }
  get numberFormat(): string[][] {
    return this.grid((c) => c?.format ?? "General");
  }
  set values(v: (string | number)[][]) {
    this.check(v, "values");
    this.sheet.book.pending += bytes(v);
    v.forEach((row, i) => row.forEach((x, j) => this.sheet.setTyped(this.row + i, this.col + j, x)));
  }
  /** As Excel reads them: a formula cell gives what it calculates to. */
  get values(): (string | number | boolean)[][] {
    return this.grid((c) => (c?.formula ? (c.result ?? 0) : (c?.value ?? "")));
  }
  /** As Excel reads them: a formula cell gives its formula, any other cell its value. */
  get formulas(): (string | number)[][] {
    return this.grid((c) => c?.value ?? "");
  }
  private grid<T>(f: (c: FakeCell | undefined) => T): T[][] {
    return Array.from({ length: this.rows }, (_, i) => Array.from({ length: this.cols }, (_, j) => f(this.sheet.get(this.row + i, this.col + j))));
  }
  set hyperlink(h: { address: string; textToDisplay: string }) {
    if (this.rows !== 1 || this.cols !== 1) throw new Error("fake: hyperlink on a multi-cell range not modelled");
    this.sheet.book.pending += bytes(h) + 60;
    const cell = this.sheet.cell(this.row, this.col);
    cell.hyperlink = h;
    cell.value = h.textToDisplay;
  }
  /** Formulas as typed: text starting with "=" becomes a formula, a leading apostrophe keeps text as text. */
  set formulas(v: (string | number)[][]) {
    this.check(v, "formulas");
    this.sheet.book.pending += bytes(v);
    v.forEach((row, i) => row.forEach((f, j) => {
      const cell = this.sheet.cell(this.row + i, this.col + j);
      if (typeof f === "string" && f.startsWith("'")) { cell.value = f.slice(1); cell.formula = false; return; }
      cell.value = f;
      cell.formula = typeof f === "string" && f.startsWith("=");
    }));
  }
  getCell(r: number, c: number): FakeRange { return new FakeRange(this.sheet, this.row + r, this.col + c, 1, 1); }
  clear(applyTo: "All" | "Contents" | "Hyperlinks" | "Formats" = "All"): void {
    this.sheet.book.pending += 60;
    for (let i = 0; i < this.rows; i++) for (let j = 0; j < this.cols; j++) {
      const k = this.sheet.key(this.row + i, this.col + j);
      const c = this.sheet.cells.get(k);
      if (!c) continue;
      if (applyTo === "All") this.sheet.cells.delete(k);
      else if (applyTo === "Contents") { c.value = ""; c.formula = false; }
      else if (applyTo === "Hyperlinks") delete c.hyperlink;
      else c.format = "General";
    }
  }
  getUsedRangeOrNullObject(_valuesOnly: boolean): FakeRange | { isNullObject: true; load(): void } {
    let r0 = Infinity, c0 = Infinity, r1 = -1, c1 = -1;
    for (const [k, c] of this.sheet.cells) {
      if (c.value === "") continue;
      const [r, col] = k.split(",").map(Number);
      if (r < this.row || r >= this.row + this.rows || col < this.col || col >= this.col + this.cols) continue;
      r0 = Math.min(r0, r); c0 = Math.min(c0, col); r1 = Math.max(r1, r); c1 = Math.max(c1, col);
    }
    if (r1 < 0) return { isNullObject: true, load() {} };
    return new FakeRange(this.sheet, r0, c0, r1 - r0 + 1, c1 - c0 + 1);
  }
  getTables(_fullyContained: boolean): { items: FakeTable[]; load(): void } {
    return { items: this.sheet.book.tables.filter((t) => t.sheet === this.sheet && t.intersects(this)), load() {} };
  }
  format = {
    font: { bold: false },
    autofitColumns: (): void => { this.sheet.book.autofits++; },
    columnWidth: 0,
  };
}

export class FakeTable {
  isNullObject = false;
  id: string;
  name = "";
  style = "";
  showBandedRows = false;
  constructor(public sheet: FakeSheet, public row: number, public col: number, public rows: number, public cols: number, book: FakeBook) {
    this.id = String(++book.nextTableId);
    this.name = `Table${this.id}`;
  }
  load(): this { return this; }
  /** Table.delete: the table and its cells go (Excel deletes the range with it). */
  delete(): void {
    const book = this.sheet.book;
    book.tables = book.tables.filter((t) => t !== this);
    this.getRange().clear("All");
  }
  get worksheet(): FakeSheet { return this.sheet; }
  intersects(r: FakeRange): boolean {
    return r.row < this.row + this.rows && this.row < r.row + r.rows && r.col < this.col + this.cols && this.col < r.col + r.cols;
  }
  getRange(): FakeRange { return new FakeRange(this.sheet, this.row, this.col, this.rows, this.cols); }
  getHeaderRowRange(): FakeRange { return new FakeRange(this.sheet, this.row, this.col, 1, this.cols); }
  getDataBodyRange(): FakeRange { return new FakeRange(this.sheet, this.row + 1, this.col, this.rows - 1, this.cols); }
  resize(r: FakeRange): void {
    if (r.row !== this.row || r.col !== this.col) throw new Error("InvalidArgument: the header row must stay in place");
    this.rows = r.rows; this.cols = r.cols;
  }
  columns = { getItemAt: (j: number) => ({ getRange: () => new FakeRange(this.sheet, this.row, this.col + j, this.rows, 1) }) };
}

export class FakeBook {
  sheets: FakeSheet[];
  tables: FakeTable[] = [];
  settings = new Map<string, unknown>();
  nextTableId = 0;
  /** Bytes queued since the last sync, and one entry per sync. */
  pending = 0;
  syncs: number[] = [];
  autofits = 0;
  suspendCalls = { calculation: 0, screen: 0 };
  selected: { row: number; col: number } = { row: 0, col: 0 };
  /** Called at each sync (after counting): lets a test act mid-insert, e.g. cancel. */
  onSync?: (n: number) => void;
  constructor() { this.sheets = [new FakeSheet("Sheet1", this)]; }
  get sheet(): FakeSheet { return this.sheets[0]; }
  select(address: string): void {
    const r = this.sheet.getRange(address);
    this.selected = { row: r.row, col: r.col };
  }
  tableByName(name: string): FakeTable | undefined {
    return this.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
  }
}


/** The request context the writer sees, over a FakeBook (also used in the page by the browser test). */
export function fakeContext(book: FakeBook): any {
  return {
    workbook: {
      getSelectedRange: () => book.sheet.getRangeByIndexes(book.selected.row, book.selected.col, 1, 1),
      getActiveCell: () => book.sheet.getRangeByIndexes(book.selected.row, book.selected.col, 1, 1),
      tables: {
        get items() { return book.tables; },
        load() {},
        getItemOrNullObject: (key: string) =>
          book.tables.find((t) => t.id === key || t.name.toLowerCase() === key.toLowerCase()) ?? { isNullObject: true, load() {} },
      },
      settings: {
        getItemOrNullObject: (key: string) =>
          book.settings.has(key) ? { isNullObject: false, value: book.settings.get(key), load() {} } : { isNullObject: true, load() {} },
        add: (key: string, value: unknown) => { book.pending += bytes(value); book.settings.set(key, value); },
      },
    },
    application: {
      suspendApiCalculationUntilNextSync: () => { book.suspendCalls.calculation++; },
      suspendScreenUpdatingUntilNextSync: () => { book.suspendCalls.screen++; },
    },
    sync: async () => {
      book.syncs.push(book.pending);
      book.pending = 0;
      book.onSync?.(book.syncs.length);
    },
  };
}
