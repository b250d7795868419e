import { extract, ofKind } from "./helpers";

const about2023 = { title: "Light Metals Policy Review of 2023", published: "2024-03-01" };

describe("policy parser", () => {
  it("national issuance: date from the article's year, title as quoted, issuer canonical, region China", () => {
    const drafts = extract([['On March 8, MIIT released the "Action Plan for Upgrading the Light Alloy Industry (2023 Edition)," which covered smelting.']], about2023);
    const [p] = ofKind(drafts, "policy");
    expect(p).toMatchObject({ date: "2023-03-08", title: "Action Plan for Upgrading the Light Alloy Industry (2023 Edition)", subject: "MIIT", region: "China" });
    expect(ofKind(drafts, "event")).toEqual([]); // a policy is not also an event
  });

  it("a year inside the title is not the date's year", () => {
    const [p] = ofKind(extract([['On October 2, the NDRC issued the "Catalogue of Encouraged Industries (2026 Edition)."']], about2023), "policy");
    expect(p.date).toBe("2023-10-02");
  });

  it("local issuers: a provincial body, or a city acting as one, in the documented region format", () => {
    const drafts = extract(
      [
        ['On April 3, the Hunan Provincial Department of Industry issued the "Measures to Support Light Metal Parks."'],
        ['On June 19, Baotou City, Inner Mongolia Autonomous Region, issued the "Several Policies to Grow the Alloy Cluster in Baotou City."'],
      ],
      about2023,
    );
    const ps = ofKind(drafts, "policy");
    expect(ps.map((p) => [p.region, p.date])).toEqual([["Hunan", "2023-04-03"], ["Baotou, Inner Mongolia", "2023-06-19"]]);
    expect(ps[1].subject).toBe("Baotou City");
  });

  it("a government named 'People's Government of X Province' and a ministry outside the registry", () => {
    const drafts = extract([
      ['On September 9, the People\'s Government of Gansu Province issued the "Action Plan for Magnesium Smelter Upgrades."'],
      ['On October 10, the Ministry of Natural Resources released the "Catalogue of Strategic Minerals."'],
    ], about2023);
    expect(ofKind(drafts, "policy").map((p) => [p.subject, p.region, p.date])).toEqual([
      ["People's Government of Gansu Province", "Gansu", "2023-09-09"],
      ["Ministry of Natural Resources", "China", "2023-10-10"],
    ]);
  });

  it("'implemented' dates the implementation, not the issue", () => {
    const [p] = ofKind(extract([['On August 1, Jiaozuo City, Henan Province, implemented the "Measures for Recycling Scrap Alloys."']], about2023), "policy");
    expect(p).toMatchObject({ date: "", date_effective: "2023-08-01", region: "Jiaozuo, Henan" });
  });

  it("passive issuance and a referenced document get no date of their own", () => {
    const drafts = extract([['Under the "Plan for a Green Foundry Sector" released by the Shanxi Provincial Development and Reform Commission, firms cut coal use.']], about2023);
    expect(ofKind(drafts, "policy")[0]).toMatchObject({ date: "", region: "Shanxi", title: "Plan for a Green Foundry Sector" });
  });

  it("passive issuance with the date after the title; 'implemented by' dates the implementation", () => {
    const drafts = extract([
      ['The "Plan for Upgrading Magnesium Smelters" was issued by the NDRC on March 3.'],
      ['The "Measures for Scrap Alloy Recycling" were implemented by Jiaozuo City, Henan Province, on April 1.'],
    ], about2023);
    expect(ofKind(drafts, "policy").map((p) => [p.subject, p.date, p.date_effective])).toEqual([
      ["NDRC", "2023-03-03", ""],
      ["Jiaozuo City", "", "2023-04-01"],
    ]);
    expect(ofKind(drafts, "policy")[1].region).toBe("Jiaozuo, Henan");
    expect(ofKind(drafts, "event")).toEqual([]);
  });

  it("an unquoted government list is a policy titled as written", () => {
    const [p] = ofKind(extract([["On July 7, the Ministry of Industry and Information Technology released the fourth batch of green factories and the list of pilot parks."]], about2023), "policy");
    expect(p).toMatchObject({ date: "2023-07-07", title: "fourth batch of green factories", subject: "MIIT" });
  });

  it("a company or an association publishing a plan is not a policy; a summary is nothing", () => {
    const drafts = extract(
      [['On May 2, Delta Alloy Group released the "Plan for Doubling Output," the firm said.'], ["In 2023, the State Council and MIIT issued multiple policies to support light metals."]],
      about2023,
    );
    expect(ofKind(drafts, "policy")).toEqual([]);
    expect(ofKind(drafts, "event").map((e) => e.date)).toEqual(["2023-05-02"]);
  });

  it("several quoted titles after one verb are several policies", () => {
    const drafts = extract([['On May 9, MIIT issued the "Guidelines for Alloy Recycling," and the "Notice on Foundry Energy Audits."']], about2023);
    expect(ofKind(drafts, "policy").map((p) => p.title)).toEqual(["Guidelines for Alloy Recycling", "Notice on Foundry Energy Audits"]);
  });
});

describe("standard parser", () => {
  it("code, title, release date and implementation date", () => {
    const drafts = extract([['The national standard "Magnesium Alloy Die Castings" GB/T 9876-2022 was released on November 4, 2022, and will be implemented from May 1, 2023.']], about2023);
    expect(ofKind(drafts, "standard")).toEqual([
      expect.objectContaining({ code: "GB/T 9876-2022", title: "Magnesium Alloy Die Castings", date: "2022-11-04", date_effective: "2023-05-01" }),
    ]);
    expect(ofKind(drafts, "event")).toEqual([]);
  });

  it("several titled standards implemented together: one record each, effective date only", () => {
    const drafts = extract([['The "Energy Consumption Limits for Alloy Casting" and "Evaluation Requirements for Clean Foundries" were officially implemented on September 1, 2023.']], about2023);
    expect(ofKind(drafts, "standard").map((s) => [s.title, s.date, s.date_effective])).toEqual([
      ["Energy Consumption Limits for Alloy Casting", "", "2023-09-01"],
      ["Evaluation Requirements for Clean Foundries", "", "2023-09-01"],
    ]);
  });

  it("a standard discussed but not released or implemented gives nothing", () => {
    expect(ofKind(extract([['Experts reviewed the draft "Evaluation Requirements for Clean Foundries" at the meeting.']], about2023), "standard")).toEqual([]);
  });
});
