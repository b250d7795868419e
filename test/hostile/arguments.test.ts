// Hostile MG arguments (issue 15): prototype keys, serials past Excel's last date, text far longer than any
// name. Each gets #VALUE! with a message, never a crash or an "undefined"; the cost of long text is in the bench.
import { buildIndex } from "../../src/core/query/recordIndex";
import { capacity, events, fact, weightSaving } from "../../src/core/query/functions";
import { price, standard } from "../../src/core/query/prices";
import { syntheticDataset } from "../query/fixtures";

const index = buildIndex(syntheticDataset());

describe("prototype keys typed as arguments", () => {
  it.each(["constructor", "__proto__", "toString", "hasOwnProperty"])("%s is no kind, field, unit or choice", (key) => {
    expect(events(index, key)).toMatchObject({ error: "invalid_value", message: expect.stringContaining(`got "${key}"`) });
    expect(fact(index, "Zeta Light Metals", key)).toMatchObject({ error: "invalid_value", message: expect.stringContaining("field must be one of") });
    expect(weightSaving(index, "Ridgeway Motors", key)).toMatchObject({ error: "invalid_value" });
    expect(capacity(index, "Zeta Light Metals", null, key)).toMatchObject({ error: "invalid_value" });
    expect(standard(index, "GB/T 1", key)).toMatchObject({ error: "invalid_value" });
  });
});

describe("dates past 9999-12-31", () => {
  it.each([2958466, 3e6, 1e15])("serial %s says the range Excel has", (serial) => {
    expect(events(index, null, null, serial)).toMatchObject({ error: "invalid_value", message: expect.stringContaining("past 31 December 9999") });
    expect(price(index, "magnesium ingot", null, serial)).toMatchObject({ error: "invalid_value", message: expect.stringContaining("past 31 December 9999") });
  });
  it("9999-12-31 itself is a date", () => {
    expect(events(index, null, null, null, 2958465)).not.toMatchObject({ error: "invalid_value" });
  });
});

describe("text far longer than any name", () => {
  it("a 32,767-character subject is refused at once, saying the limit", () => {
    const long = "Qx".repeat(16383) + "Q";
    expect(weightSaving(index, long)).toMatchObject({ error: "invalid_value", message: expect.stringContaining("give at most 500") });
  });
  it("a 400-character unknown subject still gets an answer, with no suggestions wasted on it", () => {
    expect(weightSaving(index, "Qx".repeat(200))).toMatchObject({ error: "not_available" });
  });
});
