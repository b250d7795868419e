// The index keeps records most recent first (compareRecency). A published feed arrives in that order and
// the index then skips its sort: whatever the input order, the index's order is the sorted order.
import fc from "fast-check";
import { RecordIndex, compareRecency } from "../../src/core/query/recordIndex";
import type { MgRecord } from "../../src/core/model/record";
import { dataset, rec } from "./fixtures";

describe("RecordIndex order", () => {
  const dates = fc.constantFrom("", "2031", "2031-02", "2031-02-03", "2031-02-04", "2030-12");
  const record = fc.record({ id: fc.constantFrom("a", "b", "c", "d"), date: dates, source_published: dates });

  it("equals compareRecency's order, whether the records come sorted, nearly sorted or shuffled", () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 12 }), fc.boolean(), fc.nat(), (parts, presort, swap) => {
        let records: MgRecord[] = parts.map((p, i) => ({ ...rec({ kind: "event", subject: "Zeta Light Metals", date: p.date, source_published: p.source_published }), id: `${p.id}${i}` }));
        if (presort) {
          records = records.slice().sort(compareRecency);
          if (records.length > 1) {
            const i = swap % (records.length - 1);
            [records[i], records[i + 1]] = [records[i + 1], records[i]];
          }
        }
        const index = new RecordIndex(dataset(records));
        const expected = records.slice().sort(compareRecency);
        expect(index.records.map((r) => [r.id, r.date, r.source_published])).toEqual(expected.map((r) => [r.id, r.date, r.source_published]));
      }),
      { numRuns: 500 },
    );
  });
});
