// How the pane names a source an analyst reads: its title; without one, the site it is on; without a
// site either, "Untitled article". Never the internal source id. A missing publication date is said
// as such ("date not stated"), not "unknown".
import type { MgRecord } from "../core/model/record";
import { safeHttpUrl } from "../core/table/cells";

/** The host of an http(s) URL without "www." ("amm.com"), or "" when the URL is not a web address. */
export function urlHost(url: string): string {
  const safe = safeHttpUrl(url);
  if (!safe) return "";
  try {
    return new URL(safe).hostname.replace(/^www\./i, "");
  } catch {
    return "";
  }
}

export interface SourceFields {
  title: string;
  outlet: string;
  url: string;
}

/** The name a source is shown by: its title, else "Article on <host>", else "Untitled article". */
export function sourceName(s: SourceFields): string {
  if (s.title.trim()) return s.title.trim();
  const host = urlHost(s.url);
  return host ? `Article on ${host}` : "Untitled article";
}

/** Who published it: the outlet, else the site (unless the name already says the site). */
export function sourcePublisher(s: SourceFields): string {
  if (s.outlet.trim()) return s.outlet.trim();
  return s.title.trim() ? urlHost(s.url) : "";
}

export const DATE_NOT_STATED = "date not stated";

export function publishedLabel(published: string): string {
  return published || DATE_NOT_STATED;
}

/** A record's source fields in the shape above. */
export function recordSource(r: MgRecord): SourceFields {
  return { title: r.source_title, outlet: r.source_outlet, url: r.source_url };
}

/**
 * The date of the newest fact: the latest record date that had happened when its source reported it
 * (a date after its own source's publication is a plan or a schedule, not news of what is). "" when no
 * record is dated. Dates compare as text: "2025-07" (a month) sorts before any day of July.
 */
export function newestFactDate(records: readonly MgRecord[]): string {
  let newest = "";
  for (const r of records) {
    if (!r.date || r.date <= newest) continue;
    if (r.source_published && r.date.slice(0, 10) > r.source_published) continue;
    newest = r.date;
  }
  return newest;
}
