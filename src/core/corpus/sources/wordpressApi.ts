// Reads a WordPress REST API collection URL (e.g. https://site/wp-json/wp/v2/posts), following its
// pagination, and returns each item as the JSON text of one item, for the wordpress reader.
//
// Pagination as WordPress does it: `?page=N&per_page=M` (M at most 100), the total in the X-WP-TotalPages
// header; asking past the last page answers HTTP 400 with code "rest_post_invalid_page_number". We stop at
// whichever comes first: the last page by the header, an empty page, that 400, or `maxPages`. A URL of one
// item (`/wp-json/wp/v2/posts/123`) gives that item. Plain TypeScript over fetch: runs in Node and browsers.
import { networkReason } from "../../net/networkReason";

export interface FetchedItem {
  /** The item's own REST URL (or the collection URL with its index), used as the article's origin. */
  origin: string;
  /** JSON text of one WordPress item. */
  text: string;
}

export interface WordPressFetchOptions {
  fetch?: (input: string, init?: { signal?: AbortSignal; headers?: Record<string, string> }) => Promise<Response>;
  /** Stop after this many pages (default 100: 10,000 items at 100 a page). */
  maxPages?: number;
  /** Per request: no answer (or no bytes) for this long fails the read (default 30 s). */
  timeoutMs?: number;
  /** Items per page (WordPress allows 1..100; default 100). A per_page already in the URL wins. */
  perPage?: number;
  /** A page larger than this is refused (default 32 MB). */
  maxPageBytes?: number;
  signal?: AbortSignal;
  /** Told after each page (page number, items so far, total pages when the server says). */
  onPage?: (page: number, items: number, totalPages?: number) => void;
}

/** Every failure of reading a WordPress URL: one sentence that names the URL. */
export class WordPressFetchError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "WordPressFetchError";
  }
}

type Json = Record<string, unknown>;

function isItem(v: unknown): v is Json {
  return !!v && typeof v === "object" && !Array.isArray(v);
}

function selfLink(item: Json): string | undefined {
  const links = item._links as Json | undefined;
  const self = links && Array.isArray(links.self) ? (links.self[0] as Json | undefined) : undefined;
  return self && typeof self.href === "string" && /^https?:\/\//.test(self.href) ? self.href : undefined;
}

function itemOrigin(item: unknown, collection: URL, page: number, index: number): string {
  if (isItem(item)) {
    const self = selfLink(item);
    if (self) return self;
    if (typeof item.id === "number" || (typeof item.id === "string" && /^\w+$/.test(item.id))) {
      const base = new URL(collection.href);
      base.search = "";
      base.hash = "";
      base.pathname = base.pathname.replace(/\/?$/, "/") + String(item.id);
      return base.href;
    }
  }
  const u = new URL(collection.href);
  u.hash = `page=${page}&index=${index}`;
  return u.href;
}

interface Page {
  status: number;
  statusText: string;
  totalPages?: number;
  body: string;
}

async function getPage(url: string, opts: WordPressFetchOptions, timeoutMs: number, maxBytes: number): Promise<Page> {
  const doFetch = opts.fetch ?? ((u: string, init?: { signal?: AbortSignal; headers?: Record<string, string> }) => globalThis.fetch(u, init));
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
  const onAbort = () => controller.abort();
  opts.signal?.addEventListener("abort", onAbort, { once: true });
  const fail = (e: unknown): WordPressFetchError => {
    if (e instanceof WordPressFetchError) return e;
    if (opts.signal?.aborted) return new WordPressFetchError(`Reading ${url} was cancelled.`);
    if (timedOut) return new WordPressFetchError(`The WordPress site did not answer within ${timeoutMs / 1000} seconds for ${url}.`);
    return new WordPressFetchError(`Could not reach ${url}: ${networkReason(e, "the network or the server is unavailable")}.`, { cause: e });
  };
  try {
    arm();
    let res: Response;
    try {
      res = await doFetch(url, { signal: controller.signal, headers: { accept: "application/json" } });
    } catch (e) {
      throw fail(e);
    }
    const total = Number(res.headers.get("x-wp-totalpages") ?? NaN);
    const chunks: Uint8Array[] = [];
    let loaded = 0;
    try {
      if (res.body && typeof res.body.getReader === "function") {
        const reader = res.body.getReader();
        for (;;) {
          arm();
          const { done, value } = await reader.read();
          if (done) break;
          loaded += value.byteLength;
          if (loaded > maxBytes) {
            controller.abort();
            throw new WordPressFetchError(`The page ${url} is larger than ${Math.round(maxBytes / (1024 * 1024))} MB, so it was not read.`);
          }
          chunks.push(value);
        }
      } else {
        const buf = new Uint8Array(await res.arrayBuffer());
        if (buf.byteLength > maxBytes) throw new WordPressFetchError(`The page ${url} is larger than ${Math.round(maxBytes / (1024 * 1024))} MB, so it was not read.`);
        chunks.push(buf);
        loaded = buf.byteLength;
      }
    } catch (e) {
      throw fail(e);
    }
    const all = new Uint8Array(loaded);
    let off = 0;
    for (const c of chunks) {
      all.set(c, off);
      off += c.byteLength;
    }
    let body: string;
    try {
      body = new TextDecoder("utf-8", { fatal: true }).decode(all);
    } catch {
      throw new WordPressFetchError(`The answer from ${url} is not valid UTF-8 text.`);
    }
    return { status: res.status, statusText: res.statusText, totalPages: Number.isFinite(total) && total >= 0 ? total : undefined, body };
  } finally {
    if (timer !== undefined) clearTimeout(timer);
    opts.signal?.removeEventListener("abort", onAbort);
  }
}

