// MG.PRICE, MG.PRICES and MG.STANDARD over synthetic prices and standards (invented places "Valeria",
// "Ostport", invented outlets), checked through a real formula engine (HyperFormula) where Excel would see them.
import { DetailedCellError } from "hyperformula";
import { DataStore } from "../../src/core/data/store";
import { buildIndex } from "../../src/core/query/recordIndex";
import { functionSpec } from "../../src/core/query/functions";
import { isoToSerial } from "../../src/core/model/dates";
import type { Answer, Cell, Table } from "../../src/core/query/answer";
import { sheetWithMg } from "../functions/hyperformulaMg";
import { priceSeriesList, prices, pricesFormula, pricesFormulaArgs } from "../../src/core/query/prices";
import type { Arg } from "../../src/core/query/args";
import { dataset, rec } from "./fixtures";

const ingot = (date: string, value: number, value_max: number | null, over: Record<string, unknown> = {}) =>
  rec({ kind: "price", subject: "", organizations: [], product: "magnesium ingot", grade: "99.9%", region: "Valeria, Ostland", basis: "ex-works", unit: "CNY/t", price_type: "quotation", date, value, value_max, source_outlet: "Light Metals Wire", source_url: "https://example.test/lmw", ...over });

const data = dataset([
  ingot("2031-03-02", 16000, 16200),
  ingot("2031-03-09", 16300, 16500),
  ingot("2031-03-16", 16600, null),
  // the same day and series from another outlet, another figure
  ingot("2031-03-16", 16700, null, { source_outlet: "Ostport Metal Daily", source_url: "https://example.test/omd" }),
  ingot("2031-03-16", 16550, 16650, { price_type: "transaction" }),
  ingot("2031-03-16", 2300, 2350, { unit: "USD/t", basis: "FOB Ostport" }),
  ingot("2031-01", 15000, null, { source_outlet: "Monthly Review", source_url: "https://example.test/mr" }),
  ingot("", 15500, null),
  rec({ kind: "price", subject: "", organizations: [], product: "ferrosilicon", grade: "75", region: "Ostland", basis: "", unit: "CNY/t", price_type: "quotation", date: "2031-03-10", value: 5600, value_max: 5700 }),
  rec({ kind: "standard", subject: "Valeria Standards Office", code: "VS/T 1200-2019", title: "Primary magnesium ingot (old)", date: "2019-05-01", date_effective: "2019-12-01" }),
  rec({ kind: "standard", subject: "Valeria Standards Office", code: "VS/T 1200-2030", title: "Primary magnesium ingot", date: "2030-06-30", date_effective: "2031-01-01" }),
]);
const index = buildIndex(data);
const call = (name: string, ...args: unknown[]): Answer<Cell> | Answer<Table> => functionSpec(name)!.impl(index, "bundled", args as never);
const ok = (a: Answer<Cell> | Answer<Table>) => {
  if ("error" in a) throw new Error(`${a.error}: ${a.message}`);
  return a.value;
};
const err = (a: Answer<Cell> | Answer<Table>) => ("error" in a ? [a.error, a.message] : ["value", JSON.stringify(a.value)]);
const ONE = "type=quotation; currency=CNY; basis=ex-works";

