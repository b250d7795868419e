// The Excel adapter (src/functions/functions.ts) with the host mocked thinly: only the
// CustomFunctions.Error class and error codes Office provides.
import { sharedStore } from "../../src/core/data/store";
import { startBundledLoad } from "../../src/core/data/bundled";
import { syntheticDataset } from "../query/fixtures";

class FakeCustomFunctionsError extends Error {
  constructor(
    public code: string,
    message?: string,
  ) {
    super(message);
  }
}
(globalThis as any).CustomFunctions = { Error: FakeCustomFunctionsError, ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" } };

import { isoToSerial } from "../../src/core/model/dates";

const fns = require("../../src/functions/functions") as typeof import("../../src/functions/functions");

describe("Excel adapter", () => {
  beforeAll(() => {
    sharedStore().replace(syntheticDataset(), "bundled");
  });

  it("resolves values and spills as Excel expects them", async () => {
    await expect(fns.weightSaving("RIDGEWAY MOTORS", null as any, null as any)).resolves.toBe(18.5);
    const table = await fns.events("deal", null as any, null, null);
    expect(table).toEqual([
      ["Date", "Date precision", "Kind", "Subject", "Organisations", "Title", "Product", "Qualifier", "Value", "Value (high end)", "Unit", "Per", "Status", "Region", "Source"],
      [isoToSerial("2024-01-12"), "day", "deal", "Zeta Metals Trading", "Zeta Metals Trading", "Supply agreement", "", "", "", "", "", "", "", "", "https://example.test/article"],
    ]);
    expect(table.every((row) => row.length === table[0].length)).toBe(true);
  });

  it("rejects with a CustomFunctions.Error carrying code and message", async () => {
    await expect(fns.capacity("Zeta Light Metals", "hydride", null as any, null as any)).rejects.toMatchObject({
      code: "#N/A",
      message: expect.stringContaining('use per "day"'),
    });
    await expect(fns.weightSaving("Ridgeway Motors", "lb")).rejects.toMatchObject({ code: "#VALUE!", message: 'unit must be "%" or "kg"; got "lb"' });
    const err = await fns.subjects("zzzzzzzzzzzzzz").catch((e) => e);
    expect(err).toBeInstanceOf(FakeCustomFunctionsError);
  });

  it("keeps messages within what Excel shows", async () => {
    const long = "x".repeat(400);
    const err = (await fns.weightSaving(long).catch((e: FakeCustomFunctionsError) => e)) as FakeCustomFunctionsError;
    expect(err.message.length).toBeLessThanOrEqual(255);
  });

  it("answers #N/A with the reason when the data cannot load, instead of hanging", async () => {
    const g = globalThis as any;
    const saved = { store: g.__magnesiumTrackerDataStore, load: g.__magnesiumTrackerBundledLoad, fetch: g.fetch };
    try {
      delete g.__magnesiumTrackerDataStore;
      delete g.__magnesiumTrackerBundledLoad;
      // the server has no dataset.json (the function's own load attempt meets the same 404)
      g.fetch = async () => new Response("not found", { status: 404 });
      await startBundledLoad(sharedStore());
      await expect(fns.weightSaving("Ridgeway Motors")).rejects.toMatchObject({ code: "#N/A", message: expect.stringContaining("HTTP 404") });
    } finally {
      g.__magnesiumTrackerDataStore = saved.store;
      g.__magnesiumTrackerBundledLoad = saved.load;
      g.fetch = saved.fetch;
    }
  });
});
