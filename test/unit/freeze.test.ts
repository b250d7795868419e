// Freeze planning (src/core/freeze) on the bundled dataset: the Sources row of a formula is the record its
// answer is read from (checked against that record in src/data/dataset.json, not typed numbers), text and
// URLs never become formulas, 10k cells are planned in requests under the limit, and a refresh's changed
// cells list a cell that now answers #N/A first.
import { parseDataset, Dataset } from "../../src/core/model/dataset";
import bundled from "../../src/data/dataset.json";
import { buildIndex } from "../../src/core/query/recordIndex";
import { policyDate, weightSaving } from "../../src/core/query/functions";
import { isAnswerError } from "../../src/core/query/answer";
import type { DataSnapshot } from "../../src/core/data/store";
import type { MgRecord } from "../../src/core/model/record";
import { datePrecision } from "../../src/core/model/dates";
import { DATE_FORMATS } from "../../src/core/table/dates";
import {
  FoundCell, NOT_RESOLVED, REQUEST_LIMIT_BYTES, SOURCE_HEADERS, changedCells, frozenValue, mergeSources, mgCalls, parseAddress,
  planFreeze, planRestore, planSourcesWrite, rangeAddress, readSourcesTable, sourceRowsOf, sourcesRowCells, urlCell,
} from "../../src/core/freeze";
import { diffRecords } from "../../src/core/feed/diff";

const data = parseDataset(bundled);
const snap = (d: Dataset): DataSnapshot => ({ dataset: d, index: buildIndex(d), origin: "bundled" });
const snapshot = snap(data);
const recordById = (id: string): MgRecord => data.records.find((r) => r.id === id)!;
const NO_REFS = new Map<string, string | number | boolean>();
const FROZEN_AT = "2026-01-02T03:04:05.000Z";

/** The record WEIGHTSAVING("Seres") answers from, as the query core picks it. */
function seres(): { value: number; record: MgRecord } {
  const a = weightSaving(snapshot.index, "Seres");
  if (isAnswerError(a) || !a.record) throw new Error("Seres has no weight saving in the bundled data");
  return { value: a.value, record: a.record };
}

const cell = (formula: string, value: string | number | boolean, extra: Partial<FoundCell> = {}): FoundCell =>
  ({ sheet: "Model", row: 2, col: 1, formula, value, numberFormat: "General", ...extra });

describe("MG calls in a formula", () => {
  it("reads literals, omitted arguments and one-cell references; a range, a name or a nested call is not guessed", () => {
    expect(mgCalls('=MG.CAPACITY("US Magnesium", , , , "planned")', "S")).toEqual([
      { name: "CAPACITY", text: 'MG.CAPACITY("US Magnesium", , , , "planned")', args: [
        { kind: "literal", value: "US Magnesium" }, { kind: "omitted" }, { kind: "omitted" }, { kind: "omitted" }, { kind: "literal", value: "planned" },
      ] },
    ]);
    expect(mgCalls("=mg.weightsaving($A$1, \"kg\", 'My ''sheet'''!B2, TRUE, -2.5)", "S")[0].args).toEqual([
      { kind: "ref", sheet: "S", cell: "A1" }, { kind: "literal", value: "kg" }, { kind: "ref", sheet: "My 'sheet'", cell: "B2" },
      { kind: "literal", value: true }, { kind: "literal", value: -2.5 },
    ]);
    expect(mgCalls("=MG.DATAINFO()", "S")[0].args).toEqual([]);
    const nested = mgCalls('=IFERROR(MG.PRICE("magnesium ingot", A1:A3, MG.POLICYDATE("MIIT")), "none")*2', "S");
    expect(nested.map((c) => c.name)).toEqual(["PRICE", "POLICYDATE"]);
    expect(nested[0].args[1]).toMatchObject({ kind: "unresolved", why: "A1:A3 is a range, not one cell" });
    expect(nested[0].args[2]).toMatchObject({ kind: "unresolved" });
    // MG text inside a string, or a name that merely ends in MG., is no call
    expect(mgCalls('="MG.WEIGHTSAVING(1)"&XMG.FOO(1)', "S")).toEqual([]);
    expect(mgCalls("not a formula MG.FACT(1)", "S")).toEqual([]);
  });

  it("addresses round trip, quoted sheet names included", () => {
    expect(rangeAddress("My sheet", 2, 1, 3, 2)).toBe("'My sheet'!B3:C5");
    expect(parseAddress("'My sheet'!B3:C5")).toEqual({ sheet: "My sheet", row: 2, col: 1, rows: 3, cols: 2 });
    expect(parseAddress("Model!$AA$10")).toEqual({ sheet: "Model", row: 9, col: 26, rows: 1, cols: 1 });
    expect(parseAddress("B3")).toBeNull();
  });
});

