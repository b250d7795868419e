// Rules added for real news at scale, on sentences written for these tests (invented companies, places and
// figures in the shapes trade press uses; no sentence of the corpus).
import { extract, ofKind } from "./helpers";

const capacities = (paragraphs: string[][], over = {}) =>
  ofKind(extract(paragraphs, over), "capacity").map((d) => [d.subject, d.value, d.value_max, d.unit, d.product, d.status]);

describe("capacity in news", () => {
  it("a list of figures each 'of' its own product gives one record per product", () => {
    expect(capacities([["Torvane Metals Co., Ltd. has a production capacity of 12,000 tonnes of magnesium ingots, 8,000 tonnes of magnesium alloys, and 4,000 tonnes of magnesium powder."]])).toEqual([
      ["Torvane Metals", 12000, null, "t", "magnesium ingots", ""],
      ["Torvane Metals", 8000, null, "t", "magnesium alloys", ""],
      ["Torvane Metals", 4000, null, "t", "magnesium powder", ""],
    ]);
  });

  it("a year before 'to' is no range: 'raised capacity in 2019 to 40,000 t'", () => {
    expect(capacities([["Quillon Magnesium Inc. raised capacity at its Bexley plant in 2019 to 40,000 tonnes per year."]])).toEqual([["Quillon Magnesium", 40000, null, "t", "", ""]]);
  });

  it("the company of the title is who 'the company' of a later paragraph is", () => {
    const got = capacities([["Ardent Magnesium Corp. shares rose on Monday."], ["The company said its Wexford smelter has a capacity of 9,000 tonnes per year."]], { title: "Ardent Magnesium lifts output" });
    expect(got).toEqual([["Ardent Magnesium", 9000, null, "t", "", ""]]);
  });

  it("a title naming two companies lends neither to 'the company'", () => {
    const got = capacities([["Shares moved on Monday."], ["The company said its smelter has a capacity of 9,000 tonnes per year of magnesium."]], { title: "Ardent Magnesium and Bellrock Metals talk merger" });
    expect(got.map((r) => r[0])).toEqual([""]);
  });

  it("a listed company named by its ticker is a company, and its name without the legal form is the same one", () => {
    const got = capacities([["Harlow Magnesium (ASX: HMG) said on Tuesday it would build a plant."], ["Harlow Magnesium operates a 2,000 tpa pilot plant in Gippsland."]]);
    expect(got).toEqual([["Harlow Magnesium", 2000, null, "t", "", ""]]);
  });

  it("plans read across a list comma and through decimals: 'on track to complete its stage 2, 5,000 tpa plant', 'by 12.5 percent to'", () => {
    const got = capacities([
      ["Quillon Magnesium Inc. is on track to complete its stage 2, 5,000 tpa magnesium plant in Ohio."],
      ["Quillon Magnesium Inc. plans to increase output at its plant by 12.5 percent to 45,000 tonnes per year."],
    ]);
    expect(got.map((r) => [r[1], r[5]])).toEqual([
      [5000, "planned"],
      [45000, "planned"],
    ]);
  });

  it("a facility that 'will produce' is planned; a plant kind ('demonstration', 'per annum') is no product", () => {
    const got = capacities([["The Quillon facility has a capacity of up to 6,000 tonnes per year and will produce magnesium from slag."], ["Quillon Magnesium Inc. is building a 500 tonnes per annum demonstration plant."]]);
    expect(got.map((r) => [r[1], r[4], r[5]])).toEqual([
      [6000, "", "planned"],
      [500, "", "planned"],
    ]);
  });

  it("a capacity a study examines the possibility of is planned; a hedge of the company's own is none", () => {
    expect(capacities([["Qiantang Metals Co., Ltd. said it completed a feasibility study examining the possibility of raising capacity to 40,000 tonnes per year."]])).toEqual([["Qiantang Metals", 40000, null, "t", "", "planned"]]);
    expect(capacities([["Qiantang Metals Co., Ltd. said it could possibly raise capacity to 40,000 tonnes per year."]])).toEqual([]);
    expect(capacities([["Qiantang Metals Co., Ltd. is weighing the possibility of raising capacity to 40,000 tonnes per year."]])).toEqual([]);
  });

  it("no capacity from hedges, offtake, enquiries, demand growth or a class of plants a rule asks for", () => {
    const got = capacities([
      ["Quillon Magnesium Inc. said the mine could support the operation of a 20,000 tpa plant for 30 years."],
      ["The plant might get to 30,000 tonnes per year, Quillon Magnesium Inc. said."],
      ["Quillon Magnesium Inc. has 4,000tpa allocated in offtake agreements and has received enquiries for more than 1,500tpa."],
      ["Demand from scooters is expected to bring an annual increase of over 50,000 tonnes per year."],
      ["The measures said Vellmar City would guide the construction of enterprises with capacities of 50,000 mt and 80,000 mt."],
      ["The plan backs smelters with capacities of 60,000 mt for primary magnesium."],
    ]);
    expect(got).toEqual([]);
  });
});

