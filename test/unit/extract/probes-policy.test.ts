// Generalisation probes for kind policy: how trade-remedy notes, Federal Register and EU notices, export-control
// rules, entry conditions, environmental orders and tax changes are commonly phrased, on sentences written for
// this test (invented countries, companies, products, dates and margins), and what is not a government act.
import { extract, ofKind } from "./helpers";

const wire = { title: "Light metals trade wire", published: "2031-08-20" };
const policies = (...paragraphs: string[]) =>
  ofKind(extract(paragraphs.map((p) => [p]), wire), "policy").map((p) => ({
    subject: p.subject,
    region: p.region,
    date: p.date,
    date_effective: p.date_effective,
    title: p.title,
    ...(p.value !== null ? { value: p.value, unit: p.unit } : {}),
  }));
const US = { region: "United States", date_effective: "", title: "" };
const DOC = "US Department of Commerce";
const ITC = "US International Trade Commission";

describe("US trade remedies (law-firm notes, Federal Register, Commerce and ITC notices)", () => {
  it("a preliminary determination with a dumping margin", () => {
    expect(policies("On March 3, 2031, the U.S. Department of Commerce issued its preliminary determination in the antidumping duty investigation of pure magnesium from Freedonia, assigning a dumping margin of 84.2 percent to all producers and exporters.")).toEqual([
      { subject: DOC, ...US, date: "2031-03-03", value: 84.2, unit: "%" },
    ]);
  });

  it("ITC votes: continuation of material injury in a sunset review, injury by imports sold at less than fair value", () => {
    expect(policies("On February 14, 2031, the U.S. International Trade Commission (ITC) determined that revocation of the antidumping duty order on magnesium from Freedonia would be likely to lead to continuation or recurrence of material injury within a reasonably foreseeable time.")).toEqual([
      { subject: ITC, ...US, date: "2031-02-14" },
    ]);
    // No "antidumping" word: "less than fair value" and "materially injured" are the trade-remedy object.
    expect(policies("On June 12, 2031, the U.S. International Trade Commission voted 4-0 that the domestic industry is materially injured by imports of magnesium alloy ingot from Freedonia sold at less than fair value.")).toEqual([
      { subject: ITC, ...US, date: "2031-06-12" },
    ]);
  });

  it("a notice's expedited sunset review, an initiation, a five-year review, a circumvention finding", () => {
    expect(policies("The Department of Commerce (Commerce) is issuing the final results of the expedited sunset review of the antidumping duty order on granular magnesium from Freedonia.")).toEqual([
      { subject: DOC, ...US, date: "" },
    ]);
    expect(policies("On January 28, 2031, the Commerce Department initiated antidumping duty investigations of magnesium ingot from Freedonia and Sylvania.")).toEqual([
      { subject: DOC, ...US, date: "2031-01-28" },
    ]);
    expect(policies("On July 1, 2031, the USITC instituted a five-year review of the antidumping duty order on pure magnesium from Freedonia.")).toEqual([
      { subject: ITC, ...US, date: "2031-07-01" },
    ]);
    expect(policies("On June 3, 2031, the U.S. Department of Commerce issued an affirmative final determination of circumvention of the antidumping duty order on pure magnesium from Freedonia.")).toEqual([
      { subject: DOC, ...US, date: "2031-06-03" },
    ]);
  });

  it("countervailing subsidy rates and a range of dumping margins: one record per rate", () => {
    expect(policies("In its preliminary countervailing duty determination, announced on May 5, 2031, the Commerce Department calculated a subsidy rate of 12.37 percent for Qiantang Metals and 5.02 percent for all other exporters.")).toEqual([
      { subject: DOC, ...US, date: "2031-05-05", value: 12.37, unit: "%" },
      { subject: DOC, ...US, date: "2031-05-05", value: 5.02, unit: "%" },
    ]);
    expect(policies("In its final determination of July 21, 2031, the Commerce Department found weighted-average dumping margins ranging from 41.3% to 137.9% for magnesium ingot from Freedonia.")).toEqual([
      { subject: DOC, ...US, date: "2031-07-21", value: 41.3, unit: "%" },
      { subject: DOC, ...US, date: "2031-07-21", value: 137.9, unit: "%" },
    ]);
  });

  it("a suspension agreement is an act", () => {
    expect(policies("On April 2, 2031, the U.S. Department of Commerce signed an agreement suspending the countervailing duty investigation of magnesium alloy from Sylvania.")).toEqual([
      { subject: DOC, ...US, date: "2031-04-02" },
    ]);
  });

  it("'effective <date>' is when the act applies, not when it was made; CBP collecting cash deposits is an act", () => {
    expect(policies("On August 4, 2031, the Commerce Department published the antidumping duty order on magnesium ingot from Freedonia, effective August 5, 2031.")).toEqual([
      { subject: DOC, ...US, date: "2031-08-04", date_effective: "2031-08-05" },
    ]);
    expect(policies("Effective May 12, 2031, U.S. Customs and Border Protection began collecting cash deposits of antidumping duties at 84.2 percent on entries of magnesium ingot from Freedonia.")).toEqual([
      { subject: "US Customs and Border Protection", ...US, date: "", date_effective: "2031-05-12", value: 84.2, unit: "%" },
    ]);
  });

  it("a notice's 'preliminarily determines ... is likely to be sold at less than fair value', a revocation, an administrative review", () => {
    expect(policies("The Department of Commerce (Commerce) preliminarily determines that magnesium ingot from Freedonia is being, or is likely to be, sold in the United States at less than fair value.")).toEqual([
      { subject: DOC, ...US, date: "" },
    ]);
    expect(policies("Because no domestic interested party responded to the notice of initiation, the Department of Commerce is revoking the antidumping duty order on magnesium from Freedonia.")).toEqual([
      { subject: DOC, ...US, date: "" },
    ]);
    expect(policies("In the final results of the administrative review, the Commerce Department determined a weighted-average dumping margin of 12.5 percent for Qiantang Metals for the period of review.")).toEqual([
      { subject: DOC, ...US, date: "", value: 12.5, unit: "%" },
    ]);
  });

  it("US agencies beyond Commerce and the ITC: an export licence rule, Section 301 tariffs", () => {
    expect(policies("Effective June 1, 2031, the Bureau of Industry and Security requires a licence for exports of magnesium alloy powder to Freedonia.")).toEqual([
      { subject: "Bureau of Industry and Security", ...US, date: "", date_effective: "2031-06-01", title: "requires a licence for exports of magnesium alloy powder to Freedonia" },
    ]);
    expect(policies("On May 14, 2031, the Office of the United States Trade Representative raised Section 301 tariffs on magnesium products from Freedonia to 25 percent.")).toEqual([
      { subject: "USTR", ...US, date: "2031-05-14", title: "raised Section 301 tariffs on magnesium products from Freedonia to 25 percent", value: 25, unit: "%" },
    ]);
  });

  it("a company's petition is its filing, not a government act", () => {
    expect(policies("On January 8, 2031, Corvel Magnesium LLC filed petitions with the U.S. Department of Commerce and the U.S. International Trade Commission seeking antidumping and countervailing duties on magnesium ingot from Freedonia.")).toEqual([]);
  });
});

