// Region filters match the places inside a region (issue 13): the gazetteer's hierarchy, on records written
// for these tests (the places are real geography; the records are invented).
import { Gazetteer, gazetteer } from "../../src/core/model/places";

const rec = (region: string, subject = "") => ({ region, subject });

describe("gazetteer", () => {
  const g = gazetteer();

  it("a province matches the cities and counties in it, a country its provinces", () => {
    expect(g.contains("Shaanxi", rec("Yulin, Shaanxi"))).toBe(true);
    expect(g.contains("Shaanxi", rec("Fugu, Shaanxi"))).toBe(true);
    expect(g.contains("Yulin", rec("Fugu, Shaanxi"))).toBe(true);
    expect(g.contains("China", rec("Wenxi, Shanxi"))).toBe(true);
    expect(g.contains("Shanxi", rec("Fugu, Shaanxi"))).toBe(false);
    expect(g.contains("Shaanxi", rec("Hebi, Henan"))).toBe(false);
  });

  it("a region as the data spells it still matches itself, and only what lies in it", () => {
    expect(g.contains("Fugu, Shaanxi", rec("Fugu, Shaanxi"))).toBe(true);
    expect(g.contains("Fugu, Shaanxi", rec("Shaanxi"))).toBe(false);
  });

  it("a record with no region is placed by a subject whose name opens with a place", () => {
    expect(g.contains("Anhui", rec("", "Chaohu Yunhai Magnesium"))).toBe(true);
    expect(g.contains("Anhui", rec("", "Yunhai Chaohu Magnesium"))).toBe(false);
    // a record's own region wins over its subject's name
    expect(g.contains("Anhui", rec("Hebi, Henan", "Chaohu Yunhai Magnesium"))).toBe(false);
  });

  it("a region text that contradicts the gazetteer's entry keeps its own outer part ('Yulin, Guangxi')", () => {
    expect(g.contains("Guangxi", rec("Yulin, Guangxi"))).toBe(true);
    expect(g.contains("Shaanxi", rec("Yulin, Guangxi"))).toBe(false);
  });

  it("a place the gazetteer does not know still matches itself", () => {
    expect(g.contains("Atlantis", rec("Atlantis"))).toBe(true);
    const tiny = new Gazetteer([{ name: "Ostland" }, { name: "Valeria", within: "Ostland", aliases: ["Valéria City"] }]);
    expect(tiny.contains("Ostland", rec("valeria city"))).toBe(true);
  });
});
