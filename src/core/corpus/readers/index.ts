// Readers: one input (bytes + where it came from) -> Articles, or one clear problem.
// Format is detected from the name and the content: WordPress REST JSON, HTML, or plain text.
import type { Article, InputProblem } from "../types";
import { decodeInput, DEFAULT_MAX_BYTES } from "./decode";
import { hasFrontMatter, readFrontMatterText } from "./frontMatter";
import { htmlNestingDepth, MAX_HTML_DEPTH, readHtml } from "./html";
import { readText } from "./text";
import { cleanedClause, describeLoneSurrogates, findIllFormedFields, loneSurrogates, toWellFormedText } from "../../model/unicode";
import { isWordPressItem, readWordPressItem } from "./wordpress";

export { DEFAULT_MAX_BYTES, decodeInput, tooLargeMessage, formatBytes } from "./decode";
export { readText } from "./text";
export { readHtml, htmlToParagraphs, htmlToText } from "./html";
export { readWordPressItem, isWordPressItem } from "./wordpress";
export { readFrontMatterText, parseFrontMatter, hasFrontMatter } from "./frontMatter";

export interface ReadInput {
  /** File path (relative) or URL; names the input in problems and becomes Article.origin. */
  origin: string;
  bytes: Uint8Array;
}

export interface ReadResult {
  articles: Article[];
  /** At most one per input: the input (or part of it) could not be read. */
  problem?: InputProblem;
}

export interface ReadOptions {
  maxBytes?: number;
}

/**
 * Names that are documentation next to the articles, not articles (README, LICENSE, a Markdown INDEX of a
 * folder, a hand-written *.gold.json, ...). A saved page called index.html is still an article.
 */
export function isNonArticleName(origin: string): boolean {
  const base = origin.split(/[\\/]/).pop() ?? origin;
  return (
    /^(readme|license|licence|changelog)(\.|$)/i.test(base) ||
    /^index\.(md|markdown)$/i.test(base) ||
    /\.gold\.json$/i.test(base) ||
    base.startsWith(".")
  );
}

function describeJsonError(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return msg.replace(/^JSON\.parse:\s*/, "").replace(/\s+/g, " ").slice(0, 160);
}

function looksLikeHtml(name: string, text: string): boolean {
  if (/\.(x?html?)$/i.test(name)) return true;
  const head = text.slice(0, 2000).trimStart();
  return /^<(!doctype\s+html|html|head|body|article|main|div|p|h[1-6]|section|meta)\b/i.test(head);
}

/**
 * JSON's escapes ("\ud800") are where lone surrogates come from. They are replaced by U+FFFD here, in
 * the strings as parsed, before any HTML inside them is read (removing a tag must not join two halves
 * into a character the source never had); the clause names each item's first such field.
 */
function parseJsonWellFormed(text: string): { data: unknown; problem: string } {
  const data: unknown = JSON.parse(text);
  const items = Array.isArray(data) ? data : [data];
  const found: string[] = [];
  for (let i = 0; i < items.length && found.length <= 3; i++) {
    for (const bad of findIllFormedFields(items[i], "", 4)) found.push(Array.isArray(data) ? `item ${i + 1} ${bad.message}` : bad.message);
  }
  if (found.length === 0) return { data, problem: "" };
  return {
    data: JSON.parse(text, (_key, v: unknown) => (typeof v === "string" ? toWellFormedText(v) : v)),
    problem: cleanedClause(found),
  };
}

function withProblem(result: ReadResult, origin: string, clause: string): ReadResult {
  if (!clause) return result;
  return { ...result, problem: { origin, message: result.problem ? `${result.problem.message}; ${clause}` : clause } };
}

function readJson(text: string, origin: string): ReadResult {
  let parsed: { data: unknown; problem: string };
  try {
    parsed = parseJsonWellFormed(text);
  } catch (e) {
    return { articles: [], problem: { origin, message: `is not valid JSON (${describeJsonError(e)})` } };
  }
  return withProblem(readJsonItems(parsed.data, origin), origin, parsed.problem);
}

function readJsonItems(data: unknown, origin: string): ReadResult {
  if (Array.isArray(data)) {
    if (data.length === 0) return { articles: [], problem: { origin, message: "is an empty JSON array: no WordPress items in it" } };
    const articles: Article[] = [];
    const bad: number[] = [];
    data.forEach((item, i) => {
      if (isWordPressItem(item)) articles.push(readWordPressItem(item, data.length === 1 ? origin : `${origin}#${i + 1}`));
      else bad.push(i + 1);
    });
    if (bad.length === 0) return { articles };
    const which = bad.length > 5 ? `${bad.slice(0, 5).join(", ")}, ...` : bad.join(", ");
    const message =
      articles.length === 0
        ? "is JSON but not WordPress REST items (expected objects with content.rendered, as from /wp-json/wp/v2/<type>)"
        : `has ${bad.length} of ${data.length} items that are not WordPress items (item ${which}); read the other ${articles.length}`;
    return { articles, problem: { origin, message } };
  }
  if (isWordPressItem(data)) return { articles: [readWordPressItem(data, origin)] };
  return {
    articles: [],
    problem: { origin, message: "is JSON but not a WordPress REST item (expected an object with content.rendered, as from /wp-json/wp/v2/<type>)" },
  };
}

