// The price chart writer against office-addin-mock: the formula goes in the active cell, the chart
// charts the spill's low, high and mid columns against its dates and sits beside it.
import { OfficeMockObject } from "office-addin-mock";
import { insertPriceHistory } from "../../src/excel/priceChart";

/** A range as an address string ("C2:E5") that the calls below move and resize. */
function range(c0: number, r0: number, cols: number, rows: number, log: string[]): any {
  const col = (c: number) => String.fromCharCode(65 + c);
  const address = `Sheet1!${col(c0)}${r0 + 1}:${col(c0 + cols - 1)}${r0 + rows}`;
  return {
    address,
    rowCount: rows,
    columnCount: cols,
    isNullObject: false,
    load: () => undefined,
    getOffsetRange: (dr: number, dc: number) => range(c0 + dc, r0 + dr, cols, rows, log),
    getResizedRange: (dr: number, dc: number) => range(c0, r0, cols + dc, rows + dr, log),
    getColumn: (i: number) => range(c0 + i, r0, 1, rows, log),
    getCell: (r: number, c: number) => range(c0 + c, r0 + r, 1, 1, log),
  };
}

function excel(spillRows: number | null) {
  const log: string[] = [];
  const chart: any = {
    name: "Chart 1",
    title: { text: "" },
    axes: { categoryAxis: { categoryType: "", numberFormat: "" } },
    series: { getItemAt: (i: number) => ({ setXAxisValues: (r: any) => log.push(`series ${i} x ${r.address}`) }) },
    setPosition: (r: any) => log.push(`position ${r.address}`),
    load: () => undefined,
  };
  const cell: any = {
    address: "Sheet1!B2",
    formulas: [[""]],
    load: () => undefined,
    getSpillingToRangeOrNullObject: () => (spillRows === null ? { isNullObject: true, load: () => undefined } : range(1, 1, 12, spillRows, log)),
    worksheet: { charts: { add: (type: string, r: any, by: string) => (log.push(`add ${type} ${r.address} ${by}`), chart) } },
  };
  const mock: any = new OfficeMockObject({
    context: { workbook: { getActiveCell: () => cell }, sync: async () => undefined },
    run: async function (this: any, batch: (ctx: any) => Promise<unknown>) {
      return batch(this.context);
    },
  });
  return { run: (b: any) => mock.run(b), cell, chart, log };
}

describe("insert price history", () => {
  const formula = '=MG.PRICES("magnesium ingot","Valeria",,,"basis=ex-works; currency=CNY; unit=t; type=quotation; grade=none")';

  it("writes the formula at the active cell and charts low, high and mid against the dates beside the spill", async () => {
    const x = excel(4);
    const out = await insertPriceHistory(x.run, formula, { chart: true, title: "magnesium ingot, Valeria" });
    expect(x.cell.formulas).toEqual([[formula]]);
    expect(out).toEqual({ address: "Sheet1!B2", rows: 3, chart: "Chart 1", message: 'MG.PRICES is in Sheet1!B2 (3 prices), charted in "Chart 1".' });
    expect(x.log).toEqual([
      // D:F are low, high, mid (with their header row, which names the series)
      "add Line Sheet1!D2:F5 Columns",
      "series 0 x Sheet1!B3:B5",
      "series 1 x Sheet1!B3:B5",
      "series 2 x Sheet1!B3:B5",
      "position Sheet1!O2:O2",
    ]);
    expect(x.chart.title.text).toBe("magnesium ingot, Valeria");
    expect(x.chart.axes.categoryAxis.categoryType).toBe("DateAxis");
  });

  it("adds no chart when the formula spilled no prices, and says why", async () => {
    const x = excel(null);
    const out = await insertPriceHistory(x.run, formula, { chart: true, title: "t" });
    expect(out.chart).toBe("");
    expect(out.message).toContain("spilled no prices");
    expect(x.log).toEqual([]);
  });

  it("without chart, only the formula", async () => {
    const x = excel(3);
    const out = await insertPriceHistory(x.run, formula, { chart: false, title: "t" });
    expect([out.rows, out.chart]).toEqual([2, ""]);
    expect(x.log).toEqual([]);
  });
});
