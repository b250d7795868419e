// Reads a WordPress REST API collection URL (e.g. https://site/wp-json/wp/v2/posts), following its
// pagination, and returns each item as the JSON text of one item, for the wordpress reader.
//
// Pagination as WordPress does it: `?page=N&per_page=M` (M at most 100), the total in the X-WP-TotalPages
// header; asking past the last page answers HTTP 400 with code "rest_post_invalid_page_number". We stop at
// whichever comes first: the last page by the header, an empty page, that 400, or `maxPages`; stopping at
// `maxPages` before the end is said (`unread`), never silent. A URL of one item (`/wp-json/wp/v2/posts/123`)
// gives that item. Guards against a hostile or broken site: an idle timeout per request and a total
// deadline for the whole collection, a byte limit per page (refused while reading), JSON nested at most
// `maxDepth` deep (checked on the text, before parsing), and redirects followed by hand: at most 5, http(s)
// only, never https -> http, a loop called a loop. Plain TypeScript over fetch: runs in Node and browsers.
import { networkReason } from "../../net/networkReason";
import { FetchFn, fetchFollowingRedirects, RedirectError } from "../../net/redirects";
import { basicRedirectRefusal } from "../../net/urlPolicy";

export interface FetchedItem {
  /** The item's own REST URL (or the collection URL with its index), used as the article's origin. */
  origin: string;
  /** JSON text of one WordPress item. */
  text: string;
}

export const WORDPRESS_DEFAULTS = {
  /** 100 pages: 10,000 items at 100 a page. */
  maxPages: 100,
  /** Idle timeout: no answer, or no byte, for this long fails the read. */
  timeoutMs: 30_000,
  /** Total deadline of the whole collection: 10 minutes. */
  deadlineMs: 10 * 60_000,
  /** A page larger than this is refused: 8 MB (100 long posts with their HTML are ~2-4 MB). */
  maxPageBytes: 8 * 1024 * 1024,
  /** WordPress items nest ~6 deep; 64 leaves room and keeps every walker far from the stack's end. */
  maxDepth: 64,
  maxRedirects: 5,
} as const;

export interface WordPressFetchOptions {
  fetch?: FetchFn;
  /** Stop after this many pages (default 100); the pages left are reported in `unread`. */
  maxPages?: number;
  /** Per request: no answer (or no bytes) for this long fails the read (default 30 s). */
  timeoutMs?: number;
  /** The whole collection must be read within this (default 10 minutes). */
  deadlineMs?: number;
  /** Items per page (WordPress allows 1..100; default 100). A per_page already in the URL wins. */
  perPage?: number;
  /** A page larger than this is refused (default 8 MB). */
  maxPageBytes?: number;
  /** JSON nested deeper than this is refused (default 64). */
  maxDepth?: number;
  /** Redirects followed per request (default 5). */
  maxRedirects?: number;
  signal?: AbortSignal;
  /** Told after each page (page number, items so far, total pages when the server says). */
  onPage?: (page: number, items: number, totalPages?: number) => void;
}

