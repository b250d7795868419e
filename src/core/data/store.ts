// DataStore: the dataset every MG function and the task pane answer from, with its index.
// One instance per JavaScript runtime (the shared runtime runs the functions and the pane together),
// kept on globalThis so that separately bundled scripts on the same page (functions.js, taskpane.js)
// still share it.
import type { Dataset } from "../model/dataset";
import { RecordIndex, RecordIndexBuilder } from "../query/recordIndex";

export type DataOrigin = "bundled" | "feed";

/** What is in use now: replaced as a whole, never mutated. */
export interface DataSnapshot {
  readonly dataset: Dataset;
  readonly index: RecordIndex;
  readonly origin: DataOrigin;
}

export type DataListener = (snapshot: DataSnapshot, previous: DataSnapshot | undefined) => void;

export class DataLoadTimeoutError extends Error {}

export class DataStore {
  private snapshot: DataSnapshot | undefined;
  private listeners = new Set<DataListener>();
  private waiters: Array<(s: DataSnapshot) => void> = [];
  private loadFailure: string | undefined;

  /** The data in use, or undefined before the first dataset is in. */
  current(): DataSnapshot | undefined {
    return this.snapshot;
  }

  /**
   * Put a dataset in use: the new index is built first (a dataset that fails to index leaves the
   * old one in use), then the snapshot is swapped in one assignment, then listeners are told.
   * The dataset must already be validated (parseDataset). `built`: the index's lists as built while the
   * records were read (a feed refresh), used only if it saw exactly these records.
   */
  replace(dataset: Dataset, origin: DataOrigin, built?: RecordIndexBuilder): DataSnapshot {
    const next: DataSnapshot = Object.freeze({ dataset, index: new RecordIndex(dataset, undefined, built), origin });
    const previous = this.snapshot;
    this.snapshot = next;
    this.loadFailure = undefined;
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w(next);
    for (const l of [...this.listeners]) {
      try {
        l(next, previous);
      } catch {
        // a failing listener must not stop the others nor undo the swap
      }
    }
    return next;
  }

  /**
   * Put a dataset in use only if none is yet: the bundled dataset loads at startup and must not
   * override a refreshed dataset that was restored first. Returns whether it was used.
   */
  initialize(dataset: Dataset, origin: DataOrigin): boolean {
    if (this.snapshot) return false;
    this.replace(dataset, origin);
    return true;
  }

  /** Record why the startup load failed, so waiting functions answer with the reason at once. */
  failLoad(reason: string): void {
    if (this.snapshot) return;
    this.loadFailure = reason;
    const waiters = this.waiters;
    this.waiters = [];
    // wake waiters; whenReady re-checks and rejects with the reason
    for (const w of waiters) w(undefined as unknown as DataSnapshot);
  }

  /** A new load attempt is under way: waiters wait for it instead of failing at once. */
  clearLoadFailure(): void {
    this.loadFailure = undefined;
  }

  /** Why the data could not be loaded, if it could not. */
  failure(): string | undefined {
    return this.loadFailure;
  }

  /** Called after every swap; returns the unsubscribe function. */
  subscribe(listener: DataListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /**
   * The data in use, waiting for the first dataset up to timeoutMs. Rejects (never hangs) with
   * the load failure or a DataLoadTimeoutError.
   */
  whenReady(timeoutMs: number): Promise<DataSnapshot> {
    if (this.snapshot) return Promise.resolve(this.snapshot);
    if (this.loadFailure !== undefined) return Promise.reject(new Error(this.loadFailure));
    return new Promise<DataSnapshot>((resolve, reject) => {
      let settled = false;
      const timer = setTimeout(() => {
        if (settled) return;
        settled = true;
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new DataLoadTimeoutError(`the Magnesium Tracker data did not load within ${Math.round(timeoutMs / 1000)} s`));
      }, timeoutMs);
      const waiter = (s: DataSnapshot): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (s) resolve(s);
        else reject(new Error(this.loadFailure ?? "the Magnesium Tracker data could not be loaded"));
      };
      this.waiters.push(waiter);
    });
  }
}

const GLOBAL_KEY = "__magnesiumTrackerDataStore";

/** The one store of this runtime, shared by the functions and the task pane. */
export function sharedStore(): DataStore {
  const g = globalThis as unknown as Record<string, DataStore | undefined>;
  let store = g[GLOBAL_KEY];
  if (!store) g[GLOBAL_KEY] = store = new DataStore();
  return store;
}
