// Synthetic articles for extractor tests: sentences written for the tests, never copied from the seeds.
import type { Article, RecordDraft, Sentence } from "../../../src/core/corpus/types";
import { extractDrafts } from "../../../src/core/corpus/extract";

export function article(over: Partial<Article> = {}): Article {
  return {
    source_id: "synthetic",
    title: "",
    outlet: "Test Wire",
    url: "",
    published: "",
    origin: "synthetic.txt",
    format: "text",
    paragraphs: [],
    ...over,
  };
}

/** Each inner array is one paragraph of sentences; `section` names the heading of all of them. */
export function sentences(paragraphs: string[][], section?: string): Sentence[] {
  const out: Sentence[] = [];
  paragraphs.forEach((p, pi) => p.forEach((text) => out.push({ text, paragraph: pi, index: out.length, ...(section ? { section } : {}) })));
  return out;
}

export function extract(paragraphs: string[][], over: Partial<Article> = {}, section?: string): RecordDraft[] {
  const s = sentences(paragraphs, section);
  return extractDrafts(article({ paragraphs: paragraphs.map((p) => p.join(" ")), ...over }), s);
}

export function ofKind(drafts: RecordDraft[], kind: RecordDraft["kind"]): RecordDraft[] {
  return drafts.filter((d) => d.kind === kind);
}