/**
 * The article with every lone surrogate (text UTF-8 cannot carry, from a JSON escape such as "\ud800" in
 * WordPress JSON or a front-matter title) replaced by U+FFFD, and a clause naming each field that held
 * one; "" when the article was well-formed. Cleaning rather than skipping loses nothing: a lone surrogate
 * is no character, and the rest of the article is still read.
 */
export function wellFormedArticle(article: Article): { article: Article; problem: string } {
  const found: string[] = [];
  const clean = (field: string, s: string): string => {
    const f = loneSurrogates(s);
    if (!f) return s;
    found.push(`${field} ${describeLoneSurrogates(f)}`);
    return toWellFormedText(s);
  };
  const out: Article = {
    ...article,
    source_id: clean("source_id", article.source_id),
    title: clean("title", article.title),
    outlet: clean("outlet", article.outlet),
    url: clean("url", article.url),
    published: clean("published", article.published),
    origin: clean("origin", article.origin),
    paragraphs: article.paragraphs.map((p, i) => clean(`paragraph ${i + 1}`, p)),
  };
  if (found.length === 0) return { article, problem: "" };
  return { article: out, problem: cleanedClause(found) };
}

/** Reads one input. Never throws for bad input: the problem says what is wrong, naming the input. */
export function readInput(input: ReadInput, opts: ReadOptions = {}): ReadResult {
  const { origin, bytes } = input;
  const decoded = decodeInput(bytes, opts.maxBytes ?? DEFAULT_MAX_BYTES);
  if (!decoded.ok) return { articles: [], problem: { origin, message: decoded.message } };
  if (decoded.problem) return withProblem(readDecoded(decoded.text, origin), origin, decoded.problem);
  return readDecoded(decoded.text, origin);
}

/** Reads decoded text: front matter, WordPress JSON, HTML or plain text. */
function readDecoded(text: string, origin: string): ReadResult {
  const name = origin.replace(/[?#].*$/, "");
  const head = text.trimStart().slice(0, 16);
  const first = head[0];
  // "[" opens JSON unless a word follows, as in a text headline like "[Exclusive] ...".
  const jsonLike = first === "{" || (first === "[" && (!/^\[\s*[A-Za-z]/.test(head) || /^\[\s*(true|false|null)\b/.test(head)));
  let result: ReadResult;
  try {
    if (hasFrontMatter(text)) {
      const { article, problem } = readFrontMatterText(text, origin);
      result = problem ? { articles: [article], problem: { origin, message: problem } } : { articles: [article] };
    } else if (/\.json$/i.test(name) || jsonLike) result = readJson(text, origin);
    else if (looksLikeHtml(name, text)) {
      const depth = htmlNestingDepth(text);
      if (depth > MAX_HTML_DEPTH) {
        return { articles: [], problem: { origin, message: `is malformed HTML (elements nested ${depth} deep, over ${MAX_HTML_DEPTH}: unclosed tags?); not read` } };
      }
      result = { articles: [readHtml(text, origin)] };
    }
    else result = { articles: [readText(text, origin)] };
  } catch (e) {
    // A reader bug must cost one input, not the run.
    return { articles: [], problem: { origin, message: `could not be read (${e instanceof Error ? e.message : String(e)})` } };
  }
  // An article with no body text at all is reported rather than silently listed as a source.
  const empty = result.articles.filter((a) => a.paragraphs.length === 0);
  if (empty.length > 0 && !result.problem) {
    const articles = result.articles.filter((a) => a.paragraphs.length > 0);
    const message = articles.length === 0 ? "has no article text after removing markup and boilerplate" : `has ${empty.length} item(s) with no article text (skipped)`;
    return wellFormed({ articles, problem: { origin, message } }, origin);
  }
  return wellFormed(result, origin);
}

/** Well-formed Unicode from here on: the one check of the corpus boundary (src/core/model/unicode.ts). */
function wellFormed(result: ReadResult, origin: string): ReadResult {
  const cleaned: string[] = [];
  const articles = result.articles.map((a) => {
    const w = wellFormedArticle(a);
    if (w.problem) cleaned.push(a.origin === origin ? w.problem : `item ${a.origin} ${w.problem}`);
    return w.article;
  });
  if (cleaned.length === 0) return result;
  const clause = cleaned.length > 2 ? `${cleaned.slice(0, 2).join("; ")}; and ${cleaned.length - 2} more items do too` : cleaned.join("; ");
  return withProblem({ ...result, articles }, origin, clause);
}