export interface WordPressCollection {
  items: FetchedItem[];
  /** What was left unread when the page limit stopped the read before the collection's end (one clause). */
  unread?: string;
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

const fmt = (n: number) => n.toLocaleString("en-US");

function duration(ms: number): string {
  if (ms >= 120_000 && ms % 60_000 === 0) return `${ms / 60_000} minutes`;
  return ms === 1000 ? "1 second" : `${ms / 1000} seconds`;
}

function mb(bytes: number): string {
  const m = bytes / (1024 * 1024);
  return m >= 1 ? `${Number.isInteger(m) ? m : m.toFixed(1)} MB` : `${fmt(bytes)} bytes`;
}

interface Limits {
  timeoutMs: number;
  maxBytes: number;
  maxDepth: number;
  maxRedirects: number;
  /** The collection's total deadline: aborts every request when it passes. */
  deadline: AbortSignal;
  deadlineExpired: () => boolean;
  deadlineMs: number;
}

async function getPage(url: string, opts: WordPressFetchOptions, lim: Limits): Promise<Page> {
  const doFetch: FetchFn = opts.fetch ?? ((u, init) => globalThis.fetch(u, init));
  const controller = new AbortController();
  let timedOut = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, lim.timeoutMs);
  };
  const onAbort = () => controller.abort();
  opts.signal?.addEventListener("abort", onAbort, { once: true });
  lim.deadline.addEventListener("abort", onAbort, { once: true });
  const fail = (e: unknown): WordPressFetchError => {
    if (e instanceof WordPressFetchError) return e;
    if (opts.signal?.aborted) return new WordPressFetchError(`Reading ${url} was cancelled.`);
    if (lim.deadlineExpired()) {
      return new WordPressFetchError(`The WordPress site did not send the whole collection within the total deadline of ${duration(lim.deadlineMs)}; stopped at ${url}.`);
    }
    if (timedOut) return new WordPressFetchError(`The WordPress site sent nothing for ${duration(lim.timeoutMs)} (the idle timeout) for ${url}.`);
    if (e instanceof RedirectError) return new WordPressFetchError(`Could not read ${url}: ${e.message}.`);
    return new WordPressFetchError(`Could not reach ${url}: ${networkReason(e, "the network or the server is unavailable")}.`, { cause: e });
  };
  if (lim.deadline.aborted) throw fail(new Error("deadline"));
  try {
    arm();
    let res: Response;
    try {
      ({ response: res } = await fetchFollowingRedirects(doFetch, url, {
        signal: controller.signal,
        headers: { accept: "application/json" },
        rule: basicRedirectRefusal,
        maxRedirects: lim.maxRedirects,
      }));
    } catch (e) {
      throw fail(e);
    }
    const total = Number(res.headers.get("x-wp-totalpages") ?? NaN);
    const tooBig = () => new WordPressFetchError(`The page ${url} is larger than ${mb(lim.maxBytes)} (the page limit), so it was not read.`);
    const declared = Number(res.headers.get("content-length") ?? NaN);
    if (!res.headers.get("content-encoding") && Number.isFinite(declared) && declared > lim.maxBytes) {
      controller.abort();
      throw tooBig();
    }
    // Decoded as it arrives: no second copy of the page's bytes.
    const decoder = new TextDecoder("utf-8", { fatal: true });
    const parts: string[] = [];
    let loaded = 0;
    const decode = (bytes: Uint8Array, stream: boolean) => {
      try {
        parts.push(decoder.decode(bytes, { stream }));
      } catch {
        throw new WordPressFetchError(`The answer from ${url} is not valid UTF-8 text.`);
      }
    };
    try {
      if (res.body && typeof res.body.getReader === "function") {
        const reader = res.body.getReader();
        for (;;) {
          arm();
          const { done, value } = await reader.read();
          if (done) break;
          loaded += value.byteLength;
          if (loaded > lim.maxBytes) {
            controller.abort();
            throw tooBig();
          }
          decode(value, true);
        }
      } else {
        const buf = new Uint8Array(await res.arrayBuffer());
        if (buf.byteLength > lim.maxBytes) throw tooBig();
        decode(buf, true);
      }
      decode(new Uint8Array(0), false);
    } catch (e) {
      throw fail(e);
    }
    return { status: res.status, statusText: res.statusText, totalPages: Number.isFinite(total) && total >= 0 ? total : undefined, body: parts.join("") };
  } finally {
    if (timer !== undefined) clearTimeout(timer);
    opts.signal?.removeEventListener("abort", onAbort);
    lim.deadline.removeEventListener("abort", onAbort);
  }
}

/** How deep `text`'s arrays and objects nest (strings skipped), stopping as soon as it passes `max`. Linear. */
export function jsonDepthOver(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > max) return true;
    } else if (c === 93 || c === 125) depth--;
  }
  return false;
}

