// Generalisation probes: sentences written for this test in the styles of outlets the corpus has none of (price
// agencies' assessments, Chinese spot reports, wire-service capacity news, automotive press, standards pages).
// Invented companies and figures; no sentence of any article. Each positive asserts the fields an analyst reads;
// each negative (a change, a forecast, a goal, a share, a general material claim) must give no record.
import type { RecordDraft } from "../../../src/core/corpus/types";
import { extract, ofKind } from "./helpers";

const report = { title: "Light metals weekly", published: "2031-06-12" };
type Kind = RecordDraft["kind"];
const one = (kind: Kind, sentence: string): RecordDraft[] => ofKind(extract([[sentence]], report), kind);

/** [sentence, the fields of its one record] */
type Probe = [string, Partial<RecordDraft>];

function probe(kind: Kind, cases: Probe[]): void {
  it.each(cases)("%s", (sentence, fields) => {
    const found = one(kind, sentence);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject(fields);
  });
}
function none(kind: Kind, sentences: string[]): void {
  it.each(sentences)("no record: %s", (sentence) => expect(one(kind, sentence)).toEqual([]));
}

describe("price: agency assessments and spot reports", () => {
  const usd = { unit: "USD/t", price_type: "assessment" } as const;
  probe("price", [
    ["Magnesium 99.9% min, FOB China, was assessed at $2,350-2,400 per tonne on Tuesday, unchanged on the week.", { ...usd, value: 2350, value_max: 2400, product: "magnesium", grade: "99.9%", basis: "FOB China" }],
    ["The Rotterdam magnesium 99.9% in-warehouse price was assessed at $3,050-3,200 per tonne on June 10.", { ...usd, value: 3050, value_max: 3200, basis: "in-warehouse", region: "Rotterdam", date: "2031-06-10" }],
    ["European magnesium 99.9% in-warehouse Rotterdam prices were assessed at €3,100-3,250/t on June 11.", { value: 3100, value_max: 3250, unit: "EUR/t", basis: "in-warehouse Rotterdam", date: "2031-06-11" }],
    ["Magnesium ingot 99.8% min, DDP Europe, was assessed at €3,400-3,550/t, down €50 on the week.", { value: 3400, value_max: 3550, unit: "EUR/t", price_type: "assessment", product: "magnesium ingot", grade: "99.8%", basis: "DDP Europe" }],
    ["Fugu 99.90% magnesium ingot ex-works prices were RMB 18,600-18,800/mt, VAT included, on June 11.", { value: 18600, value_max: 18800, unit: "CNY/t", price_type: "quotation", product: "magnesium ingot", grade: "99.90%", basis: "ex-works, VAT included", region: "Fugu, Shaanxi", date: "2031-06-11" }],
    ["In Fugu, 99.90% magnesium ingot was quoted at 18,650 yuan/mt including 13% VAT on June 11.", { value: 18650, value_max: null, unit: "CNY/t", basis: "including 13% VAT", date: "2031-06-11" }],
    ["On 11 June, magnesium ingot 99.9% ex-works Fugu traded at RMB 18,600/t, VAT inclusive.", { value: 18600, price_type: "transaction", basis: "ex-works, VAT inclusive", region: "Fugu, Shaanxi", date: "2031-06-11" }],
    ["Magnesium ingot (99.90%) in Fugu traded at 18,700 yuan/tonne ex-works on Wednesday.", { value: 18700, unit: "CNY/t", price_type: "transaction", grade: "99.90%", basis: "ex-works" }],
    ["US magnesium spot prices were assessed at $4.80-5.20 per lb, in-warehouse, on June 9.", { value: 4.8, value_max: 5.2, unit: "USD/lb", price_type: "assessment", basis: "in-warehouse", region: "United States", date: "2031-06-09" }],
    ["Chinese magnesium 99.9% was offered at $2,380/mt FOB on June 11, sellers said.", { value: 2380, unit: "USD/t", price_type: "offer", basis: "FOB", date: "2031-06-11" }],
    ["The price of AZ91D magnesium alloy was assessed at $2,600-2,680 per metric ton FOB China on June 11.", { ...usd, value: 2600, value_max: 2680, product: "magnesium alloy", basis: "FOB China", date: "2031-06-11" }],
    ["Magnesium alloy AZ91D, FOB China, was assessed at $2,650-2,700 a tonne on June 11, unchanged from a week ago.", { ...usd, value: 2650, value_max: 2700, product: "magnesium alloy", basis: "FOB China" }],
    ["Magnesium ingot prices in Shaanxi held at 18,500-18,700 yuan per tonne on June 11, including tax.", { value: 18500, value_max: 18700, unit: "CNY/t", basis: "including tax", region: "Shaanxi", date: "2031-06-11" }],
    ["Pure magnesium 99.95% in Wenxi was quoted at CNY 19,200-19,400 per ton ex-works, cash on delivery, on June 11.", { value: 19200, value_max: 19400, unit: "CNY/t", grade: "99.95%", basis: "ex-works, cash", region: "Wenxi, Shanxi" }],
    ["On June 11, magnesium ingot 99.9% min was assessed at US$2,350–2,400/t FOB Tianjin.", { ...usd, value: 2350, value_max: 2400, basis: "FOB Tianjin", date: "2031-06-11" }],
    ["Magnesium 99.9% min, CIF Rotterdam, duty unpaid, was assessed at $2,900 to $3,000 per tonne on June 10.", { ...usd, value: 2900, value_max: 3000, basis: "CIF Rotterdam", date: "2031-06-10" }],
    ["Chinese magnesium ingot was assessed at 2,350-2,400 USD/t FOB on June 11.", { ...usd, value: 2350, value_max: 2400, basis: "FOB", date: "2031-06-11" }],
    ["Fugu magnesium ingot prices were RMB18,600-18,800/t on June 11.", { value: 18600, value_max: 18800, unit: "CNY/t", region: "Fugu, Shaanxi", date: "2031-06-11" }],
    ["Fugu magnesium ingot prices were 18,600-18,800 RMB/t on June 11.", { value: 18600, value_max: 18800, unit: "CNY/t", date: "2031-06-11" }],
    ["Magnesium ingot in Fugu was quoted at 18,600 yuan/ton on June 11.", { value: 18600, unit: "CNY/t", price_type: "quotation", date: "2031-06-11" }],
    ["Magnesium powder prices were assessed at $3.10-3.25/kg on June 11.", { value: 3.1, value_max: 3.25, unit: "USD/kg", product: "magnesium powder", price_type: "assessment" }],
    ["Magnesium ingot prices in Fugu were 18,600-18,800 yuan/mt on June 11, down 100 yuan/mt from the previous day.", { value: 18600, value_max: 18800, unit: "CNY/t", date: "2031-06-11" }],
    // Price tables write the currency and unit before the figures.
    ["Magnesium 99.9% min, in-whs Rotterdam, $/tonne: 3,050-3,200 on June 11.", { value: 3050, value_max: 3200, unit: "USD/t", grade: "99.9%", basis: "in-whs Rotterdam", date: "2031-06-11" }],
    ["Magnesium 99.9% min, FOB China, $ per tonne 2,350-2,400, June 11.", { value: 2350, value_max: 2400, unit: "USD/t", basis: "FOB China", date: "2031-06-11" }],
    ["Magnesium ingot, ex-works Fugu, RMB/t: 18,600-18,800", { value: 18600, value_max: 18800, unit: "CNY/t", basis: "ex-works", product: "magnesium ingot" }],
    ["SMM: On June 11, the mainstream transaction price of magnesium ingots in Fugu was 18,600-18,700 yuan/mt.", { value: 18600, value_max: 18700, price_type: "transaction", region: "Fugu, Shaanxi", date: "2031-06-11" }],
    ["Magnesium ingot (Fugu, 99.90%): RMB 18,600-18,800/t, unchanged.", { value: 18600, value_max: 18800, unit: "CNY/t", grade: "99.90%", region: "Fugu, Shaanxi" }],
    ["Asian Metal assessed Chinese 99.90% magnesium ingot at RMB18,600-18,800/t ex-works on Jun 11.", { value: 18600, value_max: 18800, price_type: "assessment", basis: "ex-works", date: "2031-06-11" }],
    ["The price of 99.9% magnesium ingot stood at 18,650 yuan per metric ton on June 11th.", { value: 18650, unit: "CNY/t", grade: "99.9%", date: "2031-06-11" }],
    ["Magnesium 99.9% min FOB China was at 2,350-2,400 dollars per tonne on Wednesday, June 11.", { value: 2350, value_max: 2400, unit: "USD/t", basis: "FOB China", date: "2031-06-11" }],
    // "11 Jun 2031": a month abbreviated without its period, day first, before a year.
    ["Magnesium 99.9% min, DDP Europe, was €3.10-3.20/kg on 11 Jun 2031.", { value: 3.1, value_max: 3.2, unit: "EUR/kg", basis: "DDP Europe", date: "2031-06-11" }],
    ["In the week to June 11, magnesium 99.9% min FOB China was assessed at $2,350-2,400/t.", { value: 2350, value_max: 2400, price_type: "assessment", date: "2031-06-11" }],
    ["Magnesium 99.9% min FOB China averaged $2,375/t in the week ended June 11.", { value: 2375, price_type: "assessment", date: "2031-06-11" }],
    ["As of June 11, Fugu magnesium ingot prices stood at RMB 18,600-18,800/mt.", { value: 18600, value_max: 18800, date: "2031-06-11" }],
    ["Magnesium ingot prices in Fugu were 18,600-18,800 yuan/mt (tax included) on June 11.", { value: 18600, value_max: 18800, basis: "tax included", date: "2031-06-11" }],
    ["Magnesium ingot prices in Fugu were 18,600 to 18,800 yuan a tonne on June 11.", { value: 18600, value_max: 18800, unit: "CNY/t", date: "2031-06-11" }],
    // Words that only sound like a cost or a forecast leave the price be.
    ["Magnesium ingot prices rose more than expected to RMB 18,600/t on June 11.", { value: 18600, unit: "CNY/t", date: "2031-06-11" }],
    ["With margins thin, Fugu smelters quoted magnesium ingot at RMB 18,600/t on June 11.", { value: 18600, unit: "CNY/t", price_type: "quotation" }],
    ["Magnesium 99.9% min, FOB China, excluding freight, was assessed at $2,350-2,400/t on June 11.", { value: 2350, value_max: 2400, price_type: "assessment", basis: "FOB China" }],
    ["Magnesium ingot prices in Fugu were 18 600-18 800 yuan/t on June 11.", { value: 18600, value_max: 18800, unit: "CNY/t", date: "2031-06-11" }],
    ["Magnesium 99.9% min FOB China was assessed at $2350-2400/t on June 11.", { value: 2350, value_max: 2400, unit: "USD/t", price_type: "assessment" }],
    ["Magnesium 99.9% min FOB China was assessed at USD2,350-2,400/t on June 11.", { value: 2350, value_max: 2400, unit: "USD/t", basis: "FOB China" }],
  ]);
  none("price", [
    "Magnesium ingot prices fell by $30 per tonne on the week.",
    "Fugu magnesium prices rose RMB 200/mt from a week earlier.",
    "Magnesium ingot prices dropped $25/t week on week.",
    "Magnesium ingot prices climbed RMB 150/mt on the day amid tight supply.",
    "Analysts expect magnesium to average $2,500 per tonne next year.",
    "Smelters said production costs stood near RMB 17,000/mt after the coal price increase.",
    "The spread between FOB China and Rotterdam magnesium widened to $700 per tonne.",
    "The magnesium ingot price table is in RMB/t, 2030 averages in brackets.",
    "Import duty on magnesium ingot is $100 per tonne.",
    "Freight from Tianjin to Rotterdam for magnesium ingot was $85 per tonne.",
    "Magnesium ingot prices are forecast to average $2,500/t in 2032, Harlan Research said.",
    "The plant will cost $2,500 per tonne of annual capacity to build.",
    "Revenue per tonne of magnesium sold rose to $2,900/t in the quarter, Kestrow Metals said.",
    "Kestrow Metals expects to sell its magnesium at $3,000/t under the offtake.",
    "The antidumping margin on magnesium from Vardania was set at $1.40 per kg.",
  ]);
  it("a move to a price keeps the price, not the change or the earlier level", () => {
    const found = one("price", "Magnesium 99.9% min FOB China fell to $2,300-2,350/t on June 11 from $2,350-2,400/t a week earlier.");
    expect(found.map((d) => [d.value, d.value_max, d.basis, d.date])).toEqual([[2300, 2350, "FOB China", "2031-06-11"]]);
    const up = one("price", "Magnesium ingot prices in Fugu edged up by RMB 100/t to RMB 18,700-18,900/t on June 11.");
    expect(up.map((d) => [d.value, d.value_max, d.unit])).toEqual([[18700, 18900, "CNY/t"]]);
  });
});

