// The dataset bundled with the add-in: served next to taskpane.html as dataset.json (an asset,
// not part of the JavaScript, so the pane's first load stays small) and fetched once at startup.
import type { Dataset } from "../model/dataset";
import { DataStore } from "./store";

/** File name of the bundled dataset in the served add-in (dist/dataset.json). */
export const BUNDLED_DATASET_FILE = "dataset.json";

/** Fetch and validate the bundled dataset (relative to the page: the task pane's folder). */
export async function fetchBundledDataset(url: string = BUNDLED_DATASET_FILE): Promise<Dataset> {
  // the validator (zod) loads while the file downloads, and stays out of the page's first scripts
  const [res, { parseDataset }] = await Promise.all([fetch(url, { cache: "no-cache" }), import(/* webpackChunkName: "dataset-schema" */ "../model/dataset")]);
  if (!res.ok) throw new Error(`the bundled data (${url}) could not be loaded: HTTP ${res.status}`);
  return parseDataset(await res.json());
}

const LOAD_KEY = "__magnesiumTrackerBundledLoad";

/**
 * Start loading the bundled dataset into the store, once per runtime (both the functions and the
 * pane may ask). It only fills an empty store: data restored from a refreshed feed wins. A failure
 * is recorded in the store so waiting functions answer #N/A with the reason instead of waiting;
 * the next call after a failure tries again (a recalculation retries a server that was down).
 */
export function startBundledLoad(store: DataStore, load: () => Promise<Dataset> = () => fetchBundledDataset()): Promise<void> {
  const g = globalThis as unknown as Record<string, Promise<void> | undefined>;
  const started = g[LOAD_KEY];
  if (started) return started;
  store.clearLoadFailure();
  const p = load().then(
    (dataset) => {
      store.initialize(dataset, "bundled");
    },
    (err: unknown) => {
      if (g[LOAD_KEY] === p) g[LOAD_KEY] = undefined;
      store.failLoad(err instanceof Error ? err.message : String(err));
    },
  );
  g[LOAD_KEY] = p;
  return p;
}
