// The index keeps records most recent first (compareRecency). A published feed arrives in that order and
// the index then skips its sort: whatever the input order, the index's order is the sorted order.
import fc from "fast-check";
import { RecordIndex, RecordIndexBuilder, compareRecency } from "../../src/core/query/recordIndex";
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

describe("RecordIndexBuilder (the index built as a feed is read)", () => {
  const dates = fc.constantFrom("", "2031", "2031-02", "2031-02-03", "2030-12");
  const names = fc.constantFrom("", "Zeta Light Metals", "ZETA Light Metals Co., Ltd.", "Beta Magnesium", "beta magnesium", "Gamma Auto");
  const record = fc.record({
    kind: fc.constantFrom("event" as const, "capacity" as const, "policy" as const),
    subject: names,
    organizations: fc.array(names.filter((n) => n !== ""), { maxLength: 2 }),
    region: fc.constantFrom("", "China", "china", "Canada"),
    date: dates,
    source_published: dates,
  });

  /** What a user of the index can see. */
  const view = (index: RecordIndex) => ({
    records: index.records.map((r) => r.id),
    entities: index.entities.map((e) => [e.name, e.key, e.aliases, e.records.map((r) => r.id)]),
    kinds: (["event", "capacity", "policy"] as const).map((k) => index.recordsOfKind(k).map((r) => r.id)),
    regions: index.regions(),
    lookups: ["zeta", "Beta Magnesium", "gamma", "light metals"].map((q) => index.resolveSubject(q)),
  });

  it("gives the index a plain build gives, fed in file order, sorted or not, or fed other records than the dataset's", () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 14 }), fc.constantFrom("sorted", "as is", "fewer", "twice", "changed"), (parts, feeding) => {
        const records: MgRecord[] = parts.map((p, i) => ({ ...rec({ ...p }), id: `r${i % 7}-${i}` }));
        const input = feeding === "sorted" ? records.slice().sort(compareRecency) : records;
        const ds = dataset(input);
        const builder = new RecordIndexBuilder();
        const fed =
          feeding === "fewer"
            ? input.slice(1)
            : feeding === "twice"
              ? [...input, ...input]
              : feeding === "changed"
                ? input.map((r) => ({ ...r, subject: "Other Subject" })).sort(compareRecency)
                : input;
        for (const r of fed) builder.add(r);
        expect(view(new RecordIndex(ds, undefined, builder))).toEqual(view(new RecordIndex(ds)));
      }),
      { numRuns: 400 },
    );
  });
});