describe("capacity: wire-service and company phrasings", () => {
  probe("capacity", [
    ["Kestrow Metals will raise annual capacity to 30,000 metric tons by 2027, the company said on Tuesday.", { value: 30000, unit: "t", per: "year", subject: "Kestrow Metals", status: "planned" }],
    ["Ardentis Magnesium said on Monday it would build a 50,000 tpa plant in Nevada.", { value: 50000, unit: "t", per: "year", subject: "Ardentis Magnesium", status: "planned" }],
    ["The Halvorsen smelter, owned by Brightwater Magnesium, has a nameplate capacity of 20,000 tonnes a year.", { value: 20000, unit: "t", per: "year", status: "" }],
    ["Qiantang Metals operates a magnesium smelter with annual capacity of 15,000 metric tons in Shaanxi.", { value: 15000, unit: "t", per: "year", subject: "Qiantang Metals", status: "" }],
    ["Corvel Drive Magnesium's plant in Utah can produce 10,000 short tons of primary magnesium a year.", { value: 10000, unit: "short ton", per: "year", product: "primary magnesium", subject: "Corvel Drive Magnesium", status: "" }],
    ["Tamsin Resources plans a magnesium metal plant with an initial capacity of 5,000 tonnes per annum.", { value: 5000, unit: "t", per: "year", subject: "Tamsin Resources", status: "planned" }],
    ["Vellor Alloys commissioned a 12,000 t/y magnesium alloy line at its Ningxia site in May.", { value: 12000, unit: "t", per: "year", product: "magnesium alloy", subject: "Vellor Alloys", status: "" }],
    ["Ostrava Light Metals has the capacity to produce 25 kt of magnesium per year.", { value: 25, unit: "kt", per: "year", product: "magnesium", status: "" }],
    ["Marrick Magnesium's new smelter, with a capacity of 60,000 mtpa, is due to start production in 2028.", { value: 60000, unit: "t", per: "year", subject: "Marrick Magnesium", status: "planned" }],
    ["Yunfeng Magnesium Co., Ltd. has an annual production capacity of 100,000 tons of magnesium alloy.", { value: 100000, unit: "t", per: "year", product: "magnesium alloy", subject: "Yunfeng Magnesium", status: "" }],
    ["Dalmere Resources expects to bring its 25,000 tpa magnesium plant on stream in 2029.", { value: 25000, per: "year", subject: "Dalmere Resources", status: "planned" }],
    ["The plant in Qinghai, which Sorrel Magnesium started up in 2030, can turn out 40,000 tonnes per year.", { value: 40000, unit: "t", per: "year", status: "" }],
    ["Brightwater Magnesium's smelter has a design capacity of 36 kilotonnes per annum.", { value: 36, unit: "kt", per: "year", subject: "Brightwater Magnesium" }],
    ["Qiantang Metals added 10,000 mt/yr of magnesium ingot capacity at its Fugu plant last year.", { value: 10000, unit: "t", per: "year", product: "magnesium ingot" }],
    ["Haldor Light Metals is building a 20,000-tonne-per-year magnesium smelter in Quebec.", { value: 20000, unit: "t", per: "year", status: "planned" }],
    ["Qiantang Metals has a 30,000-tonne annual capacity magnesium smelter in Fugu.", { value: 30000, unit: "t", per: "year", product: "magnesium", subject: "Qiantang Metals", status: "" }],
    ["The Kestrow plant has capacity of 30 ktpa of magnesium metal.", { value: 30, unit: "kt", per: "year", product: "magnesium metal" }],
    ["Halden Metals will add 10,000 tonnes of annual capacity at its Yulin site.", { value: 10000, unit: "t", per: "year", subject: "Halden Metals", status: "planned" }],
    ["The Norvik smelter can make 20,000 tonnes of magnesium annually.", { value: 20000, unit: "t", per: "year", product: "magnesium" }],
    ["Sorrel Magnesium runs a 42,000 mt/y smelter in Ningxia.", { value: 42000, unit: "t", per: "year", subject: "Sorrel Magnesium", status: "" }],
    ["Kestrow Metals will build a plant with a capacity of 150 000 tonnes a year.", { value: 150000, unit: "t", per: "year", status: "planned" }],
    ["Kestrow Metals operates a 150kt/a magnesium smelter.", { value: 150, unit: "kt", per: "year", status: "" }],
    ["Kestrow Metals has an annual capacity of 15 thousand tonnes of magnesium alloy.", { value: 15000, unit: "t", per: "year", product: "magnesium alloy" }],
    ["Kestrow Metals has capacity of 10,000-12,000 tonnes a year.", { value: 10000, value_max: 12000, unit: "t", per: "year" }],
    ["Kestrow Metals' smelter has a capacity of 20,000 tonnes per year (tpy).", { value: 20000, unit: "t", per: "year" }],
    ["Sorrel Magnesium expanded capacity to 42,000 tonnes per year in 2030.", { value: 42000, unit: "t", per: "year", subject: "Sorrel Magnesium", status: "" }],
    // A plant still to be finished or started is planned, however the sentence says so after the figure.
    ["Norvik Magnesium's 30,000 tpa smelter is slated for completion in 2029.", { value: 30000, per: "year", status: "planned" }],
    ["Norvik Magnesium's 30,000 tpa smelter is expected to be completed in 2029.", { value: 30000, per: "year", status: "planned" }],
    ["Construction of Norvik Magnesium's 30,000 tpa smelter is scheduled to finish in 2029.", { value: 30000, per: "year", status: "planned" }],
    ["The project will have an annual capacity of 100,000 tonnes of magnesium alloy when completed.", { value: 100000, per: "year", product: "magnesium alloy", status: "planned" }],
    ["Norvik Magnesium idled its 12,000 tonne-per-year smelter in Quebec on Monday.", { value: 12000, per: "year", product: "", status: "" }],
    ["The Norvik smelter produces about 30,000 tonnes of magnesium a year.", { value: 30000, qualifier: "about", per: "year", product: "magnesium", status: "" }],
  ]);
  none("capacity", [
    "Global magnesium demand is forecast to reach 1.5 million tonnes in 2030, according to Harlan Research.",
    "China accounted for about 85% of global magnesium output last year.",
    "Kestrow Metals produced 18,000 tonnes of magnesium in 2030, up 4% from a year earlier.",
    "China exported 40,000 tonnes of magnesium ingot in the first quarter.",
    "Magnesium output in Shaanxi fell to 450,000 tonnes in 2030.",
    "Fugu smelters hold about 60% of China's magnesium capacity.",
    "Kestrow Metals accounts for 12% of the world's magnesium capacity.",
    "Kestrow Metals sold 12,000 tonnes of magnesium to European buyers last year.",
    "Magnesium consumption in Europe is expected to grow to 250,000 tonnes a year by 2030.",
    // A world's, country's or province's total is no plant's capacity.
    "Global magnesium production capacity stands at about 1.8 million tonnes a year.",
    "China's magnesium capacity reached 1.6 million tonnes in 2030.",
    "Shaanxi has a combined magnesium smelting capacity of 800,000 tonnes a year.",
    "The smelter employs 1,200 people and produced 25,000 tonnes last year.",
    "Corvel Drive installed a 6,100-tonne die-casting machine at its plant.",
    // What a plant takes in is no capacity.
    "The plant uses 120,000 tonnes of dolomite a year.",
    "The smelter will need 45,000 tonnes of ferrosilicon a year.",
    "Kestrow Metals' smelter ran at 70% of capacity in May, producing 1,750 tonnes.",
  ]);
  it("a market word or a superlative elsewhere in the sentence leaves a plant's capacity be", () => {
    expect(one("capacity", "The world's largest magnesium smelter has a capacity of 100,000 tonnes a year.")).toMatchObject([{ value: 100000, per: "year", status: "" }]);
    expect(one("capacity", "Despite falling demand, Kestrow Metals will raise capacity to 30,000 tonnes a year.")).toMatchObject([{ value: 30000, per: "year", status: "planned" }]);
    expect(one("capacity", "Global demand for magnesium will reach 1.5 million tonnes a year by 2032.")).toEqual([]);
  });

  it("a plant someone holds a stake in keeps its capacity", () => {
    expect(one("capacity", "Kestrow Metals holds a 20% stake in a 40,000 tpa smelter run by Sorrel Magnesium.")).toMatchObject([{ value: 40000, unit: "t", per: "year", status: "" }]);
  });
});

