// The bundled dataset is only ever produced by the pipeline: a fresh build from ../shared/corpus must
// equal the committed src/data/dataset.json byte for byte. When this fails after an extractor change,
// rebuild with `npx mg corpus build` and commit the result; never edit the file by hand.
import * as fs from "fs";
import * as path from "path";
import { buildDataset, loadDataset, serializeDataset } from "../../src/core/corpus/build";
import { collectFileInputs } from "../../src/cli/commands/corpus/build";
import { DEFAULT_MAX_BYTES } from "../../src/core/corpus/readers";
import { REPO_ROOT, sharedCorpusDir } from "../support/shared";

const corpus = sharedCorpusDir();
const committedPath = path.join(REPO_ROOT, "src/data/dataset.json");

(corpus ? describe : describe.skip)("bundled dataset", () => {
  const { inputs } = collectFileInputs([corpus as string], DEFAULT_MAX_BYTES);
  const fresh = serializeDataset(buildDataset(inputs).dataset);
  const committed = fs.readFileSync(committedPath, "utf8");

  it("equals a fresh build from ../shared/corpus byte for byte (rebuild: npx mg corpus build)", () => {
    expect(committed).toBe(fresh);
  });

  it("passes the dataset schema when read back", () => {
    const ds = loadDataset(committed, "src/data/dataset.json");
    expect(ds.count).toBe(ds.records.length);
    expect(ds.sources.map((s) => s.origin).sort()).toEqual(inputs.map((i) => i.origin).sort());
  });
});
