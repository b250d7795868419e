// The writer tests' Excel: office-addin-mock's OfficeMockObject gives the context object and the run()
// entry point, seeded with fakeWorkbook.ts's request context (the mock has no object model of its own;
// the browser test uses the same context in the page).
import { OfficeMockObject } from "office-addin-mock";
import { FakeBook, fakeContext } from "./fakeWorkbook";

export * from "./fakeWorkbook";

/** An ExcelRunner over a FakeBook, built on office-addin-mock. */
export function fakeExcel(book: FakeBook): { run: <T>(batch: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>; mock: any } {
  const mock: any = new OfficeMockObject({
    context: fakeContext(book),
    run: async function (this: any, batch: (ctx: any) => Promise<unknown>) { return batch(this.context); },
  });
  // Live collections: office-addin-mock stores seed values once; these read the fake book each time.
  Object.defineProperty(mock.context.workbook.tables, "items", { get: () => book.tables });
  mock.context.workbook.tables.load = () => undefined;
  return { run: (batch) => mock.run(batch), mock };
}
