// Hostile inputs for the corpus pipeline (issue 15, "quadratic parsing"): generators of malformed or
// pathological articles of a given size, shared by bench/pathological.bench.ts (ms per KB at two sizes) and
// test/hostile/parsing.test.ts (bounds). Every text is made up here; none comes from an article.
import { buildDataset } from "../src/core/corpus/build";
import type { BuildInput } from "../src/core/corpus/build";

export interface HostileInput {
  origin: string;
  text: string;
}

export interface HostilePattern {
  name: string;
  /** An input of about `bytes` bytes (UTF-8). */
  make(bytes: number): HostileInput;
}

/** `unit` repeated to `bytes` characters, between an optional head and tail. */
function fill(unit: string | ((i: number) => string), bytes: number, head = "", tail = ""): string {
  const parts: string[] = [head];
  let n = head.length + tail.length;
  for (let i = 0; n < bytes; i++) {
    const u = typeof unit === "string" ? unit : unit(i);
    parts.push(u);
    n += u.length;
  }
  parts.push(tail);
  return parts.join("");
}

const page = (body: string) => `<!doctype html><html><head><title>Hostile page</title></head><body><article><h1>Hostile page</h1>${body}</article></body></html>`;
const wordpress = (title: string, content: string) =>
  JSON.stringify({ id: 1, link: "https://hostile.example/p/1", date: "2024-05-01T08:00:00", title: { rendered: title }, content: { rendered: content } });

// Made-up names and figures; the words are ours, only the shapes are those of news prose.
const FIRMS = ["Zeta Light Metals", "Corvel Drive", "Ridgeway Motors", "Quorra Alloy", "Havel Castings", "Norrin Magnesium"];
const firm = (i: number) => `${FIRMS[i % FIRMS.length]} ${["Co., Ltd.", "Group", "Inc."][i % 3]}`;
/** Sentences that give records (capacities, weight savings, deals, events), each with its own figure. */
const proseSentence = (i: number) =>
  [
    `On May ${(i % 28) + 1}, 2024, ${firm(i)} completed a magnesium alloy plant with an annual capacity of ${1000 + (i % 9000)} tonnes.`,
    `The die-cast magnesium seat frame of ${firm(i + 1)} weighs ${(2 + (i % 7)) / 2} kg, ${10 + (i % 40)}% lighter than the steel part it replaces.`,
    `In June 2024, ${firm(i + 2)} signed an agreement to acquire a ${5 + (i % 50)}% stake in ${firm(i + 3)} for ${10 + (i % 90)} million yuan.`,
    `It also said the new line would start trial production in the third quarter.`,
  ][i % 4];

