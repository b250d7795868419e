// The MG calls inside a formula's text, as Office.js reads it (`range.formulas`: en-US, commas between
// arguments, "" inside a string for a quote). Only what can be re-evaluated without guessing is read as
// an argument: a text, number or logical literal, an omitted argument, or a reference to one cell (whose
// value the host reads). Anything else (a range, a name, an expression, a nested call) leaves the call's
// source unresolved, said so, never guessed.

export type FormulaArg =
  | { kind: "literal"; value: string | number | boolean }
  | { kind: "omitted" }
  /** One cell: `sheet` is the formula's own sheet when the reference names none; `cell` is "B3" (no $). */
  | { kind: "ref"; sheet: string; cell: string }
  | { kind: "unresolved"; text: string; why: string };

export interface MgCall {
  /** Upper case, without the namespace: "WEIGHTSAVING". */
  name: string;
  args: FormulaArg[];
  /** The call as written: `MG.WEIGHTSAVING("Seres")`. */
  text: string;
}

const CALL_START = /MG\.([A-Za-z][A-Za-z0-9]*)\s*\(/iy;
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)(E[+-]?\d+)?$/i;
// Sheet1!B3, $B$3, 'My sheet'!B3, Data.2024!C7
const CELL_REF = /^(?:('(?:[^']|'')+'|[A-Za-z_\u00c0-\uffff][\w.\u00c0-\uffff]*)!)?\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const RANGE_REF = /^(?:('(?:[^']|'')+'|[A-Za-z_\u00c0-\uffff][\w.\u00c0-\uffff]*)!)?\$?[A-Za-z]{1,3}\$?\d{1,7}:\$?[A-Za-z]{1,3}\$?\d{1,7}$/;

/** Index just past the string literal opening at `i` (a `"`), or the text's length when it never closes. */
function skipString(text: string, i: number): number {
  for (let j = i + 1; j < text.length; j++) {
    if (text[j] === '"') {
      if (text[j + 1] === '"') j++;
      else return j + 1;
    }
  }
  return text.length;
}

function skipQuotedSheet(text: string, i: number): number {
  for (let j = i + 1; j < text.length; j++) {
    if (text[j] === "'") {
      if (text[j + 1] === "'") j++;
      else return j + 1;
    }
  }
  return text.length;
}

/** The sheet name as the workbook knows it: 'It''s' -> It's. */
export function unquoteSheet(s: string): string {
  return s.startsWith("'") ? s.slice(1, -1).replace(/''/g, "'") : s;
}

/** A sheet name as a formula or an address writes it: quoted unless it is a plain name. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function readArg(raw: string, ownSheet: string): FormulaArg {
  const t = raw.trim();
  if (t === "") return { kind: "omitted" };
  if (t.length >= 2 && t.startsWith('"') && skipString(t, 0) === t.length) return { kind: "literal", value: t.slice(1, -1).replace(/""/g, '"') };
  if (NUMBER.test(t)) return { kind: "literal", value: Number(t) };
  if (/^TRUE$/i.test(t)) return { kind: "literal", value: true };
  if (/^FALSE$/i.test(t)) return { kind: "literal", value: false };
  const ref = CELL_REF.exec(t);
  if (ref) return { kind: "ref", sheet: ref[1] ? unquoteSheet(ref[1]) : ownSheet, cell: `${ref[2].toUpperCase()}${ref[3]}` };
  if (RANGE_REF.test(t)) return { kind: "unresolved", text: t, why: `${t} is a range, not one cell` };
  return { kind: "unresolved", text: t, why: `${t} is not a value or a one-cell reference` };
}

/** The call's arguments from the character after its "(": split at top-level commas up to its ")". */
function readArgs(text: string, start: number, ownSheet: string): { args: FormulaArg[]; end: number } | null {
  const args: FormulaArg[] = [];
  let depth = 0;
  let from = start;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === '"') { i = skipString(text, i) - 1; continue; }
    if (c === "'") { i = skipQuotedSheet(text, i) - 1; continue; }
    if (c === "(" || c === "{") depth++;
    else if (c === ")" || c === "}") {
      if (depth === 0) {
        const last = text.slice(from, i);
        // MG.DATAINFO(): no argument at all, not one omitted argument
        if (args.length > 0 || last.trim() !== "") args.push(readArg(last, ownSheet));
        return { args, end: i + 1 };
      }
      depth--;
    } else if (c === "," && depth === 0) {
      args.push(readArg(text.slice(from, i), ownSheet));
      from = i + 1;
    }
  }
  return null; // unbalanced: not a formula Excel would hold
}

/** Every MG call in a formula, outer calls first; none when the text is not a formula. */
export function mgCalls(formula: string, ownSheet: string): MgCall[] {
  if (typeof formula !== "string" || !formula.startsWith("=")) return [];
  const calls: MgCall[] = [];
  for (let i = 1; i < formula.length; i++) {
    const c = formula[i];
    if (c === '"') { i = skipString(formula, i) - 1; continue; }
    if (c === "'") { i = skipQuotedSheet(formula, i) - 1; continue; }
    if (c !== "M" && c !== "m") continue;
    if (i > 0 && /[A-Za-z0-9_.]/.test(formula[i - 1])) continue;
    CALL_START.lastIndex = i;
    const m = CALL_START.exec(formula);
    if (!m) continue;
    const read = readArgs(formula, CALL_START.lastIndex, ownSheet);
    if (!read) break;
    calls.push({ name: m[1].toUpperCase(), args: read.args, text: formula.slice(i, read.end) });
    // continue inside the arguments: a nested MG call is a call of its own
    i = CALL_START.lastIndex - 1;
  }
  return calls;
}

export function isMgFormula(formula: unknown, ownSheet = ""): boolean {
  return typeof formula === "string" && formula.startsWith("=") && mgCalls(formula, ownSheet).length > 0;
}

/** "Sheet1!B3" for a ref argument (the key the host's values are given by). */
export function refKey(sheet: string, cell: string): string {
  return `${quoteSheet(sheet)}!${cell}`;
}

const colName = (c: number): string => {
  let s = "";
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

/** "B3" of 0-based row 2, column 1. */
export function cellName(row: number, col: number): string {
  return `${colName(col)}${row + 1}`;
}

/** "Sheet1!B3:D9" (or "!B3" for one cell) of a 0-based rectangle. */
export function rangeAddress(sheet: string, row: number, col: number, rows = 1, cols = 1): string {
  const a = cellName(row, col);
  const b = cellName(row + rows - 1, col + cols - 1);
  return `${quoteSheet(sheet)}!${a === b ? a : `${a}:${b}`}`;
}

/** Sheet, top-left and size of "Sheet1!B3", "'My sheet'!B3:D9"; null for anything else. */
export function parseAddress(address: string): { sheet: string; row: number; col: number; rows: number; cols: number } | null {
  const m = /^('(?:[^']|'')+'|[^!']+)!\$?([A-Za-z]{1,3})\$?(\d{1,7})(?::\$?([A-Za-z]{1,3})\$?(\d{1,7}))?$/.exec(address.trim());
  if (!m) return null;
  const col = (s: string) => [...s.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const r0 = Number(m[3]) - 1;
  const c0 = col(m[2]);
  const r1 = m[5] ? Number(m[5]) - 1 : r0;
  const c1 = m[4] ? col(m[4]) : c0;
  if (r0 < 0 || r1 < r0 || c1 < c0) return null;
  return { sheet: unquoteSheet(m[1]), row: r0, col: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
}
