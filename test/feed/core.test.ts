// The feed core without a network: publish -> parse round trip, strict parsing, versions, diff.
import { publishFeed } from "../../src/core/feed/publish";
import { parseRecordsCsv, parseRecordsCsvAsync, parseStrictNumber } from "../../src/core/feed/csv";
import { parseManifest } from "../../src/core/feed/manifest";
import { compareVersions } from "../../src/core/feed/version";
import { diffRecords } from "../../src/core/feed/diff";
import { FeedError } from "../../src/core/feed/errors";
import { recordsToCsv } from "../../src/core/model/csv";
import { RECORD_COLUMNS } from "../../src/core/model/record";
import { rangeRecords, syntheticDataset, syntheticRecord } from "./fixtures";

const text = (b: Uint8Array) => new TextDecoder().decode(b);

function feedError(fn: () => unknown): FeedError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(FeedError);
    return e as FeedError;
  }
  throw new Error("expected a FeedError");
}

describe("publishFeed", () => {
  it("writes a manifest with the hash and size of each file, and records that parse back identically", async () => {
    const ds = syntheticDataset(rangeRecords(1, 7));
    const feed = await publishFeed(ds, { generatedAt: new Date("2021-02-04T10:00:00Z") });
    expect(feed.files.map((f) => f.name)).toEqual(["dataset-info.json", "records.csv", "manifest.json"]);
    const m = parseManifest(text(feed.files[2].bytes));
    expect(m).toMatchObject({ schema_version: 2, version: ds.version, as_of: ds.as_of, count: 6, generated_at: "2021-02-04T10:00:00.000Z" });
    const csv = feed.files[1];
    expect(m.files.find((f) => f.name === "records.csv")!.bytes).toBe(csv.bytes.byteLength);
    const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", csv.bytes as Uint8Array<ArrayBuffer>));
    expect(m.files.find((f) => f.name === "records.csv")!.sha256).toBe(Buffer.from(digest).toString("hex"));
    expect(text(csv.bytes).split("\r\n")[0]).toBe(RECORD_COLUMNS.join(","));
    expect(parseRecordsCsv(text(csv.bytes))).toEqual(ds.records);
  });

  it("refuses an organisation name holding the list separator rather than publish a different list", async () => {
    const ds = syntheticDataset([syntheticRecord(1, { organizations: ["A; B"] })]);
    await expect(publishFeed(ds)).rejects.toThrow('Record syn-0001 has the organization "A; B", which cannot be written to one CSV cell separated by "; ", so nothing was published.');
  });

  it("refuses an empty or invalid dataset", async () => {
    await expect(publishFeed(syntheticDataset([]))).rejects.toThrow(/has no records/);
    await expect(publishFeed({ nope: 1 })).rejects.toThrow(/invalid/);
  });
});

describe("records.csv parser", () => {
  const header = RECORD_COLUMNS.join(",");
  const row = (over: Record<string, string>) => {
    const csv = recordsToCsv([syntheticRecord(1)]).split("\r\n")[1];
    const cells = csv.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.slice(0, RECORD_COLUMNS.length).map((c) => c.replace(/,$/, ""));
    for (const [k, v] of Object.entries(over)) cells[RECORD_COLUMNS.indexOf(k as never)] = v;
    return cells.join(",");
  };

  it("names the row and field of a value that is not a plain number", () => {
    expect(feedError(() => parseRecordsCsv(`${header}\r\n${row({ value: "1,250" })}`)).message).toBe(
      "Row 2 of records.csv has 28 fields but the header has 27.",
    );
    expect(feedError(() => parseRecordsCsv(`${header}\r\n${row({ value: '"1,250"' })}`)).message).toBe(
      'Row 2 of records.csv has an invalid "value": expected a plain number such as 1250.5 or an empty cell, found "1,250".',
    );
  });

  it("names the row and field a schema check refuses", () => {
    const e = feedError(() => parseRecordsCsv(`${header}\r\n${row({})}\r\n${row({ id: "syn-9", kind: "rumour" })}`));
    expect(e.code).toBe("invalid_row");
    expect(e.message).toMatch(/^Row 3 of records\.csv has an invalid "kind": .*\(found "rumour"\)\.$/);
    expect(feedError(() => parseRecordsCsv(`${header}\r\n${row({ date: "2021-13" })}`)).message).toMatch(/^Row 2 of records\.csv has an invalid "date"/);
    expect(feedError(() => parseRecordsCsv(`${header}\r\n${row({ value: "1500", value_max: "1000" })}`)).message).toBe(
      'Row 2 of records.csv has an invalid "value_max": value_max must be at least value, and there is no value_max without a value (found "1000").',
    );
    expect(feedError(() => parseRecordsCsv(`${header}\r\n${row({ date: "2021-03", date_end: "2021-02-28" })}`)).message).toBe(
      'Row 2 of records.csv has an invalid "date_end": date_end must not be before date (found "2021-02-28").',
    );
    expect(feedError(() => parseRecordsCsv(`${header}\r\n${row({ date_end: "2021-02-29" })}`)).message).toBe(
      'Row 2 of records.csv has an invalid "date_end": expected a day of the calendar (this month has fewer days) (found "2021-02-29").',
    );
    expect(feedError(() => parseRecordsCsv(`${header}\r\n${row({ evidence: "" })}`)).message).toMatch(/invalid "evidence".*the cell is empty/);
  });

  it("refuses repeated ids, a wrong header and a short row", () => {
    expect(feedError(() => parseRecordsCsv(`${header}\r\n${row({})}\r\n${row({})}`)).message).toBe('Row 3 of records.csv repeats the id "syn-0001" of row 2.');
    expect(feedError(() => parseRecordsCsv(`${header.replace("kind", "knd")}\r\n${row({})}`)).message).toBe(
      'The header of records.csv does not match the record columns: column 2 should be "kind" but is "knd".',
    );
    expect(feedError(() => parseRecordsCsv(`${header}\r\na,b`)).message).toBe("Row 2 of records.csv has 2 fields but the header has 27.");
  });

  it("parses numbers strictly", () => {
    expect(parseStrictNumber("")).toBeNull();
    expect(parseStrictNumber("-12.5")).toBe(-12.5);
    expect(parseStrictNumber("1e+21")).toBe(1e21);
    for (const bad of ["1,5", " 1", "0x10", "NaN", "Infinity", "1.", ".5", "+1", "01"]) expect(parseStrictNumber(bad)).toBeUndefined();
  });
});

