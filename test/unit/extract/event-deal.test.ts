import { extract, ofKind } from "./helpers";

const about2023 = { title: "Light Metals Year in Review 2023", published: "2024-02-10" };

describe("event parser", () => {
  it("dates from the article's year (not publication), ranges, month precision", () => {
    const drafts = extract([
      ["On May 16, Harbin Light Alloy Co., Ltd. opened its new extrusion plant."],
      ["From September 12 to 14, the 2023 Light Metals Summit was held in Taiyuan."],
      ["In November, Corvel Drive signed a supply agreement with a carmaker."],
      ["At 08:15 on July 2, the test satellite was launched."],
    ], about2023);
    expect(ofKind(drafts, "event").map((e) => [e.date, e.date_end])).toEqual([
      ["2023-05-16", ""],
      ["2023-09-12", "2023-09-14"],
      ["2023-11", ""],
      ["2023-07-02", ""],
    ]);
    expect(ofKind(drafts, "event")[0]).toMatchObject({ subject: "Harbin Light Alloy" });
  });

  it("no date, a bare day, a deadline or a title's year: no dated event (a named happening is an undated one)", () => {
    const drafts = extract([
      ["Recently, Corvel Drive unveiled a magnesium subframe."],
      ["The trucks arrived at the depot on the 9th."],
      ["The group aims to build a leading cluster by 2030."],
      ['The "2023 Light Metals Award" went to Corvel Drive.'],
      ["Corvel Drive has supplied magnesium housings since 2015."],
    ], about2023);
    // Since schema 2 (issue 10) a specific happening reported without a date is an event with an empty date.
    expect(ofKind(drafts, "event").map((e) => [e.subject, e.date])).toEqual([["Corvel Drive", ""]]);
  });

  it("the agent of a passive ('was awarded ... by the FDA') is involved, not the subject; 'X by Y' authorship is", () => {
    const drafts = extract([
      ["In March, the magnesium stent developed by Qiantang Medical Co., Ltd. completed enrollment.", "In June, the stent was granted a breakthrough designation by the US Food and Drug Administration (FDA)."],
    ], about2023);
    expect(ofKind(drafts, "event").map((e) => [e.date, e.subject, e.organizations])).toEqual([
      ["2023-03", "Qiantang Medical", ["Qiantang Medical"]],
      ["2023-06", "Qiantang Medical", ["Qiantang Medical", "FDA"]],
    ]);
  });

  it("market statistics that name no one are measurements, not events", () => {
    const drafts = extract([["Inventories rose to 140,000 mt at the end of February."], ["Exports in January totalled 31,000 mt, down 9% year on year."]], about2023);
    expect(ofKind(drafts, "event")).toEqual([]);
  });

  it("the title is what happened: the opening date phrase goes, a date inside the sentence stays", () => {
    const drafts = extract([["On May 16, Harbin Light Alloy Co., Ltd. opened its new extrusion plant."], ["Harbin Light Alloy Co., Ltd. shipped its first coils in June to Europe."]], about2023);
    expect(ofKind(drafts, "event").map((e) => e.title)).toEqual([
      "Harbin Light Alloy Co., Ltd. opened its new extrusion plant",
      "Harbin Light Alloy Co., Ltd. shipped its first coils in June to Europe",
    ]);
  });

  it("without an article year, the publication year is used only when the date is not after publication", () => {
    const drafts = extract([["On January 20, Corvel Drive opened a plant."], ["On June 20, Corvel Drive opened a second plant."]], { published: "2024-02-10" });
    // A day whose year cannot be known is never given one: since schema 2 the happening is kept, undated.
    expect(ofKind(drafts, "event").map((e) => e.date)).toEqual(["2024-01-20", ""]);
    expect(ofKind(extract([["On January 20, Corvel Drive opened a plant."]], {}), "event").map((e) => e.date)).toEqual([""]);
  });

  it("a second happening joined with 'and' gets its own event; an explicit year carries to it", () => {
    const drafts = extract([["The laptop was shown at a fair on February 2, 2022, and launched in June, winning a design award."]], about2023);
    expect(ofKind(drafts, "event").map((e) => e.date)).toEqual(["2022-02-02", "2022-06"]);
  });

  it("a named prize won after the dated happenings is one more event, undated (its name's year dates nothing)", () => {
    const drafts = extract([["The laptop was shown at a fair on February 2, 2022, and launched in June, winning the 2022 Corvel Drive Design Award and the Qiantang Metals Innovation Prize."]], about2023);
    expect(ofKind(drafts, "event").map((e) => [e.date, e.title])).toEqual([
      ["2022-02-02", "The laptop was shown at a fair on February 2, 2022, and launched in June"],
      ["2022-06", "The laptop was shown at a fair on … launched in June"],
      ["", "Won the 2022 Corvel Drive Design Award and the Qiantang Metals Innovation Prize"],
    ]);
    // A prize won before a date is that date's happening, not one more.
    expect(ofKind(extract([["Corvel Drive won the Qiantang Metals Innovation Prize on March 3, 2022."]], about2023), "event").map((e) => e.date)).toEqual(["2022-03-03"]);
  });

  it("'In 2021, ... on May 16' is 2021-05-16; a year stated by 'In 2021, ...' dates the section's later days", () => {
    const drafts = extract([["Output grew fast.", "In 2021, Corvel Drive opened a plant on May 16.", "On June 3, Corvel Drive signed a supply deal."]], { published: "2024-02-10" });
    expect(ofKind(drafts, "event").map((e) => e.date)).toEqual(["2021-05-16", "2021-06-03"]);
  });

  it("year-precision happenings: 'at the end of 2022', 'In 2023, ...'", () => {
    const drafts = extract([["The screws entered a clinical trial at the end of 2022."], ["In 2023, magnesium wheels were exported to Brazil."]], about2023);
    expect(ofKind(drafts, "event").map((e) => e.date)).toEqual(["2022", "2023"]);
  });
});

