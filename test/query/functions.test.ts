import { buildIndex, capacity, dataInfo, events, fact, isoToSerial, policies, policyDate, projects, serialToIso, source, subjects, weightSaving } from "../../src/core/query";
import { dataset, rec, syntheticDataset } from "./fixtures";

const index = buildIndex(syntheticDataset());

describe("WEIGHTSAVING", () => {
  it("answers the most recent weight saving in percent as reported", () => {
    expect(weightSaving(index, "ridgeway motors")).toMatchObject({ value: 18.5 });
  });
  it("finds a saving through a co-developer and gives the low or high end of a range", () => {
    expect(weightSaving(index, "Orbis", "kg")).toMatchObject({ value: 1.5 });
    expect(weightSaving(index, "Orbis", "kg", "high")).toMatchObject({ value: 4 });
  });
  it("says which unit is reported when another is asked", () => {
    expect(weightSaving(index, "Orbis")).toEqual({ error: "not_available", message: expect.stringContaining('reported as 1.5–4 kg (drive assembly), not in %: use unit "kg"') });
  });
  it("says what the data holds instead of a saving, built from the record", () => {
    expect(weightSaving(index, "Kestrel Auto")).toEqual({
      error: "not_available",
      message: "Kestrel Auto's motor housing is reported at 11.2 kg but no weight saving is reported.",
    });
  });
  it("never cites a plant's output as if it were a part's weight", () => {
    expect(weightSaving(index, "Northwind Magnesium")).toEqual({
      error: "not_available",
      message: "The data holds 1 record about Northwind Magnesium (project) but no weight saving is reported.",
    });
  });
  it("names the closest subjects for an unknown one and the candidates for an ambiguous one", () => {
    expect(weightSaving(index, "Ridgway")).toMatchObject({ error: "not_available", message: expect.stringContaining('Closest: "Ridgeway Motors"') });
    expect(weightSaving(index, "Zeta")).toMatchObject({ error: "not_available", message: expect.stringContaining('"Zeta Light Metals" and "Zeta Metals Trading"') });
  });
  it("rejects bad arguments with what is expected", () => {
    expect(weightSaving(index, null)).toMatchObject({ error: "invalid_value", message: expect.stringContaining("subject is required") });
    expect(weightSaving(index, "Ridgeway Motors", "lb")).toMatchObject({ error: "invalid_value", message: 'unit must be "%" or "kg"; got "lb"' });
    expect(weightSaving(index, "Ridgeway Motors", "%", "middle")).toMatchObject({ error: "invalid_value" });
    expect(weightSaving(index, true)).toMatchObject({ error: "invalid_value" });
  });
});

describe("CAPACITY", () => {
  it("answers tonnes per year and narrows by product", () => {
    expect(capacity(index, "Zeta Light Metals")).toMatchObject({ value: 50000 });
    expect(capacity(index, "Northwind Magnesium", null, "high")).toMatchObject({ value: 30000 });
  });
  it("never annualises a per-day figure", () => {
    const a = capacity(index, "Zeta Light Metals", "hydride");
    expect(a).toMatchObject({ error: "not_available", message: expect.stringContaining('reported per day (800 t per day, magnesium hydride)') });
    expect(a).toMatchObject({ message: expect.stringContaining('use per "day"') });
    expect(capacity(index, "Zeta Light Metals", "hydride", null, "day")).toMatchObject({ value: 800 });
  });
  it("says what is held when no capacity is reported", () => {
    expect(capacity(index, "Ridgeway Motors")).toMatchObject({ error: "not_available", message: "No capacity is reported for Ridgeway Motors; the data holds 2 records about Ridgeway Motors (weight saving)." });
  });
});

