// Never invent: drop any draft whose value is not written in its evidence sentence, whose date's day/year
// cannot be traced to text, or that names an organisation the article's text never mentions.
import type { Found, Refiner, RefinerInput } from "../context";
import { writtenNumbers } from "../numbers";
import { nameKey } from "../../entities";

function valueWritten(value: number | null, evidence: string, cache: Map<string, number[]>): boolean {
  if (value === null) return true;
  let nums = cache.get(evidence);
  if (!nums) cache.set(evidence, (nums = writtenNumbers(evidence)));
  return nums.some((n) => Math.abs(n - value) < 1e-9 * Math.max(1, Math.abs(value)));
}

function dayWritten(date: string, evidence: string): boolean {
  const m = /^\d{4}-\d{2}-(\d{2})$/.exec(date);
  if (!m) return true;
  return new RegExp(`(?<!\\d)0?${+m[1]}(?!\\d)`).test(evidence);
}

export const provenance: Refiner = {
  name: "provenance",
  refine(found: Found[], input: RefinerInput) {
    const { article, sentences, contexts } = input;
    let corpusText: string | undefined;
    let corpusKey: string | undefined;
    const seen = new Map<string, boolean>();
    const numbers = new Map<string, number[]>();
    const nameSeen = (name: string): boolean => {
      let ok = seen.get(name);
      if (ok === undefined) {
        const ent = contexts[0]?.registry.lookup(name);
        const spellings = ent ? [ent.name, ...ent.aliases] : [name];
        // Exact spelling anywhere in the article first (cheap), then case/punctuation-insensitively.
        corpusText ??= [article.title, article.outlet, article.url, ...sentences.map((s) => `${s.text} ${s.section ?? ""}`)].join(" ").replace(/[’‘]/g, "'");
        ok = spellings.some((s) => corpusText!.includes(s.replace(/[’‘]/g, "'")));
        if (!ok) {
          corpusKey ??= nameKey(corpusText);
          const key = corpusKey;
          ok = spellings.some((s) => key.includes(nameKey(s)));
        }
        seen.set(name, ok);
      }
      return ok;
    };
    return found.filter((f) => {
      if (!valueWritten(f.value, f.evidence, numbers) || !valueWritten(f.value_max, f.evidence, numbers)) return false;
      if (!dayWritten(f.date, f.evidence) || !dayWritten(f.date_end, f.evidence) || !dayWritten(f.date_effective, f.evidence)) return false;
      if (f.subject && !nameSeen(f.subject)) return false;
      return f.organizations.every(nameSeen);
    });
  },
};
