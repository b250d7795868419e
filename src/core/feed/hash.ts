// SHA-256 through Web Crypto (crypto.subtle): native in browsers and in Node 20, no Node-only API.
//
// A large file is hashed in a dedicated worker where the platform has Web Workers (browsers; never Node):
// Chromium's digest copies its whole input on the calling thread before hashing, which the feed bench
// measured at about 50 ms of the page's thread for a 60 MB records.csv, while the page parses it. Posting
// the bytes to a worker costs the page about a third of that, and the worker's digest runs beside the parse.

/** Files of this many bytes or more are hashed in a worker where one can run. */
export const WORKER_HASH_BYTES = 1024 * 1024;
/**
 * A worker that has not said it runs within this time is given up (a page may refuse blob: workers
 * without an error event); one that runs gets about 20 times what a slow machine needs for the digest.
 */
const WORKER_START_MS = 3_000;
const workerPatienceMs = (bytes: number) => 10_000 + bytes / 10_000;

/** The worker's whole program: say it runs, hash what it is sent, answer with the digest (or the error's text). */
const WORKER_SOURCE = `postMessage("ready");
onmessage = async (e) => {
  try {
    const digest = await crypto.subtle.digest("SHA-256", e.data);
    postMessage(digest, [digest]);
  } catch (err) {
    postMessage(String(err && err.message || err));
  }
};`;

function hex(digest: ArrayBuffer): string {
  const view = new Uint8Array(digest);
  let out = "";
  for (let i = 0; i < view.length; i++) out += view[i].toString(16).padStart(2, "0");
  return out;
}

async function digestHere(bytes: Uint8Array): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) throw new Error("Web Crypto (crypto.subtle) is not available: the page must be served over https or from localhost");
  return hex(await subtle.digest("SHA-256", bytes as Uint8Array<ArrayBuffer>));
}

/**
 * The digest from a worker, or undefined when no worker could run it (no Worker here, or a page whose
 * security policy refuses blob: workers): the caller then hashes on its own thread. Rejects when
 * `signal` aborts (the worker is stopped: a cancelled refresh leaves nothing running).
 */
function digestInWorker(bytes: Uint8Array, signal?: AbortSignal): Promise<string | undefined> {
  const g = globalThis as { Worker?: typeof Worker; Blob?: typeof Blob; URL?: typeof URL };
  if (typeof g.Worker !== "function" || typeof g.Blob !== "function" || typeof g.URL?.createObjectURL !== "function") return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    let url = "";
    let worker: Worker | undefined;
    let timer = setTimeout(() => done(undefined), WORKER_START_MS);
    const onAbort = () => done(undefined, new DOMException("The hash was cancelled.", "AbortError"));
    let finished = false;
    const done = (result: string | undefined, error?: unknown) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      worker?.terminate();
      if (url) URL.revokeObjectURL(url);
      if (error !== undefined) reject(error);
      else resolve(result);
    };
    if (signal?.aborted) return onAbort();
    signal?.addEventListener("abort", onAbort, { once: true });
    try {
      url = URL.createObjectURL(new Blob([WORKER_SOURCE], { type: "text/javascript" }));
      worker = new g.Worker!(url);
      worker.onmessage = (e: MessageEvent) => {
        if (finished) return;
        if (e.data === "ready") {
          clearTimeout(timer);
          timer = setTimeout(() => done(undefined), workerPatienceMs(bytes.byteLength));
          return;
        }
        done(e.data instanceof ArrayBuffer ? hex(e.data) : undefined);
      };
      worker.onerror = () => done(undefined);
      // Exactly the file's bytes (a view of part of a larger buffer would post the whole buffer). The
      // caller keeps parsing them, so they are copied, not transferred; a slice is copied once and moved.
      if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength) worker.postMessage(bytes);
      else {
        const copy = bytes.slice();
        worker.postMessage(copy, [copy.buffer]);
      }
    } catch {
      done(undefined);
    }
  });
}

/** Lowercase hex SHA-256 of the bytes; `signal` stops a worker still hashing (the promise then rejects). */
export async function sha256Hex(bytes: Uint8Array, signal?: AbortSignal): Promise<string> {
  if (bytes.byteLength >= WORKER_HASH_BYTES) {
    const inWorker = await digestInWorker(bytes, signal);
    if (inWorker !== undefined) return inWorker;
  }
  return digestHere(bytes);
}
