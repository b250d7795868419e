// Prices: pick a product, a location and one series (basis, currency and unit, type); the pane draws its
// history (low-high band, mid line) and offers to put it in the workbook as MG.PRICES, with an Excel chart
// of the spill. Everything shown comes from the query core (prices.ts), the same as the formulas.
import { useMemo, useState } from "react";
import { Button, Field, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { DataSnapshot } from "../../core/data/store";
import { describeSeries, priceSeriesList, pricesFormula, seriesPoints, type PriceSeries } from "../../core/query/prices";
import { priceChartGeometry } from "../../core/chart/priceChart";
import { serialToIso } from "../../core/model/dates";
import { formatNumber } from "../../core/query/format";
import type { PaneMode } from "../host";
import { ExcelRunner, defaultRunner, unsupportedExcelApi } from "../../excel/writer";
import { insertPriceHistory } from "../../excel/priceChart";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  pickers: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0, "& select": { maxWidth: "100%", textOverflow: "ellipsis" } },
  select: { minWidth: 0, maxWidth: "100%" },
  chart: { width: "100%", height: "auto", display: "block", border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground1 },
  formula: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, padding: "6px 8px", backgroundColor: tokens.colorNeutralBackground3, borderRadius: tokens.borderRadiusMedium, overflowWrap: "anywhere" },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  table: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200, width: "100%", "& td, & th": { borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, padding: "2px 4px", textAlign: "left" }, "& td.num": { textAlign: "right", fontVariantNumeric: "tabular-nums" } },
  wrap: { overflowX: "auto" },
  srOnly: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clipPath: "inset(50%)", whiteSpace: "nowrap" },
});

const WIDTH = 320;
const HEIGHT = 180;
const unique = (xs: string[]) => [...new Set(xs)];

export interface PricesTabProps {
  mode: PaneMode;
  snapshot: DataSnapshot;
  run?: ExcelRunner;
}

function PriceChart({ series }: { series: PriceSeries }) {
  const cls = useStyles();
  const points = useMemo(() => seriesPoints(series), [series]);
  const g = useMemo(() => priceChartGeometry(points, WIDTH, HEIGHT), [points]);
  const first = points[0];
  const last = points[points.length - 1];
  const summary = `${describeSeries(series)}: ${points.length} price${points.length === 1 ? "" : "s"} from ${first.date} (${formatNumber(first.mid)}) to ${last.date} (${formatNumber(last.mid)}).`;
  return (
    <svg className={cls.chart} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={summary} data-testid="price-chart">
      {g.yTicks.map((t) => (
        <g key={`y${t.value}`}>
          <line x1={g.plot.left} x2={g.plot.right} y1={t.y} y2={t.y} stroke={tokens.colorNeutralStroke2} strokeWidth={1} />
          <text x={g.plot.left - 4} y={t.y + 4} textAnchor="end" fontSize={11} fill={tokens.colorNeutralForeground2}>{formatNumber(t.value)}</text>
        </g>
      ))}
      {g.xTicks.map((t, i) => (
        <text key={`x${t.day}`} x={t.x} y={HEIGHT - 6} fontSize={11} fill={tokens.colorNeutralForeground2} textAnchor={g.xTicks.length === 1 ? "middle" : i === 0 ? "start" : i === g.xTicks.length - 1 ? "end" : "middle"}>{serialToIso(t.day)}</text>
      ))}
      {g.band && <path d={g.band} fill={tokens.colorBrandBackground2} stroke="none" data-testid="price-band" />}
      <path d={g.mid} fill="none" stroke={tokens.colorBrandForeground1} strokeWidth={2} data-testid="price-mid" />
      {g.whiskers.map((w, i) => <line key={`w${i}`} x1={w.x} x2={w.x} y1={w.low} y2={w.high} stroke={tokens.colorBrandForeground1} strokeWidth={2} strokeLinecap="round" data-testid="price-whisker" />)}
      {g.dots.map((d, i) => <circle key={i} cx={d.x} cy={d.y} r={3} fill={tokens.colorBrandForeground1} />)}
    </svg>
  );
}