describe("report day of prices", () => {
  const report = { title: "Magnesium ingot prices hold [Daily Report]", published: "2031-05-06" };
  const prices = (paragraphs: string[][]) => ofKind(extract(paragraphs, report), "price").map((d) => [d.value, d.value_max, d.unit, d.product, d.date, d.date_evidence]);

  it("present-tense prices after a dateline hold for its day, with the dateline as date evidence", () => {
    const dateline = "Light Metals Morning Notes on May 6:";
    expect(prices([[dateline], ["The ex-factory price of 2-4 grade dolomite is 130 yuan/mt."]])).toEqual([[130, null, "CNY/t", "dolomite", "2031-05-06", dateline]]);
  });

  it("a 'today' price takes the day a dated price of the report states, when that day is the report's own", () => {
    const first = "The wire reported on May 6 that magnesium ingot quotes in Fugu were 17,000-17,100 yuan/mt.";
    const got = prices([[first], ["However, today, some transaction prices of magnesium ingot fell back to 16,900 yuan/mt as previously stocked goods were sold."]]);
    expect(got[1]).toEqual([16900, null, "CNY/t", "magnesium ingot", "2031-05-06", first]);
  });

  it("leaves undated what speaks of yesterday, a forecast, or a report stating two days", () => {
    expect(prices([["Light Metals Morning Notes on May 6:"], ["Yesterday, magnesium ingot prices were 17,000 yuan/mt."]])[0][4]).toBe("");
    expect(prices([["Notes on May 5:"], ["Notes on May 6:"], ["The magnesium ingot price is 17,000 yuan/mt."]])[0][4]).toBe("");
    // A weekly report published on the 6th quoting the 4th: its other present-tense prices are of no stated day.
    expect(prices([["On May 4 magnesium ingot quotes in Fugu were 17,000 yuan/mt."], ["The magnesium powder price is 19,000 yuan/mt."]])[1][4]).toBe("");
    expect(prices([["Notes on May 6:"], ["It is expected that magnesium ingot prices may soften, but there is strong support at 16,500 yuan/mt."]])).toEqual([]);
  });
});

describe("the month May is no modal", () => {
  it("a price dated in May is a price", () => {
    const got = ofKind(extract([["On May 6 magnesium ingot quotes in Fugu were 17,000-17,100 yuan/mt."]], { title: "Daily report", published: "2031-05-06" }), "price");
    expect(got.map((d) => [d.value, d.value_max, d.date])).toEqual([[17000, 17100, "2031-05-06"]]);
  });
  it("'may' the modal still refuses a price", () => {
    expect(ofKind(extract([["Magnesium ingot quotes may fall to 16,000 yuan/mt."]], { title: "Daily report", published: "2031-05-06" }), "price")).toEqual([]);
  });
});

describe("weight savings in US press forms", () => {
  const savings = (paragraphs: string[][]) => ofKind(extract(paragraphs, { title: "Carmaker notes" }), "weight_saving").map((d) => [d.product, d.value, d.value_max, d.unit, d.qualifier]);
  it("pounds, hyphenated percent and 'shaved off' per part", () => {
    expect(savings([["Fenwick Motors said just over 12-pounds per rear hatch inner can be shaved off by casting it in magnesium."]])).toEqual([["rear hatch inner", 12, null, "lb", "over"]]);
    expect(savings([["Fenwick Motors said its magnesium seat frames are 25-percent lighter than aluminum ones."]])).toEqual([["magnesium seat frames", 25, null, "%", ""]]);
  });
  it("a range 'reduction in component weight' is a saving", () => {
    expect(savings([["Fenwick Motors said its cast magnesium cross-car beam achieved a 20%-35% reduction in component weight."]]).map((r) => r.slice(1))).toEqual([[20, 35, "%", ""]]);
  });
  it("a material compared with a material is no saving, quoted or not", () => {
    expect(savings([["\"Magnesium alloys are about 30 per cent lighter than aluminum alloys,\" Fenwick Motors said."]])).toEqual([]);
  });
});

