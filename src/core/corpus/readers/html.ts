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
  // AMP's own furniture: menus, ads, consent banners, share buttons, analytics, carousels of other stories.
  "amp-sidebar", "amp-ad", "amp-embed", "amp-sticky-ad", "amp-consent", "amp-user-notification", "amp-social-share",
  "amp-analytics", "amp-pixel", "amp-carousel", "amp-iframe",
  // A photo's caption describes the picture (often an older scene), not the news; a table's <caption> stays.
  "figcaption", "marquee",
]);
// ARIA landmarks of page furniture, for sites that mark regions by role rather than by tag.
const FURNITURE_ROLES = new Set(["navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog"]);
const BLOCK = new Set([
  "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote",
  "pre", "table", "thead", "tbody", "tfoot", "tr", "dl", "dt", "dd", "figure", "figcaption", "hr", "br",
  "address", "details", "summary", "center", "caption", "body", "html",
]);
const CELL = new Set(["td", "th"]);
// Class/id words of page furniture that is not the article (share bars, related links, ads, cookie banners).
// A word may run on into a plugin's suffix ("jp-relatedposts", "sharedaddy"); "comments?" stays whole, as
// "commentary" is content. Lists of other stories ("latest", "most-read", "also-like", "recommended") and
// price tickers or sidebars hold other reports' figures; embedded posts (tweets) are third parties' words.
const FURNITURE_RE =
  /(?:^|[\s_-])(?:sr-only|screen-reader-text|visually-?hidden|(?:share|sharing|social|related|newsletter|subscribe|ticker|gdpr|recommended|trending|popular)[a-z]*|comments?|comment-(?:list|body|respond|area)|advert|ads|breadcrumbs?|cookies?|consent|popup|modal|latest|most-(?:read|viewed|popular)|also-like|more-(?:news|stories|from)|read-next|caption|wp-caption-text|twitter-tweet|instagram-media|tiktok-embed|author-(?:box|bio|info)|bio|footer|nav|navbar|navigation|menu|masthead|pagination|skip-link|disqus)(?:$|[\s_-])/i;

// Layout words that also name wrappers ("content-sidebar-wrap", "elementor-widget-text-editor") count only
// at the start of a class: "sidebar", "sidebar-left", "widget", "widget-area".
const FURNITURE_START_RE = /^(?:sidebar|widget|widget-area|widget_[a-z_]+)(?:[-_][\w-]*)?$/i;
// WordPress names a post's categories and tags in its classes ("category-latest-news", "tag-share-prices"):
// those say what the post is about, not that it is furniture.
const TAXONOMY_CLASS_RE = /^(?:(?:category|tag|format|type|status|has|postid|single|term|taxonomy|path|page-(?:id|template|parent|child)|node--type)-|post-\d)/i;

function isFurnitureClass(value: string): boolean {
  for (const token of value.split(/\s+/)) {
    if (!token || TAXONOMY_CLASS_RE.test(token)) continue;
    if (FURNITURE_RE.test(token) || FURNITURE_START_RE.test(token)) return true;
  }
  return false;
}

function isElement(n: AnyNode): n is Element {
  return n.type === "tag" || n.type === "script" || n.type === "style";
}

