// Where the pane runs: inside Excel (Office.onReady reports host Excel) or in a plain browser, where
// Office.onReady reports host null and the pane runs in preview mode (browse, download, copy).
export type PaneMode = "excel" | "preview";

/** Office.onReady, or preview when office.js is absent or never answers (a page opened from disk). */
export async function detectMode(timeoutMs = 4000): Promise<PaneMode> {
  const office = (globalThis as { Office?: typeof Office }).Office;
  if (!office || typeof office.onReady !== "function") return "preview";
  const info = await Promise.race([
    office.onReady().catch(() => null),
    new Promise<null>((resolve) => setTimeout(() => resolve(null), timeoutMs)),
  ]);
  return info && info.host === office.HostType.Excel ? "excel" : "preview";
}

/** Relative luminance of a #rrggbb colour, 0 (black) .. 1 (white). */
export function luminance(hex: string): number {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) return 1;
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Dark when Office's body background is dark (Office themes: Black, Dark Gray). */
export function officeThemeIsDark(): boolean | undefined {
  const theme = (globalThis as { Office?: typeof Office }).Office?.context?.officeTheme;
  if (!theme?.bodyBackgroundColor) return undefined;
  return luminance(theme.bodyBackgroundColor) < 0.2;
}

/** Preview mode: ?theme=dark|light wins, then the browser's prefers-color-scheme. */
export function previewThemeIsDark(search: string, matchMedia?: (q: string) => { matches: boolean }): boolean {
  const t = new URLSearchParams(search).get("theme");
  if (t === "dark") return true;
  if (t === "light") return false;
  return Boolean(matchMedia?.("(prefers-color-scheme: dark)").matches);
}
