// refreshFromFeed: the verified feed, compared with the data in use. Pure: it changes nothing itself;
// the caller swaps the result in (see controller.ts), so a failure anywhere leaves the data untouched.
import { Dataset } from "../model/dataset";
import { diffRecords, DatasetDiff } from "./diff";
import { FeedError } from "./errors";
import { loadFeed, LoadFeedOptions } from "./load";
import { FeedManifest } from "./manifest";
import { compareVersions, describeVersion, VersionInfo, VersionOrder } from "./version";

export interface CurrentData extends VersionInfo {
  /** The dataset in use, to compute what changed. */
  dataset?: Dataset;
}

export interface RefreshOptions extends Omit<LoadFeedOptions, "beforeDownload"> {
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

export async function refreshFromFeed(feedUrl: string, opts: RefreshOptions = {}): Promise<RefreshResult> {
  const { current, allowDowngrade } = opts;
  let order: Exclude<VersionOrder, "same"> = "newer";
  const { manifest, dataset } = await loadFeed(feedUrl, {
    ...opts,
    beforeDownload(m) {
      if (!current) return;
      const o = compareVersions(m, current);
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