describe("weight_saving: automotive press phrasings", () => {
  probe("weight_saving", [
    ["The magnesium seat frame from Corvel Drive cuts 4.5 kg from each vehicle.", { value: 4.5, unit: "kg", product: "magnesium seat frame" }],
    ["The magnesium steering-wheel armature from Pellan Auto shaves 1.2 kg off the previous design.", { value: 1.2, unit: "kg", product: "magnesium steering-wheel armature" }],
    ["Brenner Automotive's magnesium front-end carrier trims 2.6 kg compared with the steel version.", { value: 2.6, unit: "kg", product: "Brenner Automotive's magnesium front-end carrier" }],
    ["Vantor Motors said the magnesium seat back saves 6 lbs per seat.", { value: 6, unit: "lb", product: "magnesium seat back", subject: "Vantor Motors" }],
    ["Switching the transmission case to magnesium saved 3.2 pounds, according to Larkspur Motor Co.", { value: 3.2, unit: "lb", subject: "Larkspur Motor" }],
    ["The die-cast magnesium liftgate inner from Brenner Automotive weighs 40 percent less than the steel part it replaces.", { value: 40, unit: "%", product: "die-cast magnesium liftgate inner", subject: "Brenner Automotive" }],
    ["Orvel Castings' magnesium cross-car beam reduces mass by 25% compared with the aluminum version.", { value: 25, unit: "%", product: "Orvel Castings' magnesium cross-car beam" }],
    ["The magnesium door inner panel developed by Tessaro Auto is 2.1 kg lighter than its steel counterpart.", { value: 2.1, unit: "kg", product: "magnesium door inner panel" }],
    ["At 3.8 kg, the magnesium tailgate frame by Rellis Castings is 45 percent lighter than the steel design.", { value: 45, unit: "%", product: "magnesium tailgate frame" }],
    ["Using a magnesium cross-car beam reduced the weight of the Halden Motors cockpit by 1.9 kilograms.", { value: 1.9, unit: "kg", subject: "Halden Motors" }],
    ["The magnesium wheel from Aldern Forge is 22% lighter than a comparable aluminum wheel.", { value: 22, unit: "%", product: "magnesium wheel" }],
    ["The magnesium instrument panel carrier is 30 per cent lighter than the steel one, Halden Motors said.", { value: 30, unit: "%", product: "magnesium instrument panel carrier", subject: "Halden Motors" }],
    ["Halden Motors achieved a weight reduction of 5.3 kg with the magnesium seat structure.", { value: 5.3, unit: "kg", subject: "Halden Motors" }],
    ["The magnesium oil pan from Corvel Drive is 5 lb lighter than the aluminum pan.", { value: 5, unit: "lb", product: "magnesium oil pan" }],
    ["Compared with steel, the magnesium battery tray developed by Vantor Motors weighs 35% less.", { value: 35, unit: "%", product: "magnesium battery tray", subject: "Vantor Motors" }],
    ["The magnesium seat frame is up to 30% lighter than the steel frame it replaces, Corvel Drive said.", { value: 30, qualifier: "up to", product: "magnesium seat frame" }],
    ["The magnesium seat frame from Corvel Drive is nearly 40 percent lighter than the steel frame.", { value: 40, unit: "%", qualifier: "about" }],
    ["Corvel Drive's magnesium liftgate saves more than 10 kg per vehicle.", { value: 10, unit: "kg", qualifier: "over" }],
    ["The magnesium cross-car beam weighs 4.1 kg, about 2 kg less than the steel beam, Corvel Drive said.", { value: 2, unit: "kg", qualifier: "about", product: "magnesium cross-car beam" }],
    ["The magnesium wheel reduces unsprung mass by roughly 20 percent, according to Aldern Forge.", { value: 20, unit: "%", qualifier: "about", product: "magnesium wheel" }],
    ["The new Corvel Drive SUV is 120 kg lighter than its predecessor.", { value: 120, unit: "kg" }],
    ["The magnesium seat frame from Corvel Drive is 30pc lighter than the steel frame.", { value: 30, unit: "%", product: "magnesium seat frame" }],
    ["The magnesium seat frame from Corvel Drive is 4.5 kilos lighter than the steel frame.", { value: 4.5, unit: "kg" }],
    ["The magnesium seat frame from Corvel Drive is 30-35% lighter than the steel frame.", { value: 30, value_max: 35, unit: "%" }],
    ["Corvel Drive says the magnesium seat frame shaves 9.9 lb.", { value: 9.9, unit: "lb", product: "magnesium seat frame" }],
    ["Corvel Drive cut the weight of the door module by 35 per cent with a magnesium inner.", { value: 35, unit: "%", product: "door module" }],
  ]);
  it("one saving said in kilograms and in percent is two figures of the same part", () => {
    const found = one("weight_saving", "Vantor Motors' magnesium liftgate saves 10.5 kg, or 40%, versus the steel liftgate.");
    expect(found.map((d) => [d.value, d.unit, d.product])).toEqual([
      [10.5, "kg", "Vantor Motors' magnesium liftgate"],
      [40, "%", "Vantor Motors' magnesium liftgate"],
    ]);
  });
  none("weight_saving", [
    "Magnesium is about 33% lighter than aluminium and 75% lighter than steel.",
    "Automakers aim to cut vehicle weight by 10% by 2030 to meet emission rules.",
    "Halden Motors targets a 15% reduction in body weight by 2030.",
    "The new process cuts 4 kg of CO2 per part, Pellan Auto said.",
    "Magnesium alloys offer weight savings of up to 35% over aluminum.",
    "The new model weighs 1,850 kg, 50 kg more than before.",
    "A 10% reduction in vehicle weight can improve fuel economy by 6%-8%.",
    "Lightweighting can improve fuel economy by 6-8% for every 10% reduction in weight.",
    "Every 100 kg of weight reduction cuts CO2 emissions by about 8 g/km.",
    "The magnesium part costs 20% less than the aluminium part.",
    "The battery pack adds 300 kg to the vehicle.",
    "Corvel Drive wants each new model to be 100 kg lighter than the one it replaces.",
    "Replacing steel with magnesium can reduce component weight by up to 75%.",
    "Magnesium is the lightest structural metal, about 75% lighter than steel.",
  ]);
});

