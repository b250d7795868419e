// Trade-remedy acts on sentences written for this test (invented products, dates and margins).
import { extract, ofKind } from "./helpers";

const pub = { title: "Trade desk", published: "2031-05-02" };

describe("trade-remedy policies", () => {
  it("a dated act of a government issuer is a policy of its country, a margin its value", () => {
    const drafts = extract([
      ["On April 28, 2031, the U.S. Department of Commerce issued a preliminary determination imposing antidumping duties of 97.31 percent and 112.6 percent on imports of invented alloy foil from Exampleland."],
    ], pub);
    const policies = ofKind(drafts, "policy");
    expect(policies.map((p) => [p.subject, p.region, p.date, p.value, p.unit])).toEqual([
      ["US Department of Commerce", "United States", "2031-04-28", 97.31, "%"],
      ["US Department of Commerce", "United States", "2031-04-28", 112.6, "%"],
    ]);
  });

  it("a notice's summary is dated by the notice's own fields, shown as date evidence, and titled by the notice", () => {
    const drafts = extract(
      [
        ["Federal Register Volume 96, Issue 12 (January 17, 2031)"],
        ["As a result of this sunset review, the Department of Commerce (Commerce) finds that revocation of the antidumping duty order on invented alloy foil would be likely to lead to continuation of dumping."],
        ["DATES: Applicable January 17, 2031."],
      ],
      { title: "96 FR 2040 - Invented Alloy Foil: Final Results of Sunset Review", published: "2031-01-17" },
    );
    const policies = ofKind(drafts, "policy");
    expect(policies.map((p) => [p.subject, p.date, p.date_effective, p.date_evidence, p.title])).toEqual([
      ["US Department of Commerce", "2031-01-17", "2031-01-17", "Federal Register Volume 96, Issue 12 (January 17, 2031)", "Invented Alloy Foil: Final Results of Sunset Review"],
    ]);
  });

  it("orders in force, a request or a company's words are no act", () => {
    const drafts = extract([
      ["Antidumping duty orders against invented foil were necessary to justify the new line, the company said."],
      ["Exampleland urged the Department of Commerce to revoke the antidumping duty order."],
      ["Ridgeway Alloys filed comments on the sunset review."],
    ], pub);
    expect(ofKind(drafts, "policy")).toEqual([]);
  });
});
