// The ids of the rows read so far, for refusing a repeated id. A 100k-row feed looks up 100k new ids:
// in a Map<string, …> each lookup compares its key with earlier rows' strings, which are spread over
// the heap (a cache miss each). Here the table holds 32-bit hashes in typed arrays, so a lookup reads
// two numbers, and the strings are compared only when the hashes are equal.

/** FNV-1a over the UTF-16 code units: a 32-bit hash, the same for equal strings. */
export function hashId(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

export class SeenIds {
  /** Open addressing: slot -> entry number + 1 (0 = empty), and the entry's hash. */
  private slots = new Int32Array(1 << 12);
  private hashes = new Int32Array(1 << 12);
  private readonly ids: string[] = [];
  private readonly rows: number[] = [];

  /** Adds `id`, first seen at `row`; if it was seen before, adds nothing and returns that earlier row. */
  add(id: string, row: number): number | undefined {
    const h = hashId(id);
    const mask = this.slots.length - 1;
    let i = h & mask;
    for (let e = this.slots[i]; e !== 0; e = this.slots[i]) {
      if (this.hashes[i] === h && this.ids[e - 1] === id) return this.rows[e - 1];
      i = (i + 1) & mask;
    }
    this.ids.push(id);
    this.rows.push(row);
    this.slots[i] = this.ids.length;
    this.hashes[i] = h;
    // at most half full, so probe runs stay short
    if (this.ids.length * 2 > this.slots.length) this.grow();
    return undefined;
  }

  get size(): number {
    return this.ids.length;
  }

  private grow(): void {
    const oldSlots = this.slots;
    const oldHashes = this.hashes;
    this.slots = new Int32Array(oldSlots.length * 2);
    this.hashes = new Int32Array(oldSlots.length * 2);
    const mask = this.slots.length - 1;
    for (let j = 0; j < oldSlots.length; j++) {
      const e = oldSlots[j];
      if (e === 0) continue;
      const h = oldHashes[j];
      let i = h & mask;
      while (this.slots[i] !== 0) i = (i + 1) & mask;
      this.slots[i] = e;
      this.hashes[i] = h;
    }
  }
}