describe("the Sources row of a formula", () => {
  it("is the record the answer is read from: its evidence, outlet, URL and published date, with the dataset's version", () => {
    const { value, record } = seres();
    const [row] = sourceRowsOf(cell('=MG.WEIGHTSAVING("Seres")', value), { snapshot, refs: NO_REFS, frozenAt: FROZEN_AT });
    const inData = recordById(row.recordId);
    expect(inData).toBe(record);
    expect(row).toMatchObject({
      cell: "Model!B3", formula: '=MG.WEIGHTSAVING("Seres")', value, unit: inData.unit,
      evidence: inData.evidence, outlet: inData.source_outlet, url: inData.source_url, published: inData.source_published,
      datasetVersion: data.version, asOf: data.as_of, frozenAt: FROZEN_AT, note: "",
    });
    // the figure frozen is one the sentence writes
    expect(inData.evidence).toContain(String(value));
  });

  it("reads a referenced cell's value from the host, and says 'source not resolved' when it was not read", () => {
    const { value, record } = seres();
    const refs = new Map([["Model!A1", "Seres"]]);
    expect(sourceRowsOf(cell("=MG.WEIGHTSAVING(A1)", value), { snapshot, refs, frozenAt: FROZEN_AT })[0].recordId).toBe(record.id);
    const [unread] = sourceRowsOf(cell("=MG.WEIGHTSAVING(A1)", value), { snapshot, refs: NO_REFS, frozenAt: FROZEN_AT });
    expect(unread).toMatchObject({ recordId: "", evidence: "", note: `${NOT_RESOLVED}: the value of Model!A1 was not read` });
    const [range] = sourceRowsOf(cell("=MG.WEIGHTSAVING(A1:A2)", value), { snapshot, refs: NO_REFS, frozenAt: FROZEN_AT });
    expect(range.note).toBe(`${NOT_RESOLVED}: A1:A2 is a range, not one cell`);
  });

  it("says #N/A and its message when the answer is an error", () => {
    const [row] = sourceRowsOf(cell('=MG.WEIGHTSAVING("Zzyzx Nonexistent Metals")', "#N/A"), { snapshot, refs: NO_REFS, frozenAt: FROZEN_AT });
    expect(row.note).toMatch(/^#N\/A: /);
    expect(row.recordId).toBe("");
  });

  it("a spill's rows are one per source its Source column names, each with that source's outlet and date", () => {
    const source = data.sources.find((s) => s.url && s.record_count > 0)!;
    const spill = { row: 2, col: 1, rows: 3, cols: 2, values: [["Date", "Source"], [45000, source.url], [45001, source.url]], numberFormat: [["General", "General"], ["General", "General"], ["General", "General"]] };
    const rows = sourceRowsOf(cell("=MG.EVENTS()", "Date", { spill }), { snapshot, refs: NO_REFS, frozenAt: FROZEN_AT });
    expect(rows).toEqual([expect.objectContaining({ cell: "Model!B3", spill: "Model!B3:C5", url: source.url, outlet: source.outlet, published: source.published, note: "2 rows of the 3×2 spill" })]);
  });
});

describe("values written in place", () => {
  it("numbers stay numbers, text stays text (quote prefix), errors stay errors", () => {
    expect(frozenValue(21.8)).toBe(21.8);
    expect(frozenValue(true)).toBe(true);
    expect(frozenValue("#N/A")).toBe("#N/A");
    expect(frozenValue("2024-05")).toBe("'2024-05");
    expect(frozenValue("=HYPERLINK(\"x\")")).toBe("'=HYPERLINK(\"x\")");
    expect(frozenValue("")).toBe("");
  });

  it("a POLICYDATE shown as a bare serial gets the date format of its record's precision; a formatted cell keeps its own", () => {
    const a = policyDate(snapshot.index, "MIIT");
    if (isAnswerError(a)) throw new Error(a.message);
    const precision = datePrecision(a.record!.date) as "day" | "month";
    const plan = planFreeze([cell('=MG.POLICYDATE("MIIT")', a.value)], snapshot, NO_REFS, { frozenAt: FROZEN_AT });
    expect(plan.chunks[0].blocks[0]).toMatchObject({ values: [[a.value]], numberFormat: [[DATE_FORMATS[precision]]] });
    const kept = planFreeze([cell('=MG.POLICYDATE("MIIT")', a.value, { numberFormat: "dd/mm/yyyy" })], snapshot, NO_REFS);
    expect(kept.chunks[0].blocks[0].numberFormat).toBeUndefined();
    // a count of days from a date is no date
    const days = planFreeze([cell('=MG.POLICYDATE("MIIT")-30', a.value - 30)], snapshot, NO_REFS);
    expect(days.chunks[0].blocks[0].numberFormat).toBeUndefined();
  });

  it("a spilled date column left General gets the format its precision column says", () => {
    const spill = { row: 0, col: 0, rows: 3, cols: 2, values: [["Date", "Date precision"], [45000, "month"], [45001, "day"]], numberFormat: [["General", "General"], ["General", "General"], ["yyyy-mm-dd", "General"]] };
    const plan = planFreeze([{ sheet: "S", row: 0, col: 0, formula: "=MG.EVENTS()", value: "Date", numberFormat: "General", spill }], snapshot, NO_REFS);
    expect(plan.chunks[0].blocks[0]).toMatchObject({ rows: 3, cols: 2, values: [["'Date", "'Date precision"], [45000, "'month"], [45001, "'day"]], numberFormat: [["General", "General"], ["mmm yyyy", "General"], ["yyyy-mm-dd", "General"]] });
  });

  it("with keep cards, a card is written back as its JSON on its own", () => {
    const card = { type: "Double", basicValue: 21.8, properties: { Evidence: { type: "String", basicValue: "A sentence." } } };
    const plan = planFreeze([cell('=MG.WEIGHTSAVING("Seres")', 21.8, { card })], snapshot, NO_REFS, { keepCards: true });
    expect(plan.chunks[0].blocks[0]).toMatchObject({ json: [[card]] });
    expect(planFreeze([cell('=MG.WEIGHTSAVING("Seres")', 21.8, { card })], snapshot, NO_REFS).chunks[0].blocks[0]).toMatchObject({ values: [[21.8]] });
  });
});

describe("10k MG cells", () => {
  const { value } = seres();
  // every other row (no column runs: one block per cell, the costliest layout), then a column run
  const scattered: FoundCell[] = Array.from({ length: 10_000 }, (_, i) => ({ sheet: "Big", row: 2 * i, col: i % 7, formula: '=MG.WEIGHTSAVING("Seres")', value, numberFormat: "General" }));

  it("are planned in requests each under the budget, every cell frozen once, the Sources rows in the same order", () => {
    const t0 = Date.now();
    const plan = planFreeze(scattered, snapshot, NO_REFS, { maxBytes: 1_000_000 });
    const ms = Date.now() - t0;
    expect(plan.formulas).toBe(10_000);
    expect(plan.chunks.length).toBeGreaterThan(1);
    for (const c of plan.chunks) {
      expect(c.bytes).toBeLessThanOrEqual(1_000_000);
      // the estimate holds the real JSON of the writes, with room for the request's framing
      const json = c.blocks.reduce((n, b) => n + JSON.stringify(b.values).length + JSON.stringify(b.numberFormat ?? null).length, 0);
      expect(json).toBeLessThan(c.bytes);
    }
    const written = new Set(plan.chunks.flatMap((c) => c.blocks.map((b) => `${b.sheet}!${b.row},${b.col}`)));
    expect(written.size).toBe(10_000);
    expect(plan.sources).toHaveLength(10_000);
    expect(plan.chunks.map((c) => c.sourceRowsThrough)).toEqual([...plan.chunks.map((c) => c.sourceRowsThrough)].sort((a, b) => a - b));
    expect(plan.chunks.at(-1)!.sourceRowsThrough).toBe(10_000);
    expect(ms).toBeLessThan(5_000);
  });

  it("in one column are one block per request, and the Sources table is planned under the limit too", () => {
    const column = scattered.map((c, i) => ({ ...c, row: i, col: 0 }));
    const plan = planFreeze(column, snapshot, NO_REFS);
    expect(plan.chunks).toHaveLength(2); // 5,000 formulas per request
    expect(plan.chunks.every((c) => c.blocks.length === 1)).toBe(true);
    const chunks = planSourcesWrite(plan.sources, 1_000_000);
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) expect(c.bytes).toBeLessThanOrEqual(1_000_000);
    expect(chunks.reduce((n, c) => n + c.formulas.length, 0)).toBe(10_000);
  });

  it("a spill too big for one request is cut into row slices written without a cancel in between", () => {
    const rows = 3_000;
    const long = "A sentence written for this test, long enough to weigh something in a request. ".repeat(20);
    const spill = { row: 0, col: 0, rows, cols: 2, values: [["Title", "Note"], ...Array.from({ length: rows - 1 }, () => [long, long])], numberFormat: Array.from({ length: rows }, () => ["General", "General"]) };
    const plan = planFreeze([{ sheet: "S", row: 0, col: 0, formula: "=MG.EVENTS()", value: "Title", numberFormat: "General", spill }], snapshot, NO_REFS, { maxBytes: 1_000_000 });
    expect(plan.chunks.length).toBeGreaterThan(1);
    expect(plan.chunks.slice(0, -1).every((c) => c.continues)).toBe(true);
    expect(plan.chunks.at(-1)!.continues).toBe(false);
    expect(plan.chunks.every((c) => c.bytes < REQUEST_LIMIT_BYTES)).toBe(true);
    expect(plan.chunks.reduce((n, c) => n + c.blocks[0].rows, 0)).toBe(rows);
  });
});

