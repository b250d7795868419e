// The large-file path through papaparse's Web Worker, in Node: a stand-in Worker runs papaparse's own
// chunked parse and posts its results as papaparse's worker does ({ workerId, results, finished }, the
// first chunk again at the end). The real worker runs in test/browser/refresh.browser.test.ts; this covers
// what is hard to stage there: a problem in a row, a chunk cut between a closing quote's "\r" and "\n", a
// byte-order mark, Cancel before the first chunk.
import type * as PapaModule from "papaparse";
import type * as CsvModule from "../../src/core/feed/csv";
import { recordsToCsv, recordToRow } from "../../src/core/model/csv";
import { RECORD_COLUMNS } from "../../src/core/model/record";
import { rangeRecords } from "./fixtures";

let delivered = 0;
let workers: StandInWorker[] = [];

class StandInWorker {
  onmessage: ((e: { data: unknown }) => void) | null = null;
  onerror: (() => void) | null = null;
  terminated = false;
  private started = false;
  constructor() {
    workers.push(this);
    // the page's probe worker (csv.ts canUseBlobWorkers) only needs an answer
    setTimeout(() => !this.started && !this.terminated && this.onmessage?.({ data: "ready" }), 0);
  }
  postMessage(msg: { input: string; config: Record<string, unknown>; workerId: number }): void {
    this.started = true;
    const posts: unknown[] = [];
    Papa.parse(msg.input, { ...msg.config, chunk: (r: unknown) => posts.push(JSON.parse(JSON.stringify(r))), complete: undefined, error: undefined } as never);
    const all = [...posts.map((results, i) => ({ results, finished: i === posts.length - 1 })), { results: posts[0], finished: true }];
    let k = 0;
    const next = () => {
      if (this.terminated || k >= all.length) return;
      const m = all[k++];
      delivered++;
      this.onmessage?.({ data: { workerId: msg.workerId, results: m.results, finished: m.finished } });
      setTimeout(next, 0);
    };
    setTimeout(next, 5);
  }
  terminate(): void {
    this.terminated = true;
  }
}

// papaparse reads its global (self, else the global object) and Worker once, when it loads: both are set
// first, then papaparse and the parser are loaded on their own for this file.
let Papa: typeof PapaModule;
let parseRecordsCsvBytes: typeof CsvModule.parseRecordsCsvBytes;
let parseRecordsCsvBytesAsync: typeof CsvModule.parseRecordsCsvBytesAsync;
const g = globalThis as { Worker?: unknown; self?: unknown };
const saved = { Worker: g.Worker, self: g.self };
beforeAll(() => {
  g.Worker = StandInWorker;
  g.self = globalThis;
  jest.isolateModules(() => {
    Papa = require("papaparse");
    ({ parseRecordsCsvBytes, parseRecordsCsvBytesAsync } = require("../../src/core/feed/csv"));
  });
  (Papa as { BLOB_URL?: string }).BLOB_URL = "blob:stand-in";
  expect(Papa.WORKERS_SUPPORTED).toBe(true);
});
afterAll(() => {
  g.Worker = saved.Worker;
  g.self = saved.self;
});
beforeEach(() => {
  delivered = 0;
  workers = [];
});

const utf8 = (s: string) => new TextEncoder().encode(s);
const outcome = async (fn: () => unknown) => {
  try {
    return { ok: await fn() };
  } catch (e) {
    return { error: (e as Error).message };
  }
};
const inWorker = (bytes: Uint8Array, chunk = 5000) => outcome(() => parseRecordsCsvBytesAsync(bytes, { workerThreshold: 1, pieceSize: chunk }));
const onPage = (bytes: Uint8Array) => outcome(() => parseRecordsCsvBytes(bytes));

describe("the worker path", () => {
  const good = recordsToCsv(rangeRecords(1, 301));

  it("gives what the page gives: the records, or the first bad row at its row", async () => {
    expect(await inWorker(utf8(good))).toEqual(await onPage(utf8(good)));
    expect(delivered).toBeGreaterThan(1); // papaparse's worker did the parsing
    const repeated = utf8(good.replace("syn-0200", "syn-0100"));
    expect(await inWorker(repeated)).toEqual({ error: "Row 201 of records.csv repeats the id \"syn-0100\" of row 101." });
    expect(await onPage(repeated)).toEqual({ error: "Row 201 of records.csv repeats the id \"syn-0100\" of row 101." });
  });

  it("reads a file with every field quoted when a chunk ends between a closing quote's \\r and \\n", async () => {
    const quoted = Papa.unparse({ fields: [...RECORD_COLUMNS], data: rangeRecords(1, 51).map(recordToRow) }, { newline: "\r\n", quotes: true });
    const cut = quoted.indexOf('"\r\n', quoted.indexOf("\r\n") + 2) + 2;
    expect(await inWorker(utf8(quoted), cut)).toEqual({ ok: rangeRecords(1, 51) });
  });

  it("drops a leading byte-order mark, as the page does", async () => {
    const quoted = Papa.unparse({ fields: [...RECORD_COLUMNS], data: rangeRecords(1, 21).map(recordToRow) }, { newline: "\r\n", quotes: true });
    for (const text of ["\uFEFF" + quoted, "\uFEFF\r\n" + good]) {
      const expected = await onPage(utf8(text));
      expect(expected).toHaveProperty("ok");
      expect(await inWorker(utf8(text))).toEqual(expected);
    }
  });

  it("stops the worker when cancelled before its first chunk", async () => {
    const abort = new AbortController();
    const parsing = parseRecordsCsvBytesAsync(utf8(recordsToCsv(rangeRecords(1, 2001))), { workerThreshold: 1, pieceSize: 5000, signal: abort.signal });
    setTimeout(() => abort.abort(), 2); // the worker has the text; its first chunk comes at 5 ms
    await expect(parsing).rejects.toThrow("The refresh was cancelled, so the data in use is unchanged.");
    await new Promise((resolve) => setTimeout(resolve, 200));
    // ~80 chunks of 5,000 characters: the stopped worker posts at most the one in flight
    expect(delivered).toBeLessThanOrEqual(1);
  });
});
