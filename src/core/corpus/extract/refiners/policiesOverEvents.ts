// A sentence that issues a policy, releases a standard or quotes a price yields that record, not also an event. A policy the
// sentence only refers to (no date of its own: "products listed in the "... Catalog"") leaves the event be.
// A standards page repeats its standard's header ("ICS ... Replaces GB/T ... Released on 2024-04-25"): an event of a
// sentence that names a standard code, dated as a standard of the article is released or implemented, is that
// standard's release, not a happening of its own; nor is the sentence holding a catalogue page's date field.
import type { Refiner } from "../context";
import { STANDARD_CODE } from "../parsers/standard";

const NAMES_CODE = new RegExp(STANDARD_CODE.source);
const EDITION_HISTORY = /\b(?:(?:last\s+)?previous\s+edition|prior\s+edition|originally\s+approved|current\s+edition)\b/i;

export const policiesOverEvents: Refiner = {
  name: "policiesOverEvents",
  refine(found, input) {
    // A price report's dateline dates its prices: the report is no event either.
    const claimed = new Set(
      found.filter((f) => ((f.kind === "policy" || f.kind === "standard") && (f.date !== "" || f.date_effective !== "")) || f.kind === "price").map((f) => f.sentenceIndex),
    );
    const standardDays = new Set(found.filter((f) => f.kind === "standard").flatMap((f) => [f.date, f.date_effective]).filter((d) => d !== ""));
    const isStandardHeader = (sentenceIndex: number, date: string) =>
      standardDays.has(date) && NAMES_CODE.test(input.contexts[sentenceIndex]?.text ?? input.sentences[sentenceIndex]?.text ?? "");
    // A standards page's date field ("Current edition approved May 1, 2021") is the standard's date, not a happening.
    const fields = found.filter((f) => f.kind === "standard" && f.date_evidence !== "").map((f) => f.date_evidence);
    const isField = (sentenceIndex: number) => {
      const text = input.sentences[sentenceIndex]?.text ?? "";
      return fields.some((d) => text.includes(d) || d.includes(text));
    };
    // "Originally approved in 1936. Last previous edition approved in 2015 as B93/B93M-15": a standards page's
    // history of editions, on a page that has its standard.
    const history = (sentenceIndex: number) => standardDays.size > 0 && EDITION_HISTORY.test(input.sentences[sentenceIndex]?.text ?? "");
    return found.filter((f) => f.kind !== "event" || (!claimed.has(f.sentenceIndex) && !(f.date !== "" && isStandardHeader(f.sentenceIndex, f.date)) && !isField(f.sentenceIndex) && !history(f.sentenceIndex)));
  },
};
