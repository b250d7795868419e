// Puts a price history in the workbook: MG.PRICES at the selected cell (the formula, so it recalculates
// with the data), and an Excel line chart of its spill (low, high, mid against the date), so the chart
// lives in the workbook too. Thin: the formula comes from the query core (pricesFormula).
import type { ExcelRunner } from "./writer";

export interface PriceChartOutcome {
  /** Where the formula went ("Sheet1!B2"). */
  address: string;
  /** Rows of prices the formula spilled (0 when it answered an error). */
  rows: number;
  /** Name of the chart added, or "" when there was nothing to chart. */
  chart: string;
  message: string;
}

// Columns of MG.PRICES: date, precision, low, high, mid, ...
const DATE_COLUMN = 0;
const LOW_COLUMN = 2;
const SERIES_COLUMNS = 3; // low, high, mid

/** Writes `formula` at the active cell; with `chart`, adds a line chart of what it spills beside it. */
export async function insertPriceHistory(run: ExcelRunner, formula: string, opts: { chart: boolean; title: string }): Promise<PriceChartOutcome> {
  return run(async (ctx) => {
    const cell = ctx.workbook.getActiveCell();
    cell.formulas = [[formula]];
    cell.load("address");
    await ctx.sync();
    const spill = cell.getSpillingToRangeOrNullObject();
    spill.load("address,rowCount,columnCount");
    await ctx.sync();
    if (spill.isNullObject || spill.rowCount < 2) {
      return { address: cell.address, rows: 0, chart: "", message: `MG.PRICES is in ${cell.address}; it spilled no prices (see the cell's message), so no chart was added.` };
    }
    const rows = spill.rowCount - 1;
    if (!opts.chart) return { address: cell.address, rows, chart: "", message: `MG.PRICES is in ${cell.address}: ${rows} price${rows === 1 ? "" : "s"}.` };
    const body = spill.getOffsetRange(1, 0).getResizedRange(-1, 0);
    const dates = body.getColumn(DATE_COLUMN);
    // The header row names the chart's series (low, high, mid).
    const values = spill.getColumn(LOW_COLUMN).getResizedRange(0, SERIES_COLUMNS - 1);
    const sheet = cell.worksheet;
    const chart = sheet.charts.add("Line", values, "Columns");
    chart.title.text = opts.title;
    for (let i = 0; i < SERIES_COLUMNS; i++) chart.series.getItemAt(i).setXAxisValues(dates);
    chart.axes.categoryAxis.categoryType = "DateAxis";
    chart.axes.categoryAxis.numberFormat = "yyyy-mm-dd";
    // Beside the spill, so the chart covers none of it.
    const anchor = spill.getColumn(spill.columnCount - 1).getOffsetRange(0, 2).getCell(0, 0);
    chart.setPosition(anchor);
    chart.load("name");
    await ctx.sync();
    return { address: cell.address, rows, chart: chart.name, message: `MG.PRICES is in ${cell.address} (${rows} price${rows === 1 ? "" : "s"}), charted in "${chart.name}".` };
  });
}
