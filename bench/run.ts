// `npm run bench`: runs every bench/*.bench.ts (or those named on the command line), each in a process of
// its own, and writes their figures to bench/results.json as well as the terminal. Each bench file exports
// `run(): Promise<Record<string, unknown>>`; its figures are stored under the file's name.
//
// Each bench file is bundled first (esbuild, our sources concatenated, packages left to node_modules), as
// webpack bundles the add-in: run through tsx's per-module CommonJS instead, every call across modules
// goes through an export getter, which costs a scalar MG call about two thirds of its speed and is not
// what Excel runs. The bundle sits beside its source (bench/.<name>.bundle.js), so __dirname is the same.
import * as fs from "fs";
import * as path from "path";

function bundled(file: string): string {
  const esbuild = require("esbuild") as typeof import("esbuild");
  const outfile = path.join(__dirname, `.${file.replace(/\.ts$/, "")}.bundle.js`);
  esbuild.buildSync({ entryPoints: [path.join(__dirname, file)], outfile, bundle: true, platform: "node", format: "cjs", target: "node20", packages: "external", sourcemap: "inline", logLevel: "error" });
  return outfile;
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith(".bench.ts"))
    .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
    .sort();
  if (files.length > 1) {
    // Each bench in a process of its own: one bench's heap (the feed's 100k records, 900 MB RSS) would
    // otherwise slow the next one's collector and its CPU figures (the pathological bench read 17 ms/KB after
    // the others, 5 ms/KB alone). Each child writes its own key of results.json, one after the other.
    const { spawnSync } = require("child_process") as typeof import("child_process");
    let failed = false;
    for (const f of files) {
      const r = spawnSync(process.execPath, [...process.execArgv, __filename, f.replace(/\.bench\.ts$/, "")], { stdio: "inherit" });
      if (r.status !== 0) failed = true;
    }
    if (failed) process.exitCode = 1;
    return;
  }
  const out = path.join(__dirname, "results.json");
  const results: Record<string, unknown> = fs.existsSync(out) ? JSON.parse(fs.readFileSync(out, "utf8")) : {};
  results.machine = { node: process.version, platform: process.platform, arch: process.arch, cpus: require("os").cpus().length };
  results.measured_at = new Date().toISOString();
  for (const f of files) {
    const name = f.replace(/\.bench\.ts$/, "");
    console.log(`\n== ${name}`);
    const mod = require(bundled(f)) as { run(): Promise<Record<string, unknown>> };
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
