// Site boilerplate that is not article content: contact lines, share/copyright lines, and the short
// menu-like lines pages end with ("SMM Events & Webinars", "All"). Generic rules, no site names.

const EMAIL_RE = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;
const CONTACT_RE = /\bplease\s+(?:contact|e-?mail|call|write\s+to|reach|visit)\b|^(?:for\s+(?:queries|enquiries|inquiries|more\s+information|media|press|questions)\b|contact\s+us\b|tel(?:ephone)?\s*[:.]|phone\s*[:.]|e-?mail\s*[:.])/i;
const SITE_RE = /^(?:all\s+rights\s+reserved|copyright\b|©|share(?:\s+this)?\b|print\b|follow\s+us\b|subscribe\b|sign\s+up\b|related\s+(?:articles|news|posts|stories)\b|read\s+more\b|(?:read|see)\s+also\b|also\s+read\b|tags?\s*:|disclaimer\s*:|(?:this\s+(?:web)?site|we(?:\s+and\s+our\s+partners)?)\s+uses?\s+cookies\b)/i;
// A feed's closing line: "The post <title> appeared first on <site>."
const FEED_FOOTER_RE = /^the\s+post\s+.{1,300}\s+appeared\s+first\s+on\s+/i;
// Legal boilerplate of press releases, run into one paragraph ("This press release contains forward-looking statements ...").
const LEGAL_RE = /^(?:(?:this|the)\s+(?:press\s+|news\s+)?(?:release|announcement|document|communication)\s+(?:contains|includes|may\s+contain)\s+(?:certain\s+)?["“]?forward[-\s]looking\s+(?:statements|information)|(?:forward[-\s]looking\s+statements|safe\s+harbou?r\s+statement|cautionary\s+(?:note|statement))\b\s*[:.—–-])/i;

// A publisher's notice: "... is for general information only and is not legal advice", "© 2031 Example LLP".
const NOT_ADVICE_RE = /\b(?:is\s+not|does\s+not\s+constitute|should\s+not\s+be\s+(?:construed|taken)\s+as)\s+(?:legal|investment|financial|tax)\s+advice\b/i;
const COPYRIGHT_RE = /(?:©|\(c\)|\bcopyright)\s*(?:\d{4}\b)/i;

/**
 * A heading that opens a list of other stories ("Related articles", "Latest news", "Most read"): the lines
 * under it are those stories' headlines, with their own dates and figures.
 */
const LIST_HEADING_RE =
  /^(?:related(?:\s+(?:articles|posts|news|stories|content|insights|releases|reading|links|coverage|reports))?|latest(?:\s+(?:news|articles|stories|posts|headlines|\w+\s+(?:news|reports)))?|more\s+(?:news|stories|articles|headlines|from\s+.{1,40})|most\s+(?:read|popular|viewed|shared)|popular(?:\s+(?:posts|stories|articles|now))?|trending(?:\s+(?:now|stories|articles))?|recommended(?:\s+(?:for\s+you|reading|articles|stories))?|you\s+(?:may|might)\s+(?:also\s+)?(?:like|be\s+interested\s+in)|read\s+(?:next|more)|further\s+reading|also\s+from\s+this\s+source|top\s+stories|editor['’]?s\s+picks)\s*:?$/i;
/**
 * A heading that opens a block about the issuer or the law, not the news: "About <Company>", "About the
 * author", "Forward-looking statements", "Safe harbor statement", "Notes to editors", "Media contact".
 * A company's own description holds its founding year, plants and capacities: true once, but not this report's.
 */
const BLOCK_HEADING_RE =
  /^(?:about\s+(?:the\s+authors?|us)|forward[-\s]looking\s+(?:statements|information)|(?:safe\s+harbou?r|cautionary)\s+(?:statements?|note)|notes?\s+to\s+(?:editors|the\s+editor)|(?:media|press|investor)\s+(?:contacts?|enquiries|inquiries|relations)|disclaimer)\s*:?$/i;
// "About <Name>" names the company (capitalised, case-sensitive); "About the deal" is a section of the story.
const ABOUT_COMPANY_RE = /^(?:About|ABOUT)\s+(?!(?:The|This|These|That|Our|Its|A|An)\b)\p{Lu}[\p{L}\p{N}&.,'’ -]{1,60}\s*:?$/u;

/** A line that only tells the reader how to contact or follow the site. */
export function isContactLine(line: string): boolean {
  const s = line.trim();
  if (s.length > 300) return false;
  return (
    EMAIL_RE.test(s) || CONTACT_RE.test(s) || SITE_RE.test(s) || FEED_FOOTER_RE.test(s) || LEGAL_RE.test(s) || NOT_ADVICE_RE.test(s) ||
    COPYRIGHT_RE.test(s) || /all rights reserved/i.test(s)
  );
}

/** A short line without sentence punctuation at its end: a heading, a headline or a link. */
function isHeadlineLike(line: string): boolean {
  const s = line.trim();
  return s.length <= 200 && !/[.!?:;]["”’)]*$/.test(s);
}

/**
 * The paragraphs less the sections under a list heading (the headlines that follow it) and under a block
 * heading (everything up to the next heading that is not another such block). One pass.
 */
export function dropFurnitureSections(paragraphs: string[]): string[] {
  const out: string[] = [];
  let mode: "" | "list" | "block" = "";
  for (const p of paragraphs) {
    const s = p.trim();
    if (s.length <= 80 && LIST_HEADING_RE.test(s)) {
      mode = "list";
      continue;
    }
    if (s.length <= 80 && (BLOCK_HEADING_RE.test(s) || ABOUT_COMPANY_RE.test(s))) {
      mode = "block";
      continue;
    }
    if (mode === "list" && isHeadlineLike(s)) continue;
    // A block runs to the next heading (a short line ending without punctuation, words only).
    if (mode === "block" && !(isHeadlineLike(s) && s.length <= 80 && !/\d/.test(s))) continue;
    mode = "";
    out.push(p);
  }
  return out;
}

/** A short line without sentence punctuation or numbers, like a menu item or a section link. */
export function isMenuLikeLine(line: string): boolean {
  const s = line.trim();
  if (s.length === 0) return true;
  if (s.length > 40) return false;
  if (/[.!?;:]["”’)]*$/.test(s) || /\d/.test(s)) return false;
  return s.split(/\s+/).length <= 5;
}

/**
 * Drops contact lines anywhere, then menu-like and contact lines at the end of the article.
 * Keeps everything else: a line of content wrongly dropped is evidence lost.
 */
export function dropBoilerplate(paragraphs: string[]): string[] {
  const kept = dropFurnitureSections(paragraphs).filter((p) => !isContactLine(p));
  let end = kept.length;
  while (end > 0 && (isMenuLikeLine(kept[end - 1]) || isContactLine(kept[end - 1]))) end--;
  return kept.slice(0, end);
}
