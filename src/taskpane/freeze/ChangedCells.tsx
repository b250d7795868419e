// After a refresh: the MG cells of the workbook whose answer changed (old -> new, with the record that
// changed), a cell that now answers #N/A first. Shown in the refresh panel's outcome, Excel mode only;
// the workbook is read (never written) through src/excel/freeze.ts, loaded when needed.
import { useEffect, useState, useSyncExternalStore } from "react";
import { Badge, Text, makeStyles, tokens } from "@fluentui/react-components";
import { DataSnapshot, sharedStore } from "../../core/data/store";
import type { CellChange, CellChanges } from "../../core/freeze/changes";
import type { DatasetDiff } from "../../core/feed/diff";
import type { ExcelRunner } from "../../excel/writer";

const LIST_LIMIT = 200;
const TEXT_CHARS = 80;

const useStyles = makeStyles({
  list: { margin: 0, padding: 0, listStyleType: "none", maxHeight: "260px", overflowY: "auto", display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  item: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "baseline" },
  badge: { flexShrink: 0 },
  itemText: { minWidth: 0, overflowWrap: "anywhere", display: "flex", flexDirection: "column" },
  detail: { color: tokens.colorNeutralForeground2 },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** The snapshot before and after the store's last swap (a refresh or a revert), for as long as the pane is open. */
let lastSwap: { previous: DataSnapshot; current: DataSnapshot } | undefined;
let subscribed = false;
function watchSwaps(): void {
  if (subscribed) return;
  subscribed = true;
  sharedStore().subscribe((current, previous) => {
    if (previous && previous !== current) lastSwap = { previous, current };
  });
}

/** The last swap of the shared store: call it from a component mounted before the refresh (the refresh panel). */
export function useLastSwap(): { previous: DataSnapshot; current: DataSnapshot } | undefined {
  watchSwaps();
  return useSyncExternalStore((cb) => sharedStore().subscribe(() => cb()), () => lastSwap);
}

const cut = (s: string) => (s.length > TEXT_CHARS ? `${s.slice(0, TEXT_CHARS - 1)}…` : s);

function recordLine(c: CellChange): string {
  const rc = c.recordChange;
  if (rc?.change === "changed" && rc.values.length) {
    return `record ${rc.id} changed: ${rc.values.map((v) => `${v.field.replace(/_/g, " ")} ${cut(String(v.before ?? "")) || "(empty)"} → ${cut(String(v.after ?? "")) || "(empty)"}`).join("; ")}`;
  }
  if (rc) return `record ${rc.id} ${rc.change}`;
  const r = c.after.record ?? c.before.record;
  if (c.after.error) return cut(c.after.message ?? "");
  return r ? `from record ${r.id}: “${cut(r.evidence)}”` : "";
}

export interface ChangedCellsProps {
  before: DataSnapshot;
  after: DataSnapshot;
  diff?: DatasetDiff;
  /** For tests; the add-in uses Excel.run. */
  run?: ExcelRunner;
}

export function ChangedCells({ before, after, diff, run }: ChangedCellsProps) {
  const cls = useStyles();
  const [state, setState] = useState<{ status: "reading" } | { status: "done"; result: CellChanges } | { status: "failed"; message: string }>({ status: "reading" });
  useEffect(() => {
    let live = true;
    setState({ status: "reading" });
    void (async () => {
      try {
        const m = await import(/* webpackChunkName: "excel-freeze" */ "../../excel/freeze");
        const result = await m.findChangedCells(run ?? ((batch) => Excel.run(batch)), before, after, diff);
        if (live) setState({ status: "done", result });
      } catch (e) {
        if (live) setState({ status: "failed", message: e instanceof Error ? e.message : String(e) });
      }
    })();
    return () => { live = false; };
  }, [before, after, diff, run]);

  if (state.status === "reading") return <Text size={200} className={cls.muted}>Checking the workbook&apos;s MG cells…</Text>;
  if (state.status === "failed") return <Text size={200}>The workbook&apos;s MG cells could not be checked: {state.message}</Text>;
  const { result } = state;
  if (result.changes.length === 0) {
    return <Text size={200} className={cls.muted} data-testid="changed-cells-none">No MG cell of the workbook answers differently ({result.cells} checked{result.unresolved ? `; ${result.unresolved} could not be evaluated here` : ""}).</Text>;
  }
  const shown = result.changes.slice(0, LIST_LIMIT);
  return (
    <section aria-label="MG cells whose answer changed">
      <Text as="p" block>
        {result.changes.length} of {result.cells} MG cells answer differently{result.unresolved ? ` (${result.unresolved} could not be evaluated here)` : ""}.
      </Text>
      <ul className={cls.list} aria-label="Changed MG cells">
        {shown.map((c) => (
          <li key={c.cell} className={cls.item} data-testid="changed-cell">
            <Badge appearance="tint" size="small" className={cls.badge} color={c.nowNotAvailable || c.after.error ? "danger" : "warning"}>
              {c.nowNotAvailable ? "Now #N/A" : c.after.error ? "Now error" : "Changed"}
            </Badge>
            <Text size={200} className={cls.itemText}>
              <span>{c.cell}: {cut(c.before.text)} → {cut(c.after.text)}</span>
              <span className={cls.detail}>{c.call}{recordLine(c) ? ` — ${recordLine(c)}` : ""}</span>
            </Text>
          </li>
        ))}
      </ul>
      {result.changes.length > shown.length && <Text className={cls.muted}>…and {result.changes.length - shown.length} more.</Text>}
    </section>
  );
}

export default ChangedCells;
