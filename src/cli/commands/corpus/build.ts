// `mg corpus build [PATH|URL...] --out FILE.json [--csv FILE.csv] [--max-bytes N] [--version V] [--verbose]`
// Reads every file under the given paths (default ../shared/corpus next to the repo) and WordPress REST
// collection URLs, and writes the dataset. One line per input that could not be read; exit 1 only when
// no input could be read (and then nothing is written: a bad run never replaces a good dataset).
import * as fs from "fs";
import * as path from "path";
import { buildDataset, BuildInput, serializeDataset } from "../../../core/corpus/build";
import { DEFAULT_MAX_BYTES, formatBytes, isNonArticleName, tooLargeMessage } from "../../../core/corpus/readers";
import { readWordPressCollection, WORDPRESS_DEFAULTS, WordPressFetchOptions } from "../../../core/corpus/sources/wordpressApi";
import type { InputProblem } from "../../../core/corpus/types";
import { recordsToCsv } from "../../../core/model/csv";
import { RECORD_KINDS } from "../../../core/model/record";

export const REPO_ROOT = path.resolve(__dirname, "../../../..");
export const DEFAULT_CORPUS_DIR = path.resolve(REPO_ROOT, "../shared/corpus");
export const DEFAULT_OUT = path.join(REPO_ROOT, "src/data/dataset.json");

const USAGE = `usage: mg corpus build [PATH|URL...] [--out FILE.json] [--csv FILE.csv] [--max-bytes N] [--version V] [--verbose]
                        [--max-pages N] [--max-page-bytes N] [--timeout SECONDS] [--deadline SECONDS]
  PATH       a file or a folder (read recursively); default ../shared/corpus next to the repo
  URL        a WordPress REST collection, e.g. https://site/wp-json/wp/v2/posts
  --out      dataset JSON to write (default src/data/dataset.json)
  --csv      also write the records as CSV
  --max-bytes  largest article accepted, in bytes (default ${DEFAULT_MAX_BYTES}, ${formatBytes(DEFAULT_MAX_BYTES)}); 512k / 8m also work
  --version  set the dataset version instead of <as_of>.<hash>
  --verbose  also list files skipped on purpose (README, hidden files)
 For each URL:
  --max-pages       pages read at most (default ${WORDPRESS_DEFAULTS.maxPages}); pages left unread are a problem line
  --max-page-bytes  largest page accepted (default ${formatBytes(WORDPRESS_DEFAULTS.maxPageBytes)}); 512k / 8m also work
  --timeout         idle timeout: a request that sends nothing for this long fails (default ${WORDPRESS_DEFAULTS.timeoutMs / 1000} s)
  --deadline        total deadline: the whole collection is read within this (default ${WORDPRESS_DEFAULTS.deadlineMs / 1000} s)
  Redirects: at most ${WORDPRESS_DEFAULTS.maxRedirects}, http(s) only, never https -> http; JSON nested over ${WORDPRESS_DEFAULTS.maxDepth} levels is refused.`;

export interface CollectedInputs {
  inputs: BuildInput[];
  problems: InputProblem[];
  /** Files skipped on purpose (documentation, hidden files), for --verbose. */
  skipped: string[];
  /** origin -> path to show the user. */
  display: Map<string, string>;
}

function walk(dir: string, rel: string, out: { abs: string; rel: string }[]): void {
  const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const abs = path.join(dir, e.name);
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) {
      if (!e.name.startsWith(".") && e.name !== "node_modules") walk(abs, r, out);
    } else out.push({ abs, rel: r });
  }
}

/**
 * Files under the given paths as build inputs. The origin of a file is its path relative to the folder
 * argument, prefixed by that folder's name ("corpus/a.txt"), so the dataset does not depend on where the
 * folder or the working directory is. Files over `maxBytes` are reported without being read.
 */
export function collectFileInputs(paths: string[], maxBytes: number, cwd = process.cwd(), exclude: string[] = []): CollectedInputs {
  const excluded = new Set(exclude.map((e) => path.resolve(cwd, e)));
  const result: CollectedInputs = { inputs: [], problems: [], skipped: [], display: new Map() };
  for (const p of paths) {
    const abs = path.resolve(cwd, p);
    if (!fs.existsSync(abs)) {
      result.problems.push({ origin: p, message: "does not exist" });
      continue;
    }
    const files: { abs: string; rel: string }[] = [];
    if (fs.statSync(abs).isDirectory()) walk(abs, path.basename(abs), files);
    else files.push({ abs, rel: path.basename(abs) });
    for (const f of files) {
      if (excluded.has(f.abs)) continue;
      const shown = path.relative(cwd, f.abs) || f.abs;
      result.display.set(f.rel, shown);
      if (isNonArticleName(f.rel)) {
        result.skipped.push(shown);
        continue;
      }
      const size = fs.statSync(f.abs).size;
      if (size > maxBytes) {
        result.problems.push({ origin: f.rel, message: tooLargeMessage(size, maxBytes) });
        continue;
      }
      result.inputs.push({ origin: f.rel, bytes: new Uint8Array(fs.readFileSync(f.abs)) });
    }
  }
  return result;
}

function parseSize(s: string | undefined): number | null {
  const m = /^(\d+(?:\.\d+)?)\s*([kmg]?)b?$/i.exec((s ?? "").trim());
  if (!m) return null;
  const mult = { "": 1, k: 1024, m: 1024 * 1024, g: 1024 * 1024 * 1024 }[m[2].toLowerCase() as "" | "k" | "m" | "g"];
  const n = Math.floor(parseFloat(m[1]) * mult);
  return n > 0 ? n : null;
}

