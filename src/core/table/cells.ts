// Text from articles and feeds must stay text in a spreadsheet. A cell whose text starts with one of
// these characters is read as a formula by Excel, LibreOffice and Sheets when typed or imported (CSV),
// and through Office.js `range.values` (see ../shared/notes). OWASP's CSV-injection list adds tab and CR.
const FORMULA_TRIGGERS = /^[=+\-@\t\r]/;

export function startsLikeFormula(text: string): boolean {
  const c = text.charCodeAt(0);
  // fast path: letters, digits, quotes... (most text) cannot trigger
  if (c > 0x40 || Number.isNaN(c)) return false;
  return FORMULA_TRIGGERS.test(text);
}

/**
 * For writers that *type* text into cells (Office.js range.values, CSV): a leading apostrophe is Excel's
 * quote prefix, so the cell keeps the exact text as a string and the apostrophe is not part of the value.
 * Text that cannot be read as a formula is left alone.
 */
export function quotePrefixed(text: string): string {
  // Text that itself starts with an apostrophe ("'90s") needs one too, or Excel would eat its own.
  return startsLikeFormula(text) || text.charCodeAt(0) === 0x27 ? `'${text}` : text;
}

/**
 * The one gate between a source URL from the data (bundled or from a feed) and a live link, in the pane,
 * the .xlsx hyperlinks and the Excel writer's hyperlinks: only an http(s) URL with a host comes back;
 * anything else (javascript:, data:, file:, a relative path, text with spaces or quotes) is null and
 * stays plain text.
 */
/**
 * Longer addresses stay plain text, never links: Excel refuses a hyperlink address past about 2,080
 * characters (the request fails), and no real article URL comes near this.
 */
export const MAX_LINK_URL = 2_048;

export function safeHttpUrl(url: string | null | undefined): string | null {
  if (!url || url.length > MAX_LINK_URL || !/^https?:\/\/[^\s"<>\\]+$/i.test(url)) return null;
  try {
    const u = new URL(url);
    return (u.protocol === "http:" || u.protocol === "https:") && u.hostname ? url : null;
  } catch {
    return null;
  }
}

/** Only http(s) URLs become hyperlinks; anything else stays plain text. */
export function isWebUrl(url: string): boolean {
  return safeHttpUrl(url) !== null;
}
