// Synthetic records for tests: made-up organisations and sentences, clearly not from any source.
import type { MgRecord } from "../../src/core/model/record";
import type { Dataset } from "../../src/core/model/dataset";

let n = 0;
export function rec(over: Partial<MgRecord> = {}): MgRecord {
  n++;
  return {
    id: `syn-${n}`, kind: "project", date: "2024-05-16", date_end: "", date_effective: "", subject: "Acme Test Magnesium",
    organizations: ["Acme Test Magnesium"], region: "Testland", title: `Synthetic project ${n}`, product: "test alloy", code: "",
    value: 1000, value_max: null, unit: "t", per: "year", qualifier: "", grade: "", basis: "", price_type: "", status: "", date_evidence: "",
    evidence: `Acme Test Magnesium said its synthetic project ${n} will make 1,000 t a year.`,
    source_id: "synthetic-source", source_title: "A synthetic article", source_outlet: "Test Outlet",
    source_url: "https://example.test/articles/1", source_published: "2024-06-01",
    ...over,
  };
}

export function dataset(records: MgRecord[], over: Partial<Dataset> = {}): Dataset {
  return {
    schema_version: 2, version: "2024-06-01.synthetic", as_of: "2024-06-01", count: records.length,
    sources: [{ source_id: "synthetic-source", title: "A synthetic article", outlet: "Test Outlet", url: "https://example.test/articles/1", published: "2024-06-01", origin: "synthetic.txt", format: "text", record_count: records.length }],
    records, ...over,
  };
}
