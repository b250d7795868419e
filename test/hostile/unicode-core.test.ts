// src/core/model/unicode.ts: the one well-formedness check of every boundary. Node 20 has
// String.prototype.isWellFormed; an older WebView may not, so the fallback (one regular expression in
// Unicode mode) is loaded with the native methods removed and held to the native answers.
import fc from "fast-check";
import * as unicode from "../../src/core/model/unicode";

type Mod = typeof unicode;
const proto = String.prototype as unknown as Record<string, unknown>;

function withoutNative(): Mod {
  const saved = { is: proto.isWellFormed, to: proto.toWellFormed };
  delete proto.isWellFormed;
  delete proto.toWellFormed;
  try {
    let mod: Mod | undefined;
    jest.isolateModules(() => {
      mod = require("../../src/core/model/unicode") as Mod;
    });
    return mod!;
  } finally {
    proto.isWellFormed = saved.is;
    proto.toWellFormed = saved.to;
  }
}

const fallback = withoutNative();
const nativeIs = (s: string) => (s as unknown as { isWellFormed(): boolean }).isWellFormed();
const nativeTo = (s: string) => (s as unknown as { toWellFormed(): string }).toWellFormed();

const units = fc.oneof(
  fc.integer({ min: 0xd800, max: 0xdfff }).map((u) => String.fromCharCode(u)),
  fc.integer({ min: 0, max: 0x10ffff }).filter((c) => c < 0xd800 || c > 0xdfff).map((c) => String.fromCodePoint(c)),
  fc.constantFrom("a", "\u0000", "\n"),
);

it("the fallback and the native methods agree, and the index is the first lone surrogate's", () => {
  expect(typeof proto.isWellFormed).toBe("function"); // restored for everything else
  fc.assert(
    fc.property(fc.string({ unit: units, maxLength: 12 }), (s) => {
      expect(fallback.isWellFormedText(s)).toBe(nativeIs(s));
      expect(unicode.isWellFormedText(s)).toBe(nativeIs(s));
      expect(fallback.toWellFormedText(s)).toBe(nativeTo(s));
      const i = fallback.loneSurrogateIndex(s);
      expect(i).toBe(unicode.loneSurrogateIndex(s));
      if (i >= 0) {
        // the first position where the well-formed copy differs
        const w = nativeTo(s);
        let k = 0;
        while (s[k] === w[k]) k++;
        expect(i).toBe(k);
      }
    }),
    { numRuns: 500 },
  );
});

it("messages count characters from 1 and name the code unit", () => {
  expect(unicode.findIllFormed({ records: [{ id: "ok" }, { id: "x", title: "T\udfff" }] })?.message).toBe("records[1].title holds a lone surrogate at character 2 (U+DFFF)");
  expect(unicode.findIllFormed({ "we\ud800ird": 1 })?.message).toBe('["we\\ud800ird"] (a key) holds a lone surrogate at character 3 (U+D800)');
  expect(unicode.findIllFormedFields(["\ud800", "ok", "\udc00\udc00"]).map((f) => f.message)).toEqual([
    "[0] holds a lone surrogate at character 1 (U+D800)",
    "[2] holds 2 lone surrogates, the first at character 1 (U+DC00)",
  ]);
  expect(unicode.findIllFormed({ a: ["\ud83d\ude00"] })).toBeUndefined();
});

it("a JSON value nested 100,000 deep is walked without overflowing the stack", () => {
  let v: unknown = "deep\ud800";
  for (let i = 0; i < 100_000; i++) v = [v];
  expect(unicode.findIllFormed(v)?.message).toMatch(/^(\[0\]){100000} holds a lone surrogate at character 5/);
});

it("checking is fast: 8 MB of text (the reader's limit) with and without the native method, in milliseconds", () => {
  const text = "Testco said the plant makes 12,000 tonnes a year. \u4e2d\u6587 \u{1F600} ".repeat(140_000); // ~8.4M code units
  text.indexOf("\u0001"); // flattens the string repeat() built, so the figures are the check's own
  const time = (fn: () => unknown) => {
    const t = performance.now();
    fn();
    return performance.now() - t;
  };
  const native = time(() => unicode.isWellFormedText(text));
  const fb = time(() => fallback.isWellFormedText(text));
  const bad = text + "\ud800";
  bad.indexOf("\u0001");
  const fbIndex = time(() => fallback.loneSurrogateIndex(bad));
  if (process.env.HOSTILE_RUNS) console.log(`8 MB: native ${native.toFixed(1)} ms, fallback ${fb.toFixed(1)} ms, fallback index at the end ${fbIndex.toFixed(1)} ms`);
  expect(fallback.loneSurrogateIndex(bad)).toBe(text.length);
  expect(native + fb + fbIndex).toBeLessThan(2000); // generous on a loaded machine; measured figures in test/hostile/README.md
});
