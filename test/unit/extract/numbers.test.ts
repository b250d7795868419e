import { findQuantities, normaliseUnit } from "../../../src/core/corpus/extract/numbers";

const q = (s: string) => findQuantities(s).map((x) => ({ value: x.value, valueMax: x.valueMax, unit: x.unit, qualifier: x.qualifier, machineClass: x.machineClass }));

describe("numbers", () => {
  it("removes thousands separators and normalises tonnage units to t", () => {
    expect(q("a smelter of 250,000 mt")[0]).toMatchObject({ value: 250000, unit: "t" });
    expect(q("about 4,500 tonnes of ingots")[0]).toMatchObject({ value: 4500, unit: "t", qualifier: "about" });
    expect(q("12 metric tons of alloy")[0]).toMatchObject({ value: 12, unit: "t" });
    expect(q("80 tons a day")[0]).toMatchObject({ value: 80, unit: "t" });
    expect(normaliseUnit("KG")).toBe("kg");
  });

  it("reads thousands spaced before a unit, a range or '/unit', and never a run of zeros as a number", () => {
    expect(q("a capacity of 150 000 tonnes a year")[0]).toMatchObject({ value: 150000, unit: "t" });
    expect(q("18 600-18 800 yuan/t")[0]).toMatchObject({ value: 18600, valueMax: 18800 });
    // Not before a unit: two numbers ("Line 3 200 workers" is line 3 and 200 workers).
    expect(q("Line 3 200 workers").map((x) => x.value)).toEqual([3, 200]);
    expect(q("code 000 tonnes")).toEqual([]);
  });

  it("reads 'pc' as per cent and 'kilos' as kilograms", () => {
    expect(q("30pc lighter")[0]).toMatchObject({ value: 30, unit: "%" });
    expect(q("4.5 kilos lighter")[0]).toMatchObject({ value: 4.5, unit: "kg" });
  });

  it("reads word scales and currencies", () => {
    expect(q("an investment of over 350 million yuan")[0]).toMatchObject({ value: 350000000, unit: "CNY", qualifier: "over" });
    expect(q("RMB 1.5 billion")[0]).toMatchObject({ value: 1500000000, unit: "CNY" });
  });

  it("reads ranges with the unit on both ends or only the last", () => {
    expect(q("cut by 1.5 kg to 4 kg overall")[0]).toMatchObject({ value: 1.5, valueMax: 4, unit: "kg" });
    expect(q("between 3 to 9% lighter")[0]).toMatchObject({ value: 3, valueMax: 9, unit: "%" });
  });

  it("does not read 'from A to B' as a range", () => {
    const r = q("rose from 20% to 35% this year");
    expect(r.map((x) => x.value)).toEqual([20, 35]);
    expect(r[0].valueMax).toBeNull();
  });

  it("keeps each member of a list", () => {
    expect(q("lines of 40,000 mt, 60,000 mt, and 90,000 mt").map((x) => x.value)).toEqual([40000, 60000, 90000]);
  });

  it("maps qualifiers: more than/exceeding/N+ -> over, up to, approximately -> about", () => {
    expect(q("more than 12%")[0].qualifier).toBe("over");
    expect(q("exceeding 8 kg")[0].qualifier).toBe("over");
    expect(q("2,000+ tons")[0].qualifier).toBe("over");
    expect(q("up to 9KG")[0]).toMatchObject({ value: 9, unit: "kg", qualifier: "up to" });
    expect(q("approximately 40%")[0].qualifier).toBe("about");
    expect(q("at least 3 t")[0].qualifier).toBe("at least");
  });

  it("flags a machine's tonnage class (clamping force), not material", () => {
    expect(q("a 6,800T die-casting machine")[0].machineClass).toBe(true);
    expect(q("an 8,000-mt-class press")[0].machineClass).toBe(true);
    expect(q("a 2,500-ton-class cell")[0].machineClass).toBe(true);
    expect(q("2,500 tons of ingot")[0].machineClass).toBe(false);
  });

  it("does not read codes or year ranges as quantities with units", () => {
    expect(q("standard YS/T 1234-2022").every((x) => x.unit === "")).toBe(true);
    expect(q("the plan for 2026-2030").every((x) => x.unit === "")).toBe(true);
  });
});

describe("numbers: scales and currencies across a range", () => {
  it("a scale or currency written once applies to both ends", () => {
    expect(q("output of 1.1-1.4 million tonnes")[0]).toMatchObject({ value: 1100000, valueMax: 1400000, unit: "t" });
    expect(q("RMB 4 to 6 billion")[0]).toMatchObject({ value: 4e9, valueMax: 6e9, unit: "CNY" });
  });
});