describe("parsing without freezing the page", () => {
  it("reads a piece per task, reports progress, and stops between pieces when cancelled", async () => {
    const csv = recordsToCsv(rangeRecords(1, 200));
    const seen: number[] = [];
    expect(await parseRecordsCsvAsync(csv, { pieceSize: 2000, taskMs: 0, onProgress: (done) => seen.push(done) })).toEqual(rangeRecords(1, 200));
    expect(seen.length).toBeGreaterThan(10);
    expect(seen[seen.length - 1]).toBe(199);

    const abort = new AbortController();
    const cancelled = parseRecordsCsvAsync(csv, { pieceSize: 2000, taskMs: 0, signal: abort.signal, onProgress: (done) => done > 50 && abort.abort() });
    await expect(cancelled).rejects.toThrow("The refresh was cancelled, so the data in use is unchanged.");
  });
});

describe("versions", () => {
  it("orders by as_of date, then by publication time, and treats the same version as nothing new", () => {
    const cur = { version: "2021-02-03.0a1b2c3d", as_of: "2021-02-03" };
    expect(compareVersions({ ...cur }, cur)).toBe("same");
    expect(compareVersions({ version: "2021-03-01.ffffffff", as_of: "2021-03-01" }, cur)).toBe("newer");
    expect(compareVersions({ version: "2020-12-31.ffffffff", as_of: "2020-12-31" }, cur)).toBe("older");
    expect(compareVersions({ version: "2021-02-03.99999999", as_of: "2021-02-03" }, cur)).toBe("newer");
    const fromFeed = { ...cur, generated_at: "2021-02-05T00:00:00Z" };
    expect(compareVersions({ version: "2021-02-03.99999999", as_of: "2021-02-03", generated_at: "2021-02-04T00:00:00Z" }, fromFeed)).toBe("older");
  });
});

describe("diff", () => {
  it("lists records added, changed (with the fields) and removed, by id", () => {
    const before = rangeRecords(1, 5);
    const after = [before[0], { ...before[1], value: 9999 }, before[3], syntheticRecord(10)];
    const d = diffRecords(before, after);
    expect([d.added, d.changed, d.removed, d.unchanged]).toEqual([1, 1, 1, 2]);
    expect(d.changes.map((c) => [c.change, c.id, c.fields])).toEqual([
      ["added", "syn-0010", []],
      ["changed", "syn-0002", ["value"]],
      ["removed", "syn-0003", []],
    ]);
  });

  it("gives a changed record's old and new value of each changed field, so the pane can show old -> new", () => {
    const before = rangeRecords(1, 3);
    const after = [{ ...before[0], value: 12.75, organizations: [...before[0].organizations, "Othertest Metals"] }, before[1]];
    const [change] = diffRecords(before, after).changes;
    expect(change.values).toEqual([
      { field: "organizations", before: before[0].organizations, after: [...before[0].organizations, "Othertest Metals"] },
      { field: "value", before: before[0].value, after: 12.75 },
    ]);
    expect(change.fields).toEqual(change.values.map((v) => v.field));
  });
});
