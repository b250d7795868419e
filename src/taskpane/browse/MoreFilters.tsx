// The filters behind "More filters": kind, region, subject/organisation (searchable) and dates.
// Loaded on first use: the dropdowns and the searchable combobox are the heaviest Fluent components,
// and the first screen (presets, text search, count, list) does without them.
import { useMemo, useState } from "react";
import { Button, Combobox, Dropdown, Field, Input, Option, makeStyles, tokens } from "@fluentui/react-components";
import { RECORD_KINDS, RecordKind } from "../../core/model/record";
import type { TableFilter } from "../../core/table/filter";
import type { RecordIndex } from "../../core/query/recordIndex";

const useStyles = makeStyles({
  grid: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(150px, 1fr))", gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}` },
  wide: { gridColumn: "1 / -1" },
  chips: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  control: { minWidth: 0, width: "100%" },
});

export const kindLabel = (k: string) => k.replace("_", " ");
const MAX_SUBJECT_OPTIONS = 50;

export interface MoreFiltersProps {
  index: RecordIndex;
  filter: TableFilter;
  onFilter(f: TableFilter): void;
}

export default function MoreFilters({ index, filter, onFilter }: MoreFiltersProps) {
  const cls = useStyles();
  const [subjectQuery, setSubjectQuery] = useState("");
  const set = (patch: Partial<TableFilter>) => onFilter({ ...filter, ...patch });
  const subjectOptions = useMemo(() => {
    return index.searchSubjects(subjectQuery).slice(0, MAX_SUBJECT_OPTIONS);
  }, [index, subjectQuery]);
  const regions = index.regions();

  return (
    <div className={cls.grid} data-testid="more-filters">
        <Field label="Kind">
          <Dropdown
            className={cls.control}
            multiselect
            placeholder="All kinds"
            selectedOptions={filter.kinds}
            value={filter.kinds.map(kindLabel).join(", ")}
            onOptionSelect={(_, d) => set({ kinds: d.selectedOptions as RecordKind[] })}
          >
            {RECORD_KINDS.map((k) => (
              <Option key={k} value={k}>{kindLabel(k)}</Option>
            ))}
          </Dropdown>
        </Field>
        <Field label="Region">
          <Dropdown
            className={cls.control}
            multiselect
            placeholder="All regions"
            selectedOptions={filter.regions}
            value={filter.regions.join(", ")}
            onOptionSelect={(_, d) => set({ regions: d.selectedOptions })}
          >
            {regions.map((r) => (
              <Option key={r} value={r}>{r}</Option>
            ))}
          </Dropdown>
        </Field>
        <Field label="Subject or organisation" className={cls.wide}>
          <Combobox
            className={cls.control}
            multiselect
            freeform
            placeholder="Type to search names"
            value={subjectQuery}
            selectedOptions={filter.subjects}
            onChange={(e) => setSubjectQuery(e.target.value)}
            onOptionSelect={(_, d) => {
              set({ subjects: d.selectedOptions });
              setSubjectQuery("");
            }}
          >
            {subjectOptions.map((e) => (
              <Option key={e.key} value={e.name} text={e.name}>
                {`${e.name} (${e.records.length})`}
              </Option>
            ))}
            {subjectOptions.length === 0 && <Option disabled value="" text="">No known name matches</Option>}
          </Combobox>
        </Field>
        {filter.subjects.length > 0 && (
          <div className={`${cls.chips} ${cls.wide}`} role="group" aria-label="Chosen subjects">
            {filter.subjects.map((s) => (
              <Button key={s} size="small" appearance="outline" aria-label={`Remove ${s}`} onClick={() => set({ subjects: filter.subjects.filter((x) => x !== s) })}>
                {s} ✕
              </Button>
            ))}
          </div>
        )}
        <Field label="From">
          <Input className={cls.control} type="date" value={filter.from} onChange={(_, d) => set({ from: d.value })} />
        </Field>
        <Field label="To">
          <Input className={cls.control} type="date" value={filter.to} onChange={(_, d) => set({ to: d.value })} />
        </Field>
    </div>
  );
}