describe("standard: standards pages and notices", () => {
  probe("standard", [
    ["GB/T 5153-2016 Wrought magnesium and magnesium alloys—Designation and chemical composition was released on 2016-02-24 and implemented on 2017-01-01.", { code: "GB/T 5153-2016", date: "2016-02-24", date_effective: "2017-01-01" }],
    ["ISO 16220:2017 Magnesium and magnesium alloys — Magnesium alloy ingots and castings was published in March 2017.", { code: "ISO 16220:2017", date: "2017-03" }],
    ["The Standardization Administration of China issued GB/T 3499-2031, Primary magnesium ingot, on May 20, 2031, effective December 1, 2031.", { code: "GB/T 3499-2031", date: "2031-05-20", date_effective: "2031-12-01", region: "China" }],
    ["The industry standard YS/T 1290-2031, Magnesium alloy sheet for automotive use, will take effect on October 1, 2031.", { code: "YS/T 1290-2031", date_effective: "2031-10-01" }],
    ["ASTM B93/B93M-21, Standard Specification for Magnesium Alloys in Ingot Form, was approved May 1, 2021.", { code: "ASTM B93/B93M-21", date: "2021-05-01" }],
    ["The revised standard GB/T 19078-2031 Cast magnesium alloy ingots entered into force on 1 March 2032.", { code: "GB/T 19078-2031", date_effective: "2032-03-01" }],
    ["ISO 3116:2031, Magnesium and magnesium alloys — Wrought magnesium alloys, was adopted on 14 April 2031.", { code: "ISO 3116:2031", date: "2031-04-14" }],
    ["The new YS/T 627-2031 standard for magnesium alloy profiles goes into effect on August 1, 2031.", { code: "YS/T 627-2031", date_effective: "2031-08-01" }],
    ["EN 12438:2031 Magnesium and magnesium alloys - Magnesium alloys for cast anodes became effective in February 2031.", { code: "EN 12438:2031", date_effective: "2031-02" }],
    ["JIS H 2221:2031 Magnesium ingots for remelting was published on 20 March 2031.", { code: "JIS H 2221:2031", date: "2031-03-20" }],
    ["The standard DIN EN 1753:2031 was published in April 2031.", { code: "EN 1753:2031", date: "2031-04" }],
    ["The national standard GB/T 3499-2031 was approved by SAMR on 2031-05-20 and takes effect on 2031-12-01.", { code: "GB/T 3499-2031", date: "2031-05-20", date_effective: "2031-12-01" }],
    ["On May 20, 2031, SAMR and SAC approved and released 120 national standards, including GB/T 3499-2031 Primary magnesium ingot, which will be implemented on January 1, 2032.", { code: "GB/T 3499-2031", date: "2031-05-20", date_effective: "2032-01-01" }],
    ["The Ministry of Industry and Information Technology approved 45 industry standards on April 2, 2031, among them YS/T 1511-2031 Magnesium alloy wheels, effective from October 1, 2031.", { code: "YS/T 1511-2031", date: "2031-04-02", date_effective: "2031-10-01" }],
    ["GB/T 3499-2031 replaces GB/T 3499-2023 and will be implemented from 1 January 2032.", { code: "GB/T 3499-2031", date_effective: "2032-01-01" }],
    ["ISO 3116:2031 was revised in 2031 to add three new alloys.", { code: "ISO 3116:2031", date: "2031" }],
    ["The standard, ASTM B107/B107M-31, was published on 15 March 2031.", { code: "ASTM B107/B107M-31", date: "2031-03-15" }],
    ["SAE International issued AMS 4377K, Magnesium Alloy Sheet and Plate, in February 2031.", { code: "AMS 4377K", date: "2031-02" }],
    // The edition withdrawn is not the one released.
    ["EN 1753:2031 has been withdrawn and replaced by EN 1753:2032, published in January 2032.", { code: "EN 1753:2032", date: "2032-01" }],
    ["The China Nonferrous Metals Industry Association released the group standard T/CNIA 0231-2031 on May 8, 2031, to be implemented from July 1, 2031.", { code: "T/CNIA 0231-2031", date: "2031-05-08", date_effective: "2031-07-01", subject: "China Nonferrous Metals Industry Association" }],
  ]);
  // A standard named with no date of its own is no record (a catalogue page's date fields are standardCatalogue's).
  none("standard", [
    "The alloy meets ASTM B93 requirements, the company said.",
    "ASTM B93/B93M-21, Standard Specification for Magnesium Alloys in Ingot Form for Sand Castings, Permanent Mold Castings, and Die Castings",
    "EN 1753:2019 specifies the composition of magnesium alloy ingots and castings.",
    // A standard a product is made to or meets is cited, not released; "since 2025" dates a state.
    "Corvel Drive's parts are made to ISO 16220 and have been approved by three automakers since 2025.",
    "Kestrow Metals announced on June 3, 2031 that its ingots meet ASTM B92 requirements.",
  ]);
});

