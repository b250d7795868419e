// `mg feed check URL|DIR`: the add-in's verification from the command line (maintainers, CI). Exits 1
// with the same one-sentence message the pane would show when the feed is bad; prints version and count
// when it is good. A directory is read through file: URLs with the same size, hash and parse checks.
import * as fs from "fs";
import * as path from "path";
import { pathToFileURL, fileURLToPath } from "url";
import { DEFAULT_TIMEOUT_MS } from "../../../core/feed/load";
import { DEFAULT_DEADLINE_MS, loadFeedWithin } from "../../../core/feed/refresh";
import { FeedError } from "../../../core/feed/errors";
import type { FetchLike } from "../../../core/feed/fetch";
import { parseFlags } from "./publish";

const USAGE = `usage: mg feed check URL|DIR [--timeout SECONDS] [--deadline SECONDS]
  --timeout   idle timeout: a request that sends nothing for this long fails (default ${DEFAULT_TIMEOUT_MS / 1000})
  --deadline  total deadline: the whole check, every file downloaded and verified, ends within this (default ${DEFAULT_DEADLINE_MS / 1000})
  Redirects: at most 5, each to https (or http on localhost, 127.0.0.1, [::1]), never https -> http.`;

/** A number of seconds from an option, or an error sentence. */
export function secondsOption(name: string, raw: string | undefined): number | undefined | string {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!(n > 0) || !Number.isFinite(n) || n > 86_400) return `--${name} must be a number of seconds between 0 and 86400, not "${raw}"`;
  return Math.round(n * 1000);
}

/** fetch for http(s) and file: URLs (Node's fetch has no file: support). A missing file fails like a network error. */
export const fetchWithFiles: FetchLike = async (input, init) => {
  if (!input.startsWith("file:")) return fetch(input, init);
  const file = fileURLToPath(input);
  try {
    const bytes = await fs.promises.readFile(file);
    return new Response(new Uint8Array(bytes), { status: 200, headers: { "content-length": String(bytes.byteLength) } });
  } catch (e) {
    throw new TypeError("fetch failed", { cause: e });
  }
};

export function feedLocation(arg: string): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(arg)) return arg;
  const dir = path.resolve(arg);
  const href = pathToFileURL(dir).href;
  return fs.existsSync(dir) && fs.statSync(dir).isFile() ? href : href.replace(/\/?$/, "/");
}

export async function run(args: string[]): Promise<number> {
  if (args.includes("--help") || args.includes("-h")) {
    console.log(USAGE);
    return 0;
  }
  const { flags, rest, error } = parseFlags(args, ["timeout", "deadline"]);
  if (error || rest.length !== 1) {
    console.error(`mg feed check: ${error ?? "give one feed URL or directory"}\n${USAGE}`);
    return 2;
  }
  const timeoutMs = secondsOption("timeout", flags.timeout);
  const deadlineMs = secondsOption("deadline", flags.deadline);
  for (const v of [timeoutMs, deadlineMs]) {
    if (typeof v === "string") {
      console.error(`mg feed check: ${v}\n${USAGE}`);
      return 2;
    }
  }
  try {
    const { manifest, dataset } = await loadFeedWithin(feedLocation(rest[0]), {
      fetch: fetchWithFiles,
      timeoutMs: timeoutMs as number | undefined,
      deadlineMs: deadlineMs as number | undefined,
    });
    console.log(
      `ok: version ${manifest.version}, as of ${manifest.as_of}, ${dataset.records.length} records from ${dataset.sources.length} sources, published ${manifest.generated_at}`,
    );
    return 0;
  } catch (e) {
    console.error(e instanceof FeedError ? e.message : `mg feed check: ${(e as Error).message}`);
    return 1;
  }
}
