// The plain definition of what parsing records.csv gives, for the piece-by-piece parser to be checked
// against: papaparse's whole-file parse (Papa.parse on the whole text at once); its first problem
// reported at its row (rows numbered from 1, empty lines counted and skipped); the first non-empty row
// the header; every other row read by RecordRowReader; an id already read refused at the row that repeats it.
import Papa from "papaparse";
import { checkHeader, detectNewline, RecordRowReader } from "../../src/core/feed/csv";
import { FeedError, oneLine } from "../../src/core/feed/errors";
import type { MgRecord } from "../../src/core/model/record";

export function wholeFileParse(csv: string): MgRecord[] {
  const { data, errors } = Papa.parse<string[]>(csv, { delimiter: ",", quoteChar: '"', newline: detectNewline(csv) });
  const rowOf = (e: Papa.ParseError) => (typeof e.row === "number" ? e.row : -1);
  const first = errors.length ? errors.reduce((a, b) => (rowOf(b) < rowOf(a) ? b : a)) : undefined;
  const problem = (where: string) => new FeedError("csv", `records.csv is not valid CSV at ${where} (${oneLine(first!.message.replace(/\.$/, ""), 80)}).`);
  if (first && rowOf(first) < 0) throw problem("the file");
  const reader = new RecordRowReader();
  const rowOfId = new Map<string, number>();
  const records: MgRecord[] = [];
  let header = false;
  const upTo = first ? Math.min(data.length, rowOf(first)) : data.length;
  for (let i = 0; i < upTo; i++) {
    const row = data[i];
    if (row.length === 1 && row[0] === "") continue;
    if (header) {
      const record = reader.read(row, i + 1);
      const first = rowOfId.get(record.id);
      if (first !== undefined) throw new FeedError("invalid_row", `Row ${i + 1} of records.csv repeats the id "${oneLine(record.id, 40)}" of row ${first}.`);
      rowOfId.set(record.id, i + 1);
      records.push(record);
    } else {
      checkHeader(row);
      header = true;
    }
  }
  if (first) throw problem(`row ${upTo + 1}`);
  if (!header) checkHeader(undefined);
  return records;
}
