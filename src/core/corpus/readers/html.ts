// HTML -> paragraphs (+ page metadata). Block elements become paragraph breaks; scripts, styles,
// navigation, page headers/footers, asides and visually hidden text are dropped; entities are decoded
// by htmlparser2. Browser-safe (htmlparser2 is plain JS).
import { parseDocument } from "htmlparser2";
import type { Article } from "../types";
import { dropBoilerplate } from "./boilerplate";
import { hostOf, isHttpUrl, isoDatePart, parseDateLine, sourceIdFromOrigin, sourceIdFromUrl } from "./meta";

// Node types come from htmlparser2's own domhandler (the top-level domhandler package is another major version).
type AnyNode = ReturnType<typeof parseDocument>["children"][number];
type Element = Extract<AnyNode, { name: string; attribs: Record<string, string> }>;

const DROP = new Set([
  "script", "style", "noscript", "template", "nav", "footer", "aside", "header", "form", "button", "svg",
  "iframe", "select", "textarea", "object", "embed", "canvas", "audio", "video", "head", "title", "meta",
  "link", "input", "label", "menu", "dialog",
]);
const BLOCK = new Set([
  "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote",
  "pre", "table", "thead", "tbody", "tfoot", "tr", "dl", "dt", "dd", "figure", "figcaption", "hr", "br",
  "address", "details", "summary", "center", "caption", "body", "html",
]);
const CELL = new Set(["td", "th"]);
// Class/id words of page furniture that is not the article (share bars, related links, ads, cookie banners).
const FURNITURE_RE = /(?:^|[\s_-])(?:sr-only|screen-reader-text|visually-?hidden|share|sharing|social|related|comments?|advert|ads|newsletter|subscribe|breadcrumbs?|cookie|popup|modal)(?:$|[\s_-])/i;

function isElement(n: AnyNode): n is Element {
  return n.type === "tag" || n.type === "script" || n.type === "style";
}

function isHidden(el: Element): boolean {
  const a = el.attribs;
  if ("hidden" in a || a["aria-hidden"] === "true") return true;
  if (a.style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(a.style)) return true;
  return FURNITURE_RE.test(a.class ?? "") || FURNITURE_RE.test(a.id ?? "");
}

// Traversals are iterative: a page with thousands of unclosed tags nests that deep, and recursion would
// overflow the stack.

/** Text of a subtree, skipping dropped elements. */
function textOf(root: AnyNode): string {
  let out = "";
  const stack: AnyNode[] = [root];
  while (stack.length > 0) {
    const n = stack.pop() as AnyNode;
    if (n.type === "text") out += (n as unknown as { data: string }).data;
    else if (isElement(n) && !(DROP.has(n.name) && n !== root)) {
      for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
    } else if (n.type === "root") {
      const kids = (n as unknown as { children: AnyNode[] }).children;
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
    }
  }
  return out;
}

const collapse = (s: string): string => s.replace(/[\s\u00a0\u200b]+/g, " ").trim();

/** Paragraphs of an HTML fragment or page subtree, in reading order. */
function paragraphsOf(nodes: AnyNode[], skipHeading?: string): string[] {
  const out: string[] = [];
  let buf = "";
  const flush = () => {
    const p = collapse(buf);
    if (p) out.push(p);
    buf = "";
  };
  // A "close" marker ends a block element after its children.
  const CLOSE = null;
  const stack: (AnyNode | null)[] = [];
  for (let i = nodes.length - 1; i >= 0; i--) stack.push(nodes[i]);
  while (stack.length > 0) {
    const n = stack.pop() as AnyNode | null;
    if (n === CLOSE) {
      flush();
      continue;
    }
    if (n.type === "text") {
      buf += (n as unknown as { data: string }).data;
      continue;
    }
    if (!isElement(n)) continue;
    const name = n.name.toLowerCase();
    if (DROP.has(name) || isHidden(n)) continue;
    if (skipHeading !== undefined && name === "h1" && collapse(textOf(n)) === skipHeading) continue;
    if (CELL.has(name)) {
      if (collapse(buf)) buf += " | ";
    } else if (BLOCK.has(name)) {
      flush();
      stack.push(CLOSE);
    }
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
  }
  flush();
  return out;
}

// Elements that never nest (void) or that HTML closes implicitly: left out of the nesting estimate.
const NO_NESTING = new Set([
  "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
  "p", "li", "td", "th", "tr", "dt", "dd", "option", "thead", "tbody", "tfoot", "colgroup", "rb", "rt", "rp",
]);
export const MAX_HTML_DEPTH = 2000;

/**
 * Deepest element nesting of the markup, estimated from its tags in one pass. Pages with thousands of
 * unclosed tags are malformed, and the parser's work grows with the square of their depth.
 */
