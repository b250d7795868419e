// standard: a standard with a code ("GB/T 3499-2023") and/or a quoted title, released and/or implemented.
//   The national standard "Primary Magnesium Ingot" GB/T 3499-2023 was released on <date> and will be implemented from <date>.
//   The "X Requirements ..." and "Y Limits ..." were officially implemented on <date>.
import type { Found, Parser, SentenceContext } from "../context";
import { newFound } from "../context";
import { resolveDate } from "../dates";
import { blank, whoIsInvolved } from "../text";

/**
 * A standard's code; ASTM's dual-unit designations keep their metric twin ("ASTM B93/B93M-21"), SAE's Aerospace
 * Material Specifications their revision letter ("AMS 4377K").
 */
export const STANDARD_CODE = /\b(?:GB\/T|GB\/Z|GB|YS\/T|JB\/T|HG\/T|QC\/T|SJ\/T|YB\/T|DB\d{2}\/T|DB\d{2}|T\/[A-Z]{2,10}|ISO|IEC|ASTM|EN|DIN|JIS|SAE|AMS|BS|IS(?=\s\d{3}))\s?(?:[A-Z]\s?)?\d+(?:\/[A-Z]?\d+M)?(?:[.-]\d+)*(?:[-—:]\d{4})?(?:(?<=AMS\s?\d{4})[A-Z])?\b/g;
/** A code the text says is replaced ("Replaces GB/T 13748.5-2005, GB/T 13748.20-2009"): not the standard in question. */
export const REPLACED_BEFORE = /\b(?:replaces?|replaced|replacing|supersedes?|superseded(?: by this standard)?|older standard[^:]*:|historical versions?:?)\s*(?:[A-Z/ .\d:-]+[,;]\s*)*$/i;
/**
 * A code a product is made to or meets ("its ingots meet ASTM B92 requirements", "parts made to ISO 16220"): the
 * standard is cited, not released.
 */
