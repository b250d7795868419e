// Data tab: "Freeze MG formulas" (selection, sheet or workbook; optionally keeping the cards) and
// "Restore formulas", with progress and Cancel. The Excel side (src/excel/freeze.ts) loads on first click.
import { useRef, useState } from "react";
import { Button, Checkbox, Field, MessageBar, MessageBarBody, ProgressBar, Radio, RadioGroup, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { DataSnapshot } from "../../core/data/store";
import type { PaneMode } from "../host";
import type { FreezeOutcome, FreezeProgress, FreezeScope, RestoreOutcome } from "../../excel/freeze";
import type { ExcelRunner } from "../../excel/writer";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground3 },
});

const PHASE: Record<FreezeProgress["phase"], string> = {
  reading: "Finding MG formulas",
  sources: "Writing MG_Sources",
  values: "Writing values",
  restoring: "Restoring formulas",
};

type Outcome = FreezeOutcome | RestoreOutcome;

function intentOf(o: Outcome): "success" | "info" | "warning" | "error" {
  if (o.status === "failed") return "error";
  if (o.status === "cancelled") return "warning";
  if (o.status === "nothing") return "info";
  return "success";
}

/** Whether the host takes a job of this Excel API version (true when it cannot tell: the job then says). */
function supports(version: string): boolean {
  const req = (globalThis as { Office?: typeof Office }).Office?.context?.requirements;
  return !req || req.isSetSupported("ExcelApi", version);
}

export interface FreezePanelProps {
  mode: PaneMode;
  snapshot: DataSnapshot;
  /** For tests; the add-in uses Excel.run. */
  run?: ExcelRunner;
}

export function FreezePanel({ mode, snapshot, run }: FreezePanelProps) {
  const cls = useStyles();
  const [scope, setScope] = useState<FreezeScope>("sheet");
  const [keepCards, setKeepCards] = useState(false);
  const [busy, setBusy] = useState<null | "freeze" | "restore">(null);
  const [progress, setProgress] = useState<FreezeProgress | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const abort = useRef<AbortController | null>(null);
  const excel = mode === "excel";
  const cardsOk = excel && supports("1.16");

  async function start(job: "freeze" | "restore") {
    setBusy(job);
    setOutcome(null);
    setProgress(null);
    const ctl = new AbortController();
    abort.current = ctl;
    try {
      const m = await import(/* webpackChunkName: "excel-freeze" */ "../../excel/freeze");
      const runner: ExcelRunner = run ?? ((batch) => Excel.run(batch));
      if (!supports(m.FREEZE_EXCEL_API)) {
        setOutcome({ status: "failed", message: `This version of Excel cannot freeze from an add-in (it needs Excel API ${m.FREEZE_EXCEL_API}): update Office or use Excel on the web.` });
        return;
      }
      const out = job === "freeze"
        ? await m.freezeMgFormulas(runner, { scope, snapshot, keepCards: keepCards && cardsOk, onProgress: setProgress, signal: ctl.signal })
        : await m.restoreFormulas(runner, { scope, onProgress: setProgress, signal: ctl.signal });
      setOutcome(out);
    } catch (e) {
      setOutcome({ status: "failed", message: `${job === "freeze" ? "Freeze" : "Restore"} failed: ${e instanceof Error ? e.message : String(e)}` });
    } finally {
      setBusy(null);
      abort.current = null;
    }
  }

  return (
    <section className={cls.root} aria-labelledby="freeze-heading">
      <Text as="h2" id="freeze-heading" weight="semibold" size={400}>Freeze MG formulas</Text>
      <Text size={200}>
        Replaces MG formulas with their values, so the workbook works without the add-in. Each value&apos;s source
        (record, evidence, outlet, link) goes to a table MG_Sources on its own sheet; Restore formulas puts them back.
      </Text>
      {!excel && <Text size={200} className={cls.muted} data-testid="freeze-preview-note">Freezing works on a workbook: open the add-in in Excel.</Text>}
      <Field label="Freeze or restore in">
        <RadioGroup layout="horizontal" value={scope} onChange={(_, d) => setScope(d.value as FreezeScope)} disabled={!excel || !!busy}>
          <Radio value="selection" label="Selection" />
          <Radio value="sheet" label="This sheet" />
          <Radio value="workbook" label="Workbook" />
        </RadioGroup>
      </Field>
      <Checkbox
        checked={keepCards}
        onChange={(_, d) => setKeepCards(d.checked === true)}
        disabled={!cardsOk || !!busy}
        label={cardsOk ? "Keep cards (a value keeps its source card)" : "Keep cards (needs Excel API 1.16)"}
      />
      <div className={cls.row}>
        <Button appearance="primary" disabled={!excel || !!busy} onClick={() => void start("freeze")}>Freeze MG formulas</Button>
        <Button disabled={!excel || !!busy} onClick={() => void start("restore")}>Restore formulas</Button>
        {busy && <Button onClick={() => abort.current?.abort()}>Cancel</Button>}
      </div>
      <div role="status" aria-live="polite" aria-atomic="true">
        {busy && (
          <Field validationState="none" validationMessage={progress ? `${PHASE[progress.phase]}${progress.total ? `: ${progress.done} of ${progress.total}` : progress.done ? `: ${progress.done} found` : ""}` : "Starting…"}>
            <ProgressBar value={progress?.total ? progress.done / progress.total : undefined} max={1} aria-label={busy === "freeze" ? "Freeze progress" : "Restore progress"} />
          </Field>
        )}
        {outcome && (
          <MessageBar intent={intentOf(outcome)}>
            <MessageBarBody>
              <span data-testid="freeze-outcome">{outcome.message}</span>
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
    </section>
  );
}

export default FreezePanel;
