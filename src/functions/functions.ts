// The MG custom functions as Excel sees them. custom-functions-metadata-plugin reads the JSDoc
// below to write functions.json (ids, descriptions, parameters, help URLs) and registers each
// function: keep descriptions in step with FUNCTION_SPECS (the build test compares them).
// Every function is a thin shell: wait for the data (never forever), evaluate through the query
// core, hand back a value or a CustomFunctions.Error. Nothing here throws anything else.
import { startBundledLoad } from "../core/data/bundled";
import { DataSnapshot, sharedStore } from "../core/data/store";
import { isAnswerError } from "../core/query/answer";
import { cardOfAnswer } from "../core/card/card";
import { cleanArgs, evaluateMg } from "./evaluate";
import { toCustomFunctionsError } from "./excelErrors";

/** How long a formula waits for the data at startup before it answers #N/A. */
export const DATA_WAIT_MS = 15_000;

// The build appends `CustomFunctions.associate(...)` calls below this module. Office.js defines
// CustomFunctions, in Excel and in a plain browser alike; should it be missing (Office.js failed to
// load), a stand-in keeps those calls from throwing so the pane's preview still starts.
const g = globalThis as unknown as { CustomFunctions?: { associate?: unknown } };
if (typeof g.CustomFunctions === "undefined") g.CustomFunctions = { associate: () => undefined };

/** How long formulas wait at start-up for the data refreshed in an earlier session to come back. */
export const RESTORE_WAIT_MS = 5_000;

// A dataset refreshed from the feed in an earlier session comes back (verified again) at start-up,
// whether or not the pane is opened, loaded apart so it costs the first screen nothing. Formulas wait
// for it (bounded), so they answer from it at once and the workbook needs no full recalculation; only
// if one had to answer from the bundled data meanwhile are the formulas recalculated afterwards.
let restoreWait: Promise<unknown> = Promise.resolve();
let restoreSettled = true;
let answeredBeforeRestore = false;
if (typeof window !== "undefined" && typeof fetch === "function") {
  void startBundledLoad(sharedStore());
  restoreSettled = false;
  const refresh = import(/* webpackChunkName: "refresh" */ "../taskpane/refresh/shared");
  const restored = refresh
    .then((m) => m.restoreRefreshedData({ recalculate: false }))
    .catch(() => undefined)
    .then(() => {
      restoreSettled = true;
    });
  // one shared deadline for every formula: no timer per call
  restoreWait = Promise.race([restored, new Promise((resolve) => setTimeout(resolve, RESTORE_WAIT_MS))]);
  void restored.then(async () => {
    if (answeredBeforeRestore && sharedStore().current()?.origin === "feed") await (await refresh).recalculateMgFormulas();
  }).catch(() => undefined);
}

async function snapshot(): Promise<DataSnapshot> {
  await restoreWait;
  const store = sharedStore();
  const now = store.current();
  if (now) return now;
  void startBundledLoad(store);
  return store.whenReady(DATA_WAIT_MS);
}

// Cards in cells: a scalar answer goes back as a number with properties (Excel.DoubleCellValue with the record's
// evidence, outlet, dates, URL, id; built by src/core/card) where the host shows data types that custom
// functions return: ExcelApi 1.19 (numbers with properties) and CustomFunctionsRuntime 1.4 (data types from
// custom functions). Elsewhere the plain number, as before. Decided once per runtime, on the first answer
// after Office has its requirements; until then (Office not ready, or no Office at all) plain numbers.
type Requirements = { isSetSupported(name: string, minVersion?: string): boolean };
let cardsDecision: boolean | undefined;

export function cardsSupported(): boolean {
  if (cardsDecision !== undefined) return cardsDecision;
  const office = (globalThis as { Office?: { context?: { requirements?: Requirements } } }).Office;
  let requirements: Requirements | undefined;
  try {
    requirements = office?.context?.requirements;
  } catch {
    requirements = undefined;
  }
  if (!requirements || typeof requirements.isSetSupported !== "function") return false;
  try {
    cardsDecision = requirements.isSetSupported("ExcelApi", "1.19") && requirements.isSetSupported("CustomFunctionsRuntime", "1.4");
  } catch {
    cardsDecision = false;
  }
  return cardsDecision;
}

/** Tests only: forget the decision, so the next answer asks Office's requirements again. */
export function resetCardsDecision(): void {
  cardsDecision = undefined;
}

