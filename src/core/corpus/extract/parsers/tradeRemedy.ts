// tradeRemedy: a government's trade-remedy act (antidumping and countervailing duty petitions, initiations,
// preliminary and final determinations, orders, sunset reviews and their results, continuations, revocations,
// terminations), by an issuer of type government in the alias registry (the US Department of Commerce, the US
// ITC, the European Commission, MOFCOM ...), as a policy record.
//   "On March 2, 2031, Commerce published the initiation of the sunset review of the AD order on X from Y."
//   "As a result of this sunset review, Commerce finds that revocation of the antidumping duty order ... would
//    be likely to lead to continuation or recurrence of dumping"  (a notice: dated by its DATES field)
//   "... imposed antidumping duties of 141.49 percent on ..."     (a margin: value 141.49, unit %)
//   "Commission Implementing Regulation (EU) 2031/123 of 20 January 2031 imposing a definitive anti-dumping duty"
//                                                                  (an EU act: its formal title is the record's title)
// A date after "effective", "applicable from", "beginning" is when the act applies (date_effective). A mention of
// orders in force ("the orders were necessary to ...") or an act expected or scheduled is not an act. Words are data:
// src/data/policyTriggers.json.
import triggers from "../../../../data/policyTriggers.json";
import type { Found, Parser, SentenceContext } from "../context";
import { newFound } from "../context";
import { withoutMonthMay } from "../text";
import { APPLIES_FROM_BEFORE, resolveDate } from "../dates";
import { euLegalAct } from "./policy";

const alt = (patterns: string[]) => patterns.map((p) => `(?:${p})`).join("|");
const OBJECT = new RegExp(`(?:${alt(triggers.trade_remedy_objects)})`, "i");
const ACT = new RegExp(`\\b(?:${alt(triggers.trade_remedy_acts)})\\b`, "i");
const NOT_AN_ACT = new RegExp(`\\b(?:${alt(triggers.not_an_act)})`, "i");
const MARGIN = new RegExp(`(?<![\\d.,])(\\d{1,3}(?:\\.\\d+)?)\\s?(?:%|percent|per cent)`, "gi");
const MARGIN_WORD = new RegExp(`\\b(?:${alt(triggers.margin_words)})\\b`, "i");

const MONTH = "(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";
const FULL_DATE = `${MONTH}\\.?\\s+\\d{1,2},\\s+\\d{4}`;
/** A notice's fields: "Federal Register Volume 83, Issue 6 (January 9, 2018)", "DATES: Applicable January 9, 2018." */
const ISSUE_LINE = new RegExp(`Federal Register,?\\s+(?:Volume|Vol\\.)\\s+\\d+,?\\s+(?:Issue|Number|No\\.)\\s+\\d+\\s*\\((?:[A-Z][a-z]+day,\\s*)?(${FULL_DATE})\\)`);
const EFFECTIVE_LINE = new RegExp(`(?:DATES?\\s*:\\s*)?(?:Applicable|Effective Date\\s*:|Effective|Effective on)\\s+(${FULL_DATE})`);
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

