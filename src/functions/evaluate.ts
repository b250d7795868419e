// Evaluate an MG function against a data snapshot: the one path every host uses (Excel through
// functions.ts, the formula-engine tests, `mg call`, the task pane's function builder).
import type { DataSnapshot } from "../core/data/store";
import { Answer, Cell, Table, notAvailable } from "../core/query/answer";
import { Arg, functionSpec } from "../core/query/functions";

/** Excel passes an omitted optional argument as null; other hosts may pass undefined. */
export function cleanArgs(args: readonly unknown[]): Arg[] {
  return args.map((a) => {
    if (a === undefined || a === null) return null;
    if (typeof a === "string" || typeof a === "number" || typeof a === "boolean") return a;
    // a 1x1 range passed where a single value is expected
    if (Array.isArray(a) && a.length === 1 && Array.isArray(a[0]) && a[0].length === 1) return cleanArgs([a[0][0]])[0];
    return String(a);
  });
}

/** Never throws: an unexpected failure becomes #N/A with its reason (a raw exception would be a bare #VALUE!). */
export function evaluateMg(name: string, args: readonly unknown[], snapshot: DataSnapshot): Answer<Cell> | Answer<Table> {
  const spec = functionSpec(name);
  if (!spec) return notAvailable(`MG.${name} is not an MG function`);
  try {
    return spec.impl(snapshot.index, snapshot.origin, cleanArgs(args));
  } catch (err) {
    return notAvailable(`MG.${spec.name} failed: ${err instanceof Error ? err.message : String(err)}`);
  }
}
