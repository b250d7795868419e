// Which URLs a download may reach, and which redirects it may follow. The pane's rule for a feed URL is
// https anywhere, plain http only to this machine by one of its plain names; every redirect hop is held
// to the rule of the URL it came from, and a redirect never goes from https to plain http nor leaves
// http(s) (file:, data:, ...). A redirect to "http://[::ffff:127.0.0.1]" or "http://2130706433/" is thus
// refused exactly as typing it would be.

/** The host names plain http is allowed for (as `URL.hostname` spells them). */
export const LOOPBACK_HOSTS: readonly string[] = ["localhost", "127.0.0.1", "[::1]"];

export function isLoopbackName(url: URL): boolean {
  return LOOPBACK_HOSTS.includes(url.hostname);
}

/** Why the pane's rule refuses `url` (https, or http on localhost / 127.0.0.1 / [::1]), or undefined. */
export function feedUrlRefusal(url: URL): string | undefined {
  if (url.protocol === "https:") return undefined;
  if (url.protocol === "http:" && isLoopbackName(url)) return undefined;
  if (url.protocol === "http:") return `plain http:// is allowed only for localhost, 127.0.0.1 or [::1], not ${url.host}`;
  return `only https:// URLs are allowed, not ${url.protocol}//`;
}

/** A rule for one redirect: why going from `from` to `to` is refused, or undefined. */
export type RedirectRule = (to: URL, from: URL) => string | undefined;

/** Any redirect: http(s) only, and never from https down to plain http. */
export const basicRedirectRefusal: RedirectRule = (to, from) => {
  if (to.protocol !== "http:" && to.protocol !== "https:") return `a redirect to a ${to.protocol} URL is never followed`;
  if (from.protocol === "https:" && to.protocol === "http:") return "a redirect from https:// to plain http:// is never followed";
  return undefined;
};

/** A feed's redirects: the basic rule, and every hop must pass the pane's feed URL rule. */
export const feedRedirectRefusal: RedirectRule = (to, from) => basicRedirectRefusal(to, from) ?? feedUrlRefusal(to);
