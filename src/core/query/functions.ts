// The MG functions, as plain functions of a RecordIndex and the arguments Excel passes
// (text, numbers, booleans, null for an omitted optional argument). The Excel adapter
// (src/functions), the formula-engine tests, the `mg call` command and the task pane's function
// builder all call these, so every host answers the same.
//
// Rules (also in the help page):
// - Subjects match by name or alias, ignoring case, punctuation and legal forms; a record matches a
//   subject it has as its subject or as one of its organisations. A part of exactly one name also
//   matches ("Inovance"); a part of several names is ambiguous (#N/A listing them).
// - Several records fit: the most recent (by the record's date, else its source's date) is used,
//   unless arguments narrow the choice (kind, unit, product, per).
// - No such fact: #N/A saying what the data holds. Bad argument: #VALUE! saying what is expected.
import type { MgRecord, RecordKind } from "../model/record";
import { RECORD_COLUMNS, RECORD_KINDS, ORGANIZATION_SEPARATOR } from "../model/fields";
import { Answer, AnswerError, Cell, Table, invalidValue, isAnswerError, notAvailable, sourced, value } from "./answer";
import { datePrecision, isoSpan, isoToSerial } from "../model/dates";
import { describeRecord, describeThing, describeValue, formatNumber, listQuoted, possessive } from "./format";
import { aliasKey, nameTokens, normalizeName } from "./normalize";
import { recencyKey } from "./recordIndex";
import { gazetteer } from "../model/places";
import { columnsOf, type Cell as TableCell, type ColumnId } from "../table/columns";
import { type Arg, booleanArg, choiceArg, dateArg, isMissing, shown, textArg } from "./args";

export type { Arg } from "./args";
import { price, prices, standard, standardCodeKey } from "./prices";
import type { Entity, RecordIndex } from "./recordIndex";

const KIND_WORDS: Record<string, RecordKind> = Object.fromEntries(
  RECORD_KINDS.flatMap((k) => [
    [k, k],
    [k.replace("_", " "), k],
    [k === "policy" ? "policies" : `${k}s`, k],
    [k === "policy" ? "policies" : `${k.replace("_", " ")}s`, k],
  ]),
);

