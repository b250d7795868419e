// The maintainer's path end to end, in process: a WordPress REST collection on 127.0.0.1 (synthetic
// articles) -> `mg corpus build URL` -> `mg feed publish` -> `mg feed check DIR|URL`; and check's exit
// code and one-sentence message on a damaged feed.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { run as corpusBuild } from "../../src/cli/commands/corpus/build";
import { run as feedPublish } from "../../src/cli/commands/feed/publish";
import { run as feedCheck } from "../../src/cli/commands/feed/check";
import { serveWordPress, SYNTHETIC_POSTS } from "./wpServe";
import { startServer } from "./server";

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  const log = jest.spyOn(console, "log").mockImplementation((...a) => void out.push(a.join(" ")));
  const error = jest.spyOn(console, "error").mockImplementation((...a) => void err.push(a.join(" ")));
  return { out, err, restore: () => (log.mockRestore(), error.mockRestore()) };
}

const plain = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/&#8220;|&#8221;/g, (m) => (m === "&#8220;" ? "\u201c" : "\u201d"));

it("builds a dataset from a WordPress API URL, publishes it as a feed, and checks the feed from a folder and over HTTP", async () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "mg-feed-cli-"));
  const wp = await serveWordPress(2);
  const io = capture();
  try {
    const datasetFile = path.join(tmp, "dataset.json");
    expect(await corpusBuild([wp.url, "--out", datasetFile])).toBe(0);
    const ds = JSON.parse(fs.readFileSync(datasetFile, "utf8"));
    // Every article on every page was read, and every record quotes one of them.
    expect(ds.sources.map((s: { url: string }) => s.url).sort()).toEqual(SYNTHETIC_POSTS.map((p) => p.link).sort());
    expect(ds.records.length).toBeGreaterThan(0);
    const texts = SYNTHETIC_POSTS.map((p) => plain(p.content.rendered));
    for (const r of ds.records) expect(texts.some((t) => t.includes(r.evidence))).toBe(true);

    const feedDir = path.join(tmp, "feed");
    expect(await feedPublish(["--out", feedDir, "--dataset", datasetFile, "--generated-at", "2021-06-01T00:00:00Z"])).toBe(0);
    expect(fs.readdirSync(feedDir).sort()).toEqual(["dataset-info.json", "manifest.json", "records.csv"]);

    io.out.length = 0;
    expect(await feedCheck([feedDir])).toBe(0);
    expect(io.out).toEqual([`ok: version ${ds.version}, as of ${ds.as_of}, ${ds.records.length} records from 3 sources, published 2021-06-01T00:00:00.000Z`]);

    const http = await startServer();
    try {
      for (const f of fs.readdirSync(feedDir)) http.routes.set(`/feed/${f}`, { body: fs.readFileSync(path.join(feedDir, f)) });
      io.out.length = 0;
      expect(await feedCheck([`${http.url}/feed/`])).toBe(0);
      expect(io.out[0]).toMatch(/^ok: version /);

      // Damaged: the same one sentence the pane shows, exit 1.
      const damaged = fs.readFileSync(path.join(feedDir, "records.csv"));
      damaged[damaged.length - 2] ^= 0x01; // one flipped bit, same size
      http.routes.set("/feed/records.csv", { body: damaged });
      io.err.length = 0;
      expect(await feedCheck([`${http.url}/feed/`])).toBe(1);
      expect(io.err).toEqual(["records.csv does not match the SHA-256 checksum in the manifest, so it is corrupt or was changed after publishing."]);
    } finally {
      await http.close();
    }

    io.err.length = 0;
    expect(await feedCheck([path.join(tmp, "nowhere")])).toBe(1);
    expect(io.err[0]).toMatch(/^Could not reach the feed to get manifest\.json at file:\/\/.*\/nowhere\/manifest\.json: there is no such file\.$/);
    expect(await feedPublish(["--dataset", datasetFile])).toBe(2);
  } finally {
    io.restore();
    await wp.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});
