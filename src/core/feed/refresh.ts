// refreshFromFeed: the verified feed, compared with the data in use. Pure: it changes nothing itself;
// the caller swaps the result in (see controller.ts), so a failure anywhere leaves the data untouched.
//
// Two clocks bound a refresh: the idle timeout of each request (`timeoutMs`, no byte for that long:
// fetch.ts) and the total deadline of the whole refresh, download and checks together (`deadlineMs`,
// here), so a server that sends one byte per idle interval cannot keep it running.
import { Dataset } from "../model/dataset";
import { diffRecords, DatasetDiff } from "./diff";
import { FeedError } from "./errors";
import { seconds } from "./fetch";
import { DEFAULT_TIMEOUT_MS, loadFeed, LoadedFeed, LoadFeedOptions } from "./load";
import { FeedManifest } from "./manifest";
import { compareVersions, describeVersion, VersionInfo, VersionOrder } from "./version";

/** The whole refresh (every file downloaded and checked) must end within this: 5 minutes. */
export const DEFAULT_DEADLINE_MS = 5 * 60_000;

export interface CurrentData extends VersionInfo {
  /** The dataset in use, to compute what changed. */
  dataset?: Dataset;
}

export interface DeadlineOptions {
  /** Total deadline of the whole load, in ms (default DEFAULT_DEADLINE_MS). */
  deadlineMs?: number;
}

export interface RefreshOptions extends Omit<LoadFeedOptions, "beforeDownload">, DeadlineOptions {
  /** Use the feed even when it is older than the data in use. */
  allowDowngrade?: boolean;
  /** What is in use now; without it every feed is taken as newer. */
  current?: CurrentData;
}

export interface RefreshResult {
  dataset: Dataset;
  diff: DatasetDiff;
  manifest: FeedManifest;
  /** "newer", or "older" when a downgrade was allowed. */
  order: Exclude<VersionOrder, "same">;
}

/** loadFeed under a total deadline as well as its idle timeout; a deadline that passes is a "timeout" FeedError saying so. */
export async function loadFeedWithin(feedUrl: string, opts: LoadFeedOptions & DeadlineOptions = {}): Promise<LoadedFeed> {
  const deadlineMs = opts.deadlineMs ?? DEFAULT_DEADLINE_MS;
  const outer = opts.signal;
  if (outer?.aborted) return loadFeed(feedUrl, opts); // reports the cancel as loadFeed does
  const controller = new AbortController();
  let expired = false;
  const timer = setTimeout(() => {
    expired = true;
    controller.abort();
  }, deadlineMs);
  const onAbort = () => controller.abort();
  outer?.addEventListener("abort", onAbort, { once: true });
  try {
    return await loadFeed(feedUrl, { ...opts, signal: controller.signal });
  } catch (e) {
    if (expired && !outer?.aborted) {
      const idle = seconds(opts.timeoutMs ?? DEFAULT_TIMEOUT_MS);
      throw new FeedError(
        "timeout",
        `The feed at ${feedUrl} was not read and checked within the total deadline of ${seconds(deadlineMs)} (each request may also stall ${idle} at most), so it was stopped and not used.`,
      );
    }
    throw e;
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener("abort", onAbort);
  }
}

export async function refreshFromFeed(feedUrl: string, opts: RefreshOptions = {}): Promise<RefreshResult> {
  const { current, allowDowngrade } = opts;
  let order: Exclude<VersionOrder, "same"> = "newer";
  const { manifest, dataset } = await loadFeedWithin(feedUrl, {
    ...opts,
    beforeDownload(m) {
      if (!current) return;
      const o = compareVersions(m, current, (opts.now ?? Date.now)());
      if (o === "same") {
        throw new FeedError("up_to_date", `The data in use is already version ${describeVersion(current)}, the same as the feed, so nothing was changed.`);
      }
      if (o === "older" && !allowDowngrade) {
        throw new FeedError(
          "downgrade",
          `The feed's version ${describeVersion(m)} is older than the data in use, version ${describeVersion(current)}, so it was not used: allow a downgrade to use it anyway.`,
        );
      }
      order = o;
    },
  });
  const diff = diffRecords(current?.dataset?.records ?? [], dataset.records);
  return { dataset, diff, manifest, order };
}
