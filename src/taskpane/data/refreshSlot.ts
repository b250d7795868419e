// The slot for the feed refresh panel (src/taskpane/refresh/RefreshPanel.tsx, default export, built
// with the feed issue). Resolved through webpack's require.context so the pane builds and runs with or
// without that file; outside webpack (jest) there is no panel.
import type { ComponentType } from "react";
import type { PaneMode } from "../host";

type PanelModule = { default: ComponentType<{ mode: PaneMode }> };
type WebpackContext = { keys(): string[]; (id: string): Promise<PanelModule> };
declare const require: NodeJS.Require & { context?: (dir: string, deep: boolean, filter: RegExp, mode: "lazy") => WebpackContext };

export function refreshPanelLoader(): (() => Promise<PanelModule>) | null {
  try {
    // webpack replaces this call with the (possibly empty) set of matching files; jest has no require.context
    const ctx = require.context!("../refresh", false, /^\.\/RefreshPanel\.tsx$/, "lazy");
    const key = ctx.keys()[0];
    return key ? () => ctx(key) : null;
  } catch {
    return null;
  }
}
