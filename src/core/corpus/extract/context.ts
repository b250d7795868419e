// What every parser sees for one sentence, and the contracts of parsers and refiners.
import type { Article, RecordDraft, Sentence } from "../types";
import type { EntityMention, EntityRegistry } from "../entities";
import type { DateMention, YearContext } from "./dates";
import type { Quantity } from "./numbers";

/** What earlier sentences of the same section established, for sentences that refer back ("It", "This product"). */
export interface Discourse {
  subject: string;
  organizations: string[];
  region: string;
  /** The product last introduced (object of "released", "unveiled", ...), "" if none. */
  product: string;
}

export interface SentenceContext {
  article: Article;
  sentence: Sentence;
  /** sentence.text, verbatim. */
  text: string;
  registry: EntityRegistry;
  /** Organisations named in the sentence. */
  orgs: EntityMention[];
  /** Organisations named in the sentence's section heading. */
  headingOrgs: EntityMention[];
  /**
   * The one company the article's title names ("Latrobe Magnesium tracking towards ..."), if exactly one:
   * who "the company" of a later paragraph is when nothing nearer names it. Empty otherwise.
   */
  leadOrgs: EntityMention[];
  /** Set when the sentence refers back ("It ...", "This product ...", "The kiln ...") to the previous ones. */
  discourse?: Discourse;
  dates: DateMention[];
  years: YearContext;
  quantities: Quantity[];
  /** The previous sentence of the same paragraph, verbatim ("" for a paragraph's first). */
  previous: string;
  /** [start, end) of double-quoted spans. */
  quotes: [number, number][];
}

/** A draft plus where it came from inside the article (dropped before drafts leave the extractor). */
export interface Found extends RecordDraft {
  sentenceIndex: number;
  parser: string;
}

export interface Parser {
  name: string;
  parse(ctx: SentenceContext): Found[];
}

export interface RefinerInput {
  article: Article;
  sentences: Sentence[];
  contexts: SentenceContext[];
}

export interface Refiner {
  name: string;
  refine(found: Found[], input: RefinerInput): Found[];
}

/** A draft with every field present; parsers fill what the text gives. */
export function newFound(ctx: SentenceContext, parser: string, fields: Partial<RecordDraft> & Pick<RecordDraft, "kind">): Found {
  return {
    date: "",
    date_end: "",
    date_effective: "",
    subject: "",
    organizations: [],
    region: "",
    title: "",
    product: "",
    code: "",
    value: null,
    value_max: null,
    unit: "",
    per: "",
    qualifier: "",
    grade: "",
    basis: "",
    price_type: "",
    status: "",
    date_evidence: "",
    ...fields,
    evidence: ctx.sentence.text,
    sentenceIndex: ctx.sentence.index,
    parser,
  };
}
