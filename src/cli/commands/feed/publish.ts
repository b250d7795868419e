// `mg feed publish --out DIR [--dataset FILE] [--generated-at ISO]`: writes the feed a static web server
// can host (manifest.json, dataset-info.json, records.csv). The files are written to a staging folder
// inside DIR and read back from the disk by the add-in's own loader (verifyPublishedFeed, the code of
// `mg feed check`); only a feed that reads back identical is renamed into place, data files first and the
// manifest last, so a client reading during a publish sees the old feed or the new. A failed publish
// removes the staging folder and leaves DIR as it was.
import * as fs from "fs";
import * as path from "path";
import { pathToFileURL } from "url";
import { publishFeed, verifyPublishedFeed } from "../../../core/feed/publish";
import { FeedError } from "../../../core/feed/errors";
import { fetchWithFiles } from "./check";

const USAGE = "usage: mg feed publish --out DIR [--dataset FILE (default src/data/dataset.json)] [--generated-at ISO-TIME]";

export function parseFlags(args: string[], known: string[]): { flags: Record<string, string>; rest: string[]; error?: string } {
  const flags: Record<string, string> = {};
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith("--")) {
      const [name, inline] = a.slice(2).split(/=(.*)/s, 2);
      if (!known.includes(name)) return { flags, rest, error: `unknown option --${name}` };
      const value = inline ?? args[++i];
      if (value === undefined) return { flags, rest, error: `--${name} needs a value` };
      flags[name] = value;
    } else rest.push(a);
  }
  return { flags, rest };
}

function shortPath(p: string): string {
  const rel = path.relative(process.cwd(), p);
  return rel === "" ? "." : rel.startsWith("..") ? p : rel;
}

export async function run(args: string[]): Promise<number> {
  if (args.includes("--help") || args.includes("-h")) {
    console.log(USAGE);
    return 0;
  }
  const { flags, rest, error } = parseFlags(args, ["out", "dataset", "generated-at"]);
  if (error || rest.length || !flags.out) {
    console.error(`mg feed publish: ${error ?? (rest.length ? `unexpected argument "${rest[0]}"` : "--out DIR is required")}\n${USAGE}`);
    return 2;
  }
  const datasetFile = path.resolve(flags.dataset ?? "src/data/dataset.json");
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(datasetFile, "utf8"));
  } catch (e) {
    console.error(`mg feed publish: cannot read the dataset ${path.relative(process.cwd(), datasetFile)} (${(e as Error).message}).`);
    return 1;
  }
  let generatedAt: Date | undefined;
  if (flags["generated-at"]) {
    generatedAt = new Date(flags["generated-at"]);
    if (Number.isNaN(generatedAt.getTime())) {
      console.error(`mg feed publish: --generated-at "${flags["generated-at"]}" is not a date and time.`);
      return 2;
    }
  }
  try {
    const feed = await publishFeed(json, { generatedAt });
    const out = path.resolve(flags.out);
    fs.mkdirSync(out, { recursive: true });
    const staging = fs.mkdtempSync(path.join(out, ".publishing-"));
    try {
      for (const f of feed.files) fs.writeFileSync(path.join(staging, f.name), f.bytes);
      await verifyPublishedFeed(pathToFileURL(staging).href + "/", feed, { fetch: fetchWithFiles });
      for (const f of feed.files) fs.renameSync(path.join(staging, f.name), path.join(out, f.name)); // manifest.json last
    } finally {
      fs.rmSync(staging, { recursive: true, force: true });
    }
    const m = feed.manifest;
    console.log(`published feed version ${m.version} (as of ${m.as_of}, ${m.count} records) to ${shortPath(out)}`);
    for (const f of m.files) console.log(`  ${f.name.padEnd(18)} ${String(f.bytes).padStart(10)} bytes  sha256 ${f.sha256}`);
    return 0;
  } catch (e) {
    console.error(e instanceof FeedError ? e.message : `mg feed publish: ${(e as Error).message}`);
    return 1;
  }
}
