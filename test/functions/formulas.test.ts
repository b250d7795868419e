// Real formulas through a real formula engine (HyperFormula), over synthetic data.
import { DetailedCellError } from "hyperformula";
import { DataSnapshot, DataStore } from "../../src/core/data/store";
import { isoToSerial } from "../../src/core/query";
import { syntheticDataset } from "../query/fixtures";
import { sheetWithMg } from "./hyperformulaMg";

const store = new DataStore();
store.replace(syntheticDataset(), "bundled");
const snap = (): DataSnapshot => store.current()!;

function value(hf: ReturnType<typeof sheetWithMg>, cell: string) {
  const address = hf.simpleCellAddressFromString(cell, 0)!;
  return hf.getCellValue(address);
}

describe("MG functions in formulas", () => {
  it("take cell references as arguments and feed arithmetic", () => {
    const hf = sheetWithMg(snap, [
      ["Ridgeway Motors", "=MG.WEIGHTSAVING(A1)", "=B1*2", "=MG.WEIGHTSAVING(A1)/100"],
      ["Orbis", "kg", "=MG.WEIGHTSAVING(A2,B2)+MG.WEIGHTSAVING(A2,B2,\"high\")"],
    ]);
    expect(value(hf, "B1")).toBe(18.5);
    expect(value(hf, "C1")).toBe(37);
    expect(value(hf, "D1")).toBeCloseTo(0.185);
    expect(value(hf, "C2")).toBe(5.5);
  });

  it("give #N/A with a message saying what the data holds, which IFERROR catches", () => {
    const hf = sheetWithMg(snap, [["Kestrel Auto", "=MG.WEIGHTSAVING(A1)", "=IFERROR(MG.WEIGHTSAVING(A1),\"none\")", "=ISNA(B1)"]]);
    const err = value(hf, "B1") as DetailedCellError;
    expect(err).toBeInstanceOf(DetailedCellError);
    expect(err.value).toBe("#N/A");
    expect(err.message).toBe("Kestrel Auto's motor housing is reported at 11.2 kg but no weight saving is reported.");
    expect(value(hf, "C1")).toBe("none");
    expect(value(hf, "D1")).toBe(true);
  });

  it("give #VALUE! with what is expected for a bad argument", () => {
    const hf = sheetWithMg(snap, [["=MG.WEIGHTSAVING(\"Ridgeway Motors\",\"stone\")", "=MG.EVENTS(,,\"soon\")"]]);
    const a = value(hf, "A1") as DetailedCellError;
    expect([a.value, a.message]).toEqual(["#VALUE!", 'unit must be "%" or "kg"; got "stone"']);
    expect((value(hf, "B1") as DetailedCellError).message).toMatch(/^from must be a date/);
  });

  it("name the closest subjects when a name is unknown", () => {
    const hf = sheetWithMg(snap, [["=MG.CAPACITY(\"Northwynd\")"]]);
    expect((value(hf, "A1") as DetailedCellError).message).toContain('Closest: "Northwind Magnesium"');
  });

  it("return an Excel date usable in date arithmetic", () => {
    const hf = sheetWithMg(snap, [["=MG.POLICYDATE(\"recycling\")", "=YEAR(A1)", "=MONTH(A1)", "=DAY(A1)"]]);
    expect(value(hf, "A1")).toBe(isoToSerial("2024-03-15"));
    expect([value(hf, "B1"), value(hf, "C1"), value(hf, "D1")]).toEqual([2024, 3, 15]);
  });

  it("spill a table with a header row, narrowed by arguments in cells", () => {
    const hf = sheetWithMg(snap, [["policy", "Valeria", "=MG.POLICIES(B1)"], [], []]);
    expect(value(hf, "C1")).toBe("Date");
    expect(value(hf, "G1")).toBe("Title");
    expect(value(hf, "G2")).toBe("Plan for Light Alloy Upgrading");
    expect(value(hf, "G3")).toBe("Notice on Magnesium Recycling");
    expect(hf.getSheetDimensions(0)).toEqual({ width: 11, height: 3 });
    const blocked = sheetWithMg(snap, [["=MG.POLICIES(\"Valeria\")"], ["", "in the way"]]);
    expect((value(blocked, "A1") as DetailedCellError).value).toBe("#SPILL!");
  });

  it("spill EVENTS and let other formulas read the spilled cells", () => {
    const hf = sheetWithMg(snap, [["=MG.EVENTS(\"capacity\",\"Zeta Light Metals\")"], [], [], ["=COUNTA(A1:A3)-1", "=SUM(I2:I3)", "=YEAR(A2)", "=MONTH(A2)", "=MAX(A2:A3)>A3"]]);
    // "2024-09" is an Excel date (1 September) with "month" beside it: date functions and comparisons work
    expect(value(hf, "A2")).toBe(isoToSerial("2024-09-01"));
    expect(value(hf, "B2")).toBe("month");
    expect(value(hf, "A4")).toBe(2);
    expect(value(hf, "B4")).toBe(50800);
    expect([value(hf, "C4"), value(hf, "D4"), value(hf, "E4")]).toEqual([2024, 9, true]);
  });

  it("answer FACT, SOURCE, SUBJECTS and DATAINFO", () => {
    const hf = sheetWithMg(snap, [
      ["=MG.FACT(\"Zeta Light Metals\",\"unit\",\"weight_saving\")", "=MG.SOURCE(\"Kestrel Auto\")", "=MG.DATAINFO()"],
      [],
      [],
      [],
      [],
      [],
      ["=MG.SUBJECTS(\"ridgeway\")"],
    ]);
    expect(value(hf, "A1")).toBe("kg");
    expect(value(hf, "B1")).toBe("https://example.test/article");
    expect([value(hf, "C2"), value(hf, "D2")]).toEqual(["version", "2024-12-31.synthetic"]);
    expect([value(hf, "A8"), value(hf, "B8")]).toEqual(["Ridgeway Motors", 2]);
  });

  it("see a replaced dataset at once", () => {
    const local = new DataStore();
    local.replace(syntheticDataset(), "bundled");
    const hf = sheetWithMg(() => local.current()!, [["=MG.WEIGHTSAVING(\"Ridgeway Motors\")"]]);
    expect(value(hf, "A1")).toBe(18.5);
    local.replace({ ...syntheticDataset(), records: [], count: 0 }, "feed");
    hf.rebuildAndRecalculate();
    expect((value(hf, "A1") as DetailedCellError).value).toBe("#N/A");
  });
});
