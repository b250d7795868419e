// Name matching for subjects, organisations, regions and free-text queries.
// One normalisation everywhere (functions, task pane filter, CLI), so "SAIC", "saic" and "S.A.I.C."
// find the same entity in every part of the add-in.

/** Legal-form words that do not distinguish one organisation from another ("Co., Ltd.", "Inc."). */
const LEGAL_FORM_WORDS = new Set([
  "co",
  "ltd",
  "limited",
  "inc",
  "incorporated",
  "corp",
  "corporation",
  "company",
  "plc",
  "llc",
  "gmbh",
  "ag",
  "sa",
  "jsc",
]);

/**
 * Lower case, accents and punctuation removed, whitespace collapsed; a possessive "'s" is dropped
 * ("SAIC's" -> "saic"). Dots inside acronyms vanish ("S.A.I.C." -> "saic") while other punctuation
 * separates words ("Mg-Al" -> "mg al").
 */
export function normalizeName(name: string): string {
  // ASCII names (nearly all) take a single pass: building an index of 100k records normalises
  // every distinct name once, and the regular-expression path costs several times more.
  return NON_ASCII.test(name) ? normalizeNameGeneral(name) : normalizeAscii(name);
}

const NON_ASCII = /[\u0080-\uffff]/;

/** The definition (any script): what normalizeAscii must equal on ASCII input. */
export function normalizeNameGeneral(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[\u2018\u2019`']s\b/g, "")
    .replace(/[.\u2018\u2019`']/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

function isAlnum(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
}

const ALREADY_NORMAL = /^[a-z0-9]+(?: [a-z0-9]+)*$/;

function normalizeAscii(name: string): string {
  const lower = name.toLowerCase();
  if (ALREADY_NORMAL.test(lower)) return lower;
  // copy runs of letters and digits as slices; a dot or apostrophe joins runs, anything else
  // separates them with one space
  let out = "";
  let runStart = -1;
  let gap = false;
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (isAlnum(c)) {
      if (runStart < 0) {
        if (gap && out !== "") out += " ";
        gap = false;
        runStart = i;
      }
      continue;
    }
    if (runStart >= 0) {
      out += lower.slice(runStart, i);
      runStart = -1;
    }
    if (c === 39 || c === 96) {
      // an apostrophe vanishes; with a following "s" at the end of a word, so does the "s"
      const next = lower.charCodeAt(i + 1);
      const after = lower.charCodeAt(i + 2);
      if (next === 115 && !(isAlnum(after) || after === 95)) i++;
    } else if (c !== 46) {
      gap = true;
    }
  }
  if (runStart >= 0) out += lower.slice(runStart);
  return out;
}

/** Words of a normalised name. */
export function nameTokens(normalized: string): string[] {
  return normalized === "" ? [] : normalized.split(" ");
}

/**
 * The alias key of a name: normalised, legal-form words removed at the end ("Baowu Magnesium
 * Technology Co., Ltd." -> "baowu magnesium technology"). Two names with the same key are the same
 * entity as far as lookups go.
 */
export function aliasKey(name: string): string {
  const normalized = normalizeName(name);
  const last = normalized.slice(normalized.lastIndexOf(" ") + 1);
  if (!LEGAL_FORM_WORDS.has(last)) return normalized;
  const tokens = nameTokens(normalized);
  let end = tokens.length;
  while (end > 1 && LEGAL_FORM_WORDS.has(tokens[end - 1])) end--;
  return tokens.slice(0, end).join(" ");
}

/** Levenshtein distance, bounded: returns max+1 as soon as the distance must exceed max. */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (cur[j] < rowMin) rowMin = cur[j];
    }
    if (rowMin > max) return max + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}

/**
 * How far a query is from a known name, 0 (same) to 1 (nothing alike): the better of the whole-name
 * distance and the distance to the closest prefix or word of the name, so "baow" is close to
 * "Baowu Magnesium" and "Sres" to "Seres".
 */
export function nameDistance(queryKey: string, nameKey: string): number {
  if (queryKey === "" || nameKey === "") return 1;
  const whole = editDistance(queryKey, nameKey) / Math.max(queryKey.length, nameKey.length);
  let best = whole;
  if (nameKey.startsWith(queryKey)) best = Math.min(best, 0.1);
  for (const word of nameTokens(nameKey)) {
    const d = editDistance(queryKey, word) / Math.max(queryKey.length, word.length);
    // a word match is a weaker sign than a whole-name match
    best = Math.min(best, 0.15 + d * 0.85);
  }
  return best;
}
