// The task pane: four tabs over the one dataset in use. Browse is on the first screen and loads
// with the page; Prices, Functions and Data load on first use (dynamic import) to keep the first load small.
import { Suspense, lazy, useEffect, useMemo, useState } from "react";
import { Button, FluentProvider, Text, makeStyles, tokens, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { SectionTabs } from "./SectionTabs";
import { PaneMode } from "./host";
import { useData } from "./useData";
import { BrowseTab } from "./browse/BrowseTab";
import { EMPTY_FILTER, TableFilter } from "../core/table/filter";
import { useDataSwapped } from "./tables/useDataSwapped";

const FunctionsTab = lazy(() => import(/* webpackChunkName: "tab-functions" */ "./functions/FunctionsTab"));
const DataTab = lazy(() => import(/* webpackChunkName: "tab-data" */ "./data/DataTab"));
const PricesTab = lazy(() => import(/* webpackChunkName: "tab-prices" */ "./prices/PricesTab"));
const TabsterKeeper = lazy(() => import(/* webpackChunkName: "tabster-keeper" */ "./TabsterKeeper"));
// Excel mode, once the data in use changed: which MG tables were made from another version.
const StaleTablesNotice = lazy(() => import(/* webpackChunkName: "stale-tables" */ "./tables/StaleTablesNotice"));

type TabId = "browse" | "prices" | "functions" | "data";
const TABS = [
  { value: "browse", label: "Browse" },
  { value: "prices", label: "Prices" },
  { value: "functions", label: "Functions" },
  { value: "data", label: "Data" },
] as const satisfies readonly { value: TabId; label: string }[];

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", height: "100vh", minHeight: 0, backgroundColor: tokens.colorNeutralBackground1, color: tokens.colorNeutralForeground1 },
  header: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} 0` },
  title: { flexGrow: 1 },
  // the page's one main landmark: the section tabs, a notice, the selected tab's panel
  main: { flexGrow: 1, minHeight: 0, display: "flex", flexDirection: "column" },
  notice: { padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} 0` },
  panel: { flexGrow: 1, minHeight: 0, display: "flex", flexDirection: "column", padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`, overflowY: "auto" },
});

export interface AppProps {
  mode: PaneMode;
  /** Initial theme: from Office in Excel, from ?theme= / prefers-color-scheme in preview. */
  dark: boolean;
}

export function App({ mode, dark: initialDark }: AppProps) {
  const styles = useStyles();
  const [dark, setDark] = useState(initialDark);
  const [tab, setTab] = useState<TabId>("browse");
  const [filter, setFilter] = useState<TableFilter>(EMPTY_FILTER);
  const [presetId, setPresetId] = useState<string | null>(null);
  const data = useData();
  const dataSwapped = useDataSwapped();
  useEffect(() => setDark(initialDark), [initialDark]);
  const theme = useMemo(() => (dark ? webDarkTheme : webLightTheme), [dark]);

  return (
    <FluentProvider theme={theme} data-theme={dark ? "dark" : "light"}>
      {/* Layout on an inner element: Fluent copies the provider's classes onto popup portals. */}
      <div className={styles.root}>
      <header className={styles.header}>
        <Text as="h1" weight="semibold" size={400} className={styles.title}>
          Magnesium Tracker
        </Text>
        {mode === "preview" && (
          <Button size="small" appearance="subtle" aria-pressed={dark} onClick={() => setDark(!dark)}>
            Dark theme: {dark ? "on" : "off"}
          </Button>
        )}
      </header>
      {data.status === "ready" && <Suspense fallback={null}><TabsterKeeper /></Suspense>}
      {/* A tab panel inside <main>, not <main role="tabpanel">: that role would take the page's main landmark away. */}
      <main className={styles.main}>
      <SectionTabs<TabId> tabs={TABS} selected={tab} onSelect={setTab} panelId="panel" aria-label="Sections" />
      {mode === "excel" && dataSwapped && data.status === "ready" && (
        <div className={styles.notice}>
          <Suspense fallback={null}>
            <StaleTablesNotice snapshot={data.snapshot} />
          </Suspense>
        </div>
      )}
      <div id="panel" role="tabpanel" aria-labelledby={`tab-${tab}`} className={styles.panel}>
        {data.status === "loading" && <Text role="status">Loading the data…</Text>}
        {data.status === "failed" && <Text role="alert">The data could not be loaded: {data.message}</Text>}
        {data.status === "ready" && (
          <Suspense fallback={<Text role="status">Loading…</Text>}>
            {tab === "browse" && <BrowseTab mode={mode} snapshot={data.snapshot} filter={filter} onFilter={setFilter} presetId={presetId} onPreset={setPresetId} />}
            {tab === "prices" && <PricesTab mode={mode} snapshot={data.snapshot} />}
            {tab === "functions" && <FunctionsTab mode={mode} snapshot={data.snapshot} />}
            {tab === "data" && <DataTab mode={mode} snapshot={data.snapshot} />}
          </Suspense>
        )}
      </div>
      </main>
      </div>
    </FluentProvider>
  );
}