describe("standard: catalogue pages", () => {
  it("an ASTM page dates its edition by the 'Current edition approved' footnote; its edition history is no event", () => {
    const drafts = extract(
      [
        ["ASTM B93/B93M-21 Standard Specification for Magnesium Alloys in Ingot Form for Sand Castings, Permanent Mold Castings, and Die Castings"],
        ["This specification covers magnesium alloys in ingot form for remelting."],
        ["Current edition approved May 1, 2021.", "Published June 2021.", "Last previous edition approved in 2015 as B93/B93M-15."],
      ],
      { title: "ASTM B93/B93M-21", published: "" },
    );
    expect(ofKind(drafts, "standard")).toMatchObject([
      { code: "ASTM B93/B93M-21", title: "Standard Specification for Magnesium Alloys in Ingot Form for Sand Castings, Permanent Mold Castings, and Die Castings", date: "2021-05-01", date_evidence: "Current edition approved May 1, 2021" },
    ]);
    expect(ofKind(drafts, "event")).toEqual([]);
  });

  it("release and implementation fields side by side in another paragraph are both carried, as one span", () => {
    const drafts = extract([["GB/T 5153-2031 Wrought magnesium and magnesium alloys - Designation and chemical composition"], ["Release date: 2031-03-09", "Implementation date: 2031-10-01"]], { title: "GB/T 5153-2031", published: "" });
    expect(ofKind(drafts, "standard")).toMatchObject([
      { code: "GB/T 5153-2031", date: "2031-03-09", date_effective: "2031-10-01", date_evidence: "Release date: 2031-03-09 Implementation date: 2031-10-01" },
    ]);
  });
});

