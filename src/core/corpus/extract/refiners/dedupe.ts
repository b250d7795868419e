// One record per fact: identical drafts from one sentence (two parsers, or a repeated mention) collapse.
import type { Refiner } from "../context";

export const dedupe: Refiner = {
  name: "dedupe",
  refine(found) {
    const seen = new Set<string>();
    return found.filter((f) => {
      const key = [f.kind, f.sentenceIndex, f.value, f.value_max, f.unit, f.title, f.code, f.date].join("|");
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  },
};
