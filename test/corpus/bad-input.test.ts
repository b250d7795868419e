// Bad input: each bad file gets exactly one line naming it and its problem, is skipped, and the other
// files are still read; the CLI exits non-zero only when no file could be read (and then writes nothing).
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { run } from "../../src/cli/commands/corpus/build";
import { decodeInput, readInput } from "../../src/core/corpus/readers";
import { loadDataset } from "../../src/core/corpus/build";
import { REPO_ROOT } from "../support/shared";

const GOOD = "Widgetco opened a plant in Exampleville on March 3, 2031. It employs 200 people.\n";

function makeDir(files: Record<string, Uint8Array | string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mg-bad-input-"));
  for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), content);
  return dir;
}

function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out[0] = 0xff;
  out[1] = 0xfe;
  for (let i = 0; i < text.length; i++) {
    out[2 + 2 * i] = text.charCodeAt(i) & 0xff;
    out[3 + 2 * i] = text.charCodeAt(i) >> 8;
  }
  return out;
}

async function runCli(args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const log = jest.spyOn(console, "log").mockImplementation((...a: unknown[]) => void out.push(a.join(" ")));
  const error = jest.spyOn(console, "error").mockImplementation((...a: unknown[]) => void err.push(a.join(" ")));
  try {
    const code = await run(args);
    return { code, out, err };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

const bad: Record<string, Uint8Array | string> = {
  "empty.txt": "",
  "invalid.json": '{"id": 1, "title": ',
  "brace.txt": "{ this is not JSON",
  "binary.dat": new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2, 3, 0, 255, 254]),
  "latin1.txt": new Uint8Array([...new TextEncoder().encode("Caf"), 0xe9, ...new TextEncoder().encode(" Widgetco opened a plant.\n")]),
  "not-wordpress.json": JSON.stringify({ name: "a config file", value: 3 }),
  "huge.txt": new Uint8Array(20 * 1024 * 1024).fill(0x61),
};
const expectedProblem: Record<string, RegExp> = {
  "empty.txt": /is empty/,
  "invalid.json": /is not valid JSON/,
  "brace.txt": /is not valid JSON/,
  "binary.dat": /binary file/,
  "latin1.txt": /is not UTF-8 .*re-save it as UTF-8/,
  "not-wordpress.json": /not a WordPress REST item/,
  "huge.txt": /is 20\.0 MB, over the limit of 8\.0 MB .*--max-bytes/,
};

