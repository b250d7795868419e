// records.csv is decoded and parsed a piece at a time. Whatever the piece size: rows that span pieces,
// a "\r\n" or a UTF-8 character cut in two, quoted line breaks, empty lines and damage anywhere give the
// records or the error sentence of papaparse's whole-file parse, and bytes that are not UTF-8 are always
// reported as such.
import fc from "fast-check";
import { parseRecordsCsv, parseRecordsCsvAsync, parseRecordsCsvBytes, parseRecordsCsvBytesAsync } from "../../src/core/feed/csv";
import { recordsToCsv } from "../../src/core/model/csv";
import { rangeRecords, syntheticRecord } from "./fixtures";
import { wholeFileParse } from "./wholeFileParse";

const outcome = (fn: () => unknown) => {
  try {
    return { ok: fn() };
  } catch (e) {
    return { error: (e as Error).message };
  }
};
const asyncOutcome = async (fn: () => Promise<unknown>) => {
  try {
    return { ok: await fn() };
  } catch (e) {
    return { error: (e as Error).message };
  }
};
const utf8 = (s: string) => new TextEncoder().encode(s);

// Characters of one to four UTF-8 bytes, a quoted line break and a quoted quote in every few rows.
const records = rangeRecords(1, 60).map((r, i) =>
  i % 3 === 0 ? { ...r, title: `Zürich – 5 °C, “quoted” ${"😀".repeat(i % 4)}`, evidence: `Line one\r\nline "two" ${r.evidence}` } : r,
);
const good = recordsToCsv([...records, { ...syntheticRecord(61), value: -0.5 }]);

const edit = fc.oneof(
  fc.record({ at: fc.nat(), del: fc.integer({ min: 0, max: 12 }), s: fc.constantFrom("", '"', ",", "\r\n", "\n", "\r", "\r\n\r\n", "x", "NaN", "2031-13", "é", "😀", "\uFEFF", '""') }),
  fc.record({ at: fc.nat(), del: fc.constant(0), s: fc.string({ maxLength: 3 }) }),
);

function damage(s: string, edits: { at: number; del: number; s: string }[]): string {
  for (const e of edits) {
    const at = e.at % (s.length + 1);
    s = s.slice(0, at) + e.s + s.slice(at + e.del);
  }
  // keep the text encodable (a lone surrogate would not survive TextEncoder)
  return s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "?");
}

