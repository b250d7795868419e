// Where a record's figures are written in its evidence, so the pane can mark them: "16,150" for 16150,
// "2.5 million" for 2500000. Only figures equal to the record's value or high end are marked.
const FIGURE = /(?<![\d.,])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(\s?(?:thousand|million|billion))?(?![\d])/g;
const SCALE: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9 };

/** [start, end) spans of the evidence that write `values`, in order, not overlapping. */
export function figureSpans(evidence: string, values: readonly (number | null)[]): [number, number][] {
  const wanted = values.filter((v): v is number => v !== null);
  if (wanted.length === 0) return [];
  const out: [number, number][] = [];
  FIGURE.lastIndex = 0;
  for (let m = FIGURE.exec(evidence); m; m = FIGURE.exec(evidence)) {
    const base = Number(m[1].replace(/,/g, ""));
    const scaled = m[2] ? base * SCALE[m[2].trim().toLowerCase()] : base;
    const same = (v: number) => Math.abs(v - base) < 1e-9 * Math.max(1, Math.abs(v)) || Math.abs(v - scaled) < 1e-9 * Math.max(1, Math.abs(v));
    if (wanted.some(same)) out.push([m.index, m.index + (same(base) && !wanted.some((v) => v === scaled && scaled !== base) ? m[1].length : m[0].length)]);
  }
  return out;
}
