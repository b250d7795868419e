// Hostile text through the corpus build (issue 14): articles as WordPress JSON, front matter, HTML and
// plain text (UTF-8 and UTF-16) holding lone surrogates, NUL, CR/LF/tab, a leading = + - @ and characters
// of every Unicode plane. No record or source ever carries a lone surrogate, and when an input held one,
// a problem line names the file. The sentences are written for this test; the companies are invented.
import fc from "fast-check";
import { buildDataset } from "../../src/core/corpus/build";
import { readInput } from "../../src/core/corpus/readers";

const RUNS = Number(process.env.HOSTILE_RUNS) || 40;

const PARAGRAPHS = [
  "Testco Magnesium Co., Ltd. said on May 3, 2031 that its new plant in Fugu, Shaanxi can produce 12,000 tonnes of magnesium ingot a year.",
  "On June 9, 2031, Widgetco Auto Group signed an agreement with Testco Magnesium to buy seat frames made of magnesium alloy that weigh 4.5 kg.",
];
const TITLE = "Testco plant news";

/** Node 20's own String.prototype.isWellFormed, independent of the code under test. */
const wellFormed = (s: string) => (s as unknown as { isWellFormed(): boolean }).isWellFormed();
function allWellFormed(v: unknown): boolean {
  if (typeof v === "string") return wellFormed(v);
  if (Array.isArray(v)) return v.every(allWellFormed);
  if (v && typeof v === "object") return Object.entries(v).every(([k, x]) => wellFormed(k) && allWellFormed(x));
  return true;
}

const utf8 = (s: string) => new TextEncoder().encode(s);
/** UTF-16LE with a byte-order mark, code unit by code unit: lone surrogates are kept, as a broken editor would write them. */
function utf16le(s: string): Uint8Array {
  const b = new Uint8Array(2 + s.length * 2);
  b[0] = 0xff;
  b[1] = 0xfe;
  for (let i = 0; i < s.length; i++) {
    b[2 + 2 * i] = s.charCodeAt(i) & 0xff;
    b[3 + 2 * i] = s.charCodeAt(i) >> 8;
  }
  return b;
}

