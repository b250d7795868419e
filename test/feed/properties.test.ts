// Property tests: random and mutated CSV, manifests and whole feeds go to the parser, the checker and the
// controller. Whatever the input: only FeedError is ever thrown, and the data in use is either untouched
// or entirely the new, valid dataset (never a partial swap).
import fc from "fast-check";
import { createHash } from "crypto";
import { DataStore } from "../../src/core/data/store";
import { RefreshController, StoredFeedData } from "../../src/core/feed/controller";
import { parseRecordsCsv, parseRecordsCsvAsync, parseRecordsCsvBytes, RecordRowReader } from "../../src/core/feed/csv";
import { wholeFileParse } from "./wholeFileParse";
import { recordToRow } from "../../src/core/model/csv";
import { FeedError } from "../../src/core/feed/errors";
import { parseManifest } from "../../src/core/feed/manifest";
import { parseDataset } from "../../src/core/model/dataset";
import { MgRecordSchema, RECORD_COLUMNS } from "../../src/core/model/record";
import { feedFiles, FeedFiles, text, utf8 } from "./feeds";
import { rangeRecords, syntheticDataset, syntheticRecord } from "./fixtures";

const bundled = syntheticDataset(rangeRecords(1, 4));
const newer = syntheticDataset([...rangeRecords(2, 6), { ...syntheticRecord(6), value: -0.5 }].slice(1), {
  version: "2021-04-01.aaaabbbb",
  as_of: "2021-04-01",
});

let good: FeedFiles;
beforeAll(async () => {
  good = await feedFiles(newer);
});

/** Runs fn; passes if it returns or throws a FeedError; fails on anything else thrown. */
function onlyFeedErrors<T>(fn: () => T): T | FeedError {
  try {
    return fn();
  } catch (e) {
    if (!(e instanceof FeedError)) throw new Error(`not a FeedError: ${String(e)}`, { cause: e });
    expect(e.message).toMatch(/^[^\n]+\.$/);
    return e;
  }
}

/** A byte-level mutation: replace, insert or delete a few characters, duplicate or drop a line. */
const mutation = fc.oneof(
  fc.record({ op: fc.constant("replace" as const), at: fc.nat(), s: fc.string({ unit: "binary", minLength: 1, maxLength: 4 }) }),
  fc.record({ op: fc.constant("insert" as const), at: fc.nat(), s: fc.constantFrom('"', ",", "\r\n", "\n", "\uFEFF", "\u0000", "; ", "x", "1e999", "\ud800") }),
  fc.record({ op: fc.constant("delete" as const), at: fc.nat(), n: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ op: fc.constant("dupline" as const), at: fc.nat() }),
  fc.record({ op: fc.constant("dropline" as const), at: fc.nat() }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(s: string, muts: Mutation[]): string {
  for (const m of muts) {
    const at = s.length ? m.at % s.length : 0;
    if (m.op === "replace") s = s.slice(0, at) + m.s + s.slice(at + m.s.length);
    else if (m.op === "insert") s = s.slice(0, at) + m.s + s.slice(at);
    else if (m.op === "delete") s = s.slice(0, at) + s.slice(at + m.n);
    else {
      const lines = s.split("\r\n");
      const i = m.at % lines.length;
      if (m.op === "dupline") lines.splice(i, 0, lines[i]);
      else lines.splice(i, 1);
      s = lines.join("\r\n");
    }
  }
  return s;
}

describe("records.csv parser", () => {
  it("random text: a FeedError or valid records, never a crash", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 400 }), (s) => {
        onlyFeedErrors(() => parseRecordsCsv(s));
      }),
      { numRuns: 400 },
    );
  });

  it("mutated valid CSV: a FeedError or records that all pass the schema", () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (muts) => {
        const out = onlyFeedErrors(() => parseRecordsCsv(mutate(text(good["records.csv"]), muts)));
        if (!(out instanceof FeedError)) {
          for (const r of out) expect(MgRecordSchema.safeParse(r).success).toBe(true);
          expect(new Set(out.map((r) => r.id)).size).toBe(out.length);
        }
      }),
      { numRuns: 500 },
    );
  });
});

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

