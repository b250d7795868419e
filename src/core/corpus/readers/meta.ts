// Small metadata helpers shared by the readers: dates, URLs, source ids.

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11,
  november: 11, dec: 12, december: 12,
};
const MONTH_RE = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

function iso(y: number, m: number, d: number): string {
  if (m < 1 || m > 12 || d < 1) return "";
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return "";
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

const DATE_PATTERNS: { re: RegExp; pick(m: RegExpExecArray): string }[] = [
  // 2025-04-09, 2025/04/09, 2025.04.09 (optionally followed by a time)
  { re: /(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/, pick: (m) => iso(+m[1], +m[2], +m[3]) },
  // Apr 9, 2025 / April 9 2025 / Apr. 9, 2025
  { re: new RegExp(`${MONTH_RE}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?!\\d)`, "i"), pick: (m) => iso(+m[3], MONTHS[m[1].toLowerCase()], +m[2]) },
  // 9 April 2025 / 9 Apr. 2025
  { re: new RegExp(`(?<!\\d)(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH_RE}\\.?,?\\s+(\\d{4})(?!\\d)`, "i"), pick: (m) => iso(+m[3], MONTHS[m[2].toLowerCase()], +m[1]) },
];
const TIME_RE = /(?<!\d)\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?(?:\s*(?:UTC|GMT|[A-Z]{2,4}|[+-]\d{2}:?\d{2}))?/gi;
// Words that may label a date line ("Published: Apr 9, 2025", "Updated on ...").
const DATE_LABEL_RE = /\b(published|posted|updated|date|on|at|time|release[sd]?)\b/gi;

/**
 * If `line` is a date line (a short line that is essentially a date, perhaps with a time, a label such as
 * "Published:" or a few characters of page junk such as an icon's name), its ISO date; else "".
 */
export function parseDateLine(line: string): string {
  const s = line.trim();
  if (s.length === 0 || s.length > 60) return "";
  for (const p of DATE_PATTERNS) {
    const m = p.re.exec(s);
    if (!m) continue;
    const date = p.pick(m);
    if (!date) return "";
    const rest = (s.slice(0, m.index) + " " + s.slice(m.index + m[0].length))
      .replace(TIME_RE, " ")
      .replace(DATE_LABEL_RE, " ")
      .replace(/[^\p{L}\p{N}]+/gu, "");
    // A little junk ("icon", a weekday) is tolerated; a sentence around the date is not.
    if (rest.length > 12) return "";
    return date;
  }
  return "";
}

/** Date part of an ISO timestamp ("2025-04-30T12:11:12" -> "2025-04-30"), or "" when it is not one. */
export function isoDatePart(value: unknown): string {
  if (typeof value !== "string") return "";
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/.exec(value.trim());
  return m ? iso(+m[1], +m[2], +m[3]) : "";
}

/** Host name of an http(s) URL without "www.", or "" when it is not one. */
export function hostOf(url: string): string {
  const m = /^https?:\/\/([^/?#:@\s]+)/i.exec(url.trim());
  return m ? m[1].toLowerCase().replace(/^www\./, "") : "";
}

export function isHttpUrl(s: string): boolean {
  return /^https?:\/\/[^\s/?#]+\.[^\s]*$/i.test(s.trim());
}

/** Lower-case ASCII slug: "Major Events: 2024!" -> "major-events-2024". */
export function slugify(s: string, maxLength = 80): string {
  const slug = s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (slug.length <= maxLength) return slug;
  return slug.slice(0, maxLength).replace(/-+$/, "");
}

/** Stable source id from a URL: host + path, slugified ("news.metal.com/newscontent/103332580/x" -> "news-metal-com-newscontent-103332580-x"). */
export function sourceIdFromUrl(url: string): string {
  const m = /^https?:\/\/([^/?#]+)([^?#]*)(\?[^#]*)?/i.exec(url.trim());
  if (!m) return "";
  // A site that names its articles only in the query ("/?p=4285") keeps the query, or all its articles would share one id.
  const path = /^\/?$/.test(m[2]) && m[3] ? m[3] : m[2];
  return slugify(`${m[1].replace(/^www\./i, "")} ${path}`);
}

/** Stable source id from a file name: base name without its extensions ("a/b/smm-x.wp.json" -> "smm-x"). */
export function sourceIdFromOrigin(origin: string): string {
  const base = origin.split(/[\\/]/).filter(Boolean).pop() ?? origin;
  const stem = base.replace(/(\.(txt|text|md|html?|xhtml|json|wp))+$/i, "");
  return slugify(stem) || slugify(base) || "article";
}
