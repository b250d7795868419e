// The add-in's refresh controller: one per runtime (the shared runtime runs the MG functions and the
// pane together, and both read sharedStore()), wired to IndexedDB, the bundled dataset and Excel's
// recalculation. Kept on globalThis like the store, so separately bundled scripts share it.
import { RefreshController } from "../../core/feed/controller";
import { sharedStore } from "../../core/data/store";
import { fetchBundledDataset } from "../../core/data/bundled";
import { indexedDbPersistence } from "./idbPersistence";

/**
 * Recalculates every formula so MG cells answer from the new data. Outside Excel (preview mode) there
 * is no workbook: resolves false. Custom functions are not volatile, hence a full calculation.
 */
export async function recalculateMgFormulas(): Promise<boolean> {
  const g = globalThis as { Office?: typeof Office; Excel?: typeof Excel };
  if (!g.Excel || typeof g.Excel.run !== "function" || g.Office?.context?.host !== g.Office?.HostType?.Excel) return false;
  await g.Excel.run(async (ctx) => {
    ctx.workbook.application.calculate(g.Excel!.CalculationType.full);
    await ctx.sync();
  });
  return true;
}

const KEY = "__magnesiumTrackerRefreshController";
const RESTORE_KEY = "__magnesiumTrackerRefreshRestore";

export function sharedRefreshController(): RefreshController {
  const g = globalThis as unknown as Record<string, RefreshController | undefined>;
  let c = g[KEY];
  if (!c) {
    c = new RefreshController({
      store: sharedStore(),
      loadBundled: () => fetchBundledDataset(),
      persistence: indexedDbPersistence(),
      recalculate: recalculateMgFormulas,
    });
    g[KEY] = c;
  }
  return c;
}

/**
 * Call once at startup: puts a refreshed dataset saved by an earlier session in use. Safe to call
 * again (returns the first call's promise, whatever its options); never rejects.
 */
export function restoreRefreshedData(opts: { recalculate?: boolean } = {}): Promise<string | undefined> {
  const g = globalThis as unknown as Record<string, Promise<string | undefined> | undefined>;
  let p = g[RESTORE_KEY];
  if (!p) {
    p = sharedRefreshController()
      .restore(opts)
      .catch(() => undefined);
    g[RESTORE_KEY] = p;
  }
  return p;
}

/** The default feed: the add-in's own origin serves it at /feed/ (`npm start` publishes it there). */
export function defaultFeedUrl(origin: string = globalThis.location?.origin ?? "https://localhost:3000"): string {
  return new URL("/feed/", origin).href;
}
