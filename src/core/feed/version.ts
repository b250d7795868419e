// When is a feed "newer" than the data in use?
//
// Dataset versions look like "<as_of YYYY-MM-DD>.<8 hex of the records' hash>": the date of the newest
// source, then a content hash. The hash part has no order, so versions are ordered by:
//   1. the same version string             -> "same" (nothing to do);
//   2. a later as_of date                   -> "newer"; an earlier one -> "older" (a downgrade);
//   3. the same as_of, different content    -> ordered by the feed's generated_at when both sides have
//      one (the data in use came from a feed); the bundled dataset has none, so a re-extraction of the
//      same sources published as a feed counts as "newer": the feed is the maintainers' latest word.
// A partial date ("2024-05") sorts before the full dates of that month; "" sorts before everything.
// A downgrade is refused unless the user asks for it (allowDowngrade).
//
// Dates from the future: a feed whose as_of or generated_at is after now plus CLOCK_MARGIN_MS is refused
// (manifest.ts), since it would rank above every genuine feed and pin the data. Data already in use
// (or saved) with such a date, from before that rule, ranks below every believable version here, so the
// next genuine feed replaces it and a saved copy of it yields to the bundled data.

export interface VersionInfo {
  version: string;
  as_of: string;
  /** Publication time of the feed the data came from; absent for the bundled dataset. */
  generated_at?: string;
}

export type VersionOrder = "same" | "newer" | "older";

/** How far ahead of this machine's clock a feed's dates may be (time zones, a publisher's clock): 2 days. */
export const CLOCK_MARGIN_MS = 2 * 24 * 60 * 60 * 1000;

/** The first instant (UTC) of an as_of date "YYYY", "YYYY-MM" or "YYYY-MM-DD"; NaN for "" or anything else. */
export function dateStart(asOf: string): number {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(asOf);
  if (!m) return NaN;
  const d = new Date(0);
  d.setUTCFullYear(Number(m[1]), m[2] ? Number(m[2]) - 1 : 0, m[3] ? Number(m[3]) : 1);
  return d.getTime();
}

/** True when an as_of date begins after `now` plus the margin. */
export function isFutureDate(asOf: string, now: number): boolean {
  return dateStart(asOf) > now + CLOCK_MARGIN_MS;
}

/** True when an ISO date-time is after `now` plus the margin. */
export function isFutureTime(iso: string | undefined, now: number): boolean {
  return !!iso && Date.parse(iso) > now + CLOCK_MARGIN_MS;
}

/** How `candidate` (the feed) relates to `current` (the data in use); dates after `now` (+ margin) rank lowest. */
export function compareVersions(candidate: VersionInfo, current: VersionInfo, now: number = Date.now()): VersionOrder {
  if (candidate.version === current.version) return "same";
  const futureA = isFutureDate(candidate.as_of, now);
  const futureB = isFutureDate(current.as_of, now);
  if (futureA !== futureB) return futureB ? "newer" : "older";
  if (candidate.as_of !== current.as_of) return candidate.as_of > current.as_of ? "newer" : "older";
  const a = candidate.generated_at && !isFutureTime(candidate.generated_at, now) ? Date.parse(candidate.generated_at) : NaN;
  const b = current.generated_at && !isFutureTime(current.generated_at, now) ? Date.parse(current.generated_at) : NaN;
  if (Number.isFinite(a) && Number.isFinite(b) && a !== b) return a > b ? "newer" : "older";
  if (Number.isFinite(b) && !Number.isFinite(a) && isFutureTime(candidate.generated_at, now)) return "older";
  return "newer";
}

export function describeVersion(v: VersionInfo): string {
  return v.as_of ? `${v.version} (as of ${v.as_of})` : v.version;
}
