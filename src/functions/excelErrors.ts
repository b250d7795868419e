// Answers -> what a custom function hands to Excel. Only #VALUE! and #N/A carry a message.
import type { AnswerError } from "../core/query/answer";

/** Excel shows at most this much of an error message in the cell's tooltip. */
export const MAX_ERROR_MESSAGE = 255;

export function clipMessage(message: string): string {
  return message.length <= MAX_ERROR_MESSAGE ? message : `${message.slice(0, MAX_ERROR_MESSAGE - 1)}…`;
}

/** The CustomFunctions.Error for an answer error (needs the Office custom functions runtime). */
export function toCustomFunctionsError(e: AnswerError): CustomFunctions.Error | Error {
  if (typeof CustomFunctions === "undefined" || typeof CustomFunctions.Error !== "function") return new Error(clipMessage(e.message));
  const code = e.error === "invalid_value" ? CustomFunctions.ErrorCode.invalidValue : CustomFunctions.ErrorCode.notAvailable;
  return new CustomFunctions.Error(code, clipMessage(e.message));
}

/** "#N/A" or "#VALUE!", as Excel displays the error. */
export function excelErrorLabel(e: AnswerError): "#N/A" | "#VALUE!" {
  return e.error === "invalid_value" ? "#VALUE!" : "#N/A";
}
