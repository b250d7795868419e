// Why a fetch failed, in words a user can act on: Node (undici) and browsers report network
// failures as a TypeError whose cause chain may carry a system error code.
const NETWORK_REASONS: Record<string, string> = {
  ECONNREFUSED: "the connection was refused",
  ENOTFOUND: "the host name was not found",
  EAI_AGAIN: "the host name could not be resolved",
  ECONNRESET: "the connection was reset",
  EHOSTUNREACH: "the host is unreachable",
  ENETUNREACH: "the network is unreachable",
  ENOENT: "there is no such file",
  UND_ERR_SOCKET: "the connection was closed",
};

/** The reason for a failed fetch, or `fallback` when the error names no known cause. */
export function networkReason(e: unknown, fallback: string): string {
  let cur: unknown = e;
  for (let depth = 0; depth < 4 && cur; depth++) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === "string" && NETWORK_REASONS[code]) return NETWORK_REASONS[code];
    cur = (cur as { cause?: unknown }).cause;
  }
  return fallback;
}
