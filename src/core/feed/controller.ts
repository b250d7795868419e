// The refresh as the add-in runs it, host-neutral so it is tested in Node: verify the feed (refresh.ts),
// swap the new dataset into the store (which builds the index first and swaps in one assignment, so
// every MG function and the pane see the new data at once), persist it for the next session, recalculate.
// The store is touched only after the whole feed has been verified: a failure leaves the data in use.
import { Dataset, parseDataset } from "../model/dataset";
import { DatasetDiff, diffRecords } from "./diff";
import { asFeedError, FeedError, oneLine } from "./errors";
import type { FetchLike } from "./fetch";
import { checkFeedUrlPolicy, FeedLimits, FeedProgress } from "./load";
import { refreshFromFeed } from "./refresh";
import { compareVersions, describeVersion, VersionInfo } from "./version";
import { RecordIndexBuilder } from "../query/recordIndex";

/** What the controller needs of the DataStore (src/core/data/store.ts satisfies it). */
export interface DatasetTarget {
  current(): { dataset: Dataset; origin: "bundled" | "feed" } | undefined;
  /** `built`: the index's lists as built while the records were read (the store may use it or not). */
  replace(dataset: Dataset, origin: "bundled" | "feed", built?: RecordIndexBuilder): unknown;
}

/** The feed a dataset in use came from. */
export interface FeedMeta {
  version: string;
  as_of: string;
  generated_at: string;
  count: number;
  feedUrl: string;
  /** The user allowed this feed although it was older than the data then in use. */
  downgrade: boolean;
}

export interface StoredFeedData {
  format: 1;
  savedAt: string;
  meta: FeedMeta;
  dataset: Dataset;
}

/** Where a refreshed dataset survives the session (IndexedDB in the add-in, memory in tests). */
export interface FeedDataPersistence {
  load(): Promise<unknown>;
  save(data: StoredFeedData): Promise<void>;
  clear(): Promise<void>;
}

export interface RefreshSuccess {
  meta: FeedMeta;
  diff: DatasetDiff;
  /** Saved for the next session; false with saveError when the store refused. */
  saved: boolean;
  saveError?: string;
  /** MG formulas were recalculated (false outside Excel). */
  recalculated: boolean;
}

export type RefreshStatus =
  | { state: "idle"; message?: string }
  | { state: "running"; progress: FeedProgress; cancellable: boolean }
  | { state: "updated"; result: RefreshSuccess; message: string }
  | { state: "up_to_date"; message: string }
  | { state: "error"; code: FeedError["code"]; message: string }
  | { state: "reverted"; message: string; diff?: DatasetDiff };

export interface RefreshControllerDeps {
  store: DatasetTarget;
  loadBundled: () => Promise<Dataset>;
  persistence?: FeedDataPersistence;
  /** Recalculates the MG formulas; resolves false when there is no workbook (preview mode). */
  recalculate?: () => Promise<boolean>;
  fetch?: FetchLike;
  timeoutMs?: number;
  limits?: Partial<FeedLimits>;
  /** Apply the pane's URL rule (https, or http on localhost); on by default. */
  enforceUrlPolicy?: boolean;
}

const MAX_STATUS_LISTENERS_WARN = 100;

export class RefreshController {
  private status: RefreshStatus = { state: "idle" };
  private listeners = new Set<(s: RefreshStatus) => void>();
  private abort: AbortController | undefined;
  private running: Promise<RefreshStatus> | undefined;
  private meta: FeedMeta | undefined;

  constructor(private readonly deps: RefreshControllerDeps) {}

  getStatus(): RefreshStatus {
    return this.status;
  }

  subscribe(listener: (s: RefreshStatus) => void): () => void {
    this.listeners.add(listener);
    if (this.listeners.size > MAX_STATUS_LISTENERS_WARN) this.listeners.delete(this.listeners.values().next().value!);
    return () => this.listeners.delete(listener);
  }

  /** The feed the data in use came from, or undefined when the bundled data is in use. */
  feedMeta(): FeedMeta | undefined {
    return this.deps.store.current()?.origin === "feed" ? this.meta : undefined;
  }

  isRunning(): boolean {
    return this.running !== undefined;
  }

  private set(s: RefreshStatus): RefreshStatus {
    this.status = s;
    for (const l of [...this.listeners]) {
      try {
        l(s);
      } catch {
        // a broken listener must not break the refresh
      }
    }
    return s;
  }

