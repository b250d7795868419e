// The help page's examples, read as formulas and answered on the bundled data at build time, so the page
// shows what each one really gives (and a test checks every example answers).
import type { Dataset } from "../core/model/dataset";
import { buildIndex } from "../core/query/recordIndex";
import { FUNCTION_SPECS, type Arg, type FunctionSpec } from "../core/query/functions";
import type { Answer, Cell, Table } from "../core/query/answer";

/** The arguments of `=MG.NAME("text", , 12)`; undefined when one is a cell reference or a formula. */
export function exampleArgs(example: string): Arg[] | undefined {
  const m = /^=MG\.[A-Z]+\((.*)\)$/.exec(example.trim());
  if (!m) return undefined;
  if (m[1].trim() === "") return [];
  const args: Arg[] = [];
  for (const part of m[1].match(/\s*(?:"(?:[^"]|"")*"|[^,]*)\s*(?:,|$)/g)!.filter((p, i, all) => p !== "" || i < all.length - 1)) {
    const a = part.replace(/,$/, "").trim();
    if (a === "") args.push(null);
    else if (/^".*"$/.test(a)) args.push(a.slice(1, -1).replace(/""/g, '"'));
    else if (/^-?\d+(?:\.\d+)?$/.test(a)) args.push(Number(a));
    else return undefined;
  }
  return args;
}

export interface ExampleAnswer {
  spec: FunctionSpec;
  answer: Answer<Cell> | Answer<Table> | undefined;
}

export function answerExamples(dataset: Dataset): ExampleAnswer[] {
  const index = buildIndex(dataset);
  return FUNCTION_SPECS.map((spec) => {
    const args = exampleArgs(spec.example);
    return { spec, answer: args ? spec.impl(index, "bundled", args) : undefined };
  });
}
