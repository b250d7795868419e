// What to do with the filtered records. In Excel: insert them as a table, or refresh the MG tables
// already in the workbook. In preview (a plain browser): download .xlsx / .csv, or copy.
// The heavy parts (the Excel writer and its dialogs, exceljs, papaparse) load on first click.
import { Suspense, lazy, useEffect, useId, useState } from "react";
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { DataSnapshot } from "../../core/data/store";
import type { MgRecord } from "../../core/model/record";
import type { TableSpec } from "../../core/table/presets";
import type { PaneMode } from "../host";

const ExcelJob = lazy(() => import(/* webpackChunkName: "excel-job" */ "./ExcelJob"));

const useStyles = makeStyles({
  bar: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  note: { color: tokens.colorNeutralForeground3 },
  reason: { margin: 0, color: tokens.colorNeutralForeground2 },
});

export interface ActionsProps {
  mode: PaneMode;
  spec: TableSpec;
  records: readonly MgRecord[];
  snapshot: DataSnapshot;
}

export type Job = { type: "insert"; id: number } | { type: "refresh"; id: number };

export function Actions({ mode, spec, records, snapshot }: ActionsProps) {
  const cls = useStyles();
  const [job, setJob] = useState<Job | null>(null);
  const [status, setStatus] = useState("");
  const [busy, setBusy] = useState(false);
  const reasonId = useId();
  // An empty result has nothing to download or copy: the buttons say why instead of writing an empty file.
  const empty = records.length === 0;
  const emptyReason = "No records match the filters: nothing to download or copy. Widen the filters first.";
  // Once nothing matches, the last action's line ("Downloaded … (3 rows).") is stale: only the reason stays.
  useEffect(() => {
    if (empty) setStatus("");
  }, [empty]);

  const download = async (kind: "xlsx" | "csv" | "copy") => {
    setBusy(true);
    setStatus(kind === "copy" ? "Copying…" : `Preparing the .${kind}…`);
    try {
      const d = await import(/* webpackChunkName: "download" */ "./download");
      if (kind === "copy") {
        await d.copyTable(records, spec);
        setStatus(`${records.length} rows copied: paste them into a sheet.`);
      } else {
        const name = kind === "xlsx" ? await d.downloadXlsx(records, spec, snapshot.dataset.version) : await d.downloadCsv(records, spec);
        setStatus(`Downloaded ${name} (${records.length} rows).`);
      }
    } catch (e) {
      setStatus(`Could not ${kind === "copy" ? "copy" : "download"}: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      <div className={cls.bar} role="group" aria-label="Table actions">
        {mode === "excel" ? (
          <>
            <Button appearance="primary" disabled={job !== null} onClick={() => setJob({ type: "insert", id: Date.now() })}>
              Insert table
            </Button>
            <Button disabled={job !== null} onClick={() => setJob({ type: "refresh", id: Date.now() })}>
              Refresh MG tables
            </Button>
          </>
        ) : (
          <>
            <Button appearance="primary" disabled={busy} disabledFocusable={empty} aria-describedby={empty ? reasonId : undefined} onClick={() => download("xlsx")}>Download .xlsx</Button>
            <Button disabled={busy} disabledFocusable={empty} aria-describedby={empty ? reasonId : undefined} onClick={() => download("csv")}>Download .csv</Button>
            <Button disabled={busy} disabledFocusable={empty} aria-describedby={empty ? reasonId : undefined} onClick={() => download("copy")}>Copy</Button>
          </>
        )}
        <Text size={200} className={cls.note}>as {spec.tableName}</Text>
      </div>
      {mode !== "excel" && empty && (
        <Text as="p" size={200} id={reasonId} className={cls.reason} data-testid="download-reason">{emptyReason}</Text>
      )}
      <Text size={200} role="status" aria-live="polite" data-testid="action-status">{status}</Text>
      {job && (
        <Suspense fallback={<Text size={200}>Starting…</Text>}>
          <ExcelJob
            key={job.id}
            job={job}
            spec={spec}
            records={records}
            snapshot={snapshot}
            onDone={(message) => {
              setStatus(message);
              setJob(null);
            }}
          />
        </Suspense>
      )}
    </div>
  );
}