describe("mg corpus build on bad input", () => {
  let dir: string;
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), "mg-bad-output-"));
  beforeAll(() => {
    dir = makeDir({
      ...bad,
      "good.txt": GOOD,
      "utf16.txt": utf16le("Widgetco’s plant in Exampleville opened in March. It employs 200 people.\n"),
      "README.md": "# Not an article\n",
    });
  });
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(outDir, { recursive: true, force: true });
  });

  it("reports one line per bad file, reads the others (UTF-16 with a BOM included) and exits 0", async () => {
    const outFile = path.join(outDir, "dataset.json");
    const { code, err, out } = await runCli([dir, "--out", outFile]);
    expect(code).toBe(0);
    for (const [name, re] of Object.entries(expectedProblem)) {
      const lines = err.filter((l) => l.includes(name));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(re);
    }
    expect(err).toHaveLength(Object.keys(bad).length);
    expect(err.join("\n")).not.toMatch(/README|good\.txt|utf16\.txt/);
    const ds = loadDataset(fs.readFileSync(outFile, "utf8"));
    expect(ds.sources.map((s) => s.origin).sort()).toEqual([`${path.basename(dir)}/good.txt`, `${path.basename(dir)}/utf16.txt`]);
    const utf16 = ds.sources.find((s) => s.origin.endsWith("utf16.txt"));
    expect(utf16?.source_id).toBe("utf16");
    expect(out.join("\n")).toMatch(/read 2 of 9 input/);
  });

  it("mentions skipped README files only with --verbose", async () => {
    const outFile = path.join(outDir, "v.json");
    const quiet = await runCli([dir, "--out", outFile]);
    expect(quiet.out.join("\n")).not.toMatch(/README/);
    const verbose = await runCli([dir, "--out", outFile, "--verbose"]);
    expect(verbose.out.join("\n")).toMatch(/skipped .*README\.md: not an article/);
  });

  it("accepts a bigger article with --max-bytes", async () => {
    const big = makeDir({ "big.txt": GOOD.repeat(200) });
    const { code, err } = await runCli([big, "--out", path.join(big, "d.json"), "--max-bytes", "1k"]);
    expect(code).toBe(1);
    expect(err.join("\n")).toMatch(/big\.txt is 16 KB, over the limit of 1 KB/);
    expect((await runCli([big, "--out", path.join(big, "d.json"), "--max-bytes", "1m"])).code).toBe(0);
    fs.rmSync(big, { recursive: true, force: true });
  });

  it("exits non-zero and leaves the output untouched when no file could be read (real CLI process)", () => {
    const onlyBad = makeDir({ "empty.txt": "", "invalid.json": "[1, 2", "latin1.txt": new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x0a]) });
    const outFile = path.join(onlyBad, "dataset.json");
    fs.writeFileSync(outFile, "previous good data\n");
    const r = spawnSync(process.execPath, [path.join(REPO_ROOT, "bin/mg.js"), "corpus", "build", onlyBad, "--out", outFile], { encoding: "utf8" });
    expect(r.status).toBe(1);
    expect(r.stderr.split("\n").filter((l) => l.startsWith("problem:"))).toHaveLength(3);
    expect(r.stderr).toMatch(/no input could be read/);
    expect(fs.readFileSync(outFile, "utf8")).toBe("previous good data\n");
    fs.rmSync(onlyBad, { recursive: true, force: true });
  });

  it("reports a missing path and an unknown option clearly", async () => {
    const missing = await runCli([path.join(dir, "nope"), "--out", path.join(outDir, "x.json")]);
    expect(missing.code).toBe(1);
    expect(missing.err[0]).toMatch(/nope does not exist/);
    expect((await runCli(["--frobnicate"])).code).toBe(2);
  });
});

describe("decoding without the CLI (browser path)", () => {
  it("reports a 20 MB article from its size alone", () => {
    const r = readInput({ origin: "big.txt", bytes: new Uint8Array(20 * 1024 * 1024) });
    expect(r.articles).toEqual([]);
    expect(r.problem?.message).toMatch(/over the limit/);
  });

  it("decodes UTF-16 big-endian with a BOM and UTF-8 with a BOM, and rejects UTF-16 without one", () => {
    const be = new Uint8Array([0xfe, 0xff, 0, 0x48, 0, 0x69]);
    expect(decodeInput(be)).toEqual({ ok: true, text: "Hi" });
    expect(decodeInput(new Uint8Array([0xef, 0xbb, 0xbf, 0x48, 0x69]))).toEqual({ ok: true, text: "Hi" });
    const noBom = decodeInput(new Uint8Array([0x48, 0, 0x69, 0]));
    expect(noBom.ok).toBe(false);
    if (!noBom.ok) expect(noBom.message).toMatch(/UTF-16 text without a byte-order mark/);
  });

  it("names the offending byte of a non-UTF-8 file and never guesses its encoding", () => {
    const r = decodeInput(new Uint8Array([0x41, 0x42, 0xe9, 0x43]));
    expect(r).toEqual({ ok: false, message: expect.stringMatching(/not UTF-8 \(byte 0xE9 at offset 2\)/) });
  });

  it("recognises common binary formats by signature", () => {
    const pdf = decodeInput(new TextEncoder().encode("%PDF-1.7\nrest"));
    expect(pdf.ok).toBe(false);
    if (!pdf.ok) expect(pdf.message).toMatch(/PDF/);
  });
});