  private currentVersion(): (VersionInfo & { dataset: Dataset }) | undefined {
    const snap = this.deps.store.current();
    if (!snap) return undefined;
    const meta = snap.origin === "feed" ? this.meta : undefined;
    return { version: snap.dataset.version, as_of: snap.dataset.as_of, generated_at: meta?.generated_at, dataset: snap.dataset };
  }

  /** Cancels a refresh in progress (until the swap: after it, the refresh completes). */
  cancel(): void {
    this.abort?.abort();
  }

  refresh(feedUrl: string, opts: { allowDowngrade?: boolean } = {}): Promise<RefreshStatus> {
    if (this.running) return this.running;
    const p = this.runRefresh(feedUrl, opts).finally(() => {
      this.running = undefined;
      this.abort = undefined;
    });
    this.running = p;
    return p;
  }

  private async runRefresh(feedUrl: string, opts: { allowDowngrade?: boolean }): Promise<RefreshStatus> {
    const abort = new AbortController();
    this.abort = abort;
    const progress = (p: FeedProgress, cancellable = true) => this.set({ state: "running", progress: p, cancellable });
    progress({ phase: "manifest", message: "Contacting the feed", fraction: 0 });
    const current = this.currentVersion();
    // The index is built as the records are read (see RecordIndexBuilder); kept only if the feed verifies.
    const builder = new RecordIndexBuilder();
    let result;
    try {
      if (this.deps.enforceUrlPolicy !== false) checkFeedUrlPolicy(feedUrl);
      result = await refreshFromFeed(feedUrl, {
        fetch: this.deps.fetch,
        signal: abort.signal,
        timeoutMs: this.deps.timeoutMs,
        limits: this.deps.limits,
        onRecord: (r) => builder.add(r),
        onProgress: (p) => progress(p),
        allowDowngrade: opts.allowDowngrade,
        current,
      });
      if (abort.signal.aborted) throw new FeedError("cancelled", "The refresh was cancelled, so the data in use is unchanged.");
    } catch (e) {
      const err = asFeedError(e);
      if (err.code === "up_to_date") return this.set({ state: "up_to_date", message: err.message });
      return this.set({ state: "error", code: err.code, message: err.message });
    }

    // Past this point the refresh is no longer cancellable: the verified data goes in as a whole.
    progress({ phase: "swap", message: "Building the index and switching to the new data", fraction: 0.92 }, false);
    await new Promise((resolve) => setTimeout(resolve, 0)); // let the pane show it: the swap below is synchronous
    // Diff against what is in use at the moment of the swap (it may have changed during the download).
    const before = this.deps.store.current()?.dataset;
    const diff = before && before !== current?.dataset ? diffRecords(before.records, result.dataset.records) : result.diff;
    try {
      this.deps.store.replace(result.dataset, "feed", builder);
    } catch (e) {
      return this.set({
        state: "error",
        code: "internal",
        message: `The new data could not be put in use (${oneLine((e as Error).message, 120)}), so the data in use is unchanged.`,
      });
    }
    const meta: FeedMeta = {
      version: result.manifest.version,
      as_of: result.manifest.as_of,
      generated_at: result.manifest.generated_at,
      count: result.manifest.count,
      feedUrl,
      downgrade: result.order === "older",
    };
    this.meta = meta;

    progress({ phase: "save", message: "Saving the new data for the next session", fraction: 0.95 }, false);
    let saved = false;
    let saveError: string | undefined;
    if (this.deps.persistence) {
      try {
        await this.deps.persistence.save({ format: 1, savedAt: new Date().toISOString(), meta, dataset: result.dataset });
        saved = true;
      } catch (e) {
        saveError = oneLine(e instanceof Error ? e.message : String(e), 120);
      }
    }
    progress({ phase: "recalc", message: "Recalculating MG formulas", fraction: 0.98 }, false);
    const recalculated = await this.recalc();
    const counts = `${diff.added} added, ${diff.changed} changed, ${diff.removed} removed`;
    const tail = saveError ? ` It is in use now but could not be saved for the next session (${saveError}).` : "";
    return this.set({
      state: "updated",
      result: { meta, diff, saved, saveError, recalculated },
      message: `Now using version ${describeVersion(meta)} with ${meta.count.toLocaleString("en-US")} records (${counts}).${tail}`,
    });
  }

  private idle(message: string): string {
    this.set({ state: "idle", message });
    return message;
  }

  private async recalc(): Promise<boolean> {
    if (!this.deps.recalculate) return false;
    try {
      return await this.deps.recalculate();
    } catch {
      return false;
    }
  }

