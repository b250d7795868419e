// A source card for a cell: the number a scalar MG function answers, together with the record it was read
// from, as a plain object shaped like Office's `Excel.DoubleCellValue` (a "number with properties",
// ExcelApi 1.19). The cell stays a number (SUM and charts see `basicValue`); its card shows the value and
// unit, the evidence sentence, the outlet, the dates, the URL, the record id and the dataset version.
//
// No Office import here (src/core runs in Node and the browser alike): test/functions/card-types.test.ts
// assigns these objects to `Excel.DoubleCellValue` variables, so `tsc` holds the shape to @types/office-js.
// Built from the record only: every text on the card is a field of the record or of the dataset.
import type { MgRecord } from "../model/record";
import { datePrecision } from "../model/dates";
import { DATE_FORMATS } from "../table/dates";
import { safeHttpUrl } from "../table/cells";
import { describeThing, describeValue } from "../query/format";
import type { AnswerValue } from "../query/answer";
import type { Arg } from "../query/args";

/** The provider shown on every card (`provider.description`: Excel shows it where a logo would be). */
export const CARD_PROVIDER = "Magnesium Tracker";

/** The scalar functions whose numeric answers can carry a card. Spills and text answers stay plain. */
export const CARD_FUNCTIONS: readonly string[] = ["WEIGHTSAVING", "CAPACITY", "POLICYDATE", "FACT", "PRICE"];

export interface CardAttribution {
  sourceAddress?: string;
  sourceText?: string;
}

export interface CardPropertyMetadata {
  sublabel?: string;
  attribution?: CardAttribution[];
}

/** A text property (`Excel.StringCellValue` with its metadata). */
export interface CardText {
  type: "String";
  basicType: "String";
  basicValue: string;
  propertyMetadata?: CardPropertyMetadata;
}

/** A number property (`Excel.DoubleCellValue` with its metadata). */
export interface CardNumber {
  type: "Double";
  basicType: "Double";
  basicValue: number;
  numberFormat?: string;
  propertyMetadata?: CardPropertyMetadata;
}

export type CardProperty = CardText | CardNumber;

/** A section of the card (`Excel.CardLayoutListSection`). */
export interface CardSection {
  layout: "List";
  title?: string;
  collapsible?: boolean;
  collapsed?: boolean;
  properties: string[];
}

/** The cell value: `Excel.DoubleCellValue` with `properties`, `layouts.card` and `provider`. */
export interface SourceCard {
  type: "Double";
  basicType: "Double";
  basicValue: number;
  /** Dates only (POLICYDATE, PRICE's "date"): the format of the date's precision, as the tables use. */
  numberFormat?: string;
  properties: Record<string, CardProperty>;
  layouts: { card: { layout: "Entity"; title: string; sections: CardSection[] } };
  provider: { description: string };
}

/** What the card says about the data in use. */
export interface CardDataset {
  readonly version: string;
  readonly as_of: string;
}

/** The names of the card's properties (also what `=A1.Evidence` or `=A1.[Record ID]` reads in Excel). */
export const CARD_PROPERTY = {
  value: "Value",
  unit: "Unit",
  reported: "As reported",
  date: "Date",
  evidence: "Evidence",
  outlet: "Outlet",
  source: "Source",
  published: "Published",
  url: "URL",
  id: "Record ID",
  version: "Dataset version",
  asOf: "As of",
} as const;

const P = CARD_PROPERTY;

function text(v: string, meta?: CardPropertyMetadata): CardText {
  return meta ? { type: "String", basicType: "String", basicValue: v, propertyMetadata: meta } : { type: "String", basicType: "String", basicValue: v };
}

/** How the answered number reads: its unit, and the words for what it is. */
interface Reading {
  what: string;
  unit: string;
  /** The sublabel of the value on the card (unit, or the date's precision). */
  sublabel: string;
  /** Set for an Excel date: the number format of the record date's precision. */
  numberFormat?: string;
}

const PERCENT = /^(?:%|percent|pct)$/i;

function perUnit(unit: string, per: string): string {
  return per ? `${unit}/${per}` : unit;
}

function dateReading(what: string, iso: string): Reading {
  const precision = datePrecision(iso);
  const numberFormat = precision ? DATE_FORMATS[precision] : DATE_FORMATS.day;
  return { what, unit: "", sublabel: precision === "month" ? "Excel date (month precision: the 1st stands for the month)" : "Excel date", numberFormat };
}

function reading(fn: string, args: readonly Arg[], value: number, r: MgRecord): Reading {
  switch (fn) {
    case "WEIGHTSAVING": {
      const unit = PERCENT.test(r.unit.trim()) ? "%" : "kg";
      return { what: "Weight saving", unit, sublabel: unit };
    }
    case "CAPACITY": {
      // The answer is in tonnes (a "kt" figure is multiplied out): the unit says so, "As reported" shows the figure as written.
      const unit = perUnit("t", r.per);
      const what = r.status === "planned" ? "Planned capacity" : r.status === "former" ? "Former capacity" : "Capacity";
      return { what, unit, sublabel: r.per ? unit : "t (no period stated)" };
    }
    case "POLICYDATE":
      return dateReading("Policy release date", r.date);
    case "PRICE": {
      const field = typeof args[3] === "string" ? args[3].trim().toLowerCase() : "";
      if (field === "date") return dateReading("Price date", r.date);
      const which = field === "low" || field === "high" ? field : "mid";
      const ranged = r.value_max !== null && r.value_max !== r.value;
      return { what: ranged ? `Price (${which} of the range)` : "Price", unit: r.unit, sublabel: ranged ? `${r.unit}, ${which}` : r.unit };
    }
    default: {
      // FACT's numeric fields: value or value_max
      const high = r.value_max !== null && value === r.value_max && value !== r.value;
      const unit = perUnit(r.unit, r.per);
      return { what: high ? `${kindLabel(r)} (high end)` : kindLabel(r), unit, sublabel: unit };
    }
  }
}