describe("EU anti-dumping acts", () => {
  const EU = { subject: "European Commission", region: "European Union" };
  it("a Commission Implementing Regulation by its formal title, dated by its own date", () => {
    expect(policies("Commission Implementing Regulation (EU) 2031/123 of 20 January 2031 imposing a definitive anti-dumping duty on imports of magnesium alloy ingots originating in Freedonia was published in the Official Journal.")).toEqual([
      { ...EU, date: "2031-01-20", date_effective: "", title: "Commission Implementing Regulation (EU) 2031/123" },
    ]);
  });

  it("a Council Regulation extending a duty: the Council is the issuer, the duty the value", () => {
    expect(policies("By Council Implementing Regulation (EU) No 1025/2029 the Council extended the definitive anti-dumping duty of 31.7% on magnesium bricks from Freedonia for five years.")).toEqual([
      { subject: "Council of the European Union", region: "European Union", date: "", date_effective: "", title: "Council Implementing Regulation (EU) No 1025/2029", value: 31.7, unit: "%" },
    ]);
  });

  it("provisional duties 'effective from <date>' and an initiation", () => {
    expect(policies("The European Commission has imposed provisional anti-dumping duties ranging from 31.2% to 68.4% on imports of magnesium from Freedonia, effective from 15 May 2031.")).toEqual([
      { ...EU, date: "", date_effective: "2031-05-15", title: "", value: 31.2, unit: "%" },
      { ...EU, date: "", date_effective: "2031-05-15", title: "", value: 68.4, unit: "%" },
    ]);
    expect(policies("On 12 March 2031, the European Commission initiated an anti-dumping investigation concerning imports of magnesium ingots originating in Freedonia.")).toEqual([
      { ...EU, date: "2031-03-12", date_effective: "", title: "" },
    ]);
  });

  it("an EU act other than a trade remedy, by its title and what it does", () => {
    expect(policies("Commission Delegated Regulation (EU) 2031/88 of 3 May 2031 amending the list of dual-use magnesium alloy powders applies from June.")).toEqual([
      { ...EU, date: "2031-05-03", date_effective: "", title: "Commission Delegated Regulation (EU) 2031/88" },
    ]);
  });

  it("the European Union acting as one", () => {
    expect(policies("In July 2031, the European Union extended anti-dumping duties of 31.7% on magnesium from Freedonia for a further five years.")).toEqual([
      { subject: "European Union", region: "European Union", date: "2031-07", date_effective: "", title: "", value: 31.7, unit: "%" },
    ]);
  });

  it("a regulation cited as the legal basis is no act", () => {
    expect(policies("Exporters must follow Commission Delegated Regulation (EU) 2031/88 when shipping magnesium alloy powders.")).toEqual([]);
    expect(policies("The European Commission conducted the review under Council Regulation (EC) No 1225/2029 on protection against dumped imports.")).toEqual([]);
  });
});

