// Plain text: page text as copied from a news site (breadcrumb, title, date line, "Source:" line, body,
// boilerplate), or bare body text. Metadata is taken only from what the text says; when the text has no
// header (no breadcrumb, date or source line), everything is body and title/published stay "".
import type { Article } from "../types";
import { dropBoilerplate } from "./boilerplate";
import { hostOf, isHttpUrl, parseDateLine, sourceIdFromOrigin, sourceIdFromUrl } from "./meta";

const HEADER_MAX_LINES = 8;
const SOURCE_RE = /^source\s*[:：]\s*(.+)$/i;
const URL_LINE_RE = /^(?:(?:source\s+)?url|link|permalink|original(?:\s+(?:url|link|article))?|source)\s*[:：]\s*(https?:\/\/\S+)$/i;

/** Logical lines: blank lines dropped; a hard-wrapped line joins the next when the next starts in lower case. */
function logicalLines(text: string): string[] {
  const out: string[] = [];
  let prevBlank = true;
  for (const raw of text.split("\n")) {
    const line = raw.replace(/[\s\u00a0\ufeff]+/g, " ").trim();
    if (!line) {
      prevBlank = true;
      continue;
    }
    const last = out.length - 1;
    if (!prevBlank && last >= 0 && /^\p{Ll}/u.test(line) && !/[.!?:;"”’)]$/.test(out[last])) out[last] += " " + line;
    else out.push(line);
    prevBlank = false;
  }
  return out;
}

/** Breadcrumb items ("Home / Metal News / Title" -> 3 items), or null when the line is not one. */
function breadcrumbItems(line: string): string[] | null {
  if (line.length > 250) return null;
  const items = line.split(/\s+[/>»›|]\s+/).map((s) => s.trim());
  if (items.length < 2 || items.some((s) => !s || s.length > 120)) return null;
  if (items[0].length > 30) return null;
  if (items.length === 2 && !/^(home|news|index|start)$/i.test(items[0])) return null;
  return items;
}

/** Looks like body text rather than a header line. */
function isBodyLike(line: string): boolean {
  return line.length > 200 || (/[.!?]["”’)]*$/.test(line) && line.split(/\s+/).length > 6);
}

export function readText(text: string, origin: string): Article {
  const lines = logicalLines(text);
  let title = "";
  let published = "";
  let outlet = "";
  let url = "";
  let bodyStart = 0;

  // Header zone: the first few lines before the body starts.
  let zoneEnd = 0;
  while (zoneEnd < lines.length && zoneEnd < HEADER_MAX_LINES && !isBodyLike(lines[zoneEnd])) zoneEnd++;
  let crumbs: string[] | null = null;
  let lastMeta = -1;
  for (let i = 0; i < zoneEnd; i++) {
    const line = lines[i];
    const urlLine = URL_LINE_RE.exec(line);
    if (!url && (urlLine || isHttpUrl(line))) {
      url = (urlLine ? urlLine[1] : line).trim();
      lastMeta = i;
      continue;
    }
    const src = SOURCE_RE.exec(line);
    if (src && src[1].length <= 60) {
      if (!outlet) outlet = src[1].trim();
      lastMeta = i;
      continue;
    }
    const date = parseDateLine(line);
    if (date) {
      if (!published) published = date;
      lastMeta = i;
      continue;
    }
    if (!crumbs && i === 0) {
      crumbs = breadcrumbItems(line);
      if (crumbs) lastMeta = i;
    }
  }
  if (lastMeta >= 0) {
    // A header was found: the title is the line the breadcrumb ends with, else the first line of
    // two words or more before the end of the header that is not metadata.
    const isMeta = (l: string) => !!(SOURCE_RE.test(l) || URL_LINE_RE.test(l) || isHttpUrl(l) || parseDateLine(l));
    let titleAt = -1;
    const crumbTitle = crumbs ? crumbs[crumbs.length - 1].toLowerCase() : "";
    for (let i = crumbs ? 1 : 0; i < zoneEnd && titleAt < 0; i++) {
      if (crumbTitle && lines[i].toLowerCase() === crumbTitle) titleAt = i;
    }
    for (let i = crumbs ? 1 : 0; i <= lastMeta + 1 && i < zoneEnd && titleAt < 0; i++) {
      if (!isMeta(lines[i]) && lines[i].split(/\s+/).length >= 2) titleAt = i;
    }
    if (titleAt >= 0) title = lines[titleAt];
    bodyStart = Math.max(lastMeta, titleAt) + 1;
  }
  if (!outlet && url) outlet = hostOf(url);

  // A labelled URL line elsewhere ("Source URL: https://...") is metadata too, not body.
  const body: string[] = [];
  for (const line of lines.slice(bodyStart)) {
    const urlLine = URL_LINE_RE.exec(line);
    if (urlLine) {
      if (!url) url = urlLine[1].trim();
      continue;
    }
    body.push(line);
  }
  if (!outlet && url) outlet = hostOf(url);

  return {
    source_id: (url && sourceIdFromUrl(url)) || sourceIdFromOrigin(origin),
    title,
    outlet,
    url,
    published,
    origin,
    format: "text",
    paragraphs: dropBoilerplate(body),
  };
}
