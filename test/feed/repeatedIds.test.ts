// RepeatedIds against a Map: the same first repeat for any ids, through growth and hash collisions.
import fc from "fast-check";
import { hashId, RepeatedIds } from "../../src/core/feed/repeatedIds";

/** The plain definition: the first id, in order, seen before, with the index it was first seen at. */
function firstRepeatByMap(ids: readonly string[], upTo = ids.length): { index: number; first: number } | undefined {
  const firstOf = new Map<string, number>();
  for (let i = 0; i < upTo; i++) {
    const first = firstOf.get(ids[i]);
    if (first !== undefined) return { index: i, first };
    firstOf.set(ids[i], i);
  }
  return undefined;
}

function collect(ids: readonly string[], expected = 0): RepeatedIds {
  const repeated = new RepeatedIds(expected);
  for (const id of ids) repeated.add(id);
  return repeated;
}

describe("RepeatedIds", () => {
  it("finds the first repeat a Map of first indexes would, for any ids and any prefix", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom("a", "b", "syn-0001", "é", "😀")), { maxLength: 3000 }),
        fc.nat(),
        (ids, cut) => {
          const repeated = collect(ids);
          expect(repeated.count).toBe(ids.length);
          expect(repeated.firstRepeat((i) => ids[i])).toEqual(firstRepeatByMap(ids));
          const upTo = ids.length === 0 ? 0 : cut % (ids.length + 1);
          expect(repeated.firstRepeat((i) => ids[i], upTo)).toEqual(firstRepeatByMap(ids, upTo));
        },
      ),
      { numRuns: 100 },
    );
  });

  it("grows past the size it was given", () => {
    const ids = Array.from({ length: 5000 }, (_, i) => `id-${i}`);
    ids.push("id-4321");
    expect(collect(ids, 10).firstRepeat((i) => ids[i])).toEqual({ index: 5000, first: 4321 });
  });

  it("tells apart ids whose hashes are equal", () => {
    const [a, b] = collidingPair();
    expect(hashId(a)).toBe(hashId(b));
    expect(collect([a, b]).firstRepeat((i) => [a, b][i])).toBeUndefined();
    const ids = [a, "x", b, "y", b, a];
    expect(collect(ids).firstRepeat((i) => ids[i])).toEqual({ index: 4, first: 2 });
  });
});

/** Two different strings with the same 32-bit hash, found by a birthday search. */
function collidingPair(): [string, string] {
  const seen = new Map<number, string>();
  for (let i = 0; ; i++) {
    const s = `id-${i}`;
    const h = hashId(s);
    const other = seen.get(h);
    if (other !== undefined) return [other, s];
    seen.set(h, s);
  }
}
