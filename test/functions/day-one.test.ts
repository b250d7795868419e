// Issue 13, "numbers and dates that mislead" and "lookups that miss what is there": the formulas an analyst
// tried on day one, on the bundled data, each checked against what the source sentence says.
import { parseDataset } from "../../src/core/model/dataset";
import bundled from "../../src/data/dataset.json";
import { buildIndex } from "../../src/core/query/recordIndex";
import { capacity, events, fact, policies, policyDate, projects, subjects, weightSaving } from "../../src/core/query/functions";
import { isoToSerial } from "../../src/core/model/dates";
import type { MgRecord } from "../../src/core/model/record";

const data = parseDataset(bundled);
const index = buildIndex(data);
const withEvidence = (re: RegExp) => data.records.filter((r: MgRecord) => re.test(r.evidence));

describe("a qualified figure is never passed off as a value", () => {
  it("Chongqing Boao's 'over 50%' answers 50 as written, its qualifier is readable, and exact TRUE refuses it saying the bound", () => {
    // the source says "over 50%": the record must carry the qualifier
    const source = withEvidence(/over 50%/).find((r) => r.kind === "weight_saving")!;
    expect(source).toBeDefined();
    expect(weightSaving(index, "Chongqing Boao")).toMatchObject({ value: 50 });
    expect(fact(index, "Chongqing Boao", "qualifier", "weight_saving")).toMatchObject({ value: "over" });
    expect(weightSaving(index, "Chongqing Boao", null, null, null, true)).toMatchObject({ error: "not_available", message: expect.stringContaining("over 50%") });
    expect(weightSaving(index, "Chongqing Boao", null, null, null, "sometimes")).toMatchObject({ error: "invalid_value", message: 'exact must be TRUE or FALSE; got "sometimes"' });
  });
  it("an unqualified figure answers with exact TRUE too", () => {
    expect(weightSaving(index, "Seres", null, null, null, true)).toMatchObject({ value: 21.8 });
  });
});

describe("one subject, one story", () => {
  it("FACT(SAIC, value) is the housing's 13.7 kg that WEIGHTSAVING's message names, from a sentence that says 13.7 kg", () => {
    expect(fact(index, "SAIC", "value")).toMatchObject({ value: 13.7 });
    expect(fact(index, "SAIC", "unit")).toMatchObject({ value: "kg" });
    expect(weightSaving(index, "SAIC")).toMatchObject({ message: expect.stringContaining("13.7 kg") });
    const evidence = fact(index, "SAIC", "evidence");
    expect("value" in evidence && String(evidence.value)).toContain("13.7 kg");
  });
});

describe("numbers given where text is expected: one rule", () => {
  it("POLICYDATE(2024) is refused like EVENTS(,,2024), saying how to give text", () => {
    expect(policyDate(index, 2024)).toMatchObject({ error: "invalid_value", message: expect.stringContaining('give it in quotes ("2024")') });
    expect(events(index, null, null, 2024)).toMatchObject({ error: "invalid_value", message: expect.stringContaining('("2024")') });
    expect(events(index, "", "", true)).toMatchObject({ error: "invalid_value", message: expect.stringContaining("got the logical value TRUE") });
  });
  it("a standard's code given to POLICYDATE says where its dates are", () => {
    expect(policyDate(index, "GB/T 3499-2023")).toMatchObject({ error: "not_available", message: expect.stringContaining('MG.STANDARD("GB/T 3499-2023", "released")') });
  });
});

describe("regions have a hierarchy", () => {
  it("POLICIES(Shaanxi) includes the Yulin, Shaanxi policy", () => {
    const yulin = data.records.filter((r) => r.kind === "policy" && r.region === "Yulin, Shaanxi");
    expect(yulin.length).toBeGreaterThan(0);
    const t = policies(index, "Shaanxi");
    expect("value" in t && t.value.map((row) => row[4])).toEqual(expect.arrayContaining(yulin.map((r) => r.title)));
  });
  it("PROJECTS(Chaohu Yunhai, Anhui) finds the Chaohu company's records, which state no region of their own", () => {
    const t = projects(index, "Chaohu Yunhai", "Anhui");
    expect("value" in t && t.value.length).toBeGreaterThan(1);
  });
});

describe("subject search ranks name starts first", () => {
  it("'ser' gives Seres before Maserati", () => {
    const t = subjects(index, "ser");
    const names = "value" in t ? t.value.slice(1).map((r) => r[0]) : [];
    expect(names.indexOf("Seres")).toBeLessThan(names.indexOf("Maserati"));
  });
});

describe("date ranges say what they leave out", () => {
  it("a range that finds nothing says how many undated records it left out", () => {
    const undated = data.records.filter((r) => r.date === "").length;
    expect(events(index, null, null, "1990", "1990")).toMatchObject({ error: "not_available", message: expect.stringContaining(`${undated} undated records are left out by the date range`) });
  });
  it("a from-date after the to-date is refused, not answered with nothing", () => {
    expect(events(index, null, null, "2025", "2024")).toMatchObject({ error: "invalid_value", message: expect.stringContaining("is after") });
  });
});

describe("capacities", () => {
  it("US Magnesium: the 63,500 t the 2012 boost reached, not the 42,000 t it replaced (status former)", () => {
    expect(withEvidence(/to 63,500 tonnes per year from 42,000 tonnes previously/).length).toBeGreaterThan(0);
    expect(capacity(index, "US Magnesium")).toMatchObject({ value: 63500 });
    expect(capacity(index, "US Magnesium", null, null, null, "former")).toMatchObject({ value: 42000 });
  });
  it("a policy's target is not a city's capacity", () => {
    expect(capacity(index, "Yulin City", null, null, null, "any")).toMatchObject({ error: "not_available" });
  });
  it("a spilled date is an Excel date", () => {
    const t = events(index, "weight_saving", "Baowu Magnesium");
    expect("value" in t && t.value[1][0]).toBe(isoToSerial("2024-12-20"));
  });
});