export const HOSTILE_PATTERNS: HostilePattern[] = [
  // HTML: "<div></span>" nests one more div each time (the stray close tag closes nothing).
  { name: "html <div></span> repeated", make: (b) => ({ origin: "hostile/div-span.html", text: page(fill("<div></span>", b)) }) },
  { name: "html unclosed tags", make: (b) => ({ origin: "hostile/unclosed.html", text: page(fill((i) => `<b><i><span>word ${i} `, b)) }) },
  { name: "html mismatched tags", make: (b) => ({ origin: "hostile/mismatched.html", text: page(fill((i) => `<b><i>text ${i}</b></i><em>more</strong>`, b)) }) },
  { name: "html deep nesting (closed)", make: (b) => ({ origin: "hostile/deep.html", text: page(fill("<div>", b / 2) + "deep text" + "</div>".repeat(Math.ceil(b / 2 / 5))) }) },
  { name: "html stray close tags", make: (b) => ({ origin: "hostile/stray.html", text: page("<div>".repeat(1500) + fill("</span>", b) + "</div>".repeat(1500)) }) },
  { name: "html < without >", make: (b) => ({ origin: "hostile/lt.html", text: page(fill((i) => `<a<b x=${i} `, b)) }) },
  { name: "html nested <article> around text", make: (b) => ({ origin: "hostile/articles.html", text: page("<article>".repeat(1500) + fill((i) => `<p>Para ${i} of text.</p>`, b)) }) },
  { name: "html nested <h1> around text", make: (b) => ({ origin: "hostile/h1.html", text: page("<h1>".repeat(1500) + fill((i) => `Words ${i} of text. `, b)) }) },
  { name: "wordpress title.rendered <div></span>", make: (b) => ({ origin: "hostile/title.json", text: wordpress(fill("<div></span>", b, "Title "), "<p>A short body sentence about nothing.</p>") }) },
  { name: "wordpress huge title text", make: (b) => ({ origin: "hostile/title-text.json", text: wordpress(fill((i) => `Word${i % 97} `, b), "<p>A short body sentence about nothing.</p>") }) },
  { name: "wordpress content <div></span>", make: (b) => ({ origin: "hostile/content.json", text: wordpress("Title", fill("<div></span>", b)) }) },
  { name: "text long run of digits", make: (b) => ({ origin: "hostile/digits.txt", text: fill("1234567890", b) }) },
  { name: "text digits and spaces", make: (b) => ({ origin: "hostile/digit-words.txt", text: fill((i) => `${i % 1000} `, b) }) },
  { name: "text commas", make: (b) => ({ origin: "hostile/commas.txt", text: fill(",", b, "The plant has ", " tonnes.") }) },
  { name: "text thousands separators", make: (b) => ({ origin: "hostile/separators.txt", text: fill("1,000,", b, "The plant has ", "000 tonnes.") }) },
  { name: "text double quotes", make: (b) => ({ origin: "hostile/quotes.txt", text: fill('"', b, "Zeta Light Metals said ", " tonnes.") }) },
  { name: "text unbalanced quotes", make: (b) => ({ origin: "hostile/quotes-unbalanced.txt", text: fill((i) => `"Alpha ${i} 'Beta `, b) }) },
  { name: "text capitalised words", make: (b) => ({ origin: "hostile/capitals.txt", text: fill((i) => `Alpha${i % 89} Beta `, b) }) },
  { name: 'text "Co. Ltd. Inc. U.S." runs', make: (b) => ({ origin: "hostile/legal-forms.txt", text: fill("Co. Ltd. Inc. U.S. ", b) }) },
  { name: "text legal forms after names", make: (b) => ({ origin: "hostile/legal-names.txt", text: fill((i) => `Alpha${i % 89} Co., Ltd. `, b) }) },
  { name: "text many distinct names", make: (b) => ({ origin: "hostile/names.txt", text: fill((i) => `Vexa${i} Torin${i} Co., Ltd. signed. Vexa${i} said so. `, b) }) },
  { name: "text names sharing a first word", make: (b) => ({ origin: "hostile/shared-first.txt", text: fill((i) => `Vexa Torin${i} Co., Ltd. signed. Vexa Torin${i} said so. `, b) }) },
  { name: "text acronyms and tickers defined", make: (b) => ({ origin: "hostile/acronyms.txt", text: fill((i) => `The Qel${i} Reform Commission (QRC${i}) met Dorn${i} Metals Inc. (TSXV: D${i}). `, b) }) },
  { name: "text sentence without a period", make: (b) => ({ origin: "hostile/no-period.txt", text: fill((i) => `the plant of ${firm(i)} has ${1000 + i} tonnes and `, b) }) },
  { name: "text many short sentences", make: (b) => ({ origin: "hostile/short.txt", text: fill((i) => `It rose ${i % 90}%. `, b) }) },
  { name: "text prose giving records", make: (b) => ({ origin: "hostile/prose.txt", text: fill((i) => proseSentence(i) + " ", b) }) },
  { name: "text prose in one paragraph, one sentence", make: (b) => ({ origin: "hostile/prose-run.txt", text: fill((i) => proseSentence(i).replace(/\.$/, ";") + " ", b) }) },
  { name: "text prose, paragraph per sentence", make: (b) => ({ origin: "hostile/prose-lines.txt", text: fill((i) => proseSentence(i) + "\n\n", b) }) },
];

export interface HostileRun {
  /** Wall-clock time of the build. */
  ms: number;
  /** CPU time of the process during the build (user + system, all threads): steadier on a shared machine. */
  cpuMs: number;
  records: number;
  problems: string[];
}

const encoder = new TextEncoder();

/** The public entry point over one hostile input: the whole build (read, segment, extract, check, ids). */
export function buildHostile(input: HostileInput): HostileRun {
  const build: BuildInput = { origin: input.origin, bytes: encoder.encode(input.text) };
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const { dataset, problems } = buildDataset([build]);
  const c = process.cpuUsage(c0);
  return { ms: performance.now() - t0, cpuMs: (c.user + c.system) / 1000, records: dataset.records.length, problems: problems.map((p) => p.message) };
}