export default function PricesTab({ mode, snapshot, run = defaultRunner }: PricesTabProps) {
  const cls = useStyles();
  const all = useMemo(() => priceSeriesList(snapshot.index), [snapshot]);
  const products = useMemo(() => unique(all.map((s) => s.product)), [all]);
  const [product, setProduct] = useState(products[0] ?? "");
  const ofProduct = all.filter((s) => s.product === product);
  const locations = unique(ofProduct.map((s) => s.location));
  const [location, setLocation] = useState<string | undefined>(undefined);
  const loc = location !== undefined && locations.includes(location) ? location : locations[0];
  const candidates = ofProduct.filter((s) => s.location === loc);
  const [key, setKey] = useState<string | undefined>(undefined);
  const series = candidates.find((s) => s.key === key) ?? candidates[0];
  const [status, setStatus] = useState("");
  // the table's rows: the newest eight prices (the chart computes its own points)
  const newest = useMemo(() => (series ? seriesPoints(series).reverse().slice(0, 8) : []), [series]);
  const [busy, setBusy] = useState(false);

  if (all.length === 0) return <Text>The data in use holds no dated prices.</Text>;
  const formula = series ? pricesFormula(series) : "";
  const insert = async (chart: boolean) => {
    const unsupported = unsupportedExcelApi("chart");
    if (unsupported) return setStatus(unsupported);
    setBusy(true);
    setStatus("");
    try {
      const out = await insertPriceHistory(run, formula, { chart, title: series ? describeSeries(series) : "" });
      setStatus(out.message);
    } catch (e) {
      setStatus(`Excel refused: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  };
  const rest = (s: PriceSeries) => [s.grade, s.basis || "no basis stated", s.unit, s.type].filter(Boolean).join(", ");

  return (
    <section className={cls.root} aria-label="Prices">
      <div className={cls.pickers}>
        <Field label="Product">
          <Select className={cls.select} value={product} onChange={(_, d) => { setProduct(d.value); setLocation(undefined); setKey(undefined); }}>
            {products.map((p) => <option key={p} value={p}>{p}</option>)}
          </Select>
        </Field>
        <Field label="Location">
          <Select className={cls.select} value={loc} onChange={(_, d) => { setLocation(d.value); setKey(undefined); }}>
            {locations.map((l) => <option key={l} value={l}>{l || "(no location stated)"}</option>)}
          </Select>
        </Field>
        <Field label="Series (grade, basis, unit, type)" hint={candidates.length > 1 ? `${candidates.length} series here: they never mix.` : undefined}>
          <Select className={cls.select} value={series?.key} onChange={(_, d) => setKey(d.value)}>
            {candidates.map((s) => <option key={s.key} value={s.key}>{rest(s)}</option>)}
          </Select>
        </Field>
      </div>
      {series && <PriceChart series={series} />}
      {series && (
        <div className={cls.wrap}>
          <table className={cls.table} data-testid="price-rows">
            <caption className={cls.srOnly}>Prices of the series, newest first</caption>
            <thead><tr><th scope="col">Date</th><th scope="col">Low</th><th scope="col">High</th><th scope="col">Source</th></tr></thead>
            <tbody>
              {newest.map((p, i) => {
                const r = series.points[series.points.length - 1 - i].record;
                return (
                  <tr key={i}>
                    <td style={{ whiteSpace: "nowrap" }}>{p.date}</td>
                    <td className="num">{formatNumber(p.low)}</td>
                    <td className="num">{formatNumber(p.high)}</td>
                    <td><a href={r.source_url} target="_blank" rel="noreferrer">{r.source_outlet || "source"}</a></td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <Text size={200} className={cls.formula} data-testid="price-formula">{formula}</Text>
      <div className={cls.actions}>
        {mode === "excel" ? (
          <>
            <Button appearance="primary" disabled={busy} onClick={() => void insert(false)}>Insert MG.PRICES here</Button>
            <Button disabled={busy} onClick={() => void insert(true)}>Insert with an Excel chart</Button>
          </>
        ) : (
          <Text size={200}>In Excel, this formula goes into the active cell, with an Excel chart of its spill if you ask.</Text>
        )}
      </div>
      {status && <Text role="status">{status}</Text>}
    </section>
  );
}