describe("Chinese export controls, licences, entry conditions and plans", () => {
  const CN = { subject: "MOFCOM", region: "China" };
  it("exports that require a licence from a government: that government's rule, from its start date", () => {
    expect(policies("Beginning August 1, 2031, exports of magnesium alloy powder require an export licence from the Ministry of Commerce.")).toEqual([
      { ...CN, date: "", date_effective: "2031-08-01", title: "exports of magnesium alloy powder require an export licence from the Ministry of Commerce" },
    ]);
  });

  it("announced export controls: the announcement's day and the day they apply", () => {
    expect(policies("China's Ministry of Commerce announced export controls on magnesium alloy powders on July 3, effective September 1.")).toEqual([
      { ...CN, date: "2031-07-03", date_effective: "2031-09-01", title: "announced export controls on magnesium alloy powders on July 3" },
    ]);
    // What "will" apply from a stated start is decided, not hedged; the comma of a date does not end the act.
    expect(policies("MOFCOM announced on July 3, 2031 that exports of magnesium scrap will require a licence starting August 1.")).toEqual([
      { ...CN, date: "2031-07-03", date_effective: "2031-08-01", title: "announced on July 3, 2031 that exports of magnesium scrap will require a licence starting August 1" },
    ]);
  });

  it("two ministries that jointly issue an announcement are both its issuers", () => {
    const [p] = ofKind(extract([["MOFCOM and the General Administration of Customs jointly issued an announcement on July 3, 2031 placing high-purity magnesium under export control."]], wire), "policy");
    expect([p.subject, p.organizations, p.region, p.date]).toEqual(["MOFCOM", ["MOFCOM", "GACC"], "China", "2031-07-03"]);
  });

  it("a country that 'will' impose or cancel from a stated start has decided it", () => {
    // The ministry that announces the country's act is its issuer (probes-entities); the country stays its region.
    expect(policies("China will impose export controls on magnesium alloy powders from October 1, 2031, the Ministry of Commerce said on Sunday.")).toEqual([
      { subject: "MOFCOM", region: "China", date: "", date_effective: "2031-10-01", title: "impose export controls on magnesium alloy powders from October 1, 2031" },
    ]);
    expect(policies("From December 1, 2031, China will cancel the export tax rebate on magnesium alloy products.")).toEqual([
      { subject: "China", region: "China", date: "", date_effective: "2031-12-01", title: "cancel the export tax rebate on magnesium alloy products" },
    ]);
  });

  it("a quota set, a ban on new capacity", () => {
    expect(policies("The Ministry of Commerce has set a 2032 export quota of 80,000 tonnes for magnesium.")).toEqual([
      { ...CN, date: "", date_effective: "", title: "set a 2032 export quota of 80,000 tonnes for magnesium" },
    ]);
    expect(policies("On June 30, 2031, the National Development and Reform Commission banned new magnesium smelting capacity in Ningxia.")).toEqual([
      { subject: "NDRC", region: "China", date: "2031-06-30", date_effective: "", title: "banned new magnesium smelting capacity in Ningxia" },
    ]);
  });

  it("industry standard conditions and entry conditions by their quoted titles", () => {
    expect(policies('On May 20, 2031, MIIT released the "Magnesium Industry Standard Conditions (2031 Edition)", which will take effect on July 1, 2031.')).toEqual([
      { subject: "MIIT", region: "China", date: "2031-05-20", date_effective: "2031-07-01", title: "Magnesium Industry Standard Conditions (2031 Edition)" },
    ]);
    expect(policies('The "Entry Conditions for the Magnesium Industry" issued by the Ministry of Industry and Information Technology require new smelters to have a capacity of at least 50,000 tonnes per year.')).toEqual([
      { subject: "MIIT", region: "China", date: "", date_effective: "", title: "Entry Conditions for the Magnesium Industry" },
    ]);
  });

  it("quoted plans issued jointly, by a province, or referred to with their issuer", () => {
    expect(policies('On November 15, 2030, the NDRC and MIIT jointly issued the "Implementation Plan for Carbon Peaking in the Magnesium Industry".')).toEqual([
      { subject: "NDRC", region: "China", date: "2030-11-15", date_effective: "", title: "Implementation Plan for Carbon Peaking in the Magnesium Industry" },
    ]);
    expect(policies('In February 2031, Shanxi Province issued the "Three-Year Action Plan for High-Quality Development of the Magnesium Industry (2031-2033)".')).toEqual([
      { subject: "Shanxi Province", region: "Shanxi", date: "2031-02", date_effective: "", title: "Three-Year Action Plan for High-Quality Development of the Magnesium Industry (2031-2033)" },
    ]);
    expect(policies('According to the "15th Five-Year Plan for the Raw Materials Industry" issued by MIIT, magnesium alloy use in vehicles should grow.')).toEqual([
      { subject: "MIIT", region: "China", date: "", date_effective: "", title: "15th Five-Year Plan for the Raw Materials Industry" },
    ]);
  });
});

