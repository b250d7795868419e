// The ids of the rows read so far, for refusing a repeated id. A 100k-row feed looks up 100k new ids:
// in a Map<string, …> each lookup compares its key with earlier rows' strings, which are spread over
// the heap (a cache miss each). Here the table holds 32-bit hashes in one typed array, each next to its
// entry number and row, so a lookup usually reads one cache line, and strings are compared only when
// the hashes are equal. Sized up front from the number of records the manifest announces.

/** FNV-1a over the UTF-16 code units: a 32-bit hash, the same for equal strings. */
export function hashId(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

/** Numbers per slot. */
const SLOT = 3;

/** Expected sizes beyond this start at this size and grow (a manifest's count is a hint, not a promise). */
const MAX_INITIAL_ENTRIES = 1 << 20;

export class SeenIds {
  /** Open addressing, three numbers per slot: the hash, the entry number + 1 (0 = empty), the row. */
  private table: Int32Array;
  private readonly ids: string[] = [];

  /** `expected`: about how many ids will be added. */
  constructor(expected = 0) {
    let slots = 1 << 12;
    const want = Math.min(Math.max(0, expected), MAX_INITIAL_ENTRIES) * 2;
    while (slots < want) slots *= 2;
    this.table = new Int32Array(slots * SLOT);
  }

  /** Adds `id`, first seen at `row`; if it was seen before, adds nothing and returns that earlier row. */
  add(id: string, row: number): number | undefined {
    const h = hashId(id);
    const table = this.table;
    const mask = table.length / SLOT - 1;
    let i = h & mask;
    for (let e = table[i * SLOT + 1]; e !== 0; e = table[i * SLOT + 1]) {
      if (table[i * SLOT] === h && this.ids[e - 1] === id) return table[i * SLOT + 2];
      i = (i + 1) & mask;
    }
    this.ids.push(id);
    table[i * SLOT] = h;
    table[i * SLOT + 1] = this.ids.length;
    table[i * SLOT + 2] = row;
    // at most half full, so probe runs stay short
    if (this.ids.length * 2 * SLOT > table.length) this.grow();
    return undefined;
  }

  get size(): number {
    return this.ids.length;
  }

  private grow(): void {
    const old = this.table;
    const table = new Int32Array(old.length * 2);
    const mask = table.length / SLOT - 1;
    for (let j = 0; j < old.length; j += SLOT) {
      if (old[j + 1] === 0) continue;
      let i = old[j] & mask;
      while (table[i * SLOT + 1] !== 0) i = (i + 1) & mask;
      for (let k = 0; k < SLOT; k++) table[i * SLOT + k] = old[j + k];
    }
    this.table = table;
  }
}
