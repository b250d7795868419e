// Issue 13: a figure whose evidence opens with the day of a happening ("On December 20, ... released ...
// 11% lighter") carries that day, so lookups can tell which of two figures is newer. The check reads the
// evidence itself (month name and day), independently of the extractor.
import * as fs from "fs";
import * as path from "path";
import { loadDataset } from "../../src/core/corpus/build";
import { REPO_ROOT } from "../support/shared";

const dataset = loadDataset(fs.readFileSync(path.join(REPO_ROOT, "src/data/dataset.json"), "utf8"), "src/data/dataset.json");
const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const OPENS_WITH_DAY = /^On (January|February|March|April|May|June|July|August|September|October|November|December) (\d{1,2}),/;
const FIGURE_KINDS = new Set(["weight_saving", "capacity", "project", "deal", "product"]);

describe("figures of a dated sentence carry its date (bundled dataset)", () => {
  // Only evidence that dates nothing else: "..., was introduced in 2023, with a capacity of 100 tons" dates the
  // capacity by its own sentence's year instead.
  const datesNothingElse = (evidence: string) => !/\b(?:19|20)\d{2}\b(?! (?:World|National|China|International))/.test(evidence.replace(OPENS_WITH_DAY, "")) && !new RegExp(`\\b(?:${MONTHS.join("|")})\\b`, "i").test(evidence.replace(OPENS_WITH_DAY, ""));
  const figures = dataset.records.filter((r) => FIGURE_KINDS.has(r.kind) && r.status !== "former" && OPENS_WITH_DAY.test(r.evidence) && datesNothingElse(r.evidence));

  it("the corpus has such figures (the Baowu robot's weight saving, the Chaohu kiln's capacity)", () => {
    expect(figures.length).toBeGreaterThanOrEqual(4);
  });

  it.each(figures.map((r) => [r.kind, r.subject, r.value, r.id, r] as const))("%s of %s (%s) id %s has the day its sentence opens with", (_k, _s, _v, _id, r) => {
    const m = OPENS_WITH_DAY.exec(r.evidence)!;
    const month = String(MONTHS.indexOf(m[1].toLowerCase()) + 1).padStart(2, "0");
    const day = m[2].padStart(2, "0");
    expect(r.date).toMatch(new RegExp(`^\\d{4}-${month}-${day}$`));
  });
});
