// The build around the extractors: provenance, stable ids, order, version, schema on write and read.
// The extractor is replaced by a thin stand-in that turns each synthetic sentence into a draft, so these
// tests check the build's own behaviour whatever the real extractors find.
import { buildDataset, loadDataset, serializeDataset } from "../../src/core/corpus/build";
import { fnv1a64 } from "../../src/core/corpus/hash";
import type { Article, RecordDraft, Sentence } from "../../src/core/corpus/types";

jest.mock("../../src/core/corpus/extract", () => ({
  extractDrafts: (_a: Article, sentences: Sentence[]): RecordDraft[] =>
    sentences.flatMap((s) => {
      const m = /(\d+) kg/.exec(s.text);
      if (!m) return [];
      const draft: RecordDraft = {
        kind: "weight_saving", date: "", date_end: "", date_effective: "", subject: "Widgetco", organizations: ["Widgetco"],
        region: "", title: "", product: "part", code: "", value: Number(m[1]), value_max: null, unit: "kg", per: "",
        qualifier: "", grade: "", basis: "", price_type: "", status: "", date_evidence: "", evidence: s.text,
      };
      const out = [draft, { ...draft }]; // an exact duplicate: must collapse to one record
      if (s.text.includes("twice")) out.push({ ...draft, subject: "Other" }); // same identity, other content
      if (s.text.includes("invent")) out.push({ ...draft, evidence: "A sentence that is not in the article, 9 kg." });
      return out;
    }),
}));

const enc = (s: string) => new TextEncoder().encode(s);
const pageA = "Home / News / Widgetco Parts\nWidgetco Parts\nMar 3, 2031\nSource:Example Wire\nThe new part is 5 kg lighter. The old part was 7 kg heavier, twice.";
const pageB = "Widgetco said the frame is 2 kg lighter. Nothing else changed. We do not invent 3 kg here.";
const inputs = [
  { origin: "c/b.txt", bytes: enc(pageB) },
  { origin: "c/a.txt", bytes: enc(pageA) },
];

describe("buildDataset", () => {
  const { dataset, problems, read } = buildDataset(inputs);

  it("adds provenance from the article to every record", () => {
    const r = dataset.records.find((x) => x.value === 5);
    expect(r).toMatchObject({
      source_id: "a", source_title: "Widgetco Parts", source_outlet: "Example Wire", source_url: "", source_published: "2031-03-03",
      evidence: "The new part is 5 kg lighter.",
    });
  });

  it("gives the same ids for the same input, whatever the input order", () => {
    const again = buildDataset([...inputs].reverse()).dataset;
    expect(serializeDataset(again)).toBe(serializeDataset(dataset));
    const r = dataset.records.find((x) => x.value === 5)!;
    expect(r.id).toMatch(/^[0-9a-f]{16}$/);
  });

  it("collapses identical records and disambiguates colliding ids deterministically", () => {
    const sevens = dataset.records.filter((x) => x.value === 7);
    expect(sevens).toHaveLength(2);
    expect(sevens.map((x) => x.id).sort()).toEqual([sevens[0].id.replace(/-2$/, ""), `${sevens[0].id.replace(/-2$/, "")}-2`].sort());
    expect(new Set(dataset.records.map((x) => x.id)).size).toBe(dataset.records.length);
  });

  it("drops a record whose evidence is not verbatim article text, and says so", () => {
    expect(dataset.records.some((x) => x.evidence.startsWith("A sentence that is not"))).toBe(false);
    expect(problems).toEqual([{ origin: "c/b.txt", message: expect.stringMatching(/evidence is not verbatim article text \(record dropped\)/) }]);
  });

  it("orders records by source, then reading order; lists sources with record counts", () => {
    expect(dataset.records.map((x) => [x.source_id, x.value])).toEqual([["a", 5], ["a", 7], ["a", 7], ["b", 2], ["b", 3]]);
    expect(dataset.sources.map((s) => [s.source_id, s.record_count, s.format])).toEqual([["a", 3, "text"], ["b", 2, "text"]]);
    expect(read).toEqual(["c/a.txt", "c/b.txt"]);
  });

  it("versions the dataset as <newest source date>.<hash of the records>, or as given", () => {
    expect(dataset.as_of).toBe("2031-03-03");
    expect(dataset.version).toBe(`2031-03-03.${fnv1a64(JSON.stringify(dataset.records)).slice(0, 8)}`);
    expect(buildDataset([inputs[0]]).dataset.version).toMatch(/^undated\.[0-9a-f]{8}$/);
    expect(buildDataset(inputs, { version: "2031-03-03.manual" }).dataset.version).toBe("2031-03-03.manual");
  });

  it("reports the same article read twice instead of doubling its records", () => {
    const twice = buildDataset([...inputs, { origin: "copy/a.txt", bytes: enc(pageA) }]);
    expect(twice.dataset.count).toBe(dataset.count);
    expect(twice.problems.some((p) => p.origin === "copy/a.txt" && /same article as c\/a\.txt/.test(p.message))).toBe(true);
  });
});

describe("dataset file", () => {
  const { dataset } = buildDataset(inputs);

  it("is pretty JSON with a trailing newline that reads back to the same dataset", () => {
    const text = serializeDataset(dataset);
    expect(text.endsWith("}\n")).toBe(true);
    expect(text).toContain('\n  "records": [');
    expect(loadDataset(text)).toEqual(dataset);
  });

  it("is validated when read: a bad field is named, bad JSON is reported", () => {
    const broken = JSON.parse(serializeDataset(dataset));
    broken.records[0].date = "March 2031";
    expect(() => loadDataset(JSON.stringify(broken), "bundle.json")).toThrow(/bundle\.json: Invalid dataset at records\.0\.date/);
    expect(() => loadDataset("{", "bundle.json")).toThrow(/bundle\.json is not valid JSON/);
  });

  it("is validated when written", () => {
    expect(() => serializeDataset({ ...dataset, count: 99 })).toThrow(/count is 99/);
  });
});

describe("fnv1a64", () => {
  it("matches the published FNV-1a 64 test vectors", () => {
    expect(fnv1a64("")).toBe("cbf29ce484222325");
    expect(fnv1a64("a")).toBe("af63dc4c8601ec8c");
    expect(fnv1a64("foobar")).toBe("85944171f73967e8");
  });
});
