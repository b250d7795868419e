// Browse: filters -> live count -> actions (insert in Excel; download/copy in preview) -> preview grid.
import { useDeferredValue, useMemo } from "react";
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { DataSnapshot } from "../../core/data/store";
import { TableFilter, dateRangeReversed, filterRecords, undatedInRange } from "../../core/table/filter";
import { specForFilter } from "../../core/table/presets";
import type { PaneMode } from "../host";
import { Filters } from "./Filters";
import { PreviewGrid } from "./PreviewGrid";
import { Actions } from "./Actions";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, flexGrow: 1, minHeight: 0 },
  bar: { display: "flex", alignItems: "center", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  notice: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  line: { display: "flex", alignItems: "center", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * What a date range does beyond the count: a from-date after the to-date (with a one-click swap), and
 * the records it cannot place because they have no date (with a one-click way to keep them).
 */
export function DateRangeNotice({ filter, undated, onFilter }: { filter: TableFilter; undated: number; onFilter(f: TableFilter): void }) {
  const cls = useStyles();
  const reversed = dateRangeReversed(filter);
  const included = Boolean(filter.includeUndated);
  if (!reversed && undated === 0) return null;
  const setIncluded = (on: boolean) => {
    const next: TableFilter = { ...filter, includeUndated: true };
    if (!on) delete next.includeUndated;
    onFilter(next);
  };
  return (
    <div className={cls.notice} data-testid="date-range-notice" aria-live="polite">
      {reversed && (
        <div className={cls.line}>
          <Text size={200} weight="semibold" className={cls.warning}>
            From ({filter.from}) is after To ({filter.to}): no date can be in this range.
          </Text>
          <Button size="small" appearance="outline" onClick={() => onFilter({ ...filter, from: filter.to, to: filter.from })}>
            Swap the dates
          </Button>
        </div>
      )}
      {undated > 0 && (
        <div className={cls.line}>
          <Text size={200}>
            {included
              ? `Kept ${plural(undated, "record", "records")} without a date, which the range cannot place.`
              : `The date range leaves out ${plural(undated, "record", "records")} without a date.`}
          </Text>
          <Button size="small" appearance={included ? "primary" : "outline"} aria-pressed={included} onClick={() => setIncluded(!included)}>
            {`Include ${undated} undated`}
          </Button>
        </div>
      )}
    </div>
  );
}

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
  const undated = useMemo(() => undatedInRange(snapshot.dataset.records, deferred, snapshot.index), [snapshot, deferred]);
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
      <DateRangeNotice filter={filter} undated={undated} onFilter={onFilter} />
      <Actions mode={mode} spec={spec} records={rows} snapshot={snapshot} />
      <PreviewGrid records={rows} />
    </div>
  );
}
