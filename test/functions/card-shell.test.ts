// The Excel shell (src/functions/functions.ts) chooses a card or the plain number from Office's requirement
// sets, once per runtime. Office is mocked thinly: the requirements check and the CustomFunctions.Error class.
import { sharedStore } from "../../src/core/data/store";
import { isoToSerial } from "../../src/core/model/dates";
import { cardDataset } from "./cardFixtures";

class FakeCustomFunctionsError extends Error {
  constructor(
    public code: string,
    message?: string,
  ) {
    super(message);
  }
}
const g = globalThis as any;
g.CustomFunctions = { Error: FakeCustomFunctionsError, ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" } };

const fns = require("../../src/functions/functions") as typeof import("../../src/functions/functions");

/** Office with the given requirement sets (name -> highest version), counting the questions asked. */
function office(sets: Record<string, string>) {
  const asked: string[] = [];
  const isSetSupported = (name: string, version = "1.1") => {
    asked.push(`${name} ${version}`);
    const have = sets[name];
    if (!have) return false;
    const [a, b] = have.split(".").map(Number);
    const [c, d] = version.split(".").map(Number);
    return a > c || (a === c && b >= d);
  };
  g.Office = { context: { requirements: { isSetSupported } } };
  return asked;
}

beforeAll(() => {
  sharedStore().replace(cardDataset(), "bundled");
});
beforeEach(() => fns.resetCardsDecision());
afterAll(() => {
  delete g.Office;
});

describe("where Excel shows data types (ExcelApi 1.19, CustomFunctionsRuntime 1.4)", () => {
  beforeEach(() => office({ ExcelApi: "1.19", CustomFunctionsRuntime: "1.4" }));

  it("scalar functions answer the number with its card", async () => {
    const ws = (await fns.weightSaving("Calder Motors")) as Excel.DoubleCellValue;
    expect(ws).toMatchObject({ type: "Double", basicValue: 38, provider: { description: "Magnesium Tracker" } });
    expect(ws.properties?.Evidence).toMatchObject({ basicValue: expect.stringContaining("door inner panel is 38% lighter") });
    await expect(fns.capacity("Fennick Magnesium")).resolves.toMatchObject({ type: "Double", basicValue: 25000 });
    await expect(fns.policyDate("Scrap Recycling")).resolves.toMatchObject({ basicValue: isoToSerial("2031-05-14"), numberFormat: "yyyy-mm-dd" });
    await expect(fns.fact("Calder Motors", "value")).resolves.toMatchObject({ type: "Double", basicValue: 38 });
    await expect(fns.price("magnesium ingot")).resolves.toMatchObject({ type: "Double", basicValue: 16400 });
    // a field given as a one-cell range is read as the function reads it
    await expect(fns.price("magnesium ingot", null, null, [["date"]])).resolves.toMatchObject({ basicValue: isoToSerial("2031-03-09"), numberFormat: "yyyy-mm-dd" });
  });

  it("text answers and spills stay plain", async () => {
    await expect(fns.fact("Calder Motors", "evidence")).resolves.toBe("Calder Motors said its magnesium door inner panel is 38% lighter than the steel panel it replaces.");
    await expect(fns.source("Calder Motors")).resolves.toBe("https://example.test/calder-door");
    await expect(fns.price("magnesium ingot", null, null, "unit")).resolves.toBe("CNY/t");
    const table = await fns.events(null, "Calder Motors", null, null);
    expect(Array.isArray(table)).toBe(true);
    expect(table.flat().every((c) => typeof c === "string" || typeof c === "number")).toBe(true);
    const spill = await fns.prices("magnesium ingot");
    expect(spill.flat().every((c) => typeof c === "string" || typeof c === "number")).toBe(true);
  });

  it("errors stay as they were: #N/A and #VALUE! with their message", async () => {
    await expect(fns.weightSaving("Fennick Magnesium")).rejects.toMatchObject({ code: "#N/A", message: expect.stringContaining("no weight saving") });
    await expect(fns.weightSaving("Calder Motors", "lb")).rejects.toMatchObject({ code: "#VALUE!", message: 'unit must be "%" or "kg"; got "lb"' });
  });
});

describe("elsewhere the plain number, as before", () => {
  it.each([
    ["ExcelApi 1.18", { ExcelApi: "1.18", CustomFunctionsRuntime: "1.4" }],
    ["CustomFunctionsRuntime 1.3", { ExcelApi: "1.19", CustomFunctionsRuntime: "1.3" }],
  ])("%s", async (_label, sets) => {
    office(sets);
    await expect(fns.weightSaving("Calder Motors")).resolves.toBe(38);
    await expect(fns.capacity("Fennick Magnesium")).resolves.toBe(25000);
    await expect(fns.policyDate("Scrap Recycling")).resolves.toBe(isoToSerial("2031-05-14"));
    await expect(fns.price("magnesium ingot")).resolves.toBe(16400);
  });

  it("no Office (or Office not ready yet): plain numbers, and the question is asked again later", async () => {
    delete g.Office;
    await expect(fns.weightSaving("Calder Motors")).resolves.toBe(38);
    g.Office = {};
    await expect(fns.weightSaving("Calder Motors")).resolves.toBe(38);
    office({ ExcelApi: "1.19", CustomFunctionsRuntime: "1.4" });
    await expect(fns.weightSaving("Calder Motors")).resolves.toMatchObject({ type: "Double", basicValue: 38 });
  });

  it("a requirements check that throws means plain numbers", async () => {
    g.Office = { context: { requirements: { isSetSupported: () => { throw new Error("not in this host"); } } } };
    await expect(fns.weightSaving("Calder Motors")).resolves.toBe(38);
  });
});

it("decides once per runtime: the requirements are asked on the first answer only", async () => {
  const asked = office({ ExcelApi: "1.19", CustomFunctionsRuntime: "1.4" });
  await fns.weightSaving("Calder Motors");
  expect(asked).toEqual(["ExcelApi 1.19", "CustomFunctionsRuntime 1.4"]);
  // a host that answered otherwise later changes nothing (the decision holds for the runtime)
  office({});
  for (let i = 0; i < 5; i++) await expect(fns.capacity("Fennick Magnesium")).resolves.toMatchObject({ type: "Double" });
  // errors and text answers never ask
  const fresh = office({ ExcelApi: "1.19", CustomFunctionsRuntime: "1.4" });
  fns.resetCardsDecision();
  await fns.source("Calder Motors");
  await fns.weightSaving("Nobody Known").catch(() => undefined);
  expect(fresh).toEqual([]);
});
