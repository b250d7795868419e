// The writer tests' Excel: office-addin-mock's OfficeMockObject gives the context object and the run()
// entry point; the workbook behind it (cells, tables, settings, sync accounting) is fakeWorkbook.ts,
// since the mock has no object model of its own.
import { OfficeMockObject } from "office-addin-mock";
import { FakeBook, bytes } from "./fakeWorkbook";

export * from "./fakeWorkbook";

/** An ExcelRunner over a FakeBook, built on office-addin-mock. */
export function fakeExcel(book: FakeBook): { run: <T>(batch: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>; mock: any } {
  const mock: any = new OfficeMockObject({
    context: {
      workbook: {
        getSelectedRange: () => book.sheet.getRangeByIndexes(book.selected.row, book.selected.col, 1, 1),
        tables: {
          getItemOrNullObject: (key: string) =>
            book.tables.find((t) => t.id === key || t.name.toLowerCase() === key.toLowerCase()) ?? { isNullObject: true, load() {} },
        },
        settings: {
          getItemOrNullObject: (key: string) =>
            book.settings.has(key) ? { isNullObject: false, value: book.settings.get(key), load() {} } : { isNullObject: true, load() {} },
          add: (key: string, value: unknown) => { book.pending += bytes(value); book.settings.set(key, value); },
        },
      },
      application: {
        suspendApiCalculationUntilNextSync: () => { book.suspendCalls.calculation++; },
        suspendScreenUpdatingUntilNextSync: () => { book.suspendCalls.screen++; },
      },
      sync: async () => {
        book.syncs.push(book.pending);
        book.pending = 0;
        book.onSync?.(book.syncs.length);
      },
    },
    run: async function (this: any, batch: (ctx: any) => Promise<unknown>) { return batch(this.context); },
  });
  // Live collections: office-addin-mock stores seed values once; these read the fake book each time.
  Object.defineProperty(mock.context.workbook.tables, "items", { get: () => book.tables });
  mock.context.workbook.tables.load = () => undefined;
  return { run: (batch) => mock.run(batch), mock };
}
