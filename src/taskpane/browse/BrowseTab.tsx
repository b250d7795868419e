// Browse: filters -> live count -> actions (insert in Excel; download/copy in preview) -> preview grid.
import { useDeferredValue, useMemo } from "react";
import { Text, makeStyles, tokens } from "@fluentui/react-components";
import type { DataSnapshot } from "../../core/data/store";
import { TableFilter, filterRecords } from "../../core/table/filter";
import { specForFilter } from "../../core/table/presets";
import type { PaneMode } from "../host";
import { Filters } from "./Filters";
import { PreviewGrid } from "./PreviewGrid";
import { Actions } from "./Actions";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, flexGrow: 1, minHeight: 0 },
  bar: { display: "flex", alignItems: "center", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export interface BrowseTabProps {
  mode: PaneMode;
  snapshot: DataSnapshot;
  filter: TableFilter;
  onFilter(f: TableFilter): void;
  presetId: string | null;
  onPreset(id: string | null): void;
}

export function BrowseTab({ mode, snapshot, filter, onFilter, presetId, onPreset }: BrowseTabProps) {
  const cls = useStyles();
  // Typing stays responsive on big datasets: the list follows the filter a frame later.
  const deferred = useDeferredValue(filter);
  const rows = useMemo(() => filterRecords(snapshot.dataset.records, deferred, snapshot.index), [snapshot, deferred]);
  const spec = useMemo(() => specForFilter(deferred, presetId), [deferred, presetId]);
  const total = snapshot.dataset.records.length;

  return (
    <div className={cls.root}>
      {/* A preset stays pressed only while its kinds are the ones chosen (then its columns and name apply). */}
      <Filters index={snapshot.index} filter={filter} onFilter={onFilter} presetId={spec.preset === "custom" ? null : spec.preset} onPreset={onPreset} />
      <div className={cls.bar}>
        <Text weight="semibold" aria-live="polite" data-testid="record-count">
          {rows.length === total ? `${total} records` : `${rows.length} of ${total} records`}
        </Text>
      </div>
      <Actions mode={mode} spec={spec} records={rows} snapshot={snapshot} />
      <PreviewGrid records={rows} />
    </div>
  );
}
