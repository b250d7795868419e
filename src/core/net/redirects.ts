// Redirects followed by hand, so that every hop is held to a URL rule (urlPolicy.ts) and counted: fetch's
// own following would take a https feed to any http address it is sent to, and calls a loop a network
// failure. Node (undici) answers `redirect: "manual"` with the real 3xx and its Location. A browser
// answers with an opaque redirect that hides the Location: there the request is made again with the
// browser following (its own rules refuse https -> http for an https page), and the final URL is held
// to the rule before anything of the answer is used.
import type { RedirectRule } from "./urlPolicy";

export interface RequestInitLike {
  signal?: AbortSignal;
  headers?: Record<string, string>;
  redirect?: "follow" | "manual" | "error";
}

export type FetchFn = (input: string, init?: RequestInitLike) => Promise<Response>;

export const DEFAULT_MAX_REDIRECTS = 5;

export type RedirectProblem = "loop" | "too_many" | "refused" | "browser";

/** A redirect that was not followed; `message` is a clause ("the server redirects in a loop (...)"). */
export class RedirectError extends Error {
  constructor(
    readonly problem: RedirectProblem,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "RedirectError";
  }
}

export interface FollowOptions {
  signal?: AbortSignal;
  headers?: Record<string, string>;
  rule: RedirectRule;
  /** Hops allowed before the chain is called a loop (default 5). */
  maxRedirects?: number;
}

export interface Followed {
  response: Response;
  /** The URL that answered. */
  url: string;
  redirects: number;
}

const REDIRECT_STATUS = new Set([301, 302, 303, 307, 308]);

async function discard(res: Response): Promise<void> {
  try {
    await res.body?.cancel();
  } catch {
    /* only releasing the connection */
  }
}

/** Fetches `url`, following at most `maxRedirects` redirects, each one allowed by `rule`. Throws RedirectError for a refused or looping redirect; fetch's own errors pass through. */
export async function fetchFollowingRedirects(doFetch: FetchFn, url: string, opts: FollowOptions): Promise<Followed> {
  const max = opts.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const visited = [url];
  let current = url;
  for (let hops = 0; ; hops++) {
    const res = await doFetch(current, { signal: opts.signal, headers: opts.headers, redirect: "manual" });
    if (res.type === "opaqueredirect") return followInBrowser(doFetch, url, opts);
    const location = REDIRECT_STATUS.has(res.status) ? res.headers.get("location") : null;
    if (location === null) return { response: res, url: current, redirects: hops };
    await discard(res);
    let next: URL;
    try {
      next = new URL(location, current);
    } catch {
      throw new RedirectError("refused", `${current} redirects to "${location.slice(0, 80)}", which is not a URL`);
    }
    next.hash = "";
    const refusal = opts.rule(next, new URL(current));
    if (refusal) throw new RedirectError("refused", `${current} redirects to ${next.href}, which was not followed: ${refusal}`);
    if (visited.includes(next.href)) {
      throw new RedirectError("loop", `the server redirects in a loop (${[...visited.slice(visited.indexOf(next.href)), next.href].join(" -> ")})`);
    }
    if (hops + 1 > max) {
      throw new RedirectError("too_many", `the server redirects more than ${max} times (from ${url}), so it was stopped as a redirect loop`);
    }
    visited.push(next.href);
    current = next.href;
  }
}

async function followInBrowser(doFetch: FetchFn, url: string, opts: FollowOptions): Promise<Followed> {
  let res: Response;
  try {
    res = await doFetch(url, { signal: opts.signal, headers: opts.headers, redirect: "follow" });
  } catch (e) {
    if (opts.signal?.aborted) throw e;
    throw new RedirectError("browser", `${url} redirects, and the browser could not follow it (a redirect loop, a redirect to plain http://, or the server is down)`, { cause: e });
  }
  const final = res.url || url;
  if (final !== url) {
    const refusal = opts.rule(new URL(final), new URL(url));
    if (refusal) {
      await discard(res);
      throw new RedirectError("refused", `${url} redirects to ${final}, which was not used: ${refusal}`);
    }
  }
  return { response: res, url: final, redirects: final === url ? 0 : 1 };
}
