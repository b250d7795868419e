// The fault matrix: a local HTTP server serves a good feed and one broken feed per failure the issue
// names; each refresh goes through the add-in's controller into a real DataStore. After every failure
// the data in use is the same snapshot (same dataset, same index) and the message is the expected one.
import { DataStore } from "../../src/core/data/store";
import { RefreshController, StoredFeedData } from "../../src/core/feed/controller";
import { loadFeed } from "../../src/core/feed/load";
import { FeedError } from "../../src/core/feed/errors";
import { rangeRecords, syntheticDataset, syntheticRecord } from "./fixtures";
import { closedPort, Route, startServer, TestServer } from "./server";
import { feedFiles, FeedFiles, replaceFile, text, utf8, withManifest } from "./feeds";

const bundled = syntheticDataset(rangeRecords(1, 6)); // version 2021-02-03.0a1b2c3d
const newer = syntheticDataset([...rangeRecords(1, 3), { ...syntheticRecord(4), value: 4444 }, syntheticRecord(7), syntheticRecord(8)], {
  version: "2021-03-01.11112222",
  as_of: "2021-03-01",
});

class MemoryPersistence {
  saved: StoredFeedData | undefined;
  async load() {
    return this.saved;
  }
  async save(d: StoredFeedData) {
    this.saved = d;
  }
  async clear() {
    this.saved = undefined;
  }
}

let server: TestServer;
let good: FeedFiles;

function serve(prefix: string, files: FeedFiles, overrides: Record<string, Route> = {}): string {
  for (const [name, body] of Object.entries(files)) server.routes.set(`/${prefix}/${name}`, { body });
  for (const [name, route] of Object.entries(overrides)) server.routes.set(`/${prefix}/${name}`, route);
  return `${server.url}/${prefix}/`;
}

function setup(bundledData = bundled) {
  const store = new DataStore();
  store.replace(bundledData, "bundled");
  const persistence = new MemoryPersistence();
  let recalcs = 0;
  const controller = new RefreshController({
    store,
    persistence,
    loadBundled: async () => bundledData,
    recalculate: async () => {
      recalcs++;
      return true;
    },
    timeoutMs: 400,
    limits: { recordsBytes: 64 * 1024 },
  });
  return { store, persistence, controller, recalcs: () => recalcs };
}

beforeAll(async () => {
  server = await startServer();
  good = await feedFiles(newer);
});
afterAll(() => server.close());

describe("refresh from a good feed", () => {
  it("swaps the verified data in at once, saves it, recalculates and lists what changed", async () => {
    const { store, controller, persistence, recalcs } = setup();
    const seen: string[] = [];
    store.subscribe((s) => seen.push(s.dataset.version));
    const status = await controller.refresh(serve("good", good));
    expect(status.state).toBe("updated");
    if (status.state !== "updated") return;
    expect(status.message).toBe("Now using version 2021-03-01.11112222 (as of 2021-03-01) with 5 records (2 added, 1 changed, 2 removed).");
    expect(status.result.diff.changes.map((c) => `${c.change} ${c.id} ${c.fields.join("+")}`)).toEqual([
      "added syn-0007 ",
      "added syn-0008 ",
      "changed syn-0004 value",
      "removed syn-0003 ",
      "removed syn-0005 ",
    ]);
    const snap = store.current()!;
    expect(snap.origin).toBe("feed");
    expect(snap.dataset).toEqual(newer);
    expect(snap.index.dataset).toBe(snap.dataset);
    expect(seen).toEqual(["2021-03-01.11112222"]); // one swap, seen by every subscriber
    expect(persistence.saved?.meta.version).toBe("2021-03-01.11112222");
    expect(recalcs()).toBe(1);

    // The same feed again is nothing new; an older one needs the user's consent.
    expect(await controller.refresh(serve("good", good))).toEqual({
      state: "up_to_date",
      message: "The data in use is already version 2021-03-01.11112222 (as of 2021-03-01), the same as the feed, so nothing was changed.",
    });
    const older = serve("older", await feedFiles(bundled));
    expect(await controller.refresh(older)).toMatchObject({
      state: "error",
      code: "downgrade",
      message:
        "The feed's version 2021-02-03.0a1b2c3d (as of 2021-02-03) is older than the data in use, version 2021-03-01.11112222 (as of 2021-03-01), so it was not used: allow a downgrade to use it anyway.",
    });
    expect(store.current()).toBe(snap);
    expect((await controller.refresh(older, { allowDowngrade: true })).state).toBe("updated");
    expect(store.current()!.dataset.version).toBe(bundled.version);
  });

  it("reverts to the bundled data and forgets the saved copy", async () => {
    const { store, controller, persistence } = setup();
    await controller.refresh(serve("good", good));
    const status = await controller.revertToBundled();
    expect(status).toMatchObject({ state: "reverted", message: "Back to the bundled data, version 2021-02-03.0a1b2c3d (as of 2021-02-03) with 5 records." });
    expect(store.current()!.origin).toBe("bundled");
    expect(store.current()!.dataset).toEqual(bundled);
    expect(persistence.saved).toBeUndefined();
  });

  it("restores the saved copy in the next session, and falls back to bundled when it is damaged", async () => {
    const first = setup();
    await first.controller.refresh(serve("good", good));
    const next = setup();
    next.persistence.saved = first.persistence.saved;
    expect(await next.controller.restore()).toBe(`Using the refreshed data saved earlier: version 2021-03-01.11112222 (as of 2021-03-01) from ${server.url}/good/.`);
    expect(next.store.current()!.dataset).toEqual(newer);
    expect(next.recalcs()).toBe(1);
    // At start-up the functions wait for the restore, so no formula needs recalculating then.
    const quiet = setup();
    quiet.persistence.saved = first.persistence.saved;
    await quiet.controller.restore({ recalculate: false });
    expect(quiet.store.current()!.dataset).toEqual(newer);
    expect(quiet.recalcs()).toBe(0);

    // After an add-in update whose bundled data is newer, the older saved copy gives way.
    const newerBundled = syntheticDataset(rangeRecords(1, 3), { version: "2021-09-01.99990000", as_of: "2021-09-01" });
    const updated = setup(newerBundled);
    updated.persistence.saved = first.persistence.saved;
    expect(await updated.controller.restore()).toBe(
      "The add-in's own data, version 2021-09-01.99990000 (as of 2021-09-01), is newer than the refreshed data saved earlier, version 2021-03-01.11112222 (as of 2021-03-01), so the bundled data is in use.",
    );
    expect(updated.store.current()!.dataset).toBe(newerBundled);
    expect(updated.persistence.saved).toBeUndefined();

    const damaged = setup();
    const copy = structuredClone(first.persistence.saved!);
    (copy.dataset.records[1] as any).value = "lots";
    damaged.persistence.saved = copy;
    const before = damaged.store.current();
    expect(await damaged.controller.restore()).toBe(
      "The refreshed data saved on this computer is damaged (Invalid dataset at records.1.value: Invalid input: expected number, received string), so the bundled data is in use.",
    );
    expect(damaged.store.current()).toBe(before);
    expect(damaged.persistence.saved).toBeUndefined();
  });
});

