import { MgRecordSchema, RECORD_COLUMNS } from "../../src/core/model/record";
import { parseDataset } from "../../src/core/model/dataset";

const base = {
  id: "r1", kind: "capacity", date: "2024-09", date_end: "", date_effective: "", subject: "X", organizations: ["X"],
  region: "", title: "", product: "", code: "", value: 100, value_max: null, unit: "t", per: "year", qualifier: "", grade: "", basis: "", price_type: "", status: "", date_evidence: "",
  evidence: "X has an annual production capacity of 100 tons.", source_id: "s", source_title: "", source_outlet: "",
  source_url: "", source_published: "",
};

describe("record model", () => {
  it("accepts dates only at a real precision", () => {
    expect(MgRecordSchema.safeParse(base).success).toBe(true);
    expect(MgRecordSchema.safeParse({ ...base, date: "2024-13" }).success).toBe(false);
    expect(MgRecordSchema.safeParse({ ...base, date: "May 2024" }).success).toBe(false);
  });
  it("rejects unknown fields so feeds cannot smuggle columns in", () => {
    expect(MgRecordSchema.safeParse({ ...base, extra: 1 }).success).toBe(false);
  });
  it("lists every field as a column", () => {
    expect([...RECORD_COLUMNS].sort()).toEqual(Object.keys(base).sort());
  });
  it("names the bad field when a dataset is invalid", () => {
    const ds = { schema_version: 2, version: "v", as_of: "", count: 1, sources: [], records: [{ ...base, value: "x" }] };
    expect(() => parseDataset(ds)).toThrow(/records\.0\.value/);
  });
});
