// sha256Hex: a large file's digest comes from a worker where one can run, and from this thread when the
// worker cannot start, fails, never says it runs or never answers; the worker gets exactly the file's
// bytes, is always stopped, and leaves no timer or Blob URL behind; a cancel stops it. A stand-in Worker
// (Node has none) says it runs and hashes what it is posted with Web Crypto, as the real one does.
import { createHash } from "crypto";
import { sha256Hex, WORKER_HASH_BYTES } from "../../src/core/feed/hash";

type Behaviour = "answer" | "answer-other" | "error" | "throw" | "silent" | "never-starts";
let behaviour: Behaviour = "answer";
let started: StandInWorker[] = [];

class StandInWorker {
  onmessage: ((e: { data: unknown }) => void) | null = null;
  onerror: ((e: unknown) => void) | null = null;
  posted: Uint8Array[] = [];
  terminated = false;
  constructor(readonly url: string) {
    if (behaviour === "throw") throw new Error("Refused to create a worker");
    started.push(this);
    if (behaviour !== "never-starts") setTimeout(() => this.terminated || this.onmessage?.({ data: "ready" }), 0);
  }
  postMessage(data: Uint8Array): void {
    this.posted.push(data);
    if (behaviour === "silent" || behaviour === "never-starts") return;
    if (behaviour === "error") {
      setTimeout(() => this.onerror?.(new Error("failed to load")), 1);
      return;
    }
    const hashed = behaviour === "answer-other" ? new Uint8Array([1, 2, 3]) : data;
    void crypto.subtle.digest("SHA-256", hashed as Uint8Array<ArrayBuffer>).then((d) => this.terminated || this.onmessage?.({ data: d }));
  }
  terminate(): void {
    this.terminated = true;
  }
}

const g = globalThis as { Worker?: unknown };
const expected = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
const bigFile = () => {
  const b = new Uint8Array(WORKER_HASH_BYTES + 10);
  for (let i = 0; i < b.length; i++) b[i] = (i * 31) & 0xff;
  return b;
};

beforeEach(() => {
  behaviour = "answer";
  started = [];
  g.Worker = StandInWorker;
});
afterEach(() => {
  delete g.Worker;
  jest.useRealTimers();
});

describe("sha256Hex", () => {
  it("hashes a large file in a worker, posting exactly the file's bytes, and stops the worker", async () => {
    const inside = new Uint8Array(WORKER_HASH_BYTES + 100);
    inside.set(bigFile(), 50);
    const file = inside.subarray(50, 50 + WORKER_HASH_BYTES + 10); // a view of part of a larger buffer
    expect(await sha256Hex(file)).toBe(expected(file));
    expect(started).toHaveLength(1);
    expect(started[0].posted[0].byteLength).toBe(file.byteLength);
    expect(started[0].posted[0].buffer.byteLength).toBe(file.byteLength);
    expect(started[0].terminated).toBe(true);
  });

  it("leaves no timer and no Blob URL behind", async () => {
    jest.useFakeTimers({ doNotFake: ["queueMicrotask", "nextTick", "setImmediate"] });
    const revoke = jest.spyOn(URL, "revokeObjectURL");
    try {
      const digest = sha256Hex(bigFile());
      await jest.advanceTimersByTimeAsync(1);
      const file = bigFile();
      expect(await digest).toBe(expected(file));
      expect(jest.getTimerCount()).toBe(0);
      expect(revoke).toHaveBeenCalledTimes(1);
    } finally {
      revoke.mockRestore();
    }
  });

  it("stops the worker when cancelled, and rejects", async () => {
    behaviour = "silent";
    const abort = new AbortController();
    const digest = sha256Hex(bigFile(), abort.signal);
    await new Promise((r) => setTimeout(r, 5));
    abort.abort();
    await expect(digest).rejects.toThrow(/cancelled/);
    expect(started[0].terminated).toBe(true);
  });

  it("returns the worker's answer, not a digest of its own", async () => {
    behaviour = "answer-other";
    expect(await sha256Hex(bigFile())).toBe(expected(new Uint8Array([1, 2, 3])));
  });

  it("hashes a small file here, with no worker", async () => {
    const small = new TextEncoder().encode("id,kind\r\n");
    expect(await sha256Hex(small)).toBe(expected(small));
    expect(started).toHaveLength(0);
  });

  it.each<[string, Behaviour]>([
    ["cannot start", "throw"],
    ["fails to load", "error"],
  ])("hashes here when the worker %s", async (_, b) => {
    behaviour = b;
    const file = bigFile();
    expect(await sha256Hex(file)).toBe(expected(file));
    for (const w of started) expect(w.terminated).toBe(true);
  });

  it.each<[string, Behaviour, number]>([
    ["never says it runs", "never-starts", 3_000],
    ["runs but never answers", "silent", 60_000],
  ])("hashes here when the worker %s", async (_, b, wait) => {
    behaviour = b;
    jest.useFakeTimers();
    const file = bigFile();
    const digest = sha256Hex(file);
    await jest.advanceTimersByTimeAsync(wait);
    jest.useRealTimers();
    expect(await digest).toBe(expected(file));
    expect(started[0].terminated).toBe(true);
  });

  it("hashes here where there is no Worker (Node)", async () => {
    delete g.Worker;
    const file = bigFile();
    expect(await sha256Hex(file)).toBe(expected(file));
  });
});
