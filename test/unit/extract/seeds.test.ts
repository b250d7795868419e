// The extractors on the real seed articles: records an analyst would look up, each checked against what the
// article literally says (the sentence is quoted here and must be in the file).
import * as fs from "fs";
import * as path from "path";
import { readInput } from "../../../src/core/corpus/readers";
import { segmentArticle } from "../../../src/core/corpus/segment";
import { extractDrafts } from "../../../src/core/corpus/extract";
import type { RecordDraft } from "../../../src/core/corpus/types";
import { sharedCorpusDir } from "../../support/shared";

const corpus = sharedCorpusDir();

function run(name: string): { raw: string; drafts: RecordDraft[] } {
  const bytes = fs.readFileSync(path.join(corpus as string, name));
  const r = readInput({ origin: `corpus/${name}`, bytes: new Uint8Array(bytes) });
  const [a] = r.articles;
  return { raw: bytes.toString("utf8"), drafts: extractDrafts(a, segmentArticle(a)) };
}

/** The records whose evidence contains this sentence (as quoted from the article). */
function about(drafts: RecordDraft[], raw: string, quoted: string): RecordDraft[] {
  expect(raw.replace(/\u00a0/g, " ")).toContain(quoted);
  return drafts.filter((d) => d.evidence.includes(quoted));
}

(corpus ? describe : describe.skip)("extractors on the seed articles", () => {
  const review = corpus ? run("smm-magnesium-major-events-2024.txt") : { raw: "", drafts: [] };

  it('"On May 16, MIIT released ..." in the 2024 review published 2025-04-09 is 2024-05-16', () => {
    const [p] = about(review.drafts, review.raw, 'On May 16, MIIT released the "National Recommended Catalog').filter((d) => d.kind === "policy");
    expect(p).toMatchObject({ date: "2024-05-16", subject: "MIIT", region: "China" });
    expect(p.title.startsWith("National Recommended Catalog of Energy-Saving")).toBe(true);
  });

  it("SAIC: the housing's 13.7 kg is a product weight, and SAIC has no weight saving", () => {
    const quoted = "with a total weight of 13.7 kg and made of AZ91D magnesium alloy";
    const [p] = about(review.drafts, review.raw, quoted).filter((d) => d.kind === "product");
    expect(p).toMatchObject({ value: 13.7, unit: "kg", subject: "SAIC" });
    expect(p.product).toMatch(/housing/);
    const saic = review.drafts.filter((d) => d.subject === "SAIC" || d.organizations.includes("SAIC"));
    expect(saic.filter((d) => d.kind === "weight_saving")).toEqual([]);
  });

  it('"reduced by 2.5 kg to 7 kg" is a 2.5..7 kg saving of the Baowu Magnesium / Suzhou Inovance drive assembly', () => {
    const [w] = about(review.drafts, review.raw, "The weight of this product is reduced by 2.5 kg to 7 kg").filter((d) => d.kind === "weight_saving");
    expect(w).toMatchObject({ value: 2.5, value_max: 7, unit: "kg", subject: "Baowu Magnesium" });
    expect(w.organizations).toContain("Suzhou Inovance");
  });

  it('"can produce 1,350 mt of calcined dolomite daily" is 1350 t per day; the 3,200T machine is no capacity', () => {
    const [c] = about(review.drafts, review.raw, "can produce 1,350 mt of calcined dolomite daily").filter((d) => d.kind === "capacity");
    expect(c).toMatchObject({ value: 1350, unit: "t", per: "day", product: "calcined dolomite" });
    expect(about(review.drafts, review.raw, "the 3,200T semi-solid magnesium alloy injection molding machine").filter((d) => d.kind === "capacity")).toEqual([]);
  });

  it('"In November" stays at month precision, "From October 15 to 17" is a range', () => {
    const [nov] = about(review.drafts, review.raw, "In November, the controllable degradable magnesium alloy bone screw was awarded").filter((d) => d.kind === "event");
    expect(nov.date).toBe("2024-11");
    const [conf] = about(review.drafts, review.raw, "From October 15 to 17, the 2024 National Magnesium Industry Conference").filter((d) => d.kind === "event");
    expect([conf.date, conf.date_end]).toEqual(["2024-10-15", "2024-10-17"]);
  });

  it('the energy and efficiency percentages of the 3000T machine are not weight savings', () => {
    const quoted = "It reduces energy consumption by over 20% and improves efficiency by more than 30%.";
    expect(about(review.drafts, review.raw, quoted).filter((d) => d.kind === "weight_saving")).toEqual([]);
  });

  it("Seres: 21.8% body weight reduction, not the 15% carbon or 10% performance", () => {
    const seres = run("smm-seres-magnesium-rear-body.txt");
    const ws = seres.drafts.filter((d) => d.kind === "weight_saving");
    expect(ws).toHaveLength(1);
    expect(about(ws, seres.raw, "It not only reduces the vehicle body weight by 21.8% but also enhances overall performance by 10%.")[0]).toMatchObject({ value: 21.8, unit: "%", subject: "Seres" });
    expect(seres.drafts.some((d) => /please contact/.test(d.evidence))).toBe(false);
  });

  it("Baogang: shipments are no capacity; its commercialisation and shipments are events without a date", () => {
    const ree = run("ree-baogang-mg-al-coated-steel.wp.json");
    expect(ree.drafts.filter((d) => d.kind === "capacity")).toEqual([]);
    const events = ree.drafts.filter((d) => d.kind === "event");
    expect(events.every((e) => e.date === "")).toBe(true);
    expect(events.map((e) => [e.value, e.unit, e.qualifier])).toEqual(expect.arrayContaining([[1000, "t", "over"]]));
  });
});
