// Whatever a spreadsheet passes, every MG function answers a value or an error with a message:
// never an exception, never a ragged table.
import fc from "fast-check";
import { DataStore } from "../../src/core/data/store";
import { FUNCTION_SPECS } from "../../src/core/query/functions";
import { evaluateMg } from "../../src/functions/evaluate";
import { syntheticDataset } from "../query/fixtures";

const snapshot = new DataStore().replace(syntheticDataset(), "bundled");
const names = snapshot.index.entities.map((e) => e.name);

const arg = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.constant(""),
  fc.constantFrom(...names, "Zeta", "%", "kg", "high", "low", "day", "any", "policy", "events", "value", "evidence", "2024", "2024-07", "2024-13", "Valeria"),
  fc.string({ maxLength: 40 }),
  fc.double({ noNaN: false }),
  fc.integer({ min: -5, max: 80000 }),
  fc.boolean(),
);

it("every function answers a value or an error with a message for any arguments", () => {
  fc.assert(
    fc.property(fc.constantFrom(...FUNCTION_SPECS), fc.array(arg, { maxLength: 5 }), (spec, args) => {
      const a = evaluateMg(spec.name, args.slice(0, spec.params.length), snapshot) as { value?: unknown; error?: string; message?: string };
      if ("error" in a) {
        expect(["not_available", "invalid_value"]).toContain(a.error);
        expect(typeof a.message).toBe("string");
        expect(a.message!.length).toBeGreaterThan(10);
        expect(a.message).not.toMatch(/undefined|\[object/);
        return;
      }
      if (spec.result === "table") {
        const t = a.value as unknown[][];
        expect(t.length).toBeGreaterThan(1);
        for (const row of t) expect(row.length).toBe(t[0].length);
        for (const row of t) for (const c of row) expect(["string", "number"]).toContain(typeof c);
      } else {
        expect(["string", "number"]).toContain(typeof a.value);
        if (typeof a.value === "number") expect(Number.isFinite(a.value)).toBe(true);
      }
    }),
    { numRuns: 3000 },
  );
});
