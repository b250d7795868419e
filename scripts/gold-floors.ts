// Writes test/gold/floors.json from the bundled dataset's score against all gold: the floor the test suite
// holds the extractors to (test/corpus/corpus-eval.test.ts). Raise it after an improvement; it never goes down
// without a reason written in the commit. The bar is CORPUS_THRESHOLDS in src/core/corpus/eval.ts.
import * as fs from "fs";
import * as path from "path";
import { evaluate } from "../src/core/corpus/eval";
import { parseDataset } from "../src/core/model/dataset";
import { readGold } from "../src/cli/commands/corpus/eval";

const ROOT = path.resolve(__dirname, "..");
const dataset = parseDataset(JSON.parse(fs.readFileSync(path.join(ROOT, "src/data/dataset.json"), "utf8")));
const report = evaluate(dataset, readGold([path.join(ROOT, "test/gold")]));
const floor = (x: number | null) => (x === null ? null : Math.floor(x * 100 + 1e-9) / 100);
const floors = Object.fromEntries(report.kinds.filter((k) => k.gold > 0).map((k) => [k.kind, { precision: floor(k.precision), recall: floor(k.recall) }]));
fs.writeFileSync(path.join(ROOT, "test/gold/floors.json"), JSON.stringify(floors, null, 2) + "\n");
console.log(floors);
