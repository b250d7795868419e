// Extraction entry point: Article + Sentences -> RecordDrafts.
// PLACEHOLDER until the extractors land (owned by the extraction engineer): returns nothing.
import type { Article, RecordDraft, Sentence } from "../types";

export function extractDrafts(_article: Article, _sentences: Sentence[]): RecordDraft[] {
  return [];
}