describe("MG.PRICE", () => {
  it("answers the most recent price on or before the day, the mid of a range unless field says", () => {
    expect(ok(call("PRICE", "magnesium ingot", "Valeria", "2031-03-12", null, ONE))).toBe(16400);
    expect(ok(call("PRICE", "magnesium ingot", "Valeria", "2031-03-12", "low", ONE))).toBe(16300);
    expect(ok(call("PRICE", "magnesium ingot", "Valeria", "2031-03-12", "high", ONE))).toBe(16500);
    expect(ok(call("PRICE", "magnesium ingot", "Valeria", "2031-03-12", "date", ONE))).toBe(isoToSerial("2031-03-09"));
    expect(ok(call("PRICE", "magnesium ingot", "Valeria", "2031-03-12", "unit", ONE))).toBe("CNY/t");
    // exactly on a day: that day's price
    expect(ok(call("PRICE", "magnesium ingot", "Valeria", "2031-03-09", "low", ONE))).toBe(16300);
  });

  it("takes the date as an Excel serial or as text alike", () => {
    expect(ok(call("PRICE", "magnesium ingot", "Valeria", isoToSerial("2031-03-12"), "low", ONE))).toBe(16300);
  });

  it("matches products and places like subjects: 'Mg ingot 99.9%', case, a place inside the location", () => {
    expect(ok(call("PRICE", "Mg Ingots 99.9%", "valeria", "2031-03-12", "low", ONE))).toBe(16300);
    expect(ok(call("PRICE", "magnesium ingot", "Ostland", "2031-03-12", "low", ONE))).toBe(16300);
  });

  it("never mixes series: several fit -> #N/A naming them and the option that picks one", () => {
    const [kind, message] = err(call("PRICE", "magnesium ingot", "Valeria", "2031-03-20"));
    expect(kind).toBe("not_available");
    expect(message).toContain("fits 3 price series");
    expect(message).toContain("USD/t");
    expect(message).toMatch(/pick one with options, e\.g\. "currency=CNY; basis=ex-works; type=quotation"/);
    expect(ok(call("PRICE", "magnesium ingot", "Valeria", "2031-03-20", null, "currency=USD"))).toBe(2325);
    expect(ok(call("PRICE", "magnesium ingot", "Valeria", "2031-03-20", "low", "type=transaction"))).toBe(16550);
  });

  it("refuses to choose between sources that disagree on one day; source= picks one", () => {
    const [kind, message] = err(call("PRICE", "magnesium ingot", "Valeria", "2031-03-16", null, ONE));
    expect(kind).toBe("not_available");
    expect(message).toContain("Sources disagree");
    expect(message).toContain("16,600");
    expect(message).toContain("16,700");
    expect(ok(call("PRICE", "magnesium ingot", "Valeria", "2031-03-16", null, `${ONE}; source=Ostport`))).toBe(16700);
  });

  it("a price older than the window is #N/A saying how old the nearest is, never a stale value", () => {
    const [kind, message] = err(call("PRICE", "magnesium ingot", "Valeria", "2031-06-30", "low", `${ONE}; source=Light Metals Wire`));
    expect(kind).toBe("not_available");
    expect(message).toMatch(/within 31 days .* the nearest is 106 days older/);
    expect(ok(call("PRICE", "magnesium ingot", "Valeria", "2031-06-30", "low", `${ONE}; source=Light Metals Wire; window=120`))).toBe(16600);
  });

  it("a month-precision price holds from its month's first day, and its age counts from the month's end", () => {
    expect(ok(call("PRICE", "magnesium ingot", "Valeria", "2031-01-15", null, ONE))).toBe(15000);
    expect(ok(call("PRICE", "magnesium ingot", "Valeria", "2031-02-28", null, ONE))).toBe(15000);
    expect(err(call("PRICE", "magnesium ingot", "Valeria", "2031-03-01", null, `${ONE}; window=20`))[0]).toBe("not_available");
  });

  it("before the first price: #N/A naming the earliest; unknown product: the products that have prices", () => {
    expect(err(call("PRICE", "magnesium ingot", "Valeria", "2030-12-31", null, ONE))[1]).toContain("its earliest is on 2031-01");
    expect(err(call("PRICE", "cobalt"))[1]).toMatch(/No price of "cobalt" is in the data\. Products with prices: "magnesium ingot" and "ferrosilicon"/);
    expect(err(call("PRICE", "magnesium ingot", "Atlantis"))[1]).toContain('with location "Atlantis"');
  });

  it("bad arguments are #VALUE! saying what is expected", () => {
    expect(err(call("PRICE", null))).toEqual(["invalid_value", 'product is required: give it as text, e.g. "magnesium ingot"']);
    expect(err(call("PRICE", "magnesium ingot", null, "soon"))[1]).toMatch(/^date must be a date/);
    expect(err(call("PRICE", "magnesium ingot", null, null, "close"))[1]).toMatch(/^field must be one of "mid"/);
    expect(err(call("PRICE", "magnesium ingot", null, null, null, "colour=red"))[1]).toBe("unknown option \"colour\": the options are basis, location, type, currency, unit, grade, source, window");
    expect(err(call("PRICE", "magnesium ingot", null, null, null, "window=-3"))[1]).toMatch(/window is a number of days/);
    expect(err(call("PRICE", "magnesium ingot", null, null, null, "type=spot"))[1]).toMatch(/type must be one of quotation, transaction, offer, assessment/);
  });
});

describe("MG.PRICES", () => {
  it("spills the history oldest first with a header, dates as Excel dates, both disagreeing rows marked", () => {
    const t = ok(call("PRICES", "magnesium ingot", "Valeria", null, null, ONE)) as Table;
    expect(t[0]).toEqual(["Date", "Date precision", "Low", "High", "Mid", "Unit", "Basis", "Location", "Type", "Grade", "Source", "Note"]);
    expect(t.slice(1).map((r) => [r[0], r[1], r[2], r[3], r[4], r[11]])).toEqual([
      [isoToSerial("2031-01"), "month", 15000, 15000, 15000, ""],
      [isoToSerial("2031-03-02"), "day", 16000, 16200, 16100, ""],
      [isoToSerial("2031-03-09"), "day", 16300, 16500, 16400, ""],
      [isoToSerial("2031-03-16"), "day", 16600, 16600, 16600, "sources differ on this day"],
      [isoToSerial("2031-03-16"), "day", 16700, 16700, 16700, "sources differ on this day"],
    ]);
  });

  it("keeps series apart in rows (one row per day and series) and narrows by from and to", () => {
    const t = ok(call("PRICES", "magnesium ingot", "", "2031-03-10", "2031-03-31")) as Table;
    expect(t.slice(1).map((r) => [r[5], r[8], r[2]])).toEqual([
      ["CNY/t", "quotation", 16600],
      ["CNY/t", "quotation", 16700],
      ["CNY/t", "transaction", 16550],
      ["USD/t", "quotation", 2300],
    ]);
  });

  it("says how many undated prices it cannot place, and refuses a from after the to", () => {
    expect(err(call("PRICES", "magnesium ingot", "", "2032-01-01"))[1]).toContain("1 undated price left out");
    expect(err(call("PRICES", "magnesium ingot", "", "2031-03-10", "2031-03-01"))).toEqual(["invalid_value", "from (2031-03-10) is after to (2031-03-01)"]);
  });
});

