// The pane's three section tabs: a WAI-ARIA tab list (role tablist/tab, aria-selected, one tab in the
// Tab order, arrow keys / Home / End move between tabs, Enter or Space chooses one), styled with
// Fluent's tokens like a small Fluent Tab. Fluent's own TabList is not used here because it brings
// its tab styles, the animated indicator and the Tabster focus engine (~23 KB gzip together) into the
// pane's first load, for three tabs. Fluent components loaded later (dialogs, comboboxes) bring Tabster
// themselves.
import { KeyboardEvent, useRef, useState } from "react";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  list: { display: "flex", gap: tokens.spacingHorizontalXS, padding: `0 ${tokens.spacingHorizontalS}` },
  tab: {
    position: "relative",
    border: "none",
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorTransparentBackground,
    color: tokens.colorNeutralForeground2,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    padding: `${tokens.spacingVerticalSNudge} ${tokens.spacingHorizontalSNudge}`,
    cursor: "pointer",
    ":hover": { color: tokens.colorNeutralForeground2Hover, backgroundColor: tokens.colorSubtleBackgroundHover },
    ":active": { backgroundColor: tokens.colorSubtleBackgroundPressed },
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
    // the selection bar under the chosen tab, as in Fluent's TabList
    "::after": {
      content: '""',
      position: "absolute",
      left: tokens.spacingHorizontalSNudge,
      right: tokens.spacingHorizontalSNudge,
      bottom: 0,
      height: tokens.strokeWidthThicker,
      borderRadius: tokens.borderRadiusCircular,
      backgroundColor: tokens.colorTransparentStroke,
    },
    "@media (forced-colors: active)": { "::after": { backgroundColor: "transparent" } },
  },
  selected: {
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    ":hover": { color: tokens.colorNeutralForeground1Hover },
    "::after": { backgroundColor: tokens.colorCompoundBrandStroke },
    "@media (forced-colors: active)": { "::after": { backgroundColor: "Highlight" } },
  },
});

export interface SectionTab<T extends string> {
  value: T;
  label: string;
}

export interface SectionTabsProps<T extends string> {
  tabs: readonly SectionTab<T>[];
  selected: T;
  onSelect(value: T): void;
  /** id of the tab panel the tabs control. */
  panelId: string;
  "aria-label": string;
}

export function SectionTabs<T extends string>({ tabs, selected, onSelect, panelId, "aria-label": label }: SectionTabsProps<T>) {
  const cls = useStyles();
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  // The one tab reachable with Tab: the focused one while arrowing, else the selected one.
  const [focusIndex, setFocusIndex] = useState<number | null>(null);
  const selectedIndex = Math.max(0, tabs.findIndex((t) => t.value === selected));
  const active = focusIndex ?? selectedIndex;

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const n = tabs.length;
    const at = refs.current.findIndex((el) => el === document.activeElement);
    if (at < 0) return;
    const next = { ArrowRight: (at + 1) % n, ArrowLeft: (at - 1 + n) % n, Home: 0, End: n - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    setFocusIndex(next);
    refs.current[next]?.focus();
  };

  return (
    <div role="tablist" aria-label={label} className={cls.list} onKeyDown={onKeyDown} onBlur={() => setFocusIndex(null)}>
      {tabs.map((t, i) => (
        <button
          key={t.value}
          ref={(el) => { refs.current[i] = el; }}
          type="button"
          role="tab"
          id={`tab-${t.value}`}
          aria-selected={t.value === selected}
          aria-controls={panelId}
          tabIndex={i === active ? 0 : -1}
          className={mergeClasses(cls.tab, t.value === selected && cls.selected)}
          onFocus={() => setFocusIndex(i)}
          onClick={() => onSelect(t.value)}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}
