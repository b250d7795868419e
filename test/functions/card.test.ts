// Source cards (src/core/card): what a cell's card says for every scalar MG function, built from the record
// the answer was read from. The shape against @types/office-js: card-types.test.ts.
import { CARD_PROPERTY as P, CARD_PROVIDER, cardOfAnswer, type SourceCard } from "../../src/core/card/card";
import { DataStore } from "../../src/core/data/store";
import { isAnswerError } from "../../src/core/query/answer";
import { isoToSerial } from "../../src/core/model/dates";
import { evaluateMg } from "../../src/functions/evaluate";
import { SCALAR_CALLS, cardDataset } from "./cardFixtures";

const snap = new DataStore().replace(cardDataset(), "bundled");
const data = snap.index.dataset;

function answerAndCard(fn: string, args: readonly (string | number | null)[]) {
  const answer = evaluateMg(fn, args, snap);
  if (isAnswerError(answer)) throw new Error(`${fn}: ${answer.message}`);
  return { answer, card: cardOfAnswer(fn, args, answer, data) };
}

const textOf = (card: SourceCard, name: string) => {
  const p = card.properties[name];
  if (p?.type !== "String") throw new Error(`${name} is not a text property`);
  return p.basicValue;
};

describe("a card for every scalar answer", () => {
  it.each(SCALAR_CALLS.map((c) => [`${c.fn}(${c.args.filter((a) => a !== null).join(", ")})`, c] as const))("%s", (_label, c) => {
    const { answer, card } = answerAndCard(c.fn, c.args);
    expect(card).toBeDefined();
    const record = answer.record!;
    // the cell is still the plain answer
    expect(typeof answer.value).toBe("number");
    expect(card!.type).toBe("Double");
    expect(card!.basicValue).toBe(answer.value);
    expect(card!.properties[P.value]).toMatchObject({ type: "Double", basicValue: answer.value });
    // the evidence is the record's sentence, attributed to its URL and outlet
    expect(textOf(card!, P.evidence)).toBe(record.evidence);
    expect(record.evidence.startsWith(c.evidence)).toBe(true);
    expect(textOf(card!, P.url)).toBe(record.source_url);
    expect(textOf(card!, P.outlet)).toBe(record.source_outlet);
    expect(textOf(card!, P.published)).toBe(record.source_published);
    expect(textOf(card!, P.id)).toBe(record.id);
    expect(textOf(card!, P.version)).toBe("2031-07-01.cardtest");
    expect(textOf(card!, P.asOf)).toBe(data.as_of);
    expect(card!.provider).toEqual({ description: CARD_PROVIDER });
    // the unit is the value's sublabel (dates say they are dates)
    const sublabel = card!.properties[P.value].propertyMetadata?.sublabel ?? "";
    if (c.unit) {
      expect(sublabel.startsWith(c.unit)).toBe(true);
      expect(textOf(card!, P.unit)).toBe(c.unit);
    } else {
      expect(sublabel).toMatch(/^Excel date/);
      expect(card!.numberFormat).toMatch(/yyyy/);
    }
    // every property a section lists exists, and every property the record fills is listed once
    const listed = card!.layouts.card.sections.flatMap((s) => s.properties);
    expect(new Set(listed).size).toBe(listed.length);
    expect([...listed].sort()).toEqual(Object.keys(card!.properties).filter((k) => card!.properties[k].basicValue !== "").sort());
    expect(card!.layouts.card.title.length).toBeGreaterThan(0);
    // plain data: what JSON carries to Excel is the whole card
    expect(JSON.parse(JSON.stringify(card))).toEqual(card);
  });
});