describe("deal parser", () => {
  it("a stake's share percentage is the value; an acquisition names the parties", () => {
    const drafts = extract([
      ["Corvel Holdings will hold 12,000,000 shares, accounting for 9.75% of the company's total shares."],
      ["Ridgeway Capital completed the acquisition of Lumen Casting Co., Ltd. through a share transfer."],
    ], about2023);
    const deals = ofKind(drafts, "deal");
    expect(deals[0]).toMatchObject({ value: 9.75, unit: "%" });
    expect(deals[1].organizations).toEqual(["Ridgeway Capital", "Lumen Casting"].filter((n) => deals[1].organizations.includes(n)));
    expect(deals[1].organizations).toContain("Lumen Casting");
  });
});

describe("boilerplate and provenance", () => {
  it("contact lines give nothing, even with a date", () => {
    const drafts = extract([["For queries, please contact Jane Doe at jane@example.com on May 3."]], about2023);
    expect(drafts).toEqual([]);
  });

  it("every record's evidence is its sentence verbatim and its numbers are written there", () => {
    const text = "On April 4, Ridgeway Alloys Co., Ltd. said its kiln can produce 1,200 mt of lime daily.";
    const drafts = extract([[text]], about2023);
    expect(drafts.length).toBeGreaterThan(0);
    for (const d of drafts) {
      expect(d.evidence).toBe(text);
      if (d.value !== null) expect(text.replace(/,/g, "")).toContain(String(d.value));
    }
  });

  it("a year's amount made or sold is a statistic, not a happening; idling, mothballing and construction starts are happenings, dated or not", () => {
    const meta = { title: "Plant news", published: "2024-02-10" };
    const dated = extract([
      ["In 2023, Corvel Drive produced 50,000 tonnes of magnesium."],
      ["In March 2023, Harbin Light Alloy Co., Ltd. idled its Fugu smelter."],
      ["On May 5, 2023, Qiantang Metals Co., Ltd. began construction of a 20,000-tonne magnesium plant."],
    ], meta);
    expect(ofKind(dated, "event").map((e) => [e.date, e.subject])).toEqual([["2023-03", "Harbin Light Alloy"], ["2023-05-05", "Qiantang Metals"]]);
    const undated = extract([
      ["Harbin Light Alloy Co., Ltd. has idled its Fugu smelter."],
      ["Qiantang Metals Co., Ltd. has mothballed the Wenxi furnace line."],
    ], meta);
    expect(ofKind(undated, "event").map((e) => [e.date, e.subject])).toEqual([["", "Harbin Light Alloy"], ["", "Qiantang Metals"]]);
  });
});
