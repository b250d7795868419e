// Time and memory of each hostile network case: wall time, and the process's peak RSS above where the
// case began (sampled every 10 ms; the GC may lower it later, so this is an upper bound of what the case
// held). Each suite prints its table at the end and writes it to test-results/ for the hostile-case table.
import * as fs from "fs";
import * as path from "path";

export interface Figure {
  case: string;
  ms: number;
  /** Peak RSS above the start of the case, MB. */
  rssMB: number;
}

export function figures(suite: string): { measure<T>(name: string, fn: () => Promise<T>): Promise<T>; report(): void } {
  const rows: Figure[] = [];
  return {
    async measure(name, fn) {
      const start = process.memoryUsage().rss;
      let peak = start;
      const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
      const t0 = performance.now();
      try {
        return await fn();
      } finally {
        clearInterval(sample);
        peak = Math.max(peak, process.memoryUsage().rss);
        rows.push({ case: name, ms: Math.round(performance.now() - t0), rssMB: Math.round(((peak - start) / (1024 * 1024)) * 10) / 10 });
      }
    },
    report() {
      if (!rows.length) return;
      const dir = path.join(__dirname, "../../test-results");
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, `${suite}.json`), JSON.stringify(rows, null, 2) + "\n");
      process.stdout.write(`\n${suite}: time and peak RSS growth per case\n${rows.map((r) => `  ${r.case}: ${r.ms} ms, +${r.rssMB} MB`).join("\n")}\n`);
    },
  };
}
