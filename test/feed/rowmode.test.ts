// Row-by-row parsing (papaparse's step mode, the default on this thread) against the chunk consumer
// (the worker's way, and the reference the other property tests check): same records or the same
// error sentence on any damaged file, also when paused and resumed every few rows.
import fc from "fast-check";
import { parseRecordsCsv, parseRecordsCsvAsync } from "../../src/core/feed/csv";
import { recordsToCsv } from "../../src/core/model/csv";
import { rangeRecords, syntheticRecord } from "./fixtures";

const outcome = (fn: () => unknown) => {
  try {
    return { ok: fn() };
  } catch (e) {
    return { error: (e as Error).message };
  }
};

// 200 rows: a row-by-row parse on this thread with taskMs 0 pauses every 64 rows.
const good = recordsToCsv([...rangeRecords(1, 200), { ...syntheticRecord(200), value: -0.5 }]);

const edit = fc.oneof(
  fc.record({ at: fc.nat(), del: fc.integer({ min: 0, max: 12 }), s: fc.constantFrom("", '"', ",", "\r\n", "\n", "\r\n\r\n", "x", "NaN", "2031-13", "; ", "\uFEFF", '""') }),
  fc.record({ at: fc.nat(), del: fc.constant(0), s: fc.string({ maxLength: 3 }) }),
);

function damage(s: string, edits: { at: number; del: number; s: string }[]): string {
  for (const e of edits) {
    const at = e.at % (s.length + 1);
    s = s.slice(0, at) + e.s + s.slice(at + e.del);
  }
  return s;
}

describe("row-by-row parsing", () => {
  it("gives what the chunk consumer gives, synchronously and paused every 64 rows", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { maxLength: 3 }), async (edits) => {
        const csv = damage(good, edits);
        const reference = outcome(() => parseRecordsCsv(csv, { chunkChars: 1e9 }));
        expect(outcome(() => parseRecordsCsv(csv))).toEqual(reference);
        let yielding;
        try {
          yielding = { ok: await parseRecordsCsvAsync(csv, { taskMs: 0 }) };
        } catch (e) {
          yielding = { error: (e as Error).message };
        }
        expect(yielding).toEqual(reference);
      }),
      { numRuns: 80 },
    );
  });

  it("reports progress between slices and stops between slices when cancelled", async () => {
    const csv = recordsToCsv(rangeRecords(1, 1000));
    const seen: [number, number][] = [];
    expect(await parseRecordsCsvAsync(csv, { taskMs: 0, onProgress: (done, fraction) => seen.push([done, fraction]) })).toEqual(rangeRecords(1, 1000));
    expect(seen.length).toBeGreaterThan(10);
    expect(seen[seen.length - 1]).toEqual([999, 1]);
    for (let i = 1; i < seen.length; i++) expect(seen[i][1]).toBeGreaterThanOrEqual(seen[i - 1][1]);
    // the fraction is the share of the text read: about the share of rows here (rows of similar length)
    const [done, fraction] = seen[Math.floor(seen.length / 2)];
    expect(Math.abs(fraction - done / 999)).toBeLessThan(0.05);

    const abort = new AbortController();
    const cancelled = parseRecordsCsvAsync(csv, { taskMs: 0, signal: abort.signal, onProgress: (n) => n > 100 && abort.abort() });
    await expect(cancelled).rejects.toThrow("The refresh was cancelled, so the data in use is unchanged.");
  });
});
