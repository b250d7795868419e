// Registers the MG functions in HyperFormula (a real formula engine) through the same path Excel
// uses (evaluateMg over a DataSnapshot), so tests evaluate real formulas: references, IFERROR,
// arithmetic, spills, errors with messages.
import { ArraySize, CellError, EmptyValue, ErrorType, FunctionArgumentType, FunctionPlugin, HyperFormula, SimpleRangeValue } from "hyperformula";
import type { DataSnapshot } from "../../src/core/data/store";
import { isAnswerError } from "../../src/core/query/answer";
import { FUNCTION_SPECS } from "../../src/core/query/functions";
import { evaluateMg } from "../../src/functions/evaluate";

function hfArg(v: unknown): unknown {
  if (v === EmptyValue || v === undefined) return null;
  return v;
}

export function mgPlugin(snapshot: () => DataSnapshot): typeof FunctionPlugin {
  const implemented: Record<string, unknown> = {};
  class MgPlugin extends FunctionPlugin {}
  const proto = MgPlugin.prototype as unknown as Record<string, unknown>;
  for (const spec of FUNCTION_SPECS) {
    const id = `MG.${spec.name}`;
    const method = `mg${spec.name}`;
    const isTable = spec.result === "table";
    implemented[id] = {
      method,
      parameters: spec.params.map((p) => ({ argumentType: FunctionArgumentType.SCALAR, optionalArg: p.optional })),
      ...(isTable ? { sizeOfResultArrayMethod: `${method}Size`, vectorizationForbidden: true } : {}),
    };
    const evaluate = (args: unknown[]) => evaluateMg(spec.name, args.map(hfArg), snapshot());
    proto[method] = function (this: any, ast: any, state: any) {
      return this.runFunction(ast.args, state, this.metadata(id), (...args: unknown[]) => {
        const answer = evaluate(args);
        if (isAnswerError(answer)) return new CellError(answer.error === "invalid_value" ? ErrorType.VALUE : ErrorType.NA, answer.message);
        const v = answer.value;
        return Array.isArray(v) ? SimpleRangeValue.onlyValues(v as any) : v;
      });
    };
    if (isTable) {
      // The spill's size depends on the data: evaluate the arguments and the function to know it.
      proto[`${method}Size`] = function (this: any, ast: any, state: any) {
        const args = (ast.args ?? []).map((a: any) => (a.type === "EMPTY" ? null : this.evaluateAst(a, state)));
        if (args.some((a: unknown) => a instanceof CellError || a instanceof SimpleRangeValue)) return ArraySize.scalar();
        const answer = evaluate(args);
        if (isAnswerError(answer)) return ArraySize.scalar();
        const t = answer.value as unknown[][];
        return new ArraySize(t[0].length, t.length);
      };
    }
  }
  (MgPlugin as any).implementedFunctions = implemented;
  return MgPlugin;
}

const registered = { current: undefined as (() => DataSnapshot) | undefined };

/** A HyperFormula sheet with the MG functions over the given snapshot, from rows of cell contents. */
export function sheetWithMg(getSnapshot: () => DataSnapshot, rows: unknown[][]): HyperFormula {
  registered.current = getSnapshot;
  if (!HyperFormula.getRegisteredFunctionNames("enGB").includes("MG.WEIGHTSAVING")) {
    const plugin = mgPlugin(() => registered.current!());
    HyperFormula.registerFunctionPlugin(plugin as any, { enGB: Object.fromEntries(FUNCTION_SPECS.map((s) => [`MG.${s.name}`, `MG.${s.name}`])) });
  }
  return HyperFormula.buildFromArray(rows as any, { licenseKey: "gpl-v3" });
}
