// The ids of the rows read so far, for refusing a repeated id. A 100k-row feed looks up 100k new ids:
// in a Map<string, …> each lookup compares its key with earlier rows' strings, which are spread over
// the heap (a cache miss each). Here the table holds 32-bit hashes in one typed array, each next to its
// entry number, so a lookup usually reads one cache line, and strings are compared only when the
// hashes are equal. Sized up front from the number of records the manifest announces.

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

export class SeenIds {
  /** Open addressing, two numbers per slot: the hash, then the entry number + 1 (0 = empty). */
  private table: Int32Array;
  private readonly ids: string[] = [];
  private readonly rows: number[] = [];

  /** `expected`: about how many ids will be added. */
  constructor(expected = 0) {
    let slots = 1 << 12;
    const want = Math.min(Math.max(0, expected), MAX_INITIAL_ENTRIES) * 2;
    while (slots < want) slots *= 2;
    this.table = new Int32Array(slots * 2);
  }

  /** Adds `id`, first seen at `row`; if it was seen before, adds nothing and returns that earlier row. */
  add(id: string, row: number): number | undefined {
    const h = hashId(id);
    const table = this.table;
    const mask = (table.length >> 1) - 1;
    let i = h & mask;
    for (let e = table[2 * i + 1]; e !== 0; e = table[2 * i + 1]) {
      if (table[2 * i] === h && this.ids[e - 1] === id) return this.rows[e - 1];
      i = (i + 1) & mask;
    }
    this.ids.push(id);
    this.rows.push(row);
    table[2 * i] = h;
    table[2 * i + 1] = this.ids.length;
    // at most half full, so probe runs stay short
    if (this.ids.length * 4 > table.length) this.grow();
    return undefined;
  }

  get size(): number {
    return this.ids.length;
  }

  private grow(): void {
    const old = this.table;
    const table = new Int32Array(old.length * 2);
    const mask = (table.length >> 1) - 1;
    for (let j = 0; j < old.length; j += 2) {
      const e = old[j + 1];
      if (e === 0) continue;
      const h = old[j];
      let i = h & mask;
      while (table[2 * i + 1] !== 0) i = (i + 1) & mask;
      table[2 * i] = h;
      table[2 * i + 1] = e;
    }
    this.table = table;
  }
}
