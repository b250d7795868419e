// Never invent: every number, date and name of a record must be readable in its evidence.
//  - A draft whose value, value_max or day of a date is not written in its sentence is dropped.
//  - A name (subject, organisation) or product the sentence does not write was resolved from an earlier
//    sentence ("It not only reduces ..."): the evidence becomes the verbatim span of the paragraph from that
//    antecedent through the sentence. A name with no antecedent in the same paragraph and section is not
//    carried: an organisation or a product is left out; a record that loses its subject keeps going only when
//    it still says what it is about (see standsWithoutSubject), else it is dropped (fewer, true records).
//    A name the source's title or outlet states needs no antecedent: it is shown beside every row's evidence.
import type { Sentence } from "../../types";
import type { Found, Refiner, RefinerInput } from "../context";
import { writtenNumbers } from "../numbers";
import { getRegistry } from "../../entities";
import { antecedentsOf, nameMatcher, plainPhrase, plainText, sentenceSpans } from "./antecedents";
import type { Antecedent, SentenceSpan } from "./antecedents";

function valueWritten(value: number | null, evidence: string, cache: Map<string, number[]>): boolean {
  if (value === null) return true;
  let nums = cache.get(evidence);
  if (!nums) cache.set(evidence, (nums = writtenNumbers(evidence)));
  return nums.some((n) => Math.abs(n - value) < 1e-9 * Math.max(1, Math.abs(value)));
}

/** The day as written ("7" or "07"), one regex per day number, compiled once. */
const DAY_RES = new Map<number, RegExp>();
function dayWritten(date: string, evidence: string): boolean {
  const m = /^\d{4}-\d{2}-(\d{2})$/.exec(date);
  if (!m) return true;
  const day = +m[1];
  let re = DAY_RES.get(day);
  if (!re) DAY_RES.set(day, (re = new RegExp(`(?<!\\d)0?${day}(?!\\d)`)));
  return re.test(evidence);
}

/** A reference back ("It ...", "The product ...") as the whole of what a record says happened. */
const ANAPHORIC_TITLE = /^(?:it|its|they|them|their|this|these|that|those|such|he|she|his|her)\b|^(?:the|this)\s+(?:product|part|component|machine|equipment|device|project|line|material|alloy|robot|vehicle|company|group|firm|measures?|plan|policy)\b/i;

/**
 * Does a record still say something true and usable once its subject is left out? A policy or a deal is its
 * parties; a figure needs the product or project it measures; an event needs a title that is not a bare "It ...".
 */
function standsWithoutSubject(f: Found): boolean {
  switch (f.kind) {
    case "policy":
    case "deal":
      return false;
    case "weight_saving":
    case "capacity":
    case "product":
    case "price":
      return f.product !== "";
    case "project":
    case "event":
      return f.title !== "" && !ANAPHORIC_TITLE.test(f.title);
    default:
      return true;
  }
}

export const provenance: Refiner = {
  name: "provenance",
  refine(found: Found[], input: RefinerInput) {
    const { article, sentences, contexts } = input;
    const numbers = new Map<string, number[]>();
    const written = found.filter((f) => {
      if (!valueWritten(f.value, f.evidence, numbers) || !valueWritten(f.value_max, f.evidence, numbers)) return false;
      // A date may be written in the dateline or document field the parser names as its date evidence.
      const dated = f.date_evidence ? `${f.evidence}\n${f.date_evidence}` : f.evidence;
      return dayWritten(f.date, dated) && dayWritten(f.date_end, dated) && dayWritten(f.date_effective, dated);
    });
    if (written.length === 0) return written;

    const matcher = nameMatcher(contexts[0]?.registry ?? getRegistry());
    const plain = new Map<string, string>();
    const plainOf = (s: string) => {
      let p = plain.get(s);
      if (p === undefined) plain.set(s, (p = plainText(s)));
      return p;
    };
    const phrases = new Map<string, string>();
    const phraseOf = (s: string) => {
      let p = phrases.get(s);
      if (p === undefined) phrases.set(s, (p = plainPhrase(s)));
      return p;
    };
    const metadata = plainOf(article.title);
    const nameIn = (name: string, text: string) => matcher(name).test(plainOf(text));
    let spans: (SentenceSpan | undefined)[] | undefined;
    const antecedents = new Map<number, Antecedent[]>();
    const antecedentsAt = (i: number) => {
      let a = antecedents.get(i);
      if (!a) {
        spans ??= sentenceSpans(article, sentences);
        antecedents.set(i, (a = antecedentsOf(i, sentences, spans, article.paragraphs)));
      }
      return a;
    };

    /** Earlier sentences of the same section (the paragraph when there are no headings), as discourse sees them. */
    const earlierInSection = (i: number) => {
      const sameUnit = (a: Sentence, b: Sentence) => a.section === b.section && (a.section !== undefined || a.paragraph === b.paragraph);
      const out: Sentence[] = [];
      for (let j = i - 1; j >= 0 && i - j <= 50 && sameUnit(sentences[j], sentences[i]); j--) out.push(sentences[j]);
      return out;
    };

    const out: Found[] = [];
    for (const f of written) {
      const own = sentences[f.sentenceIndex]?.text ?? f.evidence;
      let from: number | undefined; // where the evidence starts when it must show an antecedent
      /** Is the name shown: in the sentence, in the source's title/outlet, or in an antecedent (then widen)? */
      const carried = (shownIn: (text: string) => boolean): boolean | undefined => {
        if (shownIn(own)) return true;
        for (const a of antecedentsAt(f.sentenceIndex)) {
          if (shownIn(a.text)) {
            from = Math.min(from ?? a.start, a.start);
            return true;
          }
        }
        return false;
      };
      const named = (name: string) => name === article.outlet || (metadata !== "" && matcher(name).test(metadata)) || carried((t) => nameIn(name, t));
      const subjectShown = !f.subject || named(f.subject);
      const subject = subjectShown ? f.subject : "";
      const organizations = f.organizations.filter((o) => (o === f.subject ? subjectShown : named(o)));
      let product = f.product;
      if (product) {
        const phrase = phraseOf(product);
        // A product not written in the sentence or an antecedent is left out only when an earlier sentence of
        // the article does write it (it came from there); else it is the sentence's own phrase, reworded.
        if (!carried((t) => phraseOf(t).includes(phrase)) && earlierInSection(f.sentenceIndex).some((s) => phraseOf(s.text).includes(phrase))) product = "";
      }
      const next: Found = { ...f, subject, organizations, product, title: f.title === f.product ? product : f.title };
      if (!subjectShown) {
        // The region came with the subject's entity: it goes with it, unless the evidence names the place.
        if (next.region && !plainOf(f.evidence).includes(plainText(next.region.split(",")[0]))) next.region = "";
        if (!standsWithoutSubject(next)) continue;
      }
      if (from !== undefined) {
        const span = spans![f.sentenceIndex]!;
        next.evidence = article.paragraphs[span.paragraph].slice(from, span.end);
      }
      out.push(next);
    }
    return out;
  },
};