function isHidden(el: Element, classWords = true): boolean {
  const a = el.attribs;
  if ("hidden" in a || a["aria-hidden"] === "true") return true;
  if (a.style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(a.style)) return true;
  if (a.role && FURNITURE_ROLES.has(a.role.trim().toLowerCase())) return true;
  return classWords && (isFurnitureClass(a.class ?? "") || isFurnitureClass(a.id ?? ""));
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

/**
 * collapse(textOf(root)) === target, read only as far as the two agree: a page can nest thousands of h1
 * elements, and reading each one's whole text would cost depth x size.
 */
function textCollapsesTo(root: AnyNode, target: string): boolean {
  const ws = /[\s\u00a0\u200b]+/g;
  let at = 0;
  let space = false;
  const stack: AnyNode[] = [root];
  while (stack.length > 0) {
    const n = stack.pop() as AnyNode;
    if (n.type === "text") {
      const d = (n as unknown as { data: string }).data;
      for (let k = 0; k < d.length; ) {
        ws.lastIndex = k;
        const m = ws.exec(d);
        const end = m ? m.index : d.length;
        if (end > k) {
          if (space && target.charCodeAt(at++) !== 32) return false;
          if (end - k > target.length - at || !target.startsWith(d.slice(k, end), at)) return false;
          at += end - k;
        }
        // A run of spaces counts once, and only between words (collapse trims).
        space = at > 0 && !!m;
        k = m ? ws.lastIndex : d.length;
      }
    } else if (isElement(n) && !(DROP.has(n.name) && n !== root)) {
      for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
    }
  }
  return at === target.length;
}

/** Paragraphs of an HTML fragment or page subtree, in reading order. */
function paragraphsOf(nodes: AnyNode[], skipHeading?: string, bodyRoot?: AnyNode, classWords = true): string[] {
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
    // The element chosen as the body is read whatever its classes say ("<body class=\"cookie-consent-open\">").
    if (DROP.has(name) || (n !== bodyRoot && isHidden(n, classWords))) continue;
    if (skipHeading !== undefined && name === "h1" && textCollapsesTo(n, skipHeading)) continue;
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

// The nesting estimate follows htmlparser2's own tree building (its Parser, v9): void elements never nest; an
// opening tag first closes the open elements it implies closed ("<div>" closes an open "<p>"); a closing tag
// closes up to the nearest open element of its name, and one with none open closes nothing ("<div></span>"
// repeated nests deeper each time); "<x/>" opens x outside svg/math; script, style, title and textarea hold text.
const VOID = new Set(["area", "base", "basefont", "br", "col", "command", "embed", "frame", "hr", "img", "input", "isindex", "keygen", "link", "meta", "param", "source", "track", "wbr"]);
const P_ONLY = ["p"];
const FORM = ["input", "option", "optgroup", "select", "button", "datalist", "textarea"];
const IMPLIES_CLOSE = new Map<string, Set<string>>([
  ["tr", new Set(["tr", "th", "td"])], ["th", new Set(["th"])], ["td", new Set(["thead", "th", "td"])], ["body", new Set(["head", "link", "script"])],
  ["li", new Set(["li"])], ["option", new Set(["option"])], ["optgroup", new Set(["optgroup", "option"])], ["dd", new Set(["dd", "dt"])], ["dt", new Set(["dd", "dt"])],
  ["rt", new Set(["rt", "rp"])], ["rp", new Set(["rt", "rp"])], ["tbody", new Set(["thead", "tbody"])], ["tfoot", new Set(["thead", "tbody"])],
  ...["select", "input", "output", "button", "datalist", "textarea"].map((n) => [n, new Set(FORM)] as [string, Set<string>]),
  ...["p", "h1", "h2", "h3", "h4", "h5", "h6", "address", "article", "aside", "blockquote", "details", "div", "dl", "fieldset", "figcaption", "figure", "footer", "form", "header", "hr", "main", "nav", "ol", "pre", "section", "table", "ul"].map(
    (n) => [n, new Set(P_ONLY)] as [string, Set<string>],
  ),
]);
const RAW_TEXT = new Map(["script", "style", "title", "textarea"].map((n) => [n, new RegExp(`</${n}[\\s>]`, "gi")]));
const FOREIGN = new Set(["svg", "math"]);
const INTEGRATION = new Set(["mi", "mo", "mn", "ms", "mtext", "annotation-xml", "foreignobject", "desc", "title"]);
export const MAX_HTML_DEPTH = 2000;

const isSpaceCode = (c: number) => c === 32 || (c >= 9 && c <= 13);

/**
 * Where the tag whose attributes start at `k` ends (its ">"), and whether it is written self-closing ("/>"
 * outside attribute values), as htmlparser2's tokenizer reads attributes; null when it never ends.
 */
function tagEnd(html: string, k: number): { end: number; selfClosing: boolean } | null {
  let slash = false;
  for (; k < html.length; k++) {
    const c = html.charCodeAt(k);
    if (c === 62) return { end: k, selfClosing: slash }; // ">"
    if (c === 47) slash = true; // "/"
    else if (!isSpaceCode(c)) {
      slash = false;
      if (c !== 61) continue; // "=": a value follows
      k++;
      while (k < html.length && isSpaceCode(html.charCodeAt(k))) k++;
      const q = html.charCodeAt(k);
      if (q === 34 || q === 39) {
        k = html.indexOf(html[k], k + 1);
        if (k < 0) return null;
      } else {
        while (k < html.length && !isSpaceCode(html.charCodeAt(k)) && html.charCodeAt(k) !== 62) k++;
        k--;
      }
    }
  }
  return null;
}

/**
 * Deepest element nesting htmlparser2 will build from the markup, found in one linear pass over its tags.
 * Pages with thousands of unclosed tags are malformed, and the parser's work grows with the square of their depth.
 */
export function htmlNestingDepth(html: string): number {
  const stack: string[] = [];
  const open = new Map<string, number>();
  const foreign: boolean[] = [];
  let max = 0;
  const pop = () => {
    const name = stack.pop() as string;
    open.set(name, (open.get(name) as number) - 1);
    return name;
  };
  // A tag runs from "<" and a letter to its ">" ("<a<>" is a tag "a<"); each character is looked at about
  // once, and a tag that never ends ends the scan, as it ends the parser's.
  let i = 0;
  while ((i = html.indexOf("<", i)) >= 0) {
    if (html.startsWith("<!--", i)) {
      const end = html.indexOf("-->", i + 4);
      if (end < 0) break;
      i = end + 3;
      continue;
    }
    const closing = html.charCodeAt(i + 1) === 47; // "/"
    const from = closing ? i + 2 : i + 1;
    const c = html.charCodeAt(from) | 32;
    if (c < 97 || c > 122) {
      i++;
      continue;
    }
    let to = from;
    while (to < html.length && !isSpaceCode(html.charCodeAt(to)) && html[to] !== "/" && html[to] !== ">") to++;
    const tag = closing ? { end: html.indexOf(">", to), selfClosing: false } : tagEnd(html, to);
    if (!tag || tag.end < 0) break;
    i = tag.end + 1;
    const name = html.slice(from, to).toLowerCase();
    if (closing) {
      if (FOREIGN.has(name) || INTEGRATION.has(name)) foreign.pop();
      if (!VOID.has(name) && (open.get(name) ?? 0) > 0) while (pop() !== name);
      // "</br>" and a "</p>" with none open make an empty element.
      else if ((name === "br" || name === "p") && stack.length + 1 > max) max = stack.length + 1;
      continue;
    }
    const implied = IMPLIES_CLOSE.get(name);
    if (implied) while (stack.length > 0 && implied.has(stack[stack.length - 1])) pop();
    // An element that holds no other is one level below the open ones.
    if (stack.length + 1 > max) max = stack.length + 1;
    if (VOID.has(name)) continue;
    stack.push(name);
    open.set(name, (open.get(name) ?? 0) + 1);
    if (FOREIGN.has(name)) foreign.push(true);
    else if (INTEGRATION.has(name)) foreign.push(false);
    // "<x/>" closes x only in svg or math; elsewhere x stays open.
    if (tag.selfClosing) {
      if (foreign[foreign.length - 1] === true) pop();
      continue;
    }
    if (RAW_TEXT.has(name)) {
      // Text up to the closing tag (htmlparser2 reads no tags in it, and none after an unclosed one).
      const close = RAW_TEXT.get(name) as RegExp;
      close.lastIndex = i;
      if (!close.exec(html)) break;
      i = close.lastIndex;
      if (INTEGRATION.has(name)) foreign.pop();
      pop();
    }
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
  const depth = htmlNestingDepth(html);
  if (depth > MAX_HTML_DEPTH) throw new Error(`malformed HTML: elements nested ${depth} deep, over ${MAX_HTML_DEPTH} (unclosed tags?)`);
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

/**
 * The <article> elements, less those whose text another one holds (inside it, no dropped element between):
 * those are never the longest, as the outer one comes first and is at least as long. A page nesting thousands
 * of articles would otherwise cost depth x size to measure.
 */
function outermostArticles(nodes: AnyNode[]): Element[] {
  const out: Element[] = [];
  const stack: [AnyNode, boolean][] = [];
  for (let i = nodes.length - 1; i >= 0; i--) stack.push([nodes[i], false]);
  while (stack.length > 0) {
    const [n, inside] = stack.pop() as [AnyNode, boolean];
    if (!isElement(n)) continue;
    // An <article> inside a comment list or a related-stories box is not the page's story.
    if (isHidden(n)) continue;
    let within = inside;
    if (n.name === "article") {
      if (!inside) out.push(n);
      within = true;
    } else if (DROP.has(n.name)) within = false;
    for (let i = n.children.length - 1; i >= 0; i--) stack.push([n.children[i], within]);
  }
  return out;
}

/** A link inside a heading (h1-h4) of the subtree; one pass, however deep headings nest. */
function hasLinkedHeading(root: Element): boolean {
  const stack: [AnyNode, boolean][] = [[root, false]];
  while (stack.length > 0) {
    const [n, inHeading] = stack.pop() as [AnyNode, boolean];
    if (!isElement(n)) continue;
    if (inHeading && n.name === "a" && n.attribs.href) return true;
    const within = inHeading || /^h[1-4]$/.test(n.name);
    for (let i = n.children.length - 1; i >= 0; i--) stack.push([n.children[i], within]);
  }
  return false;
}

/**
 * Several <article> elements, each headed by a link to its own page ("<h2><a href=...>"), and none at least
 * twice as long as the next: a listing of teasers. A story page's own <article> has an unlinked headline, and
 * live-blog entries are not links. Each article is a separate subtree, so this reads the page once.
 */
function isListing(articles: Element[]): boolean {
  if (articles.length < 3) return false;
  if (!articles.every(hasLinkedHeading)) return false;
  const lengths = articles.map((a) => collapse(textOf(a)).length).sort((x, y) => y - x);
  return lengths[0] < 2 * lengths[1];
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
/** A paragraph of running text (a sentence of some length), not a label, a date line or a menu entry. */
const isProse = (p: string): boolean => /[.!?]["”’)]*$/.test(p) && p.length > 60;

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
  const articles = outermostArticles(all);
  let root: AnyNode[] = all;
  if (isListing(articles)) {
    // A page of teasers (a category or search page) is no story of its own: each teaser's figures belong to
    // the story it links to, dated and titled there. Nothing is read, and the input is reported as empty.
    root = [];
  } else if (articles.length > 0) {
    // Each text measured once (a page can hold thousands of articles).
    const lengths = articles.map((a) => collapse(textOf(a)).length);
    root = [articles[lengths.reduce((best, n, i) => (n > lengths[best] ? i : best), 0)]];
  } else {
    const main =
      findAll(all, (e) => e.name === "main" || (e.attribs.role ?? "").toLowerCase() === "main")[0] ?? findAll(all, (e) => e.name === "body")[0];
    if (main) root = [main];
  }

  const h1 = findAll(root, (e) => e.name === "h1")[0] ?? findAll(all, (e) => e.name === "h1")[0];
  const titleEl = findAll(all, (e) => e.name === "title")[0];
  const title =
    metaContent(metas, ["og:title", "twitter:title"]) ||
    (h1 ? collapse(textOf(h1)) : "") ||
    (titleEl ? collapse(titleEl.children.map(textOf).join("")) : "");

  let published = isoDatePart(
    metaContent(metas, ["article:published_time", "datepublished", "date", "pubdate", "publishdate", "publish-date", "dc.date", "dc.date.issued", "dcterms.date", "dcterms.issued", "dcterms.created", "dc.date.created", "parsely-pub-date", "sailthru.date"]),
  );
  if (!published) {
    // A <time> marked as the page's update ("updated", "modified") is not when the story came out.
    const isPubTime = (e: Element) => e.name === "time" && !!e.attribs.datetime && !/\b(?:updated|modified)\b/i.test(e.attribs.class ?? "");
    const time = findAll(root, isPubTime)[0] ?? findAll(all, isPubTime)[0];
    if (time) published = isoDatePart(time.attribs.datetime);
  }
  if (!published) published = jsonLdDate(findAll(all, (e) => e.name === "script"));

  const outlet = metaContent(metas, ["og:site_name", "application-name"]) || hostOf(url);
  const skip = h1 ? collapse(textOf(h1)) : undefined;
  let read = paragraphsOf(root, skip, root.length === 1 ? root[0] : undefined);
  // Class words are a guess about a site's markup: a body wrapped in an element whose class merely contains one
  // ("latest-news-article") would be lost whole. When they leave no prose at all, the page is read again with
  // only tags, roles and hidden attributes dropping furniture, so a story is never lost to a class name.
  if (root.length > 0 && !read.some(isProse)) {
    const again = paragraphsOf(root, skip, root.length === 1 ? root[0] : undefined, false);
    if (again.some(isProse)) read = again;
  }
  // A page without a dated tag dates the story in its byline: a date line before the first sentence of the
  // body ("March 3, 2031" under the headline); a "Last updated" line further down is not it.
  if (!published) {
    for (const p of read) {
      if (isProse(p)) break;
      const d = !/\b(?:updated|modified|reviewed)\b/i.test(p) ? parseDateLine(p) : "";
      if (d) {
        published = d;
        break;
      }
    }
  }
  // A paragraph that is only a date line is page furniture (the byline date), not content.
  const paragraphs = dropBoilerplate(read.filter((p) => !parseDateLine(p)));
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
