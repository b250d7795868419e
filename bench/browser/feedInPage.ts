// Runs in Chromium (bundled by bench/feed.bench.ts with esbuild): the same figures as the Node bench,
// in the engine the add-in runs in. The page fetches records.csv once, then per run: papaparse on the
// decoded text (the baseline), TextDecoder + papaparse (the same file from its bytes), and the add-in's
// verify + parse + validate + index (on the page's thread, in time slices).
import Papa from "papaparse";
import { verifyRecordsFile } from "../../src/core/feed/load";
import type { FeedFile } from "../../src/core/feed/manifest";
import { RecordIndex, RecordIndexBuilder } from "../../src/core/query/recordIndex";
import type { Dataset } from "../../src/core/model/dataset";

interface PageFigures {
  raw: number[];
  rawFromBytes: number[];
  refresh: number[];
  /** The longest task on the page's thread during each refresh (what a click waits for at worst), ms. */
  longestTask: number[];
}

/** Runs fn and returns [its wall time, the longest task the page's thread ran meanwhile] (longtask entries, >= 50 ms). */
async function timedWithLongestTask(fn: () => Promise<unknown>): Promise<[number, number]> {
  let longest = 0;
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longest = Math.max(longest, e.duration);
  });
  observer.observe({ entryTypes: ["longtask"] });
  const s = performance.now();
  await fn();
  const wall = performance.now() - s;
  await new Promise((r) => setTimeout(r, 0));
  for (const e of observer.takeRecords()) longest = Math.max(longest, e.duration);
  observer.disconnect();
  return [wall, longest];
}

async function run(entry: FeedFile, count: number, runs: number): Promise<PageFigures> {
  const bytes = new Uint8Array(await (await fetch("/records.csv")).arrayBuffer());
  const text = new TextDecoder().decode(bytes);
  const out: PageFigures = { raw: [], rawFromBytes: [], refresh: [], longestTask: [] };
  const refresh = async (): Promise<number> => {
    const builder = new RecordIndexBuilder();
    const records = await verifyRecordsFile(bytes, entry, count, { onRecord: (r) => builder.add(r) });
    const dataset: Dataset = { schema_version: 1, version: "bench", as_of: "", count: records.length, sources: [], records };
    return new RecordIndex(dataset, undefined, builder).records.length;
  };
  const time = async (fn: () => unknown): Promise<number> => {
    await new Promise((r) => setTimeout(r, 50)); // let the previous run's garbage go
    const s = performance.now();
    await fn();
    return performance.now() - s;
  };
  for (let i = 0; i < runs + 1; i++) {
    const raw = await time(() => Papa.parse<string[]>(text, { header: false, skipEmptyLines: true }).data.length);
    const rawFromBytes = await time(() => Papa.parse<string[]>(new TextDecoder().decode(bytes), { header: false, skipEmptyLines: true }).data.length);
    await time(() => undefined);
    const [refreshed, longest] = await timedWithLongestTask(refresh);
    if (i === 0) continue; // warm-up
    out.raw.push(raw);
    out.rawFromBytes.push(rawFromBytes);
    out.refresh.push(refreshed);
    out.longestTask.push(longest);
  }
  return out;
}

(window as unknown as { feedBench: typeof run }).feedBench = run;