describe("environmental orders and tax changes", () => {
  it("a county, a provincial department, a ministry ordering plants to suspend, close or rectify", () => {
    expect(policies("On April 9, 2031, the Fugu county government ordered 12 magnesium smelters to suspend production for environmental inspections.")).toEqual([
      { subject: "Fugu county government", region: "Fugu", date: "2031-04-09", date_effective: "", title: "ordered 12 magnesium smelters to suspend production for environmental inspections" },
    ]);
    expect(policies("In May 2031, the Shaanxi Provincial Department of Ecology and Environment ordered the closure of magnesium furnaces with annual capacity below 5,000 tonnes.")).toEqual([
      { subject: "Shaanxi Provincial Department of Ecology and Environment", region: "Shaanxi", date: "2031-05", date_effective: "", title: "ordered the closure of magnesium furnaces with annual capacity below 5,000 tonnes" },
    ]);
    expect(policies("Authorities in Wenxi county have ordered the closure of magnesium furnaces below 5,000 tonnes.")).toEqual([
      { subject: "Authorities in Wenxi county", region: "Wenxi", date: "", date_effective: "", title: "ordered the closure of magnesium furnaces below 5,000 tonnes" },
    ]);
    expect(policies("On June 5, 2031, the Ministry of Ecology and Environment ordered 15 magnesium plants in Shanxi to rectify their emissions.")).toEqual([
      { subject: "MEE", region: "China", date: "2031-06-05", date_effective: "", title: "ordered 15 magnesium plants in Shanxi to rectify their emissions" },
    ]);
  });

  it("a rule stated 'according to a notice issued by' a government is that government's; 'local authorities in <city>'", () => {
    expect(policies("Smelters with capacity below 10,000 tonnes must close by the end of 2032, according to a notice issued by the Shanxi Provincial Department of Industry and Information Technology.")).toEqual([
      { subject: "Shanxi Provincial Department of Industry and Information Technology", region: "Shanxi", date: "", date_effective: "", title: "Smelters with capacity below 10,000 tonnes must close by the end of 2032" },
    ]);
    expect(policies("Local authorities in Yulin ordered the closure of all magnesium smelters with annual output under 15,000 tonnes from January 1, 2032.")).toEqual([
      { subject: "Authorities in Yulin", region: "Yulin", date: "", date_effective: "2032-01-01", title: "ordered the closure of all magnesium smelters with annual output under 15,000 tonnes from January 1, 2032" },
    ]);
  });

  it("a start in the order's own words ('to halt production from October 1') is when it applies", () => {
    expect(policies("The Yulin Municipal Bureau of Ecology and Environment ordered 20 smelters in Fugu to halt production from October 1, 2031 to cut air pollution.")).toEqual([
      { subject: "Yulin Municipal Bureau of Ecology and Environment", region: "Yulin", date: "", date_effective: "2031-10-01", title: "ordered 20 smelters in Fugu to halt production from October 1, 2031 to cut air pollution" },
    ]);
  });

  it("a tax rate raised, a rebate cancelled, a tariff cut announced for a start date", () => {
    expect(policies("In January 2031, the Kazakh government raised the mineral extraction tax rate on magnesite to 6 percent.")).toEqual([
      { subject: "Kazakh government", region: "Kazakhstan", date: "2031-01", date_effective: "", title: "raised the mineral extraction tax rate on magnesite to 6 percent", value: 6, unit: "%" },
    ]);
    expect(policies("China's Ministry of Finance cancelled the export tax rebate for magnesium alloy products, effective December 1, 2030.")).toEqual([
      { subject: "Ministry of Finance", region: "China", date: "", date_effective: "2030-12-01", title: "cancelled the export tax rebate for magnesium alloy products" },
    ]);
    expect(policies("On December 20, 2030, the Customs Tariff Commission of the State Council announced that the import tariff on magnesium scrap will be cut to 0% from January 1, 2031.")).toEqual([
      { subject: "Customs Tariff Commission of the State Council", region: "China", date: "2030-12-20", date_effective: "2031-01-01", title: "announced that the import tariff on magnesium scrap will be cut to 0% from January 1, 2031" },
    ]);
  });
});

