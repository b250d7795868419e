// The gold matcher on small synthetic records (invented sentences about invented companies, written for
// this test): one-to-one matching, precision/recall arithmetic, evidence overlap across segmentations.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { MgRecord } from "../../src/core/model/record";
import { run } from "../../src/cli/commands/corpus/eval";
import type { Dataset } from "../../src/core/model/dataset";
import {
  evaluate,
  evidenceOverlaps,
  formatReport,
  parseGold,
  thresholdFailures,
  type GoldFile,
  type GoldRecord,
} from "../../src/core/corpus/eval";

const FILE = "synthetic-article.txt";
const OTHER = "other-article.txt";

const S_POLICY = 'On March 3, the Ministry of Widgets issued the "Plan for Widget Excellence (2099 Edition)," supporting widget makers.';
const S_LIST = "The plan asks for plants with capacities of 10,000 mt, 20,000 mt, and 30,000 mt of widget alloy.";
const S_EVENT = "From June 4 to 6, the Widget Summit was held in Exampleville.";
const S_SAVING = "The widget housing is reduced by 1.5 kg to 4 kg compared to steel.";
const HEADING = "2.1 Widget Summit Held in Exampleville";

function gold(partial: Partial<GoldRecord> & Pick<GoldRecord, "kind" | "evidence">): GoldRecord {
  return {
    source: FILE, date: "", date_end: "", date_effective: "", title: "", subject: "", value: null, value_max: null,
    unit: "", per: "", qualifier: "", grade: "", basis: "", price_type: "", status: "", date_evidence: "", product: "", code: "", ...partial,
  };
}

let n = 0;
function rec(partial: Partial<MgRecord> & Pick<MgRecord, "kind" | "evidence">, source_id = "src-a"): MgRecord {
  n++;
  return {
    id: `r${n}`, date: "", date_end: "", date_effective: "", subject: "", organizations: [], region: "", title: "",
    product: "", code: "", value: null, value_max: null, unit: "", per: "", qualifier: "", grade: "", basis: "", price_type: "", status: "", date_evidence: "", source_id,
    source_title: "", source_outlet: "", source_url: "", source_published: "", ...partial,
  };
}

function dataset(records: MgRecord[]): Pick<Dataset, "sources" | "records"> {
  const src = (source_id: string, origin: string) => ({
    source_id, title: "", outlet: "", url: "", published: "" as const, origin, format: "text" as const, record_count: 0,
  });
  return { sources: [src("src-a", `../shared/corpus/${FILE}`), src("src-b", OTHER)], records };
}

const GOLD: GoldFile = parseGold({
  sources: [{ file: FILE, published: "2100-01-01" }],
  records: [
    gold({ kind: "policy", date: "2099-03-03", title: "Plan for Widget Excellence (2099 Edition)", evidence: S_POLICY }),
    gold({ kind: "capacity", value: 10000, unit: "t", evidence: S_LIST }),
    gold({ kind: "capacity", value: 20000, unit: "t", evidence: S_LIST }),
    gold({ kind: "capacity", value: 30000, unit: "t", evidence: S_LIST }),
    gold({ kind: "event", date: "2099-06-04", date_end: "2099-06-06", evidence: S_EVENT }),
    gold({ kind: "weight_saving", value: 1.5, value_max: 4, unit: "kg", evidence: S_SAVING }),
  ],
});

const byKind = (report: ReturnType<typeof evaluate>, kind: string) => report.kinds.find((k) => k.kind === kind)!;