describe("the corpus boundary, by example", () => {
  it("WordPress JSON whose escapes make lone surrogates: read with U+FFFD, one problem line naming file and fields", () => {
    const item = { id: 7, link: "https://news.example.test/b", date: "2031-05-04T00:00:00", title: { rendered: "Testco \ud800 news" }, content: { rendered: PARAGRAPHS.map((p) => `<p>${p}</p>`).join("").replace("Fugu", "Fu\udc00gu") } };
    const r = readInput({ origin: "wp/b.json", bytes: utf8(JSON.stringify(item)) });
    expect(r.problem).toEqual({
      origin: "wp/b.json",
      message:
        "has text that is not well-formed Unicode, read with U+FFFD (the replacement character) in place of each lone surrogate: title.rendered holds a lone surrogate at character 8 (U+D800); content.rendered holds a lone surrogate at character 75 (U+DC00)",
    });
    expect(r.articles[0].title).toBe("Testco \ufffd news");
    expect(r.articles[0].paragraphs[0]).toContain("Fu\ufffdgu, Shaanxi");
  });

  it("halves of a pair split by a tag are not joined into a character the source never had", () => {
    const r = readInput({ origin: "wp/c.json", bytes: utf8(JSON.stringify({ id: 8, title: { rendered: "T" }, content: { rendered: `<p>${PARAGRAPHS[0]} \ud83d<b></b>\ude00</p>` } })) });
    expect(r.articles[0].paragraphs[0].endsWith(" \ufffd\ufffd")).toBe(true);
    expect(r.problem?.message).toMatch(/content\.rendered holds 2 lone surrogates/);
  });

  it("a front-matter title with an escaped lone surrogate is read with U+FFFD and named", () => {
    const r = readInput({ origin: "news/a.md", bytes: utf8(`---\ntitle: "Testco \\udfff news"\npublished: 2031-05-04\n---\n${PARAGRAPHS.join("\n\n")}`) });
    expect(r.articles[0].title).toBe("Testco \ufffd news");
    expect(r.problem?.message).toBe(
      "has text that is not well-formed Unicode, read with U+FFFD (the replacement character) in place of each lone surrogate: title holds a lone surrogate at character 8 (U+DFFF)",
    );
  });

  it("a front-matter title holding U+2028 (a line separator that is no line end in the file) is read, not called malformed", () => {
    const r = readInput({ origin: "news/b.md", bytes: utf8(`---\ntitle: "Testco\u2028news" # a comment\u2029here\noutlet: Wire\u2028Service\n---\n${PARAGRAPHS[0]}`) });
    expect(r.problem).toBeUndefined();
    expect(r.articles[0].title).toBe("Testco\u2028news");
    expect(r.articles[0].outlet).toBe("Wire\u2028Service");
  });

  it("UTF-16 text with a lone surrogate is read, not refused, and the problem says where", () => {
    const r = readInput({ origin: "notes/u16.txt", bytes: utf16le(`${PARAGRAPHS[0]} \ud800 more.`) });
    expect(r.articles).toHaveLength(1);
    expect(r.problem?.message).toBe(
      `has text that is not well-formed Unicode, read with U+FFFD (the replacement character) in place of each lone surrogate: its UTF-16LE text holds a lone surrogate at character ${PARAGRAPHS[0].length + 2} (U+D800)`,
    );
  });

  it("UTF-8 bytes of a surrogate (ED A0 80) are refused as not UTF-8, naming the byte; HTML references to surrogates are U+FFFD", () => {
    const bytes = new Uint8Array([...utf8("Testco said "), 0xed, 0xa0, 0x80, ...utf8(" and more.")]);
    expect(readInput({ origin: "x.txt", bytes }).problem?.message).toMatch(/^is not UTF-8 \(byte 0xED at offset 12\)/);
    const html = readInput({ origin: "p.html", bytes: utf8(`<html><body><article><p>${PARAGRAPHS[0]} &#xD800; &#55296;</p></article></body></html>`) });
    expect(html.articles[0].paragraphs[0].endsWith("\ufffd \ufffd")).toBe(true);
  });
});

// ---- the property ----

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((u) => String.fromCharCode(u));
const anyPlane = fc
  .tuple(fc.integer({ min: 0, max: 16 }), fc.integer({ min: 0, max: 0xffff }))
  .map(([plane, off]) => plane * 0x10000 + off)
  .filter((cp) => cp < 0xd800 || cp > 0xdfff)
  .map((cp) => String.fromCodePoint(cp));
const special = fc.constantFrom("\u0000", "\r", "\n", "\r\n", "\t", "=", "+", "-", "@", "=SUM(A1)", '"', "\uFEFF", "\uFFFD", "\u2028", "<", "&amp;", "&#xD800;");
const piece = (withSurrogates: boolean) =>
  fc.string({
    unit: withSurrogates
      ? fc.oneof({ weight: 3, arbitrary: anyPlane }, { weight: 3, arbitrary: special }, { weight: 2, arbitrary: loneSurrogate })
      : fc.oneof(anyPlane, special),
    minLength: 1,
    maxLength: 4,
  });
const edit = (withSurrogates: boolean) => fc.record({ where: fc.nat(2), at: fc.nat(), s: piece(withSurrogates) });

type Format = "wordpress" | "front-matter" | "html" | "utf8-text" | "utf16-text";
/** Formats whose bytes can carry a lone surrogate to the reader (JSON escapes, UTF-16 code units). */
const CARRIES = new Set<Format>(["wordpress", "front-matter", "utf16-text"]);

function insert(text: string, at: number, s: string): string {
  const i = at % (text.length + 1);
  return text.slice(0, i) + s + text.slice(i);
}

/** A NUL byte makes a UTF-8 file binary (refused whole, as test/corpus/bad-input holds); in JSON and UTF-16 it is text. */
const noNul = (s: string) => s.split("\u0000").join("");

