// One Excel job (insert a table, or refresh the MG tables) with its questions, progress and cancel.
// Loaded on first use: it brings the Excel writer and the dialogs.
import { useEffect, useRef, useState } from "react";
import {
  Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, ProgressBar, Text, makeStyles, tokens,
} from "@fluentui/react-components";
import type { DataSnapshot } from "../../core/data/store";
import type { MgRecord } from "../../core/model/record";
import { filterRecords } from "../../core/table/filter";
import type { TableSpec } from "../../core/table/presets";
import { ExcelRunner, InsertOutcome, Progress, TableRefreshResult, defaultRunner, insertTable, refreshTables, unsupportedExcelApi } from "../../excel/writer";
import type { Job } from "./Actions";
import { notifyTablesChanged } from "../tables/tablesChanged";

const useStyles = makeStyles({
  progress: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalXS },
  bar: { flexGrow: 1 },
});

type Question =
  | { type: "overwrite"; address: string; restorable: boolean }
  | { type: "name"; tableName: string; isMgTable: boolean; suggestedName: string };

export interface ExcelJobProps {
  job: Job;
  spec: TableSpec;
  records: readonly MgRecord[];
  snapshot: DataSnapshot;
  onDone(message: string): void;
  /** Excel.run, replaceable in tests. */
  run?: ExcelRunner;
}

export function summarizeRefresh(results: readonly TableRefreshResult[]): string {
  if (results.length === 0) return "No MG tables in this workbook yet: insert one first.";
  return results.map((r) => r.message).join(" ");
}

function describeInsert(o: InsertOutcome): string | null {
  switch (o.status) {
    case "inserted": return `Inserted ${o.tableName} at ${o.address} (${o.rowCount} rows).`;
    case "overlaps-table": return `The table would overlap ${o.tables.join(", ")} at ${o.address}: select a cell outside other tables.`;
    case "too-big": return o.message;
    case "cancelled": return o.message;
    case "failed": return o.message;
    default: return null;
  }
}

export default function ExcelJob({ job, spec, records, snapshot, onDone, run = defaultRunner }: ExcelJobProps) {
  const cls = useStyles();
  const [question, setQuestion] = useState<Question | null>(null);
  const [progress, setProgress] = useState<Progress & { label?: string } | null>(null);
  const abort = useRef(new AbortController());
  const started = useRef(false);

  const fail = (e: unknown) => onDone(`Excel did not accept the change: ${e instanceof Error ? e.message : String(e)}`);

  const refresh = async (only?: string[]) => {
    const unsupported = unsupportedExcelApi("refresh");
    if (unsupported) return onDone(unsupported);
    setProgress({ rowsWritten: 0, rowCount: 0, label: "Refreshing MG tables…" });
    try {
      const results = await refreshTables(run, {
        rowsFor: (s) => filterRecords(snapshot.dataset.records, s.filter, snapshot.index),
        datasetVersion: snapshot.dataset.version,
        only,
        signal: abort.current.signal,
        onProgress: (p) => setProgress({ ...p, label: `${p.tableName} (${p.tableIndex + 1} of ${p.tableCount})` }),
      });
      notifyTablesChanged();
      onDone(summarizeRefresh(results));
    } catch (e) {
      fail(e);
    }
  };

  const insert = async (s: TableSpec, overwrite: boolean, expectRestore = false) => {
    setQuestion(null);
    const unsupported = unsupportedExcelApi("insert");
    if (unsupported) return onDone(unsupported);
    setProgress({ rowsWritten: 0, rowCount: records.length, label: `Inserting ${s.tableName}…` });
    try {
      const out = await insertTable(run, {
        spec: s, records, datasetVersion: snapshot.dataset.version, overwrite, expectRestore,
        signal: abort.current.signal,
        onProgress: (p) => setProgress({ ...p, label: `Inserting ${s.tableName}…` }),
      });
      setProgress(null);
      if (out.status === "inserted") notifyTablesChanged();
      if (out.status === "not-empty") setQuestion({ type: "overwrite", address: out.address, restorable: out.restorable });
      else if (out.status === "name-exists") setQuestion({ type: "name", tableName: out.tableName, isMgTable: out.isMgTable, suggestedName: out.suggestedName });
      else onDone(describeInsert(out)!);
    } catch (e) {
      fail(e);
    }
  };

  const [specInUse, setSpecInUse] = useState(spec);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    if (job.type === "insert") void insert(spec, false);
    else void refresh();
  }, []);

  const cancel = () => onDone(job.type === "insert" ? "Insert cancelled: nothing was written." : "Refresh cancelled.");

  return (
    <>
      {progress && (
        <div className={cls.progress}>
          <ProgressBar
            className={cls.bar}
            aria-label={progress.label ?? "Progress"}
            value={progress.rowCount ? progress.rowsWritten / progress.rowCount : undefined}
          />
          <Text size={200}>{progress.rowCount ? `${progress.rowsWritten} / ${progress.rowCount}` : progress.label}</Text>
          <Button size="small" onClick={() => abort.current.abort()}>Cancel</Button>
        </div>
      )}
      <Dialog open={question !== null} modalType="alert" onOpenChange={(_, d) => { if (!d.open) cancel(); }}>
        <DialogSurface aria-describedby="mg-question">
          <DialogBody>
            {question?.type === "overwrite" && (
              <>
                <DialogTitle>Overwrite these cells?</DialogTitle>
                <DialogContent id="mg-question">
                  <p style={{ marginTop: 0 }}>The table needs {question.address}, and some of those cells hold data. Overwrite them, or cancel and select an empty cell.</p>
                  <p style={{ marginBottom: 0 }} data-testid="overwrite-cancel-note">
                    {question.restorable
                      ? "If you stop the insert while it writes, those cells get their values, formulas and number formats back (not their colours, borders or links)."
                      : "These cells hold too much to keep a copy of: if you stop the insert while it writes, the range is left empty and what was there is lost."}
                  </p>
                </DialogContent>
                <DialogActions>
                  <Button appearance="primary" onClick={() => void insert(specInUse, true, question.restorable)}>Overwrite</Button>
                  <Button onClick={cancel}>Cancel</Button>
                </DialogActions>
              </>
            )}
            {question?.type === "name" && (
              <>
                <DialogTitle>{question.tableName} already exists</DialogTitle>
                <DialogContent id="mg-question">
                  {question.isMgTable
                    ? `This workbook already has ${question.tableName}. Refresh it in place with the latest data, or insert a second table as ${question.suggestedName}.`
                    : `A table named ${question.tableName} already exists. Insert this one as ${question.suggestedName}.`}
                </DialogContent>
                <DialogActions>
                  {question.isMgTable && (
                    <Button appearance="primary" onClick={() => { const name = question.tableName; setQuestion(null); void refresh([name]); }}>
                      Refresh {question.tableName}
                    </Button>
                  )}
                  <Button
                    appearance={question.isMgTable ? "secondary" : "primary"}
                    onClick={() => { const s = { ...specInUse, tableName: question.suggestedName }; setSpecInUse(s); void insert(s, false); }}
                  >
                    Insert as {question.suggestedName}
                  </Button>
                  <Button onClick={cancel}>Cancel</Button>
                </DialogActions>
              </>
            )}
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </>
  );
}