describe("POLICYDATE", () => {
  it("returns an Excel serial; a month gives its 1st", () => {
    expect(policyDate(index, "light alloy upgrading")).toMatchObject({ value: isoToSerial("2024-11-01") });
    expect(serialToIso(isoToSerial("2024-11-01")!)).toBe("2024-11-01");
    expect(isoToSerial("2024-03-15")).toBe(45366);
  });
  it("matches the issuer and takes its most recent policy", () => {
    expect(policyDate(index, "ministry of light metals")).toMatchObject({ value: isoToSerial("2024-11-01") });
    expect(policyDate(index, "recycling")).toMatchObject({ value: 45366 });
  });
  it("refuses a year-only date and an unknown policy", () => {
    expect(policyDate(index, "Ostland cluster")).toMatchObject({ error: "not_available", message: expect.stringContaining("dated only by year (2024)") });
    expect(policyDate(index, "tariff")).toMatchObject({ error: "not_available", message: expect.stringContaining('No policy matches "tariff"') });
  });
  it("never gives an effective date as the release date, but names it", () => {
    const ds = syntheticDataset();
    const implemented = rec({
      kind: "policy",
      subject: "Westport City",
      title: "Measures for Light Metal Parks",
      date_effective: "2024-02-20",
      evidence: 'On February 20, Westport City implemented the "Measures for Light Metal Parks."',
    });
    const idx = buildIndex({ ...ds, records: [...ds.records, implemented], count: ds.count + 1 });
    const answer = policyDate(idx, "light metal parks");
    expect(answer).toMatchObject({ error: "not_available", message: expect.stringContaining("taking effect on 2024-02-20") });
    expect(answer).toMatchObject({ message: expect.stringContaining('MG.FACT("Westport City", "date_effective", "policy")') });
  });
});

describe("FACT and SOURCE", () => {
  it("returns any field of the most recent record, narrowed by kind", () => {
    expect(fact(index, "Ridgeway Motors", "evidence", "weight_saving")).toMatchObject({ value: "Ridgeway Motors' rear body cuts weight by 18.5%." });
    expect(fact(index, "Zeta Light Metals", "date")).toMatchObject({ value: "2024-12-20" });
    expect(fact(index, "Zeta Light Metals", "organisations", "event")).toMatchObject({ value: "Zeta Light Metals; Harbor Robotics" });
    expect(fact(index, "Zeta Light Metals", "Value", "capacity")).toMatchObject({ value: 800 });
  });
  it("says which field is empty and which fields exist", () => {
    // The newest record (the 2024-12-20 launch event) states no value: the value is the newest one stated
    // (800 t/day, 2024-09), with its unit read from the same record; a subject with no stated value says so.
    expect(fact(index, "Zeta Light Metals", "value")).toMatchObject({ value: 800 });
    expect(fact(index, "Zeta Light Metals", "unit")).toMatchObject({ value: "t" });
    expect(fact(index, "Zeta Metals Trading", "value")).toMatchObject({ error: "not_available", message: expect.stringContaining("states no value") });
    expect(fact(index, "Zeta Light Metals", "colour")).toMatchObject({ error: "invalid_value", message: expect.stringContaining("field must be one of id, kind, date") });
    expect(fact(index, "Zeta Light Metals", "date", "standards")).toMatchObject({ error: "not_available", message: expect.stringContaining("No standard record for Zeta Light Metals") });
    expect(fact(index, "Zeta Light Metals", "date", "gossip")).toMatchObject({ error: "invalid_value" });
  });
  it("gives the source URL", () => {
    expect(source(index, "Kestrel Auto")).toMatchObject({ value: "https://example.test/article" });
  });
});

