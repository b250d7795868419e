// The data the add-in bundles and the pipeline reads (aliases, gazetteer, pricing vocabulary, triggers,
// the dataset itself) is JSON, where an escape such as "\ud800" makes a lone surrogate that no UTF-8
// writer can carry. It is imported at build time, so its boundary is here: every string of every file is
// well-formed, or the test names the file and the field (issue 14).
import * as fs from "fs";
import * as path from "path";
import { findIllFormed } from "../../src/core/model/unicode";

const DATA = path.resolve(__dirname, "../../src/data");
const files = fs.readdirSync(DATA).filter((f) => f.endsWith(".json")).sort();

it("finds the data files", () => {
  expect(files).toEqual(expect.arrayContaining(["aliases.json", "dataset.json", "gazetteer.json", "pricing.json"]));
});

it.each(files)("src/data/%s holds only well-formed Unicode", (file) => {
  const bad = findIllFormed(JSON.parse(fs.readFileSync(path.join(DATA, file), "utf8")));
  expect(bad ? `src/data/${file}: ${bad.message}` : "").toBe("");
});

it("a data file with an escaped lone surrogate would be named with its field", () => {
  const bad = findIllFormed(JSON.parse('{"organizations":[{"name":"Testco","aliases":["Test\\udc00co"]}]}'));
  expect(bad?.message).toBe("organizations[0].aliases[0] holds a lone surrogate at character 5 (U+DC00)");
});
