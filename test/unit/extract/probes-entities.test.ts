// Organisation and subject probes: who a record is about, for names no registry holds. Invented companies,
// sentences written for this test (no article's text). Legal forms of many countries, a title naming a company
// without its legal form, tickers, possessives, appositions, "the company" / "it" across sentences, two
// companies in one sentence, passives, government bodies against countries; and negatives (places, people,
// brands, sentence-initial words, "Magnesium prices", "The Company's" boilerplate) that must name nobody.
import type { RecordDraft } from "../../../src/core/corpus/types";
import { extract, ofKind } from "./helpers";

type Kind = RecordDraft["kind"];
/** [name, title, paragraphs, kind, expected subject, organisations it must include, names no record may carry] */
type Probe = [string, string, string[][], Kind, string, string[], string[]];

const CAP = "has an annual capacity of 20,000 tonnes of primary magnesium.";
const EVT = "began production at its magnesium smelter on June 4, 2031.";

const probes: Probe[] = [
  // Legal forms worldwide: the name as written minus the legal form.
  ["AS", "Light metals wire", [[`Halden Metals AS ${CAP}`]], "capacity", "Halden Metals", [], []],
  ["ASA", "Light metals wire", [[`Fjellmag Industrier ASA ${CAP}`]], "capacity", "Fjellmag Industrier", [], []],
  ["AB", "Light metals wire", [[`Norrvik Lattmetall AB ${CAP}`]], "capacity", "Norrvik Lattmetall", [], []],
  ["Oy", "Light metals wire", [[`Kallio Magnesium Oy ${CAP}`]], "capacity", "Kallio Magnesium", [], []],
  ["Oyj", "Light metals wire", [[`Saarinen Metals Oyj ${CAP}`]], "capacity", "Saarinen Metals", [], []],
  ["GmbH", "Light metals wire", [[`Rheinberg Leichtmetall GmbH ${CAP}`]], "capacity", "Rheinberg Leichtmetall", [], []],
  ["AG", "Light metals wire", [[`Voralp Guss AG ${CAP}`]], "capacity", "Voralp Guss", [], []],
  ["SA", "Light metals wire", [[`Meseta Magnesio SA ${CAP}`]], "capacity", "Meseta Magnesio", [], []],
  ["S.A.", "Light metals wire", [[`Tajo Metales S.A. ${CAP}`]], "capacity", "Tajo Metales", [], []],
  ["SpA", "Light metals wire", [[`Brenta Leghe SpA ${CAP}`]], "capacity", "Brenta Leghe", [], []],
  ["S.p.A.", "Light metals wire", [[`Adige Fusioni S.p.A. ${CAP}`]], "capacity", "Adige Fusioni", [], []],
  ["NV", "Light metals wire", [[`Schelde Metaal NV ${CAP}`]], "capacity", "Schelde Metaal", [], []],
  ["BV", "Light metals wire", [[`Veluwe Casting BV ${CAP}`]], "capacity", "Veluwe Casting", [], []],
  ["PLC", "Light metals wire", [[`Pennine Light Metals PLC ${CAP}`]], "capacity", "Pennine Light Metals", [], []],
  ["plc", "Light metals wire", [[`Severn Alloys plc ${CAP}`]], "capacity", "Severn Alloys", [], []],
  ["Pty Ltd", "Light metals wire", [[`Tasman Ridge Magnesium Pty Ltd ${CAP}`]], "capacity", "Tasman Ridge Magnesium", [], []],
  ["Limited", "Light metals wire", [[`Kowhai Metals Limited ${CAP}`]], "capacity", "Kowhai Metals", [], []],
  ["LLC", "Light metals wire", [[`Mesa Verde Magnesium LLC ${CAP}`]], "capacity", "Mesa Verde Magnesium", [], []],
  ["Inc.", "Light metals wire", [[`Coldwater Magnesium Inc. ${CAP}`]], "capacity", "Coldwater Magnesium", [], []],
  ["Corp.", "Light metals wire", [[`Sakaida Metals Corp. ${CAP}`]], "capacity", "Sakaida Metals", [], []],
  ["Co.", "Light metals wire", [[`Baiyun Light Metal Co. ${CAP}`]], "capacity", "Baiyun Light Metal", [], []],
  ["Co., Ltd.", "Light metals wire", [[`Qiantang Metals Co., Ltd. ${CAP}`]], "capacity", "Qiantang Metals", [], []],
  ["KK", "Light metals wire", [[`Hokuriku Keikinzoku KK ${CAP}`]], "capacity", "Hokuriku Keikinzoku", [], []],
  ["Bhd", "Light metals wire", [[`Selangor Logam Bhd ${CAP}`]], "capacity", "Selangor Logam", [], []],
  ["JSC", "Light metals wire", [[`Uralmag Metals JSC ${CAP}`]], "capacity", "Uralmag Metals", [], []],
  ["PJSC", "Light metals wire", [[`Volga Light Metals PJSC ${CAP}`]], "capacity", "Volga Light Metals", [], []],
  // The title names the company without its legal form, the body with it; "the company" follows.
  ["title without legal form", "Halden Metals to restart Norwegian smelter", [["Halden Metals AS said on Monday it would restart its idle smelter."], ["The company has an annual capacity of 20,000 tonnes of primary magnesium."]], "capacity", "Halden Metals", [], []],
  ["the producer, next paragraph", "Kallio Magnesium expands", [["Kallio Magnesium Oy reported higher sales in the first quarter."], ["The producer has an annual capacity of 20,000 tonnes of primary magnesium."]], "capacity", "Kallio Magnesium", [], []],
  ["it, same paragraph", "Light metals wire", [["Brenta Leghe SpA opened a new casting hall in Verona.", "It has an annual capacity of 20,000 tonnes of magnesium alloy."]], "capacity", "Brenta Leghe", [], []],
  // Tickers.
  ["ASX ticker", "Light metals wire", [[`Kestrel Magnesium (ASX: KMG) ${EVT}`]], "event", "Kestrel Magnesium", [], []],
  ["TSX-V ticker", "Light metals wire", [[`Northfield Magnesium (TSX-V: NFM) ${EVT}`]], "event", "Northfield Magnesium", [], []],
  ["NYSE ticker", "Light metals wire", [[`Atlas Lightweighting Corp. (NYSE: ALW) ${EVT}`]], "event", "Atlas Lightweighting", [], []],
  // Possessives and appositions.
  ["possessive, smelter", "Light metals wire", [["Halden Metals AS opened a research centre in 2030.", "Halden's smelter has an annual capacity of 20,000 tonnes of magnesium."]], "capacity", "Halden Metals", [], []],
  ["apposition", "Light metals wire", [[`Halden Metals, a Norwegian producer, ${EVT}`]], "event", "Halden Metals", [], ["Norwegian"]],
  // Two companies: the grammatical subject leads.
  ["two companies, subject first", "Light metals wire", [["Corvel Drive and Norvik Magnesium signed a supply agreement on June 4, 2031."]], "event", "Corvel Drive", ["Corvel Drive", "Norvik Magnesium"], []],
  ["object after from", "Light metals wire", [["Corvel Drive Inc. bought a magnesium casting line from Brenta Leghe SpA on June 4, 2031."]], "event", "Corvel Drive", ["Corvel Drive", "Brenta Leghe"], []],
  ["passive acquired by", "Light metals wire", [["Kowhai Metals Limited was acquired by Pennine Light Metals PLC on June 4, 2031."]], "event", "Kowhai Metals", ["Kowhai Metals", "Pennine Light Metals"], []],
  ["owned by", "Light metals wire", [["The Fenwick smelter, owned by Mesa Verde Magnesium LLC, has an annual capacity of 20,000 tonnes."]], "capacity", "Mesa Verde Magnesium", [], []],
  ["unregistered after by", "Light metals wire", [["A magnesium plant built by Tarvos Minerals began production on June 4, 2031."]], "event", "Tarvos Minerals", [], []],
  ["possessive unregistered", "Light metals wire", [["Tarvos Minerals' magnesium plant has an annual capacity of 20,000 tonnes."]], "capacity", "Tarvos Minerals", [], []],
  ["added", "Light metals wire", [["Tarvos Minerals added 5,000 tonnes of annual magnesium capacity on June 4, 2031, bringing its total capacity to 20,000 tonnes a year."]], "capacity", "Tarvos Minerals", [], []],
  // Government bodies against countries.
  ["ministry said", "Light metals wire", [["China will impose export controls on magnesium from August 1, 2031, the Ministry of Commerce said."]], "policy", "MOFCOM", [], []],
  // Weight saving of a named company.
  ["weight saving possessive", "Light metals wire", [["Corvel Drive's magnesium seat frame is 30% lighter than the steel part it replaces."]], "weight_saving", "Corvel Drive", [], []],
  ["weight saving the company", "Corvel Drive adopts magnesium", [["Corvel Drive GmbH presented a magnesium seat frame on Tuesday."], ["The company said the frame is 2.5 kg lighter than the steel part it replaces."]], "weight_saving", "Corvel Drive", [], []],
  // Round 2: no legal form anywhere, roles, descriptors before the name, tickers with a legal form, defined short names.
  ["title, no legal form anywhere", "Halden Metals to restart Norwegian smelter", [["Halden Metals said on Monday it would restart its idle smelter."], [`The company ${CAP}`]], "capacity", "Halden Metals", [], []],
  ["ticker with Ltd, then the company", "Light metals wire", [["Tarvos Minerals Ltd (ASX: TVM) said on Monday it would restart its idle smelter.", `The company ${CAP}`]], "capacity", "Tarvos Minerals", [], []],
  ["defined 'Company'", "Light metals wire", [['Coldwater Magnesium Inc. (TSXV: CWM) ("Coldwater" or the "Company") announced results.', "The Company's plant has an annual capacity of 20,000 tonnes."]], "capacity", "Coldwater Magnesium", [], ["Company"]],
  ["chief executive of X", "Light metals wire", [["The smelter has an annual capacity of 20,000 tonnes, said Ingrid Solberg, chief executive of Tarvos Minerals."]], "capacity", "Tarvos Minerals", [], ["Ingrid Solberg"]],
  ["agreement with X", "Light metals wire", [["Corvel Drive signed a supply agreement with Norvik Magnesium on June 4, 2031."]], "event", "Corvel Drive", ["Corvel Drive", "Norvik Magnesium"], []],
  ["short name said", "Light metals wire", [["Tarvos Minerals began production at its smelter on June 4, 2031.", `Tarvos said the smelter ${CAP}`]], "capacity", "Tarvos Minerals", [], []],
  ["subsidiary of X", "Light metals wire", [["Fenwick Magnesium, a subsidiary of Tarvos Minerals, began production on June 4, 2031."]], "event", "Fenwick Magnesium", ["Fenwick Magnesium", "Tarvos Minerals"], []],
  ["a unit of X, legal forms", "Light metals wire", [["Fenwick Magnesium Ltd, a unit of Tarvos Minerals Ltd, began production on June 4, 2031."]], "event", "Fenwick Magnesium", ["Tarvos Minerals"], []],
  ["Oslo-based X", "Light metals wire", [["Oslo-based Halden Metals began production at its magnesium smelter on June 4, 2031."]], "event", "Halden Metals", [], ["Oslo-based Halden Metals"]],
  ["Oslo-based X AS", "Light metals wire", [["Oslo-based Halden Metals AS began production at its magnesium smelter on June 4, 2031."]], "event", "Halden Metals", [], []],
  ["Norwegian producer X", "Light metals wire", [["Norwegian producer Halden Metals began production at its magnesium smelter on June 4, 2031."]], "event", "Halden Metals", [], []],
  ["Japanese Co., Ltd.", "Light metals wire", [["Hokuriku Light Alloy Co., Ltd. began production at its magnesium plant on June 4, 2031."]], "event", "Hokuriku Light Alloy", [], []],
  ["country's X GmbH", "Light metals wire", [["Germany's Rheinberg Leichtmetall GmbH began production at its magnesium plant on June 4, 2031."]], "event", "Rheinberg Leichtmetall", [], []],
  ["weight saving, apposition", "Light metals wire", [["Corvel Drive, a German supplier, said its magnesium seat frame is 30% lighter than the steel part."]], "weight_saving", "Corvel Drive", [], []],
  ["weight saving, it", "Light metals wire", [["Corvel Drive GmbH developed a magnesium seat frame.", "It is 30% lighter than the steel part it replaces."]], "weight_saving", "Corvel Drive", [], []],
  ["apposition with 'partner of'", "Light metals wire", [["Corvel Drive, the German partner of Halden Metals AS, has an annual capacity of 20,000 tonnes of magnesium castings."]], "capacity", "Corvel Drive", ["Corvel Drive", "Halden Metals"], []],
  // Round 3: more legal forms and exchanges, opening clauses and asides.
  ["after talks with Y, X signed", "Light metals wire", [["After talks with Norvik Magnesium AS, Corvel Drive GmbH signed a supply deal on June 4, 2031."]], "event", "Corvel Drive", ["Corvel Drive", "Norvik Magnesium"], []],
  ["X, in partnership with Y, began", "Light metals wire", [["Corvel Drive, in partnership with Norvik Magnesium, began production at a die-casting plant on June 4, 2031."]], "event", "Corvel Drive", ["Corvel Drive", "Norvik Magnesium"], []],
  ["X together with Y began", "Light metals wire", [["Corvel Drive together with Norvik Magnesium began production at a die-casting plant on June 4, 2031."]], "event", "Corvel Drive", ["Corvel Drive", "Norvik Magnesium"], []],
  ["shares in X rose after the company", "Light metals wire", [["Shares in Tarvos Minerals Ltd rose 5% after the company began production on June 4, 2031."]], "event", "Tarvos Minerals", [], []],
  ["X ASA's smelter", "Light metals wire", [[`Halden Metals ASA's smelter ${CAP}`]], "capacity", "Halden Metals", [], []],
  ["OSE ticker", "Light metals wire", [[`Halden Metals (OSE: HALD) ${EVT}`]], "event", "Halden Metals", [], []],
  ["Euronext ticker", "Light metals wire", [[`Schelde Metaal (Euronext: SCHM) ${EVT}`]], "event", "Schelde Metaal", [], []],
  ["OTCQB ticker", "Light metals wire", [[`Coldwater Magnesium (OTCQB: CWMG) ${EVT}`]], "event", "Coldwater Magnesium", [], []],
  ["magnesium producer X said", "Light metals wire", [["Magnesium producer Halden Metals said it has an annual capacity of 20,000 tonnes."]], "capacity", "Halden Metals", [], []],
  ["US-based X Inc.", "Light metals wire", [[`US-based Coldwater Magnesium Inc. ${EVT}`]], "event", "Coldwater Magnesium", [], []],
  ["PT ... Tbk", "Light metals wire", [[`PT Logam Nusantara Tbk ${EVT}`]], "event", "PT Logam Nusantara", [], []],
  ["Berhad", "Light metals wire", [[`Selangor Logam Berhad ${EVT}`]], "event", "Selangor Logam", [], []],
  ["Pty. Ltd.", "Light metals wire", [[`Tasman Ridge Magnesium Pty. Ltd. ${EVT}`]], "event", "Tasman Ridge Magnesium", [], []],
  ["SE", "Light metals wire", [[`Rheinberg Leichtmetall SE ${EVT}`]], "event", "Rheinberg Leichtmetall", [], []],
  ["SAS", "Light metals wire", [[`Alpes Magnesium SAS ${EVT}`]], "event", "Alpes Magnesium", [], []],
  ["Ltda", "Light metals wire", [[`Minas Magnesio Ltda ${EVT}`]], "event", "Minas Magnesio", [], []],
  ["single-quoted short name", "Light metals wire", [["Kestrel Magnesium Limited (ASX: KMG) ('Kestrel' or 'the Company') announced results.", "Kestrel began production at its magnesium smelter on June 4, 2031."]], "event", "Kestrel Magnesium", [], []],
  ["a day before the name", "Light metals wire", [["On Monday Halden Metals AS began production at its magnesium smelter on June 4, 2031."]], "event", "Halden Metals", [], ["Monday Halden Metals"]],
];

