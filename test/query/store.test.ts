import { DataStore, sharedStore } from "../../src/core/data/store";
import { startBundledLoad } from "../../src/core/data/bundled";
import { dataset, rec } from "./fixtures";

describe("DataStore", () => {
  it("swaps in a new dataset with its index and tells subscribers", () => {
    const store = new DataStore();
    const seen: string[] = [];
    const unsubscribe = store.subscribe((s, prev) => seen.push(`${prev?.dataset.version ?? "none"}->${s.dataset.version}/${s.origin}`));
    store.replace(dataset([rec({ kind: "event", subject: "Alpha" })], "v1"), "bundled");
    const second = store.replace(dataset([rec({ kind: "event", subject: "Beta" })], "v2"), "feed");
    expect(seen).toEqual(["none->v1/bundled", "v1->v2/feed"]);
    expect(store.current()).toBe(second);
    expect(second.index.resolveSubject("beta").ok).toBe(true);
    unsubscribe();
    store.replace(dataset([], "v3"), "feed");
    expect(seen).toHaveLength(2);
  });

  it("initialize does not override data already in use", () => {
    const store = new DataStore();
    store.replace(dataset([], "feed-version"), "feed");
    expect(store.initialize(dataset([], "bundled-version"), "bundled")).toBe(false);
    expect(store.current()?.dataset.version).toBe("feed-version");
  });

  it("whenReady waits for the first dataset, and never forever", async () => {
    const store = new DataStore();
    const waiting = store.whenReady(1000);
    store.replace(dataset([], "v1"), "bundled");
    await expect(waiting).resolves.toMatchObject({ origin: "bundled" });
    await expect(new DataStore().whenReady(20)).rejects.toThrow("did not load within");
    const failing = new DataStore();
    const w = failing.whenReady(1000);
    failing.failLoad("the bundled data (dataset.json) could not be loaded: HTTP 404");
    await expect(w).rejects.toThrow("HTTP 404");
  });

  it("is one instance per runtime and loads the bundled data once", async () => {
    expect(sharedStore()).toBe(sharedStore());
    const load = jest.fn(async () => dataset([], "bundled-v"));
    await startBundledLoad(sharedStore(), load);
    await startBundledLoad(sharedStore(), load);
    expect(load).toHaveBeenCalledTimes(1);
    expect(sharedStore().current()?.dataset.version).toBe("bundled-v");
  });

  it("tries the bundled load again after a failure", async () => {
    const g = globalThis as any;
    const saved = { store: g.__magnesiumTrackerDataStore, load: g.__magnesiumTrackerBundledLoad };
    try {
      delete g.__magnesiumTrackerDataStore;
      delete g.__magnesiumTrackerBundledLoad;
      const store = sharedStore();
      await startBundledLoad(store, async () => {
        throw new Error("HTTP 503");
      });
      await expect(store.whenReady(1000)).rejects.toThrow("HTTP 503");
      const retry = startBundledLoad(store, async () => dataset([], "second-try"));
      const waiting = store.whenReady(1000);
      await retry;
      await expect(waiting).resolves.toMatchObject({ origin: "bundled" });
      expect(store.current()?.dataset.version).toBe("second-try");
    } finally {
      g.__magnesiumTrackerDataStore = saved.store;
      g.__magnesiumTrackerBundledLoad = saved.load;
    }
  });
});
