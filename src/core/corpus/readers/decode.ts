// Bytes -> text, or a clear reason why not. Never guesses an encoding: UTF-8 (with or without BOM) and
// UTF-16 with a byte-order mark are read; anything else is reported so a person can re-save the file.
// Browser-safe: TextDecoder only. UTF-16 can hold a lone surrogate, which is read as U+FFFD with a
// problem line saying where (src/core/model/unicode.ts); UTF-8 cannot (the strict decoder refuses it).
import { cleanedClause, describeLoneSurrogates, loneSurrogates, toWellFormedText } from "../../model/unicode";

export const DEFAULT_MAX_BYTES = 8 * 1024 * 1024;

/** `problem`: the text was read, but something in it was replaced (a lone surrogate in UTF-16). */
export type DecodeResult = { ok: true; text: string; problem?: string } | { ok: false; message: string };

/** Human size: "20.0 MB", "512 KB", "17 bytes". */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} bytes`;
}

/** The message for an input over the size limit (also used by callers that check the size before reading). */
export function tooLargeMessage(size: number, maxBytes: number): string {
  return `is ${formatBytes(size)}, over the limit of ${formatBytes(maxBytes)} per article (raise it with --max-bytes)`;
}

// Signatures of common binary formats people drop into a folder by mistake.
const MAGIC: [string, number[]][] = [
  ["a PDF file", [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ["a ZIP/Office document", [0x50, 0x4b, 0x03, 0x04]],
  ["a PNG image", [0x89, 0x50, 0x4e, 0x47]],
  ["a JPEG image", [0xff, 0xd8, 0xff]],
  ["a GIF image", [0x47, 0x49, 0x46, 0x38]],
  ["a gzip archive", [0x1f, 0x8b]],
];

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  if (bytes.length < sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (bytes[i] !== sig[i]) return false;
  return true;
}

/** UTF-16 code units as they are, lone surrogates kept (TextDecoder would refuse or replace them silently). */
function utf16Units(body: Uint8Array, littleEndian: boolean): string {
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  const units = body.byteLength / 2;
  const CHUNK = 8192;
  const codes = new Uint16Array(CHUNK);
  let text = "";
  for (let i = 0; i < units; i += CHUNK) {
    const n = Math.min(CHUNK, units - i);
    for (let k = 0; k < n; k++) codes[k] = view.getUint16((i + k) * 2, littleEndian);
    text += String.fromCharCode.apply(null, Array.from(codes.subarray(0, n)));
  }
  return text;
}

function decodeUtf16(bytes: Uint8Array, encoding: "utf-16le" | "utf-16be"): DecodeResult {
  if ((bytes.length - 2) % 2 !== 0) {
    return { ok: false, message: `starts with a UTF-16 byte-order mark but has an odd number of bytes; re-save it as UTF-8` };
  }
  try {
    const text = new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(2));
    return { ok: true, text };
  } catch {
    // With an even number of bytes, only a lone surrogate makes UTF-16 invalid: read the rest, say where.
    const raw = utf16Units(bytes.subarray(2), encoding === "utf-16le");
    const found = loneSurrogates(raw);
    if (!found) return { ok: false, message: `is not valid ${encoding.toUpperCase()} despite its byte-order mark; re-save it as UTF-8` };
    return { ok: true, text: toWellFormedText(raw), problem: cleanedClause([`its ${encoding.toUpperCase()} text ${describeLoneSurrogates(found)}`]) };
  }
}

/** Position of the first byte that breaks UTF-8, for the error message. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    let need: number;
    if (b < 0x80) need = 0;
    else if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) need = 2;
    else if (b >= 0xf0 && b <= 0xf4) need = 3;
    else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    // the second byte's narrower ranges: no overlong form, no surrogate (ED A0..BF), nothing past U+10FFFF
    const c1 = bytes[i + 1];
    if ((b === 0xe0 && c1 < 0xa0) || (b === 0xed && c1 > 0x9f) || (b === 0xf0 && c1 < 0x90) || (b === 0xf4 && c1 > 0x8f)) return i;
    i += need + 1;
  }
  return -1;
}

/**
 * Decode one input. Checks, in order: size limit, empty, UTF-16 BOM, binary signatures and NUL bytes,
 * control characters, UTF-8 validity. Line endings are normalised to "\n".
 */
export function decodeInput(bytes: Uint8Array, maxBytes: number = DEFAULT_MAX_BYTES): DecodeResult {
  if (bytes.length > maxBytes) return { ok: false, message: tooLargeMessage(bytes.length, maxBytes) };
  if (bytes.length === 0) return { ok: false, message: "is empty (0 bytes)" };

  let result: DecodeResult;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) result = decodeUtf16(bytes, "utf-16le");
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) result = decodeUtf16(bytes, "utf-16be");
  else {
    for (const [what, sig] of MAGIC) {
      if (startsWith(bytes, sig)) return { ok: false, message: `is a binary file (${what}), not article text` };
    }
    let control = 0;
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i];
      if (b === 0) {
        return {
          ok: false,
          message: "is a binary file (contains NUL bytes), or UTF-16 text without a byte-order mark; if it is text, re-save it as UTF-8",
        };
      }
      if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) || b === 0x7f) control++;
    }
    if (control > 0 && control / bytes.length > 0.01) {
      return { ok: false, message: `is a binary file (${control} control bytes), not article text` };
    }
    const body = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? bytes.subarray(3) : bytes;
    try {
      result = { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(body) };
    } catch {
      const at = firstInvalidUtf8(body);
      const where = at >= 0 ? ` (byte 0x${body[at].toString(16).toUpperCase().padStart(2, "0")} at offset ${at + bytes.length - body.length})` : "";
      return { ok: false, message: `is not UTF-8${where}; it may be Latin-1/Windows-1252 or another legacy encoding: re-save it as UTF-8` };
    }
  }
  if (!result.ok) return result;
  const text = result.text.replace(/\r\n?/g, "\n");
  if (text.trim() === "") return { ok: false, message: "is empty (only whitespace)" };
  return result.problem ? { ok: true, text, problem: result.problem } : { ok: true, text };
}
