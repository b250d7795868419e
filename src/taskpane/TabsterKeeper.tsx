// Keeps one Tabster instance (Fluent's focus engine: dialogs' focus trap and aria-hidden of what is
// behind them, arrow keys in comboboxes) alive for the page's lifetime. Fluent creates and disposes it
// with the components that use it; the pane's first screen has none (see SectionTabs.tsx), so without a
// keeper the engine would be disposed when the last dialog closes and could leave the page behind it
// hidden from screen readers and role queries. Loaded after the first render, never on the first load.
import { useFocusFinders } from "@fluentui/react-components";

export default function TabsterKeeper() {
  useFocusFinders();
  return null;
}
