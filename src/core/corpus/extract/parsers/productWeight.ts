// product: a product with a stated weight that is not a saving ("with a total weight of 13.7 kg",
// "a product weight of 3.8 kg", "weighs 12 kg"). Lets lookups say what a source does state about a product
// when it states no saving.
import type { Found, Parser, SentenceContext } from "../context";
import { newFound } from "../context";
import { quantityFields } from "../numbers";
import { cleanNounPhrase, introducedProduct, isAnaphoric, subjectBefore, whoIsInvolved } from "../text";

const Q = String.raw`(?:(?:more than|over|about|up to|nearly|around|approximately|only|just|less than|under)\s+)?`;
const WEIGHT_OF_BEFORE = new RegExp(String.raw`\b(?:(?:total|net|product|overall|curb|kerb|own|dry|body|unit)\s+)?weight\s+(?:of|is|was|:|reaches|reaching)\s+${Q}$`, "i");
const WEIGHS_BEFORE = new RegExp(String.raw`\bweigh(?:s|ing|ed)?\s+${Q}$`, "i");

export const productWeightParser: Parser = {
  name: "product_weight",
  parse(ctx: SentenceContext): Found[] {
    const { text } = ctx;
    const out: Found[] = [];
    for (const q of ctx.quantities) {
      if (q.unit !== "kg" && q.unit !== "t") continue;
      if (q.machineClass) continue;
      const before = text.slice(Math.max(0, q.start - 50), q.start);
      if (!WEIGHT_OF_BEFORE.test(before) && !WEIGHS_BEFORE.test(before)) continue;
      if (/\b(?:reduc\w*|sav\w*|lighter|less|lower\w*|cut)\b/i.test(before.slice(-30)) || /^\s*(?:less|lighter)\b/.test(text.slice(q.end))) continue;
      if (/^\s*(?:per|a|each)\s+(?:vehicle|car|unit)\b/.test(text.slice(q.end))) continue;
      // The product: what "This product is ..." names, the clause's subject, or what the previous sentence introduced.
      let product = introducedProduct(text);
      if (!product) {
        const np = subjectBefore(text, text.search(/\s(?:is|are|was|were|has|have|weighs|weighing)\b/));
        product = isAnaphoric(np) ? ctx.discourse?.product ?? "" : cleanNounPhrase(np);
      }
      const who = whoIsInvolved(ctx, { inherit: true });
      out.push(
        newFound(ctx, "product", {
          kind: "product",
          subject: who.subject,
          organizations: who.organizations,
          title: product,
          product,
          ...quantityFields(q),
        }),
      );
    }
    return out;
  },
};
