// Site boilerplate (contact lines, menus, newsletter prompts) never yields records, even if a reader let it through.
import type { Refiner } from "../context";

/** Cheap first look: none of these words, no boilerplate. */
const MAYBE = /@|please|queries|information|reserved|subscribe|webinars|click|sign up/i;
const BOILERPLATE = /[\w.+-]+@[\w-]+\.[\w.]+|\bplease (?:contact|email)\b|\bfor (?:queries|more information)\b|\ball rights reserved\b|\bsubscribe\b|\bEvents & Webinars\b|\bclick here\b|\bsign up\b/i;

export const boilerplate: Refiner = {
  name: "boilerplate",
  refine(found) {
    const verdict = new Map<number, boolean>();
    return found.filter((f) => {
      let bad = verdict.get(f.sentenceIndex);
      if (bad === undefined) verdict.set(f.sentenceIndex, (bad = MAYBE.test(f.evidence) && BOILERPLATE.test(f.evidence)));
      return !bad;
    });
  },
};