describe("evidence overlap", () => {
  it("accepts a heading glued in front, and whitespace that differs", () => {
    expect(evidenceOverlaps(S_EVENT, `${HEADING} ${S_EVENT}`)).toBe(true);
    expect(evidenceOverlaps(S_EVENT, S_EVENT.replace(/ /g, "\u00a0 \n"))).toBe(true);
  });
  it("accepts a sentence cut short at an abbreviation, and a cut sentence behind a heading", () => {
    const whole = "On May 5, Widget Co., Ltd. opened a plant in Exampleville with great ceremony and many guests.";
    expect(evidenceOverlaps(whole, "On May 5, Widget Co., Ltd.")).toBe(true);
    expect(evidenceOverlaps(whole, "4. New Plant Opens On May 5, Widget Co., Ltd.")).toBe(false); // 27 shared chars: too little
    expect(evidenceOverlaps(whole, "4. New Plant Opens On May 5, Widget Co., Ltd. opened a plant in Exampleville")).toBe(true);
  });
  it("treats curly and straight quotes alike", () => {
    expect(evidenceOverlaps(S_POLICY, S_POLICY.replace(/"([^"]*)"/, "\u201c$1\u201d"))).toBe(true);
  });
  it("rejects different sentences and tiny fragments", () => {
    expect(evidenceOverlaps(S_EVENT, S_SAVING)).toBe(false);
    expect(evidenceOverlaps(S_EVENT, "Widget")).toBe(false);
  });
});

describe("evaluate", () => {
  it("scores a perfect dataset 1.0, matching across segmentation and ignoring sources outside the gold", () => {
    const report = evaluate(
      dataset([
        rec({ kind: "policy", date: "2099-03-03", title: "Plan for Widget Excellence (2099 Edition),", evidence: S_POLICY }),
        rec({ kind: "capacity", value: 30000, unit: "t", evidence: S_LIST }),
        rec({ kind: "capacity", value: 10000, unit: "t", evidence: S_LIST }),
        rec({ kind: "capacity", value: 20000, unit: "t", evidence: S_LIST }),
        rec({ kind: "event", date: "2099-06-04", date_end: "2099-06-06", evidence: `${HEADING} ${S_EVENT}` }),
        rec({ kind: "weight_saving", value: 1.5, value_max: 4, unit: "kg", evidence: S_SAVING }),
        rec({ kind: "event", date: "2099-01-01", evidence: "On January 1, something happened elsewhere." }, "src-b"),
      ]),
      GOLD,
    );
    for (const kind of ["policy", "capacity", "event", "weight_saving"]) {
      expect(byKind(report, kind)).toMatchObject({ precision: 1, recall: 1 });
    }
    expect(report.ignored_records).toBe(1);
    expect(thresholdFailures(report)).toEqual([]);
  });

  it("matches one-to-one: a duplicate prediction is a false positive, not a second hit", () => {
    const report = evaluate(
      dataset([
        rec({ kind: "capacity", value: 10000, unit: "t", evidence: S_LIST }),
        rec({ kind: "capacity", value: 10000, unit: "t", evidence: S_LIST }),
      ]),
      GOLD,
    );
    const cap = byKind(report, "capacity");
    expect(cap).toMatchObject({ gold: 3, predicted: 2, matched: 1, precision: 0.5 });
    expect(cap.recall).toBeCloseTo(1 / 3);
    expect(cap.misses.map((m) => m.gold.value).sort()).toEqual([20000, 30000]);
    expect(cap.false_positives).toHaveLength(1);
  });

  it("finds the largest matching when a prediction could pair with two gold records", () => {
    // Two gold events on one sentence: the plain one accepts either prediction (its date_end is not checked),
    // the ranged one only the ranged prediction.
    const sentence = "On June 4, the Widget Fair opened, and from June 4 to 6 the Widget Summit was held.";
    const g = parseGold({
      sources: [{ file: FILE, published: "" }],
      records: [
        gold({ kind: "event", date: "2099-06-04", evidence: sentence }),
        gold({ kind: "event", date: "2099-06-04", date_end: "2099-06-06", evidence: sentence }),
      ],
    });
    const report = evaluate(
      dataset([
        rec({ kind: "event", date: "2099-06-04", date_end: "2099-06-06", evidence: sentence }),
        rec({ kind: "event", date: "2099-06-04", evidence: sentence }),
      ]),
      g,
    );
    // Greedy in order would give the first gold the ranged prediction and leave the ranged gold unmatched.
    expect(byKind(report, "event")).toMatchObject({ matched: 2, precision: 1, recall: 1 });
  });

  it("counts wrong key fields as a miss plus a false positive, and says which field differs", () => {
    const report = evaluate(
      dataset([
        rec({ kind: "event", date: "2100-06-04", date_end: "2100-06-06", evidence: S_EVENT }), // year guessed wrong
        rec({ kind: "weight_saving", value: 1.5, unit: "kg", evidence: S_SAVING }), // range lost
        rec({ kind: "policy", date: "2099-03-03", title: "Widget", evidence: S_POLICY }), // title too short to trust
      ]),
      GOLD,
    );
    const ev = byKind(report, "event");
    expect(ev).toMatchObject({ matched: 0, precision: 0, recall: 0 });
    expect(ev.misses[0].near?.differences.join()).toMatch(/date: gold "2099-06-04", record "2100-06-04"/);
    expect(byKind(report, "weight_saving").false_positives[0].near?.differences.join()).toMatch(/value_max: gold 4, record null/);
    expect(byKind(report, "policy").matched).toBe(0);
    expect(thresholdFailures(report)).toEqual(
      expect.arrayContaining(["event: precision 0.00 < 0.95", "event: recall 0.00 < 0.9", "capacity: recall 0.00 < 0.9"]),
    );
  });

  it("does not match the right values on the wrong kind, source or sentence", () => {
    const report = evaluate(
      dataset([
        rec({ kind: "product", value: 1.5, value_max: 4, unit: "kg", evidence: S_SAVING }),
        rec({ kind: "weight_saving", value: 1.5, value_max: 4, unit: "kg", evidence: S_SAVING }, "src-b"),
        rec({ kind: "weight_saving", value: 1.5, value_max: 4, unit: "kg", evidence: S_EVENT }),
      ]),
      GOLD,
    );
    const ws = byKind(report, "weight_saving");
    expect(ws).toMatchObject({ gold: 1, predicted: 1, matched: 0, recall: 0 });
    expect(byKind(report, "product")).toMatchObject({ gold: 0, predicted: 1, precision: 0, recall: null });
  });

  it("reports undefined ratios as null and gold sources the dataset lacks", () => {
    const report = evaluate({ sources: [], records: [] }, GOLD);
    expect(byKind(report, "policy")).toMatchObject({ predicted: 0, precision: null, recall: 0 });
    expect(byKind(report, "standard")).toMatchObject({ gold: 0, predicted: 0, precision: null, recall: null });
    expect(report.missing_sources).toEqual([FILE]);
    expect(formatReport(report, { verbose: true })).toMatch(/MISS policy 2099-03-03 "Plan for Widget Excellence \(2099 Edition\)"/);
  });

  it("rejects a gold record whose source is not listed", () => {
    expect(() => parseGold({ sources: [], records: [gold({ kind: "event", date: "2099", evidence: S_EVENT })] })).toThrow(
      /records\.0\.source/,
    );
  });
});

describe("mg corpus eval (CLI)", () => {
  // Synthetic dataset and gold in a temp folder; the exit code is what CI and scripts read.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mg-eval-"));
  const write = (name: string, data: unknown) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, JSON.stringify(data));
    return file;
  };
  const goldFile = write("gold.json", GOLD);
  const asDataset = (records: MgRecord[]) => ({ schema_version: 2, version: "v", as_of: "", count: records.length, ...dataset(records) });
  const all = GOLD.records.map((g) => rec({ ...g, source: undefined, note: undefined } as unknown as MgRecord));
  let out: string[] = [];
  beforeEach(() => {
    out = [];
    jest.spyOn(console, "log").mockImplementation((...a: unknown[]) => void out.push(a.join(" ")));
    jest.spyOn(console, "error").mockImplementation((...a: unknown[]) => void out.push(a.join(" ")));
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("exits 0 and prints the table when every enforced kind meets its bar", async () => {
    const file = write("good.json", asDataset(all.map((r) => ({ ...r }))));
    expect(await run(["--dataset", file, "--gold", goldFile])).toBe(0);
    expect(out.join("\n")).toMatch(/weight_saving\s+1\s+1\s+1\s+1\.00\s+1\.00/);
    expect(out.join("\n")).toMatch(/PASS/);
  });

  it("exits 1 below a bar and, with --verbose, names the sentence and the field", async () => {
    // every event a year late (its range too, or the range would be refused as ending before it starts)
    const bad = all.map((r) => (r.kind === "event" ? { ...r, date: "2100-06-04", date_end: r.date_end && "2100-06-06" } : { ...r }));
    const file = write("bad.json", asDataset(bad));
    expect(await run(["--dataset", file, "--gold", goldFile, "--verbose"])).toBe(1);
    const text = out.join("\n");
    expect(text).toMatch(/event: recall 0\.00 < 0\.9/);
    expect(text).toMatch(/MISS event 2099-06-04\.\.2099-06-06/);
    expect(text).toContain('date: gold "2099-06-04", record "2100-06-04"');
  });

  it("prints the report as JSON with --json", async () => {
    const file = write("json.json", asDataset(all.map((r) => ({ ...r }))));
    expect(await run(["--dataset", file, "--gold", goldFile, "--json"])).toBe(0);
    const report = JSON.parse(out.join("\n")) as { failures: string[]; kinds: Array<{ kind: string; recall: number | null }> };
    expect(report.failures).toEqual([]);
    expect(report.kinds.find((k) => k.kind === "capacity")?.recall).toBe(1);
  });

  it("exits 2 with one clear line for a missing file, invalid JSON or a bad argument", async () => {
    expect(await run(["--dataset", path.join(dir, "absent.json"), "--gold", goldFile])).toBe(2);
    expect(out.pop()).toMatch(/dataset .*absent\.json does not exist/);
    fs.writeFileSync(path.join(dir, "broken.json"), "{ not json");
    expect(await run(["--dataset", path.join(dir, "broken.json"), "--gold", goldFile])).toBe(2);
    expect(out.pop()).toMatch(/broken\.json is not valid JSON/);
    expect(await run(["--frobnicate"])).toBe(2);
    expect(out.pop()).toMatch(/unknown argument "--frobnicate"/);
  });
});
