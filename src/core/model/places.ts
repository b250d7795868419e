// Places and what they lie within (src/data/gazetteer.json, reference geography kept as data): a region
// filter "Shaanxi" matches "Yulin, Shaanxi" and "Fugu, Shaanxi", "China" matches every Chinese province, and a
// record with no region of its own is placed by a subject whose name opens with a place ("Chaohu Yunhai
// Magnesium" is in Chaohu, so in Anhui). The MG functions and the pane's filter use this one rule.
import gazetteerData from "../../data/gazetteer.json";
import type { MgRecord } from "./record";

interface PlaceEntry {
  name: string;
  within?: string;
  aliases?: string[];
}

/** Lower case, accents and punctuation folded: "Québec" = "quebec", "Xi'an" = "xian". */
export function placeKey(s: string): string {
  return s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

export class Gazetteer {
  /** place key -> canonical name */
  private readonly names = new Map<string, string>();
  /** canonical name key -> canonical name of what it lies within */
  private readonly parent = new Map<string, string>();
  private readonly maxWords: number;
  /** Records are immutable once loaded: their places are read once. */
  private readonly cache = new WeakMap<object, Set<string>>();

  constructor(entries: readonly PlaceEntry[]) {
    let maxWords = 1;
    for (const e of entries) {
      for (const n of [e.name, ...(e.aliases ?? [])]) {
        const k = placeKey(n);
        if (!this.names.has(k)) this.names.set(k, e.name);
        maxWords = Math.max(maxWords, k.split(" ").length);
      }
      if (e.within) this.parent.set(placeKey(e.name), e.within);
    }
    this.maxWords = maxWords;
  }

  /** The place a text names, spelled as the gazetteer does, or undefined. */
  canonical(text: string): string | undefined {
    return this.names.get(placeKey(text));
  }

  /** The place and everything it lies within, innermost first: Fugu -> Fugu, Yulin, Shaanxi, China. */
  chain(name: string): string[] {
    const out: string[] = [];
    let cur: string | undefined = this.canonical(name);
    while (cur && !out.includes(cur)) {
      out.push(cur);
      cur = this.parent.get(placeKey(cur));
    }
    return out;
  }

  /** The place a name opens with ("Chaohu Yunhai Magnesium" -> Chaohu), longest first; undefined if none. */
  leadingPlace(name: string): string | undefined {
    const words = placeKey(name).split(" ").filter(Boolean);
    for (let n = Math.min(this.maxWords, words.length - 1); n >= 1; n--) {
      const hit = this.names.get(words.slice(0, n).join(" "));
      if (hit) return hit;
    }
    return undefined;
  }

  /**
   * Every place a record lies in, as keys (placeKey). A region text "Yulin, Shaanxi" is read outside in: a
   * part takes the gazetteer's chain only when that chain agrees with the part after it (so "Yulin, Guangxi"
   * is never put in Shaanxi); a part the gazetteer does not know still counts as itself.
   */
  placesOf(r: Pick<MgRecord, "region" | "subject">): Set<string> {
    const cached = this.cache.get(r);
    if (cached) return cached;
    const out = new Set<string>();
    this.cache.set(r, out);
    const parts = r.region
      .split(/\s*,\s*/)
      .map((p) => p.trim())
      .filter(Boolean);
    if (parts.length === 0 && r.subject) {
      const lead = this.leadingPlace(r.subject);
      if (lead) parts.push(lead);
    }
    let outer: string[] = [];
    for (let i = parts.length - 1; i >= 0; i--) {
      const chain = this.chain(parts[i]);
      const agrees = outer.length === 0 || chain.some((c) => placeKey(c) === placeKey(outer[0]));
      out.add(placeKey(parts[i]));
      if (chain.length > 0 && agrees) {
        for (const c of chain) out.add(placeKey(c));
        outer = chain;
      } else outer = [parts[i], ...outer];
    }
    return out;
  }

  /** Does the record lie in the place the user named (any level: city, province, country)? */
  contains(place: string, r: Pick<MgRecord, "region" | "subject">): boolean {
    // "Fugu, Shaanxi" as asked: every part must be a place of the record.
    const wanted = place
      .split(/\s*,\s*/)
      .map((p) => placeKey(this.canonical(p) ?? p))
      .filter(Boolean);
    if (wanted.length === 0) return false;
    const have = this.placesOf(r);
    return wanted.every((k) => have.has(k));
  }
}

let bundled: Gazetteer | undefined;
/** The bundled gazetteer (src/data/gazetteer.json), parsed once. */
export function gazetteer(): Gazetteer {
  return (bundled ??= new Gazetteer((gazetteerData as { places: PlaceEntry[] }).places));
}
