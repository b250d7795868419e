// Excel mode, after the data in use changed: MG tables in the workbook that were written from another
// dataset version now show older numbers than the pane. Says so, with the version they were made from,
// and offers "Refresh MG tables" right there. Loaded only once the data has been swapped.
import { Suspense, lazy, useCallback, useEffect, useState } from "react";
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Text } from "@fluentui/react-components";
import type { DataSnapshot } from "../../core/data/store";
import { specForPreset, PRESETS } from "../../core/table/presets";
import { ExcelRunner, defaultRunner, listStoredTables } from "../../excel/writer";
import type { StoredTable } from "../../excel/tableStore";
import { onTablesChanged } from "./tablesChanged";

const ExcelJob = lazy(() => import(/* webpackChunkName: "excel-job" */ "../browse/ExcelJob"));

/** The notice's sentence: how many tables, and the version(s) they were made from. */
export function staleTablesText(stale: readonly StoredTable[], inUse: string): string {
  const versions = [...new Set(stale.map((t) => t.datasetVersion || "unknown"))];
  const n = stale.length;
  return `${n} MG table${n === 1 ? " was" : "s were"} made from version ${versions.join(", ")}; the data in use is version ${inUse}.`;
}

export interface StaleTablesNoticeProps {
  snapshot: DataSnapshot;
  /** Excel.run, replaceable in tests. */
  run?: ExcelRunner;
}

export default function StaleTablesNotice({ snapshot, run = defaultRunner }: StaleTablesNoticeProps) {
  const version = snapshot.dataset.version;
  const [stale, setStale] = useState<StoredTable[]>([]);
  const [problem, setProblem] = useState("");
  const [refreshing, setRefreshing] = useState<number | null>(null);
  const [result, setResult] = useState("");

  const check = useCallback(() => {
    listStoredTables(run).then(
      (tables) => { setStale(tables.filter((t) => t.datasetVersion !== version)); setProblem(""); },
      (e: unknown) => setProblem(`Could not read the workbook's MG tables: ${e instanceof Error ? e.message : String(e)}`),
    );
  }, [run, version]);
  useEffect(() => { check(); }, [check]);
  useEffect(() => onTablesChanged(check), [check]);

  if (problem) return <Text size={200} role="status">{problem}</Text>;
  if (stale.length === 0 && !result) return null;
  return (
    <div data-testid="stale-tables">
      {stale.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Tables out of date</MessageBarTitle>
            {staleTablesText(stale, version)}
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" appearance="primary" disabled={refreshing !== null} onClick={() => { setResult(""); setRefreshing(Date.now()); }}>
              Refresh MG tables
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {refreshing !== null && (
        <Suspense fallback={<Text size={200}>Starting…</Text>}>
          <ExcelJob
            key={refreshing}
            job={{ type: "refresh", id: refreshing }}
            // refresh rebuilds each table from its own stored filter: these two are not used by it
            spec={specForPreset(PRESETS[0])}
            records={[]}
            snapshot={snapshot}
            run={run}
            onDone={(message) => { setResult(message); setRefreshing(null); }}
          />
        </Suspense>
      )}
      {result && <Text size={200} role="status" data-testid="stale-tables-result">{result}</Text>}
    </div>
  );
}
