// Preview of the filtered records: a virtualised list (react-window renders only the visible rows, so
// 10k rows scroll like 10), keyboard-driven as a listbox: arrows, Page Up/Down, Home/End move, and
// the selected record's evidence sentence and source link show below the list, in a region of its own
// (always a usable height; focusable, so a long sentence scrolls with the keyboard too).
import { KeyboardEvent, ReactNode, useEffect, useState } from "react";
import { List, RowComponentProps, useListRef } from "react-window";
import { Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { MgRecord } from "../../core/model/record";
import { safeHttpUrl } from "../../core/table/cells";
import { figureSpans } from "../../core/model/figures";
import { publishedLabel, recordSource, sourceName, sourcePublisher } from "../sourceLabel";

/** The evidence sentence with the record's own figures marked, so a reader finds the number at a glance. */
function Evidence({ text, values }: { text: string; values: (number | null)[] }) {
  const spans = figureSpans(text, values);
  if (spans.length === 0) return <>{text}</>;
  const parts: ReactNode[] = [];
  let at = 0;
  spans.forEach(([a, b], i) => {
    if (a > at) parts.push(text.slice(at, a));
    parts.push(<mark key={i}>{text.slice(a, b)}</mark>);
    at = b;
  });
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}

export const ROW_HEIGHT = 46;

const useStyles = makeStyles({
  // tall enough for three rows of the list and the detail of the selected record (the pane scrolls below that)
  wrap: { display: "flex", flexDirection: "column", flexGrow: 1, minHeight: "340px", border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
  head: { display: "flex", justifyContent: "space-between", padding: "4px 8px", fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase200, borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, backgroundColor: tokens.colorNeutralBackground3 },
  // The list takes what the detail leaves, at least three rows. Its focus shows on the active row: an outline
  // on the list itself would be painted over by the rows (positioned children), leaving broken segments.
  list: {
    flexGrow: 1,
    flexShrink: 1,
    flexBasis: 0,
    minHeight: `${3 * ROW_HEIGHT}px`,
    outlineStyle: "none",
    "&:focus-visible [role='option'][aria-selected='true']": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
  },
  row: { display: "grid", gridTemplateColumns: "minmax(0,1fr) auto", gridTemplateRows: "20px 18px", columnGap: "8px", alignContent: "center", padding: "0 8px", fontSize: tokens.fontSizeBase200, cursor: "pointer", boxSizing: "border-box", borderBottom: `1px solid ${tokens.colorNeutralStroke3}` },
  title: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  meta: { color: tokens.colorNeutralForeground3 },
  cell: { overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  num: { textAlign: "right" },
  selected: { backgroundColor: tokens.colorNeutralBackground1Selected, boxShadow: `inset 3px 0 0 ${tokens.colorBrandStroke1}` },
  // its own height up to half the preview, then it scrolls (never squeezed by the list)
  details: {
    flexShrink: 0,
    padding: "8px",
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    display: "flex",
    flexDirection: "column",
    gap: "4px",
    maxHeight: "50%",
    overflowY: "auto",
    boxSizing: "border-box",
    outlineStyle: "none",
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
  },
  empty: { padding: "16px 8px" },
  link: { color: tokens.colorBrandForegroundLink, ":hover": { color: tokens.colorBrandForegroundLinkHover } },
});

export function formatValue(r: MgRecord): string {
  if (r.value === null) return "";
  const v = r.value_max !== null ? `${r.value}–${r.value_max}` : String(r.value);
  const q = r.qualifier ? `${r.qualifier} ` : "";
  return `${q}${v}${r.unit ? ` ${r.unit}` : ""}${r.per ? `/${r.per}` : ""}`;
}

interface RowProps {
  records: readonly MgRecord[];
  selected: number;
  onSelect(i: number): void;
  cls: ReturnType<typeof useStyles>;
}

function Row({ index, style, records, selected, onSelect, cls, ariaAttributes }: RowComponentProps<RowProps>) {
  const r = records[index];
  const value = formatValue(r);
  return (
    <div
      {...ariaAttributes}
      role="option"
      id={`mg-row-${index}`}
      aria-selected={index === selected}
      style={style}
      className={mergeClasses(cls.row, index === selected && cls.selected)}
      onClick={() => onSelect(index)}
    >
      <span className={mergeClasses(cls.cell, cls.title)} title={r.title || r.subject}>{r.title || r.subject}</span>
      <span className={mergeClasses(cls.cell, cls.num)} title={value}>{value}</span>
      <span className={mergeClasses(cls.cell, cls.meta)}>{[r.kind.replace("_", " "), r.subject, r.region].filter(Boolean).join(" · ")}</span>
      <span className={mergeClasses(cls.cell, cls.num, cls.meta)}>{r.date || "undated"}</span>
    </div>
  );
}

export function PreviewGrid({ records }: { records: readonly MgRecord[] }) {
  const cls = useStyles();
  const listRef = useListRef(null);
  const [selected, setSelected] = useState(-1);
  useEffect(() => setSelected(-1), [records]);

  const move = (to: number) => {
    if (records.length === 0) return;
    const i = Math.max(0, Math.min(records.length - 1, to));
    setSelected(i);
    listRef.current?.scrollToRow({ index: i, align: "auto" });
  };
  const page = Math.max(1, Math.floor((listRef.current?.element?.clientHeight ?? 300) / ROW_HEIGHT) - 1);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(selected + 1),
      ArrowUp: () => move(selected - 1),
      PageDown: () => move(selected + page),
      PageUp: () => move(selected - page),
      Home: () => move(0),
      End: () => move(records.length - 1),
    };
    const f = keys[e.key];
    if (f) {
      e.preventDefault();
      f();
    }
  };
  const r = selected >= 0 ? records[selected] : undefined;
  const sourceLink = r ? safeHttpUrl(r.source_url) : null;

  return (
    <section className={cls.wrap} aria-label="Preview of the matching records">
      <div className={cls.head} aria-hidden="true">
        <span>Title · kind · subject · region</span><span className={cls.num}>Value · date</span>
      </div>
      {records.length === 0 ? (
        <Text className={cls.empty}>No record matches these filters.</Text>
      ) : (
        <List
          listRef={listRef}
          className={cls.list}
          role="listbox"
          tabIndex={0}
          aria-label="Matching records: arrow keys move, the selected record's evidence shows below"
          aria-activedescendant={selected >= 0 ? `mg-row-${selected}` : undefined}
          onKeyDown={onKeyDown}
          onFocus={() => { if (selected < 0) move(0); }}
          rowComponent={Row}
          rowCount={records.length}
          rowHeight={ROW_HEIGHT}
          rowProps={{ records, selected, onSelect: setSelected, cls }}
          overscanCount={8}
          defaultHeight={300}
          data-testid="preview-list"
        />
      )}
      {r && (
        <div
          className={cls.details}
          role="region"
          aria-label="Evidence and source of the selected record"
          tabIndex={0}
          aria-live="polite"
          data-testid="record-details"
        >
          <Text weight="semibold">{r.title || r.subject}</Text>
          <Text as="p" italic style={{ margin: 0 }} data-testid="record-evidence">“<Evidence text={r.evidence} values={[r.value, r.value_max]} />”</Text>
          <Text size={200} data-testid="record-source">
            {sourceLink ? (
              <a className={cls.link} href={sourceLink} target="_blank" rel="noopener noreferrer">{sourceName(recordSource(r))}</a>
            ) : (
              // no http(s) address (none, or javascript:, data:, ...): the name as text, never a live link
              sourceName(recordSource(r))
            )}
            {sourcePublisher(recordSource(r)) ? ` · ${sourcePublisher(recordSource(r))}` : ""}
            {` · ${publishedLabel(r.source_published)}`}
          </Text>
        </div>
      )}
    </section>
  );
}
