// Synthetic data for the feed tests: invented organisations and sentences, written for these tests only
// (no real article, no real figure). Evidence sentences are the text each record claims to come from.
import type { Dataset } from "../../src/core/model/dataset";
import type { MgRecord } from "../../src/core/model/record";

export function syntheticRecord(n: number, over: Partial<MgRecord> = {}): MgRecord {
  const org = `Testco ${n} Light Alloys`;
  return {
    id: `syn-${String(n).padStart(4, "0")}`,
    kind: n % 2 ? "capacity" : "weight_saving",
    date: "2021-02",
    date_end: "",
    date_effective: "",
    subject: org,
    organizations: n % 3 ? [org] : [org, "Example Partner Works"],
    region: "Testland",
    title: `Synthetic plant ${n}`,
    product: n % 2 ? "magnesium ingot" : "seat frame",
    code: "",
    value: n % 2 ? 1000 + n : 12.5,
    value_max: null,
    unit: n % 2 ? "t" : "%",
    per: n % 2 ? "year" : "",
    qualifier: "", grade: "", basis: "", price_type: "", status: "", date_evidence: "",
    evidence: n % 2
      ? `${org} said its synthetic plant ${n} can make ${1000 + n} tonnes a year, "quoted, with commas".`
      : `${org} reported that the seat frame weighs 12.5% less.\nA second line.`,
    source_id: "synthetic-source-1",
    source_title: "Synthetic news item for tests",
    source_outlet: "Test Outlet",
    source_url: "https://news.example.test/item-1",
    source_published: "2021-02-03",
    ...over,
  };
}

export function syntheticDataset(records: MgRecord[], over: Partial<Dataset> = {}): Dataset {
  return {
    schema_version: 2,
    version: "2021-02-03.0a1b2c3d",
    as_of: "2021-02-03",
    count: records.length,
    sources: [
      {
        source_id: "synthetic-source-1",
        title: "Synthetic news item for tests",
        outlet: "Test Outlet",
        url: "https://news.example.test/item-1",
        published: "2021-02-03",
        origin: "test/feed/fixtures.ts",
        format: "text",
        record_count: records.length,
      },
    ],
    records,
    ...over,
  };
}

export function rangeRecords(from: number, to: number): MgRecord[] {
  const out: MgRecord[] = [];
  for (let i = from; i < to; i++) out.push(syntheticRecord(i));
  return out;
}
