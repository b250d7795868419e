// Data: what the add-in answers from (version, as-of date, origin, counts per kind) and the sources
// with their links; below, the feed refresh panel (its own issue) when it is in the build.
import { ComponentType, Suspense, lazy, useMemo } from "react";
import { Link, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { DataSnapshot } from "../../core/data/store";
import { RECORD_KINDS } from "../../core/model/record";
import { safeHttpUrl } from "../../core/table/cells";
import type { PaneMode } from "../host";
import { refreshPanelLoader } from "./refreshSlot";
import { FreezePanel } from "../freeze/FreezePanel";
import { DATE_NOT_STATED, newestFactDate, publishedLabel, sourceName, sourcePublisher } from "../sourceLabel";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  // text left; the last column of both tables is a count, right-aligned under its heading
  table: {
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase200,
    "& td, & th": { borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, padding: "3px 6px", textAlign: "left", verticalAlign: "top" },
    "& td:last-child, & th:last-child": { textAlign: "right" },
  },
  // a date is one line: "2014-09-09", not "2014-09-" over "09"
  date: { whiteSpace: "nowrap" },
  muted: { color: tokens.colorNeutralForeground3 },
  dl: { display: "grid", gridTemplateColumns: "max-content 1fr", gap: "2px 12px", margin: 0, "& dd": { margin: 0 } },
});

const loader = refreshPanelLoader();
const RefreshPanel: ComponentType<{ mode: PaneMode }> | null = loader ? lazy(loader) : null;

export default function DataTab({ mode, snapshot }: { mode: PaneMode; snapshot: DataSnapshot }) {
  const cls = useStyles();
  const ds = snapshot.dataset;
  const counts = useMemo(() => {
    const m = new Map<string, number>();
    for (const r of ds.records) m.set(r.kind, (m.get(r.kind) ?? 0) + 1);
    return RECORD_KINDS.map((k) => [k, m.get(k) ?? 0] as const);
  }, [ds]);
  // "As of" is the newest fact, not the newest article (an article of August may report nothing after July).
  const asOf = useMemo(() => newestFactDate(ds.records), [ds]);

  return (
    <div className={cls.root}>
      <section aria-labelledby="data-title">
        <Text as="h2" id="data-title" weight="semibold" size={400}>Data in use</Text>
        <dl className={cls.dl}>
          <dt>Version</dt><dd data-testid="data-version">{ds.version}</dd>
          <dt>As of</dt><dd data-testid="data-as-of">{asOf ? `${asOf} (newest dated record)` : "no record is dated"}</dd>
          <dt>Newest source</dt><dd data-testid="data-newest-source">{ds.as_of || DATE_NOT_STATED}</dd>
          <dt>From</dt><dd>{snapshot.origin === "feed" ? "the published feed" : "the data bundled with the add-in"}</dd>
          <dt>Records</dt><dd>{ds.count}</dd>
          <dt>Sources</dt><dd>{ds.sources.length}</dd>
        </dl>
      </section>
      <section aria-labelledby="kinds-title">
        <Text as="h2" id="kinds-title" weight="semibold" size={300}>Records per kind</Text>
        <table className={cls.table} aria-labelledby="kinds-title">
          <thead><tr><th scope="col">Kind</th><th scope="col">Records</th></tr></thead>
          <tbody>
            {counts.map(([k, n]) => (
              <tr key={k}><td>{k.replace("_", " ")}</td><td>{n}</td></tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="sources-title">
        <Text as="h2" id="sources-title" weight="semibold" size={300}>Sources</Text>
        <table className={cls.table} aria-labelledby="sources-title">
          <thead><tr><th scope="col">Article</th><th scope="col">Published</th><th scope="col">Records</th></tr></thead>
          <tbody>
            {ds.sources.map((s) => {
              const link = safeHttpUrl(s.url);
              const publisher = sourcePublisher(s);
              // without a title or a web address, the file it was read from is what tells it apart
              const file = !s.title.trim() && !link && s.origin ? s.origin.split(/[\\/]/).pop() : "";
              return (
                <tr key={s.source_id}>
                  <td>
                    {link ? <Link href={link} target="_blank" rel="noopener noreferrer">{sourceName(s)}</Link> : sourceName(s)}
                    {publisher ? <Text size={200}> · {publisher}</Text> : null}
                    {file ? <Text size={200} className={cls.muted}> · read from {file}</Text> : null}
                  </td>
                  <td className={mergeClasses(cls.date, !s.published && cls.muted)}>{publishedLabel(s.published)}</td>
                  <td>{s.record_count}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
      <FreezePanel mode={mode} snapshot={snapshot} />
      {/* no landmark of its own: the panel inside is the "Refresh from the published feed" region */}
      <div data-testid="refresh-slot">
        {RefreshPanel && (
          <Suspense fallback={<Text size={200}>Loading refresh…</Text>}>
            <RefreshPanel mode={mode} />
          </Suspense>
        )}
      </div>
    </div>
  );
}