function articleInput(format: Format, title: string, paragraphs: string[], n: number): { origin: string; bytes: Uint8Array; carried: string[] } {
  if (format === "html" || format === "utf8-text") {
    title = noNul(title);
    paragraphs = paragraphs.map(noNul);
  }
  if (format === "front-matter") paragraphs = paragraphs.map(noNul);
  const origin = `hostile/${n}-${format}.${format === "wordpress" ? "json" : format === "html" ? "html" : format === "front-matter" ? "md" : "txt"}`;
  switch (format) {
    case "wordpress": {
      const item = { id: n, link: `https://news.example.test/${n}`, date: "2031-05-04T00:00:00", title: { rendered: title }, content: { rendered: paragraphs.map((p) => `<p>${p}</p>`).join("\n") } };
      return { origin, bytes: utf8(JSON.stringify(item)), carried: [title, ...paragraphs] };
    }
    case "front-matter":
      // only the header's quoted title can carry one (the body is UTF-8)
      return { origin, bytes: utf8(`---\ntitle: ${JSON.stringify(title)}\npublished: 2031-05-04\n---\n${paragraphs.join("\n\n")}`), carried: [title] };
    case "html":
      return { origin, bytes: utf8(`<html><head><title>${title}</title></head><body><article>${paragraphs.map((p) => `<p>${p}</p>`).join("")}</article></body></html>`), carried: [] };
    case "utf8-text":
      return { origin, bytes: utf8(`${title}\nMay 4, 2031\n\n${paragraphs.join("\n\n")}`), carried: [] };
    case "utf16-text": {
      const text = `${title}\nMay 4, 2031\n\n${paragraphs.join("\n\n")}`;
      return { origin, bytes: utf16le(text), carried: [text] };
    }
  }
}

const FORMATS: Format[] = ["wordpress", "front-matter", "html", "utf8-text", "utf16-text"];
const hostileArticle = fc
  .constantFrom(...FORMATS)
  .chain((format) => fc.tuple(fc.constant(format), fc.array(edit(CARRIES.has(format)), { minLength: 1, maxLength: 5 })));

describe("property: buildDataset on hostile articles", () => {
  it("no record or source carries a lone surrogate, and an input that held one is named in a problem line", () => {
    let records = 0;
    let named = 0;
    const started = Date.now();
    fc.assert(
      fc.property(fc.array(hostileArticle, { minLength: 1, maxLength: 3 }), (articles) => {
        const inputs = articles.map(([format, edits], n) => {
          let title = TITLE;
          const paragraphs = [...PARAGRAPHS];
          for (const e of edits) {
            if (e.where === 0) title = insert(title, e.at, e.s);
            else paragraphs[e.where - 1] = insert(paragraphs[e.where - 1], e.at, e.s);
          }
          return articleInput(format, title, paragraphs, n + 1);
        });
        const { dataset, problems } = buildDataset(inputs.map(({ origin, bytes }) => ({ origin, bytes })));
        expect(allWellFormed(dataset.records)).toBe(true);
        expect(allWellFormed(dataset.sources)).toBe(true);
        for (const p of problems) expect(allWellFormed(p)).toBe(true);
        records += dataset.records.length;
        for (const input of inputs) {
          if (input.carried.every(wellFormed)) continue;
          const mine = problems.filter((p) => p.origin === input.origin).map((p) => p.message).join(" | ");
          expect(mine).toMatch(/not well-formed Unicode, read with U\+FFFD .*holds (a lone surrogate at|\d+ lone surrogates, the first at) character \d+ \(U\+D[89A-F][0-9A-F]{2}\)/);
          named++;
        }
      }),
      { numRuns: RUNS },
    );
    if (process.env.HOSTILE_RUNS) console.log(`${records} records, ${named} inputs named, ${Date.now() - started} ms`);
    expect(records).toBeGreaterThan(RUNS); // the articles still give records
    expect(named).toBeGreaterThan(0);
  }, 120_000);
});
