// After a refresh the workbook is recalculated so MG cells answer from the new data: in Excel a full
// calculation through Excel.run (host mocked thinly with office-addin-mock); outside Excel nothing runs.
import { OfficeMockObject } from "office-addin-mock";
import { recalculateMgFormulas } from "../../src/taskpane/refresh/shared";

const g = globalThis as Record<string, unknown>;
afterEach(() => {
  delete g.Office;
  delete g.Excel;
});

function excelHost() {
  const calls: string[] = [];
  let syncs = 0;
  const context: any = new OfficeMockObject({
    workbook: { application: { calculate: (type: string) => void calls.push(type) } },
  });
  const sync = context.sync.bind(context);
  context.sync = async () => {
    syncs++;
    return sync();
  };
  g.Office = { context: { host: "Excel" }, HostType: { Excel: "Excel" } };
  g.Excel = { run: async (fn: (ctx: unknown) => Promise<unknown>) => fn(context), CalculationType: { full: "Full", recalculate: "Recalculate" } };
  return { calls, syncs: () => syncs };
}

it("runs a full calculation in Excel", async () => {
  const host = excelHost();
  expect(await recalculateMgFormulas()).toBe(true);
  expect(host.calls).toEqual(["Full"]);
  expect(host.syncs()).toBe(1);
});

it("does nothing in preview mode (office.js loaded, no Excel host)", async () => {
  const host = excelHost();
  (g.Office as { context: { host: unknown } }).context.host = undefined;
  expect(await recalculateMgFormulas()).toBe(false);
  expect(host.calls).toEqual([]);
  delete g.Office;
  delete g.Excel;
  expect(await recalculateMgFormulas()).toBe(false);
});
