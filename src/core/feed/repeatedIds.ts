// The ids of the records read, for refusing a repeated id. A 100k-row feed has 100k new ids; a hash
// table (a Map, or one of typed arrays) writes each at a random place in a table of megabytes, a cache
// miss per record, which the bench measured at about a third of a raw papaparse parse. Here each id's
// 32-bit hash is written in file order, one sequential write, and the repeats are looked for once, when
// asked: the hashes are sorted (a native numeric sort) and only ids whose hash occurs more than once are
// compared as strings, in file order, so the repeat found is the first one in the file.

/** FNV-1a over the UTF-16 code units: a 32-bit hash, the same for equal strings. */
export function hashId(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

/** Expected sizes beyond this start at this size and grow (a manifest's count is a hint, not a promise). */
const MAX_INITIAL_ENTRIES = 1 << 20;

export interface Repeat {
  /** The entry (0-based, in the order added) whose id repeats an earlier one. */
  index: number;
  /** The earlier entry with the same id (the first one with it). */
  first: number;
}

export class RepeatedIds {
  private hashes: Int32Array;
  private size = 0;

  /** `expected`: about how many ids will be added. */
  constructor(expected = 0) {
    this.hashes = new Int32Array(Math.max(1024, Math.min(Math.max(0, expected), MAX_INITIAL_ENTRIES)));
  }

  get count(): number {
    return this.size;
  }

  add(id: string): void {
    if (this.size === this.hashes.length) {
      const grown = new Int32Array(this.hashes.length * 2);
      grown.set(this.hashes);
      this.hashes = grown;
    }
    this.hashes[this.size++] = hashId(id);
  }

  /**
   * The first entry, in the order added, whose id repeats an earlier one, among the first `upTo`
   * entries; undefined when there is none. `idOf(i)` gives entry i's id (the caller holds the ids).
   */
  firstRepeat(idOf: (index: number) => string, upTo = this.size): Repeat | undefined {
    const n = Math.min(upTo, this.size);
    if (n < 2) return undefined;
    const sorted = this.hashes.slice(0, n).sort();
    let shared: Set<number> | undefined;
    for (let i = 1; i < n; i++) if (sorted[i] === sorted[i - 1]) (shared ??= new Set()).add(sorted[i]);
    if (!shared) return undefined;
    // Only entries whose hash is shared can repeat; equal hashes of different ids are told apart here.
    const firstOf = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      if (!shared.has(this.hashes[i])) continue;
      const id = idOf(i);
      const first = firstOf.get(id);
      if (first !== undefined) return { index: i, first };
      firstOf.set(id, i);
    }
    return undefined;
  }
}
