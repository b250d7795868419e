// What the query core answers: a value, or an error a spreadsheet can show. No Office types here:
// src/functions turns these into Excel values and CustomFunctions.Error.
import type { MgRecord } from "../model/record";

/** "not_available" becomes #N/A (no such fact), "invalid_value" becomes #VALUE! (bad argument). */
export type AnswerErrorKind = "not_available" | "invalid_value";

export interface AnswerError {
  readonly error: AnswerErrorKind;
  readonly message: string;
  /** Set when exact TRUE refused a qualified figure: its qualifier ("over") and the figure as written. */
  readonly bound?: { readonly qualifier: string; readonly figure: string };
}

export interface AnswerValue<T> {
  readonly value: T;
  /** The record a scalar answer was read from (its provenance: src/core/card builds the cell's card from it). */
  readonly record?: MgRecord;
}

export type Answer<T> = AnswerValue<T> | AnswerError;

/** A cell of a spilled table. Missing values are "" (an empty-looking cell), never 0. */
export type Cell = string | number;
/** A spilled table: the first row is the header. */
export type Table = Cell[][];

export function isAnswerError<A extends AnswerValue<unknown> | AnswerError>(a: A): a is Extract<A, AnswerError> {
  return (a as AnswerError).error !== undefined;
}

export function value<T>(v: T): AnswerValue<T> {
  return { value: v };
}

/** A value read from one record. */
export function sourced<T>(v: T, record: MgRecord): AnswerValue<T> {
  return { value: v, record };
}

export function notAvailable(message: string): AnswerError {
  return { error: "not_available", message };
}

export function invalidValue(message: string): AnswerError {
  return { error: "invalid_value", message };
}