describe("fault matrix: the data in use is unchanged and the message is one clear sentence", () => {
  const header = () => text(good["records.csv"]).split("\r\n")[0];
  const rows = () => text(good["records.csv"]).split("\r\n").slice(1);

  const cases: Array<[string, () => Promise<string> | string, string | RegExp]> = [
    ["offline (connection refused)", async () => `http://127.0.0.1:${await closedPort()}/feed/`, /^Could not reach the feed to get manifest\.json at http:\/\/127\.0\.0\.1:\d+\/feed\/manifest\.json: the connection was refused\.$/],
    ["HTTP 404", () => serve("nothing-here", {}), /^The feed server answered HTTP 404 Not Found for manifest\.json \(http:\/\/127\.0\.0\.1:\d+\/nothing-here\/manifest\.json\)\.$/],
    ["HTTP 500", () => serve("e500", good, { "records.csv": { status: 500, body: "boom" } }), /^The feed server answered HTTP 500 Internal Server Error for records\.csv \(.*\/e500\/records\.csv\)\.$/],
    ["timeout (no answer)", () => serve("silent", good, { "manifest.json": () => undefined }), /^The feed sent nothing for 0\.4 seconds \(the idle timeout\) while sending manifest\.json \(.*\/silent\/manifest\.json\)\.$/],
    [
      "timeout (stalls mid-file)",
      () =>
        serve("stall", good, {
          "records.csv": (_req, res) => {
            res.writeHead(200);
            res.write(good["records.csv"].slice(0, 100));
          },
        }),
      /^The feed sent nothing for 0\.4 seconds \(the idle timeout\) while sending records\.csv \(.*\/stall\/records\.csv\)\.$/,
    ],
    ["checksum mismatch", () => serve("tampered", { ...good, "records.csv": utf8(text(good["records.csv"]).replace("4444", "4445")) }), "records.csv does not match the SHA-256 checksum in the manifest, so it is corrupt or was changed after publishing."],
    ["truncated file", () => serve("short", { ...good, "records.csv": good["records.csv"].slice(0, 300) }), /^records\.csv is 300 bytes but the manifest declares \d+, so it is incomplete or was changed after publishing\.$/],
    ["size over the limit (declared)", () => serve("huge", withManifest(good, (m) => (m.files[1].bytes = 10_000_000))), "records.csv is 9.5 MB, more than the limit of 64.0 KB, so it was not downloaded."],
    [
      "size over the limit (served, whatever the manifest says)",
      () =>
        serve("liar", good, {
          "records.csv": (_req, res) => {
            res.writeHead(200); // chunked: no Content-Length to refuse it early
            res.end(Buffer.alloc(200_000, 65));
          },
        }),
      /^records\.csv is larger than the \d+ bytes the manifest declares\.$/,
    ],
    ["newer schema version", () => serve("v3", withManifest(good, (m) => (m.schema_version = 3))), "The feed uses schema version 3 but this add-in reads version 2, so it cannot be used (update the add-in or publish a version 2 feed)."],
    // Feeds of schema 1 (before prices, grades, bases and planned capacity) have other columns: refused, never half-read.
    ["older schema version", () => serve("v1", withManifest(good, (m) => (m.schema_version = 1))), /^The feed uses schema version 1, older than the version 2 this add-in reads .*publishes it again/],
    [
      "invalid row",
      () => serve("badrow", replaceFile(good, "records.csv", utf8([header(), ...rows().map((r, i) => (i === 0 ? r.replace(",capacity,", ",capacty,") : r))].join("\r\n")))),
      /^Row 2 of records\.csv has an invalid "kind": invalid option: expected one of .* \(found "capacty"\)\.$/,
    ],
    [
      "non-UTF-8",
      () => serve("latin1", replaceFile(good, "records.csv", new Uint8Array([...good["records.csv"].slice(0, 400), 0xe9, ...good["records.csv"].slice(400)]))),
      "records.csv is not valid UTF-8 text.",
    ],
    ["empty feed (count 0)", () => serve("empty", withManifest(good, (m) => (m.count = 0))), "The feed is empty (its manifest lists 0 records), so it was not used."],
    ["empty feed (header only)", () => serve("headeronly", replaceFile(good, "records.csv", utf8(header() + "\r\n"))), "The feed is empty (records.csv has a header but no records), so it was not used."],
    ["manifest missing a field", () => serve("nofiles", withManifest(good, (m) => delete m.files)), 'The feed\'s manifest.json is missing the field "files".'],
    ["manifest missing generated_at", () => serve("nogen", withManifest(good, (m) => delete m.generated_at)), 'The feed\'s manifest.json is missing the field "generated_at".'],
    ["manifest not JSON", () => serve("notjson", { ...good, "manifest.json": utf8("<html>Welcome</html>") }), "The feed's manifest.json is not valid JSON."],
    ["manifest listing a path", () => serve("traversal", withManifest(good, (m) => (m.files[1].name = "../secret.csv"))), 'The feed\'s manifest.json has an invalid "files.1.name" (expected a plain file name such as records.csv).'],
    [
      "dataset-info.json disagrees with the manifest",
      () => serve("infomismatch", replaceFile(good, "dataset-info.json", utf8(text(good["dataset-info.json"]).replace("2021-03-01.11112222", "2021-03-01.33334444")))),
      'The feed\'s dataset-info.json says version "2021-03-01.33334444" but its manifest.json says "2021-03-01.11112222".',
    ],
    ["manifest over its size limit", () => serve("bigmanifest", { ...good, "manifest.json": utf8(" ".repeat(300 * 1024) + text(good["manifest.json"])) }), "manifest.json is larger than the limit of 256.0 KB, so it was not downloaded."],
    ["record count disagrees", () => serve("count", replaceFile(good, "records.csv", utf8([header(), ...rows().slice(1)].join("\r\n")))), "records.csv holds 4 records but the manifest says 5."],
  ];

  it.each(cases)("%s", async (_name, makeUrl, expected) => {
    const { store, controller, persistence, recalcs } = setup();
    const before = store.current();
    const status = await controller.refresh(await makeUrl());
    expect(status.state).toBe("error");
    const message = (status as { message: string }).message;
    if (typeof expected === "string") expect(message).toBe(expected);
    else expect(message).toMatch(expected);
    expect(message.split(/\.\s+[A-Z]/).length).toBe(1); // one sentence
    expect(store.current()).toBe(before);
    expect(persistence.saved).toBeUndefined();
    expect(recalcs()).toBe(0);

    // The command line's check says the same thing.
    const url = await makeUrl();
    await expect(loadFeed(url, { timeoutMs: 400, limits: { recordsBytes: 64 * 1024 } })).rejects.toThrow(FeedError);
  });

  it("a cancelled refresh changes nothing", async () => {
    const { store, controller } = setup();
    const before = store.current();
    const url = serve("slowcancel", good, {
      "records.csv": (_req, res) => {
        res.writeHead(200);
        res.write(good["records.csv"].slice(0, 50));
      },
    });
    const running = controller.refresh(url);
    await new Promise((r) => setTimeout(r, 100));
    expect(controller.getStatus()).toMatchObject({ state: "running", cancellable: true });
    controller.cancel();
    expect(await running).toEqual({ state: "error", code: "cancelled", message: "The refresh was cancelled, so the data in use is unchanged." });
    expect(store.current()).toBe(before);
  });

  it("refuses a plain-http feed that is not on this machine", async () => {
    const { store, controller } = setup();
    const before = store.current();
    expect(await controller.refresh("http://feeds.example.test/feed/")).toMatchObject({
      state: "error",
      message: "The feed URL must start with https:// (plain http:// is allowed only for localhost or 127.0.0.1).",
    });
    expect(store.current()).toBe(before);
  });
});
