// Synthetic records for the card tests: invented organisations, places and outlets, sentences written for
// these tests (nothing here is a fact from the corpus).
import type { Dataset } from "../../src/core/model/dataset";
import { dataset, rec } from "../query/fixtures";

export function cardDataset(): Dataset {
  const d = dataset(
    [
      rec({
        kind: "weight_saving", subject: "Calder Motors", product: "door inner panel", date: "2031-04-02", value: 38, unit: "%",
        evidence: "Calder Motors said its magnesium door inner panel is 38% lighter than the steel panel it replaces.",
        source_title: "Calder trims door weight", source_outlet: "Lightweight Gazette", source_url: "https://example.test/calder-door", source_published: "2031-04-03",
      }),
      rec({
        kind: "capacity", subject: "Fennick Magnesium", product: "magnesium ingot", date: "2031-02", value: 25, unit: "kt", per: "year", region: "Ostport",
        evidence: "Fennick Magnesium runs a 25 kt a year ingot line at its Ostport site.",
        source_title: "Fennick at full rate", source_outlet: "Ostport Metal Daily", source_url: "https://example.test/fennick", source_published: "2031-02-20",
      }),
      rec({
        kind: "capacity", subject: "Fennick Magnesium", product: "magnesium alloy", date: "2031-03", value: 12000, value_max: 15000, unit: "t", per: "year", status: "planned",
        evidence: "Fennick Magnesium plans an alloy plant of 12,000 to 15,000 tonnes a year.",
        // no outlet: the attribution names the article's title instead
        source_title: "Fennick plans alloy plant", source_outlet: "", source_url: "https://example.test/fennick-alloy", source_published: "2031-03-05",
      }),
      rec({
        kind: "policy", subject: "Valeria Ministry of Light Metals", title: "Notice on Magnesium Scrap Recycling", date: "2031-05-14", region: "Valeria",
        evidence: "On 14 May 2031 the Valeria Ministry of Light Metals issued the Notice on Magnesium Scrap Recycling.",
        source_title: "Scrap notice issued", source_outlet: "Valeria Policy Watch", source_url: "https://example.test/scrap-notice", source_published: "2031-05-15",
      }),
      rec({
        kind: "policy", subject: "Ostland Provincial Office", title: "Plan for Alloy Foundries", date: "2031-06", region: "Ostland",
        evidence: "In June 2031 the Ostland Provincial Office released its Plan for Alloy Foundries.",
        // a link that must never become live
        source_title: "Foundry plan", source_outlet: "Ostland Herald", source_url: "javascript:alert(1)", source_published: "2031-07-01",
      }),
      rec({
        kind: "price", subject: "", organizations: [], product: "magnesium ingot", grade: "99.9%", region: "Valeria", basis: "ex-works", unit: "CNY/t", price_type: "quotation",
        date: "2031-03-09", value: 16300, value_max: 16500,
        evidence: "Magnesium ingot 99.9% in Valeria was quoted at 16,300-16,500 yuan/t ex-works on 9 March 2031.",
        source_title: "Ingot weekly", source_outlet: "Light Metals Wire", source_url: "https://example.test/lmw-ingot", source_published: "2031-03-10",
      }),
    ],
    "2031-07-01.cardtest",
  );
  return { ...d, as_of: "2031-07-01" };
}

/** Each scalar call the cards cover: the function, its arguments (as Excel passes them), the record it answers from. */
export const SCALAR_CALLS: readonly { fn: string; args: (string | null)[]; evidence: string; unit: string }[] = [
  { fn: "WEIGHTSAVING", args: ["Calder Motors", null, null, null, null], evidence: "Calder Motors said its magnesium door inner panel", unit: "%" },
  { fn: "CAPACITY", args: ["Fennick Magnesium", null, null, null, null, null], evidence: "Fennick Magnesium runs a 25 kt", unit: "t/year" },
  { fn: "CAPACITY", args: ["Fennick Magnesium", null, "high", null, "planned", null], evidence: "Fennick Magnesium plans an alloy plant", unit: "t/year" },
  { fn: "POLICYDATE", args: ["Scrap Recycling"], evidence: "On 14 May 2031 the Valeria Ministry", unit: "" },
  { fn: "POLICYDATE", args: ["Ostland Provincial Office"], evidence: "In June 2031 the Ostland Provincial Office", unit: "" },
  { fn: "FACT", args: ["Calder Motors", "value", null], evidence: "Calder Motors said its magnesium door inner panel", unit: "%" },
  { fn: "FACT", args: ["Fennick Magnesium", "value_max", "capacity"], evidence: "Fennick Magnesium plans an alloy plant", unit: "t/year" },
  { fn: "PRICE", args: ["magnesium ingot", null, null, null, null], evidence: "Magnesium ingot 99.9% in Valeria", unit: "CNY/t" },
  { fn: "PRICE", args: ["magnesium ingot", null, null, "low", null], evidence: "Magnesium ingot 99.9% in Valeria", unit: "CNY/t" },
  { fn: "PRICE", args: ["magnesium ingot", null, null, "date", null], evidence: "Magnesium ingot 99.9% in Valeria", unit: "" },
];
