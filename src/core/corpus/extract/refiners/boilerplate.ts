// Site boilerplate (contact lines, menus, newsletter prompts) never yields records, even if a reader let it through.
import type { Refiner } from "../context";

const BOILERPLATE = /[\w.+-]+@[\w-]+\.[\w.]+|\bplease (?:contact|email)\b|\bfor (?:queries|more information)\b|\ball rights reserved\b|\bsubscribe\b|\bEvents & Webinars\b|\bclick here\b|\bsign up\b/i;

export const boilerplate: Refiner = {
  name: "boilerplate",
  refine(found) {
    return found.filter((f) => !BOILERPLATE.test(f.evidence));
  },
};
