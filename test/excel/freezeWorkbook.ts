// The freeze tests' Excel: fakeWorkbook.ts's in-memory book extended (by subclassing, the shared file is
// unchanged) with what freezing needs: several sheets, a multi-cell selection, formulas that "calculate"
// through a test-given function, spills (a spill anchor's table written into the cells below it, blocked
// by anything in the way), getSpecialCells(formulas), getSpillingToRange, valuesAsJson (cards). Wrapped in
// office-addin-mock like fakeExcel.ts.
import { OfficeMockObject } from "office-addin-mock";
import { FakeBook, FakeCell, FakeRange, FakeSheet, bytes, fakeContext } from "./fakeWorkbook";

type Calc = (formula: string, sheet: string) => string | number | (string | number)[][];
type Cell = FakeCell & { spilledFrom?: string; card?: unknown };

const FULL_ROWS = 1_048_576;
const FULL_COLS = 16_384;

export class FreezeSheet extends FakeSheet {
  /** Spill anchors ("r,c") and the area each covers. */
  spills = new Map<string, { rows: number; cols: number }>();
  declare book: FreezeBook;
  load(): this { return this; }
  override getRangeByIndexes(r: number, c: number, rows: number, cols: number): FreezeRange { return new FreezeRange(this, r, c, rows, cols); }
  override getRange(address?: string): FreezeRange {
    if (address === undefined) return new FreezeRange(this, 0, 0, FULL_ROWS, FULL_COLS);
    const r = super.getRange(address);
    return new FreezeRange(this, r.row, r.col, 1, 1);
  }
  delete(): void { this.book.sheets = this.book.sheets.filter((s) => s !== this); }
  /** Removes a spill's cells (its anchor no longer spills). */
  unspill(key: string): void {
    const s = this.spills.get(key);
    if (!s) return;
    this.spills.delete(key);
    for (const [k, c] of this.cells) if ((c as Cell).spilledFrom === key) this.cells.delete(k);
  }
  /** A formula written: it is calculated, and a table answer spills (or shows #SPILL! when blocked). */
  calculate(r: number, c: number): void {
    const key = this.key(r, c);
    this.unspill(key);
    const cell = this.cell(r, c) as Cell;
    // Excel's own HYPERLINK shows its link text (the MG_Sources URL column)
    const link = /^=HYPERLINK\("([^"]*)"\)$/.exec(String(cell.value));
    const out = link ? link[1] : this.book.calc(String(cell.value), this.name);
    if (!Array.isArray(out)) { cell.result = out; return; }
    const rows = out.length, cols = out[0].length;
    for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) {
      if (i === 0 && j === 0) continue;
      const x = this.get(r + i, c + j);
      if (x && x.value !== "") { cell.result = "#SPILL!"; return; }
    }
    cell.result = out[0][0];
    this.spills.set(key, { rows, cols });
    for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) {
      if (i === 0 && j === 0) continue;
      const x = this.cell(r + i, c + j) as Cell;
      x.value = out[i][j];
      x.formula = false;
      x.spilledFrom = key;
    }
  }
  override setTyped(r: number, c: number, v: string | number): void {
    const was = this.get(r, c) as Cell | undefined;
    if (was?.formula) this.unspill(this.key(r, c));
    if (was?.spilledFrom) delete was.spilledFrom;
    if (was) delete was.card;
    super.setTyped(r, c, v);
    if (this.get(r, c)!.formula) this.calculate(r, c);
  }
  /** Formula cells of a rectangle as areas: one per run of rows in a column (as Excel merges them). */
  formulaAreas(range: FakeRange): FreezeRange[] {
    const hits: [number, number][] = [];
    for (const [k, c] of this.cells) {
      if (!c.formula) continue;
      const [r, col] = k.split(",").map(Number);
      if (r >= range.row && r < range.row + range.rows && col >= range.col && col < range.col + range.cols) hits.push([r, col]);
    }
    hits.sort((a, b) => a[1] - b[1] || a[0] - b[0]);
    const areas: FreezeRange[] = [];
    for (const [r, c] of hits) {
      const last = areas.at(-1);
      if (last && last.col === c && last.row + last.rows === r) last.rows++;
      else areas.push(new FreezeRange(this, r, c, 1, 1));
    }
    return areas;
  }
}

