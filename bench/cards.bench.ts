// Cards in cells: what the Excel shell's answer costs with cards off (the plain number, every host without
// ExcelApi 1.19) and on, beside the shell as it was before cards and the query core's own evaluateMg, in one process with the variants
// interleaved (round-robin, median of the rounds), so a loaded machine slows each of them alike. Also the
// cost of building one card from scratch (what a cache miss costs). Bundled dataset.
import * as fs from "fs";
import * as path from "path";
import { DataStore } from "../src/core/data/store";
import { parseDataset } from "../src/core/model/dataset";
import { sourceCard } from "../src/core/card/card";
import { isAnswerError } from "../src/core/query/answer";
import { evaluateMg } from "../src/functions/evaluate";
import { excelValue } from "../src/functions/functions";

const BUNDLED = path.join(__dirname, "..", "src", "data", "dataset.json");

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Calls per second of fn over the calls, repeated until at least minMs elapsed. */
function rate(calls: readonly (readonly unknown[])[], fn: (c: readonly unknown[]) => unknown, minMs: number): number {
  let n = 0;
  let sink = 0;
  const t0 = process.hrtime.bigint();
  let elapsed = 0;
  while (elapsed < minMs) {
    for (const c of calls) if (fn(c) !== undefined) sink++;
    n += calls.length;
    elapsed = Number(process.hrtime.bigint() - t0) / 1e6;
  }
  if (sink < 0) console.log(sink);
  return n / (elapsed / 1000);
}

export async function run(): Promise<Record<string, unknown>> {
  const data = parseDataset(JSON.parse(fs.readFileSync(BUNDLED, "utf8")));
  const snap = new DataStore().replace(data, "bundled");
  const index = snap.index;
  // every subject with a weight saving in %, in mixed case, and every price product: calls that answer
  const subjects = index.entities.filter((e) => index.recordsOf(e, "weight_saving").some((r) => r.unit === "%" && r.value !== null)).map((e) => e.name);
  const calls: { fn: string; args: unknown[] }[] = [
    ...subjects.flatMap((s) => [{ fn: "WEIGHTSAVING", args: [s, null, null, null, null] }, { fn: "WEIGHTSAVING", args: [s.toUpperCase(), null, null, null, null] }]),
    { fn: "PRICE", args: ["magnesium ingot", null, null, null, "type=quotation; currency=CNY"] },
  ].filter((c) => !isAnswerError(evaluateMg(c.fn, c.args, snap)));
  if (calls.length === 0) return { skipped: "no answering calls in the bundled dataset" };
  const byFn = (c: readonly unknown[]) => calls[c[0] as number];
  const list = calls.map((_c, i) => [i] as const);

  // the shell as it was before cards: evaluate, throw an error answer, hand back the value
  const before = (fn: string, args: readonly unknown[]) => {
    const a = evaluateMg(fn, args, snap);
    if (isAnswerError(a)) throw new Error(a.message);
    return a.value;
  };
  const variants: Record<string, (c: readonly unknown[]) => unknown> = {
    evaluateMg: (c) => evaluateMg(byFn(c).fn, byFn(c).args, snap),
    shell_before_cards: (c) => before(byFn(c).fn, byFn(c).args),
    shell_cards_off: (c) => excelValue(byFn(c).fn, byFn(c).args, snap, false),
    shell_cards_on: (c) => excelValue(byFn(c).fn, byFn(c).args, snap, true),
  };
  for (const f of Object.values(variants)) rate(list, f, 200); // warm-up
  const rounds: Record<string, number[]> = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
  for (let r = 0; r < 7; r++) for (const [k, f] of Object.entries(variants)) rounds[k].push(rate(list, f, 300));
  const perS = Object.fromEntries(Object.entries(rounds).map(([k, xs]) => [k, Math.round(median(xs))]));

  // one card built from scratch (no cache), over the same answers
  const answers = calls.map((c) => evaluateMg(c.fn, c.args, snap)).filter((a) => !isAnswerError(a) && a.record) as { value: number; record: NonNullable<import("../src/core/query/answer").AnswerValue<unknown>["record"]> }[];
  const builds = rate(answers.map((_a, i) => [i]), (c) => {
    const a = answers[c[0] as number];
    return sourceCard("WEIGHTSAVING", [], a.value, a.record, data);
  }, 500);

  const offVsBefore = perS.shell_cards_off / perS.shell_before_cards;
  return {
    dataset: `bundled dataset (${data.records.length} records), ${calls.length} answering calls (MG.WEIGHTSAVING of every subject with a % saving, mixed case; one MG.PRICE)`,
    calls_per_s: perS,
    cards_off_vs_before: +offVsBefore.toFixed(3),
    cards_on_vs_off: +(perS.shell_cards_on / perS.shell_cards_off).toFixed(3),
    card_builds_per_s_uncached: Math.round(builds),
    load_average_1min: +require("os").loadavg()[0].toFixed(2),
    note: "interleaved rounds, medians; the shell's plain path is evaluateMg plus one test (answer.record && cards); cards on returns a cached card per record and reading",
    goals: { cards_off_vs_before: ">= 0.95 (the plain path is not slowed: within the noise of interleaved rounds)" },
    pass: { cards_off_vs_before: offVsBefore >= 0.95 },
  };
}