  /** Puts the bundled dataset back in use and forgets the refreshed copy. */
  async revertToBundled(): Promise<RefreshStatus> {
    if (this.running) {
      this.cancel();
      await this.running.catch(() => undefined);
    }
    let bundled: Dataset;
    try {
      bundled = await this.deps.loadBundled();
    } catch (e) {
      return this.set({
        state: "error",
        code: "internal",
        message: `The bundled data could not be loaded (${oneLine((e as Error).message, 120)}), so the data in use is unchanged.`,
      });
    }
    const before = this.deps.store.current()?.dataset;
    try {
      this.deps.store.replace(bundled, "bundled");
    } catch (e) {
      return this.set({ state: "error", code: "internal", message: `The bundled data could not be put in use (${oneLine((e as Error).message, 120)}).` });
    }
    this.meta = undefined;
    let clearNote = "";
    try {
      await this.deps.persistence?.clear();
    } catch {
      clearNote = " The saved refreshed copy could not be removed, so it may come back next session.";
    }
    await this.recalc();
    const diff = before ? diffRecords(before.records, bundled.records) : undefined;
    return this.set({
      state: "reverted",
      diff,
      message: `Back to the bundled data, version ${describeVersion(bundled)} with ${bundled.records.length.toLocaleString("en-US")} records.${clearNote}`,
    });
  }

  /**
   * At startup: puts the refreshed dataset saved by an earlier session in use, validating it again.
   * A damaged copy is removed and the bundled data stays (the message says so). Returns a message, or
   * undefined when nothing was saved. `recalculate: false` when no MG formula has answered from the
   * bundled data yet (the functions wait for the restore at start-up), so no full recalculation is due.
   */
  async restore(opts: { recalculate?: boolean } = {}): Promise<string | undefined> {
    const p = this.deps.persistence;
    if (!p) return undefined;
    let raw: unknown;
    try {
      raw = await p.load();
    } catch (e) {
      return this.idle(`The refreshed data saved earlier could not be read (${oneLine((e as Error).message, 80)}), so the bundled data is in use.`);
    }
    if (raw === undefined || raw === null) return undefined;
    let stored: StoredFeedData;
    try {
      stored = validateStored(raw);
    } catch (e) {
      try {
        await p.clear();
      } catch {
        // nothing more to do: it will be refused again next time
      }
      return this.idle(`The refreshed data saved on this computer is damaged (${oneLine((e as Error).message, 100)}), so the bundled data is in use.`);
    }
    // An add-in update may bring bundled data newer than the copy refreshed earlier: the newer wins,
    // unless the user chose that older feed on purpose (a downgrade).
    if (!stored.meta.downgrade) {
      let bundled: Dataset | undefined;
      try {
        bundled = await this.deps.loadBundled();
      } catch {
        bundled = undefined; // cannot compare: the saved copy is still valid data
      }
      if (bundled && compareVersions(stored.meta, bundled) === "older") {
        try {
          await p.clear();
        } catch {
          // it will be compared (and refused) again next time
        }
        return this.idle(
          `The add-in's own data, version ${describeVersion(bundled)}, is newer than the refreshed data saved earlier, version ${describeVersion(stored.meta)}, so the bundled data is in use.`,
        );
      }
    }
    try {
      this.deps.store.replace(stored.dataset, "feed");
    } catch (e) {
      return this.idle(`The refreshed data saved earlier could not be put in use (${oneLine((e as Error).message, 80)}), so the bundled data is in use.`);
    }
    this.meta = stored.meta;
    if (opts.recalculate !== false) await this.recalc();
    return this.idle(`Using the refreshed data saved earlier: version ${describeVersion(stored.meta)} from ${stored.meta.feedUrl}.`);
  }
}

function validateStored(raw: unknown): StoredFeedData {
  if (typeof raw !== "object" || raw === null) throw new Error("not an object");
  const s = raw as Partial<StoredFeedData>;
  if (s.format !== 1) throw new Error("unknown format");
  const m = s.meta as Partial<FeedMeta> | undefined;
  if (!m || typeof m.version !== "string" || typeof m.as_of !== "string" || typeof m.generated_at !== "string" || typeof m.feedUrl !== "string") {
    throw new Error("its description is missing");
  }
  const dataset = parseDataset(s.dataset);
  if (dataset.version !== m.version) throw new Error(`it says version ${m.version} but holds ${dataset.version}`);
  return { format: 1, savedAt: String(s.savedAt ?? ""), meta: { ...(m as FeedMeta), count: dataset.records.length, downgrade: !!m.downgrade }, dataset };
}
