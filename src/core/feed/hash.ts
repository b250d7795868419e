// SHA-256 through Web Crypto (crypto.subtle): native in browsers and in Node 20, no Node-only API.
//
// A large file is hashed in a dedicated worker where the platform has Web Workers (browsers; never Node):
// Chromium's digest copies its whole input on the calling thread before hashing, which the feed bench
// measured at about 50 ms of the page's thread for a 60 MB records.csv, while the page parses it. Posting
// the bytes to a worker costs the page about a third of that, and the worker's digest runs beside the parse.

/** Files of this many bytes or more are hashed in a worker where one can run. */
export const WORKER_HASH_BYTES = 1024 * 1024;
/** A worker that has not answered by then (about 20 times the time a slow machine needs) is given up for this thread's digest. */
const workerPatienceMs = (bytes: number) => 10_000 + bytes / 10_000;

/** The worker's whole program: hash what it is sent, answer with the digest (or the error's text). */
const WORKER_SOURCE = `onmessage = async (e) => {
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
 * security policy refuses blob: workers): the caller then hashes on its own thread.
 */
function digestInWorker(bytes: Uint8Array): Promise<string | undefined> {
  const g = globalThis as { Worker?: typeof Worker; Blob?: typeof Blob; URL?: typeof URL };
  if (typeof g.Worker !== "function" || typeof g.Blob !== "function" || typeof g.URL?.createObjectURL !== "function") return Promise.resolve(undefined);
  return new Promise((resolve) => {
    let url = "";
    let worker: Worker | undefined;
    const timer = setTimeout(() => done(undefined), workerPatienceMs(bytes.byteLength));
    const done = (result: string | undefined) => {
      clearTimeout(timer);
      worker?.terminate();
      if (url) URL.revokeObjectURL(url);
      resolve(result);
    };
    try {
      url = URL.createObjectURL(new Blob([WORKER_SOURCE], { type: "text/javascript" }));
      worker = new g.Worker!(url);
      worker.onmessage = (e: MessageEvent) => done(e.data instanceof ArrayBuffer ? hex(e.data) : undefined);
      worker.onerror = () => done(undefined);
      // A view of part of a larger buffer would post the whole buffer: post exactly the file's bytes.
      worker.postMessage(bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice());
    } catch {
      done(undefined);
    }
  });
}

/** Lowercase hex SHA-256 of the bytes. */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  if (bytes.byteLength >= WORKER_HASH_BYTES) {
    const inWorker = await digestInWorker(bytes);
    if (inWorker !== undefined) return inWorker;
  }
  return digestHere(bytes);
}
