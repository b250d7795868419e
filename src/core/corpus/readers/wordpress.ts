// WordPress REST API JSON (`/wp-json/wp/v2/<type>`): one item or an array of items.
// HTML in content.rendered, entities in title.rendered, dates in date/date_gmt, URL in link.
import type { Article } from "../types";
import { htmlToParagraphs, htmlToText } from "./html";
import { hostOf, isHttpUrl, isoDatePart, slugify, sourceIdFromOrigin, sourceIdFromUrl } from "./meta";

type Json = Record<string, unknown>;

function rendered(v: unknown): string | undefined {
  if (v && typeof v === "object" && typeof (v as Json).rendered === "string") return (v as Json).rendered as string;
  return undefined;
}

/** True for an object shaped like a WordPress REST item (a rendered body). */
export function isWordPressItem(v: unknown): v is Json {
  return !!v && typeof v === "object" && !Array.isArray(v) && rendered((v as Json).content) !== undefined;
}

function siteName(item: Json): string {
  const yoast = item.yoast_head_json as Json | undefined;
  if (yoast && typeof yoast.og_site_name === "string" && yoast.og_site_name.trim()) return yoast.og_site_name.trim();
  if (typeof item.site_name === "string" && item.site_name.trim()) return item.site_name.trim();
  return "";
}

/** One WordPress item -> Article. */
export function readWordPressItem(item: Json, origin: string): Article {
  const link = typeof item.link === "string" && isHttpUrl(item.link) ? item.link.trim() : "";
  const host = hostOf(link);
  const id = typeof item.id === "number" || (typeof item.id === "string" && item.id) ? String(item.id) : "";
  // The date the site shows its readers is the local `date`; `date_gmt` is the fallback.
  const published = isoDatePart(item.date) || isoDatePart(item.date_gmt);
  return {
    source_id: (host && id ? slugify(`${host} ${id}`) : "") || (link && sourceIdFromUrl(link)) || sourceIdFromOrigin(origin),
    title: htmlToText(rendered(item.title) ?? ""),
    outlet: siteName(item) || host,
    url: link,
    published,
    origin,
    format: "wordpress",
    paragraphs: htmlToParagraphs(rendered(item.content) ?? ""),
  };
}
