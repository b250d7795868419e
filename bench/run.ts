// `npm run bench`: runs every bench/*.bench.ts (or those named on the command line) and writes
// their figures to bench/results.json as well as the terminal. Each bench file exports
// `run(): Promise<Record<string, unknown>>`; its figures are stored under the file's name.
import * as fs from "fs";
import * as path from "path";

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith(".bench.ts"))
    .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
    .sort();
  const out = path.join(__dirname, "results.json");
  const results: Record<string, unknown> = fs.existsSync(out) ? JSON.parse(fs.readFileSync(out, "utf8")) : {};
  results.machine = { node: process.version, platform: process.platform, arch: process.arch, cpus: require("os").cpus().length };
  results.measured_at = new Date().toISOString();
  for (const f of files) {
    const name = f.replace(/\.bench\.ts$/, "");
    console.log(`\n== ${name}`);
    const mod = require(path.join(__dirname, f)) as { run(): Promise<Record<string, unknown>> };
    const figures = await mod.run();
    results[name] = figures;
    console.log(JSON.stringify(figures, null, 2));
  }
  fs.writeFileSync(out, JSON.stringify(results, null, 2) + "\n");
  console.log(`\nwritten to ${path.relative(process.cwd(), out)}`);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
