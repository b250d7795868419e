// The feed's fast row check is MgRecordSchema compiled into plain predicates (feed/csv.ts). These tests
// hold it to the schema: every field compiles (none silently falls back), and each compiled predicate
// answers exactly what the field's zod schema answers, on random values of every type.
import fc from "fast-check";
import { z } from "zod";
import { compileFieldCheck } from "../../src/core/feed/csv";
import { MgRecordSchema, RECORD_COLUMNS } from "../../src/core/model/record";

type Schema = Parameters<typeof compileFieldCheck>[0];
const fieldSchema = (c: (typeof RECORD_COLUMNS)[number]) => MgRecordSchema.shape[c] as unknown as Schema;

describe("compiled field checks", () => {
  it("every field of MgRecordSchema compiles to a predicate", () => {
    const uncompiled = RECORD_COLUMNS.filter((c) => compileFieldCheck(fieldSchema(c)) === undefined);
    expect(uncompiled).toEqual([]);
  });

  it("each predicate accepts exactly what the field's schema accepts", () => {
    const cells = fc.oneof(
      fc.constantFrom("", " ", "x", "2031", "2031-02", "2031-13", "2031-02-30", "2031-02-3", "2031-02-03", "2031-02-03x", "12031", "policy", "Policy", "year", "over", "up to", "about "),
      fc.string(),
      fc.stringMatching(/^\d{4}(-\d{2}(-\d{2})?)?$/),
    );
    const values = fc.oneof(
      cells,
      fc.double(),
      fc.integer(),
      fc.constantFrom(null, undefined, Infinity, -Infinity, NaN, true, 0, -0),
      fc.array(cells, { maxLength: 3 }),
      fc.array(fc.oneof(cells, fc.integer()), { maxLength: 3 }),
      fc.object(),
    );
    const checks = RECORD_COLUMNS.map((c) => [c, fieldSchema(c), compileFieldCheck(fieldSchema(c))!] as const);
    fc.assert(
      fc.property(values, (v) => {
        for (const [column, schema, check] of checks) {
          const expected = schema.safeParse(v).success;
          if (check(v) !== expected) throw new Error(`${column}: compiled check says ${!expected} for ${JSON.stringify(v)}`);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it("a schema feature it does not know is left to zod (no predicate), not guessed", () => {
    expect(compileFieldCheck(z.string().email() as unknown as Schema)).toBeUndefined();
    expect(compileFieldCheck(z.string().refine((s) => s !== "x") as unknown as Schema)).toBeUndefined();
    expect(compileFieldCheck(z.number().int() as unknown as Schema)).toBeUndefined();
    const conditional = z.string().min(2) as unknown as Schema;
    conditional._zod.def.checks![0]._zod.def.when = () => true; // a condition of its own, not zod's default
    expect(compileFieldCheck(conditional)).toBeUndefined();
    const bounded = compileFieldCheck(z.string().min(2).max(3) as unknown as Schema)!;
    expect(["a", "ab", "abc", "abcd"].map(bounded)).toEqual([false, true, true, false]);
  });
});

describe("dates of the calendar", () => {
  it("a day its month does not have fails the date field's compiled check and the schema", () => {
    const good = Object.fromEntries(RECORD_COLUMNS.map((c) => [c, ""])) as Record<string, unknown>;
    Object.assign(good, { id: "x", kind: "event", organizations: [], value: null, value_max: null, per: "", qualifier: "", evidence: "e", source_id: "s" });
    expect(MgRecordSchema.safeParse({ ...good, date: "2024-02-29" }).success).toBe(true);
    for (const bad of ["2023-02-29", "2024-04-31", "2024-02-30"]) {
      const check = compileFieldCheck(fieldSchema("date"))!;
      expect(check(bad)).toBe(false);
      expect(MgRecordSchema.safeParse({ ...good, date: bad }).success).toBe(false);
    }
  });
});

describe("rules across fields", () => {
  const base = Object.fromEntries(RECORD_COLUMNS.map((c) => [c, ""])) as Record<string, unknown>;
  Object.assign(base, { id: "x", kind: "capacity", organizations: [], value: null, value_max: null, per: "", qualifier: "", evidence: "e", source_id: "s" });
  const ok = (fields: Record<string, unknown>) => MgRecordSchema.safeParse({ ...base, ...fields }).success;

  it("a range of values runs upward and has a start; a range of dates ends on or after its start", () => {
    expect([ok({ value: 1000, value_max: 1500 }), ok({ value: 1000, value_max: 1000 }), ok({ value: 1000 })]).toEqual([true, true, true]);
    expect([ok({ value: 1500, value_max: 1000 }), ok({ value_max: 1000 })]).toEqual([false, false]);
    expect([ok({ date: "2025-06", date_end: "2025" }), ok({ date: "2025-06-30", date_end: "2025-06" }), ok({ date_end: "2025" })]).toEqual([true, true, true]);
    expect([ok({ date: "2025-07", date_end: "2025-06" }), ok({ date: "2025-06-02", date_end: "2025-06-01" })]).toEqual([false, false]);
  });
});
