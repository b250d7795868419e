// Runs in Chromium (bundled by bench/feed.bench.ts with esbuild): the same figures as the Node bench,
// in the engine the add-in runs in. The page fetches records.csv once, then per run: papaparse on the
// file as a Blob (papaparse's file API: the goal's baseline), papaparse on the decoded text (the stricter
// comparison), and the add-in's
// verify + parse + validate + index (on the page's thread, in time slices).
import Papa from "papaparse";
import { verifyRecordsFile } from "../../src/core/feed/load";
import type { FeedFile } from "../../src/core/feed/manifest";
import { RecordIndex, RecordIndexBuilder } from "../../src/core/query/recordIndex";
import type { Dataset } from "../../src/core/model/dataset";

interface PageFigures {
  raw: number[];
  rawFile: number[];
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
  const out: PageFigures = { raw: [], rawFile: [], refresh: [], longestTask: [] };
  const file = new Blob([bytes as Uint8Array<ArrayBuffer>], { type: "text/csv" });
  const parseFile = () =>
    new Promise<number>((resolve, reject) => Papa.parse<string[]>(file as File, { header: false, skipEmptyLines: true, complete: (r) => resolve(r.data.length), error: reject }));
  // every measurement starts from a collected heap, as in Node (Chromium started with --expose-gc)
  const gc = () => (globalThis as { gc?: () => void }).gc?.();
  const refresh = async (): Promise<number> => {
    const builder = new RecordIndexBuilder();
    const records = await verifyRecordsFile(bytes, entry, count, { onRecord: (r) => builder.add(r) });
    const dataset: Dataset = { schema_version: 2, version: "bench", as_of: "", count: records.length, sources: [], records };
    return new RecordIndex(dataset, undefined, builder).records.length;
  };
  const time = async (fn: () => unknown): Promise<number> => {
    await new Promise((r) => setTimeout(r, 0));
    gc();
    const s = performance.now();
    await fn();
    return performance.now() - s;
  };
  for (let i = 0; i < runs + 1; i++) {
    const raw = await time(() => Papa.parse<string[]>(text, { header: false, skipEmptyLines: true }).data.length);
    const rawFile = await time(parseFile);
    await time(() => undefined);
    const [refreshed, longest] = await timedWithLongestTask(refresh);
    if (i === 0) continue; // warm-up
    out.raw.push(raw);
    out.rawFile.push(rawFile);
    out.refresh.push(refreshed);
    out.longestTask.push(longest);
  }
  return out;
}

(window as unknown as { feedBench: typeof run }).feedBench = run;
