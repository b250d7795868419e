// The alias registry: organisations people maintain as data (src/data/aliases.json), loaded through a
// JSON import so webpack and ts-jest bundle it with no file access (browser-safe).
import registryData from "../../../data/aliases.json";

export type EntityType = "government" | "association" | "company" | "university" | "institute" | "media" | "place" | "organization";

export interface Entity {
  /** Canonical name: what records carry in subject/organizations. */
  name: string;
  aliases: string[];
  type: EntityType;
  /** Region in the documented format ("China", "Anhui", "Yulin, Shaanxi"), "" when unknown. */
  region: string;
  comment?: string;
}

interface RegistryFile {
  entities: { name: string; aliases?: string[]; type?: string; region?: string; comment?: string }[];
}

/** Key for case/punctuation-insensitive lookups ("saic", "S.A.I.C." -> "saic"). */
export function nameKey(s: string): string {
  // NFKC only when needed: it is the slow part, and most names are ASCII.
  return (/[\u0080-\uffff]/.test(s) ? s.normalize("NFKC") : s)
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/[^a-z0-9]+/g, "");
}

const FIRST_WORD_BITS = 1 << 12;
const firstWordBit = (c0: number, c1: number, length: number) => ((c0 * 131 + c1) * 61 + Math.min(length, 60)) & (FIRST_WORD_BITS * 8 - 1);

export class EntityRegistry {
  readonly entities: readonly Entity[];
  /** Exact alias spelling -> entity (the matcher is case-sensitive: "NIO" is a company, "nio" is not). */
  private readonly byAlias = new Map<string, Entity>();
  /** First word of an alias -> aliases starting with it, longest first. */
  private readonly byFirstWord = new Map<string, string[]>();
  private readonly byKey = new Map<string, Entity>();
  /**
   * The registry this one extends with article-local aliases: its tables are read through, never copied
   * (an article's own tables hold only what it adds, and the first-word lists it changes).
   */
  private readonly parent: EntityRegistry | undefined;
  /** Bitmap of (first two chars, length) of every first word, parent's included: most words need no lookup. */
  private readonly firstWordBits: Uint8Array;

  constructor(entities: Entity[], parent?: EntityRegistry) {
    this.entities = entities;
    this.parent = parent;
    this.firstWordBits = parent ? parent.firstWordBits.slice() : new Uint8Array(FIRST_WORD_BITS);
    if (parent) return;
    for (const e of entities) this.add(e, [e.name, ...e.aliases]);
    for (const list of this.byFirstWord.values()) list.sort((a, b) => b.length - a.length);
  }

  /** True when some alias starts with a lower-case letter ("the European Commission"). */
  get hasLowercaseStarts(): boolean {
    return this.lowercaseFirstWords().length > 0;
  }

  /** First words of aliases that start with a lower-case letter ("the"), sorted. */
  private lowercaseFirstWords(): string[] {
    if (!this.lowerFirst) {
      const own = Array.from(this.byFirstWord.keys()).filter((k) => /^[a-z]/.test(k));
      const inherited = this.parent?.lowercaseFirstWords() ?? [];
      this.lowerFirst = own.every((k) => inherited.includes(k)) ? inherited : [...new Set([...inherited, ...own])].sort();
    }
    return this.lowerFirst;
  }
  private lowerFirst: string[] | undefined;

  /**
   * Global regex over the words an alias can start at: maximal runs of [A-Za-z0-9] that start with a capital or
   * a digit, or that are one of the lower-case first words. Other words have no candidates.
   */
  get firstWords(): RegExp {
    if (!this.firstWordRe) {
      const lower = this.lowercaseFirstWords();
      const parentRe = this.parent?.firstWords;
      this.firstWordRe =
        parentRe && lower === this.parent!.lowercaseFirstWords()
          ? parentRe
          : new RegExp(`(?<![A-Za-z0-9])(?:[A-Z0-9][A-Za-z0-9]*${lower.map((w) => `|${w.replace(/[^A-Za-z0-9]/g, "\\$&")}(?![A-Za-z0-9])`).join("")})`, "g");
    }
    return this.firstWordRe;
  }
  private firstWordRe: RegExp | undefined;

  static fromJson(data: unknown): EntityRegistry {
    const file = data as RegistryFile;
    if (!file || !Array.isArray(file.entities)) throw new Error("alias registry: expected { entities: [...] }");
    const entities: Entity[] = file.entities.map((e, i) => {
      if (typeof e.name !== "string" || !e.name.trim()) throw new Error(`alias registry: entity ${i} has no name`);
      return {
        name: e.name,
        aliases: (e.aliases ?? []).filter((a) => typeof a === "string" && a.trim() !== ""),
        type: (e.type ?? "organization") as EntityType,
        region: e.region ?? "",
        comment: e.comment,
      };
    });
    return new EntityRegistry(entities);
  }

