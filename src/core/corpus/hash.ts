// FNV-1a 64-bit over UTF-8, in 16-bit limbs so it runs on plain JS numbers (no BigInt, no Node crypto):
// the same input gives the same hex in Node and in a browser. Not cryptographic: ids and versions only.

const encoder = new TextEncoder();

/** FNV-1a 64 of the string's UTF-8 bytes, as 16 lower-case hex digits. */
export function fnv1a64(input: string): string {
  const bytes = encoder.encode(input);
  // Offset basis 0xcbf29ce484222325 as limbs h3:h2:h1:h0.
  let h0 = 0x2325;
  let h1 = 0x8422;
  let h2 = 0x9ce4;
  let h3 = 0xcbf2;
  for (let i = 0; i < bytes.length; i++) {
    h0 ^= bytes[i];
    // Multiply by the prime 0x100000001b3 = 2^40 + 0x1b3 (limbs: p0 = 0x1b3, p2 = 0x100), mod 2^64.
    const t0 = h0 * 0x1b3;
    const t1 = h1 * 0x1b3;
    const t2 = h2 * 0x1b3 + h0 * 0x100;
    const t3 = h3 * 0x1b3 + h1 * 0x100;
    h0 = t0 & 0xffff;
    const u1 = t1 + (t0 >>> 16);
    h1 = u1 & 0xffff;
    const u2 = t2 + (u1 >>> 16);
    h2 = u2 & 0xffff;
    h3 = (t3 + (u2 >>> 16)) & 0xffff;
  }
  const hex = (n: number) => n.toString(16).padStart(4, "0");
  return hex(h3) + hex(h2) + hex(h1) + hex(h0);
}