describe("piece-by-piece parsing", () => {
  it("gives papaparse's whole-file result from text and from bytes, at any piece size, synchronously or a piece per task", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { maxLength: 3 }), fc.integer({ min: 1, max: 700 }), async (edits, pieceSize) => {
        const csv = damage(good, edits);
        const reference = outcome(() => wholeFileParse(csv));
        expect(outcome(() => parseRecordsCsv(csv, { pieceSize }))).toEqual(reference);
        expect(outcome(() => parseRecordsCsvBytes(utf8(csv), { pieceSize }))).toEqual(reference);
        expect(await asyncOutcome(() => parseRecordsCsvBytesAsync(utf8(csv), { pieceSize, taskMs: 0 }))).toEqual(reference);
      }),
      { numRuns: 150 },
    );
  });

  it("reports the first problem in the file when ids repeat, whatever else is wrong and wherever", async () => {
    const all = [...records, { ...syntheticRecord(61), value: -0.5 }];
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(all.length - 1), fc.nat(all.length - 1)), { minLength: 1, maxLength: 3 }),
        fc.array(edit, { maxLength: 1 }),
        fc.integer({ min: 1, max: 700 }),
        async (copies, edits, pieceSize) => {
          // record `to` takes the id of record `from`
          const withRepeats = all.map((r) => ({ ...r }));
          for (const [from, to] of copies) withRepeats[to].id = withRepeats[from].id;
          const csv = damage(recordsToCsv(withRepeats), edits);
          const reference = outcome(() => wholeFileParse(csv));
          expect(outcome(() => parseRecordsCsv(csv, { pieceSize }))).toEqual(reference);
          expect(await asyncOutcome(() => parseRecordsCsvBytesAsync(utf8(csv), { pieceSize, taskMs: 0 }))).toEqual(reference);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("reads the undamaged file back whole, whatever the piece size", () => {
    const bytes = utf8(good);
    for (const pieceSize of [1, 2, 3, 7, 64, 1000, 1e9]) {
      expect(parseRecordsCsvBytes(bytes, { pieceSize })).toEqual([...records, { ...syntheticRecord(61), value: -0.5 }]);
    }
  });

  it("reads a file that starts with a byte-order mark, before a quoted header or a blank line too", () => {
    const quotedHeader = good.replace(/^[^\r]*/, (h) => h.split(",").map((c) => `"${c}"`).join(","));
    for (const csv of ["\uFEFF" + good, "\uFEFF" + quotedHeader, "\uFEFF\r\n" + good]) {
      const reference = outcome(() => wholeFileParse(csv));
      expect(reference).toHaveProperty("ok");
      for (const pieceSize of [1, 5, 1e9]) {
        expect(outcome(() => parseRecordsCsv(csv, { pieceSize }))).toEqual(reference);
        expect(outcome(() => parseRecordsCsvBytes(utf8(csv), { pieceSize }))).toEqual(reference);
      }
    }
  });

  it("reports bytes that are not UTF-8 as such, wherever they are and whatever else is wrong", () => {
    fc.assert(
      fc.property(fc.nat(), fc.constantFrom([0xff], [0xc3], [0xe2, 0x80], [0xed, 0xa0, 0x80], [0xc0, 0xaf]), fc.integer({ min: 1, max: 500 }), fc.boolean(), (at, bad, pieceSize, breakRow) => {
        // also with problems in the rows (an id repeated, then a row without an id, so a problem is being
        // reported while the repeat is pending): the encoding problem is still the one reported
        const csv = breakRow ? good.replace("syn-0002,", "syn-0001,").replace("\nsyn-0004,", "\n,") : good;
        const bytes = utf8(csv);
        const i = at % (bytes.length + 1);
        const broken = new Uint8Array([...bytes.subarray(0, i), ...bad, ...bytes.subarray(i)]);
        expect(outcome(() => parseRecordsCsvBytes(broken, { pieceSize }))).toEqual({ error: "records.csv is not valid UTF-8 text." });
      }),
      { numRuns: 200 },
    );
  });

  it("parses a row whose quoted field never closes in a few growing pieces, not once more per piece", () => {
    const csv = good + '\r\nsyn-9,"' + "x,".repeat(200_000);
    const decode = jest.spyOn(TextDecoder.prototype, "decode");
    try {
      const result = outcome(() => parseRecordsCsvBytes(utf8(csv), { pieceSize: 64 }));
      expect(result).toEqual(outcome(() => wholeFileParse(csv)));
      // 400 kB in 64-byte pieces would be ~6,000 pieces, each re-parsing the open row (quadratic);
      // pieces as long as the open row double each time: about log2(400 kB / 64 B) of them
      expect(decode.mock.calls.length).toBeLessThan(300);
    } finally {
      decode.mockRestore();
    }
  });

  it("reports progress between slices and stops between slices when cancelled", async () => {
    const csv = recordsToCsv(rangeRecords(1, 1000));
    const seen: [number, number][] = [];
    expect(await parseRecordsCsvAsync(csv, { pieceSize: 2000, taskMs: 0, onProgress: (done, fraction) => seen.push([done, fraction]) })).toEqual(rangeRecords(1, 1000));
    expect(seen.length).toBeGreaterThan(10);
    expect(seen[seen.length - 1]).toEqual([999, 1]);
    for (let i = 1; i < seen.length; i++) expect(seen[i][1]).toBeGreaterThanOrEqual(seen[i - 1][1]);
    // the fraction is the share of the file read: about the share of rows here (rows of similar length)
    const [done, fraction] = seen[Math.floor(seen.length / 2)];
    expect(Math.abs(fraction - done / 999)).toBeLessThan(0.05);

    const abort = new AbortController();
    const cancelled = parseRecordsCsvBytesAsync(utf8(csv), { pieceSize: 2000, taskMs: 0, signal: abort.signal, onProgress: (n) => n > 100 && abort.abort() });
    await expect(cancelled).rejects.toThrow("The refresh was cancelled, so the data in use is unchanged.");
  });
});
