// `mg corpus eval [--dataset FILE] [--gold FILE] [--verbose] [--json]`: precision and recall per kind of a
// dataset against the hand-written gold file. Exit 0 when every enforced kind meets its bar, 1 when one does
// not, 2 when an input cannot be read.
import * as fs from "fs";
import * as path from "path";
import { parseDataset } from "../../../core/model/dataset";
import { CORPUS_THRESHOLDS, evaluate, formatReport, mergeGold, parseGold, scoreBySource, thresholdFailures, type GoldFile } from "../../../core/corpus/eval";

const ROOT = path.resolve(__dirname, "../../../..");
export const DEFAULT_DATASET = path.join(ROOT, "src/data/dataset.json");
export const DEFAULT_GOLD = path.join(ROOT, "test/gold");

const USAGE = `usage: mg corpus eval [--dataset FILE] [--gold FILE|DIR]... [--by-source] [--verbose] [--json]
  --dataset FILE  dataset to evaluate (default src/data/dataset.json, the bundled one)
  --gold FILE|DIR hand-written gold records: a file, or every *.gold.json under a folder (default test/gold:
                  the seeds and every news article); may be given more than once
  --by-source     also print precision and recall per source file
  --verbose       list every miss and false positive with its sentence and the fields that differ
  --json          print the full report as JSON
exit code: 0 all enforced kinds meet their bar, 1 one does not, 2 bad input`;

/** Every *.gold.json under a folder (sorted, recursive), or the file itself. */
export function goldFiles(p: string): string[] {
  if (!fs.existsSync(p)) throw new Error(`gold ${p} does not exist`);
  if (!fs.statSync(p).isDirectory()) return [p];
  return fs
    .readdirSync(p, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((e) => (e.isDirectory() ? goldFiles(path.join(p, e.name)) : e.name.endsWith(".gold.json") ? [path.join(p, e.name)] : []));
}

/** The gold of every file under the given paths, merged; an Error names the file that is not valid. */
export function readGold(paths: string[]): GoldFile {
  const files = paths.flatMap(goldFiles);
  return mergeGold(
    files.map((f) => {
      try {
        return parseGold(readJson(f, "gold file"));
      } catch (err) {
        throw new Error(`${f}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
      }
    }),
  );
}

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
  const goldPaths: string[] = [];
  let verbose = false;
  let bySource = false;
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
      else goldPaths.push(path.resolve(v));
    } else if (a === "--verbose" || a === "-v") verbose = true;
    else if (a === "--by-source") bySource = true;
    else if (a === "--json") json = true;
    else {
      console.error(`mg corpus eval: unknown argument "${a}"\n${USAGE}`);
      return 2;
    }
  }

  let report;
  let gold: GoldFile;
  let perSource: ReturnType<typeof scoreBySource> = [];
  try {
    const dataset = parseDataset(readJson(datasetFile, "dataset"));
    gold = readGold(goldPaths.length ? goldPaths : [DEFAULT_GOLD]);
    report = evaluate(dataset, gold);
    if (bySource) perSource = scoreBySource(dataset, gold);
  } catch (err) {
    console.error(`mg corpus eval: ${err instanceof Error ? err.message : String(err)}`);
    return 2;
  }
  const failures = thresholdFailures(report, CORPUS_THRESHOLDS);
  const goldShown = (goldPaths.length ? goldPaths : [DEFAULT_GOLD]).map(shortPath).join(", ");
  if (json) {
    console.log(JSON.stringify({ dataset: datasetFile, gold: goldShown, thresholds: CORPUS_THRESHOLDS, failures, ...report, by_source: perSource }, null, 2));
  } else {
    console.log(`dataset ${shortPath(datasetFile)}  gold ${goldShown} (${gold.sources.length} sources, ${gold.records.length} records)\n`);
    console.log(formatReport(report, { verbose, thresholds: CORPUS_THRESHOLDS }));
    if (bySource) {
      console.log("");
      for (const s of perSource) {
        const f = (x: number | null) => (x === null ? "  —" : x.toFixed(2));
        console.log(`${s.file.padEnd(72)} gold ${String(s.gold).padStart(3)}  predicted ${String(s.predicted).padStart(3)}  matched ${String(s.matched).padStart(3)}  P ${f(s.precision)}  R ${f(s.recall)}`);
      }
    }
    console.log("");
    console.log(failures.length === 0 ? "PASS: every enforced kind meets its bar" : `FAIL:\n  ${failures.join("\n  ")}`);
  }
  return failures.length === 0 ? 0 : 1;
}