/** Evaluate an MG function for Excel: resolves with the value (or its card), rejects with a CustomFunctions.Error. */
export async function callForExcel(name: string, args: unknown[]): Promise<any> {
  let snap: DataSnapshot;
  try {
    snap = await snapshot();
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw toCustomFunctionsError({ error: "not_available", message: `No data: ${reason}. Open the Magnesium Tracker pane or recalculate (Ctrl+Alt+F9).` });
  }
  if (!restoreSettled && snap.origin === "bundled") answeredBeforeRestore = true;
  return excelValue(name, args, snap);
}

/**
 * What a function hands Excel once the data is there: the value, or its card where cards are on (`cards`,
 * by default the runtime's decision, asked only for an answer read from a record); throws the
 * CustomFunctions.Error of an error answer. Synchronous: bench/cards.bench.ts times it.
 */
export function excelValue(name: string, args: readonly unknown[], snap: DataSnapshot, cards?: boolean): unknown {
  const answer = evaluateMg(name, args, snap);
  if (isAnswerError(answer)) throw toCustomFunctionsError(answer);
  // the plain path pays one test; a card is built only where the host shows it
  if (answer.record !== undefined && (cards ?? cardsSupported())) return cardOfAnswer(name, cleanArgs(args), answer, snap.index.dataset) ?? answer.value;
  return answer.value;
}

/**
 * Reported weight saving of the subject's part or product: percent as reported (21.8 for 21.8%) or kg.
 * @customfunction WEIGHTSAVING
 * @helpurl https://localhost:3000/help.html#WEIGHTSAVING
 * @param subject Company or organisation, e.g. "Seres".
 * @param [unit] "%" (default) or "kg".
 * @param [bound] For a range: "low" (default) or "high".
 * @param [product] Words of the part or product, when the subject reports several.
 * @param [exact] TRUE refuses a qualified figure ("over 50%", "up to 2 kg"): a bound is not a value. Default FALSE answers its number.
 * @returns The weight saving (with its source card where Excel shows data types).
 */
export function weightSaving(subject: any, unit?: any, bound?: any, product?: any, exact?: any): Promise<number | Excel.DoubleCellValue> {
  return callForExcel("WEIGHTSAVING", [subject, unit, bound, product, exact]);
}

/**
 * Reported capacity in tonnes per year; figures stated per day are not annualised (use per). Operating capacity unless status says planned.
 * @customfunction CAPACITY
 * @helpurl https://localhost:3000/help.html#CAPACITY
 * @param subject Company or organisation.
 * @param [product] Words of the product, e.g. "magnesium hydride".
 * @param [bound] For a range: "low" (default) or "high".
 * @param [per] "year" (default), "day", "month" or "any" (as stated).
 * @param [status] "operating" (default), "planned" (targets, plants to come), "former" (the figure a reported change replaced) or "any".
 * @param [exact] TRUE refuses a qualified figure ("over 100,000 t"): a bound is not a value. Default FALSE answers its number.
 * @returns Capacity in tonnes (with its source card where Excel shows data types).
 */
export function capacity(subject: any, product?: any, bound?: any, per?: any, status?: any, exact?: any): Promise<number | Excel.DoubleCellValue> {
  return callForExcel("CAPACITY", [subject, product, bound, per, status, exact]);
}

/**
 * Release date of the most recent policy whose title, code or issuer matches, as an Excel date (month-only dates give the 1st).
 * @customfunction POLICYDATE
 * @helpurl https://localhost:3000/help.html#POLICYDATE
 * @param query Words of the policy title, its code or its issuer, e.g. "MIIT".
 * @returns Excel date serial: format the cell as a date (with its source card, shown as a date, where Excel shows data types).
 */
export function policyDate(query: any): Promise<number | Excel.DoubleCellValue> {
  return callForExcel("POLICYDATE", [query]);
}

/**
 * Any field of the subject's most recent record (of a kind if given): value, unit, date, title, region, qualifier, evidence, source_url...
 * @customfunction FACT
 * @helpurl https://localhost:3000/help.html#FACT
 * @param subject Company or organisation.
 * @param field Field name, e.g. "evidence", "date", "source_url".
 * @param [kind] Record kind, e.g. "weight_saving", "policy".
 * @returns The field's value.
 */
export function fact(subject: any, field: any, kind?: any): Promise<any> {
  return callForExcel("FACT", [subject, field, kind]);
}

/**
 * Source URL of the record a lookup of the subject uses.
 * @customfunction SOURCE
 * @helpurl https://localhost:3000/help.html#SOURCE
 * @param subject Company or organisation.
 * @param [kind] Record kind, e.g. "weight_saving".
 * @returns The source URL.
 */
export function source(subject: any, kind?: any): Promise<string> {
  return callForExcel("SOURCE", [subject, kind]);
}