function iso(raw: string): string {
  const m = /^([A-Za-z]+)\.?\s+(\d{1,2}),\s+(\d{4})$/.exec(raw.trim());
  if (!m) return "";
  const mo = MONTHS.indexOf(m[1].slice(0, 3).toLowerCase()) + 1;
  const d = +m[2];
  if (mo < 1 || d < 1 || d > new Date(Date.UTC(+m[3], mo, 0)).getUTCDate()) return "";
  return `${m[3]}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

interface NoticeDates {
  issued?: { iso: string; text: string };
  effective?: { iso: string; text: string };
}
/** The dates a notice states about itself, from anywhere on the page (the first of each). */
function noticeDates(paragraphs: readonly string[]): NoticeDates {
  const out: NoticeDates = {};
  for (const p of paragraphs) {
    const i = out.issued ? null : ISSUE_LINE.exec(p);
    if (i && iso(i[1])) out.issued = { iso: iso(i[1]), text: i[0] };
    const e = out.effective ? null : EFFECTIVE_LINE.exec(p);
    if (e && iso(e[1])) out.effective = { iso: iso(e[1]), text: e[0] };
  }
  return out;
}

/** The notice's title: the page title without its document number ("83 FR 1017 - ", "2016-13574. "). */
function noticeTitle(title: string): string {
  return title.replace(/^\s*(?:\d+\s+FR\s+\d+|\d{4}-\d{3,6}\.?)\s*[-–—.:]?\s*/, "").trim();
}

/** A notice's own dates, read once per article. */
const NOTICES = new WeakMap<object, NoticeDates>();

export const tradeRemedyParser: Parser = {
  name: "tradeRemedy",
  parse(ctx: SentenceContext): Found[] {
    const { text, article, sentence } = ctx;
    if (!OBJECT.test(text) || !ACT.test(text) || NOT_AN_ACT.test(withoutMonthMay(text))) return [];
    const issuers = ctx.orgs.filter((m) => m.entity.type === "government");
    if (issuers.length === 0) return [];
    // A notice restates its summary (the page's lead, then "SUMMARY:"): the first statement is the record.
    const earlier = article.paragraphs.slice(0, sentence.paragraph).some((p) => p.includes(text.replace(/^SUMMARY:\s*/, "")));
    if (earlier) return [];
    const names: string[] = [];
    for (const m of issuers) if (!names.includes(m.entity.name)) names.push(m.entity.name);
    // "effective May 12, 2025", "applicable from 15 May": when the act applies, not when it was made.
    const effectiveAt = (d: { start: number }) => APPLIES_FROM_BEFORE.test(text.slice(Math.max(0, d.start - 40), d.start));
    const own = ctx.dates.find((d) => !effectiveAt(d) && !["by", "since", "until", "before", "after"].includes(d.cue));
    const effective = ctx.dates.find(effectiveAt);
    let date = own ? resolveDate(own, ctx.years).date : "";
    let date_effective = effective ? resolveDate(effective, ctx.years, { upcoming: !/\b(?:took|came|entered)\b/i.test(text.slice(Math.max(0, effective.start - 40), effective.start)) }).date : "";
    let date_evidence = "";
    let notice = NOTICES.get(article);
    if (!notice) NOTICES.set(article, (notice = noticeDates(article.paragraphs)));
    const isNotice = notice.issued !== undefined || notice.effective !== undefined;
    if (!own && !effective && isNotice) {
      // The notice's act (its summary sentence) is dated by the notice: published on its issue date, applicable
      // from its DATES field. One field can be shown as date evidence; a second that differs is left out.
      if (notice.issued) {
        date = notice.issued.iso;
        date_evidence = notice.issued.text;
        if (notice.effective && notice.effective.iso === notice.issued.iso) date_effective = notice.effective.iso;
      } else if (notice.effective) {
        date_effective = notice.effective.iso;
        date_evidence = notice.effective.text;
      }
    }
    // An EU act's formal title ("Commission Implementing Regulation (EU) 2025/123") is the record's title.
    const euAct = euLegalAct(text);
    const title = euAct ? euAct.title : isNotice && !own && !effective ? noticeTitle(article.title) : "";
    const base = {
      kind: "policy" as const,
      subject: names[0],
      organizations: names,
      region: issuers[0].entity.region,
      title,
      date,
      date_effective,
      date_evidence,
    };
    // Margins stated with the act: one record per margin ("duties of 141.49 percent and 108.26 percent").
    const margins = Array.from(text.matchAll(MARGIN)).filter((m) => MARGIN_WORD.test(text.slice(Math.max(0, m.index - 60), m.index)));
    if (margins.length === 0) return [newFound(ctx, "tradeRemedy", base)];
    return margins.map((m) => newFound(ctx, "tradeRemedy", { ...base, value: Number(m[1]), unit: "%" }));
  },
};
