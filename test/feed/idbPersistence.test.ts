// The refreshed dataset persists in IndexedDB (fake-indexeddb here) and the next session starts from it;
// a damaged stored copy is refused and the bundled data stays.
import "fake-indexeddb/auto";
import { DataStore } from "../../src/core/data/store";
import { RefreshController } from "../../src/core/feed/controller";
import { indexedDbPersistence } from "../../src/taskpane/refresh/idbPersistence";
import { feedFiles, FeedFiles } from "./feeds";
import { rangeRecords, syntheticDataset } from "./fixtures";

const bundled = syntheticDataset(rangeRecords(1, 4));
const newer = syntheticDataset(rangeRecords(1, 9), { version: "2021-05-01.12345678", as_of: "2021-05-01" });
let files: FeedFiles;
beforeAll(async () => {
  files = await feedFiles(newer);
});

const fetchFrom = (f: FeedFiles) => async (url: string) => new Response(f[url.replace(/^.*\//, "")] as Uint8Array<ArrayBuffer>);

function session() {
  const store = new DataStore();
  store.replace(bundled, "bundled");
  const controller = new RefreshController({ store, loadBundled: async () => bundled, persistence: indexedDbPersistence(), fetch: fetchFrom(files) });
  return { store, controller };
}

it("a refreshed dataset survives into the next session, and revert forgets it", async () => {
  const first = session();
  expect((await first.controller.refresh("https://feed.example.test/feed/")).state).toBe("updated");

  const second = session();
  expect(await second.controller.restore()).toBe("Using the refreshed data saved earlier: version 2021-05-01.12345678 (as of 2021-05-01) from https://feed.example.test/feed/.");
  expect(second.store.current()!.dataset).toEqual(newer);
  expect(second.store.current()!.origin).toBe("feed");
  expect(second.controller.feedMeta()?.generated_at).toBe("2021-03-01T00:00:00.000Z");

  await second.controller.revertToBundled();
  const third = session();
  expect(await third.controller.restore()).toBeUndefined();
  expect(third.store.current()!.origin).toBe("bundled");
});

it("a damaged stored copy falls back to the bundled data with a message", async () => {
  const first = session();
  await first.controller.refresh("https://feed.example.test/feed/");
  const p = indexedDbPersistence();
  const stored = (await p.load()) as any;
  stored.dataset.records[0].kind = "gossip";
  await p.save(stored);

  const next = session();
  const before = next.store.current();
  expect(await next.controller.restore()).toMatch(/^The refreshed data saved on this computer is damaged \(Invalid dataset at records\.0\.kind: .*\), so the bundled data is in use\.$/);
  expect(next.store.current()).toBe(before);
  expect(await p.load()).toBeUndefined();
});