function parseJson(body: string, url: string, maxDepth: number): unknown {
  if (jsonDepthOver(body, maxDepth)) {
    throw new WordPressFetchError(`The answer from ${url} nests arrays or objects more than ${maxDepth} levels deep, which no WordPress item does, so it was not read.`);
  }
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

/** The items of a WordPress URL (see readWordPressCollection, which also says what a page limit left unread). */
export async function fetchWordPressCollection(url: string, opts: WordPressFetchOptions = {}): Promise<FetchedItem[]> {
  return (await readWordPressCollection(url, opts)).items;
}

export async function readWordPressCollection(url: string, opts: WordPressFetchOptions = {}): Promise<WordPressCollection> {
  let collection: URL;
  try {
    collection = new URL(url);
  } catch {
    throw new WordPressFetchError(`"${url}" is not a URL (expected something like https://example.org/wp-json/wp/v2/posts).`);
  }
  if (collection.protocol !== "https:" && collection.protocol !== "http:") {
    throw new WordPressFetchError(`${url} is not an http(s) URL.`);
  }
  const maxPages = Math.max(1, opts.maxPages ?? WORDPRESS_DEFAULTS.maxPages);
  const perPage = String(Math.min(100, Math.max(1, opts.perPage ?? 100)));
  const deadlineMs = opts.deadlineMs ?? WORDPRESS_DEFAULTS.deadlineMs;
  const deadline = new AbortController();
  let expired = false;
  const deadlineTimer = setTimeout(() => {
    expired = true;
    deadline.abort();
  }, deadlineMs);
  const lim: Limits = {
    timeoutMs: opts.timeoutMs ?? WORDPRESS_DEFAULTS.timeoutMs,
    maxBytes: opts.maxPageBytes ?? WORDPRESS_DEFAULTS.maxPageBytes,
    maxDepth: opts.maxDepth ?? WORDPRESS_DEFAULTS.maxDepth,
    maxRedirects: opts.maxRedirects ?? WORDPRESS_DEFAULTS.maxRedirects,
    deadline: deadline.signal,
    deadlineExpired: () => expired,
    deadlineMs,
  };
  try {
    return await readPages(collection, opts, lim, maxPages, perPage);
  } finally {
    clearTimeout(deadlineTimer);
  }
}

async function readPages(collection: URL, opts: WordPressFetchOptions, lim: Limits, maxPages: number, perPage: string): Promise<WordPressCollection> {
  const items: FetchedItem[] = [];
  const seen = new Set<string>();
  let lastTotal: number | undefined;
  let lastLength = 0;
  for (let page = 1; page <= maxPages; page++) {
    const pageUrl = new URL(collection.href);
    pageUrl.searchParams.set("page", String(page));
    if (!pageUrl.searchParams.has("per_page")) pageUrl.searchParams.set("per_page", perPage);
    const res = await getPage(pageUrl.href, opts, lim);
    if (res.status < 200 || res.status >= 300) {
      let json: unknown;
      try {
        json = jsonDepthOver(res.body, lim.maxDepth) ? undefined : JSON.parse(res.body);
      } catch {
        json = undefined;
      }
      const wp = wpErrorCode(json);
      if (page > 1 && res.status === 400 && wp?.code === "rest_post_invalid_page_number") return { items }; // past the last page
      const detail = wp ? `: ${wp.code}${wp.message ? ` (${wp.message.replace(/\.$/, "").slice(0, 200)})` : ""}` : "";
      throw new WordPressFetchError(`The WordPress site answered HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ""} for ${pageUrl.href}${detail}.`);
    }
    const json = parseJson(res.body, pageUrl.href, lim.maxDepth);
    if (page === 1 && isItem(json) && !Array.isArray(json)) {
      if (wpErrorCode(json) && !("content" in json)) {
        throw new WordPressFetchError(`The WordPress site answered ${pageUrl.href} with the error ${wpErrorCode(json)!.code}.`);
      }
      // A single item's URL: the item itself (pagination parameters are ignored by WordPress there).
      return { items: [{ origin: selfLink(json) ?? collection.href, text: JSON.stringify(json) }] };
    }
    if (!Array.isArray(json)) throw new WordPressFetchError(`The answer from ${pageUrl.href} is not a list of WordPress items.`);
    if (json.length === 0) return { items };
    json.forEach((item, index) => {
      const origin = itemOrigin(item, collection, page, index);
      // Posts published while we page shift later pages by one: the same item may come twice.
      if (seen.has(origin)) return;
      seen.add(origin);
      items.push({ origin, text: JSON.stringify(item) });
    });
    opts.onPage?.(page, items.length, res.totalPages);
    if (res.totalPages !== undefined && page >= res.totalPages) return { items };
    lastTotal = res.totalPages;
    lastLength = json.length;
  }
  // The page limit stopped the read before the collection said it ended.
  const read = `read ${fmt(maxPages)} page${maxPages === 1 ? "" : "s"} (${fmt(items.length)} items, the page limit)`;
  const unread =
    lastTotal !== undefined
      ? `${read} of the ${fmt(lastTotal)} the site reports: pages ${fmt(maxPages + 1)} to ${fmt(lastTotal)} were left unread`
      : `${read} without reaching the end of the collection (the site gives no page count and page ${fmt(maxPages)} held ${fmt(lastLength)} items): any later pages were left unread`;
  return { items, unread };
}
