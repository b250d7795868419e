// Wording of answers: numbers, values with units, names, built from the records (never typed).
import type { MgRecord } from "../model/record";

// One formatter for every call: Number.prototype.toLocaleString builds a new one each time (~50 µs here,
// against ~1.5 µs for a kept one), and gives the same text (ECMA-402 defines it through Intl.NumberFormat).
const EN_US = new Intl.NumberFormat("en-US", { maximumFractionDigits: 6 });

export function formatNumber(n: number): string {
  return EN_US.format(n);
}

/** "SAIC's", "Seres'". */
export function possessive(name: string): string {
  return /s$/i.test(name) ? `${name}'` : `${name}'s`;
}

/** A record's value as the source states it: "over 50%", "2.5–7 kg", "1,350 t per day". */
export function describeValue(r: MgRecord): string {
  if (r.value === null) return "";
  const range = r.value_max !== null && r.value_max !== r.value ? `${formatNumber(r.value)}–${formatNumber(r.value_max)}` : formatNumber(r.value);
  const unit = r.unit === "" ? "" : r.unit === "%" ? "%" : ` ${r.unit}`;
  const per = r.per === "" ? "" : ` per ${r.per}`;
  return `${r.qualifier ? `${r.qualifier} ` : ""}${range}${unit}${per}`;
}

/** What a record is about, in a few words: its product, else its title, else its kind. */
export function describeThing(r: MgRecord): string {
  return r.product || r.title || r.kind.replace("_", " ");
}

/** "the 2024-11 product record" style label. */
export function describeRecord(r: MgRecord): string {
  return `${r.kind.replace("_", " ")} record${r.date ? ` of ${r.date}` : ""}`;
}

/** `"a", "b" and "c"`. */
export function listQuoted(items: readonly string[]): string {
  const q = items.map((s) => `"${s}"`);
  if (q.length <= 1) return q.join("");
  return `${q.slice(0, -1).join(", ")} and ${q[q.length - 1]}`;
}
