import { buildIndex, normalizeName, aliasKey, editDistance } from "../../src/core/query";
import { dataset, rec, syntheticDataset } from "./fixtures";

describe("normalizeName", () => {
  it("ignores case, accents, punctuation and possessives", () => {
    expect(normalizeName("SAIC")).toBe("saic");
    expect(normalizeName("S.A.I.C.")).toBe("saic");
    expect(normalizeName("Seres' rear body")).toBe("seres rear body");
    expect(normalizeName("Zeta's  Mg-Al  line")).toBe("zeta mg al line");
    expect(normalizeName("Société Générale")).toBe("societe generale");
  });
  it("drops legal forms at the end for alias keys", () => {
    expect(aliasKey("Orbis Drive Systems Co., Ltd.")).toBe("orbis drive systems");
    expect(aliasKey("Company")).toBe("company");
  });
  it("measures edit distance", () => {
    expect(editDistance("seres", "sres")).toBe(1);
    expect(editDistance("kitten", "sitting")).toBe(3);
  });
});

describe("RecordIndex", () => {
  const index = buildIndex(syntheticDataset());

  it("resolves a subject whatever its case and punctuation", () => {
    for (const q of ["Zeta Light Metals", "zeta light metals", "ZETA-LIGHT METALS.", "Zeta Light Metals Co., Ltd."]) {
      const r = index.resolveSubject(q);
      expect(r.ok && r.entity.name).toBe("Zeta Light Metals");
    }
  });

  it("merges spellings that differ only by legal form and keeps the subject spelling", () => {
    const r = index.resolveSubject("orbis drive systems");
    expect(r.ok && r.entity.name).toBe("Orbis Drive Systems Co., Ltd.");
  });

  it("finds records where the subject is only one of the organisations", () => {
    const r = index.resolveSubject("Harbor Robotics");
    expect(r.ok && r.entity.records.map((x) => x.title)).toEqual(["Robot arm launch"]);
  });

  it("resolves a part of exactly one name, and reports a part of several as ambiguous", () => {
    const orbis = index.resolveSubject("Orbis");
    expect(orbis.ok && orbis.entity.name).toBe("Orbis Drive Systems Co., Ltd.");
    const zeta = index.resolveSubject("Zeta");
    expect(zeta.ok).toBe(false);
    expect(!zeta.ok && zeta.reason === "ambiguous" && zeta.candidates).toEqual(["Zeta Light Metals", "Zeta Metals Trading"]);
  });

  it("suggests the closest names for an unknown subject", () => {
    const r = index.resolveSubject("Ridgway Motor");
    expect(!r.ok && r.reason === "unknown" && r.suggestions[0]).toBe("Ridgeway Motors");
    const none = index.resolveSubject("qqqqqqqq");
    expect(!none.ok && none.reason === "unknown" && none.suggestions).toEqual([]);
  });

  it("keeps each list most recent first, undated last", () => {
    const e = index.resolveSubject("Ridgeway Motors");
    expect(e.ok && index.recordsOf(e.entity, "weight_saving").map((r) => r.date)).toEqual(["2024-05", "2023-02-10"]);
    const ds = dataset([rec({ kind: "event", subject: "A", date: "", source_published: "" }), rec({ kind: "event", subject: "A", date: "2020" })]);
    expect(buildIndex(ds).records.map((r) => r.date)).toEqual(["2020", ""]);
  });

  it("resolves registry aliases to the entity the records name", () => {
    const withAliases = buildIndex(syntheticDataset(), [
      { name: "Northwind Magnesium", aliases: ["Northwind Mg Group", "NWM"] },
      { name: "Nobody In The Data", aliases: ["Ghost Co"] },
      { name: "Ridgeway Motors", aliases: ["Kestrel Auto"] }, // names two entities: ignored
    ]);
    const nwm = withAliases.resolveSubject("nwm");
    expect(nwm.ok && nwm.entity.name).toBe("Northwind Magnesium");
    expect(withAliases.resolveSubject("Ghost Co").ok).toBe(false);
    const kestrel = withAliases.resolveSubject("Kestrel Auto");
    expect(kestrel.ok && kestrel.entity.name).toBe("Kestrel Auto");
  });

  it("lists regions as spelled in the data", () => {
    expect(index.regions()).toEqual(["Ostland", "Valeria"]);
    expect(index.resolveRegion("valeria")).toBe("Valeria");
  });

  it("handles an empty dataset", () => {
    const empty = buildIndex(dataset([]));
    const r = empty.resolveSubject("anything");
    expect(!r.ok && r.reason).toBe("unknown");
  });
});

describe("normalizeName fast path", () => {
  it("equals the general definition on any ASCII text", () => {
    const fc = require("fast-check") as typeof import("fast-check");
    const { normalizeNameGeneral } = require("../../src/core/query/normalize");
    const ascii = fc.string({ unit: fc.constantFrom(..."aZs'`. -_,&()#1S\t".split("")), maxLength: 24 });
    fc.assert(fc.property(ascii, (s) => normalizeName(s) === normalizeNameGeneral(s)), { numRuns: 3000 });
    fc.assert(fc.property(fc.string({ maxLength: 30 }), (s) => normalizeName(s) === normalizeNameGeneral(s)), { numRuns: 3000 });
  });
});

describe("partial names", () => {
  const idx = buildIndex(syntheticDataset());
  it("accept a distinctive word of one name but not a generic one", () => {
    expect(idx.resolveSubject("ridgeway")).toMatchObject({ ok: true, entity: { name: "Ridgeway Motors" }, exact: false });
    // "Motors" occurs in one name only, but names no company by itself
    expect(idx.resolveSubject("Motors")).toEqual({ ok: false, reason: "ambiguous", candidates: ["Ridgeway Motors"] });
  });
});
