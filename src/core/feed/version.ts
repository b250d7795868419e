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

export interface VersionInfo {
  version: string;
  as_of: string;
  /** Publication time of the feed the data came from; absent for the bundled dataset. */
  generated_at?: string;
}

export type VersionOrder = "same" | "newer" | "older";

/** How `candidate` (the feed) relates to `current` (the data in use). */
export function compareVersions(candidate: VersionInfo, current: VersionInfo): VersionOrder {
  if (candidate.version === current.version) return "same";
  if (candidate.as_of !== current.as_of) return candidate.as_of > current.as_of ? "newer" : "older";
  const a = candidate.generated_at ? Date.parse(candidate.generated_at) : NaN;
  const b = current.generated_at ? Date.parse(current.generated_at) : NaN;
  if (Number.isFinite(a) && Number.isFinite(b) && a !== b) return a > b ? "newer" : "older";
  return "newer";
}

export function describeVersion(v: VersionInfo): string {
  return v.as_of ? `${v.version} (as of ${v.as_of})` : v.version;
}
