// Price parser and planned capacity, on sentences written for these tests (invented places and figures in
// the shapes price reports use; no sentence of the corpus).
import { extract, ofKind } from "./helpers";

const report = { title: "Weekly light metals price report", published: "2031-03-14" };
const row = (d: { value: number | null; value_max: number | null; unit: string; price_type: string; product: string; date: string }) =>
  [d.value, d.value_max, d.unit, d.price_type, d.product, d.date];

describe("price parser", () => {
  it("a quoted range and a transaction in one sentence are two prices of their types", () => {
    const drafts = extract([["14th March: Mainstream magnesium ingot (99.9% grade) prices rose to RMB21,000~21,300/t in Fugu Shaanxi, with some deals concluded at RMB21,100/t."]], report);
    const prices = ofKind(drafts, "price");
    expect(prices.map(row)).toEqual([
      [21000, 21300, "CNY/t", "quotation", "magnesium ingot", "2031-03-14"],
      [21100, null, "CNY/t", "transaction", "magnesium ingot", "2031-03-14"],
    ]);
    expect(prices[0].grade).toBe("99.9%");
    expect(prices[0].region).toBe("Fugu, Shaanxi");
  });

  it("reads yuan/mt after the figure, $ ranges with the sign twice, FOB bases and input materials", () => {
    const drafts = extract([
      ["On March 12, the ex-works quotation for magnesium ingots in the Wenxi area was 16,900-17,050 yuan/mt; the FOB China quotation was $2,310-$2,390/mt."],
      ["The mainstream ex-factory price of 72 ferrosilicon in Ningxia is 5,450-5,550 yuan/mt."],
    ], report);
    const prices = ofKind(drafts, "price");
    expect(prices.map(row)).toEqual([
      [16900, 17050, "CNY/t", "quotation", "magnesium ingot", "2031-03-12"],
      [2310, 2390, "USD/t", "quotation", "magnesium ingot", "2031-03-12"],
      [5450, 5550, "CNY/t", "quotation", "ferrosilicon", ""],
    ]);
    expect(prices[0].region).toBe("Wenxi, Shanxi");
    expect(prices[0].basis).toBe("ex-works");
    expect(prices[1].basis).toBe("FOB China");
    expect(prices[2].grade).toBe("72");
  });

  it("a change, a forecast, an intention or a cost is not a price", () => {
    const drafts = extract([
      ["Magnesium ingot prices were up by RMB 400/t from last week."],
      ["Traders said prices are expected to reach RMB 25,000/t next month."],
      ["One trader is considering cutting its offer to USD 3,100/t."],
      ["The production cost of magnesium ingot is about RMB 15,000/t."],
      ["Magnesium ingot output rose 3% to 8,000 t."],
    ], report);
    expect(ofKind(drafts, "price")).toEqual([]);
  });

  it("the ¥ sign is the yen's or the yuan's as the text says; without a word either way there is no price", () => {
    const jp = extract([["Magnesium alloy prices in Japan held at ¥810 per kg."]], report);
    expect(ofKind(jp, "price").map((p) => p.unit)).toEqual(["JPY/kg"]);
    const cn = extract([["Domestic magnesium ingot prices in China held at ¥21,500/t."]], report);
    expect(ofKind(cn, "price").map((p) => p.unit)).toEqual(["CNY/t"]);
    expect(ofKind(extract([["Magnesium alloy prices held at ¥810 per kg."]], report), "price")).toEqual([]);
  });

  it("a day without a year in a report with no publication date stays undated", () => {
    const drafts = extract([["9th June: Magnesium ingot prices were quoted at RMB18,000~18,200/t in Fugu Shaanxi."]], { title: "Mg prices firm" });
    expect(ofKind(drafts, "price").map(row)).toEqual([[18000, 18200, "CNY/t", "quotation", "magnesium ingot", ""]]);
  });

  it("a headline price repeated in the report body is one record", () => {
    const drafts = extract([
      ["On March 13, magnesium ingot prices in Fugu were quoted at 17,200-17,300 yuan/mt."],
      ["Prices overview.", "SMM reported on March 13: magnesium ingot prices in Fugu were quoted at 17,200-17,300 yuan/mt, flat on the day."],
    ], report);
    expect(ofKind(drafts, "price")).toHaveLength(1);
  });
});

describe("planned capacity", () => {
  it("a target or a plant to come is a capacity marked planned; one that runs is not", () => {
    const drafts = extract([
      ["Zeta Light Metals operates a smelter with an annual capacity of 20,000 tonnes of magnesium."],
      ["Zeta Light Metals plans to expand the smelter to an annual capacity of 45,000 tonnes of magnesium by 2033."],
    ], report);
    const caps = ofKind(drafts, "capacity");
    expect(caps.map((c) => [c.value, c.status])).toEqual([
      [20000, ""],
      [45000, "planned"],
    ]);
  });
});
