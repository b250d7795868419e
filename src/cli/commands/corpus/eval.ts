// `mg corpus eval [--dataset FILE] [--gold FILE] [--verbose] [--json]`: precision and recall per kind of a
// dataset against the hand-written gold file. Exit 0 when every enforced kind meets its bar, 1 when one does
// not, 2 when an input cannot be read.
import * as fs from "fs";
import * as path from "path";
import { parseDataset } from "../../../core/model/dataset";
import { evaluate, formatReport, parseGold, thresholdFailures, THRESHOLDS } from "../../../core/corpus/eval";

const ROOT = path.resolve(__dirname, "../../../..");
export const DEFAULT_DATASET = path.join(ROOT, "src/data/dataset.json");
export const DEFAULT_GOLD = path.join(ROOT, "test/gold/seeds.gold.json");

const USAGE = `usage: mg corpus eval [--dataset FILE] [--gold FILE] [--verbose] [--json]
  --dataset FILE  dataset to evaluate (default src/data/dataset.json, the bundled one)
  --gold FILE     hand-written gold records (default test/gold/seeds.gold.json)
  --verbose       list every miss and false positive with its sentence and the fields that differ
  --json          print the full report as JSON
exit code: 0 all enforced kinds meet their bar, 1 one does not, 2 bad input`;

function readJson(file: string, what: string): unknown {
  if (!fs.existsSync(file)) throw new Error(`${what} ${file} does not exist`);
  const text = fs.readFileSync(file, "utf8");
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new Error(`${what} ${file} is not valid JSON: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
}

/** Relative to the working directory when inside it, else absolute. */
function shortPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith("..") && !path.isAbsolute(rel) ? rel : file;
}

export async function run(args: string[]): Promise<number> {
  let datasetFile = DEFAULT_DATASET;
  let goldFile = DEFAULT_GOLD;
  let verbose = false;
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--help" || a === "-h") {
      console.log(USAGE);
      return 0;
    } else if (a === "--dataset" || a === "--gold") {
      const v = args[++i];
      if (!v) {
        console.error(`mg corpus eval: ${a} needs a file\n${USAGE}`);
        return 2;
      }
      if (a === "--dataset") datasetFile = path.resolve(v);
      else goldFile = path.resolve(v);
    } else if (a === "--verbose" || a === "-v") verbose = true;
    else if (a === "--json") json = true;
    else {
      console.error(`mg corpus eval: unknown argument "${a}"\n${USAGE}`);
      return 2;
    }
  }

  let report;
  try {
    const dataset = parseDataset(readJson(datasetFile, "dataset"));
    const gold = parseGold(readJson(goldFile, "gold file"));
    report = evaluate(dataset, gold);
  } catch (err) {
    console.error(`mg corpus eval: ${err instanceof Error ? err.message : String(err)}`);
    return 2;
  }
  const failures = thresholdFailures(report);
  if (json) {
    console.log(JSON.stringify({ dataset: datasetFile, gold: goldFile, thresholds: THRESHOLDS, failures, ...report }, null, 2));
  } else {
    console.log(`dataset ${shortPath(datasetFile)}  gold ${shortPath(goldFile)}\n`);
    console.log(formatReport(report, { verbose }));
    console.log("");
    console.log(failures.length === 0 ? "PASS: every enforced kind meets its bar" : `FAIL:\n  ${failures.join("\n  ")}`);
  }
  return failures.length === 0 ? 0 : 1;
}