describe("tables", () => {
  it("EVENTS spills the pane's column labels and the matching records, most recent first, dates as Excel dates with their precision", () => {
    const t = events(index, null, "Zeta Light Metals");
    expect("value" in t && t.value[0]).toEqual(["Date", "Date precision", "Kind", "Subject", "Organisations", "Title", "Product", "Qualifier", "Value", "Value (high end)", "Unit", "Per", "Status", "Region", "Source"]);
    // a month is its first day, a year its 1 January, with the precision beside it: sortable, never a claimed day
    expect("value" in t && t.value.slice(1).map((r) => [r[0], r[1]])).toEqual([
      [isoToSerial("2024-12-20"), "day"],
      [isoToSerial("2024-09-01"), "month"],
      [isoToSerial("2024-07-03"), "day"],
      [isoToSerial("2024-05-01"), "month"],
      [isoToSerial("2024-03-01"), "month"],
    ]);
  });
  it("EVENTS filters by kind and by a date range given as text or serial", () => {
    const t = events(index, "events", null, "2024-12", isoToSerial("2024-12-31"));
    expect("value" in t && t.value.length).toBe(2);
    const months = events(index, null, null, "2024-09-15", "2024-09-20");
    expect("value" in months && months.value.slice(1).map((r) => r[5] || r[6])).toEqual(["magnesium hydride", "Ostland Magnesium Cluster Measures"]);
    // a month- or year-precision date is kept when its span overlaps the range (it may fall inside)
    expect(events(index, null, null, "2025-01", "2024-01")).toMatchObject({ error: "invalid_value", message: expect.stringContaining("is after") });
    expect(events(index, null, null, "next week")).toMatchObject({ error: "invalid_value" });
    expect(events(index, null, null, 2024)).toMatchObject({ error: "invalid_value", message: expect.stringContaining('give the year as text ("2024")') });
    // Excel's serials before 61 (1 March 1900) count a day that never was: refused, not read a day off
    expect(events(index, null, null, 60)).toMatchObject({ error: "invalid_value", message: expect.stringContaining("before 1 March 1900") });
    expect(events(index, null, null, 61)).not.toMatchObject({ error: "invalid_value" });
    expect(events(index, "deal", "Ridgeway Motors")).toMatchObject({ error: "not_available", message: expect.stringContaining("No deal records about Ridgeway Motors") });
  });
  it("POLICIES filters by region, PROJECTS lists projects and capacities", () => {
    const p = policies(index, "ostland");
    expect("value" in p && p.value[0].slice(0, 6)).toEqual(["Date", "Date precision", "Effective date", "Effective date precision", "Title", "Code"]);
    expect("value" in p && p.value.slice(1).map((r) => r[4])).toEqual(["Ostland Magnesium Cluster Measures"]);
    expect(policies(index, "Atlantis")).toMatchObject({ error: "not_available", message: expect.stringContaining('regions: "Ostland" and "Valeria"') });
    const pr = projects(index);
    expect("value" in pr && pr.value.length).toBe(4);
  });
  it("SUBJECTS lists and filters names; DATAINFO describes the data", () => {
    const s = subjects(index, "zeta");
    expect("value" in s && s.value.map((r) => r[0])).toEqual(["Subject", "Zeta Light Metals", "Zeta Metals Trading"]);
    const d = dataInfo(index, "bundled");
    expect("value" in d && d.value).toContainEqual(["records", 12]);
  });
});

describe("spill size", () => {
  it("refuses a table too large for Excel to receive, saying how to narrow it", () => {
    const { MAX_SPILL_ROWS } = require("../../src/core/query/functions");
    const { dataset, rec } = require("./fixtures");
    const many = buildIndex(dataset(Array.from({ length: MAX_SPILL_ROWS + 1 }, (_, i) => rec({ kind: "event", subject: `Synthetic Org ${i}`, date: "2024-01-01" }))));
    expect(events(many)).toMatchObject({ error: "not_available", message: expect.stringContaining("MG.EVENTS spills at most 20,000 rows: narrow by kind, subject or dates") });
    const t = events(many, null, null, null, null);
    expect("error" in t).toBe(true);
  });
});

