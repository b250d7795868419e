// `mg call FUNCTION [args...]`: evaluate an MG function as Excel would, over the bundled dataset
// (or --data FILE). Prints the value; a spilled table as CSV; an error as "#N/A: message" with exit
// code 1. Arguments are read as a formula's literals would be: TRUE/FALSE are logical values, a plain
// number is a number, anything else is text; a value in double quotes ('"2024"') is text as written.
// "" stands for an omitted optional argument. --json prints one JSON object instead: {"function", "value"} and,
// for a scalar answer read from a record, "card" (the Excel.DoubleCellValue that Excel shows where it supports
// data types, src/core/card); an error as {"function", "error": "#N/A", "message"}.
import * as fs from "fs";
import * as path from "path";
import Papa from "papaparse";
import { DataStore } from "../../core/data/store";
import { parseDataset } from "../../core/model/dataset";
import { isAnswerError } from "../../core/query/answer";
import { cardOfAnswer } from "../../core/card/card";
import { FUNCTION_SPECS, functionSpec } from "../../core/query/functions";
import { evaluateMg } from "../../functions/evaluate";
import { excelErrorLabel } from "../../functions/excelErrors";

const DEFAULT_DATA = path.join(__dirname, "..", "..", "data", "dataset.json");

function usage(): string {
  const lines = [
    "usage: mg call [--data dataset.json] [--json] FUNCTION [args...]",
    '  "" passes an omitted optional argument; TRUE/FALSE and plain numbers are passed as a formula would pass them;',
    `  quote a value to pass it as text ('"2024"'); dates as text (2024-07).`,
    "  --json prints {function, value, card} (the card a scalar answer carries in Excel) or {function, error, message}.",
    "",
  ];
  for (const f of FUNCTION_SPECS) lines.push(`  ${f.name}(${f.params.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ")})  ${f.description}`);
  return lines.join("\n");
}

/** An argument as a formula's literal: =MG.F(2024, TRUE, "2024") passes a number, a logical value and text. */
export function formulaLiteral(a: string): string | number | boolean | null {
  if (a === "") return null;
  if (/^(?:true|false)$/i.test(a)) return a.toLowerCase() === "true";
  if (/^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i.test(a)) return Number(a);
  const quoted = /^"(.*)"$/s.exec(a);
  if (quoted) return quoted[1].replace(/""/g, '"');
  return a;
}

export async function run(argv: string[]): Promise<number> {
  const args = [...argv];
  let dataFile = DEFAULT_DATA;
  let json = false;
  // options come before the function's name; after it, everything is an argument
  while (args[0] === "--data" || args[0] === "--json") {
    if (args[0] === "--json") {
      json = true;
      args.shift();
      continue;
    }
    if (!args[1]) {
      console.error("mg call: --data needs a dataset.json path");
      return 2;
    }
    dataFile = path.resolve(args[1]);
    args.splice(0, 2);
  }
  const [name, ...rest] = args;
  if (!name || name === "--help" || name === "-h") {
    console.log(usage());
    return name ? 0 : 2;
  }
  const spec = functionSpec(name);
  if (!spec) {
    console.error(`mg call: "${name}" is not an MG function (${FUNCTION_SPECS.map((f) => f.name).join(", ")})`);
    return 2;
  }
  if (rest.length > spec.params.length) {
    console.error(`mg call: MG.${spec.name} takes at most ${spec.params.length} argument${spec.params.length === 1 ? "" : "s"}`);
    return 2;
  }
  let dataset;
  try {
    dataset = parseDataset(JSON.parse(fs.readFileSync(dataFile, "utf8")));
  } catch (err) {
    console.error(`mg call: cannot read the dataset ${path.relative(process.cwd(), dataFile)}: ${err instanceof Error ? err.message : String(err)}`);
    return 2;
  }
  const store = new DataStore();
  const snapshot = store.replace(dataset, "bundled");
  const literals = rest.map(formulaLiteral);
  const answer = evaluateMg(spec.name, literals, snapshot);
  if (json) {
    const out = isAnswerError(answer)
      ? { function: spec.name, error: excelErrorLabel(answer), message: answer.message }
      : { function: spec.name, value: answer.value, ...withCard(cardOfAnswer(spec.name, literals, answer, snapshot.index.dataset)) };
    console.log(JSON.stringify(out, null, 2));
    return isAnswerError(answer) ? 1 : 0;
  }
  if (isAnswerError(answer)) {
    console.log(`${excelErrorLabel(answer)}: ${answer.message}`);
    return 1;
  }
  const v = answer.value;
  if (Array.isArray(v)) process.stdout.write(Papa.unparse(v as unknown[][], { newline: "\n" }) + "\n");
  else console.log(String(v));
  return 0;
}

function withCard(card: object | undefined): { card?: object } {
  return card ? { card } : {};
}