  /** A registry extended with article-local aliases (acronyms the article defines: "... Commission (NDRC)"). */
  withAliases(extra: { alias: string; entity: Entity }[]): EntityRegistry {
    // Layered over this one, not a copy: articles that define acronyms are common.
    const r = new EntityRegistry(this.entities as Entity[], this);
    const touched = new Set<string>();
    for (const { alias, entity } of extra) {
      const known = r.entityForAlias(alias);
      if (!known) r.add(entity, [alias], touched);
      else if (alias === entity.name && entity.aliases.length > known.aliases.length) {
        // An entity that learned a short name in this article ("Department" for the Department of Commerce):
        // its canonical name now finds the copy that knows it, so every "is this name written here" check does.
        r.byAlias.set(alias, entity);
        r.byKey.set(nameKey(alias), entity);
      }
    }
    for (const first of touched) r.byFirstWord.get(first)!.sort((a, b) => b.length - a.length);
    return r;
  }

  private add(e: Entity, spellings: string[], touched?: Set<string>): void {
    for (const raw of spellings) {
      const alias = raw.replace(/[’‘]/g, "'");
      // An alias already known is already in its first word's list (no search of a list that can be long).
      const isNew = !this.entityForAlias(alias);
      if (isNew) this.byAlias.set(alias, e);
      const key = nameKey(alias);
      if (key && !this.entityForKey(key)) this.byKey.set(key, e);
      const first = /^[A-Za-z0-9]+/.exec(alias)?.[0] ?? alias;
      // A parent's list is copied before it changes: the parent is shared by every article.
      const bit = firstWordBit(first.charCodeAt(0), first.length > 1 ? first.charCodeAt(1) : 0, first.length);
      this.firstWordBits[bit >> 3] |= 1 << (bit & 7);
      let list = this.byFirstWord.get(first);
      if (!list) this.byFirstWord.set(first, (list = (this.parent?.candidatesFor(first) ?? []).slice()));
      if (isNew) list.push(alias);
      touched?.add(first);
    }
  }

  private entityForKey(key: string): Entity | undefined {
    return this.byKey.get(key) ?? this.parent?.entityForKey(key);
  }

  /** The entity a name stands for, case and punctuation insensitive, or undefined. */
  lookup(name: string): Entity | undefined {
    return this.entityForKey(nameKey(name));
  }

  /**
   * False when no alias's first word has this first char code, second char code (0 for one letter) and length:
   * then candidatesFor(that word) is empty, and the word need not be cut out of its text.
   */
  mayBeFirstWord(c0: number, c1: number, length: number): boolean {
    const bit = firstWordBit(c0, c1, length);
    return (this.firstWordBits[bit >> 3] & (1 << (bit & 7))) !== 0;
  }

  /** Aliases (exact spellings) whose first alphanumeric run is this word, longest first. */
  candidatesFor(firstWord: string): readonly string[] {
    return this.byFirstWord.get(firstWord) ?? this.parent?.candidatesFor(firstWord) ?? [];
  }

  /**
   * candidatesFor(firstWord), less aliases that cannot be written at `pos` of `text`: when many aliases share a
   * first word ("Vexa Torin1", "Vexa Torin2", ...), only those whose second word is the text's there, and the
   * one-word ones. Longest first; an alias that matches at pos (up to a word's end) is never left out.
   */
  candidatesAt(text: string, pos: number, firstWord: string): readonly string[] {
    const list = this.candidatesFor(firstWord);
    if (list.length <= 16) return list;
    let index = BY_SECOND_WORD.get(list);
    if (!index) {
      index = { bySecond: new Map(), single: [] };
      for (const a of list) {
        const end = secondWordEnd(a, 0);
        if (end < 0) index.single.push(a);
        else {
          const key = a.slice(0, end);
          const bucket = index.bySecond.get(key);
          if (bucket) bucket.push(a);
          else index.bySecond.set(key, [a]);
        }
      }
      BY_SECOND_WORD.set(list, index);
    }
    const end = secondWordEnd(text, pos);
    const bucket = end < 0 ? undefined : index.bySecond.get(text.slice(pos, end));
    if (!bucket) return index.single;
    // Both lists are longest first (slices of one sorted list): merge them.
    const out: string[] = [];
    let i = 0;
    let j = 0;
    while (i < bucket.length || j < index.single.length) {
      if (j >= index.single.length || (i < bucket.length && bucket[i].length >= index.single[j].length)) out.push(bucket[i++]);
      else out.push(index.single[j++]);
    }
    return out;
  }

  entityForAlias(alias: string): Entity | undefined {
    return this.byAlias.get(alias) ?? this.parent?.entityForAlias(alias);
  }
}

/** Long first-word lists split by their aliases' first two words (see candidatesAt); lists never change once read. */
const BY_SECOND_WORD = new WeakMap<readonly string[], { bySecond: Map<string, string[]>; single: string[] }>();

const isAlnumCode = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** End of the second [A-Za-z0-9] run from `pos` (the first starts there), or -1 when there is none. */
function secondWordEnd(s: string, pos: number): number {
  let i = pos;
  while (i < s.length && isAlnumCode(s.charCodeAt(i))) i++;
  while (i < s.length && !isAlnumCode(s.charCodeAt(i))) i++;
  if (i >= s.length) return -1;
  while (i < s.length && isAlnumCode(s.charCodeAt(i))) i++;
  return i;
}

let defaultRegistry: EntityRegistry | undefined;

/** The bundled registry (src/data/aliases.json), parsed once. */
export function getRegistry(): EntityRegistry {
  if (!defaultRegistry) defaultRegistry = EntityRegistry.fromJson(registryData);
  return defaultRegistry;
}
