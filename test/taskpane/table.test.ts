import Papa from "papaparse";
import { rec } from "../excel/syntheticRecords";
import {
  EMPTY_FILTER, filterRecords, isoToExcelDate, planInsert, columnsOf, tableToCsv, tableToTsv, safeHttpUrl, specForFilter, nextFreeTableName,
  isValidTableName, knownNames, normalizeFilter, PRESETS, ALL_COLUMN_IDS, undatedInRange, dateRangeReversed,
} from "../../src/core/table";

describe("dates", () => {
  it("gives Excel serials and a format showing only the precision the source gives", () => {
    expect(isoToExcelDate("2024-02-29")).toEqual({ serial: 45351, precision: "day", format: "yyyy-mm-dd" });
    expect(isoToExcelDate("2024-11")).toEqual({ serial: 45597, precision: "month", format: "mmm yyyy" });
    expect(isoToExcelDate("2023")).toEqual({ serial: 44927, precision: "year", format: "yyyy" });
    expect(isoToExcelDate("2023-02-29")).toBeNull();
    expect(isoToExcelDate("")).toBeNull();
  });
});

describe("filters", () => {
  const rs = [
    rec({ id: "a", kind: "project", subject: "Alpha Test Co", organizations: ["Alpha Test Co", "Beta Partner Ltd"], region: "Testland", date: "2024-05", title: "Alpha furnace", evidence: "Alpha Test Co started a furnace." }),
    rec({ id: "b", kind: "capacity", subject: "Beta Partner Ltd", organizations: ["Beta Partner Ltd"], region: "Otherland", date: "2023-01-10", title: "Beta plant", evidence: "Beta said the plant makes hydride." }),
    rec({ id: "c", kind: "event", subject: "Gamma", organizations: ["Gamma"], region: "Testland", date: "", title: "Gamma fair", evidence: "Gamma held a fair." }),
  ];
  const ids = (f: Partial<typeof EMPTY_FILTER>) => filterRecords(rs, { ...EMPTY_FILTER, ...f }).map((r) => r.id);
  it("filters by kind, region and organisation (a partner counts)", () => {
    expect(ids({})).toEqual(["a", "b", "c"]);
    expect(ids({ kinds: ["capacity", "event"] })).toEqual(["b", "c"]);
    expect(ids({ regions: ["testland"] })).toEqual(["a", "c"]);
    expect(ids({ subjects: ["Beta Partner Ltd"] })).toEqual(["a", "b"]);
  });
  it("matches a month-precision date by overlap and drops undated records from a date range", () => {
    expect(ids({ from: "2024-05-20", to: "2024-06-30" })).toEqual(["a"]);
    expect(ids({ from: "2024-06-01" })).toEqual([]);
    expect(ids({ to: "2023-12-31" })).toEqual(["b"]);
  });
  it("counts the undated records a date range leaves out, and keeps them when asked", () => {
    const f = { ...EMPTY_FILTER, from: "2024-01-01", to: "2024-12-31" };
    // "c" (the fair) has no date: the range cannot place it
    expect(ids(f)).toEqual(["a"]);
    expect(undatedInRange(rs, f)).toBe(1);
    expect(ids({ ...f, includeUndated: true })).toEqual(["a", "c"]);
    expect(undatedInRange(rs, { ...f, includeUndated: true })).toBe(1);
    // only the undated records the other filters keep count
    expect(undatedInRange(rs, { ...f, kinds: ["project", "capacity"] })).toBe(0);
    expect(undatedInRange(rs, { ...f, regions: ["Testland"] })).toBe(1);
    // no range, nothing left out, and the option changes nothing
    expect(undatedInRange(rs, EMPTY_FILTER)).toBe(0);
    expect(ids({ includeUndated: true })).toEqual(["a", "b", "c"]);
  });
  it("knows a from-date after the to-date", () => {
    expect(dateRangeReversed({ from: "2024-06-01", to: "2024-05-31" })).toBe(true);
    expect(ids({ from: "2024-06-01", to: "2024-05-31" })).toEqual([]);
    expect(dateRangeReversed({ from: "2024-05-31", to: "2024-05-31" })).toBe(false);
    expect(dateRangeReversed({ from: "2024-06-01", to: "" })).toBe(false);
  });
  it("stores the undated option with the filter, so a refreshed table keeps the same rows", () => {
    const f = { ...EMPTY_FILTER, from: "2024-01-01", to: "2024-12-31", includeUndated: true };
    const back = normalizeFilter(JSON.parse(JSON.stringify(f)));
    expect(back.includeUndated).toBe(true);
    expect(filterRecords(rs, back).map((r) => r.id)).toEqual(["a", "c"]);
    // a filter stored before the option existed reads back as it was
    expect(normalizeFilter({ ...EMPTY_FILTER, from: "2024-01-01" })).toEqual({ ...EMPTY_FILTER, from: "2024-01-01" });
    expect("includeUndated" in normalizeFilter({ ...EMPTY_FILTER, includeUndated: false })).toBe(false);
    expect(() => normalizeFilter({ includeUndated: "yes" })).toThrow(/filter.includeUndated/);
  });
  it("finds every word of the free text in title or evidence, ignoring case and punctuation", () => {
    expect(ids({ text: "HYDRIDE plant" })).toEqual(["b"]);
    expect(ids({ text: "furnace, alpha" })).toEqual(["a"]);
    expect(ids({ text: "furnace hydride" })).toEqual([]);
  });
  it("counts names over subjects and organisations", () => {
    expect(knownNames(rs)[0]).toEqual({ name: "Beta Partner Ltd", count: 2 });
  });
  it("rejects a stored filter it cannot read, saying which field", () => {
    expect(() => normalizeFilter({ kinds: ["rumour"] })).toThrow(/unknown kind "rumour"/);
    expect(() => normalizeFilter({ from: "May 2024" })).toThrow(/filter.from/);
  });
});

