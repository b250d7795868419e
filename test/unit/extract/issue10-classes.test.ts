// Classes of misses and false positives of issue 10, each on sentences written for this test (invented
// organisations, places and figures; no sentence of the corpus).
import { findDates, resolveDate, statedYear } from "../../../src/core/corpus/extract/dates";
import { findQuantities } from "../../../src/core/corpus/extract/numbers";
import { extract, ofKind } from "./helpers";

const wire = { title: "Light metals wire", published: "2031-05-02" };
const events = (paragraphs: string[][], over: Record<string, string> = wire) => ofKind(extract(paragraphs, over), "event").map((e) => [e.subject, e.date]);

describe("events: what dates a saying, a report or a market figure is no happening", () => {
  it("the day of a release the company said something in dates no happening, and a plan's year lends itself to nothing", () => {
    expect(events([["The new furnace line, expected to come online in 2033, will need new cranes at the smelter, the company said in a release dated March 4."]])).toEqual([]);
    const t = "The new furnace line, expected to come online in 2033, will need new cranes, the company said on March 4.";
    expect(statedYear(findDates(t), t)).toBeUndefined();
  });

  it("a headline's date, a page's date label and a content-free update are no events", () => {
    expect(events([["Casting of thin-wall magnesium door frames for small cars, March 2030"]], { title: "Casting of thin-wall magnesium door frames for small cars, March 2030", published: "" })).toEqual([]);
    expect(events([["date 2031-04-20 Ridgeway Alloys Limited (AU:RDG) has released an update."]])).toEqual([]);
    expect(events([["On April 20, Ridgeway Alloys published an investor presentation."]])).toEqual([]);
  });

  it("a market figure's month dates an analysis, not a happening; a production start's month dates it", () => {
    expect(events([["The export surge has a cause: the sharp rise in magnesium ingot prices in March pushed traders to ship early."]])).toEqual([]);
    expect(events([["Ridgeway Alloys Co., Ltd. entered series production of the wheel in March."]])).toEqual([["Ridgeway Alloys", "2031-03"]]);
  });

  it("a standards page's header repeating its release day is that standard, not an event", () => {
    const drafts = extract([
      ["Standard ID: GB/T 99999.3-2030 Title: Methods for analysis of magnesium foil Date of Issue: 2030-04-25 Date of Implementation: 2030-11-01"],
      ["ICS 77.120 National Standard Replaces GB/T 99999.3-2011 Methods for analysis of magnesium foil Released on 2030-04-25 2030-11-01 Implementation"],
    ], { title: "GB/T 99999.3-2030 English PDF", published: "" });
    expect(ofKind(drafts, "event")).toEqual([]);
    expect(ofKind(drafts, "standard").length).toBe(1);
  });
});

describe("undated happenings: who did it and which word is the verb", () => {
  it("a participle that describes a noun is no verb; a demonstrative does nothing", () => {
    expect(events([["A crowd of visitors in Bellmoor County filled the hall for the newly signed partnership between Ridgeway Alloys and the county."]])).toEqual([]);
    expect(events([["Ridgeway Alloys is moving ahead with its smelter, as part of an agreement signed last year with Zeta Power."]])).toEqual([]);
  });

  it("a company the title names is who 'the company' or 'the producer' is; 'said it completed' reports a happening", () => {
    const over = { title: "Ridgeway Alloys Inc. to expand its smelter", published: "" };
    expect(events([["The Utah-based metal producer said it completed a feasibility study last year."]], over)).toEqual([["Ridgeway Alloys", ""]]);
    expect(events([["A casting process developed by the company won the innovation prize at the light metals fair."]], over)).toEqual([["Ridgeway Alloys", ""]]);
    // A state described in reported speech stays none.
    expect(events([["Ridgeway Alloys said the smelter had barely been profitable for years."]], over)).toEqual([]);
  });

  it("an announcement is a happening; an order booked and money ('95 billion won') are not", () => {
    expect(events([["Ridgeway Alloys announced plans to close its foil mill."]])).toEqual([["Ridgeway Alloys", ""]]);
    expect(events([["Ridgeway Alloys signed a 3,000 t order with a die caster for delivery next year."]])).toEqual([]);
    expect(events([["The 80 billion won mill of Ridgeway Alloys can roll 5,000 tons of sheet a year."]])).toEqual([]);
  });
});

