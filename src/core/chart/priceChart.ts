// Geometry of a price history chart: a low-high band and a mid line over time, in SVG path terms. Plain
// data in, plain strings out, so the pane draws it and a test checks it without a browser.
export interface ChartPoint {
  /** Excel serial of the day the price holds from. */
  day: number;
  low: number;
  high: number;
  mid: number;
}

export interface ChartGeometry {
  width: number;
  height: number;
  /** Closed path of the band between low and high (empty when every price is a single figure). */
  band: string;
  /** Polyline of the mid prices. */
  mid: string;
  dots: { x: number; y: number }[];
  /** Each price's low-high range as a vertical line (a single day's range, or several prices of one day). */
  whiskers: { x: number; low: number; high: number }[];
  xTicks: { x: number; day: number }[];
  yTicks: { y: number; value: number }[];
  plot: { left: number; top: number; right: number; bottom: number };
}

const round = (n: number) => Math.round(n * 10) / 10;

/** Round numbers for the price axis: about `count` steps of 1, 2 or 5 times a power of ten. */
export function niceTicks(min: number, max: number, count = 4): number[] {
  if (!(max > min)) {
    const pad = Math.abs(min) > 0 ? Math.abs(min) * 0.05 : 1;
    return niceTicks(min - pad, max + pad, count);
  }
  const raw = (max - min) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw)!;
  const out: number[] = [];
  for (let v = Math.floor(min / step) * step; v <= max + step * 1e-9; v += step) out.push(Number(v.toPrecision(12)));
  if (out[out.length - 1] < max) out.push(Number((out[out.length - 1] + step).toPrecision(12)));
  return out;
}

export function priceChartGeometry(points: readonly ChartPoint[], width: number, height: number): ChartGeometry {
  // Room on the left for price labels, below for dates.
  const plot = { left: 52, top: 8, right: width - 8, bottom: height - 22 };
  const empty: ChartGeometry = { width, height, band: "", mid: "", dots: [], whiskers: [], xTicks: [], yTicks: [], plot };
  if (points.length === 0) return empty;
  const sorted = [...points].sort((a, b) => a.day - b.day);
  const first = sorted[0].day;
  const last = sorted[sorted.length - 1].day;
  const span = last > first ? last - first : 1;
  const ticks = niceTicks(Math.min(...sorted.map((p) => p.low)), Math.max(...sorted.map((p) => p.high)));
  const lo = ticks[0];
  const hi = ticks[ticks.length - 1];
  const x = (day: number) => round(last > first ? plot.left + ((day - first) / span) * (plot.right - plot.left) : (plot.left + plot.right) / 2);
  const y = (v: number) => round(plot.bottom - ((v - lo) / (hi - lo)) * (plot.bottom - plot.top));
  const line = (pts: { x: number; y: number }[]) => pts.map((p, i) => `${i === 0 ? "M" : "L"}${p.x},${p.y}`).join(" ");
  const ranged = sorted.some((p) => p.high > p.low);
  // A band needs two days to span; on one day the ranges are whiskers only.
  const band = ranged && last > first ? `${line(sorted.map((p) => ({ x: x(p.day), y: y(p.high) })))} ${[...sorted].reverse().map((p) => `L${x(p.day)},${y(p.low)}`).join(" ")} Z` : "";
  const dots = sorted.map((p) => ({ x: x(p.day), y: y(p.mid) }));
  const xDays = last > first ? [first, Math.round((first + last) / 2), last] : [first];
  return {
    width,
    height,
    band,
    mid: line(dots),
    dots,
    whiskers: sorted.filter((p) => p.high > p.low).map((p) => ({ x: x(p.day), low: y(p.low), high: y(p.high) })),
    xTicks: [...new Set(xDays)].map((day) => ({ x: x(day), day })),
    yTicks: ticks.map((value) => ({ y: y(value), value })),
    plot,
  };
}
