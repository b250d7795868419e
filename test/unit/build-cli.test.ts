// Which files `mg corpus build` reads, and under which names: the dataset must not depend on where the
// corpus folder or the working directory is.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { collectFileInputs } from "../../src/cli/commands/corpus/build";

describe("collectFileInputs", () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "mg-collect-"));
  const dir = path.join(root, "articles");
  beforeAll(() => {
    fs.mkdirSync(path.join(dir, "sub"), { recursive: true });
    fs.mkdirSync(path.join(dir, ".git"), { recursive: true });
    for (const [name, text] of Object.entries({
      "b.txt": "Beta text.",
      "a.txt": "Alpha text.",
      "sub/c.html": "<p>Gamma.</p>",
      "README.md": "docs",
      ".DS_Store": "junk",
      ".git/config": "junk",
      "out.json": "{}",
    })) fs.writeFileSync(path.join(dir, name), text);
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it("names files by the folder's name and their path inside it, sorted, whatever the working directory", () => {
    const fromRoot = collectFileInputs(["articles"], 1e6, root, ["articles/out.json"]);
    const fromInside = collectFileInputs(["."], 1e6, dir, ["out.json"]);
    expect(fromRoot.inputs.map((i) => i.origin)).toEqual(["articles/a.txt", "articles/b.txt", "articles/sub/c.html"]);
    expect(fromInside.inputs.map((i) => i.origin)).toEqual(fromRoot.inputs.map((i) => i.origin));
    expect(fromRoot.skipped.map((s) => path.basename(s)).sort()).toEqual([".DS_Store", "README.md"]);
    expect(fromRoot.problems).toEqual([]);
  });

  it("names a single file by its base name and reports files over the limit without reading them", () => {
    const one = collectFileInputs([path.join(dir, "a.txt")], 1e6, os.tmpdir());
    expect(one.inputs.map((i) => i.origin)).toEqual(["a.txt"]);
    const small = collectFileInputs([dir], 1, root);
    expect(small.inputs).toEqual([]);
    expect(small.problems.map((p) => p.origin)).toEqual(["articles/a.txt", "articles/b.txt", "articles/out.json", "articles/sub/c.html"]);
    expect(small.problems[0].message).toMatch(/is 11 bytes, over the limit of 1 bytes/);
  });
});
