// The one error type of the feed: every failure of publishing, checking or refreshing a feed becomes a
// FeedError whose message is ONE sentence a user can act on (it is shown as is in the pane and the CLI).
// `code` lets the host tell "nothing to do" (up_to_date) and a cancellation from real failures.

export type FeedErrorCode =
  | "invalid_url"
  | "offline"
  | "timeout"
  | "cancelled"
  | "http"
  | "too_large"
  | "size_mismatch"
  | "checksum"
  | "not_utf8"
  | "manifest"
  | "schema_version"
  | "empty"
  | "csv"
  | "invalid_row"
  | "mismatch"
  | "up_to_date"
  | "downgrade"
  | "publish"
  | "internal";

export class FeedError extends Error {
  readonly code: FeedErrorCode;
  constructor(code: FeedErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "FeedError";
    this.code = code;
  }
}

/** The one sentence for a refresh cancelled by the user, wherever it stopped. */
export const CANCELLED_MESSAGE = "The refresh was cancelled, so the data in use is unchanged.";

export function isFeedError(e: unknown): e is FeedError {
  return e instanceof FeedError;
}

/** Anything thrown that is not already a FeedError (a bug, an engine error) still reaches the user as one sentence. */
export function asFeedError(e: unknown): FeedError {
  if (e instanceof FeedError) return e;
  const detail = e instanceof Error ? e.message : String(e);
  return new FeedError("internal", `The feed could not be read because of an unexpected error (${oneLine(detail, 160)}).`, { cause: e });
}

/** Shortens text quoted inside a message and keeps it on one line. */
export function oneLine(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** Formats a byte count for messages ("12.3 MB"). */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}
