// Contracts between the stages of the corpus pipeline:
//   bytes --readers--> Article --segment--> Sentence[] --extract (parsers + refiners)--> RecordDraft[]
//   --build--> MgRecord[] (ids, provenance) --> Dataset
// Plain TypeScript: runs in Node and in a browser (no fs, no Buffer, no DOM here).
import type { MgRecord } from "../model/record";
import type { SourceInfo } from "../model/dataset";

export type ArticleFormat = SourceInfo["format"];

/** What a reader makes of one input: its metadata and its body text as paragraphs. */
export interface Article {
  source_id: string;
  title: string;
  outlet: string;
  url: string;
  /** Publication date, ISO YYYY-MM-DD, or "" when the input does not say. */
  published: string;
  /** The file path (relative) or URL the article came from. */
  origin: string;
  format: ArticleFormat;
  /** Body text, boilerplate removed, in reading order; headings may be their own paragraphs. */
  paragraphs: string[];
}

/** One sentence of an article, exactly as in the source text (evidence is taken from here). */
export interface Sentence {
  text: string;
  /** Index of the paragraph it belongs to. */
  paragraph: number;
  /** Position in the article, 0-based over all sentences. */
  index: number;
  /** Heading of the section the sentence sits in, if the article has one ("4.1 China's Largest Rotary Kiln ..."). */
  section?: string;
}

/** A record before the build gives it an id and provenance. */
export type RecordDraft = Omit<MgRecord, "id" | "source_id" | "source_title" | "source_outlet" | "source_url" | "source_published">;

/** A problem with one input: reported as one line, the input skipped, the others still processed. */
export interface InputProblem {
  origin: string;
  message: string;
}
