// Filter controls of the Browse tab: presets, free text, and "More filters" (kind, region, subject,
// dates; loaded on first use). Every control has a visible label so screen readers announce what it
// filters; everything is reachable and operable with Tab, arrows, Enter/Space and Escape.
import { Suspense, lazy, useId, useState } from "react";
import { Button, Input, Text, makeStyles, tokens } from "@fluentui/react-components";
import { EMPTY_FILTER, TableFilter } from "../../core/table/filter";
import { PRESETS } from "../../core/table/presets";
import type { RecordIndex } from "../../core/query/recordIndex";

const MoreFilters = lazy(() => import(/* webpackChunkName: "more-filters" */ "./MoreFilters"));

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  presets: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  row: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  search: { display: "flex", flexDirection: "column", gap: "2px" },
  label: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  summary: { color: tokens.colorNeutralForeground3 },
});

export interface FiltersProps {
  index: RecordIndex;
  filter: TableFilter;
  onFilter(f: TableFilter): void;
  presetId: string | null;
  onPreset(id: string | null): void;
}

/** One line saying which of the hidden filters are set, so a collapsed panel hides nothing. */
export function filterSummary(f: TableFilter): string {
  const parts: string[] = [];
  if (f.kinds.length) parts.push(`kind: ${f.kinds.map((k) => k.replace("_", " ")).join(", ")}`);
  if (f.subjects.length) parts.push(`subject: ${f.subjects.join(", ")}`);
  if (f.regions.length) parts.push(`region: ${f.regions.join(", ")}`);
  if (f.from || f.to) parts.push(`dates: ${f.from || "…"} to ${f.to || "…"}${f.includeUndated ? ", undated included" : ""}`);
  return parts.join(" · ");
}

export function Filters({ index, filter, onFilter, presetId, onPreset }: FiltersProps) {
  const cls = useStyles();
  const [more, setMore] = useState(false);
  const searchId = useId();
  const moreId = useId();

  const choosePreset = (id: string) => {
    if (presetId === id) {
      onPreset(null);
      onFilter({ ...filter, kinds: [] });
      return;
    }
    const p = PRESETS.find((x) => x.id === id)!;
    onPreset(id);
    onFilter({ ...filter, kinds: [...p.kinds] });
  };
  const summary = filterSummary(filter);

  return (
    <div className={cls.root} role="group" aria-label="Filters">
      <div className={cls.presets} role="group" aria-label="Presets">
        {PRESETS.map((p) => (
          <Button
            key={p.id}
            size="small"
            shape="circular"
            appearance={presetId === p.id ? "primary" : "outline"}
            aria-pressed={presetId === p.id}
            onClick={() => choosePreset(p.id)}
          >
            {p.label}
          </Button>
        ))}
      </div>
      <div className={cls.search}>
        <label htmlFor={searchId} className={cls.label}>Text in title or evidence</label>
        <Input id={searchId} type="search" value={filter.text} placeholder="e.g. hydride" onChange={(_, d) => onFilter({ ...filter, text: d.value })} />
      </div>
      <div className={cls.row}>
        <Button size="small" aria-expanded={more} aria-controls={moreId} onClick={() => setMore(!more)}>
          {more ? "Fewer filters" : "More filters"}
        </Button>
        <Button
          size="small"
          appearance="subtle"
          // "Include undated" alone, without a date range, filters nothing
          disabled={JSON.stringify({ ...filter, includeUndated: undefined }) === JSON.stringify(EMPTY_FILTER)}
          onClick={() => {
            onPreset(null);
            onFilter(EMPTY_FILTER);
          }}
        >
          Clear
        </Button>
      </div>
      <div id={moreId}>
        {more ? (
          <Suspense fallback={<Text size={200}>Loading filters…</Text>}>
            <MoreFilters index={index} filter={filter} onFilter={onFilter} />
          </Suspense>
        ) : (
          summary && <Text size={200} className={cls.summary}>Also filtered by {summary}</Text>
        )}
      </div>
    </div>
  );
}