describe("dates of a period and of a figure", () => {
  it("'the first eight months of 2030' runs from the year to that month and states the sentence's year", () => {
    const t = "Prices averaged RMB 100/t in May, with prices averaging RMB 120/t during the first eight months of 2030.";
    const ds = findDates(t);
    expect(ds.map((d) => resolveDate(d, { sentenceYear: statedYear(ds, t) }))).toEqual([
      { date: "2030-05", date_end: "" },
      { date: "2030", date_end: "2030-08" },
    ]);
  });

  it("a price takes the date written right after it, else the one before it", () => {
    const prices = ofKind(
      extract([["Domestic magnesium ingot prices averaged RMB 15,100/t in May, with prices averaging RMB 15,900/t during the first five months of 2030."]], { title: "Magnesium prices", published: "" }),
      "price",
    );
    expect(prices.map((p) => [p.value, p.date, p.date_end])).toEqual([
      [15100, "2030-05", ""],
      [15900, "2030", "2030-05"],
    ]);
  });
});

describe("money's short scales", () => {
  it("'$145m' and '€1.2b' are millions and billions; '100m' alone is no money", () => {
    const qs = (t: string) => findQuantities(t).map((q) => [q.value, q.unit]);
    expect(qs("Zeta Light Metals will invest $145m in the mill and €1.2b in the port.")).toEqual([
      [145000000, "USD"],
      [1200000000, "EUR"],
    ]);
    expect(qs("a 100m tower")).toEqual([[100, ""]]);
  });
});

describe("prices without a unit of their own, and what is no price", () => {
  const jmb = { title: "Magnesium export offers", published: "" };
  const rows = (paragraphs: string[][], over = jmb) => ofKind(extract(paragraphs, over), "price").map((p) => [p.value, p.value_max, p.unit, p.price_type]);

  it("a currency figure a price clause states takes the unit the article writes that currency with", () => {
    expect(
      rows([
        ["Chinese magnesium ingot offers to Korea stood at US$ 2,900-2,950 per tonne this week."],
        ["Chinese magnesium offer price climbed in October on tight supply.", "The price rose by more than US$ 400 in a month and hit US$ 3,150-3,200 at the end of October."],
      ]),
    ).toEqual([
      [2900, 2950, "USD/t", "offer"],
      [3150, 3200, "USD/t", "offer"],
    ]);
  });

  it("no unit anywhere, two units for the currency, no price word, a difference or a qualified change: no price", () => {
    expect(rows([["The magnesium ingot price hit US$ 3,150 at the end of October."]])).toEqual([]);
    expect(rows([["Magnesium ingot sold at US$ 3,000 per tonne and US$ 3.1 per kg."], ["The price then hit US$ 3,150."]])).toEqual([
      [3000, null, "USD/t", "transaction"],
      [3.1, null, "USD/kg", "transaction"],
    ]);
    expect(rows([["Magnesium ingot offers were US$ 2,900 per tonne."], ["Smelters' breakeven is estimated at above US$ 3,000, and the price is US$ 300 lower than in May."]])).toEqual([[2900, null, "USD/t", "offer"]]);
    expect(rows([["Magnesium ingot offers were US$ 2,900 per tonne, down by about US$ 150 from May."]])).toEqual([[2900, null, "USD/t", "offer"]]);
  });

  it("'dollers per ton' is a dollar price", () => {
    expect(rows([["Export price of magnesium alloy ingot for Korea was 2,610-2,630 dollers per ton last week."]])).toEqual([[2610, 2630, "USD/t", "quotation"]]);
  });
});

