// Synthetic records for tests: invented organisations ("Zeta Light Metals", "Ridgeway Motors"...)
// and invented sentences, so nothing here can be mistaken for a fact from the corpus.
import type { Dataset } from "../../src/core/model/dataset";
import { parseDataset } from "../../src/core/model/dataset";
import type { MgRecord } from "../../src/core/model/record";

let counter = 0;

export function rec(fields: Partial<MgRecord> & Pick<MgRecord, "kind" | "subject">): MgRecord {
  counter++;
  return {
    id: `syn-${counter}`,
    date: "",
    date_end: "",
    date_effective: "",
    organizations: [fields.subject],
    region: "",
    title: "",
    product: "",
    code: "",
    value: null,
    value_max: null,
    unit: "",
    per: "",
    qualifier: "", grade: "", basis: "", price_type: "", status: "", date_evidence: "",
    evidence: `Synthetic sentence ${counter} about ${fields.subject}.`,
    source_id: "synthetic-source",
    source_title: "Synthetic test article",
    source_outlet: "Test Outlet",
    source_url: "https://example.test/article",
    source_published: "2024-12-31",
    ...fields,
  };
}

export function dataset(records: MgRecord[], version = "2024-12-31.synthetic"): Dataset {
  return parseDataset({
    schema_version: 2,
    version,
    as_of: "2024-12-31",
    count: records.length,
    sources: [
      {
        source_id: "synthetic-source",
        title: "Synthetic test article",
        outlet: "Test Outlet",
        url: "https://example.test/article",
        published: "2024-12-31",
        origin: "test",
        format: "text",
        record_count: records.length,
      },
    ],
    records,
  });
}

/** A small world of synthetic facts used across the query and function tests. */
export function syntheticDataset(): Dataset {
  return dataset([
    rec({ kind: "weight_saving", subject: "Ridgeway Motors", organizations: ["Ridgeway Motors", "Zeta Light Metals"], date: "2024-05", product: "rear body", value: 18.5, unit: "%", evidence: "Ridgeway Motors' rear body cuts weight by 18.5%." }),
    rec({ kind: "weight_saving", subject: "Ridgeway Motors", date: "2023-02-10", product: "seat frame", value: 9, unit: "%" }),
    rec({ kind: "weight_saving", subject: "Zeta Light Metals", organizations: ["Zeta Light Metals", "Orbis Drive Systems Co., Ltd."], date: "2024-07-03", product: "drive assembly", value: 1.5, value_max: 4, unit: "kg", evidence: "The drive assembly is lighter by 1.5 kg to 4 kg." }),
    rec({ kind: "product", subject: "Kestrel Auto", organizations: ["Kestrel Auto"], date: "2024-11-29", product: "motor housing", value: 11.2, unit: "kg", evidence: "The motor housing weighs 11.2 kg in total." }),
    rec({ kind: "capacity", subject: "Zeta Light Metals", date: "2024-03", product: "magnesium ingot", value: 50000, unit: "t", per: "year", region: "Valeria" }),
    rec({ kind: "capacity", subject: "Zeta Light Metals", date: "2024-09", product: "magnesium hydride", value: 800, unit: "t", per: "day", region: "Valeria" }),
    rec({ kind: "project", subject: "Northwind Magnesium", date: "2024-06", title: "Northwind smelter phase 2", value: 20000, value_max: 30000, unit: "mt", per: "year", region: "Ostland" }),
    rec({ kind: "policy", subject: "Ministry of Light Metals", date: "2024-11", title: "Plan for Light Alloy Upgrading", region: "Valeria" }),
    rec({ kind: "policy", subject: "Ministry of Light Metals", date: "2024-03-15", title: "Notice on Magnesium Recycling", region: "Valeria" }),
    rec({ kind: "policy", subject: "Ostland Provincial Office", date: "2024", title: "Ostland Magnesium Cluster Measures", region: "Ostland" }),
    rec({ kind: "event", subject: "Zeta Light Metals", organizations: ["Zeta Light Metals", "Harbor Robotics"], date: "2024-12-20", title: "Robot arm launch" }),
    rec({ kind: "deal", subject: "Zeta Metals Trading", date: "2024-01-12", title: "Supply agreement" }),
  ]);
}
