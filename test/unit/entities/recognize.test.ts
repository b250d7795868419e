import { acronymDefinitions, canonicalGenericName, canonicalNames, EntityRegistry, findOrganizations, getRegistry, findPlaces, regionFromName } from "../../../src/core/corpus/entities";

// A registry written for the test (the bundled one is data; these tests are about the rules).
const registry = EntityRegistry.fromJson({
  entities: [
    { name: "Acme Magnesium", aliases: ["Acme Magnesium Industry", "Acme Magnesium Technology Co., Ltd."], type: "company" },
    { name: "NXM", aliases: ["Northern Xing Motor"], type: "company" },
    { name: "MIIT", aliases: ["Ministry of Industry and Information Technology"], type: "government", region: "China" },
    { name: "Delta Works", aliases: [], type: "company" },
  ],
});
const names = (s: string, r = registry) => canonicalNames(findOrganizations(s, r));

describe("organisation mentions", () => {
  it("resolves every spelling of a registered organisation to one canonical name", () => {
    expect(names("Acme Magnesium Industry signed with Delta Works.")).toEqual(["Acme Magnesium", "Delta Works"]);
    expect(names("Acme Magnesium Technology Co., Ltd. won.")).toEqual(["Acme Magnesium"]);
    expect(names("Acme Magnesium said so.")).toEqual(["Acme Magnesium"]);
  });

  it("reads possessives as the name", () => {
    expect(names("Delta Works' new line and Acme Magnesium's kiln")).toEqual(["Delta Works", "Acme Magnesium"]);
    expect(names("Delta Works’ plant")).toEqual(["Delta Works"]);
  });

  it("a unit named after its registered parent is the parent", () => {
    expect(names("NXM's Advanced Materials Institute held a launch.")).toEqual(["NXM"]);
    expect(names("the Raw Materials Department of MIIT issued it")).toEqual(["MIIT"]);
  });

  it("a registered name plus Magnesium (or Aluminium, Alloys, Metals) is a subsidiary; plus anything else it stays itself", () => {
    // a subsidiary named after its parent is not the parent
    expect(names("Delta Works Magnesium approved an upgrade of its plant.")).toEqual(["Delta Works Magnesium"]);
    expect(names("Acme Magnesium Alloys signed a supply deal.")).toEqual(["Acme Magnesium Alloys"]);
    expect(names("Delta Works Magnesium Co., Ltd. approved it.")).toEqual(["Delta Works Magnesium"]);
    // the same company with its legal form or "Group"; a title and a person are no part of a company
    expect(names("Delta Works Group announced a plan.")).toEqual(["Delta Works"]);
    expect(names("Delta Works Co., Ltd. announced a plan.")).toEqual(["Delta Works"]);
    expect(names("Delta Works announced a plan.")).toEqual(["Delta Works"]);
    expect(names("Delta Works CEO Jane Doe said the plant is ready.")).toEqual(["Delta Works"]);
    expect(names("Acme Magnesium Chairman Wang Li said so.")).toEqual(["Acme Magnesium"]);
    expect(names("Delta Works Group China said so.")).toEqual(["Delta Works"]);
    expect(names("Delta Works Technology Co., Ltd. won.")).toEqual(["Delta Works"]);
  });

  it("short names and full names resolve alike; case matters for acronyms", () => {
    expect(names("Northern Xing Motor and NXM")).toEqual(["NXM"]);
    expect(names("the nxm brand")).toEqual([]);
  });

  it("recognises unregistered names by their head noun and drops only the legal form", () => {
    expect(names("On May 2, Qiantang Lightweight Materials Co., Ltd. started a line.")).toEqual(["Qiantang Lightweight Materials"]);
    expect(names("a team at Lakeside Normal University")).toEqual(["Lakeside Normal University"]);
    expect(names("the Hexi Provincial Industry and Commerce Bureau")).toEqual(["Hexi Provincial Industry and Commerce Bureau"]);
    expect(names("the Institute of Metal Physics")).toEqual(["Institute of Metal Physics"]);
    expect(canonicalGenericName("Riverbend Alloy Group Co., Ltd.")).toBe("Riverbend Alloy Group");
    expect(canonicalGenericName("the Pine Valley Foundry Inc.")).toBe("Pine Valley Foundry");
  });

  it("does not take people's titles or descriptions for names", () => {
    expect(names("Wang Li, Deputy Director of Sunfield Research Institute, spoke.")).toEqual(["Sunfield Research Institute"]);
    expect(names("Secretary of the Party Committee")).toEqual([]);
  });

  it("never reads names inside quoted titles", () => {
    expect(names('the "Guide of the Metals Society Council" was issued by MIIT')).toEqual(["MIIT"]);
  });

  it("learns acronyms an article defines", () => {
    const defs = acronymDefinitions("the Greenfield Smelting Association (GSA) met", registry);
    expect(defs.map((d) => [d.alias, d.entity.name])).toEqual([["GSA", "Greenfield Smelting Association"]]);
    expect(names("GSA said", registry.withAliases(defs))).toEqual(["Greenfield Smelting Association"]);
  });

  it("types authorities and gives their region", () => {
    const [m] = findOrganizations("the Hunan Provincial Development and Reform Commission", registry);
    expect(m.entity).toMatchObject({ type: "government", region: "Hunan" });
    expect(regionFromName("Ministry of Natural Resources")).toBe("China");
    expect(regionFromName("People's Government of Gansu Province")).toBe("Gansu");
    expect(names("the People's Government of Gansu Province issued")).toEqual(["People's Government of Gansu Province"]);
    expect(findPlaces("Baotou City, Inner Mongolia Autonomous Region, issued")[0].region).toBe("Baotou, Inner Mongolia");
    expect(findPlaces("Jiaozuo City, Henan Province, released")[0].region).toBe("Jiaozuo, Henan");
  });

  it("the bundled registry loads and knows the national bodies", () => {
    const r = getRegistry();
    expect(r.lookup("national development and reform commission")?.name).toBe("NDRC");
    expect(r.lookup("S.A.I.C.")?.name).toBe("SAIC");
    for (const e of r.entities) expect(e.name.trim()).not.toBe("");
  });
});
