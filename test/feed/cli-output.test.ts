// `mg feed check` as a shell runs it (the real bin/mg.js in a child process): whatever it says, good
// feed, bad feed or bad usage, ends with one newline, so the prompt that follows starts on its own line.
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { run as feedPublish } from "../../src/cli/commands/feed/publish";
import { syntheticDataset, rangeRecords } from "./fixtures";

const ROOT = path.resolve(__dirname, "../..");
let tmp: string;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "mg-check-out-"));
  const datasetFile = path.join(tmp, "dataset.json");
  fs.writeFileSync(datasetFile, JSON.stringify(syntheticDataset(rangeRecords(1, 4))));
  const log = jest.spyOn(console, "log").mockImplementation(() => undefined);
  try {
    expect(await feedPublish(["--out", path.join(tmp, "feed"), "--dataset", datasetFile, "--generated-at", "2021-06-01T00:00:00Z"])).toBe(0);
  } finally {
    log.mockRestore();
  }
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function check(...args: string[]) {
  return spawnSync(process.execPath, [path.join(ROOT, "bin/mg.js"), "feed", "check", ...args], { encoding: "utf8" });
}

it.each([
  ["a good feed", () => check(path.join(tmp, "feed")), 0, "stdout"],
  ["a missing feed", () => check(path.join(tmp, "nowhere")), 1, "stderr"],
  ["no argument", () => check(), 2, "stderr"],
] as const)("%s: the output ends with exactly one newline", (_, run, status, stream) => {
  const r = run();
  expect(r.status).toBe(status);
  const out = r[stream];
  expect(out.length).toBeGreaterThan(1);
  expect(out.endsWith("\n")).toBe(true);
  expect(out.endsWith("\n\n")).toBe(false);
});