/** [name, title, paragraphs, kind, names that must not be an organisation of any record of the kind] */
type Negative = [string, string, string[][], Kind, string[]];
const negatives: Negative[] = [
  ["place", "Light metals wire", [["Fenwick Valley smelters have a combined capacity of 20,000 tonnes a year, officials said."]], "capacity", ["Fenwick Valley"]],
  ["headline words", "Light metals wire", [["Magnesium Prices Rise as Chinese Output Falls on June 4, 2031, traders said."]], "event", ["Magnesium Prices", "Magnesium Prices Rise"]],
  ["a class of producers", "Light metals wire", [["Chinese Magnesium Producers cut output on June 4, 2031."]], "event", ["Chinese Magnesium Producers", "Magnesium Producers"]],
  ["a name inside a longer one", "Light metals wire", [["The Fenwick Light Alloy Engineering Research Center of Tarvos University began operation on June 4, 2031."]], "event", ["Fenwick Light Alloy"]],
  // A person the article introduces by a role is no organisation when she speaks later.
  ["person introduced by a role", "Light metals wire", [["The plant will restart in July, said Ingrid Solberg, chief executive of Halden Metals AS.", "Halden Metals AS has an annual capacity of 20,000 tonnes of magnesium, Ingrid Solberg said."]], "capacity", ["Ingrid Solberg"]],
  ["person after her role", "Light metals wire", [["Halden Metals AS has an annual capacity of 20,000 tonnes of magnesium, chief executive Ingrid Solberg said."]], "capacity", ["Ingrid Solberg"]],
  // The new name patterns' own negatives: people after a title or as founders, classes of firms, regions.
  ["led by a titled person", "Light metals wire", [["The Fenwick smelter, led by Chief Executive Ingrid Solberg, has an annual capacity of 20,000 tonnes."]], "capacity", ["Ingrid Solberg", "Executive Ingrid Solberg"]],
  ["founded by a person", "Light metals wire", [["Halden Metals AS, founded by Ingrid Solberg in 1998, has an annual capacity of 20,000 tonnes of magnesium."]], "capacity", ["Ingrid Solberg"]],
  ["a class of producers that added", "Light metals wire", [["Chinese Magnesium Producers added 20,000 tonnes of annual capacity on June 4, 2031."]], "event", ["Chinese Magnesium Producers"]],
  ["owned by a class", "Light metals wire", [["The Fenwick smelter, owned by Local Investors, has an annual capacity of 20,000 tonnes."]], "capacity", ["Local Investors"]],
  ["a region with an aside", "Light metals wire", [["North America, especially the United States, has an annual die-casting capacity of 20,000 tonnes of magnesium, Halden Metals AS said."]], "capacity", ["North America"]],
  // Known gap, not asserted: a person never introduced by a role (", Ingrid Solberg said." alone) reads as an actor name.
  ["brand", "Light metals wire", [["Corvel Drive's Aerolite Seat frame is 30% lighter than the steel frame."]], "weight_saving", ["Aerolite Seat"]],
  ["sentence-initial word", "Light metals wire", [["Separately, Halden Metals AS began production at its magnesium smelter on June 4, 2031."]], "event", ["Separately"]],
  ["magnesium prices", "Light metals wire", [["Magnesium prices rose on June 4, 2031, after Halden Metals AS began production at its magnesium smelter."]], "event", ["Magnesium prices", "Magnesium"]],
  ["boilerplate The Company's", "Light metals wire", [["Halden Metals AS began production at its magnesium smelter on June 4, 2031.", "The Company's smelter has an annual capacity of 20,000 tonnes."]], "capacity", ["The Company", "Company"]],
];

const pub = "2031-06-12";

describe("entities: who a record is about", () => {
  it.each(probes)("%s", (_name, title, paragraphs, kind, subject, include, exclude) => {
    const found = ofKind(extract(paragraphs, { title, published: pub }), kind);
    expect(found.map((f) => f.subject)).toContain(subject);
    const rec = found.find((f) => f.subject === subject)!;
    for (const o of include) expect(rec.organizations).toContain(o);
    for (const f of found) for (const o of exclude) expect(f.organizations).not.toContain(o);
  });
});

describe("entities: names that are no organisation", () => {
  it.each(negatives)("%s", (_name, title, paragraphs, kind, names) => {
    const found = ofKind(extract(paragraphs, { title, published: pub }), kind);
    for (const f of found) for (const n of names) {
      expect(f.organizations).not.toContain(n);
      expect(f.subject).not.toBe(n);
    }
  });
});