describe("the MG_Sources table", () => {
  it("a URL is a HYPERLINK only when it passes the link gate; any other text is quote-prefixed text", () => {
    expect(urlCell("https://example.test/a?b=1")).toEqual({ formula: '=HYPERLINK("https://example.test/a?b=1")', format: "General" });
    expect(urlCell('https://example.test/"),WEBSERVICE("x')).toEqual({ formula: 'https://example.test/"),WEBSERVICE("x', format: "@" });
    expect(urlCell("javascript:alert(1)")).toEqual({ formula: "javascript:alert(1)", format: "@" });
    expect(urlCell("=cmd|' /C calc'!A0")).toEqual({ formula: "'=cmd|' /C calc'!A0", format: "@" });
    expect(urlCell(`https://example.test/${"a".repeat(300)}`).format).toBe("@");
  });

  it("rows read back as written (formula as text), and a new freeze of a cell replaces its old rows", () => {
    const { value } = seres();
    const rows = sourceRowsOf(cell('=MG.WEIGHTSAVING("Seres")', value), { snapshot, refs: NO_REFS, frozenAt: FROZEN_AT });
    const { cells, formats } = sourcesRowCells(rows[0]);
    expect(cells[1]).toBe("'=MG.WEIGHTSAVING(\"Seres\")");
    expect(formats[1]).toBe("@");
    // as Excel reads the table: the quote prefix is no part of the value, the HYPERLINK shows its URL
    const read = cells.map((c, j) => (SOURCE_HEADERS[j] === "URL" ? rows[0].url : typeof c === "string" ? c.replace(/^'/, "") : c));
    const back = readSourcesTable(SOURCE_HEADERS, [read], [formats]);
    expect(back).toEqual([{ ...rows[0], valueFormat: "General" }]);
    const again = { ...rows[0], frozenAt: "later" };
    expect(mergeSources([rows[0], { ...rows[0], cell: "Model!C9" }], [again])).toEqual([{ ...rows[0], cell: "Model!C9" }, again]);
    expect(() => readSourcesTable(["Cell"], [])).toThrow(/no "Formula" column/);
  });

  it("restore writes back MG formulas only, once per cell, in scope", () => {
    const base = sourceRowsOf(cell('=MG.WEIGHTSAVING("Seres")', 1), { snapshot, refs: NO_REFS, frozenAt: FROZEN_AT })[0];
    const rows = [base, { ...base, note: "second call" }, { ...base, cell: "Model!B4", formula: '=WEBSERVICE("https://x.test")' }, { ...base, cell: "Other!A1" }, { ...base, cell: "", table: "MG_Policies" }];
    const plan = planRestore(rows, (sheet) => sheet === "Model");
    expect(plan.chunks.flatMap((c) => c.ops)).toEqual([expect.objectContaining({ sheet: "Model", row: 2, col: 1, formula: '=MG.WEIGHTSAVING("Seres")' })]);
    expect(plan.skipped).toEqual([{ cell: "Model!B4", why: expect.stringContaining("no MG formula") }]);
  });
});

describe("cells whose answer a refresh changed", () => {
  it("lists old -> new with the record that changed, a cell that now answers #N/A first", () => {
    const { value, record } = seres();
    const policy = policyDate(snapshot.index, "MIIT");
    if (isAnswerError(policy)) throw new Error(policy.message);
    // the new data: Seres' figure revised, MIIT's policy gone
    const records = data.records
        .filter((r) => r.subject !== "MIIT" || r.kind !== "policy")
        .filter((r) => !(r.kind === "policy" && /MIIT/.test(`${r.title} ${r.subject} ${r.code} ${r.organizations.join(" ")}`)))
        .map((r) => (r.id === record.id ? { ...r, value: value + 1 } : r));
    const after = parseDataset({ ...data, records, count: records.length });
    const diff = diffRecords(data.records, after.records);
    const cells = [
      { sheet: "Model", row: 0, col: 0, formula: '=MG.WEIGHTSAVING("Seres")' },
      { sheet: "Model", row: 1, col: 0, formula: '=MG.POLICYDATE("MIIT")' },
      { sheet: "Model", row: 2, col: 0, formula: "=MG.SUBJECTS(\"zzzz-nothing\")" },
      { sheet: "Model", row: 3, col: 0, formula: "=SUM(1,2)" },
    ];
    const out = changedCells(cells, NO_REFS, snapshot, snap(after), diff);
    expect(out.cells).toBe(3);
    expect(out.changes.map((c) => c.cell)).toEqual(["Model!A2", "Model!A1"]);
    expect(out.changes[0]).toMatchObject({ nowNotAvailable: true, before: { text: String(policy.value) }, after: { text: "#N/A", error: "not_available" } });
    expect(out.changes[1]).toMatchObject({
      before: { text: String(value), record: { id: record.id, evidence: record.evidence } },
      after: { text: String(value + 1) },
      recordChange: { id: record.id, change: "changed", fields: ["value"] },
    });
  });
});