describe("price: the report's day said once", () => {
  const prices = (paragraphs: string[][], published: string) =>
    ofKind(extract(paragraphs, { title: "Magnesium daily", published }), "price").map((d) => [d.value, d.value_max, d.date, d.date_evidence]);

  it("a wire dateline dates the assessments that follow it", () => {
    expect(prices([["SHANGHAI, June 11 (Fastline) - Chinese magnesium prices were stable on Wednesday.", "Magnesium 99.9% min FOB China was assessed at $2,350-2,400/t."]], "2031-06-11")).toEqual([
      [2350, 2400, "2031-06-11", "SHANGHAI, June 11 (Fastline) - Chinese magnesium prices were stable on Wednesday."],
    ]);
  });

  it("a dated heading dates the table rows under it", () => {
    expect(prices([["Magnesium prices, June 11, 2031"], ["Magnesium 99.9% min FOB China: $2,350-2,400/t, unchanged."], ["Fugu 99.90% ingot ex-works: RMB 18,600-18,800/t, up RMB 100/t."]], "2031-06-11")).toEqual([
      [2350, 2400, "2031-06-11", "Magnesium prices, June 11, 2031"],
      [18600, 18800, "2031-06-11", "Magnesium prices, June 11, 2031"],
    ]);
  });

  it("a week without a day dates nothing", () => {
    expect(prices([["Week 24, 2031: magnesium 99.9% min FOB China was assessed at $2,350-2,400/t, unchanged from last week."]], "2031-06-13")).toEqual([[2350, 2400, "", ""]]);
  });
});
