// `node -r tsx/cjs scripts/corpus-unchanged.ts [DATASET.json] [--save FILE]`: builds the dataset in memory from
// ../shared/corpus (as `mg corpus build` reads it, nothing written into the repo) and compares every record
// and source with a dataset file (default src/data/dataset.json). Exit 1 and the first differences when they
// differ: a performance change must not change what is extracted.
import * as fs from "fs";
import * as path from "path";
import { collectFileInputs, DEFAULT_CORPUS_DIR, REPO_ROOT } from "../src/cli/commands/corpus/build";
import { buildDataset } from "../src/core/corpus/build";
import { DEFAULT_MAX_BYTES } from "../src/core/corpus/readers";

const args = process.argv.slice(2);
const saveAt = args.indexOf("--save");
const save = saveAt >= 0 ? args.splice(saveAt, 2)[1] : undefined;
const against = path.resolve(args[0] ?? path.join(REPO_ROOT, "src/data/dataset.json"));

const collected = collectFileInputs([DEFAULT_CORPUS_DIR], DEFAULT_MAX_BYTES, REPO_ROOT);
const t0 = performance.now();
const { dataset, problems } = buildDataset(collected.inputs);
const ms = performance.now() - t0;
if (save) fs.writeFileSync(save, JSON.stringify(dataset, null, 2) + "\n");
const expected = JSON.parse(fs.readFileSync(against, "utf8"));

const key = (r: { id: string }) => r.id;
const mine = new Map<string, string>(dataset.records.map((r) => [key(r), JSON.stringify(r)]));
const theirs = new Map<string, string>(expected.records.map((r: { id: string }) => [key(r), JSON.stringify(r)]));
const diffs: string[] = [];
for (const [id, json] of theirs) if (mine.get(id) !== json) diffs.push(`- ${json}\n+ ${mine.get(id) ?? "(missing)"}`);
for (const [id, json] of mine) if (!theirs.has(id)) diffs.push(`+ ${json} (extra)`);
const orderSame = JSON.stringify(dataset.records.map(key)) === JSON.stringify(expected.records.map(key));
const sourcesSame = JSON.stringify(dataset.sources) === JSON.stringify(expected.sources);
console.log(`built ${dataset.records.length} records from ${collected.inputs.length} inputs in ${ms.toFixed(0)} ms (${problems.length} problems); ${path.relative(process.cwd(), against)} has ${expected.records.length}`);
console.log(`differing records: ${diffs.length}; same order: ${orderSame}; same sources: ${sourcesSame}; same version: ${dataset.version === expected.version}`);
for (const d of diffs.slice(0, 10)) console.log(d);
process.exitCode = diffs.length === 0 && orderSame && sourcesSame ? 0 : 1;