describe("what the card says", () => {
  it("weight saving: value and unit, the sentence attributed to the article's URL and outlet", () => {
    const { card } = answerAndCard("WEIGHTSAVING", ["calder motors"]);
    expect(card!.basicValue).toBe(38);
    expect(card!.layouts.card.title).toBe("Weight saving: Calder Motors, door inner panel");
    expect(card!.properties[P.evidence].propertyMetadata?.attribution).toEqual([{ sourceAddress: "https://example.test/calder-door", sourceText: "Lightweight Gazette" }]);
    expect(textOf(card!, P.reported)).toBe("38%");
    expect(textOf(card!, P.date)).toBe("2031-04-02");
    expect(textOf(card!, P.source)).toBe("Calder trims door weight");
  });

  it("capacity: the answer in tonnes, the figure as the source writes it beside it", () => {
    const { card } = answerAndCard("CAPACITY", ["Fennick Magnesium"]);
    expect(card!.basicValue).toBe(25000);
    expect(textOf(card!, P.unit)).toBe("t/year");
    expect(textOf(card!, P.reported)).toBe("25 kt per year");
    const planned = answerAndCard("CAPACITY", ["Fennick Magnesium", null, "high", null, "planned"]).card!;
    expect(planned.basicValue).toBe(15000);
    expect(planned.layouts.card.title).toMatch(/^Planned capacity: Fennick Magnesium/);
    expect(textOf(planned, P.reported)).toBe("12,000–15,000 t per year");
    // no outlet: the attribution names the article
    expect(planned.properties[P.evidence].propertyMetadata?.attribution).toEqual([{ sourceAddress: "https://example.test/fennick-alloy", sourceText: "Fennick plans alloy plant" }]);
  });

  it("policy date: the serial, shown at the precision the source gives", () => {
    const day = answerAndCard("POLICYDATE", ["Scrap Recycling"]).card!;
    expect(day.basicValue).toBe(isoToSerial("2031-05-14"));
    expect(day.numberFormat).toBe("yyyy-mm-dd");
    expect((day.properties[P.value] as { numberFormat?: string }).numberFormat).toBe("yyyy-mm-dd");
    expect(day.properties[P.unit]).toBeUndefined();
    const month = answerAndCard("POLICYDATE", ["Ostland Provincial Office"]).card!;
    expect(month.basicValue).toBe(isoToSerial("2031-06"));
    expect(month.numberFormat).toBe("mmm yyyy");
    expect(month.properties[P.value].propertyMetadata?.sublabel).toMatch(/month precision/);
  });

  it("a URL that is not http(s) is shown as text, never as the attribution's link", () => {
    const card = answerAndCard("POLICYDATE", ["Ostland Provincial Office"]).card!;
    expect(textOf(card, P.url)).toBe("javascript:alert(1)");
    expect(card.properties[P.evidence].propertyMetadata?.attribution).toEqual([{ sourceText: "Ostland Herald" }]);
  });

  it("price: mid, low, high and date of the one quotation", () => {
    const mid = answerAndCard("PRICE", ["magnesium ingot"]).card!;
    expect(mid.basicValue).toBe(16400);
    expect(mid.layouts.card.title).toBe("Price (mid of the range): magnesium ingot (Valeria)");
    expect(mid.properties[P.value].propertyMetadata?.sublabel).toBe("CNY/t, mid");
    expect(answerAndCard("PRICE", ["magnesium ingot", null, null, " High "]).card!.basicValue).toBe(16500);
    const date = answerAndCard("PRICE", ["magnesium ingot", null, null, "date"]).card!;
    expect(date.basicValue).toBe(isoToSerial("2031-03-09"));
    expect(date.numberFormat).toBe("yyyy-mm-dd");
  });

  it("FACT: a numeric field has a card, a text field or a date's ISO text stays plain", () => {
    const high = answerAndCard("FACT", ["Fennick Magnesium", "value_max", "capacity"]).card!;
    expect(high.basicValue).toBe(15000);
    expect(high.layouts.card.title).toMatch(/^Capacity \(high end\)/);
    expect(answerAndCard("FACT", ["Calder Motors", "evidence"]).card).toBeUndefined();
    expect(answerAndCard("FACT", ["Calder Motors", "date"]).card).toBeUndefined();
    expect(answerAndCard("PRICE", ["magnesium ingot", null, null, "unit"]).card).toBeUndefined();
  });

  it("a field the record leaves empty is not shown on the card but is still a property", () => {
    // the planned plant's source names no outlet; the weight saving's names every field
    const planned = answerAndCard("CAPACITY", ["Fennick Magnesium", null, null, null, "planned"]).card!;
    expect(textOf(planned, P.outlet)).toBe("");
    expect(planned.layouts.card.sections[1]).toEqual({ layout: "List", title: "Source", properties: [P.evidence, P.source, P.published, P.url] });
    const ws = answerAndCard("WEIGHTSAVING", ["Calder Motors"]).card!;
    expect(ws.layouts.card.sections.map((s) => s.properties)).toEqual([
      [P.value, P.unit, P.reported, P.date],
      [P.evidence, P.outlet, P.source, P.published, P.url],
      [P.id, P.version, P.asOf],
    ]);
  });

  it("spills and text functions have no card", () => {
    expect(answerAndCard("EVENTS", [null, "Calder Motors"]).card).toBeUndefined();
    expect(answerAndCard("SOURCE", ["Calder Motors"]).card).toBeUndefined();
    expect(answerAndCard("DATAINFO", []).card).toBeUndefined();
  });

  it("builds each card once: a column of the same formula gets the same card", () => {
    const a = answerAndCard("WEIGHTSAVING", ["Calder Motors"]).card;
    const b = answerAndCard("WEIGHTSAVING", ["CALDER MOTORS"]).card;
    expect(b).toBe(a);
    // another reading of the same record is another card
    expect(answerAndCard("FACT", ["Calder Motors", "value", "weight_saving"]).card).not.toBe(a);
  });
});
