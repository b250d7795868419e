// Well-formed Unicode at the boundaries. A JavaScript string is UTF-16 and may hold a lone surrogate
// (U+D800..U+DFFF not part of a pair), which JSON escapes ("\ud800") and string slicing can produce but
// no UTF-8 file can hold: TextEncoder writes U+FFFD in its place, so text that goes out as bytes would not
// be the text that was checked. Whatever enters the pipeline (the corpus readers) or the publisher
// (publishFeed, the feed loader's JSON files) is checked here once, with a message naming the field:
//   records[3].title holds a lone surrogate at character 2 (U+D800)
// Plain TypeScript, Node and browser. String.prototype.isWellFormed / toWellFormed (ES2024; Node 20,
// Chrome 111, Safari 16.4) are used where they exist; the fallback is one native regular expression in
// Unicode mode, where a paired surrogate is one code point and `[\uD800-\uDFFF]` matches only lone ones.

const LONE = /[\uD800-\uDFFF]/u;
const LONE_ALL = /[\uD800-\uDFFF]/gu;
const ANY_SURROGATE = /[\uD800-\uDFFF]/;

type MaybeWellFormed = { isWellFormed?: () => boolean; toWellFormed?: () => string };
const NATIVE_IS = typeof (String.prototype as MaybeWellFormed).isWellFormed === "function";
const NATIVE_TO = typeof (String.prototype as MaybeWellFormed).toWellFormed === "function";

/** True when `s` holds no lone surrogate (so UTF-8 can carry it unchanged). */
export function isWellFormedText(s: string): boolean {
  if (NATIVE_IS) return (s as unknown as Required<MaybeWellFormed>).isWellFormed();
  return !ANY_SURROGATE.test(s) || !LONE.test(s);
}

/** Index (0-based, in UTF-16 code units) of the first lone surrogate of `s`, or -1. */
export function loneSurrogateIndex(s: string): number {
  if (isWellFormedText(s)) return -1;
  return LONE.exec(s)?.index ?? -1;
}

/** `s` with every lone surrogate replaced by U+FFFD (the replacement character), as UTF-8 would write it. */
export function toWellFormedText(s: string): string {
  if (isWellFormedText(s)) return s;
  if (NATIVE_TO) return (s as unknown as Required<MaybeWellFormed>).toWellFormed();
  return s.replace(LONE_ALL, "\uFFFD");
}

/** What is wrong with one string: where its first lone surrogate is, which one, and how many it holds. */
export interface LoneSurrogates {
  /** 0-based index in UTF-16 code units (messages say character index + 1). */
  index: number;
  codeUnit: number;
  count: number;
}

export function loneSurrogates(s: string): LoneSurrogates | undefined {
  const index = loneSurrogateIndex(s);
  if (index < 0) return undefined;
  return { index, codeUnit: s.charCodeAt(index), count: s.match(LONE_ALL)?.length ?? 1 };
}

const hex = (u: number) => `U+${u.toString(16).toUpperCase().padStart(4, "0")}`;

/** "holds a lone surrogate at character 2 (U+D800)" / "holds 3 lone surrogates, the first at character 2 (U+D800)". */
export function describeLoneSurrogates(f: LoneSurrogates): string {
  const at = `character ${f.index + 1} (${hex(f.codeUnit)})`;
  return f.count === 1 ? `holds a lone surrogate at ${at}` : `holds ${f.count} lone surrogates, the first at ${at}`;
}

/** A string somewhere in a JSON-like value that is not well-formed. */
export interface IllFormedField extends LoneSurrogates {
  /** Where it is: `records[3].title`, `sources[0].url`, `aliases[2] (a key)`. */
  path: string;
  /** The whole problem as a clause: `records[3].title holds a lone surrogate at character 2 (U+D800)`. */
  message: string;
}

const IDENT = /^[A-Za-z_$][\w$]*$/;

interface Frame {
  value: unknown;
  parent: Frame | undefined;
  /** The key in the parent: a property name or an array index. */
  key: string | number | undefined;
}

function pathOf(frame: Frame, root: string): string {
  const parts: string[] = [];
  for (let f: Frame | undefined = frame; f && f.key !== undefined; f = f.parent) {
    parts.push(typeof f.key === "number" ? `[${f.key}]` : IDENT.test(f.key) ? `.${f.key}` : `[${JSON.stringify(f.key)}]`);
  }
  const joined = parts.reverse().join("");
  if (!root) return joined.replace(/^\./, "") || "the value";
  return root + joined;
}

/**
 * The strings (and object keys) of `value` that hold a lone surrogate, in document order, at most `max`
 * of them; [] when every string is well-formed. Iterative (a deeply nested JSON value cannot overflow the
 * stack) and allocation-free on the way down: a path is made only for a string it reports. `root` names
 * the value in the path ("records[3]" for a record).
 */
export function findIllFormedFields(value: unknown, root = "", max = Infinity): IllFormedField[] {
  const out: IllFormedField[] = [];
  const report = (s: string, frame: Frame, asKey: boolean) => {
    const f = loneSurrogates(s);
    if (!f) return;
    const where = pathOf(frame, root) + (asKey ? " (a key)" : "");
    out.push({ ...f, path: where, message: `${where} ${describeLoneSurrogates(f)}` });
  };
  const stack: Frame[] = [{ value, parent: undefined, key: undefined }];
  while (stack.length > 0 && out.length < max) {
    const frame = stack.pop() as Frame;
    const v = frame.value;
    if (typeof v === "string") {
      if (!isWellFormedText(v)) report(v, frame, false);
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], parent: frame, key: i });
    } else if (v !== null && typeof v === "object") {
      const keys = Object.keys(v);
      for (const k of keys) {
        if (!isWellFormedText(k) && out.length < max) report(k, { value: k, parent: frame, key: k }, true);
      }
      for (let i = keys.length - 1; i >= 0; i--) stack.push({ value: (v as Record<string, unknown>)[keys[i]], parent: frame, key: keys[i] });
    }
  }
  return out;
}

/** The first string (or object key) of `value`, in document order, that holds a lone surrogate. */
export function findIllFormed(value: unknown, root = ""): IllFormedField | undefined {
  return findIllFormedFields(value, root, 1)[0];
}

/**
 * The clause a problem line gives for ill-formed text that was cleaned, listing at most `show` fields:
 * "has text that is not well-formed Unicode, read with U+FFFD ... : title holds ...; paragraph 3 holds ...".
 */
export function cleanedClause(fields: readonly string[], show = 3): string {
  const listed = fields.length > show ? [...fields.slice(0, show), "and more"] : fields;
  return `has text that is not well-formed Unicode, read with U+FFFD (the replacement character) in place of each lone surrogate: ${listed.join("; ")}`;
}
