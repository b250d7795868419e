// MG.PRICE and MG.PRICES: calls per second of MG.PRICE through evaluateMg on 100k records of which 50k are
// prices, beside a linear scan giving the same answer (same run); and a 5-year daily MG.PRICES spill of one
// series. Bench data only: the bundled records are copied (other kinds as they are, suffixed like the
// functions bench) and the bundled price records repeated as 500 synthetic series of 100 days each
// ("magnesium ingot #17", days counted from the bundled price's own day), so lookups cannot hit one series.
import * as fs from "fs";
import * as path from "path";
import { DataStore } from "../src/core/data/store";
import { Dataset, parseDataset } from "../src/core/model/dataset";
import type { MgRecord } from "../src/core/model/record";
import { isoToSerial, serialToIso } from "../src/core/model/dates";
import { evaluateMg } from "../src/functions/evaluate";

const BUNDLED = path.join(__dirname, "..", "src", "data", "dataset.json");
const SERIES = 500;
const DAYS = 100;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function rate<T>(queries: readonly T[], fn: (q: T) => unknown, minMs: number): number {
  let calls = 0;
  let sink = 0;
  const t0 = process.hrtime.bigint();
  let elapsed = 0;
  while (elapsed < minMs) {
    for (const q of queries) if ((fn(q) as { value?: unknown }).value !== undefined) sink++;
    calls += queries.length;
    elapsed = Number(process.hrtime.bigint() - t0) / 1e6;
  }
  if (sink < 0) console.log(sink);
  return calls / (elapsed / 1000);
}

/** One dated bundled price as the model of the synthetic series. */
function model(base: Dataset): MgRecord {
  const r = base.records.find((x) => x.kind === "price" && /^\d{4}-\d{2}-\d{2}$/.test(x.date) && x.value !== null);
  if (!r) throw new Error("the bundled dataset has no dated price");
  return r;
}

function priceRecords(m: MgRecord, series: number, days: number, prefix: string): MgRecord[] {
  const start = isoToSerial(m.date)!;
  const out: MgRecord[] = [];
  for (let s = 0; s < series; s++) {
    for (let d = 0; d < days; d++) {
      out.push({ ...m, id: `${prefix}${s}~${d}`, product: `${m.product} #${s}`, title: `${m.product} #${s}`, date: serialToIso(start + d), value: (m.value as number) + d, value_max: m.value_max === null ? null : m.value_max + d });
    }
  }
  return out;
}

function withRecords(base: Dataset, records: MgRecord[]): Dataset {
  return { ...base, count: records.length, records };
}

export async function run(): Promise<Record<string, unknown>> {
  const base = parseDataset(JSON.parse(fs.readFileSync(BUNDLED, "utf8")));
  const m = model(base);
  const prices = priceRecords(m, SERIES, DAYS, "bench-price-");
  const others: MgRecord[] = [];
  for (let copy = 0; others.length < 50_000; copy++) {
    for (const r of base.records) {
      if (others.length >= 50_000) break;
      if (r.kind === "price") continue;
      const suffix = copy === 0 ? "" : ` #${copy}`;
      others.push({ ...r, id: `${r.id}~${copy}`, subject: r.subject ? `${r.subject}${suffix}` : "", organizations: r.organizations.map((o) => `${o}${suffix}`) });
    }
  }
  const snap = new DataStore().replace(withRecords(base, [...others, ...prices]), "bundled");
  const options = [`basis=${m.basis || "none"}`, `currency=${m.unit.split("/")[0]}`, `unit=${m.unit.split("/")[1]}`, `type=${m.price_type}`, `grade=${m.grade || "none"}`].join("; ");
  const location = m.region || null;
  const start = isoToSerial(m.date)!;
  // 2,000 questions: a series and a day inside its history (Excel serials, as a sheet passes DATE())
  const queries = Array.from({ length: 2000 }, (_, i) => ({ product: `${m.product} #${(i * 7919) % SERIES}`, day: start + ((i * 31) % DAYS) + 0.0 }));
  const viaAdapter = (q: { product: string; day: number }) => evaluateMg("PRICE", [q.product, location, q.day, null, options], snap);

  // The baseline: the same answer by scanning every record per call (no index, no series).
  const all = snap.dataset.records;
  const serials = all.map((r) => (r.kind === "price" ? (isoToSerial(r.date) ?? -1) : -1));
  const scan = (q: { product: string; day: number }) => {
    let best: MgRecord | undefined;
    let bestDay = -1;
    for (let i = 0; i < all.length; i++) {
      const r = all[i];
      if (serials[i] < 0 || serials[i] > q.day || r.product !== q.product || r.unit !== m.unit || r.basis !== m.basis || r.price_type !== m.price_type || r.grade !== m.grade || r.region !== m.region) continue;
      if (serials[i] >= bestDay) {
        best = r;
        bestDay = serials[i];
      }
    }
    return best ? { value: best.value_max === null ? best.value : ((best.value as number) + best.value_max) / 2 } : { error: "not_available" };
  };
  // both must give the same answers before their speed means anything
  for (const q of queries.slice(0, 50)) {
    const a = viaAdapter(q) as { value?: unknown; message?: string };
    const b = scan(q) as { value?: unknown };
    if (a.value !== b.value) throw new Error(`MG.PRICE and the scan disagree for ${JSON.stringify(q)}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
  }
  rate(queries, viaAdapter, 200); // warm-up
  const pricePerS = rate(queries, viaAdapter, 1500);
  const scanPerS = rate(queries.slice(0, 10), scan, 1500);

  // a 5-year daily history of one series (1,826 days), spilled by MG.PRICES
  const fiveYears = new DataStore().replace(withRecords(base, priceRecords(m, 1, 1826, "bench-5y-")), "bundled");
  const spillArgs = [`${m.product} #0`, location, null, null, options];
  evaluateMg("PRICES", spillArgs, fiveYears);
  let rows = 0;
  const spillMs = median(
    Array.from({ length: 25 }, () => {
      const t = process.hrtime.bigint();
      const a = evaluateMg("PRICES", spillArgs, fiveYears) as { value: unknown[][] };
      rows = a.value.length - 1;
      return Number(process.hrtime.bigint() - t) / 1e6;
    }),
  );
  return {
    dataset: `${snap.dataset.records.length} records, ${prices.length} of them prices in ${SERIES} synthetic series of ${DAYS} days (copies of one bundled price: "${m.product}", ${m.unit})`,
    price_calls_per_s: Math.round(pricePerS),
    price_call: "MG.PRICE(product, location, day as an Excel serial, , options picking one series) through evaluateMg",
    scan_baseline_calls_per_s: Math.round(scanPerS),
    baseline: "same answer by scanning every record per call (dates parsed once up front), same run",
    ratio_vs_scan: Math.round(pricePerS / scanPerS),
    prices_spill_5y_daily_ms: +spillMs.toFixed(2),
    load_average_1min: +require("os").loadavg()[0].toFixed(2),
    prices_spill_rows: rows,
    goals: { price_calls_per_s: ">= 1000000", prices_spill_5y_daily_ms: "< 5" },
    pass: { price_calls_per_s: pricePerS >= 1_000_000, prices_spill_5y_daily_ms: spillMs < 5 },
  };
}
