// Where a record's names are written. A sentence that refers back ("It not only reduces the vehicle body weight
// by 21.8% ...") takes its subject, organisations or product from an earlier sentence (its antecedent); the
// record's evidence must then show that sentence too, or the analyst cannot see where the name came from.
// These helpers find, for one record, the earliest text its names need: its own sentence, earlier sentences of
// the same paragraph and section (contiguous, so the evidence stays a verbatim slice of the article), or the
// section's heading when it is run into that same paragraph. A name written only further away is not carried.
import type { Article, Sentence } from "../../types";
import type { Entity, EntityRegistry } from "../../entities";

/** How far back an antecedent may sit: a reference across more sentences than this is not carried. */
export const MAX_SENTENCES_BACK = 3;

/** Where a sentence sits in its paragraph's text: [start, end) offsets into article.paragraphs[paragraph]. */
export interface SentenceSpan {
  paragraph: number;
  start: number;
  end: number;
}

/** Offsets of every sentence in its paragraph (undefined when a sentence is not found there verbatim). */
export function sentenceSpans(article: Article, sentences: Sentence[]): (SentenceSpan | undefined)[] {
  const cursor = new Map<number, number>();
  return sentences.map((s) => {
    const p = article.paragraphs[s.paragraph];
    if (p === undefined) return undefined;
    const start = p.indexOf(s.text, cursor.get(s.paragraph) ?? 0);
    if (start < 0) return undefined;
    cursor.set(s.paragraph, start + s.text.length);
    return { paragraph: s.paragraph, start, end: start + s.text.length };
  });
}

/** Case, typographic apostrophes and spacing do not make a different name. */
export function plainText(s: string): string {
  return s.replace(/[’‘`]/g, "'").replace(/\s+/g, " ").toLowerCase();
}

const LEGAL_FORM = /,?\s*(?:Co\.,?\s*Ltd\.?|Co\.\s*Limited|Company Limited|Ltd\.?|Limited|Inc\.?|LLC|Corp\.?|Corporation|Co\.)$/;

/** A test for "is this name written in a text". */
export interface NameTest {
  test(text: string): boolean;
}

/**
 * A test for "is this name written in a text": the canonical name, any registered alias, each without its
 * legal form or a leading "the", as whole words (possessives "Seres'" count), ignoring case and apostrophe style.
 */
export function nameMatcher(registry: EntityRegistry): (name: string) => NameTest {
  const seen = new Map<string, NameTest>();
  return (name) => {
    const known = seen.get(name);
    if (known) return known;
    const entity = registry.lookup(name);
    // Built once per entity and name: an article that defines an acronym gets its own registry, but the
    // entities in it are mostly the shared ones. Names of no entity are built per article (in `seen`).
    let byName = entity ? BY_ENTITY.get(entity) : undefined;
    if (entity && !byName) BY_ENTITY.set(entity, (byName = new Map()));
    let test = byName?.get(name);
    if (!test) {
      test = compileName(name, entity);
      byName?.set(name, test);
    }
    seen.set(name, test);
    return test;
  };
}

const BY_ENTITY = new WeakMap<Entity, Map<string, NameTest>>();

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
const asciiWord = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** Is the code point ending at `i` (exclusive) a letter or digit? As (?<![\p{L}\p{N}]) reads it under /u. */
function letterBefore(text: string, i: number): boolean {
  if (i <= 0) return false;
  const c = text.charCodeAt(i - 1);
  if (c < 128) return asciiWord(c);
  const from = isLow(c) && i >= 2 && isHigh(text.charCodeAt(i - 2)) ? i - 2 : i - 1;
  return LETTER_OR_DIGIT.test(text.slice(from, i));
}

/** Is the code point starting at `i` a letter or digit? As (?![\p{L}\p{N}]) reads it under /u. */
function letterAt(text: string, i: number): boolean {
  if (i >= text.length) return false;
  const c = text.charCodeAt(i);
  if (c < 128) return asciiWord(c);
  const to = isHigh(c) && i + 1 < text.length && isLow(text.charCodeAt(i + 1)) ? i + 2 : i + 1;
  return LETTER_OR_DIGIT.test(text.slice(i, to));
}

/**
 * Whole-word search for spellings, as /(?<![\p{L}\p{N}])(?:a|b|...)(?![\p{L}\p{N}])/u would test, without
 * building a regex per name (each would be compiled for a handful of tests only).
 */
function wholeWordTest(spellings: readonly string[]): NameTest {
  return {
    test(text) {
      for (const a of spellings) {
        for (let p = text.indexOf(a); p >= 0; p = text.indexOf(a, p + 1)) {
          // Under /u a match never starts inside a surrogate pair.
          if (p > 0 && isLow(text.charCodeAt(p)) && isHigh(text.charCodeAt(p - 1))) continue;
          if (!letterBefore(text, p) && !letterAt(text, p + a.length)) return true;
        }
      }
      return false;
    },
  };
}

function compileName(name: string, entity: Entity | undefined): NameTest {
  const spellings = new Set<string>([name, ...(entity ? [entity.name, ...entity.aliases] : [])]);
  for (const s of [...spellings]) {
    let n = s.trim();
    for (let next = n.replace(LEGAL_FORM, "").trim(); next !== n && next !== ""; next = n.replace(LEGAL_FORM, "").trim()) n = next;
    spellings.add(n);
    spellings.add(n.replace(/^the\s+/i, ""));
  }
  return wholeWordTest([...spellings].map((s) => plainText(s.trim())).filter((s) => s !== ""));
}

/** A product noun phrase compares without quote marks, case or spacing ('robot "ER4-550-MI"' = robot ER4-550-MI). */
export function plainPhrase(s: string): string {
  return plainText(s).replace(/["“”']/g, "").trim();
}

/** The texts, nearest first, a record of sentence `i` may take a name from, each with where its span would start. */
export interface Antecedent {
  text: string;
  /** Offset in the paragraph where the evidence would start to include it. */
  start: number;
}

/**
 * The record's own sentence's antecedents: earlier sentences of the same paragraph and section (at most
 * MAX_SENTENCES_BACK), then the section's heading when it is run into the paragraph right before the section's
 * first sentence and that sentence is within reach.
 */
export function antecedentsOf(i: number, sentences: Sentence[], spans: (SentenceSpan | undefined)[], paragraphs: string[]): Antecedent[] {
  const own = spans[i];
  if (!own) return [];
  const out: Antecedent[] = [];
  const section = sentences[i].section;
  let first = i;
  for (let j = i - 1; j >= 0 && i - j <= MAX_SENTENCES_BACK; j--) {
    const s = sentences[j];
    const span = spans[j];
    if (!span || s.paragraph !== sentences[i].paragraph || s.section !== section) break;
    out.push({ text: s.text, start: span.start });
    first = j;
  }
  // The heading of the section, when the text runs it into the paragraph just before the section's first sentence.
  const before = first > 0 ? sentences[first - 1] : undefined;
  const opensSection = !before || before.section !== section || before.paragraph !== sentences[i].paragraph;
  if (section && opensSection) {
    const p = paragraphs[own.paragraph];
    // No slicing: a paragraph can be a whole article, and this runs per record.
    let end = spans[first]!.start;
    while (end > 0 && /\s/.test(p[end - 1])) end--;
    const start = end - section.length;
    if (start >= 0 && p.startsWith(section, start)) out.push({ text: section, start });
  }
  return out;
}