export function htmlNestingDepth(html: string): number {
  let depth = 0;
  let max = 0;
  const re = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*?(\/?)>/g;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    const name = m[2].toLowerCase();
    if (NO_NESTING.has(name) || m[3] === "/") continue;
    if (m[1] === "/") depth = Math.max(0, depth - 1);
    else if (++depth > max) max = depth;
  }
  return max;
}

/** Body paragraphs of an HTML fragment (e.g. WordPress `content.rendered`). */
export function htmlToParagraphs(html: string): string[] {
  const depth = htmlNestingDepth(html);
  if (depth > MAX_HTML_DEPTH) throw new Error(`malformed HTML: elements nested ${depth} deep, over ${MAX_HTML_DEPTH} (unclosed tags?)`);
  return dropBoilerplate(paragraphsOf(parseDocument(html).children));
}

/** Plain text of an inline HTML fragment (e.g. WordPress `title.rendered`), entities decoded. */
export function htmlToText(html: string): string {
  return collapse(textOf(parseDocument(html) as unknown as AnyNode));
}

function findAll(nodes: AnyNode[], pred: (el: Element) => boolean): Element[] {
  const out: Element[] = [];
  const stack: AnyNode[] = [];
  for (let i = nodes.length - 1; i >= 0; i--) stack.push(nodes[i]);
  while (stack.length > 0) {
    const n = stack.pop() as AnyNode;
    if (!isElement(n)) continue;
    if (pred(n)) out.push(n);
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
  }
  return out;
}

function metaContent(metas: Element[], keys: string[]): string {
  for (const key of keys) {
    for (const m of metas) {
      const k = (m.attribs.property ?? m.attribs.name ?? m.attribs.itemprop ?? "").toLowerCase();
      if (k === key && m.attribs.content) return collapse(m.attribs.content);
    }
  }
  return "";
}

function jsonLdDate(scripts: Element[]): string {
  for (const s of scripts) {
    if ((s.attribs.type ?? "").toLowerCase() !== "application/ld+json") continue;
    const m = /"datePublished"\s*:\s*"([^"]+)"/.exec(s.children.map(textOf).join("") || (s.children[0] as unknown as { data?: string })?.data || "");
    if (m && isoDatePart(m[1])) return isoDatePart(m[1]);
  }
  return "";
}

/** Reads one HTML page into an Article. */
export function readHtml(html: string, origin: string): Article {
  const doc = parseDocument(html);
  const all = doc.children;
  const metas = findAll(all, (e) => e.name === "meta");
  const links = findAll(all, (e) => e.name === "link");

  let url = "";
  const canonical = links.find((l) => (l.attribs.rel ?? "").toLowerCase().split(/\s+/).includes("canonical"));
  if (canonical && isHttpUrl(canonical.attribs.href ?? "")) url = canonical.attribs.href.trim();
  if (!url) {
    const og = metaContent(metas, ["og:url"]);
    if (isHttpUrl(og)) url = og;
  }

  // Body root: the longest <article>, else <main>, else <body>, else the whole fragment.
  const articles = findAll(all, (e) => e.name === "article");
  let root: AnyNode[] = all;
  if (articles.length > 0) {
    const best = articles.reduce((a, b) => (collapse(textOf(b)).length > collapse(textOf(a)).length ? b : a));
    root = [best];
  } else {
    const main = findAll(all, (e) => e.name === "main")[0] ?? findAll(all, (e) => e.name === "body")[0];
    if (main) root = [main];
  }

  const h1 = findAll(root, (e) => e.name === "h1")[0] ?? findAll(all, (e) => e.name === "h1")[0];
  const titleEl = findAll(all, (e) => e.name === "title")[0];
  const title =
    metaContent(metas, ["og:title", "twitter:title"]) ||
    (h1 ? collapse(textOf(h1)) : "") ||
    (titleEl ? collapse(titleEl.children.map(textOf).join("")) : "");

  let published = isoDatePart(
    metaContent(metas, ["article:published_time", "datepublished", "date", "pubdate", "publishdate", "publish-date", "dc.date", "dc.date.issued", "dcterms.created", "parsely-pub-date", "sailthru.date"]),
  );
  if (!published) {
    const time = findAll(root, (e) => e.name === "time" && !!e.attribs.datetime)[0] ?? findAll(all, (e) => e.name === "time" && !!e.attribs.datetime)[0];
    if (time) published = isoDatePart(time.attribs.datetime);
  }
  if (!published) published = jsonLdDate(findAll(all, (e) => e.name === "script"));

  const outlet = metaContent(metas, ["og:site_name", "application-name"]) || hostOf(url);
  // A paragraph that is only a date line is page furniture (the byline date), not content.
  const paragraphs = dropBoilerplate(paragraphsOf(root, h1 ? collapse(textOf(h1)) : undefined).filter((p) => !parseDateLine(p)));
  return {
    source_id: (url && sourceIdFromUrl(url)) || sourceIdFromOrigin(origin),
    title,
    outlet,
    url,
    published,
    origin,
    format: "html",
    paragraphs,
  };
}
