// Standards catalogue pages on synthetic text written for this test (invented codes and dates).
import { extract, ofKind } from "./helpers";

const fields = (d: { code: string; date: string; date_effective: string; date_evidence: string }) => [d.code, d.date, d.date_effective, d.date_evidence];

describe("standards catalogue pages", () => {
  it("reads the labelled fields of a catalogue entry; a code the entry replaces is not the standard", () => {
    const drafts = extract([
      ["YS/T 9999.3-2031 English PDF in stock."],
      ["Standard ID: YS/T 9999.3-2031 Description (Translated English): Magnesium alloy foil - Part 3: Test methods Sector / Industry: Nonferrous Date of Issue: 2031-03-20 Date of Implementation: 2031-10-01 Older Standard (superseded by this standard): YS/T 9999.3-2019"],
      ["National standard. Replaces YS/T 9999.3-2019, issued on March 20, 2031."],
    ]);
    const standards = ofKind(drafts, "standard");
    expect(standards.map(fields)).toEqual([["YS/T 9999.3-2031", "2031-03-20", "2031-10-01", ""]]);
    expect(standards[0].title).toBe("Magnesium alloy foil - Part 3: Test methods");
  });

  it("a field block under a page titled with the code is that standard's; a date on another line is carried as date evidence", () => {
    const block = extract([["Issued on. May 4, 2031 Implemented on. December 1, 2031"], ["This Standard was drafted by a committee."]], { title: "GB/T 99001-2031" });
    expect(ofKind(block, "standard").map(fields)).toEqual([["GB/T 99001-2031", "2031-05-04", "2031-12-01", ""]]);
    expect(ofKind(block, "standard")[0].evidence).toBe("Issued on. May 4, 2031 Implemented on. December 1, 2031");

    const shop = extract([["Publication Date"], ["12-Feb-2031"], ["ASTM B9999-31 - Standard Practice for Coding Invented Alloys. It has eight pages."]]);
    expect(ofKind(shop, "standard").map(fields)).toEqual([["ASTM B9999-31", "2031-02-12", "", "12-Feb-2031"]]);
  });

  it("a publication date given as a month only ('Publication date: 2031-02') dates the standard to the month", () => {
    const page = extract([["ISO 99120:2031 - Magnesium alloys - Sampling of invented ingots"], ["Status: Published Publication date: 2031-02 Edition: 2"]]);
    expect(ofKind(page, "standard").map(fields)).toEqual([["ISO 99120:2031", "2031-02", "", "Publication date: 2031-02"]]);
    // not a month: no date
    expect(ofKind(extract([["ISO 99120:2031 - Magnesium alloys - Sampling"], ["Publication date: 2031-13"]]), "standard")).toEqual([]);
  });

  it("a page without labelled date fields gives no catalogue record", () => {
    expect(ofKind(extract([["ASTM B9999-31 - Standard Practice for Coding Invented Alloys. It has eight pages."]]), "standard")).toEqual([]);
  });
});
