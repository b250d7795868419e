// The redirect follower's browser path (net/redirects.ts): Chromium answers `redirect: "manual"` with an
// opaque redirect that hides the Location, so the request is made again with the browser following and
// the final URL is held to the rule before the answer is used. Stand-in responses: a page's fetch cannot
// be made to return an opaque redirect in Node.
import { fetchFollowingRedirects, FetchFn, RedirectError } from "../../src/core/net/redirects";
import { feedRedirectRefusal } from "../../src/core/net/urlPolicy";

function fake(type: string, url: string, status = 200): Response {
  return { type, url, status, ok: status === 200, headers: new Headers(), body: null } as unknown as Response;
}

function browserLike(finalUrl: string | Error): { fetch: FetchFn; modes: string[] } {
  const modes: string[] = [];
  return {
    modes,
    fetch: async (url, init) => {
      modes.push(init?.redirect ?? "follow");
      if (init?.redirect === "manual") return fake("opaqueredirect", "", 0);
      if (finalUrl instanceof Error) throw finalUrl;
      return fake("basic", finalUrl);
    },
  };
}

const start = "https://feed.example.test/feed/manifest.json";

it("an opaque redirect is followed by the browser and its final URL held to the rule", async () => {
  const ok = browserLike("https://cdn.example.test/feed/manifest.json");
  const followed = await fetchFollowingRedirects(ok.fetch, start, { rule: feedRedirectRefusal });
  expect(followed.url).toBe("https://cdn.example.test/feed/manifest.json");
  expect(ok.modes).toEqual(["manual", "follow"]);

  const mapped = browserLike("http://[::ffff:7f00:1]:3000/feed/manifest.json");
  const e = await fetchFollowingRedirects(mapped.fetch, start, { rule: feedRedirectRefusal }).catch((x) => x);
  expect(e).toBeInstanceOf(RedirectError);
  expect(e.message).toBe(
    `${start} redirects to http://[::ffff:7f00:1]:3000/feed/manifest.json, which was not used: a redirect from https:// to plain http:// is never followed`,
  );
});

it("a redirect the browser cannot follow (its loop limit, mixed content) says it redirected", async () => {
  const failing = browserLike(new TypeError("Failed to fetch"));
  const e = await fetchFollowingRedirects(failing.fetch, start, { rule: feedRedirectRefusal }).catch((x) => x);
  expect(e).toBeInstanceOf(RedirectError);
  expect(e.problem).toBe("browser");
  expect(e.message).toBe(`${start} redirects, and the browser could not follow it (a redirect loop, a redirect to plain http://, or the server is down)`);
});
