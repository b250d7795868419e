// Which texts contain any of many strings, as `needles.some((n) => text.includes(n))` says, without trying
// every needle on every text (an article can define thousands of names, in thousands of sentences): one
// rolling hash per distinct needle length over each text, and a hit is checked with startsWith.

const BASE = 0x01000193;
/** Up to this many distinct needles, each is searched for natively. */
const FEW_NEEDLES = 64;

function hashOf(s: string, from: number, length: number): number {
  let h = 0;
  for (let i = from; i < from + length; i++) h = (Math.imul(h, BASE) + s.charCodeAt(i)) | 0;
  return h;
}

/** For each text, whether it contains at least one of the needles. */
export function containsAny(texts: readonly string[], needles: readonly string[]): boolean[] {
  const distinct = new Set(needles);
  if (distinct.has("")) return texts.map(() => true);
  // A few needles (a real article defines a handful): the engine's own search is many times faster per
  // character than a hash rolled in script, and a bounded number of scans per text is still linear.
  if (distinct.size <= FEW_NEEDLES) {
    const list = [...distinct];
    return texts.map((text) => list.some((n) => text.includes(n)));
  }
  const found = texts.map(() => false);
  const byLength = new Map<number, Map<number, string[]>>();
  for (const n of distinct) {
    let table = byLength.get(n.length);
    if (!table) byLength.set(n.length, (table = new Map()));
    const h = hashOf(n, 0, n.length);
    const list = table.get(h);
    if (list) list.push(n);
    else table.set(h, [n]);
  }
  for (const [length, table] of byLength) {
    let top = 1; // BASE^(length - 1): the weight of the character leaving the window
    for (let k = 1; k < length; k++) top = Math.imul(top, BASE);
    texts.forEach((text, t) => {
      if (found[t] || text.length < length) return;
      let h = hashOf(text, 0, length);
      for (let i = 0; ; i++) {
        const hits = table.get(h);
        if (hits && hits.some((n) => text.startsWith(n, i))) {
          found[t] = true;
          return;
        }
        if (i + length >= text.length) return;
        h = (Math.imul(h - Math.imul(text.charCodeAt(i), top), BASE) + text.charCodeAt(i + length)) | 0;
      }
    });
  }
  return found;
}