describe("which record a lookup answers from", () => {
  // One synthetic article (published 2024-12-31) with undated facts, as news round-ups often have.
  const world = buildIndex(
    dataset([
      rec({ kind: "weight_saving", subject: "Harbor Castings", organizations: ["Harbor Castings", "Zeta Light Metals"], product: "crossbeam bracket", value: 50, qualifier: "over", unit: "%" }),
      rec({ kind: "weight_saving", subject: "Zeta Light Metals", organizations: ["Zeta Light Metals", "Orbis Robotics"], product: "robot arm", value: 11, unit: "%" }),
      rec({ kind: "weight_saving", subject: "Zeta Light Metals", product: "seat frame", value: 7, unit: "kg" }),
      rec({ kind: "weight_saving", subject: "Quarry Motors", product: "door inner", value: 20, unit: "%" }),
      rec({ kind: "weight_saving", subject: "Quarry Motors", product: "tailgate", value: 25, unit: "%" }),
      rec({ kind: "capacity", subject: "Westport City", product: "primary magnesium", value: 100000, unit: "t" }),
      rec({ kind: "capacity", subject: "Westport City", product: "primary magnesium", value: 300000, unit: "t" }),
      rec({ kind: "policy", subject: "Westport City", title: "Westport Magnesium Measures" }),
      rec({ kind: "policy", subject: "Westport City", date: "2024-02-20", title: "Westport Smelter Rules" }),
    ]),
  );

  it("prefers the entity's own record to one it is only a party to", () => {
    // Zeta is named beside Harbor's bracket (over 50%), but its own figure is the robot arm's 11%.
    expect(weightSaving(world, "Zeta Light Metals")).toMatchObject({ value: 11 });
    // A party's record still answers when the entity has none of its own in that unit.
    expect(weightSaving(world, "Orbis Robotics")).toMatchObject({ value: 11 });
  });

  it("refuses to pick between equally recent figures that disagree, and narrows by product", () => {
    const tied = weightSaving(world, "Quarry Motors");
    expect(tied).toMatchObject({ error: "not_available", message: expect.stringContaining("2 weight savings reported equally recently") });
    expect((tied as { message: string }).message).toMatch(/20%/);
    expect((tied as { message: string }).message).toMatch(/25%/);
    expect(weightSaving(world, "Quarry Motors", "%", null, "tailgate")).toMatchObject({ value: 25 });
    expect(weightSaving(world, "Quarry Motors", "%", null, "hood")).toMatchObject({ error: "not_available", message: expect.stringContaining('No weight saving of "hood"') });
    expect(capacity(world, "Westport City", null, null, "any")).toMatchObject({ error: "not_available", message: expect.stringContaining("2 capacities reported equally recently") });
  });

  it("ranks records with a date of their own above undated ones", () => {
    // The undated policy borrows only its source's publication date: it must not outrank a dated one.
    expect(fact(world, "Westport City", "date", "policy")).toMatchObject({ value: "2024-02-20" });
  });
});

describe("CAPACITY: operating and planned capacity never mix", () => {
  // Invented plant and figures, written for this test.
  const plant = (value: number, status: "" | "planned" | "former", date: string) =>
    rec({ kind: "capacity", subject: "Quillon Alloys", value, unit: "t", per: "year", product: "magnesium", status, date, evidence: `Quillon Alloys: ${value} tonnes a year.` });
  const idx = buildIndex(dataset([plant(20000, "", "2030-01"), plant(45000, "planned", "2031-06")]));
  const onlyPlanned = buildIndex(dataset([plant(45000, "planned", "2031-06")]));

  it("answers operating capacity by default, planned on request, the most recent of either with any", () => {
    expect(capacity(idx, "Quillon Alloys")).toMatchObject({ value: 20000 });
    expect(capacity(idx, "Quillon Alloys", null, null, null, "planned")).toMatchObject({ value: 45000 });
    expect(capacity(idx, "Quillon Alloys", null, null, null, "any")).toMatchObject({ value: 45000 });
  });
  it("says so when only planned capacity is reported, and how to ask for it", () => {
    expect(capacity(onlyPlanned, "Quillon Alloys")).toEqual({
      error: "not_available",
      message: 'No operating capacity is reported for Quillon Alloys; its planned capacity is reported at 45,000 t per year (magnesium): use status "planned".',
    });
    expect(capacity(idx, "Quillon Alloys", null, null, null, "someday")).toMatchObject({ error: "invalid_value", message: expect.stringContaining('"operating" (default), "planned", "former" or "any"') });
  });
  it("the figure a reported boost replaced is former: never the operating answer, never tied with the new one", () => {
    // "boosted capacity in 2030 to 25,000 t from 20,000 t previously": both sentences' records, as the pipeline marks them.
    const boosted = buildIndex(dataset([plant(25000, "", "2030"), plant(20000, "former", "")]));
    expect(capacity(boosted, "Quillon Alloys")).toMatchObject({ value: 25000 });
    expect(capacity(boosted, "Quillon Alloys", null, null, null, "former")).toMatchObject({ value: 20000 });
    expect(capacity(buildIndex(dataset([plant(20000, "former", "")])), "Quillon Alloys")).toMatchObject({ error: "not_available", message: expect.stringContaining('its former capacity is reported at 20,000 t per year (magnesium): use status "former"') });
  });
});
