// `mg feed publish` reads what it wrote back from the disk through the add-in's loader before the files
// take the feed's names: a feed that would not read back identical is a publish error, and the folder
// keeps the feed it had (issue 14). Synthetic records only.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { run as feedCheck } from "../../src/cli/commands/feed/check";
import { run as feedPublish } from "../../src/cli/commands/feed/publish";
import { rangeRecords, syntheticDataset, syntheticRecord } from "./fixtures";

/** Set by a test to alter what is written (a disk or a sync tool that changes a file on its way). */
let mockAlterWrite: ((file: string, data: Uint8Array) => Uint8Array) | undefined;
jest.mock("fs", () => {
  const real = jest.requireActual("fs");
  return {
    ...real,
    writeFileSync: (file: string, data: unknown, ...rest: unknown[]) =>
      real.writeFileSync(file, mockAlterWrite && data instanceof Uint8Array ? mockAlterWrite(String(file), data) : data, ...rest),
  };
});

let tmp: string;
let out: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "mg-publish-verify-"));
  out = path.join(tmp, "feed");
});
afterEach(() => {
  mockAlterWrite = undefined;
  jest.restoreAllMocks();
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function cli(run: (args: string[]) => Promise<number>, args: string[]) {
  const io = { out: [] as string[], err: [] as string[] };
  jest.spyOn(console, "log").mockImplementation((s: string) => void io.out.push(s));
  jest.spyOn(console, "error").mockImplementation((s: string) => void io.err.push(s));
  try {
    return { code: await run(args), ...io };
  } finally {
    (console.log as jest.Mock).mockRestore();
    (console.error as jest.Mock).mockRestore();
  }
}

function datasetFile(name: string, ds: unknown): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, JSON.stringify(ds)); // JSON.stringify writes a lone surrogate as the escape "\ud800"
  return file;
}

const snapshot = (dir: string) => Object.fromEntries(fs.readdirSync(dir).sort().map((f) => [f, fs.readFileSync(path.join(dir, f)).toString("base64")]));

it("a good publish leaves exactly the three feed files, which `mg feed check` accepts", async () => {
  const r = await cli(feedPublish, ["--out", out, "--dataset", datasetFile("good.json", syntheticDataset(rangeRecords(1, 5)))]);
  expect(r.code).toBe(0);
  expect(fs.readdirSync(out).sort()).toEqual(["dataset-info.json", "manifest.json", "records.csv"]);
  expect((await cli(feedCheck, [out])).code).toBe(0);
});

it("a dataset holding a lone surrogate is refused, naming record and field; the feed already there is untouched", async () => {
  expect((await cli(feedPublish, ["--out", out, "--dataset", datasetFile("good.json", syntheticDataset(rangeRecords(1, 5)))])).code).toBe(0);
  const before = snapshot(out);
  const bad = syntheticDataset([...rangeRecords(1, 3), syntheticRecord(3, { title: "Plant \udc00 three" })], { version: "2021-02-04.0a1b2c3e", as_of: "2021-02-04" });
  const r = await cli(feedPublish, ["--out", out, "--dataset", datasetFile("bad.json", bad)]);
  expect(r.code).toBe(1);
  expect(r.err).toEqual([
    "The dataset cannot be published: records[2].title holds a lone surrogate at character 7 (U+DC00) (record syn-0003), which UTF-8 cannot write (clients would read U+FFFD there), so nothing was published.",
  ]);
  expect(snapshot(out)).toEqual(before);
});

it("files that change on their way to the disk are caught by reading them back: a publish error, the old feed kept, no staging left", async () => {
  expect((await cli(feedPublish, ["--out", out, "--dataset", datasetFile("good.json", syntheticDataset(rangeRecords(1, 5)))])).code).toBe(0);
  const before = snapshot(out);
  mockAlterWrite = (file, data) =>
    file.endsWith("records.csv") ? new TextEncoder().encode(new TextDecoder().decode(data).replace("Synthetic plant 2", "Synthetic plant 7")) : data;
  const newer = syntheticDataset(rangeRecords(1, 6), { version: "2021-02-05.0a1b2c3f", as_of: "2021-02-05" });
  const r = await cli(feedPublish, ["--out", out, "--dataset", datasetFile("newer.json", newer)]);
  expect(r.code).toBe(1);
  expect(r.err).toEqual([
    'The feed as written would be refused by the add-in ("records.csv does not match the SHA-256 checksum in the manifest, so it is corrupt or was changed after publishing"), so nothing was published.',
  ]);
  expect(snapshot(out)).toEqual(before);
  expect(fs.readdirSync(out).some((f) => f.startsWith("."))).toBe(false);
});
