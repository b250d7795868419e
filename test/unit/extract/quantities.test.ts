import { extract, ofKind } from "./helpers";

const ctx = { title: "Alloy Industry Highlights of 2023", published: "2024-01-15" };

describe("capacity parser", () => {
  it("per day and per year, product, unit normalised", () => {
    const drafts = extract([
      ["On March 3, a new calciner started at Ridgeway Alloys Co., Ltd.", "The calciner can produce 2,400 mt of lime daily.", "It feeds Ridgeway Alloys' annual 60,000 mt magnesium ingot project."],
    ], ctx);
    const caps = ofKind(drafts, "capacity");
    expect(caps.map((c) => [c.value, c.unit, c.per, c.product, c.subject])).toEqual([
      [2400, "t", "day", "lime", "Ridgeway Alloys"],
      [60000, "t", "year", "magnesium ingot", "Ridgeway Alloys"],
    ]);
  });

  it("'annual production capacity of N tons of X' and a list of capacities give one record per figure", () => {
    const drafts = extract([
      ["The line has an annual production capacity of 500 tons of hydride powder."],
      ["Corvel Metals runs smelters with capacities of 50,000 mt, 80,000 mt, and 120,000 mt for primary magnesium."],
    ], ctx);
    expect(ofKind(drafts, "capacity").map((c) => [c.value, c.per, c.product])).toEqual([
      [500, "year", "hydride powder"],
      [50000, "", "primary magnesium"],
      [80000, "", "primary magnesium"],
      [120000, "", "primary magnesium"],
    ]);
  });

  it("a machine's clamping force or class is not a capacity", () => {
    const drafts = extract([
      ["In May, Fenwick Machinery delivered a 6,600T die-casting machine to a carmaker."],
      ["The parts come from a 9,000-mt-class die-casting island."],
      ["The 5,000-ton press can produce large housings."],
    ], ctx);
    expect(ofKind(drafts, "capacity")).toEqual([]);
  });

  it("shipments, deliveries and per-vehicle contents are not capacities", () => {
    const drafts = extract([
      ["The mill reached 3,000 tons of shipments within a quarter."],
      ["Its cars use over 40 kg of magnesium per vehicle."],
      ["It went from prototype to 2,000+ ton commercial delivery in a year."],
    ], ctx);
    expect(ofKind(drafts, "capacity")).toEqual([]);
  });
});

describe("weight_saving parser", () => {
  it("reduces X weight by N%: the part, the %, the company from the sentence before", () => {
    const drafts = extract([
      ["Halvorsen Motors said its cast magnesium seat frame entered production.", "It not only reduces the seat frame weight by 18.5% but also cuts carbon emissions by 12%."],
    ], ctx);
    const ws = ofKind(drafts, "weight_saving");
    expect(ws).toHaveLength(1); // the carbon figure is not a weight saving
    expect(ws[0]).toMatchObject({ value: 18.5, unit: "%", product: "seat frame", subject: "Halvorsen Motors" });
  });

  it("a kg range, 'a weight reduction of over N%', 'N% lighter' and 'more than N% lighter'", () => {
    const drafts = extract([
      ["On June 5, Corvel Drive Co., Ltd. released a magnesium gearbox cover.", "The weight of this product is reduced by 1.2 kg to 3 kg compared to aluminum.", "Compared to a welded steel frame, it achieves a weight reduction of over 40%."],
      ["The magnesium door inner panel is 27% lighter than the aluminum one."],
      ["The whole coach of the new train is more than 8% lighter than before."],
    ], ctx);
    expect(ofKind(drafts, "weight_saving").map((w) => [w.value, w.value_max, w.unit, w.qualifier])).toEqual([
      [1.2, 3, "kg", ""],
      [40, null, "%", "over"],
      [27, null, "%", ""],
      [8, null, "%", "over"],
    ]);
    expect(ofKind(drafts, "weight_saving")[0]).toMatchObject({ subject: "Corvel Drive", product: "magnesium gearbox cover" });
  });

  it("a material's property is not a part's saving; a bare figure with no part and no one is dropped", () => {
    const drafts = extract([["Magnesium alloy is about 33% lighter than aluminum alloy."], ["Magnesium is 75% lighter than steel."], ["It achieves a weight reduction of 20%."]]);
    expect(ofKind(drafts, "weight_saving")).toEqual([]);
  });

  it("energy, efficiency, cost, speed and performance percentages are not weight savings", () => {
    const drafts = extract([
      ["The new cell reduces energy consumption by 15% and improves efficiency by 20%."],
      ["Its cycle speed rises by 6%, and toughness increased by 12%."],
      ["Production costs are reduced by up to 30%."],
    ], ctx);
    expect(ofKind(drafts, "weight_saving")).toEqual([]);
  });
});

describe("product parser", () => {
  it("a stated product weight is a product record, not a weight saving", () => {
    const drafts = extract([
      ["On October 9, Tessaro Auto's Powertrain Institute held a launch for a magnesium inverter housing.", "This product is the first die-cast magnesium inverter housing, with a total weight of 9.4 kg and made of AM60B alloy."],
    ], ctx);
    expect(ofKind(drafts, "weight_saving")).toEqual([]);
    const [p] = ofKind(drafts, "product");
    expect(p).toMatchObject({ value: 9.4, unit: "kg", subject: "Tessaro Auto" });
    expect(p.product).toMatch(/magnesium inverter housing/);
  });
});