describe("presets and names", () => {
  it("keeps a preset's columns and name while its kinds are chosen", () => {
    const p = PRESETS.find((x) => x.id === "policies")!;
    expect(specForFilter({ ...EMPTY_FILTER, kinds: ["standard", "policy"], text: "x" }, "policies")).toMatchObject({ tableName: "MG_Policies", columns: p.columns });
    expect(specForFilter({ ...EMPTY_FILTER, kinds: ["policy"] }, "policies")).toMatchObject({ tableName: "MG_Records", columns: ALL_COLUMN_IDS });
  });
  it("finds a free table name and refuses names Excel refuses", () => {
    expect(nextFreeTableName("MG_Policies", ["mg_policies", "MG_Policies_2"])).toBe("MG_Policies_3");
    expect(isValidTableName("MG_Policies")).toBe(true);
    expect(isValidTableName("AB12")).toBe(false);
    expect(isValidTableName("MG Policies")).toBe(false);
  });
});

describe("chunk plan", () => {
  it("keeps each chunk under its byte budget and every row exactly once", () => {
    const rows = Array.from({ length: 2000 }, (_, i) => rec({ id: `r${i}`, evidence: "Ω".repeat(300) }));
    const plan = planInsert(rows, columnsOf(ALL_COLUMN_IDS), { maxBytes: 100_000 });
    expect(plan.chunks.every((c) => c.bytes <= 100_000)).toBe(true);
    expect(plan.chunks.reduce((n, c) => n + c.values.length, 0)).toBe(2000);
    expect(plan.chunks.map((c) => c.firstRow)).toEqual(plan.chunks.map((_, i) => plan.chunks.slice(0, i).reduce((n, c) => n + c.values.length, 0)));
    // 300 two-byte characters count as 600 bytes, not 300.
    expect(plan.chunks[0].bytes).toBeGreaterThan(plan.chunks[0].values.length * 600);
  });
});

