import { articleSubjectYear, findDates, resolveDate, YearContext } from "../../../src/core/corpus/extract/dates";

const first = (s: string, ctx: YearContext) => {
  const d = findDates(s)[0];
  return d ? resolveDate(d, ctx) : undefined;
};

describe("dates", () => {
  const about2023 = { articleYear: 2023, published: "2024-02-20" };

  it("takes the year from the article's subject, not from publication", () => {
    expect(first("On June 7, the group opened a plant.", about2023)).toEqual({ date: "2023-06-07", date_end: "" });
  });

  it("reads a day-first date with a month abbreviated without its period only before a year", () => {
    expect(first("Prices were firm on 11 Jun 2031.", about2023)).toEqual({ date: "2031-06-11", date_end: "" });
    expect(first("Prices were firm on 3 Sept, 2031.", about2023)).toEqual({ date: "2031-09-03", date_end: "" });
    // "4 Dec" alone could be anything ("4 Dec units"): no year, no date.
    expect(findDates("It shipped 4 Dec units.")).toEqual([]);
  });

  it("keeps month-only dates at month precision", () => {
    expect(first("In October, the firm shipped the first lot.", about2023)?.date).toBe("2023-10");
    expect(first("It passed an audit in late March and resumed.", about2023)?.date).toBe("2023-03");
  });

  it("reads ranges within a month and across months", () => {
    expect(first("From August 3 to 5, a forum was held.", about2023)).toEqual({ date: "2023-08-03", date_end: "2023-08-05" });
    expect(first("On April 11-13, an expo was held.", about2023)).toEqual({ date: "2023-04-11", date_end: "2023-04-13" });
    expect(first("From June 28 to July 2, a fair ran.", about2023)).toEqual({ date: "2023-06-28", date_end: "2023-07-02" });
  });

  it("'May 16 and June 2' are two dates; 'September 21 and 22' is one span", () => {
    expect(findDates("On May 16 and June 2, the plants restarted.").map((d) => resolveDate(d, about2023).date)).toEqual(["2023-05-16", "2023-06-02"]);
    expect(first("On September 21 and 22, a forum met.", about2023)).toEqual({ date: "2023-09-21", date_end: "2023-09-22" });
  });

  it("ignores the clock time before a date", () => {
    expect(first("At 09:41 on July 19, the rocket lifted off.", about2023)?.date).toBe("2023-07-19");
  });

  it("an explicit year wins; year-only phrases give year precision", () => {
    expect(first("It was approved on March 2, 2021, in Beijing.", about2023)?.date).toBe("2021-03-02");
    expect(first("The trial began at the end of 2021.", about2023)?.date).toBe("2021");
    expect(first("Full operation is due in the first half of 2026.", about2023)?.date).toBe("2026");
  });

  it("a year in another full date of the sentence dates a month without one", () => {
    const text = "It was shown on February 3, 2022, and sold in May.";
    const ds = findDates(text);
    expect(resolveDate(ds[1], { sentenceYear: 2022, published: "2024-01-01" }).date).toBe("2022-05");
  });

  it("never a date: a bare day, an edition, a year range, a product name, the modal 'may'", () => {
    expect(findDates("They reached the port on the 14th.")).toEqual([]);
    expect(findDates('the "Catalogue (2025 Edition)"')).toEqual([]);
    expect(findDates("the programme for 2025-2027")).toEqual([]);
    expect(findDates("the Phone 2024 Pro model")).toEqual([]);
    expect(findDates("prices may rise")).toEqual([]);
  });

  it("uses the publication year only when the date is then not after publication", () => {
    const ctx = { published: "2024-02-20" };
    expect(first("On February 10, the mill restarted.", ctx)?.date).toBe("2024-02-10");
    expect(first("On November 10, the mill restarted.", ctx)?.date).toBe("");
  });

  it("no publication date and no year in the text: no date", () => {
    expect(first("On May 5, the mill restarted.", {})?.date).toBe("");
  });

  it("finds the article's subject year in its title or opening sentence", () => {
    expect(articleSubjectYear("Review of the Aluminium Market in 2022", [])).toBe(2022);
    expect(articleSubjectYear("", ["In 2021, output grew."])).toBe(2021);
    expect(articleSubjectYear("Outlook 2024-2025", ["Prices rose."])).toBeUndefined();
  });

  it("reads 'the 4th of March' as a day", () => {
    expect(first("On the 4th of March, the smelter restarted.", { published: "2031-03-10" })?.date).toBe("2031-03-04");
  });

  it("a month 'last year' or 'next year' is in the publication year's neighbour, not in the publication year", () => {
    expect(first("The line started up in March last year.", { published: "2031-06-10" })?.date).toBe("2030-03");
    expect(first("The plant opened in March this year.", { published: "2031-06-10" })?.date).toBe("2031-03");
    expect(first("The line started up in March last year.", { articleYear: 2031 })?.date).toBe("");
  });
});