describe("MG.STANDARD", () => {
  it("finds a code whatever its spacing and case; without its year, the latest edition, and says so", () => {
    expect(ok(call("STANDARD", "vs/t1200-2030"))).toBe("Primary magnesium ingot");
    expect(ok(call("STANDARD", "VS/T 1200-2019", "title"))).toBe("Primary magnesium ingot (old)");
    expect(ok(call("STANDARD", "VS/T 1200", "implemented"))).toBe(isoToSerial("2031-01-01"));
    expect(ok(call("STANDARD", "VS/T 1200", "edition"))).toBe("latest of 2 editions in the data (VS/T 1200-2030); others: VS/T 1200-2019");
    expect(ok(call("STANDARD", "VS/T 1200-2030", "released"))).toBe(isoToSerial("2030-06-30"));
    expect(ok(call("STANDARD", "VS/T 1200-2030", "issuer"))).toBe("Valeria Standards Office");
  });

  it("an unknown code lists the codes the data holds", () => {
    expect(err(call("STANDARD", "VS/T 9"))[1]).toBe('No standard "VS/T 9" is in the data. Codes it holds: "VS/T 1200-2019" and "VS/T 1200-2030".');
    expect(err(call("STANDARD", "VS/T 1200-2025"))[1]).toContain("editions of VS/T1200 that are");
  });
});

describe("in a formula engine", () => {
  const store = new DataStore();
  store.replace(data, "bundled");
  it("MG.PRICE takes a DATE() argument and feeds arithmetic; MG.PRICES spills; errors carry messages", () => {
    const hf = sheetWithMg(() => store.current()!, [
      [`=MG.PRICE("magnesium ingot","Valeria",DATE(2031,3,12),"high","${ONE}")-MG.PRICE("magnesium ingot","Valeria",DATE(2031,3,12),"low","${ONE}")`, `=MG.PRICE("magnesium ingot")`],
      [`=MG.PRICES("ferrosilicon")`],
    ]);
    const at = (c: string) => hf.getCellValue(hf.simpleCellAddressFromString(c, 0)!);
    expect(at("A1")).toBe(200);
    const e = at("B1") as DetailedCellError;
    expect(e.value).toBe("#N/A");
    expect(e.message).toContain("price series");
    expect(at("A2")).toBe("Date");
    expect(at("A3")).toBe(isoToSerial("2031-03-10"));
    expect(at("C3")).toBe(5600);
    expect(at("E3")).toBe(5650);
  });
});

describe("series for the pane", () => {
  it("each series' MG.PRICES formula spills exactly that series, with none/empty fields told apart", () => {
    const extra = dataset([
      ...data.records,
      ingot("2031-03-20", 16000, null, { basis: "", grade: "" }),
      ingot("2031-03-21", 16100, null, { region: "", basis: "ex-works, tax included" }),
    ]);
    const idx = buildIndex(extra);
    const list = priceSeriesList(idx);
    expect(list.length).toBe(6);
    for (const s of list) {
      const t = ok(prices(idx, ...(pricesFormulaArgs(s) as [Arg, Arg, Arg, Arg, Arg]))) as Table;
      expect([pricesFormula(s), t.length - 1]).toEqual([pricesFormula(s), s.points.length]);
    }
    expect(pricesFormula(list.find((s) => s.location === "")!)).toBe('=MG.PRICES("magnesium ingot",,,,"basis=ex-works, tax included; currency=CNY; unit=t; type=quotation; grade=99.9%; location=none")');
  });
});

describe("one report, two figures", () => {
  it("MG.PRICE says the report gives two figures for the day and points to MG.PRICES", () => {
    const idx = buildIndex(dataset([ingot("2031-04-01", 17100, null), ingot("2031-04-01", 16800, 16900)]));
    const a = functionSpec("PRICE")!.impl(idx, "bundled", ["magnesium ingot", null, null, null, null]);
    expect(err(a)).toEqual(["not_available", 'Light Metals Wire gives 2 figures for "magnesium ingot" (magnesium ingot 99.9%, Valeria, Ostland, ex-works, CNY/t, quotation) on 2031-04-01: 16,800-16,900 CNY/t on 2031-04-01; 17,100 CNY/t on 2031-04-01. No one of them is "the" price: see them with MG.PRICES.']);
  });
});
