// Formula text of the function builder: =MG.NAME(arg, ...), trailing empty optional arguments dropped.
// What a box holds goes into the formula as Excel would read it typed there:
// - a cell reference (A1, $B$2, Sheet1!C3, 'Q1 data'!B2, A1:C10, $A:$A, 3:3) unquoted, so the function
//   takes the cell's value;
// - anything else as text in quotes, quotes inside doubled as Excel requires;
// - text typed in quotes ("A1") is that text, for a name that looks like a cell reference.

/** Excel's last column (XFD) and row. */
const MAX_COLUMN = 16_384;
const MAX_ROW = 1_048_576;

const SHEET = String.raw`(?:'(?:[^']|'')+'|[A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_.\u00C0-\uFFFF]*)!`;
const CELL = String.raw`\$?([A-Za-z]{1,3})\$?(\d{1,7})`;
const COLUMN = String.raw`\$?([A-Za-z]{1,3})`;
const ROW = String.raw`\$?(\d{1,7})`;
const CELL_RANGE = new RegExp(`^(?:${SHEET})?${CELL}(?::${CELL})?$`);
const COLUMN_RANGE = new RegExp(`^(?:${SHEET})?${COLUMN}:${COLUMN}$`);
const ROW_RANGE = new RegExp(`^(?:${SHEET})?${ROW}:${ROW}$`);

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}
const okColumn = (letters: string | undefined) => letters === undefined || columnNumber(letters) <= MAX_COLUMN;
const okRow = (digits: string | undefined) => digits === undefined || (Number(digits) >= 1 && Number(digits) <= MAX_ROW);

/** True when the text, as typed (spaces around ignored), is a reference to cells of a workbook. */
export function isCellReference(typed: string): boolean {
  const t = typed.trim();
  let m = CELL_RANGE.exec(t);
  if (m) return okColumn(m[1]) && okRow(m[2]) && okColumn(m[3]) && okRow(m[4]);
  m = COLUMN_RANGE.exec(t);
  if (m) return okColumn(m[1]) && okColumn(m[2]);
  m = ROW_RANGE.exec(t);
  if (m) return okRow(m[1]) && okRow(m[2]);
  return false;
}

export type BuilderArg = { kind: "empty" } | { kind: "ref"; ref: string } | { kind: "text"; text: string };

/** How the builder reads what a box holds. */
export function readArg(typed: string): BuilderArg {
  const t = typed.trim();
  if (t === "") return { kind: "empty" };
  if (t.length >= 2 && t.startsWith('"') && t.endsWith('"')) return { kind: "text", text: t.slice(1, -1) };
  if (isCellReference(t)) return { kind: "ref", ref: t };
  return { kind: "text", text: typed };
}

function argText(a: BuilderArg): string {
  switch (a.kind) {
    case "empty": return '""';
    case "ref": return a.ref;
    case "text": return `"${a.text.replace(/"/g, '""')}"`;
  }
}

export function buildFormula(name: string, args: readonly string[]): string {
  const list = args.map(readArg);
  while (list.length > 0 && list[list.length - 1].kind === "empty") list.pop();
  return `=MG.${name}(${list.map(argText).join(", ")})`;
}
