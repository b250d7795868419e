// Site boilerplate that is not article content: contact lines, share/copyright lines, and the short
// menu-like lines pages end with ("SMM Events & Webinars", "All"). Generic rules, no site names.

const EMAIL_RE = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;
const CONTACT_RE = /\bplease\s+(?:contact|e-?mail|call|write\s+to|reach|visit)\b|^(?:for\s+(?:queries|enquiries|inquiries|more\s+information|media|press|questions)\b|contact\s+us\b|tel(?:ephone)?\s*[:.]|phone\s*[:.]|e-?mail\s*[:.])/i;
const SITE_RE = /^(?:all\s+rights\s+reserved|copyright\b|©|share(?:\s+this)?\b|print\b|follow\s+us\b|subscribe\b|sign\s+up\b|related\s+(?:articles|news|posts|stories)\b|read\s+more\b|tags?\s*:|disclaimer\s*:)/i;

/** A line that only tells the reader how to contact or follow the site. */
export function isContactLine(line: string): boolean {
  const s = line.trim();
  if (s.length > 300) return false;
  return EMAIL_RE.test(s) || CONTACT_RE.test(s) || SITE_RE.test(s) || /all rights reserved/i.test(s);
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
  const kept = paragraphs.filter((p) => !isContactLine(p));
  let end = kept.length;
  while (end > 0 && (isMenuLikeLine(kept[end - 1]) || isContactLine(kept[end - 1]))) end--;
  return kept.slice(0, end);
}