/**
 * Table of records with a header row: dated ones most recent first, then undated ones (a date range leaves those out). Dates are Excel dates with their precision beside them.
 * @customfunction EVENTS
 * @helpurl https://localhost:3000/help.html#EVENTS
 * @param [kind] Record kind, e.g. "event", "deal"; empty for all.
 * @param [subject] Company or organisation; empty for all.
 * @param [from] Earliest date: an Excel date or text "2024-07".
 * @param [to] Latest date: an Excel date or text "2024-12".
 * @returns A table with a header row.
 */
export function events(kind?: any, subject?: any, from?: any, to?: any): Promise<any[][]> {
  return callForExcel("EVENTS", [kind, subject, from, to]);
}

/**
 * Table of policies, most recent first, with a header row.
 * @customfunction POLICIES
 * @helpurl https://localhost:3000/help.html#POLICIES
 * @param [region] Region as in the data, e.g. "China"; empty for all.
 * @param [from] Earliest date.
 * @param [to] Latest date.
 * @returns A table with a header row.
 */
export function policies(region?: any, from?: any, to?: any): Promise<any[][]> {
  return callForExcel("POLICIES", [region, from, to]);
}

/**
 * Table of projects and capacities, most recent first, with a header row.
 * @customfunction PROJECTS
 * @helpurl https://localhost:3000/help.html#PROJECTS
 * @param [subject] Company or organisation; empty for all.
 * @param [region] Region; empty for all.
 * @returns A table with a header row.
 */
export function projects(subject?: any, region?: any): Promise<any[][]> {
  return callForExcel("PROJECTS", [subject, region]);
}

/**
 * The price of one series that holds on a day: its most recent price on or before it (default: the latest in the data), the mid of a range unless field says.
 * @customfunction PRICE
 * @helpurl https://localhost:3000/help.html#PRICE
 * @param product Product, e.g. "magnesium ingot" or "Mg ingot 99.9%".
 * @param [location] Place, e.g. "Fugu"; empty for any.
 * @param [date] Day the price should hold for: an Excel date or text "2025-07-24"; empty for the latest.
 * @param [field] "mid" (default), "low", "high", "unit", "date", "source", "type", "basis", "location", "grade" or "evidence".
 * @param [options] name=value text, separated by ";": basis, type, currency, unit, grade, source, window (days, default 31); basis, grade or location "none" = not stated. E.g. "basis=FOB; currency=USD".
 * @returns The price (or the field asked for).
 */
export function price(product: any, location?: any, date?: any, field?: any, options?: any): Promise<any> {
  return callForExcel("PRICE", [product, location, date, field, options]);
}

/**
 * Price history with a header row, oldest first: Date (an Excel date), Date precision, Low, High, Mid, Unit, Basis, Location, Type, Grade, Source, Note (sources that differ on a day are both shown, marked).
 * @customfunction PRICES
 * @helpurl https://localhost:3000/help.html#PRICES
 * @param product Product, e.g. "magnesium ingot".
 * @param [location] Place, e.g. "Fugu"; empty for any.
 * @param [from] Earliest date: an Excel date or text "2025-07".
 * @param [to] Latest date: an Excel date or text "2025-12".
 * @param [options] name=value text, separated by ";": basis, type, currency, unit, grade, source; basis, grade or location "none" = not stated.
 * @returns A table with a header row.
 */
export function prices(product: any, location?: any, from?: any, to?: any, options?: any): Promise<any[][]> {
  return callForExcel("PRICES", [product, location, from, to, options]);
}

/**
 * A standard by its code (spacing and case ignored; without its year, the latest edition): title, released, implemented, issuer, source, edition.
 * @customfunction STANDARD
 * @helpurl https://localhost:3000/help.html#STANDARD
 * @param code Standard code, e.g. "GB/T 3499-2023" or "GB/T 3499".
 * @param [field] "title" (default), "released", "implemented", "issuer", "source", "code", "edition" or "evidence".
 * @returns The field asked for.
 */
export function standard(code: any, field?: any): Promise<any> {
  return callForExcel("STANDARD", [code, field]);
}

/**
 * The subjects the functions know, with their record counts.
 * @customfunction SUBJECTS
 * @helpurl https://localhost:3000/help.html#SUBJECTS
 * @param [query] Part of a name to filter by; empty for all.
 * @returns A table with a header row.
 */
export function subjects(query?: any): Promise<any[][]> {
  return callForExcel("SUBJECTS", [query]);
}

/**
 * Version, as-of date, record and source counts and origin (bundled or feed) of the data in use.
 * @customfunction DATAINFO
 * @helpurl https://localhost:3000/help.html#DATAINFO
 * @returns A table with a header row.
 */
export function dataInfo(): Promise<any[][]> {
  return callForExcel("DATAINFO", []);
}