describe("weight savings restated or said as an absence", () => {
  const savings = (paragraphs: string[][]) => ofKind(extract(paragraphs, { title: "Carmaker notes" }), "weight_saving").map((d) => [d.subject, d.product, d.value, d.unit, d.qualifier]);
  it("'In other words, <parts> are N% lighter than <material>' restates the named part's saving of the previous sentence", () => {
    const got = savings([["Corvel Drive said about 4 kg per tailgate inner can be saved by casting it in magnesium.", "In other words, magnesium tailgate inners are 35-percent lighter than aluminum and 55-percent lighter than steel."]]);
    expect(got.slice(1)).toEqual([
      ["Corvel Drive", "magnesium tailgate inners", 35, "%", ""],
      ["Corvel Drive", "magnesium tailgate inners", 55, "%", ""],
    ]);
  });
  it("a restatement about a class the previous sentence does not name, or with no one who said it, is still a generic claim", () => {
    expect(savings([["Corvel Drive said its new seat frame saves 4 kg.", "In other words, magnesium brackets are 20% lighter than steel."]]).map((r) => r[2])).toEqual([4]);
    expect(savings([["Tailgate inners are often cast today.", "Put simply, magnesium tailgate inners are 35% lighter than aluminum."]])).toEqual([]);
  });
  it("'without X the weight would have been N kg more' is what X saves (the car the previous sentence named); a percentage or another measure is not", () => {
    expect(savings([["Corvel Drive unveiled its Tern hatchback in May.", "Its curb weight is 1,150 kg: without magnesium the weight would have been 38 kg more."]])).toEqual([["Corvel Drive", "Tern hatchback", 38, "kg", ""]]);
    expect(savings([["Corvel Drive said that without its magnesium cross-car beam, the Tern hatchback would weigh 6 kg more."]])).toEqual([["Corvel Drive", "Tern hatchback", 6, "kg", ""]]);
    expect(savings([["Corvel Drive said that without magnesium the body would be 15% heavier."]])).toEqual([]);
    expect(savings([["Corvel Drive said that without the new furnace, the line would have been 40 kg more per shift in scrap."]])).toEqual([]);
  });
});

describe("price basis", () => {
  it("a basis in a parenthesis after the figure is the next figure's, not this one's", () => {
    const got = ofKind(extract([["On May 6, Fugu magnesium ingot prices were quoted at 17,000-17,100 yuan/mt (FOB $2,300-$2,350), flat on the day."]], { title: "Daily report", published: "2031-05-06" }), "price");
    expect(got.map((d) => [d.value, d.unit, d.basis])).toEqual([[17000, "CNY/t", ""]]);
  });
});

describe("government orders", () => {
  const policies = (s: string) => ofKind(extract([[s]], { title: "Metals wire", published: "2031-06-01" }), "policy").map((d) => [d.subject, d.region, d.title, d.date]);
  it("a government named by its demonym, or a country acting, that orders plants, output or trade is a policy", () => {
    expect(policies("The Valerian government ordered 12 magnesium smelters to halt production.")).toEqual([]); // no demonym in the data: no country, no record
    expect(policies("The Chinese government previously forced 20 of its 40 ferrosilicon plants to close until the end of 2031 because of power cuts.")).toEqual([["Chinese government", "China", "forced 20 of its 40 ferrosilicon plants to close until the end of 2031", ""]]);
    expect(policies("On May 3, Israeli authorities suspended the magnesium factory's operations.")).toEqual([["Israeli authorities", "Israel", "suspended the magnesium factory's operations", "2031-05-03"]]);
    expect(policies("China has allowed some magnesium producers to resume, traders said.")).toEqual([["China", "China", "allowed some magnesium producers to resume", ""]]);
  });
  it("no order from plans, requests, conditions or a government that orders no plant, output or trade", () => {
    expect(policies("The Chinese government may order smelters to close.")).toEqual([]);
    expect(policies("Producers urged that the Chinese government allowed exports.")).toEqual([]);
    expect(policies("The Chinese government approved the new curriculum.")).toEqual([]);
    expect(policies("China exported 30,000 tonnes of magnesium.")).toEqual([]);
  });
});

describe("standards without quotes or codes", () => {
  const standards = (s: string, published = "2031-06-01") => ofKind(extract([[s]], { title: "Standards wire", published }), "standard").map((d) => [d.title, d.date, d.date_effective]);
  it("a Title Case title after 'standard' that will come into effect on a day", () => {
    expect(standards("The mandatory national standard Safety Requirements for Electric Scooters, revised by three ministries, will come into effect on March 1, 2032.")).toEqual([["Safety Requirements for Electric Scooters", "", "2032-03-01"]]);
  });
  it("specifications announced by an association under a dateline", () => {
    expect(standards("May 4, 2031 -- The Valerian Casting Association announced revised specifications for alloys V12 and V14, raising their magnesium limits.")).toEqual([["specifications for alloys V12 and V14", "2031-05-04", ""]]);
  });
  it("a quoted plan that mentions standards is no standard", () => {
    expect(standards('On July 2, Vellmar City issued the "Implementation Plan for New Materials," which sets standards for recycling.')).toEqual([]);
  });
});

describe("price ranges written 'ranged from X to Y'", () => {
  it("are prices; 'up from X' is still a change", () => {
    const got = ofKind(extract([["On May 6 magnesium ingot quotes in Fugu ranged from 17,000 to 17,100 yuan/mt, up from 16,900 yuan/mt."]], { title: "Daily report", published: "2031-05-06" }), "price");
    expect(got.map((d) => [d.value, d.value_max, d.date])).toEqual([[17000, 17100, "2031-05-06"]]);
  });
});
