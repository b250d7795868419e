// Task pane entry: render at once in preview, then switch to Excel mode when Office.onReady says so.
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { detectMode, officeThemeIsDark, previewThemeIsDark } from "./host";

const el = document.getElementById("root");
if (el) {
  const root = createRoot(el);
  const previewDark = previewThemeIsDark(location.search, window.matchMedia?.bind(window));
  void detectMode().then((mode) => {
    const dark = mode === "excel" ? (officeThemeIsDark() ?? false) : previewDark;
    document.documentElement.dataset.mode = mode;
    root.render(<App mode={mode} dark={dark} />);
  });
}
