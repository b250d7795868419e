// Text Excel cannot hold: one rule, at the record schema. Every text field of a record fits in a cell
// (MAX_CELL_TEXT), organisations fit in theirs, so the Excel table, the .xlsx, the .csv and the spills never
// clip or fail; what breaks the rule is refused where it enters (the feed, the publisher) or dropped with a
// problem line (the corpus build). Links: an address too long for an Excel hyperlink stays plain text.
import { rec } from "../excel/syntheticRecords";
import { MAX_CELL_TEXT, MAX_ORGANIZATIONS, MgRecordSchema } from "../../src/core/model/record";
import { publishFeed } from "../../src/core/feed/publish";
import { parseRecordsCsv } from "../../src/core/feed/csv";
import { buildDataset } from "../../src/core/corpus/build";
import { planInsert } from "../../src/core/table/plan";
import { columnsOf } from "../../src/core/table/columns";
import { ALL_COLUMN_IDS } from "../../src/core/table/columnIds";
import { MAX_LINK_URL } from "../../src/core/table/cells";
import { buildXlsx } from "../../src/excel/xlsxFile";
import { EMPTY_FILTER } from "../../src/core/table/filter";

const feedOf = (records: ReturnType<typeof rec>[]) => ({
  schema_version: 2, version: "2024-06-01.cells000", as_of: "2024-06-01", count: records.length,
  sources: [{ source_id: "synthetic-source", title: "A synthetic article", outlet: "Test Outlet", url: "https://example.test/articles/1", published: "2024-06-01", origin: "synthetic.txt", format: "text" as const, record_count: records.length }],
  records,
});

describe("text longer than an Excel cell", () => {
  it("is refused by the schema, naming the field and the limit", () => {
    const r = MgRecordSchema.safeParse(rec({ source_url: `https://example.test/${"a".repeat(MAX_CELL_TEXT)}` }));
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error?.issues)).toMatch(/source_url.*longer than an Excel cell holds \(32,766 characters\)/);
    expect(MgRecordSchema.safeParse(rec({ organizations: Array.from({ length: MAX_ORGANIZATIONS + 1 }, (_, i) => `Org ${i}`) })).success).toBe(false);
  });

  it("is refused by the publisher, and a feed row carrying it is refused by the add-in's reader", async () => {
    await expect(publishFeed(feedOf([rec({ evidence: "Acme Test Magnesium said so. ".repeat(1200) })]))).rejects.toThrow(/evidence|longer than an Excel cell/);
    const ok = await publishFeed(feedOf([rec({ source_url: "https://example.test/short" })]));
    const csv = new TextDecoder().decode(ok.files.find((f) => f.name === "records.csv")!.bytes);
    const long = csv.replace("https://example.test/short", `https://example.test/${"b".repeat(40_000)}`);
    expect(() => parseRecordsCsv(long)).toThrow(/row 2|Row 2/);
    expect(() => parseRecordsCsv(long)).toThrow(/source_url/);
  });

  it("is dropped by the corpus build with a problem line naming the file and the field", () => {
    const text = `---\ntitle: ${"T".repeat(40_000)}\nurl: https://example.test/x\npublished: 2024-01-01\noutlet: Test Outlet\n---\nAcme Test Magnesium said its plant has a capacity of 20,000 tonnes per year.\n`;
    const { dataset, problems } = buildDataset([
      { origin: "news/long-title.md", bytes: new TextEncoder().encode(text) },
      { origin: "news/fine.txt", bytes: new TextEncoder().encode("Acme Test Magnesium expands\n\nAcme Test Magnesium said its plant has a capacity of 30,000 tonnes per year.\n") },
    ]);
    expect(problems).toEqual([{ origin: "news/long-title.md", message: expect.stringMatching(/does not fit in Excel \(its source_title is 40,000 characters long, more than an Excel cell takes \(32,766\)\): record dropped/) }]);
    expect(dataset.records.map((r) => r.value)).toEqual([30_000]);
  });

  it("never reaches the build as evidence: a sentence far longer than a cell is cut into pieces the segmenter keeps verbatim", () => {
    const longSentence = `Acme Test Magnesium said its plant has a capacity of 10,000 tonnes per year, ${"and the line runs on and on ".repeat(1300)}today.`;
    expect(longSentence.length).toBeGreaterThan(MAX_CELL_TEXT);
    const { dataset } = buildDataset([{ origin: "news/long.txt", bytes: new TextEncoder().encode(`Acme Test Magnesium expands\n\n${longSentence}\n`) }]);
    const r = dataset.records.find((x) => x.value === 10_000)!;
    expect(longSentence.includes(r.evidence)).toBe(true);
    expect(r.evidence.length).toBeLessThanOrEqual(MAX_CELL_TEXT);
  });
});

describe("the longest record the schema accepts", () => {
  // Every text field at the limit, in characters that cost the most bytes (astral plane, 4 bytes in UTF-8).
  const full = "\u{1F9F2}".repeat(MAX_CELL_TEXT / 2);
  const big = rec({
    subject: full, region: full, title: full, product: full, code: full, unit: full, grade: full, basis: full,
    evidence: full, date_evidence: full, source_title: full, source_outlet: full,
    organizations: Array.from({ length: MAX_ORGANIZATIONS }, () => "\u{1F9F2}".repeat(500)),
  });

  it("is valid, and is planned into Excel requests (alone in its chunk) instead of failing the table", () => {
    expect(MgRecordSchema.safeParse(big).success).toBe(true);
    const cols = columnsOf(ALL_COLUMN_IDS);
    const plan = planInsert([rec(), big, rec()], cols);
    expect(plan.rowCount).toBe(3);
    for (const c of plan.chunks) expect(c.bytes).toBeLessThan(5_000_000);
    for (const row of plan.chunks.flatMap((c) => c.values)) for (const v of row) expect(String(v).length).toBeLessThanOrEqual(32_767);
  });

  it("is written to the .xlsx whole", async () => {
    const bytes = await buildXlsx([big], { preset: "custom", tableName: "MG_Records", filter: EMPTY_FILTER, columns: ["evidence", "organizations"] }, "v");
    expect(bytes.byteLength).toBeGreaterThan(0);
  });
});

describe("links", () => {
  it("an address longer than an Excel hyperlink takes stays text in the table, nothing lost", () => {
    const url = `https://example.test/${"c".repeat(MAX_LINK_URL)}`;
    const plan = planInsert([rec({ source_url: url })], columnsOf(["source_url"]));
    expect(plan.chunks[0].links).toEqual([]);
    expect(plan.chunks[0].values[0][0]).toBe(url);
    const fine = planInsert([rec({ source_url: "https://example.test/a" })], columnsOf(["source_url"]));
    expect(fine.chunks[0].links).toHaveLength(1);
  });
});