function kindLabel(r: MgRecord): string {
  const k = r.kind.replace("_", " ");
  return k.charAt(0).toUpperCase() + k.slice(1);
}

function titleOf(what: string, r: MgRecord): string {
  const thing = describeThing(r);
  const about = r.subject && thing && thing !== r.subject ? `${r.subject}, ${thing}` : r.subject || thing;
  const place = r.kind === "price" && r.region ? ` (${r.region})` : "";
  return about ? `${what}: ${about}${place}` : what;
}

const MAIN: readonly string[] = [P.value, P.unit, P.reported, P.date];
const SOURCE: readonly string[] = [P.evidence, P.outlet, P.source, P.published, P.url];
const PROVENANCE: readonly string[] = [P.id, P.version, P.asOf];

/** The card's sections: what the card shows, in order; a property the record leaves empty is not shown (it is still there for =A1.Outlet). */
function sections(properties: Record<string, CardProperty>): CardSection[] {
  const shown = (names: readonly string[]) => names.filter((n) => properties[n] !== undefined && properties[n].basicValue !== "");
  return [
    { layout: "List", properties: shown(MAIN) },
    { layout: "List", title: "Source", properties: shown(SOURCE) },
    { layout: "List", title: "Provenance", collapsible: true, collapsed: true, properties: shown(PROVENANCE) },
  ];
}

/**
 * The card of one answer: `value` is the number the function answers (the card's `basicValue`, exactly the
 * plain answer), `record` the record it was read from. Cards are cached (cardOfAnswer): treat them as read-only.
 */
export function sourceCard(fn: string, args: readonly Arg[], value: number, record: MgRecord, data: CardDataset): SourceCard {
  const how = reading(fn, args, value, record);
  const url = safeHttpUrl(record.source_url);
  const attribution: CardAttribution = {};
  if (url) attribution.sourceAddress = url;
  const sourceText = record.source_outlet || record.source_title;
  if (sourceText) attribution.sourceText = sourceText;
  const valueProp: CardNumber = { type: "Double", basicType: "Double", basicValue: value, propertyMetadata: { sublabel: how.sublabel } };
  if (how.numberFormat) valueProp.numberFormat = how.numberFormat;
  const properties: Record<string, CardProperty> = { [P.value]: valueProp };
  if (!how.numberFormat) properties[P.unit] = text(how.unit);
  Object.assign(properties, {
    [P.reported]: text(how.numberFormat ? record.date : describeValue(record)),
    [P.date]: text(record.date),
    [P.evidence]: text(record.evidence, attribution.sourceAddress || attribution.sourceText ? { attribution: [attribution] } : undefined),
    [P.outlet]: text(record.source_outlet),
    [P.source]: text(record.source_title),
    [P.published]: text(record.source_published),
    [P.url]: text(record.source_url),
    [P.id]: text(record.id),
    [P.version]: text(data.version),
    [P.asOf]: text(data.as_of),
  });
  const card: SourceCard = {
    type: "Double",
    basicType: "Double",
    basicValue: value,
    properties,
    layouts: { card: { layout: "Entity", title: titleOf(how.what, record), sections: sections(properties) } },
    provider: { description: CARD_PROVIDER },
  };
  if (how.numberFormat) card.numberFormat = how.numberFormat;
  return card;
}

// A column of formulas asks for the same few records again and again: each card is built once per record,
// function, argument reading and value (a record belongs to one dataset, so the version cannot differ).
const cache = new WeakMap<MgRecord, Map<string, SourceCard>>();

/**
 * The card for an answer of a scalar MG function, or undefined when the answer is no card's: a spill, text,
 * a function that is not scalar, an answer that names no record. `args` are the arguments as the function
 * read them (null for an omitted one).
 */
export function cardOfAnswer(fn: string, args: readonly Arg[], answer: AnswerValue<unknown>, data: CardDataset): SourceCard | undefined {
  const { value, record } = answer;
  if (typeof value !== "number" || !record || !CARD_FUNCTIONS.includes(fn)) return undefined;
  const key = `${fn}\u0000${fn === "PRICE" && typeof args[3] === "string" ? args[3].trim().toLowerCase() : ""}\u0000${value}\u0000${data.version}`;
  let perRecord = cache.get(record);
  if (!perRecord) cache.set(record, (perRecord = new Map()));
  let card = perRecord.get(key);
  if (!card) {
    card = sourceCard(fn, args, value, record, data);
    if (perRecord.size < 64) perRecord.set(key, card);
  }
  return card;
}