export class FreezeRange extends FakeRange {
  declare sheet: FreezeSheet;
  override get worksheet(): FreezeSheet { return this.sheet; }
  // accessors are redefined together: a subclass setter alone would hide the base getter
  override get values(): (string | number | boolean)[][] { return super.values; }
  override set values(v: (string | number)[][]) { super.values = v; }
  override get formulas(): (string | number)[][] { return super.formulas; }
  override set formulas(v: (string | number)[][]) {
    // as typed: each cell through setTyped, so formulas calculate and spills move
    if (v.length !== this.rows || v.some((row) => row.length !== this.cols)) throw new Error("InvalidArgument: formulas do not match the range");
    this.sheet.book.pending += bytes(v);
    v.forEach((row, i) => row.forEach((f, j) => this.sheet.setTyped(this.row + i, this.col + j, f)));
  }
  get valuesAsJson(): unknown[][] {
    return this.values.map((row, i) => row.map((v, j) => {
      const c = this.sheet.get(this.row + i, this.col + j) as Cell | undefined;
      if (c?.card) return c.card;
      return typeof v === "number" ? { type: "Double", basicValue: v } : typeof v === "boolean" ? { type: "Boolean", basicValue: v } : { type: "String", basicValue: v };
    }));
  }
  set valuesAsJson(v: unknown[][]) {
    this.sheet.book.pending += bytes(v);
    v.forEach((row, i) => row.forEach((x, j) => {
      const json = x as { basicValue: string | number; properties?: unknown };
      this.sheet.setTyped(this.row + i, this.col + j, typeof json.basicValue === "string" ? `'${json.basicValue}` : json.basicValue);
      if (json.properties) (this.sheet.cell(this.row + i, this.col + j) as Cell).card = x;
    }));
  }
  getSpecialCellsOrNullObject(type: string): { isNullObject: boolean; load(): void; areas: { items: FreezeRange[]; load(): void } } {
    if (type !== "Formulas") throw new Error(`fake: special cells ${type} not modelled`);
    const items = this.sheet.formulaAreas(this);
    return { isNullObject: items.length === 0, load() {}, areas: { items, load() {} } };
  }
  getSpillingToRangeOrNullObject(): FreezeRange | { isNullObject: true; load(): void } {
    const s = this.sheet.spills.get(this.sheet.key(this.row, this.col));
    return s ? new FreezeRange(this.sheet, this.row, this.col, s.rows, s.cols) : { isNullObject: true, load() {} };
  }
  override getCell(r: number, c: number): FreezeRange { return new FreezeRange(this.sheet, this.row + r, this.col + c, 1, 1); }
}

export class FreezeBook extends FakeBook {
  declare sheets: FreezeSheet[];
  active = 0;
  selection = { sheet: 0, row: 0, col: 0, rows: 1, cols: 1 };
  calc: Calc = () => 0;
  constructor(names = ["Sheet1"]) {
    super();
    this.sheets = names.map((n) => new FreezeSheet(n, this));
  }
  override get sheet(): FreezeSheet { return this.sheets[this.active]; }
  sheetNamed(name: string): FreezeSheet | undefined { return this.sheets.find((s) => s.name === name); }
  /** Types a formula or value like a user, at "A1" of a sheet. */
  type(sheet: string, address: string, v: string | number): void {
    const s = this.sheetNamed(sheet)!;
    const r = s.getRange(address);
    s.setTyped(r.row, r.col, v);
  }
  /** Recalculates every formula (after a data refresh). */
  recalc(): void {
    for (const s of this.sheets) {
      const anchors = [...s.cells].filter(([, c]) => c.formula).map(([k]) => k.split(",").map(Number));
      for (const [r, c] of anchors) s.calculate(r, c);
    }
  }
}

function freezeContext(book: FreezeBook): any {
  const base = fakeContext(book);
  const nullSheet = { isNullObject: true, load() {}, getRange: () => ({ load() {}, values: [[""]] }) };
  return {
    ...base,
    workbook: {
      ...base.workbook,
      getSelectedRange: () => {
        const s = book.selection;
        return book.sheets[s.sheet].getRangeByIndexes(s.row, s.col, s.rows, s.cols);
      },
      worksheets: {
        get items() { return book.sheets; },
        load() {},
        getActiveWorksheet: () => book.sheet,
        getItem: (name: string) => {
          const s = book.sheetNamed(name);
          if (!s) throw new Error(`ItemNotFound: no sheet ${name}`);
          return s;
        },
        getItemOrNullObject: (name: string) => book.sheetNamed(name) ?? nullSheet,
        add: (name: string) => {
          if (book.sheetNamed(name)) throw new Error(`ItemAlreadyExists: ${name}`);
          const s = new FreezeSheet(name, book);
          book.sheets.push(s);
          return s;
        },
      },
    },
  };
}

/** An ExcelRunner over a FreezeBook, built on office-addin-mock (as fakeExcel.ts does for the writer). */
export function freezeExcel(book: FreezeBook): { run: <T>(batch: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T> } {
  const mock: any = new OfficeMockObject({
    context: freezeContext(book),
    run: async function (this: any, batch: (ctx: any) => Promise<unknown>) { return batch(this.context); },
  });
  // live collections: office-addin-mock copies seed values once
  Object.defineProperty(mock.context.workbook.tables, "items", { get: () => book.tables });
  Object.defineProperty(mock.context.workbook.worksheets, "items", { get: () => book.sheets });
  mock.context.workbook.tables.load = () => undefined;
  mock.context.workbook.worksheets.load = () => undefined;
  return { run: (batch) => mock.run(batch) };
}

export { bytes };