describe("csv", () => {
  it("reads back the same table, with formula-like text neutralised", () => {
    const rows = [rec({ kind: "policy", title: "=1+2", code: "-3", date: "2024-11", value: 12.5 })];
    const cols = columnsOf(["title", "code", "date", "date_precision", "value", "source_url"]);
    const parsed = Papa.parse<string[]>(tableToCsv(rows, cols), { skipEmptyLines: true }).data;
    expect(parsed).toEqual([
      ["Title", "Code", "Date", "Date precision", "Value", "Source"],
      ["'=1+2", "'-3", "2024-11-01", "month", "12.5", "https://example.test/articles/1"],
    ]);
  });

  it("writes every date as a whole ISO day a spreadsheet reads as that date, never a bare year it reads as a number", () => {
    const rows = [
      rec({ kind: "policy", date: "2024", date_effective: "2025-07" }),
      rec({ kind: "policy", date: "2024-07", date_effective: "2025-01-15" }),
      rec({ kind: "policy", date: "2024-07-03", date_effective: "" }),
    ];
    const cols = columnsOf(["date", "date_precision", "date_effective", "date_effective_precision"]);
    const text = tableToCsv(rows, cols);
    // dynamicTyping turns what looks like a number into one, as a spreadsheet opening the file does
    const typed = Papa.parse<unknown[]>(text, { skipEmptyLines: true, dynamicTyping: true }).data;
    expect(typed).toEqual([
      ["Date", "Date precision", "Effective date", "Effective date precision"],
      ["2024-01-01", "year", "2025-07-01", "month"],
      ["2024-07-01", "month", "2025-01-15", "day"],
      ["2024-07-03", "day", null, null],
    ]);
    // the copy pastes the same cells
    expect(Papa.parse<string[]>(tableToTsv(rows, cols), { delimiter: "\t", skipEmptyLines: true }).data[1]).toEqual(["2024-01-01", "year", "2025-07-01", "month"]);
  });

  it("says a partial date's precision in its cell when the file has no precision column for it", () => {
    const rows = [rec({ kind: "event", date: "2025-06", date_end: "2025", source_published: "2025-08" })];
    const parsed = Papa.parse<unknown[]>(tableToCsv(rows, columnsOf(["date", "date_end", "source_published"])), { skipEmptyLines: true, dynamicTyping: true }).data;
    expect(parsed[1]).toEqual(["2025-06 (month)", "2025 (year)", "2025-08 (month)"]);
  });

  it("keeps negative numbers as numbers in the .csv and the copy, while text starting with - + = @ stays guarded", () => {
    const rows = [rec({ kind: "weight_saving", title: "-5 kg door", code: "+1", product: "@part", value: -12.5, value_max: -3 })];
    const cols = columnsOf(["title", "code", "product", "value", "value_max"]);
    const csv = Papa.parse<string[]>(tableToCsv(rows, cols), { skipEmptyLines: true }).data;
    expect(csv[1]).toEqual(["'-5 kg door", "'+1", "'@part", "-12.5", "-3"]);
    const tsv = Papa.parse<string[]>(tableToTsv(rows, cols), { delimiter: "\t", skipEmptyLines: true }).data[1];
    expect(tsv).toEqual(["'-5 kg door", "'+1", "'@part", "-12.5", "-3"]);
  });

  it("guards text whose formula goes on past a line break (papaparse's default pattern misses it)", () => {
    const rows = [rec({ title: "=1+2\nsecond line" })];
    const parsed = Papa.parse<string[]>(tableToCsv(rows, columnsOf(["title"])), { skipEmptyLines: true }).data;
    expect(parsed[1]).toEqual(["'=1+2\nsecond line"]);
  });
});

describe("source links", () => {
  it("lets only http(s) addresses with a host become links", () => {
    expect(safeHttpUrl("https://example.test/a?b=1")).toBe("https://example.test/a?b=1");
    expect(safeHttpUrl("HTTP://example.test/")).toBe("HTTP://example.test/");
    for (const bad of ["javascript:alert(1)", " javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<b>x</b>", "file:///etc/passwd", "//example.test/a", "/relative", "https://", "https://exa mple.test/", 'https://example.test/"onmouseover=x', "", null, undefined]) {
      expect(safeHttpUrl(bad)).toBeNull();
    }
  });
  it("writes a javascript: source as plain text in an Excel insert, with no hyperlink", () => {
    const plan = planInsert([rec({ source_url: "javascript:alert(1)" })], columnsOf(["source_url"]));
    expect(plan.chunks[0].links).toEqual([]);
    expect(plan.chunks[0].values[0][0]).toBe("javascript:alert(1)");
  });
});

describe("payload sizing", () => {
  it("counts JSON bytes exactly as JSON.stringify + UTF-8 would", () => {
    const { jsonBytes } = require("../../src/core/table/plan");
    for (const v of ["", "plain", 'quote " and \\ backslash', "tab\tnew\nline\u0001", "Ω ü 中文 😀", "\ud800 lone", 12.5, -3, 1e21, 0]) {
      expect(jsonBytes(v)).toBe(Buffer.byteLength(JSON.stringify(v), "utf8"));
    }
  });
});

describe("subject filter with the dataset's index", () => {
  it("keeps every record of the entity the index resolves the name to, whatever spelling the record uses", () => {
    const { RecordIndex } = require("../../src/core/query/recordIndex");
    const { dataset } = require("../excel/syntheticRecords");
    const rs = [
      rec({ id: "x1", subject: "Delta Test Magnesium Co., Ltd.", organizations: ["Delta Test Magnesium Co., Ltd."] }),
      rec({ id: "x2", subject: "Other Test Co", organizations: ["Other Test Co", "Delta Test Magnesium"] }),
      rec({ id: "x3", subject: "Delta Testing Labs", organizations: ["Delta Testing Labs"] }),
    ];
    const index = new RecordIndex(dataset(rs));
    const ids = filterRecords(rs, { ...EMPTY_FILTER, subjects: ["Delta Test Magnesium"] }, index).map((r) => r.id).sort();
    expect(ids).toEqual(["x1", "x2"]);
  });
});

describe("cells Excel cannot hold", () => {
  it("keeps dates before March 1900 as text (text too long for a cell never gets here: test/hostile/cells.test.ts)", () => {
    const cols = columnsOf(["evidence", "date"]);
    const plan = planInsert([rec({ date: "1899-06" })], cols);
    const [, date] = plan.chunks[0].values[0];
    expect(date).toBe("1899-06");
    expect(plan.chunks[0].numberFormat[0][1]).toBe("@");
  });
});