describe("no policy: a company's rule, an opinion on what a government might do, background, a scheduled act", () => {
  it.each([
    ["a company's internal policy", "Qiantang Metals updated its internal environmental policy, requiring all plants to cut emissions by 10 percent."],
    ["a company's maintenance stop", "Qiantang Metals will shut down its Fugu smelter from October 1, 2031 for maintenance."],
    ["a licence a company received", "Qiantang Metals received an export licence from the Ministry of Commerce on May 3 for its magnesium powder shipments."],
    ["an analyst's 'could'", "Analysts at Corvel Research said Beijing could impose export controls on magnesium later this year."],
    ["'will likely' with a start date", "Traders said the Chinese government will likely ban magnesium exports starting September 1."],
    ["'would probably' with a start date", "Analysts said the Chinese government would probably curb magnesium production from November 1."],
    ["'might' under a quoted campaign", 'An analyst said the government might order smelters to close under the "Blue Sky" campaign.'],
    ["a lawyer's 'would likely'", "A trade lawyer said the European Commission would likely extend the anti-dumping duties on Freedonian magnesium."],
    ["an order in place", "The antidumping duty order on pure magnesium from Freedonia has been in place since 1999."],
    ["background curbs without an act", "Magnesium prices have stayed high since the 2029 production curbs in Shaanxi."],
    ["producers' expectation", "Freedonian producers expect the U.S. International Trade Commission to reach a negative determination in the antidumping investigation."],
    ["a determination expected", "The European Commission is expected to issue its provisional determination in the anti-dumping investigation of Freedonian magnesium in July."],
    ["a determination scheduled", "The Commerce Department is scheduled to announce its final determination in the antidumping investigation on September 15, 2031."],
    ["a company's request", "Ridgeway Alloys said it will ask the Commerce Department to initiate an anti-circumvention inquiry."],
    ["a company's petition to impose", "Ridgeway Alloys has petitioned the European Commission to impose anti-dumping duties on magnesium from Freedonia."],
    ["an association's urging", "The China Magnesium Association urged MIIT to tighten the entry conditions for new smelters."],
    ["a company's surcharge from a date", "Qiantang Metals will impose a surcharge on magnesium exports from October 1, 2031."],
    ["a country that 'could' act from a date", "China could impose export controls on magnesium from October 1, traders said."],
    ["'will likely' act from a date", "China will likely impose export controls on magnesium from October 1, analysts said."],
    ["trade statistics", "China's magnesium exports rose 12% in October, customs data showed."],
    ["customs data after duties took effect", "U.S. Customs and Border Protection data showed imports of magnesium from Freedonia fell by 30 percent after the antidumping duties took effect."],
    ["duties under consideration", "The European Union is considering anti-dumping duties on magnesium from Freedonia, according to two people familiar with the matter."],
    ["a law firm's advice", "Importers should review their supply chains, since antidumping duties imposed by Commerce can be assessed retroactively."],
  ])("%s", (_label, sentence) => {
    expect(policies(sentence)).toEqual([]);
  });
});
