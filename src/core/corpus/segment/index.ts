// Article -> Sentences. Each sentence's text is a verbatim slice of one of the article's paragraphs.
// Section headings (a heading paragraph, or a numbered heading run into the body such as
// "1.1 National Policies On May 16, MIIT released ...") are split off into `section` of the sentences
// that follow. Conservative: when the end of a run-in heading cannot be told, the text stays whole.
import type { Article, Sentence } from "../types";
import { splitSentences } from "./sentences";

export { splitSentences } from "./sentences";

/** Lower-case words title case leaves lower-case. */
const FUNCTION_WORDS = new Set([
  "a", "an", "the", "and", "or", "nor", "but", "of", "in", "on", "at", "to", "for", "with", "by", "from", "into",
  "onto", "as", "vs", "vs.", "via", "per", "than", "over", "under", "up", "off", "out", "about", "after",
  "before", "through", "between", "among", "without", "within", "upon", "across", "towards", "toward", "&",
]);
/** Capitalised prepositions that open a sentence when a date follows ("On May 16,", "In 2024,", "At 17:27"). */
const DATE_PREPOSITIONS = new Set(["On", "In", "At", "From", "Since", "During", "By", "Until", "Starting", "Between", "Before", "After", "As"]);
const DATE_WORD_RE = /^(?:\d|jan(?:uary)?\b|feb(?:ruary)?\b|mar(?:ch)?\b|apr(?:il)?\b|may\b|june?\b|july?\b|aug(?:ust)?\b|sep(?:t(?:ember)?)?\b|oct(?:ober)?\b|nov(?:ember)?\b|dec(?:ember)?\b|early\b|late\b|mid\b|mid-|the\b|this\b|last\b|recent)/i;
/** Words that open a sentence and are followed by lower-case text in it ("This product is ..."). */
const OPENERS_BEFORE_LOWER = new Set(["The", "This", "These", "Its", "It", "A", "An", "Currently", "Recently", "Meanwhile", "Today", "Both", "Such", "Each"]);
/** A section number: "1.", "1.1", "4.3.", "V.". */
const SECTION_NUMBER_RE = /^(?:\d{1,3}(?:\.\d{1,3})*\.|\d{1,3}(?:\.\d{1,3})+|[IVXLC]{1,6}\.)(?=\s)/;
const MAX_HEADING_WORDS = 40;

interface Word {
  text: string;
  start: number;
}

/** The first `max` words of `s` from `from` (a heading never needs more, and sentences can be huge). */
function wordsOf(s: string, from: number, max: number): Word[] {
  const out: Word[] = [];
  const re = /\S+/g;
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  while (out.length < max && (m = re.exec(s))) out.push({ text: m[0], start: m.index });
  return out;
}

/** A word that may appear in a title-case heading. */
function isTitleWord(w: string): boolean {
  if (FUNCTION_WORDS.has(w)) return true;
  const core = w.replace(/^["“‘'([—–-]+/, "");
  if (core === "") return true;
  return /^[\p{Lu}\p{N}&]/u.test(core);
}

const isLowerContentWord = (w: string) => /^\p{Ll}/u.test(w) && !FUNCTION_WORDS.has(w);
const bare = (w: string) => w.replace(/[,;:.!?"”’)]+$/, "");

/**
 * If `text` opens with a numbered heading run into the body, the offset where the body starts; 0 when the
 * whole text is a heading (no body); -1 when there is no heading or its end cannot be told.
 */
export function runInHeadingEnd(text: string): number {
  const num = SECTION_NUMBER_RE.exec(text);
  if (!num) return -1;
  const words = wordsOf(text, num[0].length, MAX_HEADING_WORDS + 2);
  if (words.length === 0) return -1;
  let sawFunctionWord = false;
  let firstLower = -1;
  for (let i = 0; i < words.length && i <= MAX_HEADING_WORDS; i++) {
    const w = words[i].text;
    if (i >= 1) {
      const next = words[i + 1]?.text ?? "";
      const b = bare(w);
      if (DATE_PREPOSITIONS.has(b) && b === w && DATE_WORD_RE.test(next)) return words[i].start;
      if (w === "According" && next === "to") return words[i].start;
      if (w === "The" && (sawFunctionWord || isLowerContentWord(next))) return words[i].start;
      if (OPENERS_BEFORE_LOWER.has(b) && (isLowerContentWord(next) || w.endsWith(","))) return words[i].start;
    }
    if (!isTitleWord(w)) {
      firstLower = i;
      break;
    }
    if (FUNCTION_WORDS.has(w)) sawFunctionWord = true;
  }
  if (firstLower < 0) {
    // Every word is title-ish: a heading with no body when it ends without sentence punctuation.
    return words.length <= MAX_HEADING_WORDS && !/[.!?]["”’)]*$/.test(text) ? 0 : -1;
  }
  // No opener word: the body often starts by repeating the heading's first word, the subject
  // ("6. Wuchan Zhongda ... Gains Momentum Wuchan Zhongda Industrial Investment completed ...").
  const lead = bare(words[0].text).toLowerCase();
  if (lead.length < 2 || FUNCTION_WORDS.has(lead) || OPENERS_BEFORE_LOWER.has(bare(words[0].text))) return -1;
  for (let i = firstLower - 1; i >= 2; i--) {
    if (bare(words[i].text).toLowerCase() === lead && /^\p{Lu}/u.test(words[i].text)) return words[i].start;
  }
  return -1;
}

/** A paragraph that is a heading: title-case words, no sentence punctuation at the end, not too long. */
export function isHeadingParagraph(p: string): boolean {
  if (p.length > 200 || /[.!?:;,]["”’)]*$/.test(p)) return false;
  const words = p.split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > 20) return false;
  return words.every(isTitleWord);
}

/** Splits an article into sentences, with the section heading each sits under. */
export function segmentArticle(article: Article): Sentence[] {
  const out: Sentence[] = [];
  let section: string | undefined;
  article.paragraphs.forEach((p, paragraph) => {
    if (isHeadingParagraph(p)) {
      section = p;
      return;
    }
    for (const span of splitSentences(p)) {
      let text = p.slice(span.start, span.end);
      const end = runInHeadingEnd(text);
      if (end === 0) {
        section = text;
        continue;
      }
      if (end > 0) {
        section = text.slice(0, end).trimEnd();
        text = text.slice(end);
      } else if (SECTION_NUMBER_RE.test(text)) {
        // A new numbered section whose heading cannot be told from its body: no section beats a wrong one.
        section = undefined;
      }
      const s: Sentence = { text, paragraph, index: out.length };
      if (section !== undefined) s.section = section;
      out.push(s);
    }
  });
  return out;
}
