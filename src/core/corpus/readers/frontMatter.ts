// Text with a front-matter header: a first line "---", lines "key: value" (YAML scalars: plain, or
// double- or single-quoted), a closing "---", then the body as plain page text (read by readText, so a
// breadcrumb or date line inside the body is still understood). The header's title, url, outlet and
// published win over what the body's own header lines say; unknown keys are ignored. A header that cannot
// be read is one problem line for the file, and the body is still read.
import type { Article } from "../types";
import { isoDatePart, sourceIdFromUrl } from "./meta";
import { readText } from "./text";

/** Front matter must open the text: "---" alone on the first line (a BOM or leading blank lines allowed). */
export function hasFrontMatter(text: string): boolean {
  return /^\ufeff?(?:[ \t]*\r?\n)*---[ \t]*\r?\n/.test(text);
}

const MAX_HEADER_LINES = 60;
const KNOWN_KEYS = new Set(["title", "url", "published", "outlet"]);
// The "s" flag on every pattern that reads a value: "." must also match U+2028 and U+2029, which are
// characters of a title, not line ends (lines are split on "\n" only).
const KEY_LINE = /^([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]+(.*?))?[ \t]*$/s;

export interface FrontMatter {
  fields: Map<string, string>;
  body: string;
  /** What was wrong with the header, or "" when it read cleanly. */
  problem: string;
}

/** The value of a YAML scalar as written on one line, or null when it is not a well-formed one. */
function scalar(raw: string): string | null {
  if (raw === "") return "";
  if (raw.startsWith('"')) {
    // JSON's escapes are a subset of YAML's double-quoted ones; enough for titles and URLs.
    if (!/^"(?:[^"\\]|\\.)*"(?:[ \t]+#.*)?$/s.test(raw)) return null;
    const quoted = raw.slice(0, raw.lastIndexOf('"') + 1);
    try {
      const v: unknown = JSON.parse(quoted);
      return typeof v === "string" ? v : null;
    } catch {
      return null;
    }
  }
  if (raw.startsWith("'")) {
    const m = /^'((?:[^']|'')*)'(?:[ \t]+#.*)?$/s.exec(raw);
    return m ? m[1].replace(/''/g, "'") : null;
  }
  if (/^[[{>|&*!%@`]/.test(raw)) return null; // flow collections, block scalars, anchors: not for metadata
  return raw.replace(/[ \t]+#.*$/s, "");
}

export function parseFrontMatter(text: string): FrontMatter {
  const lines = text.replace(/^\ufeff/, "").split(/\r?\n/);
  let i = 0;
  while (i < lines.length && lines[i].trim() === "") i++;
  i++; // the opening ---
  const fields = new Map<string, string>();
  const bad: string[] = [];
  for (let n = 0; i < lines.length && n < MAX_HEADER_LINES; i++, n++) {
    const line = lines[i];
    if (/^---[ \t]*$/.test(line) || /^\.\.\.[ \t]*$/.test(line)) {
      const body = lines.slice(i + 1).join("\n");
      return { fields, body, problem: bad.length ? `has a front-matter header with ${bad.join("; ")}` : "" };
    }
    if (line.trim() === "" || /^\s*#/.test(line)) continue;
    const m = KEY_LINE.exec(line);
    if (m && !KNOWN_KEYS.has(m[1].toLowerCase())) continue; // unknown keys, whatever their value, are ignored
    if (/^[ \t]/.test(line)) continue; // a nested or continued value of an unknown key
    const value = m ? scalar(m[2] ?? "") : null;
    if (!m || value === null) {
      bad.push(`line ${i + 1} not of the form key: "value" (${JSON.stringify(line.slice(0, 60))})`);
      continue;
    }
    const key = m[1].toLowerCase();
    if (fields.has(key)) bad.push(`"${key}" given twice (line ${i + 1}; the first is used)`);
    else fields.set(key, value);
  }
  // No closing line: nothing can be trusted as header; the whole text after the opening line is body.
  const start = lines.findIndex((l) => /^---[ \t]*$/.test(l));
  return {
    fields: new Map(),
    body: lines.slice(start + 1).join("\n"),
    problem: `has a front-matter header that never closes (no "---" line within ${MAX_HEADER_LINES} lines); read as plain text`,
  };
}

export interface FrontMatterResult {
  article: Article;
  /** A problem line for the file ("" when the header read cleanly); the article is read either way. */
  problem: string;
}

export function readFrontMatterText(text: string, origin: string): FrontMatterResult {
  const fm = parseFrontMatter(text);
  const problems = fm.problem ? [fm.problem] : [];
  const article = readText(fm.body, origin);
  const title = fm.fields.get("title")?.trim() ?? "";
  const url = fm.fields.get("url")?.trim() ?? "";
  const outlet = fm.fields.get("outlet")?.trim() ?? "";
  const published = fm.fields.get("published")?.trim() ?? "";
  if (title) article.title = title;
  if (outlet) article.outlet = outlet;
  if (url) {
    if (/^https?:\/\/\S+$/i.test(url)) {
      article.url = url;
      article.source_id = sourceIdFromUrl(url) || article.source_id;
    } else problems.push(`has a front-matter url that is not an http(s) URL (${JSON.stringify(url.slice(0, 60))}); ignored`);
  }
  if (published && !/^(unknown|)$/i.test(published)) {
    const iso = /^\d{4}-\d{2}-\d{2}$/.test(published) ? isoDatePart(published) : "";
    if (iso) article.published = iso;
    else problems.push(`has a front-matter published date that is not a calendar date YYYY-MM-DD or "unknown" (${JSON.stringify(published.slice(0, 30))}); ignored`);
  }
  return { article, problem: problems.join("; ") };
}