function parseJson(body: string, url: string): unknown {
  try {
    return JSON.parse(body.replace(/^\uFEFF/, ""));
  } catch {
    const looksHtml = /^\s*</.test(body);
    throw new WordPressFetchError(`The answer from ${url} is not JSON${looksHtml ? " (an HTML page: is this a /wp-json/ URL?)" : ""}.`);
  }
}

function wpErrorCode(json: unknown): { code: string; message: string } | undefined {
  if (isItem(json) && typeof json.code === "string") return { code: json.code, message: typeof json.message === "string" ? json.message : "" };
  return undefined;
}

export async function fetchWordPressCollection(url: string, opts: WordPressFetchOptions = {}): Promise<FetchedItem[]> {
  let collection: URL;
  try {
    collection = new URL(url);
  } catch {
    throw new WordPressFetchError(`"${url}" is not a URL (expected something like https://example.org/wp-json/wp/v2/posts).`);
  }
  if (collection.protocol !== "https:" && collection.protocol !== "http:") {
    throw new WordPressFetchError(`${url} is not an http(s) URL.`);
  }
  const maxPages = Math.max(1, opts.maxPages ?? 100);
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const maxBytes = opts.maxPageBytes ?? 32 * 1024 * 1024;
  const perPage = String(Math.min(100, Math.max(1, opts.perPage ?? 100)));
  const items: FetchedItem[] = [];
  const seen = new Set<string>();

  for (let page = 1; page <= maxPages; page++) {
    const pageUrl = new URL(collection.href);
    pageUrl.searchParams.set("page", String(page));
    if (!pageUrl.searchParams.has("per_page")) pageUrl.searchParams.set("per_page", perPage);
    const res = await getPage(pageUrl.href, opts, timeoutMs, maxBytes);
    if (res.status < 200 || res.status >= 300) {
      let json: unknown;
      try {
        json = JSON.parse(res.body);
      } catch {
        json = undefined;
      }
      const wp = wpErrorCode(json);
      if (page > 1 && res.status === 400 && wp?.code === "rest_post_invalid_page_number") break; // past the last page
      const detail = wp ? `: ${wp.code}${wp.message ? ` (${wp.message.replace(/\.$/, "")})` : ""}` : "";
      throw new WordPressFetchError(`The WordPress site answered HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ""} for ${pageUrl.href}${detail}.`);
    }
    const json = parseJson(res.body, pageUrl.href);
    if (page === 1 && isItem(json) && !Array.isArray(json)) {
      if (wpErrorCode(json) && !("content" in json)) {
        throw new WordPressFetchError(`The WordPress site answered ${pageUrl.href} with the error ${wpErrorCode(json)!.code}.`);
      }
      // A single item's URL: the item itself (pagination parameters are ignored by WordPress there).
      return [{ origin: selfLink(json) ?? collection.href, text: JSON.stringify(json) }];
    }
    if (!Array.isArray(json)) throw new WordPressFetchError(`The answer from ${pageUrl.href} is not a list of WordPress items.`);
    if (json.length === 0) break;
    json.forEach((item, index) => {
      const origin = itemOrigin(item, collection, page, index);
      // Posts published while we page shift later pages by one: the same item may come twice.
      if (seen.has(origin)) return;
      seen.add(origin);
      items.push({ origin, text: JSON.stringify(item) });
    });
    opts.onPage?.(page, items.length, res.totalPages);
    if (res.totalPages !== undefined && page >= res.totalPages) break;
  }
  return items;
}