describe("piece-by-piece parsing and fast validation agree with the plain definitions", () => {
  const outcome = (fn: () => unknown) => {
    try {
      return { ok: fn() };
    } catch (e) {
      return { error: (e as Error).message };
    }
  };

  it("any piece size, from text or from bytes, gives what papaparse's whole-file parse gives", () => {
    fc.assert(
      fc.property(fc.array(mutation, { maxLength: 4 }), fc.integer({ min: 1, max: 300 }), (muts, pieceSize) => {
        const csv = mutate(text(good["records.csv"]), muts);
        const reference = outcome(() => wholeFileParse(csv));
        expect(outcome(() => parseRecordsCsv(csv, { pieceSize }))).toEqual(reference);
        // from bytes too, when the text survives UTF-8 (a lone surrogate does not)
        if (!LONE_SURROGATE.test(csv)) expect(outcome(() => parseRecordsCsvBytes(utf8(csv), { pieceSize }))).toEqual(reference);
      }),
      { numRuns: 300 },
    );
  });

  it("parsing a piece per task gives what the synchronous parser gives", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { maxLength: 3 }), fc.integer({ min: 1, max: 400 }), async (muts, pieceSize) => {
        const csv = mutate(text(good["records.csv"]), muts);
        let asyncOutcome;
        try {
          asyncOutcome = { ok: await parseRecordsCsvAsync(csv, { pieceSize, taskMs: 0 }) };
        } catch (e) {
          asyncOutcome = { error: (e as Error).message };
        }
        expect(asyncOutcome).toEqual(outcome(() => wholeFileParse(csv)));
      }),
      { numRuns: 150 },
    );
  });

  it("a row is accepted exactly when MgRecordSchema accepts the record it makes", () => {
    // One reader for all rows, as in a real parse, so its memory of accepted cells is exercised too.
    const reader = new RecordRowReader();
    let n = 0;
    const template = recordToRow(syntheticRecord(1));
    const cellValues = fc.constantFrom("", "x", "2021", "2021-02", "2021-13", "2021-02-30", "2021-02-3", "policy", "Policy", "year", "decade", "over", "about ", "12.5", "-3", "1e3", "NaN", "a; b", "; ", "\u00e9", " ");
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(RECORD_COLUMNS.length - 1), cellValues), { maxLength: 3 }), (edits) => {
        const row = [...template];
        row[0] = `syn-row-${n++}`;
        for (const [col, v] of edits) row[col] = v;
        const numeric = (c: string) => (c === "" ? null : /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/.test(c) ? Number(c) : NaN);
        const obj = Object.fromEntries(
          RECORD_COLUMNS.map((c, i) => [c, c === "organizations" ? (row[i] === "" ? [] : row[i].split("; ")) : c === "value" || c === "value_max" ? numeric(row[i]) : row[i]]),
        );
        const got = outcome(() => reader.read(row, 2));
        expect("ok" in got).toBe(MgRecordSchema.safeParse(obj).success);
        if ("ok" in got) expect(got.ok).toEqual(obj);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("manifest checker", () => {
  const value = fc.oneof(fc.anything(), fc.constant(undefined), fc.string(), fc.integer(), fc.constant([]), fc.constant({}));
  const field = fc.constantFrom("schema_version", "version", "as_of", "generated_at", "count", "files", "extra");

  it("random and mutated manifests: a FeedError or a manifest that lists both data files", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(field, value, fc.boolean()), { maxLength: 3 }), fc.nat(), fc.option(value), (edits, fileIdx, fileEdit) => {
        const m = JSON.parse(text(good["manifest.json"]));
        for (const [k, v, del] of edits) {
          if (del) delete m[k];
          else m[k] = v;
        }
        if (fileEdit !== null && Array.isArray(m.files) && m.files.length) {
          const f = m.files[fileIdx % m.files.length];
          if (f && typeof f === "object") f[["name", "bytes", "sha256"][fileIdx % 3]] = fileEdit;
        }
        let json: string;
        try {
          json = JSON.stringify(m) ?? "null";
        } catch {
          return; // fc.anything() may give a BigInt, which no server could send as JSON
        }
        const out = onlyFeedErrors(() => parseManifest(json));
        if (!(out instanceof FeedError)) expect(out.files.map((f) => f.name)).toEqual(expect.arrayContaining(["records.csv", "dataset-info.json"]));
      }),
      { numRuns: 500 },
    );
    fc.assert(fc.property(fc.string({ unit: "binary" }), (s) => void onlyFeedErrors(() => parseManifest(s))), { numRuns: 300 });
  });
});

describe("refresh through the controller", () => {
  const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

  /** An in-memory feed server (the HTTP paths are covered by the fault matrix; this one is fast). */
  function fetchFrom(files: FeedFiles) {
    return async (url: string) => {
      const name = url.replace(/^.*\//, "");
      const body = files[name];
      return body ? new Response(body as Uint8Array<ArrayBuffer>, { status: 200 }) : new Response("missing", { status: 404, statusText: "Not Found" });
    };
  }

  it("mutated feeds (re-hashed or not): either the whole new dataset is in use, or nothing changed", async () => {
    const target = fc.constantFrom("records.csv", "dataset-info.json", "manifest.json");
    await fc.assert(
      fc.asyncProperty(target, fc.array(mutation, { minLength: 1, maxLength: 3 }), fc.boolean(), async (name, muts, rehash) => {
        let files: FeedFiles = { ...good, [name]: utf8(mutate(text(good[name]), muts)) };
        if (rehash && name !== "manifest.json") {
          const m = JSON.parse(text(good["manifest.json"]));
          const entry = m.files.find((f: { name: string }) => f.name === name);
          entry.bytes = files[name].byteLength;
          entry.sha256 = sha(files[name]);
          files = { ...files, "manifest.json": utf8(JSON.stringify(m)) };
        }
        const store = new DataStore();
        const before = store.replace(bundled, "bundled");
        let saved: StoredFeedData | undefined;
        const controller = new RefreshController({
          store,
          loadBundled: async () => bundled,
          persistence: { load: async () => saved, save: async (d) => void (saved = d), clear: async () => void (saved = undefined) },
          fetch: fetchFrom(files),
          enforceUrlPolicy: false,
        });
        const status = await controller.refresh("https://feed.example.test/feed/");
        const now = store.current()!;
        if (status.state === "updated") {
          expect(now.origin).toBe("feed");
          expect(parseDataset(now.dataset)).toEqual(now.dataset);
          expect(now.index.dataset).toBe(now.dataset);
          expect(saved?.dataset).toBe(now.dataset);
        } else {
          expect(["error", "up_to_date"]).toContain(status.state);
          expect(status.state === "error" && status.code === "internal").toBe(false); // every failure is an anticipated one
          expect(now).toBe(before);
          expect(saved).toBeUndefined();
        }
      }),
      { numRuns: 250 },
    );
  });
});
