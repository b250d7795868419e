// Data tab: refresh the data from the published feed. URL (the add-in's own /feed/ by default), Refresh,
// progress with Cancel, the outcome in one sentence, what changed (added / changed / removed, listed),
// "Revert to bundled data", and the explicit consent a downgrade needs.
import { useEffect, useMemo, useState, useSyncExternalStore } from "react";
import {
  Badge,
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { RefreshController, RefreshStatus } from "../../core/feed/controller";
import type { DatasetDiff, FieldChange, RecordChange } from "../../core/feed/diff";
import { checkFeedUrlPolicy } from "../../core/feed/load";
import { sharedStore } from "../../core/data/store";
import { defaultFeedUrl, restoreRefreshedData, sharedRefreshController } from "./shared";
import { ChangedCells, useLastSwap } from "../freeze/ChangedCells";

/** Changes listed in full up to this many; the rest are counted. */
const LIST_LIMIT = 200;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  row: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground3 },
  list: { margin: 0, padding: 0, listStyleType: "none", maxHeight: "260px", overflowY: "auto", display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  item: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "baseline" },
  // a badge keeps its whole word however long the text beside it
  badge: { flexShrink: 0 },
  itemText: { minWidth: 0, overflowWrap: "anywhere", display: "flex", flexDirection: "column" },
  fieldChange: { color: tokens.colorNeutralForeground2 },
});

/** Longest old or new value shown in the change list (an evidence sentence is cut, its start kept). */
const VALUE_CHARS = 80;

function showValue(v: FieldChange["before"]): string {
  if (v === null || v === "" || (Array.isArray(v) && v.length === 0)) return "(empty)";
  if (typeof v === "number") return String(v);
  const text = Array.isArray(v) ? v.join("; ") : String(v);
  return `“${text.length > VALUE_CHARS ? `${text.slice(0, VALUE_CHARS - 1)}…` : text}”`;
}

export interface RefreshPanelProps {
  /** Where the pane runs; in preview there is no workbook, so nothing to recalculate. */
  mode?: "excel" | "preview";
  /** For tests; the add-in uses the runtime's shared controller. */
  controller?: RefreshController;
  /** For tests; the add-in uses its own origin's /feed/. */
  defaultUrl?: string;
}

function useControllerStatus(controller: RefreshController): RefreshStatus {
  return useSyncExternalStore(
    (cb) => controller.subscribe(cb),
    () => controller.getStatus(),
  );
}

function useStoreSnapshot() {
  const store = sharedStore();
  return useSyncExternalStore(
    (cb) => store.subscribe(cb),
    () => store.current(),
  );
}

const CHANGE_LABEL: Record<RecordChange["change"], { text: string; color: "success" | "warning" | "danger" }> = {
  added: { text: "Added", color: "success" },
  changed: { text: "Changed", color: "warning" },
  removed: { text: "Removed", color: "danger" },
};

function ChangeList({ diff, label }: { diff: DatasetDiff; label: string }) {
  const cls = useStyles();
  const shown = diff.changes.slice(0, LIST_LIMIT);
  if (diff.changes.length === 0) return <Text className={cls.muted}>No record was added, changed or removed.</Text>;
  return (
    <section aria-label={label}>
      <Text as="p" block>
        {diff.added} added, {diff.changed} changed, {diff.removed} removed ({diff.unchanged} unchanged).
      </Text>
      <ul className={cls.list} aria-label="Changed records">
        {shown.map((c) => (
          <li key={`${c.change}:${c.id}`} className={cls.item} data-change={c.change}>
            <Badge appearance="tint" color={CHANGE_LABEL[c.change].color} size="small" className={cls.badge}>
              {CHANGE_LABEL[c.change].text}
            </Badge>
            <Text size={200} className={cls.itemText}>
              <span>
                {c.kind.replace("_", " ")}: {c.subject || "(no subject)"}
                {c.title ? ` — ${c.title}` : ""}
              </span>
              {c.values.map((v) => (
                <span key={v.field} className={cls.fieldChange} data-testid="field-change">
                  {v.field.replace(/_/g, " ")}: {showValue(v.before)} → {showValue(v.after)}
                </span>
              ))}
            </Text>
          </li>
        ))}
      </ul>
      {diff.changes.length > shown.length && <Text className={cls.muted}>…and {diff.changes.length - shown.length} more.</Text>}
    </section>
  );
}

