// deal: acquisitions, equity transfers and stakes. The value is the share percentage when stated
// ("will hold 681,288,695 shares, accounting for 12.54% of the company's total shares" -> 12.54 %).
import type { Found, Parser, SentenceContext } from "../context";
import { newFound } from "../context";
import { resolveDate } from "../dates";
import { eventTitle } from "./event";
import { whoIsInvolved } from "../text";

const DEAL = /\b(acquisition of|acquired|acquires|acquire|equity transfer|stake in|stake of|takeover|merger with|merged with|took control of|shares, accounting for)\b/i;
const MAYBE_DEAL = /acqui|equity|stake|takeover|merge|control of|shares,/i;
const TRANSACTION = /\b(?:acqui\w*|buy(?:s|ing)?|bought|purchas\w*|sell(?:s|ing)?|sold|took|tak(?:e|es|ing)|agree\w*|sign\w*|transfer\w*|invest\w*|rais(?:e|es|ed|ing)|increas\w*|divest\w*|complet\w*|swap\w*|merg\w*|subscrib\w*)\b/i;
const SHARE_BEFORE = /\b(?:accounting for|representing|equal to|stake of|holding of|holds?|to hold)\s+(?:about\s+|approximately\s+|over\s+)?$/i;

export const dealParser: Parser = {
  name: "deal",
  parse(ctx: SentenceContext): Found[] {
    const { text } = ctx;
    if (!MAYBE_DEAL.test(text)) return [];
    const m = DEAL.exec(text);
    if (!m) return [];
    const share = ctx.quantities.find(
      (q) => q.unit === "%" && (SHARE_BEFORE.test(text.slice(Math.max(0, q.start - 30), q.start)) || /^\s+(?:stake|of the (?:company's )?(?:total )?(?:shares|equity))\b/.test(text.slice(q.end))),
    );
    if (ctx.orgs.length === 0 && !share) return [];
    // "X holds a 62% stake in Y": a shareholding as it stands, no transaction; a deal buys, sells or transfers it.
    if (/^stake (?:in|of)$/i.test(m[1]) && !TRANSACTION.test(text)) return [];
    const d = ctx.dates.find((x) => x.cue !== "by");
    const date = d ? resolveDate(d, ctx.years).date : "";
    const who = whoIsInvolved(ctx, { inherit: false });
    const quote = ctx.quotes.find(([a, b]) => /Agreement|Contract/.test(text.slice(a, b)));
    // "the acquisition of X": the deal is named by its target, as written.
    const target = /^(?:acquisition of|acquired|acquires|acquire|stake in|took control of|merger with|merged with)$/i.test(m[1])
      ? ctx.orgs.find((o) => o.start >= m.index + m[0].length && o.start <= m.index + m[0].length + 5)
      : undefined;
    const title = quote
      ? text.slice(quote[0] + 1, quote[1] - 1).replace(/[\s,;:]+$/, "").replace(/(?<!\b(?:Co|Ltd|Inc|Corp))\.$/, "")
      : target
        ? `${m[1].toLowerCase().replace(/^acquired$|^acquires$|^acquire$/, "acquisition of")} ${target.text}`
        : eventTitle(text, d?.start ?? 99, d?.end ?? 99);
    return [
      newFound(ctx, "deal", {
        kind: "deal",
        date,
        subject: who.subject,
        organizations: who.organizations,
        title,
        value: share ? share.value : null,
        unit: share ? "%" : "",
        qualifier: share ? share.qualifier : "",
      }),
    ];
  },
};
