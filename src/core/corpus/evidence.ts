// Where a record's evidence sits in its article: the build's "never invent" check (evidence is the article's own
// text) and its reading order. Evidence is a sentence, or the span of one paragraph from an earlier sentence (or
// the run-in section heading) through the record's sentence; those spans are indexed once per article, so each
// record costs about its evidence's length instead of a search of the whole article (drafts x article size).
// Any other text (a dateline, a labelled field) is searched for, once per distinct string.
import type { Article, Sentence } from "./types";

/** Evidence not found in the article. */
export const NOT_IN_ARTICLE = Number.MAX_SAFE_INTEGER;

/** How many sentences back an indexed span may start: more than the provenance refiner ever widens to. */
const SPAN_SENTENCES = 5;

/**
 * The reading position of a text in the article, as (offset of its paragraph in the article, paragraphs joined
 * by one character) + where its first occurrence ends there; NOT_IN_ARTICLE when no paragraph holds it.
 */
export interface EvidenceLocator {
  (text: string): number;
  /** How many texts were searched for in the whole article (not found in the index): a test's bound. */
  searches: number;
}

export function evidenceLocator(article: Article, sentences: readonly Sentence[]): EvidenceLocator {
  const { paragraphs } = article;
  const offsets: number[] = [];
  let total = 0;
  for (const p of paragraphs) {
    offsets.push(total);
    total += p.length + 1;
  }
  // Span text -> its earliest end position. Sentences are found in their paragraph in order (a cursor), as
  // verbatim slices; their section heading's start too when the heading is run into the same paragraph.
  const index = new Map<string, number>();
  const add = (paragraph: number, start: number, end: number) => {
    const key = paragraphs[paragraph].slice(start, end);
    const pos = offsets[paragraph] + end;
    const known = index.get(key);
    if (known === undefined || pos < known) index.set(key, pos);
  };
  const cursor = new Map<number, number>();
  const recent: { paragraph: number; starts: number[] }[] = [];
  for (const s of sentences) {
    const p = paragraphs[s.paragraph];
    if (p === undefined) continue;
    const start = p.indexOf(s.text, cursor.get(s.paragraph) ?? 0);
    if (start < 0) continue;
    const end = start + s.text.length;
    cursor.set(s.paragraph, end);
    const starts = [start];
    if (s.section) {
      let e = start;
      while (e > 0 && /\s/.test(p[e - 1])) e--;
      const h = e - s.section.length;
      if (h >= 0 && p.startsWith(s.section, h)) starts.push(h);
    }
    recent.push({ paragraph: s.paragraph, starts });
    if (recent.length > SPAN_SENTENCES + 1) recent.shift();
    for (const r of recent) if (r.paragraph === s.paragraph) for (const a of r.starts) if (a <= start) add(s.paragraph, a, end);
  }
  const searched = new Map<string, number>();
  const locate = ((text: string) => {
    const known = index.get(text);
    if (known !== undefined) return known;
    let pos = searched.get(text);
    if (pos === undefined) {
      pos = NOT_IN_ARTICLE;
      for (let i = 0; i < paragraphs.length; i++) {
        const at = paragraphs[i].indexOf(text);
        if (at >= 0) {
          pos = offsets[i] + at + text.length;
          break;
        }
      }
      searched.set(text, pos);
      locate.searches++;
    }
    return pos;
  }) as EvidenceLocator;
  locate.searches = 0;
  return locate;
}
