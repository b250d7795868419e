// SeenIds against a Map: the same answer for every id, through growth and hash collisions.
import fc from "fast-check";
import { hashId, SeenIds } from "../../src/core/feed/seenIds";

describe("SeenIds", () => {
  it("answers as a Map of first rows would, for any ids", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom("a", "b", "syn-0001", "é", "😀")), { maxLength: 3000 }), (ids) => {
        const seen = new SeenIds();
        const map = new Map<string, number>();
        ids.forEach((id, row) => {
          const expected = map.get(id);
          if (expected === undefined) map.set(id, row);
          expect(seen.add(id, row)).toBe(expected);
        });
        expect(seen.size).toBe(map.size);
      }),
      { numRuns: 100 },
    );
  });

  it("tells apart ids whose hashes are equal", () => {
    const seen = new SeenIds();
    const pairs = collidingPair();
    expect(hashId(pairs[0])).toBe(hashId(pairs[1]));
    expect(seen.add(pairs[0], 2)).toBeUndefined();
    expect(seen.add(pairs[1], 3)).toBeUndefined();
    expect(seen.add(pairs[1], 4)).toBe(3);
    expect(seen.add(pairs[0], 5)).toBe(2);
  });
});

/** Two different strings with the same 32-bit hash, found by a birthday search. */
function collidingPair(): [string, string] {
  const hash = hashId;
  const seen = new Map<number, string>();
  for (let i = 0; ; i++) {
    const s = `id-${i}`;
    const h = hash(s);
    const other = seen.get(h);
    if (other !== undefined) return [other, s];
    seen.set(h, s);
  }
}
