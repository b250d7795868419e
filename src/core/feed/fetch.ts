// Downloads one feed file with the guards a refresh needs: an idle timeout (no answer, or no bytes for
// that long; the whole refresh's total deadline is refresh.ts's), user cancellation, a size limit
// enforced while reading (a hostile or broken server cannot make the pane buffer gigabytes), redirects
// followed by hand with every hop held to the feed URL rule (net/redirects.ts), and network failures
// turned into one sentence.
import { networkReason } from "../net/networkReason";
import { fetchFollowingRedirects, RedirectError, RequestInitLike } from "../net/redirects";
import { feedRedirectRefusal } from "../net/urlPolicy";
import { CANCELLED_MESSAGE, FeedError, formatBytes } from "./errors";

export type FetchLike = (input: string, init?: RequestInitLike) => Promise<Response>;

export interface DownloadOptions {
  fetch?: FetchLike;
  signal?: AbortSignal;
  /** Abort when the server sends no headers or no bytes for this long (the idle timeout). */
  timeoutMs: number;
  /** Redirects followed before the chain is called a loop (default 5). */
  maxRedirects?: number;
  /** Refuse a body larger than this. */
  maxBytes: number;
  /** The size the manifest declares: reading stops as soon as the body exceeds it. */
  expectedBytes?: number;
  /** Name used in messages ("records.csv"). */
  label: string;
  onBytes?: (loaded: number, total: number | undefined) => void;
}

const OFFLINE_REASON = "you may be offline, or the server is down or does not allow this page to read it";

/** "30 seconds", "0.4 seconds", "5 minutes": a duration for messages. */
export function seconds(ms: number): string {
  if (ms >= 120_000 && ms % 60_000 === 0) return `${ms / 60_000} minutes`;
  if (ms === 1000) return "1 second";
  return ms % 1000 === 0 ? `${ms / 1000} seconds` : `${(ms / 1000).toFixed(1)} seconds`;
}

/** Fetches `url` fully into memory under the guards above. Throws FeedError only. */
export async function downloadFile(url: string, opts: DownloadOptions): Promise<Uint8Array> {
  const doFetch: FetchLike = opts.fetch ?? ((u, init) => globalThis.fetch(u, init));
  const { signal, timeoutMs, maxBytes, expectedBytes, label } = opts;
  if (signal?.aborted) throw new FeedError("cancelled", CANCELLED_MESSAGE);

  const controller = new AbortController();
  let timedOut = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
  };
  const onUserAbort = () => controller.abort();
  signal?.addEventListener("abort", onUserAbort, { once: true });

  const failure = (e: unknown): FeedError => {
    if (e instanceof FeedError) return e;
    if (signal?.aborted) return new FeedError("cancelled", CANCELLED_MESSAGE);
    if (timedOut) return new FeedError("timeout", `The feed sent nothing for ${seconds(timeoutMs)} (the idle timeout) while sending ${label} (${url}).`);
    if (e instanceof RedirectError) {
      return e.problem === "refused"
        ? new FeedError("invalid_url", `${label} was not downloaded: ${e.message}.`)
        : new FeedError("http", `Could not get ${label}: ${e.message}.`);
    }
    return new FeedError("offline", `Could not reach the feed to get ${label} at ${url}: ${networkReason(e, OFFLINE_REASON)}.`, { cause: e });
  };

  try {
    arm();
    let response: Response;
    try {
      response = (await fetchFollowingRedirects(doFetch, url, { signal: controller.signal, rule: feedRedirectRefusal, maxRedirects: opts.maxRedirects })).response;
    } catch (e) {
      throw failure(e);
    }
    if (!response.ok) {
      const text = response.statusText ? ` ${response.statusText}` : "";
      try {
        await response.body?.cancel();
      } catch {
        /* the status is what matters */
      }
      throw new FeedError("http", `The feed server answered HTTP ${response.status}${text} for ${label} (${url}).`);
    }
    const limit = expectedBytes === undefined ? maxBytes : Math.min(maxBytes, expectedBytes);
    const tooBig = (size: number): FeedError =>
      size > maxBytes
        ? new FeedError("too_large", `${label} is larger than the limit of ${formatBytes(maxBytes)}, so it was not downloaded.`)
        : new FeedError("size_mismatch", `${label} is larger than the ${expectedBytes} bytes the manifest declares.`);
    // Content-Length is a hint only (it counts compressed bytes when the server compresses).
    const declared = Number(response.headers.get("content-length") ?? NaN);
    if (!response.headers.get("content-encoding") && Number.isFinite(declared) && declared > limit) {
      controller.abort();
      throw tooBig(declared);
    }
    const total = expectedBytes ?? (Number.isFinite(declared) ? declared : undefined);
    // A body that comes in one chunk is used as is. Otherwise, with the size declared by the manifest,
    // chunks are copied straight into one buffer of that size (no second copy of a large file at the
    // end); a body of unknown size is collected, then joined.
    const sized = expectedBytes !== undefined && expectedBytes <= maxBytes;
    let into: Uint8Array | undefined;
    const chunks: Uint8Array[] = [];
    let loaded = 0;
    try {
      if (response.body && typeof response.body.getReader === "function") {
        const reader = response.body.getReader();
        for (;;) {
          arm();
          const { done, value } = await reader.read();
          if (done) break;
          if (loaded + value.byteLength > limit) {
            controller.abort();
            try {
              await reader.cancel();
            } catch {
              /* already failing */
            }
            throw tooBig(loaded + value.byteLength);
          }
          if (into) into.set(value, loaded);
          else if (sized && chunks.length === 1) {
            into = new Uint8Array(expectedBytes);
            into.set(chunks[0], 0);
            into.set(value, loaded);
            chunks.length = 0;
          } else chunks.push(value);
          loaded += value.byteLength;
          opts.onBytes?.(loaded, total);
        }
      } else {
        const buf = new Uint8Array(await response.arrayBuffer());
        loaded = buf.byteLength;
        if (loaded > limit) throw tooBig(loaded);
        opts.onBytes?.(loaded, total);
        return buf;
      }
    } catch (e) {
      throw failure(e);
    }
    if (into) return loaded === into.byteLength ? into : into.slice(0, loaded);
    if (chunks.length === 1) return chunks[0];
    const out = new Uint8Array(loaded);
    let offset = 0;
    for (const c of chunks) {
      out.set(c, offset);
      offset += c.byteLength;
    }
    return out;
  } finally {
    if (timer !== undefined) clearTimeout(timer);
    signal?.removeEventListener("abort", onUserAbort);
  }
}

/** Decodes bytes as UTF-8, refusing anything that is not (a BOM is allowed and dropped). */
export function decodeUtf8(bytes: Uint8Array, label: string): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new FeedError("not_utf8", `${label} is not valid UTF-8 text.`);
  }
}