const REFERENCED_BEFORE = /\b(?:meets?|meeting|met|compl(?:y|ies|ied|ying|iant) with|conform(?:s|ed|ing)? (?:to|with)|certified (?:to|under|against)|made to|produced to|according to|in accordance with|as (?:required|specified|defined) (?:by|in)|tested (?:to|under|per))\s+(?:the\s+)?(?:requirements\s+of\s+)?$/i;
/** "EN 1753:2031 has been withdrawn and replaced by ...": the old edition, not the standard released. */
const WITHDRAWN_AFTER = /^\s*(?:\([^)]*\)\s*)?,?\s*(?:has been|have been|was|were|is|are)\s+(?:withdrawn|superseded|replaced|abolished|annulled|repealed|cancell?ed)\b/i;
/** Title words typical of standards (not of policies). */
const STANDARD_TITLE = /\b(Requirements?|Specifications?|Limits?|Methods? (?:of|for)|Test Methods?|Terminology|Technical Conditions|Code for|General Rules|Determination of|Ingots?|Grading)\b/;
const RELEASE_CUE = /\b(?:released|issued|published|approved|adopted|revised|promulgated)\s+(?:on|in)?\s*$/i;
// "entered into force", "goes into effect", "became effective": other outlets' words for the same date.
const EFFECTIVE_CUE = /\b(?:implemented|implementation|effective|take effect|took effect|takes effect|come into (?:force|effect)|came into (?:force|effect)|comes into (?:force|effect)|enter(?:s|ed)? into (?:force|effect)|go(?:es)? into effect|went into effect|enforced)\s+(?:from|on|in|as of|starting)?\s*$/i;
const RELEASE_VERB = /^(?:released|issued|published|approved|adopted|revised|promulgated|announced)$/i;
const ANY_CUE_VERB_ONCE = /\b(?:released|issued|published|approved|adopted|revised|promulgated|announced|implemented|took effect|came into (?:force|effect)|entered into (?:force|effect)|went into effect|became effective)\b/i;
const ANY_CUE_VERB = /\b(?:released|issued|published|approved|adopted|revised|promulgated|announced|implemented|implementation|effective|take effect|took effect|takes effect|come into (?:force|effect)|came into (?:force|effect)|comes into (?:force|effect)|enter(?:s|ed)? into (?:force|effect)|go(?:es)? into effect|went into effect|enforced)\b/gi;
/** "The mandatory national standard Technical Specifications for Safety of Electric Bicycles, revised by ...": a title in Title Case, unquoted, right after "standard". */
const UNQUOTED_TITLE = /\bstandard\s+((?:[A-Z][\w-]*)(?:\s+(?:of|for|and|the|in|on|to|with|[A-Z][\w-]*))*?\s+[A-Z][\w-]*)(?=\s*[,(;]|\s+(?:was|were|is|will|has|issued|released|revised|published|took|takes|came|comes)\b)/;
/** "NADCA announced revised specifications for aluminum alloys 380 and A380": specifications announced, titled by their words. */
const ANNOUNCED_SPECIFICATIONS = /\b(?:announced|issued|released|published)\s+(?:the\s+)?(?:(?:revised|new|updated|amended)\s+)?((?:specifications?|standards?)\s+for\s+[^,;.]{3,80}?)(?=,|;|\.\s|\.$|\s+(?:which|that|increasing|reducing|raising|lowering|to)\b)/i;


const VERB = /\b(?:released|issued|published|approved|adopted|revised|promulgated|announced|implemented|took effect|take effect|come into (?:force|effect)|came into (?:force|effect)|comes into (?:force|effect)|enter(?:s|ed)? into (?:force|effect)|go(?:es)? into effect|went into effect|bec(?:ame|omes?) effective)\b/i;

export const standardParser: Parser = {
  name: "standard",
  parse(ctx: SentenceContext): Found[] {
    const { text } = ctx;
    if (!VERB.test(text)) return [];
    const codes = Array.from(text.matchAll(STANDARD_CODE)).filter(
      (m) =>
        !ctx.quotes.some(([a, b]) => m.index! >= a && m.index! < b) &&
        !REPLACED_BEFORE.test(text.slice(Math.max(0, m.index! - 80), m.index!)) &&
        !REFERENCED_BEFORE.test(text.slice(Math.max(0, m.index! - 60), m.index!)) &&
        !WITHDRAWN_AFTER.test(text.slice(m.index! + m[0].length, m.index! + m[0].length + 60)),
    );
    const saysStandard = /\bstandards?\b/i.test(text.replace(/"[^"]*"|“[^”]*”/g, ""));
    const titles = ctx.quotes
      .map(([a, b]) => ({ start: a, end: b, title: text.slice(a + 1, b - 1).replace(/[\s,.;:]+$/, "").trim() }))
      .filter((t) => t.title.split(/\s+/).length >= 2)
      .filter((t) => codes.length > 0 || saysStandard || STANDARD_TITLE.test(t.title));
    let unquoted = false;
    if (titles.length === 0 && codes.length === 0) {
      const u = UNQUOTED_TITLE.exec(text);
      if (u && STANDARD_TITLE.test(u[1])) {
        const start = u.index + u[0].length - u[1].length;
        titles.push({ start, end: start + u[1].length, title: u[1] });
        unquoted = true;
      } else {
        const a = ANNOUNCED_SPECIFICATIONS.exec(text);
        if (a) {
          const start = a.index + a[0].length - a[1].length;
          titles.push({ start, end: start + a[1].length, title: a[1].trim() });
          unquoted = true;
        }
      }
    }
    if (codes.length === 0 && titles.length === 0) return [];
    if (codes.length === 0 && !saysStandard && titles.some((t) => !STANDARD_TITLE.test(t.title) && !/^(?:specifications?|standards?)\s+for\b/i.test(t.title))) return [];

    let date = "";
    let date_effective = "";
    // Titles and codes are blanked so their words ("... Released Products") are not read as the verb.
    const plain = blank(text, [...ctx.quotes, ...titles.filter((t) => !ctx.quotes.some(([a]) => a === t.start)).map((t): [number, number] => [t.start, t.end]), ...codes.map((c): [number, number] => [c.index!, c.index! + c[0].length])]);
    let from = 0;
    for (const d of ctx.dates) {
      // "approved by three automakers since 2025": a state since a date, not the day of a release.
      if (d.cue === "since") continue;
      const before = text.slice(Math.max(0, d.start - 40), d.start);
      const resolved = resolveDate(d, ctx.years).date;
      // The verb nearest before the date, since the previous date: "released the national standard X "Title" on
      // June 30, 2025, and it will be implemented from January 1, 2026".
      const verbs = Array.from(plain.slice(from, d.start).matchAll(ANY_CUE_VERB));
      // "In July, X released the standard ...": a date that opens the clause takes the verb after it.
      const nextDate = ctx.dates.find((x) => x.start > d.start);
      // (also for a dateline: "June 26, 2006 -- NADCA announced revised specifications for ...")
      const after = (codes.length > 0 || unquoted) && verbs.length === 0 && (/^\W*(?:\w+\W+){0,2}$/.test(plain.slice(from, d.start)) || /^\s*[-–—]+\s*/.test(plain.slice(d.end))) ? ANY_CUE_VERB_ONCE.exec(plain.slice(d.end, nextDate ? nextDate.start : plain.length)) : null;
      const verb = verbs.length > 0 ? verbs[verbs.length - 1][0] : after ? after[0] : "";
      from = d.end;
      if (!date && (RELEASE_CUE.test(before) || (verb && RELEASE_VERB.test(verb)))) date = resolved;
      else if (!date_effective && (EFFECTIVE_CUE.test(before) || (verb && !RELEASE_VERB.test(verb)))) {
        // "which takes effect on Oct. 1", "will be implemented from March 1": the coming date.
        const upcoming = /\b(?:takes effect|will|shall|comes into (?:force|effect)|enters into (?:force|effect)|goes into effect|becomes effective|is to)\b/i.test(text.slice(Math.max(0, d.start - 60), d.start));
        date_effective = resolved || (upcoming ? resolveDate(d, ctx.years, { upcoming }).date : "");
      }
    }
    if (!date && !date_effective) return [];
    const items: { title: string; code: string }[] = [];
    if (titles.length > 0) {
      for (const t of titles) {
        const code = codes.find((c) => Math.abs(c.index! - t.end) <= 3 || Math.abs(c.index! + c[0].length - t.start) <= 3);
        items.push({ title: t.title, code: code ? code[0] : titles.length === 1 && codes.length === 1 ? codes[0][0] : "" });
      }
    } else for (const c of codes) items.push({ title: "", code: c[0] });
    // Who released it, when the sentence names them ("The Standardization Administration of China released ...").
    const who = whoIsInvolved(ctx, { inherit: false });
    return items.map((it) =>
      newFound(ctx, "standard", { kind: "standard", title: it.title, code: it.code, date, date_effective, subject: who.subject, organizations: who.organizations, region: who.region }),
    );
  },
};