/** A lookup table's own entry: text typed by a user ("constructor") never reaches Object.prototype. */
function ownEntry<T>(table: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

function kindArg(a: Arg, name = "kind"): Answer<RecordKind | undefined> {
  if (isMissing(a)) return value(undefined);
  const typed = String(a).trim().toLowerCase();
  const hit = ownEntry(KIND_WORDS, typed.replace(/[-\s]+/g, " ").replace(/ /g, "_")) ?? ownEntry(KIND_WORDS, typed);
  if (typeof a === "boolean" || typeof a === "number" || hit === undefined) return invalidValue(`${name} must be one of ${RECORD_KINDS.join(", ")}; got ${shown(a)}`);
  return value(hit);
}

// ---------------------------------------------------------------------------------------------
// Subjects

function resolve(index: RecordIndex, subject: string): Answer<Entity> {
  const r = index.resolveSubject(subject);
  if (r.ok) return value(r.entity);
  if (r.reason === "empty") return invalidValue(`subject is required: give a company or organisation name, e.g. "SAIC"`);
  if (r.reason === "ambiguous") {
    return notAvailable(`"${subject}" is ambiguous: it could be ${listQuoted(r.candidates.slice(0, 6))}${r.candidates.length > 6 ? ` (${r.candidates.length} in all)` : ""}. Give the full name.`);
  }
  if (r.suggestions.length > 0) return notAvailable(`"${subject}" is not a subject in the data. Closest: ${listQuoted(r.suggestions)}. MG.SUBJECTS() lists them all.`);
  return notAvailable(`"${subject}" is not a subject in the data. MG.SUBJECTS() lists the known subjects.`);
}

/** What the data holds about an entity besides the fact asked for, as one sentence part. */
function holdings(index: RecordIndex, entity: Entity, exclude: readonly RecordKind[], related?: (r: MgRecord) => boolean): string {
  const others = entity.records.filter((r) => !exclude.includes(r.kind));
  if (others.length === 0) return "";
  // a related figure says the most ("the housing is reported at 13.7 kg"); an unrelated one would
  // mislead (a plant's 100,000 t a year is not a part's weight), so then only the kinds are named
  const numeric = related ? others.filter((r) => r.value !== null && related(r)) : [];
  if (numeric.length > 0) {
    const r = numeric[0];
    return `${possessive(entity.name)} ${describeThing(r)} is reported at ${describeValue(r)}`;
  }
  const kinds = [...new Set(others.map((r) => r.kind.replace("_", " ")))];
  return `the data holds ${others.length} record${others.length === 1 ? "" : "s"} about ${entity.name} (${kinds.join(", ")})`;
}

// ---------------------------------------------------------------------------------------------
// Units

const PERCENT_UNITS = new Set(["%", "percent", "pct"]);
const KG_UNITS = new Set(["kg", "kilogram", "kilograms", "kgs"]);
const PART_MASS_UNITS = new Set(["kg", "kilogram", "kilograms", "kgs", "g", "gram", "grams"]);
/** Units of a capacity, as tonnes per unit. Case matters: "Mt" (million tonnes) is not "mt" (metric tons). */
const TONNE_FACTORS: Record<string, number> = {
  t: 1,
  mt: 1,
  MT: 1,
  ton: 1,
  tons: 1,
  tonne: 1,
  tonnes: 1,
  "metric ton": 1,
  "metric tons": 1,
  "metric tonne": 1,
  "metric tonnes": 1,
  kt: 1000,
};

const unitClasses = new Map<string, "%" | "kg" | "">();

function unitClass(unit: string): "%" | "kg" | "" {
  let c = unitClasses.get(unit);
  if (c === undefined) {
    const u = unit.trim().toLowerCase();
    c = PERCENT_UNITS.has(u) ? "%" : KG_UNITS.has(u) ? "kg" : "";
    if (unitClasses.size < 1000) unitClasses.set(unit, c);
  }
  return c;
}

// ---------------------------------------------------------------------------------------------
// Scalar functions

/**
 * Which record a scalar lookup answers from. Records the entity is the subject of come before
 * records it is only a party to (Baowu Magnesium's own robot, not a subsidiary's part it is named
 * beside); within each group, most recent first. When two accepted records of the same group are
 * equally recent and disagree, no choice between them would be honest: they come back as `tied`.
 */
type Pick = { record: MgRecord } | { tied: MgRecord[] } | undefined;
/** An entity's records in lookup order; the first `own` of them are those it is the subject of. */
interface LookupList {
  readonly records: readonly MgRecord[];
  readonly own: number;
}
const lookupCache = new WeakMap<Entity, Map<string, LookupList>>();

function lookupOrder(index: RecordIndex, entity: Entity, kind?: RecordKind): LookupList {
  let perKind = lookupCache.get(entity);
  if (!perKind) lookupCache.set(entity, (perKind = new Map()));
  const k = kind ?? "";
  let list = perKind.get(k);
  if (!list) {
    const all = index.recordsOf(entity, kind);
    const own = all.filter((r) => aliasKey(r.subject) === entity.key);
    list = { records: own.length === all.length ? all : [...own, ...all.filter((r) => aliasKey(r.subject) !== entity.key)], own: own.length };
    perKind.set(k, list);
  }
  return list;
}

/** The same list narrowed (by product): own records stay first. */
function narrowLookup(list: LookupList, keep: (r: MgRecord) => boolean): LookupList {
  const own = list.records.slice(0, list.own).filter(keep);
  return { records: [...own, ...list.records.slice(list.own).filter(keep)], own: own.length };
}

function pickRecord(list: LookupList, accept: (r: MgRecord) => boolean, valueOf: (r: MgRecord) => unknown): Pick {
  const { records, own } = list;
  let first = -1;
  let tied: MgRecord[] | undefined;
  for (let i = 0; i < records.length; i++) {
    const r = records[i];
    if (!accept(r)) continue;
    if (first < 0) {
      first = i;
      continue;
    }
    const f = records[first];
    if (i < own !== first < own || recencyKey(r) !== recencyKey(f)) break;
    if (valueOf(r) !== valueOf(f)) (tied ??= [f]).push(r);
  }
  if (first < 0) return undefined;
  return tied ? { tied } : { record: records[first] };
}

function distinctProducts(records: readonly MgRecord[]): boolean {
  return new Set(records.map((r) => normalizeName(`${r.product} ${r.title}`))).size === records.length;
}

function tiedMessage(entity: Entity, what: string, tied: readonly MgRecord[], narrow: string): string {
  const shown = tied.slice(0, 4).map((r) => `${describeValue(r)} (${describeThing(r)})`);
  const more = tied.length > 4 ? ` and ${tied.length - 4} more` : "";
  return `${entity.name} has ${tied.length} ${what} reported equally recently: ${shown.join("; ")}${more}. No one of them is "the" figure: ${narrow}`;
}

export type Bound = "low" | "high";
const BOUNDS: Record<string, Bound> = { low: "low", high: "high", min: "low", max: "high" };

function pickBound(r: MgRecord, bound: Bound): number {
  return bound === "high" && r.value_max !== null ? r.value_max : (r.value as number);
}

/**
 * MG.WEIGHTSAVING(subject, [unit], [bound], [product]): the reported weight saving, in % (as
 * reported) or kg. A qualified figure ("over 50%") answers its number: MG.FACT(..., "qualifier")
 * says which bound it is.
 */
/**
 * A qualified figure ("over 50%", "up to 150 kg/h") is a bound, not a value. By default the function answers
 * its number (the figure as written, qualifier readable with MG.FACT(..., "qualifier")); with exact TRUE it
 * refuses and says the bound, for models that must not take a bound for a value.
 */
function refuseBound(entity: Entity, what: string, r: MgRecord, fn: string): Answer<never> {
  return withBound(r, `${possessive(entity.name)} ${what} is reported as ${describeValue(r)} (${describeThing(r)}): "${r.qualifier}" makes it a bound, not a value, and exact is TRUE. Leave exact empty to get ${formatNumber(r.value as number)} as written; MG.FACT("${entity.name}", "qualifier") reads the bound. (${fn})`);
}

function withBound(r: MgRecord, message: string): AnswerError {
  return { ...notAvailable(message), bound: { qualifier: r.qualifier, figure: describeValue(r) } };
}

/**
 * The qualifier of the figure a WEIGHTSAVING or CAPACITY call answers ("over 50%"), or undefined when the figure
 * is a plain value: what the pane shows beside a previewed number. The same lookup, asked with exact TRUE.
 */
export function boundOfAnswer(index: RecordIndex, origin: string, spec: FunctionSpec, args: readonly Arg[]): { qualifier: string; figure: string } | undefined {
  const at = spec.params.findIndex((p) => p.name === "exact");
  if (at < 0) return undefined;
  const exactArgs = spec.params.map((_p, i) => (i === at ? true : (args[i] ?? null)));
  const a = spec.impl(index, origin, exactArgs);
  return isAnswerError(a) ? a.bound : undefined;
}

export function weightSaving(index: RecordIndex, subject: Arg, unit?: Arg, bound?: Arg, product?: Arg, exact?: Arg): Answer<number> {
  const s = textArg(subject, "subject", true);
  if (isAnswerError(s)) return s;
  const u = choiceArg(unit, "unit", { "%": "%", percent: "%", pct: "%", kg: "kg" }, "%" as "%" | "kg", `"%" or "kg"`);
  if (isAnswerError(u)) return u;
  const b = choiceArg(bound, "bound", BOUNDS, "low", `"low" or "high"`);
  if (isAnswerError(b)) return b;
  const p = textArg(product, "product", false);
  if (isAnswerError(p)) return p;
  const x = booleanArg(exact, "exact", false);
  if (isAnswerError(x)) return x;
  const e = resolve(index, s.value!);
  if (isAnswerError(e)) return e;
  const entity = e.value;
  const productKey = p.value ? normalizeName(p.value) : undefined;
  const ordered = lookupOrder(index, entity, "weight_saving");
  const list = productKey ? narrowLookup(ordered, (r) => productMatches(r, productKey)) : ordered;
  const all = list.records;
  const hit = pickRecord(list, (r) => r.value !== null && unitClass(r.unit) === u.value, (r) => pickBound(r, b.value));
  if (hit && "record" in hit) return x.value && hit.record.qualifier ? refuseBound(entity, "weight saving", hit.record, "MG.WEIGHTSAVING") : sourced(pickBound(hit.record, b.value), hit.record);
  if (hit) {
    const narrow = distinctProducts(hit.tied) ? `give the product (4th argument), e.g. "${describeThing(hit.tied[0])}".` : `see them with MG.EVENTS("weight_saving", "${entity.name}").`;
    return notAvailable(tiedMessage(entity, "weight savings", hit.tied, narrow));
  }
  if (productKey && ordered.records.length > 0) {
    const any = ordered.records[0];
    return notAvailable(`No weight saving of "${p.value}" is reported for ${entity.name}; ${possessive(entity.name)} ${describeThing(any)} is reported at ${describeValue(any)}.`);
  }
  const savings = all.filter((r) => r.value !== null);
  if (savings.length > 0) {
    const r = savings[0];
    return notAvailable(`${possessive(entity.name)} weight saving is reported as ${describeValue(r)} (${describeThing(r)}), not in ${u.value}${unitClass(r.unit) ? `: use unit "${unitClass(r.unit)}"` : ""}.`);
  }
  // the weight of a part or product: a mass in kg or g, not a rate such as a plant's output
  const held = holdings(index, entity, ["weight_saving"], (r) => PART_MASS_UNITS.has(r.unit.trim().toLowerCase()) && r.per === "" && r.kind !== "capacity" && r.kind !== "project");
  return notAvailable(held ? `${capitalize(held)} but no weight saving is reported.` : `No weight saving is reported for ${entity.name}.`);
}

export type Per = "year" | "day" | "month" | "hour" | "any";
const PERS: Record<string, Per> = { year: "year", yearly: "year", annual: "year", day: "day", daily: "day", month: "month", monthly: "month", hour: "hour", any: "any" };

function productMatches(r: MgRecord, productKey: string | undefined): boolean {
  if (!productKey) return true;
  const words = new Set(nameTokens(normalizeName(`${r.product} ${r.title}`)));
  return nameTokens(productKey).every((t) => words.has(t));
}

/**
 * MG.CAPACITY(subject, [product], [bound], [per]): reported capacity in tonnes per year. A figure
 * stated per day (or with no period) is never annualised: per "day" returns it per day, per "any"
 * returns whatever the source states.
 */
const STATUS_CHOICES: Record<string, "operating" | "planned" | "former" | "any"> = { operating: "operating", current: "operating", existing: "operating", planned: "planned", former: "former", previous: "former", any: "any" };
const RECORD_STATUS = { operating: "", planned: "planned", former: "former" } as const;

export function capacity(index: RecordIndex, subject: Arg, product?: Arg, bound?: Arg, per?: Arg, status?: Arg, exact?: Arg): Answer<number> {
  const s = textArg(subject, "subject", true);
  if (isAnswerError(s)) return s;
  const p = textArg(product, "product", false);
  if (isAnswerError(p)) return p;
  const b = choiceArg(bound, "bound", BOUNDS, "low", `"low" or "high"`);
  if (isAnswerError(b)) return b;
  const pr = choiceArg(per, "per", PERS, "year", `"year", "day", "month" or "any"`);
  if (isAnswerError(pr)) return pr;
  const st = choiceArg(status, "status", STATUS_CHOICES, "operating", `"operating" (default), "planned", "former" or "any"`);
  if (isAnswerError(st)) return st;
  const x = booleanArg(exact, "exact", false);
  if (isAnswerError(x)) return x;
  const e = resolve(index, s.value!);
  if (isAnswerError(e)) return e;
  const entity = e.value;
  const productKey = p.value ? normalizeName(p.value) : undefined;
  // Operating, planned and former capacity never mix: the pipeline marks targets, plans and plants to come
  // "planned", and the figure a reported change replaced "former". "any" is every figure the data holds.
  const statusFits = (r: MgRecord) => st.value === "any" || RECORD_STATUS[st.value!] === r.status;
  const narrowed = narrowLookup(
    lookupOrder(index, entity),
    (r) => (r.kind === "capacity" || r.kind === "project") && r.value !== null && ownEntry(TONNE_FACTORS, r.unit.trim()) !== undefined && productMatches(r, productKey) && statusFits(r),
  );
  const candidates = narrowed.records;
  const tonnes = (r: MgRecord) => pickBound(r, b.value) * ownEntry(TONNE_FACTORS, r.unit.trim())!;
  const hit = pickRecord(narrowed, (r) => pr.value === "any" || r.per === pr.value, (r) => `${tonnes(r)}/${r.per}`);
  if (hit && "record" in hit) return x.value && hit.record.qualifier ? refuseBound(entity, "capacity", hit.record, "MG.CAPACITY") : sourced(tonnes(hit.record), hit.record);
  if (hit) {
    const narrow = distinctProducts(hit.tied) ? `give the product (2nd argument), e.g. "${describeThing(hit.tied[0])}", or see them with MG.PROJECTS("${entity.name}").` : `see them with MG.PROJECTS("${entity.name}").`;
    return notAvailable(tiedMessage(entity, "capacities", hit.tied, narrow));
  }
  const what = productKey ? ` for "${p.value}"` : "";
  const otherStatus = entity.records.find(
    (r) => (r.kind === "capacity" || r.kind === "project") && r.value !== null && ownEntry(TONNE_FACTORS, r.unit.trim()) !== undefined && productMatches(r, productKey) && !statusFits(r),
  );
  if (candidates.length === 0 && otherStatus) {
    const which = otherStatus.status === "" ? "operating" : otherStatus.status;
    return notAvailable(`No ${st.value} capacity${what} is reported for ${entity.name}; its ${which} capacity is reported at ${describeValue(otherStatus)} (${describeThing(otherStatus)}): use status "${which}".`);
  }
  if (candidates.length > 0) {
    const r = candidates[0];
    const stated = r.per === "" ? "with no period stated" : `per ${r.per}`;
    const use = r.per === "" ? `per "any"` : `per "${r.per}"`;
    return notAvailable(`${possessive(entity.name)} capacity${what} is reported ${stated} (${describeValue(r)}, ${describeThing(r)}); MG.CAPACITY does not convert it to tonnes per ${pr.value === "any" ? "year" : pr.value}: use ${use} to get the figure as stated.`);
  }
  const otherUnits = entity.records.filter((r) => (r.kind === "capacity" || r.kind === "project") && r.value !== null && productMatches(r, productKey));
  if (otherUnits.length > 0) {
    const r = otherUnits[0];
    return notAvailable(`${possessive(entity.name)} capacity${what} is reported as ${describeValue(r)} (${describeThing(r)}), not in tonnes.`);
  }
  if (productKey) {
    const any = entity.records.find((r) => r.kind === "capacity" && r.value !== null);
    if (any) return notAvailable(`No capacity${what} is reported for ${entity.name}; ${possessive(entity.name)} ${describeThing(any)} capacity is reported at ${describeValue(any)}.`);
  }
  const held = holdings(index, entity, ["capacity", "project"], (r) => ownEntry(TONNE_FACTORS, r.unit.trim()) !== undefined && r.per !== "");
  return notAvailable(`No capacity${what} is reported for ${entity.name}${held ? `; ${held}` : ""}.`);
}

function policyText(r: MgRecord): Set<string> {
  return new Set(nameTokens(normalizeName([r.title, r.code, r.subject, ...r.organizations].join(" "))));
}

/** Policy records whose title, code or issuer contains every word of the query, most recent first. */
function matchingPolicies(index: RecordIndex, query: string): readonly MgRecord[] {
  return index.memo(`policy:${query}`, () => {
    const words = nameTokens(normalizeName(query));
    const issuer = index.resolveSubject(query);
    return index
      .recordsOfKind("policy")
      .filter((r) => (issuer.ok && index.involves(r, issuer.entity)) || (words.length > 0 && words.every((w) => policyText(r).has(w))));
  });
}

/** The standard a query names by its code (edition year optional) or by its whole title. */
function standardNamed(index: RecordIndex, query: string): MgRecord | undefined {
  const key = standardCodeKey(query);
  const title = normalizeName(query);
  return index
    .recordsOfKind("standard")
    .find((r) => (r.code !== "" && (standardCodeKey(r.code) === key || standardCodeKey(r.code).replace(/-(?:\d{2}|\d{4})$/, "") === key)) || (r.title !== "" && normalizeName(r.title) === title));
}

/**
 * MG.POLICYDATE(query): the release date of the most recent policy whose title, code or issuer
 * matches, as an Excel date. A month-precision date gives the 1st of the month (MG.FACT(issuer,
 * "date", "policy") gives the ISO text "2024-11"); a year-only date is #N/A.
 */
export function policyDate(index: RecordIndex, query: Arg): Answer<number> {
  const q = textArg(query, "query", true);
  if (isAnswerError(q)) return isMissing(query) ? invalidValue(`query is required: give words of the policy's title or its issuer, e.g. "MIIT"`) : q;
  const hits = matchingPolicies(index, q.value!);
  if (hits.length === 0) {
    // A standard is not a policy, but an analyst asks for its date the same way: say where it is.
    const std = standardNamed(index, q.value!);
    if (std) return notAvailable(`"${q.value}" is a standard, not a policy: =MG.STANDARD("${std.code}", "released") gives its release date${std.date_effective ? ` and =MG.STANDARD("${std.code}", "implemented") its implementation date` : ""}.`);
    const known = index.recordsOfKind("policy").slice(0, 3).map((r) => r.title || r.subject);
    return notAvailable(`No policy matches "${q.value}"${known.length ? `. Most recent policies in the data: ${listQuoted(known)}` : ": the data holds no policies"}.`);
  }
  const dated = hits.find((r) => datePrecision(r.date) === "day" || datePrecision(r.date) === "month");
  if (!dated) {
    const r = hits[0];
    const title = r.title || r.subject;
    // An implementation date is not a release date: name it, never return it in its place.
    const effective = hits.find((h) => h.date_effective);
    if (!r.date && effective) {
      return notAvailable(
        `The policy "${effective.title || effective.subject}" is reported as taking effect on ${effective.date_effective} but its release date is not reported: MG.FACT("${effective.subject}", "date_effective", "policy") gives the effective date.`,
      );
    }
    return notAvailable(r.date ? `The policy "${title}" is dated only by year (${r.date}): no day or month is reported.` : `The policy "${title}" is in the data but its date is not reported.`);
  }
  const serial = isoToSerial(dated.date);
  if (serial === undefined) return notAvailable(`The policy "${dated.title || dated.subject}" is dated ${dated.date}, which Excel cannot show as a date.`);
  return sourced(serial, dated);
}

const FIELD_ALIASES: Record<string, (typeof RECORD_COLUMNS)[number]> = {
  ...Object.fromEntries(RECORD_COLUMNS.map((c) => [c, c])),
  source: "source_url",
  url: "source_url",
  link: "source_url",
  organisations: "organizations",
  organisation: "organizations",
  organization: "organizations",
  max: "value_max",
  effective: "date_effective",
  end: "date_end",
  sentence: "evidence",
  outlet: "source_outlet",
  published: "source_published",
  issuer: "subject",
};

function fieldArg(a: Arg): Answer<(typeof RECORD_COLUMNS)[number]> {
  if (isMissing(a)) return invalidValue(`field is required: one of ${RECORD_COLUMNS.join(", ")}`);
  const key = String(a).trim().toLowerCase().replace(/[\s-]+/g, "_");
  const hit = ownEntry(FIELD_ALIASES, key);
  if (typeof a === "boolean" || typeof a === "number" || !hit) return invalidValue(`field must be one of ${RECORD_COLUMNS.join(", ")}; got ${shown(a)}`);
  return value(hit);
}

/** The record a subject lookup uses: the most recent of the subject's records (of a kind if given). */
function subjectRecord(index: RecordIndex, subject: Arg, kind: Arg, field?: (typeof RECORD_COLUMNS)[number]): Answer<{ entity: Entity; record: MgRecord }> {
  const s = textArg(subject, "subject", true);
  if (isAnswerError(s)) return s;
  const k = kindArg(kind);
  if (isAnswerError(k)) return k;
  const e = resolve(index, s.value!);
  if (isAnswerError(e)) return e;
  const list = lookupOrder(index, e.value, k.value);
  const records = list.records;
  if (records.length === 0) {
    const kinds = [...new Set(e.value.records.map((r) => r.kind))];
    return notAvailable(`No ${k.value!.replace("_", " ")} record for ${e.value.name}; the data holds ${kinds.join(", ")} records about ${e.value.name}.`);
  }
  // One subject, one story: a field is read from the most recent record that states it ("value" of SAIC is its
  // housing's 13.7 kg, not the empty value of the release event reported the same day). Only when no record
  // states it does the answer say the most recent record states none.
  const states = (r: MgRecord) => !field || (r[field] !== null && r[field] !== "" && !(Array.isArray(r[field]) && (r[field] as unknown[]).length === 0));
  const hit = pickRecord(list, records.some(states) ? states : () => true, (r) => (field ? String(r[field]) : r.id));
  if (hit && "tied" in hit && field === "evidence") {
    // Records of one passage (an event and the part it released, quoted over one or two sentences) tell one
    // story: the passage that holds every other one answers.
    const whole = hit.tied.find((r) => hit.tied.every((o) => r.evidence.includes(o.evidence)));
    if (whole) return value({ entity: e.value, record: whole });
  }
  if (hit && "tied" in hit) {
    const kinds = [...new Set(hit.tied.map((r) => r.kind))];
    const narrow = !k.value && kinds.length > 1 ? `give the kind (${kinds.map((x) => `"${x}"`).join(", ")}).` : `see them all with MG.EVENTS("", "${e.value.name}").`;
    return notAvailable(`${e.value.name} has ${hit.tied.length} ${k.value ? k.value.replace("_", " ") + " " : ""}records reported equally recently (${hit.tied.slice(0, 4).map((r) => `"${describeThing(r)}"`).join(", ")}): ${narrow}`);
  }
  return value({ entity: e.value, record: (hit as { record: MgRecord }).record });
}

/** MG.FACT(subject, field, [kind]): one field of the record a lookup uses (Bloomberg BDP style). */
export function fact(index: RecordIndex, subject: Arg, field: Arg, kind?: Arg): Answer<Cell> {
  const f = fieldArg(field);
  if (isAnswerError(f)) return f;
  const hit = subjectRecord(index, subject, kind, f.value);
  if (isAnswerError(hit)) return hit;
  const { entity, record } = hit.value;
  const v = record[f.value];
  if (Array.isArray(v)) return value(v.join(ORGANIZATION_SEPARATOR));
  if (v === null || v === "") {
    return notAvailable(`The ${describeRecord(record)} of ${entity.name} ("${describeThing(record)}") states no ${f.value.replace("_", " ")}.`);
  }
  return sourced(v, record);
}

/** MG.SOURCE(subject, [kind]): the source URL of the record a lookup uses. */
export function source(index: RecordIndex, subject: Arg, kind?: Arg): Answer<string> {
  const hit = subjectRecord(index, subject, kind, "source_url");
  if (isAnswerError(hit)) return hit;
  const r = hit.value.record;
  if (r.source_url) return value(r.source_url);
  const where = [r.source_title && `"${r.source_title}"`, r.source_outlet, r.source_published].filter(Boolean).join(", ");
  return notAvailable(`The source of this record has no URL: ${where || `source ${r.source_id}`}.`);
}

// ---------------------------------------------------------------------------------------------
// Spilled tables (first row: header)

// The columns of the pane's tables, with their labels and types: a date is an Excel date (serial) with its
// precision in the column beside it ("day", "month", "year"), so a spilled table sorts, filters and pivots
// like an inserted one. A date before 1 March 1900 (which Excel cannot show) stays its ISO text.
export const EVENTS_COLUMNS: readonly ColumnId[] = ["date", "date_precision", "kind", "subject", "organizations", "title", "product", "qualifier", "value", "value_max", "unit", "per", "status", "region", "source_url"];
export const POLICIES_COLUMNS: readonly ColumnId[] = ["date", "date_precision", "date_effective", "date_effective_precision", "title", "code", "subject", "region", "source_url"];
export const PROJECTS_COLUMNS: readonly ColumnId[] = ["date", "date_precision", "kind", "subject", "organizations", "title", "product", "qualifier", "value", "value_max", "unit", "per", "status", "region", "source_url"];

function spillCell(c: TableCell): Cell {
  switch (c.kind) {
    case "empty":
      return "";
    case "text":
      return c.text;
    case "number":
      return c.value;
    case "date":
      return c.date ? c.date.serial : c.iso;
    case "url":
      return c.url;
  }
}

export function toTable(records: readonly MgRecord[], columnIds: readonly ColumnId[]): Table {
  const columns = columnsOf(columnIds);
  const table: Table = new Array(records.length + 1);
  table[0] = columns.map((c) => c.header);
  for (let i = 0; i < records.length; i++) {
    const r = records[i];
    const row: Cell[] = new Array(columns.length);
    for (let c = 0; c < columns.length; c++) row[c] = spillCell(columns[c].cell(r));
    table[i + 1] = row;
  }
  return table;
}

/**
 * Most rows a function spills. Excel on the web refuses responses over 5 MB; a table of this many
 * rows stays well under it. Larger tables belong to the task pane (Insert table writes in chunks).
 */
export const MAX_SPILL_ROWS = 20_000;

function spill(rows: readonly MgRecord[], columns: readonly ColumnId[], fn: string, narrow: string): Answer<Table> {
  if (rows.length > MAX_SPILL_ROWS) {
    return notAvailable(`${rows.length.toLocaleString("en-US")} records match; ${fn} spills at most ${MAX_SPILL_ROWS.toLocaleString("en-US")} rows: narrow by ${narrow}, or insert them as a table from the Magnesium Tracker pane.`);
  }
  return value(toTable(rows, columns));
}

/** A record overlaps [from, to] (YYYY-MM-DD, either open) by its date span; undated never does. */
function inRange(r: MgRecord, from: string | undefined, to: string | undefined): boolean {
  if (!from && !to) return true;
  const span = isoSpan(r.date);
  if (!span) return false;
  const end = r.date_end ? (isoSpan(r.date_end)?.end ?? span.end) : span.end;
  return (!from || end >= from) && (!to || span.start <= to);
}

/** "; 12 undated records are left out by the date range (leave from and to empty to see them)" when a range hid some. */
function undatedLeftOut(base: readonly MgRecord[], from: string | undefined, to: string | undefined): string {
  if (!from && !to) return "";
  let n = 0;
  for (const r of base) if (r.date === "") n++;
  return n === 0 ? "" : `; ${n} undated record${n === 1 ? " is" : "s are"} left out by the date range (leave from and to empty to see ${n === 1 ? "it" : "them"})`;
}

function describeRange(from: string | undefined, to: string | undefined): string {
  if (from && to) return ` between ${from} and ${to}`;
  if (from) return ` from ${from}`;
  if (to) return ` up to ${to}`;
  return "";
}

function rangeArgs(from: Arg, to: Arg): Answer<{ from?: string; to?: string }> {
  const f = dateArg(from, "from", "start");
  if (isAnswerError(f)) return f;
  const t = dateArg(to, "to", "end");
  if (isAnswerError(t)) return t;
  if (f.value && t.value && f.value > t.value) return invalidValue(`from (${f.value}) is after to (${t.value})`);
  return value({ from: f.value, to: t.value });
}

/** MG.EVENTS([kind], [subject], [from], [to]): dated records, most recent first. */
export function events(index: RecordIndex, kind?: Arg, subject?: Arg, from?: Arg, to?: Arg): Answer<Table> {
  const k = kindArg(kind);
  if (isAnswerError(k)) return k;
  const s = textArg(subject, "subject", false);
  if (isAnswerError(s)) return s;
  const range = rangeArgs(from, to);
  if (isAnswerError(range)) return range;
  let base: readonly MgRecord[];
  let entity: Entity | undefined;
  if (s.value) {
    const e = resolve(index, s.value);
    if (isAnswerError(e)) return e;
    entity = e.value;
    base = index.recordsOf(entity, k.value);
  } else {
    base = k.value ? index.recordsOfKind(k.value) : index.records;
  }
  const { from: f, to: t } = range.value;
  const rows = f || t ? base.filter((r) => inRange(r, f, t)) : base;
  if (rows.length === 0) {
    const what = `${k.value ? `${k.value.replace("_", " ")} ` : ""}records${entity ? ` about ${entity.name}` : ""}${describeRange(f, t)}`;
    const total = entity ? entity.records.length : index.records.length;
    return notAvailable(`No ${what}; the data holds ${total} record${total === 1 ? "" : "s"}${entity ? ` about ${entity.name}` : ""} in all${undatedLeftOut(base, f, t)}.`);
  }
  return spill(rows, EVENTS_COLUMNS, "MG.EVENTS", "kind, subject or dates");
}

/**
 * A region argument: any place of the data or of the gazetteer (city, province, country). It matches the
 * records that lie in it: "Shaanxi" takes "Fugu, Shaanxi" and "Yulin, Shaanxi"; "Anhui" a Chaohu company's.
 */
function regionArg(index: RecordIndex, a: Arg): Answer<string | undefined> {
  const r = textArg(a, "region", false);
  if (isAnswerError(r) || r.value === undefined) return r;
  const places = gazetteer();
  const hit = index.resolveRegion(r.value) ?? places.canonical(r.value);
  if (hit === undefined) {
    const known = index.regions();
    return notAvailable(`"${r.value}" is not a region in the data${known.length ? `; regions: ${listQuoted(known.slice(0, 12))}` : ""} (or any province or country they lie in).`);
  }
  return value(hit);
}

/** MG.POLICIES([region], [from], [to]): policy records, most recent first. */
export function policies(index: RecordIndex, region?: Arg, from?: Arg, to?: Arg): Answer<Table> {
  const g = regionArg(index, region);
  if (isAnswerError(g)) return g;
  const range = rangeArgs(from, to);
  if (isAnswerError(range)) return range;
  const { from: f, to: t } = range.value;
  const regionFits = (r: MgRecord) => g.value === undefined || gazetteer().contains(g.value, r);
  const rows = index.recordsOfKind("policy").filter((r) => regionFits(r) && inRange(r, f, t));
  if (rows.length === 0) {
    const inRegion = index.recordsOfKind("policy").filter((r) => g.value === undefined || regionFits(r));
    const standards = index.recordsOfKind("standard").length;
    return notAvailable(`No policies${g.value ? ` for ${g.value}` : ""}${describeRange(f, t)}; the data holds ${index.recordsOfKind("policy").length} policies in all${undatedLeftOut(inRegion, f, t)}${standards ? ` (standards are not policies: MG.EVENTS("standard") lists the ${standards} in the data)` : ""}.`);
  }
  return spill(rows, POLICIES_COLUMNS, "MG.POLICIES", "region or dates");
}

/** MG.PROJECTS([subject], [region]): project and capacity records, most recent first. */
export function projects(index: RecordIndex, subject?: Arg, region?: Arg): Answer<Table> {
  const s = textArg(subject, "subject", false);
  if (isAnswerError(s)) return s;
  const g = regionArg(index, region);
  if (isAnswerError(g)) return g;
  let entity: Entity | undefined;
  let base: readonly MgRecord[];
  if (s.value) {
    const e = resolve(index, s.value);
    if (isAnswerError(e)) return e;
    entity = e.value;
    base = entity.records;
  } else {
    base = index.records;
  }
  const rows = base.filter((r) => (r.kind === "project" || r.kind === "capacity") && (g.value === undefined || gazetteer().contains(g.value, r)));
  if (rows.length === 0) {
    return notAvailable(`No project or capacity records${entity ? ` about ${entity.name}` : ""}${g.value ? ` in ${g.value}` : ""}.`);
  }
  return spill(rows, PROJECTS_COLUMNS, "MG.PROJECTS", "subject or region");
}

/** MG.SUBJECTS([query]): the names the functions know, with their record counts. */
export function subjects(index: RecordIndex, query?: Arg): Answer<Table> {
  const q = textArg(query, "query", false);
  if (isAnswerError(q)) return q;
  let list: readonly Entity[] = index.entities;
  if (q.value) {
    const key = aliasKey(q.value);
    const words = nameTokens(key);
    list = index.memo(`subjects:${key}`, () => {
      const ranked = index.searchSubjects(q.value!);
      const found = new Set(ranked);
      // Words in any order ("magnesium baowu") after the names that contain the query as typed.
      const byWords = index.entities.filter((e) => !found.has(e) && (e.key.includes(key) || words.every((w) => e.aliases.some((a) => normalizeName(a).includes(w)))));
      return [...ranked, ...byWords];
    });
    if (list.length === 0) {
      const close = index.closestNames(q.value, 3);
      return notAvailable(`No subject matches "${q.value}"${close.length ? `. Closest: ${listQuoted(close)}` : ""}.`);
    }
  }
  if (list.length === 0) return notAvailable("The data holds no subjects yet.");
  const table: Table = [["Subject", "Records"]];
  for (const e of list) table.push([e.name, e.records.length]);
  return value(table);
}

/** MG.DATAINFO(): version, as-of date, counts and origin of the data in use. */
export function dataInfo(index: RecordIndex, origin: string): Answer<Table> {
  const d = index.dataset;
  return value([
    ["field", "value"],
    ["version", d.version],
    ["as_of", d.as_of],
    ["records", d.count],
    ["sources", d.sources.length],
    ["origin", origin],
  ]);
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

// ---------------------------------------------------------------------------------------------
// Catalogue: one entry per MG function, used by the adapters, the help page and the CLI.

export interface ParamSpec {
  readonly name: string;
  readonly description: string;
  readonly optional: boolean;
}

export interface FunctionSpec {
  /** Name without the namespace: "WEIGHTSAVING" (the formula is =MG.WEIGHTSAVING(...)). */
  readonly name: string;
  readonly description: string;
  readonly params: readonly ParamSpec[];
  readonly result: "number" | "date" | "text" | "any" | "table";
  readonly example: string;
  /** Call with the index, the origin of the data and the arguments as the spreadsheet passes them. */
  readonly impl: (index: RecordIndex, origin: string, args: readonly Arg[]) => Answer<Cell> | Answer<Table>;
}

const p = (name: string, description: string, optional = false): ParamSpec => ({ name, description, optional });

export const FUNCTION_SPECS: readonly FunctionSpec[] = [
  {
    name: "WEIGHTSAVING",
    description: "Reported weight saving of the subject's part or product: percent as reported (21.8 for 21.8%) or kg.",
    params: [
      p("subject", "Company or organisation, e.g. \"Seres\"."),
      p("unit", "\"%\" (default) or \"kg\".", true),
      p("bound", "For a range: \"low\" (default) or \"high\".", true),
      p("product", "Words of the part or product, when the subject reports several.", true),
      p("exact", "TRUE refuses a qualified figure (\"over 50%\", \"up to 2 kg\"): a bound is not a value. Default FALSE answers its number.", true),
    ],
    result: "number",
    example: '=MG.WEIGHTSAVING("Seres")',
    impl: (i, _o, a) => weightSaving(i, a[0], a[1], a[2], a[3], a[4]),
  },
  {
    name: "CAPACITY",
    description: "Reported capacity in tonnes per year; figures stated per day are not annualised (use per). Operating capacity unless status says planned.",
    params: [
      p("subject", "Company or organisation."),
      p("product", "Words of the product, e.g. \"magnesium hydride\".", true),
      p("bound", "For a range: \"low\" (default) or \"high\".", true),
      p("per", "\"year\" (default), \"day\", \"month\" or \"any\" (as stated).", true),
      p("status", "\"operating\" (default), \"planned\" (targets, plants to come), \"former\" (the figure a reported change replaced) or \"any\".", true),
      p("exact", "TRUE refuses a qualified figure (\"over 100,000 t\"): a bound is not a value. Default FALSE answers its number.", true),
    ],
    result: "number",
    example: '=MG.CAPACITY("Latrobe Magnesium", , , , "planned")',
    impl: (i, _o, a) => capacity(i, a[0], a[1], a[2], a[3], a[4], a[5]),
  },
  {
    name: "POLICYDATE",
    description: "Release date of the most recent policy whose title, code or issuer matches, as an Excel date (month-only dates give the 1st).",
    params: [p("query", "Words of the policy title, its code or its issuer, e.g. \"MIIT\".")],
    result: "date",
    example: '=MG.POLICYDATE("NDRC")',
    impl: (i, _o, a) => policyDate(i, a[0]),
  },
  {
    name: "FACT",
    description: "Any field of the subject's most recent record (of a kind if given): value, unit, date, title, region, qualifier, evidence, source_url...",
    params: [p("subject", "Company or organisation."), p("field", "Field name, e.g. \"evidence\", \"date\", \"source_url\"."), p("kind", "Record kind, e.g. \"weight_saving\", \"policy\".", true)],
    result: "any",
    example: '=MG.FACT("SAIC", "evidence")',
    impl: (i, _o, a) => fact(i, a[0], a[1], a[2]),
  },
  {
    name: "SOURCE",
    description: "Source URL of the record a lookup of the subject uses.",
    params: [p("subject", "Company or organisation."), p("kind", "Record kind, e.g. \"weight_saving\".", true)],
    result: "text",
    example: '=MG.SOURCE("US Magnesium", "capacity")',
    impl: (i, _o, a) => source(i, a[0], a[1]),
  },
  {
    name: "EVENTS",
    description: "Table of records with a header row: dated ones most recent first, then undated ones (a date range leaves those out). Dates are Excel dates with their precision beside them.",
    params: [
      p("kind", "Record kind, e.g. \"event\", \"deal\"; empty for all.", true),
      p("subject", "Company or organisation; empty for all.", true),
      p("from", "Earliest date: an Excel date or text \"2024-07\".", true),
      p("to", "Latest date: an Excel date or text \"2024-12\".", true),
    ],
    result: "table",
    example: '=MG.EVENTS("", "Baowu Magnesium")',
    impl: (i, _o, a) => events(i, a[0], a[1], a[2], a[3]),
  },
  {
    name: "POLICIES",
    description: "Table of policies, most recent first, with a header row.",
    params: [p("region", "Region as in the data, e.g. \"China\"; empty for all.", true), p("from", "Earliest date.", true), p("to", "Latest date.", true)],
    result: "table",
    example: "=MG.POLICIES()",
    impl: (i, _o, a) => policies(i, a[0], a[1], a[2]),
  },
  {
    name: "PROJECTS",
    description: "Table of projects and capacities, most recent first, with a header row.",
    params: [p("subject", "Company or organisation; empty for all.", true), p("region", "Region; empty for all.", true)],
    result: "table",
    example: '=MG.PROJECTS("US Magnesium")',
    impl: (i, _o, a) => projects(i, a[0], a[1]),
  },
  {
    name: "PRICE",
    description: "The price of one series that holds on a day: its most recent price on or before it (default: the latest in the data), the mid of a range unless field says.",
    params: [
      p("product", "Product, e.g. \"magnesium ingot\" or \"Mg ingot 99.9%\"."),
      p("location", "Place, e.g. \"Fugu\"; empty for any.", true),
      p("date", "Day the price should hold for: an Excel date or text \"2025-07-24\"; empty for the latest.", true),
      p("field", "\"mid\" (default), \"low\", \"high\", \"unit\", \"date\", \"source\", \"type\", \"basis\", \"location\", \"grade\" or \"evidence\".", true),
      p("options", "name=value text, separated by \";\": basis, type, currency, unit, grade, source, window (days, default 31); basis, grade or location \"none\" = not stated. E.g. \"basis=FOB; currency=USD\".", true),
    ],
    result: "any",
    example: '=MG.PRICE("magnesium ingot", "Fugu", , , "type=quotation; basis=ex-factory")',
    impl: (i, _o, a) => price(i, a[0], a[1], a[2], a[3], a[4]),
  },
  {
    name: "PRICES",
    description: "Price history with a header row, oldest first: Date (an Excel date), Date precision, Low, High, Mid, Unit, Basis, Location, Type, Grade, Source, Note (sources that differ on a day are both shown, marked).",
    params: [
      p("product", "Product, e.g. \"magnesium ingot\"."),
      p("location", "Place, e.g. \"Fugu\"; empty for any.", true),
      p("from", "Earliest date: an Excel date or text \"2025-07\".", true),
      p("to", "Latest date: an Excel date or text \"2025-12\".", true),
      p("options", "name=value text, separated by \";\": basis, type, currency, unit, grade, source; basis, grade or location \"none\" = not stated.", true),
    ],
    result: "table",
    example: '=MG.PRICES("magnesium ingot", "Fugu")',
    impl: (i, _o, a) => prices(i, a[0], a[1], a[2], a[3], a[4]),
  },
  {
    name: "STANDARD",
    description: "A standard by its code (spacing and case ignored; without its year, the latest edition): title, released, implemented, issuer, source, edition.",
    params: [p("code", "Standard code, e.g. \"GB/T 3499-2023\" or \"GB/T 3499\"."), p("field", "\"title\" (default), \"released\", \"implemented\", \"issuer\", \"source\", \"code\", \"edition\" or \"evidence\".", true)],
    result: "any",
    example: '=MG.STANDARD("GB/T 3499", "implemented")',
    impl: (i, _o, a) => standard(i, a[0], a[1]),
  },
  {
    name: "SUBJECTS",
    description: "The subjects the functions know, with their record counts.",
    params: [p("query", "Part of a name to filter by; empty for all.", true)],
    result: "table",
    example: '=MG.SUBJECTS("baowu")',
    impl: (i, _o, a) => subjects(i, a[0]),
  },
  {
    name: "DATAINFO",
    description: "Version, as-of date, record and source counts and origin (bundled or feed) of the data in use.",
    params: [],
    result: "table",
    example: "=MG.DATAINFO()",
    impl: (i, o) => dataInfo(i, o),
  },
];

const SPEC_BY_NAME = new Map<string, FunctionSpec>(FUNCTION_SPECS.map((f) => [f.name, f]));

/** The spec of "WEIGHTSAVING", "weightsaving" or "MG.WEIGHTSAVING". */
export function functionSpec(name: string): FunctionSpec | undefined {
  return SPEC_BY_NAME.get(name) ?? SPEC_BY_NAME.get(name.trim().toUpperCase().replace(/^MG\./, ""));
}

export type { AnswerError };