interface Args {
  paths: string[];
  out: string;
  csv?: string;
  maxBytes: number;
  version?: string;
  verbose: boolean;
  wordpress: WordPressFetchOptions;
}

function secondsArg(flag: string, raw: string | undefined): number | string {
  const n = Number(raw);
  if (raw === undefined || raw.trim() === "" || !(n > 0) || n > 86_400) return `${flag} expects a number of seconds between 0 and 86400, not "${raw ?? ""}"`;
  return Math.round(n * 1000);
}

function parseArgs(args: string[]): Args | string {
  const a: Args = { paths: [], out: DEFAULT_OUT, maxBytes: DEFAULT_MAX_BYTES, verbose: false, wordpress: {} };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const [flag, inline] = arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    const value = () => inline ?? args[++i];
    if (flag === "--out") a.out = value() ?? "";
    else if (flag === "--csv") a.csv = value() ?? "";
    else if (flag === "--version") a.version = value() ?? "";
    else if (flag === "--verbose" || flag === "-v") a.verbose = true;
    else if (flag === "--max-bytes") {
      const raw = value();
      const n = parseSize(raw);
      if (n === null) return `--max-bytes expects a positive size such as 8388608 or 8m, not "${raw ?? ""}"`;
      a.maxBytes = n;
    } else if (flag === "--max-page-bytes") {
      const raw = value();
      const n = parseSize(raw);
      if (n === null) return `--max-page-bytes expects a positive size such as 8388608 or 8m, not "${raw ?? ""}"`;
      a.wordpress.maxPageBytes = n;
    } else if (flag === "--max-pages") {
      const raw = value();
      const n = Number(raw);
      if (!Number.isInteger(n) || n < 1 || n > 1_000_000) return `--max-pages expects a whole number from 1 to 1000000, not "${raw ?? ""}"`;
      a.wordpress.maxPages = n;
    } else if (flag === "--timeout" || flag === "--deadline") {
      const ms = secondsArg(flag, value());
      if (typeof ms === "string") return ms;
      if (flag === "--timeout") a.wordpress.timeoutMs = ms;
      else a.wordpress.deadlineMs = ms;
    } else if (flag.startsWith("-")) return `unknown option ${flag}`;
    else a.paths.push(arg);
  }
  if (!a.out) return "--out expects a file name";
  if (a.csv === "") return "--csv expects a file name";
  if (a.version === "") return "--version expects a value";
  return a;
}

function writeAtomically(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, file);
}

export async function run(argv: string[]): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h")) {
    console.log(USAGE);
    return 0;
  }
  const args = parseArgs(argv);
  if (typeof args === "string") {
    console.error(`mg corpus build: ${args}\n${USAGE}`);
    return 2;
  }
  const urls = args.paths.filter((p) => /^https?:\/\//i.test(p));
  let files = args.paths.filter((p) => !/^https?:\/\//i.test(p));
  if (args.paths.length === 0) files = [DEFAULT_CORPUS_DIR];

  // The files this run writes are never its inputs, even when they sit in an input folder.
  const collected = collectFileInputs(files, args.maxBytes, process.cwd(), [args.out, ...(args.csv ? [args.csv] : [])]);
  const inputs = [...collected.inputs];
  const problems = [...collected.problems];
  for (const url of urls) {
    try {
      const { items, unread } = await readWordPressCollection(url, args.wordpress);
      for (const item of items) inputs.push({ origin: item.origin, bytes: new TextEncoder().encode(item.text) });
      if (items.length === 0) problems.push({ origin: url, message: "returned no items" });
      if (unread) problems.push({ origin: url, message: `was read only in part: ${unread} (--max-pages raises the limit)` });
    } catch (e) {
      problems.push({ origin: url, message: `could not be read: ${e instanceof Error ? e.message : String(e)}` });
    }
  }
  if (args.verbose) for (const s of collected.skipped) console.log(`skipped ${s}: not an article (documentation or hidden file)`);

  let built;
  try {
    built = buildDataset(inputs, { maxBytes: args.maxBytes, version: args.version });
  } catch (e) {
    console.error(`mg corpus build: the pipeline produced an invalid dataset, nothing written: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
  const allProblems = [...problems, ...built.problems];
  for (const p of allProblems) console.error(`problem: ${collected.display.get(p.origin.replace(/#\d+$/, "")) ?? p.origin} ${p.message}`);

  const { dataset } = built;
  const attempted = inputs.length + collected.problems.length + urls.length;
  console.log(`read ${built.read.length} of ${attempted} input(s): ${dataset.sources.length} article(s)`);
  if (built.read.length === 0) {
    console.error(`mg corpus build: no input could be read; ${path.relative(process.cwd(), args.out) || args.out} left unchanged`);
    return 1;
  }
  const perKind = RECORD_KINDS.map((k) => `${k} ${dataset.records.filter((r) => r.kind === k).length}`).join(", ");
  console.log(`records: ${dataset.count} (${perKind})`);
  const out = path.resolve(args.out);
  writeAtomically(out, serializeDataset(dataset));
  console.log(`wrote ${path.relative(process.cwd(), out) || out} (version ${dataset.version}, as of ${dataset.as_of || "undated"})`);
  if (args.csv) {
    const csv = path.resolve(args.csv);
    writeAtomically(csv, recordsToCsv(dataset.records) + "\r\n");
    console.log(`wrote ${path.relative(process.cwd(), csv) || csv}`);
  }
  console.log(`problems: ${allProblems.length === 0 ? "none" : allProblems.length}`);
  return 0;
}
