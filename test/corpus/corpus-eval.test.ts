// The bundled dataset against the gold of the whole corpus (seeds and every news article, test/gold): no kind
// may fall below its floor (test/gold/floors.json, written by scripts/gold-floors.ts from a measured run). The
// floors rise as the rules improve; the bar the issue sets, CORPUS_THRESHOLDS, is met by every enforced kind.
import * as fs from "fs";
import * as path from "path";
import { parseDataset } from "../../src/core/model/dataset";
import { CORPUS_THRESHOLDS, evaluate, formatReport, thresholdFailures } from "../../src/core/corpus/eval";
import { readGold } from "../../src/cli/commands/corpus/eval";

const DATASET = path.resolve(__dirname, "../../src/data/dataset.json");
const GOLD = path.resolve(__dirname, "../gold");
const floors = JSON.parse(fs.readFileSync(path.join(GOLD, "floors.json"), "utf8")) as Record<string, { precision: number | null; recall: number | null }>;

describe("bundled dataset against the gold of seeds and news", () => {
  const report = evaluate(parseDataset(JSON.parse(fs.readFileSync(DATASET, "utf8"))), readGold([GOLD]));

  it("covers every gold source", () => {
    expect(report.missing_sources).toEqual([]);
  });

  it("no kind falls below its floor", () => {
    const below: string[] = [];
    for (const k of report.kinds) {
      const f = floors[k.kind];
      if (!f) continue;
      if (f.precision !== null && (k.precision ?? 0) + 1e-9 < f.precision) below.push(`${k.kind}: precision ${k.precision} < floor ${f.precision}`);
      if (f.recall !== null && (k.recall ?? 0) + 1e-9 < f.recall) below.push(`${k.kind}: recall ${k.recall} < floor ${f.recall}`);
    }
    if (below.length > 0) console.log(formatReport(report, { verbose: true, thresholds: CORPUS_THRESHOLDS }));
    expect(below).toEqual([]);
  });

  it("every enforced kind meets the bar: precision >= 0.95 and recall >= 0.9 (policy, standard, capacity, weight_saving, event, price)", () => {
    const gap = thresholdFailures(report, CORPUS_THRESHOLDS);
    if (gap.length > 0) console.log(formatReport(report, { verbose: true, thresholds: CORPUS_THRESHOLDS }));
    expect(gap).toEqual([]);
  });
});