describe("policies: a government's tax, royalty or tariff rate", () => {
  const pols = (paragraphs: string[][]) => ofKind(extract(paragraphs, wire), "policy").map((p) => [p.subject, p.date, p.value, p.unit]);

  it("a rate a government body sets or recommends is a policy whose value is the rate", () => {
    expect(pols([["In March, the Zetland Ministry of Finance raised the export tariff on magnesium ingot to 15 percent."]])).toEqual([["Ministry of Finance", "2031-03", 15, "%"]]);
    expect(pols([["In April, the Zetland Ministry of Finance recommended that smelters be charged a royalty on ore – known locally as a levy – of 6%, saying it would fund roads."]])).toEqual([
      ["Ministry of Finance", "2031-04", 6, "%"],
    ]);
  });

  it("a hedged rate, a company's tax and a rate with no government are no policies", () => {
    expect(pols([["The Zetland Ministry of Finance may raise the export tariff on magnesium to 20 percent."]])).toEqual([]);
    expect(pols([["Ridgeway Alloys Co., Ltd. cut its effective tax rate to 21% last year."]])).toEqual([]);
    expect(pols([["Analysts recommended a royalty rate of 5% for the industry."]])).toEqual([]);
  });
});

describe("government orders: regional issuers, export controls, effective dates", () => {
  const pols = (paragraphs: string[][]) => ofKind(extract(paragraphs, wire), "policy").map((p) => [p.subject, p.region, p.date, p.date_effective]);

  it("provincial and local governments order closures and suspensions; the place they name is the region", () => {
    expect(pols([["Authorities in Gansu ordered the suspension of nine furnaces on April 20."]])).toEqual([["Authorities in Gansu", "Gansu", "2031-04-20", ""]]);
    expect(pols([["The Gansu provincial government ordered six magnesium smelters to halt production on April 21."]])).toEqual([["Gansu provincial government", "Gansu", "2031-04-21", ""]]);
    expect(ofKind(extract([["Authorities in Gansu ordered the suspension of nine furnaces on April 20."]], wire), "event")).toEqual([]);
  });

  it("export controls and licensing are policies; 'effective from' / 'takes effect on' is the effective date, the next one after publication", () => {
    expect(pols([["China's Ministry of Commerce announced export controls on magnesium powder effective from June 1."]])).toEqual([["MOFCOM", "China", "", "2031-06-01"]]);
    expect(pols([["On April 28, MOFCOM introduced export licensing for magnesium scrap, which takes effect on July 1."]])).toEqual([["MOFCOM", "China", "2031-04-28", "2031-07-01"]]);
  });

  it("hedged or planned orders and non-orders are no policies; a named document is one policy, not also an order", () => {
    expect(pols([["Local officials said the city government will inspect smelters next month."]])).toEqual([]);
    expect(pols([["The local government announced a subsidy for new magnesium alloy parts makers."]])).toEqual([]);
    expect(pols([["On May 7, the State Council issued the \"Action Plan for Cleaner Magnesium Smelting\", curbing new smelter capacity."]]).length).toBe(1);
  });
});

describe("capacity of a plant whose construction starts is planned", () => {
  it("'began construction of a 40,000-tonne plant', 'broke ground on its 30,000 t/a smelter' are planned; 'operates' is not", () => {
    const caps = (t: string) => ofKind(extract([[t]], wire), "capacity").map((c) => [c.value, c.status]);
    expect(caps("Zeta Magnesium Co. began construction of a 40,000-tonne magnesium alloy plant in Gansu.")).toEqual([[40000, "planned"]]);
    expect(caps("Zeta Magnesium Co. broke ground on its 30,000 t/a smelter in Gansu.")).toEqual([[30000, "planned"]]);
    expect(caps("Zeta Magnesium Co. operates a 20 kt/a magnesium smelter in Gansu.")).toEqual([[20, ""]]);
  });
});