export function RefreshPanel({ controller: given, defaultUrl, mode }: RefreshPanelProps) {
  const cls = useStyles();
  const controller = useMemo(() => given ?? sharedRefreshController(), [given]);
  const status = useControllerStatus(controller);
  const snapshot = useStoreSnapshot();
  const swap = useLastSwap();
  const [url, setUrl] = useState(() => defaultUrl ?? controller.feedMeta()?.feedUrl ?? defaultFeedUrl());
  const [allowDowngrade, setAllowDowngrade] = useState(false);

  useEffect(() => {
    if (!given) void restoreRefreshedData();
  }, [given]);

  const urlProblem = useMemo(() => {
    if (url.trim() === "") return "Enter the address of a published feed, e.g. https://example.org/feed/.";
    try {
      checkFeedUrlPolicy(url);
      return undefined;
    } catch (e) {
      return e instanceof Error ? e.message : String(e);
    }
  }, [url]);

  const running = status.state === "running";
  const meta = controller.feedMeta();
  const origin = snapshot?.origin === "feed" ? `refreshed from ${meta?.feedUrl ?? "a feed"}` : "bundled with the add-in";

  return (
    <section className={cls.root} aria-labelledby="refresh-heading">
      <Text as="h2" id="refresh-heading" weight="semibold" size={400}>
        Refresh from the published feed
      </Text>
      <Text data-testid="data-in-use">
        {snapshot ? (
          <>
            In use: version <span data-testid="version-in-use">{snapshot.dataset.version}</span>
            {snapshot.dataset.as_of ? ` (as of ${snapshot.dataset.as_of})` : ""}, {snapshot.dataset.records.length.toLocaleString("en-US")} records,{" "}
            {origin}.
          </>
        ) : (
          "Loading the data…"
        )}
      </Text>

      <Field
        label="Feed URL"
        hint="https:// address of a published feed (http:// only on localhost)"
        validationState={urlProblem ? "error" : "none"}
        validationMessage={urlProblem}
      >
        <Input type="url" value={url} onChange={(_, d) => setUrl(d.value)} disabled={running} spellCheck={false} />
      </Field>
      <Checkbox
        checked={allowDowngrade}
        onChange={(_, d) => setAllowDowngrade(d.checked === true)}
        disabled={running}
        label="Allow a downgrade (use the feed even if its version is older)"
      />
      <div className={cls.row}>
        <Button appearance="primary" disabled={running || !!urlProblem} onClick={() => void controller.refresh(url, { allowDowngrade })}>
          Refresh
        </Button>
        {running && (
          <Button onClick={() => controller.cancel()} disabled={!status.cancellable}>
            Cancel
          </Button>
        )}
        <Button disabled={running || snapshot?.origin !== "feed"} onClick={() => void controller.revertToBundled()}>
          Revert to bundled data
        </Button>
      </div>

      <div role="status" aria-live="polite" aria-atomic="true">
        {running && (
          <Field validationMessage={status.progress.message} validationState="none">
            <ProgressBar value={status.progress.fraction} max={1} aria-label="Refresh progress" />
          </Field>
        )}
        {status.state === "idle" && status.message && (
          <MessageBar intent="info">
            <MessageBarBody>{status.message}</MessageBarBody>
          </MessageBar>
        )}
        {status.state === "up_to_date" && (
          <MessageBar intent="info">
            <MessageBarBody>{status.message}</MessageBarBody>
          </MessageBar>
        )}
        {status.state === "updated" && (
          <MessageBar intent={status.result.saveError ? "warning" : "success"}>
            <MessageBarBody>
              <MessageBarTitle>Refreshed</MessageBarTitle>
              <span data-testid="refresh-result">{status.message}</span>
              {mode === "excel" && !status.result.recalculated ? " The MG formulas could not be recalculated: press Ctrl+Alt+F9." : ""}
            </MessageBarBody>
          </MessageBar>
        )}
        {status.state === "reverted" && (
          <MessageBar intent="success">
            <MessageBarBody>{status.message}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      {status.state === "error" && (
        <MessageBar intent={status.code === "cancelled" || status.code === "downgrade" ? "warning" : "error"} role="alert">
          <MessageBarBody>
            <span data-testid="refresh-error">{status.message}</span>
          </MessageBarBody>
        </MessageBar>
      )}
      {/* issue 12: the workbook's MG cells whose answer changed, a cell now #N/A first */}
      {mode === "excel" && swap && (status.state === "updated" || status.state === "reverted") && (
        <ChangedCells before={swap.previous} after={swap.current} diff={status.state === "updated" ? status.result.diff : status.diff} />
      )}
      {status.state === "updated" && <ChangeList diff={status.result.diff} label="What changed" />}
      {status.state === "reverted" && status.diff && <ChangeList diff={status.diff} label="What changed back" />}
    </section>
  );
}

export default RefreshPanel;
