// One record per fact: identical drafts from one sentence (two parsers, or a repeated mention) collapse.
// An undated happening yields to a dated event of its sentence.
// Two policies of one sentence with the same dates and figure are one act: the one that names it (a title) stays;
// so does a named document or trade remedy over a government order read from the same sentence and day.
import type { Found, Refiner } from "../context";

const policyKey = (f: Found) => [f.sentenceIndex, f.date, f.date_effective, f.value, f.unit].join("|");

export const dedupe: Refiner = {
  name: "dedupe",
  refine(found) {
    const seen = new Set<string>();
    const unique = found.filter((f) => {
      const key = [f.kind, f.sentenceIndex, f.value, f.value_max, f.unit, f.title, f.code, f.date].join("|");
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    const titled = new Set(unique.filter((f) => f.kind === "policy" && f.title !== "").map(policyKey));
    // An undated happening of a sentence that also gives a dated event is that event.
    const dated = new Set(unique.filter((f) => f.kind === "event" && f.date !== "").map((f) => f.sentenceIndex));
    // A government's order read from a sentence that issues a named document ("issued the "... Action Plan"",
    // "imposed anti-dumping duties ...") is that document: the order's paraphrase goes.
    const named = new Set(unique.filter((f) => f.kind === "policy" && f.parser !== "governmentOrder").map((f) => `${f.sentenceIndex}|${f.date}`));
    return unique.filter(
      (f) =>
        !(f.kind === "policy" && f.title === "" && titled.has(policyKey(f))) &&
        !(f.parser === "undatedEvent" && dated.has(f.sentenceIndex)) &&
        !(f.parser === "governmentOrder" && f.value === null && named.has(`${f.sentenceIndex}|${f.date}`)),
    );
  },
};
