// Readers: one input (bytes + where it came from) -> Articles, or one clear problem.
// Format is detected from the name and the content: WordPress REST JSON, HTML, or plain text.
import type { Article, InputProblem } from "../types";
import { decodeInput, DEFAULT_MAX_BYTES } from "./decode";
import { hasFrontMatter, readFrontMatterText } from "./frontMatter";
import { htmlNestingDepth, MAX_HTML_DEPTH, readHtml } from "./html";
import { readText } from "./text";
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

function readJson(text: string, origin: string): ReadResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { articles: [], problem: { origin, message: `is not valid JSON (${describeJsonError(e)})` } };
  }
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

/** Reads one input. Never throws for bad input: the problem says what is wrong, naming the input. */
export function readInput(input: ReadInput, opts: ReadOptions = {}): ReadResult {
  const { origin, bytes } = input;
  const decoded = decodeInput(bytes, opts.maxBytes ?? DEFAULT_MAX_BYTES);
  if (!decoded.ok) return { articles: [], problem: { origin, message: decoded.message } };
  const text = decoded.text;
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
    return { articles, problem: { origin, message } };
  }
  return result;
}
