// Policies named without an issuing sentence: a government document named by its issuer (unquoted), a place's
// programme by its quoted name, and an order plants carry out under a quoted regime whose issuer is not named.
// Sentences written for these tests.
import { extract, ofKind } from "./helpers";

const wire = { title: "Light alloy policy wire", published: "2031-06-01" };
const policies = (s: string) => ofKind(extract([[s]], wire), "policy").map((p) => ({ title: p.title, subject: p.subject, region: p.region, date: p.date }));

describe("a government document named by its issuer, unquoted", () => {
  it("'<year> <government> Work Report' referred to is a policy without a date", () => {
    expect(policies("The 2031 Hunan Provincial Government Work Report said the province would expand its alloy parks.")).toEqual([
      { title: "2031 Hunan Provincial Government Work Report", subject: "Hunan Provincial Government", region: "Hunan", date: "" },
    ]);
  });

  it("a named document the sentence issues takes the sentence's date", () => {
    expect(policies("The Gansu Provincial Government Action Plan for Light Alloys was released on March 5.")).toEqual([
      { title: "Gansu Provincial Government Action Plan", subject: "Gansu Provincial Government", region: "Gansu", date: "2031-03-05" },
    ]);
  });

  it("no record for a document still to come, a company's plan, or a government with no document named", () => {
    expect(policies("The Gansu Provincial Government will publish the Gansu Provincial Government Action Plan next year.")).toEqual([]);
    expect(policies("Qiantang Metals Group Action Plan targets lower costs.")).toEqual([]);
    expect(policies("The Hunan Provincial Government said alloy output rose.")).toEqual([]);
  });
});

describe("a place's programme by its quoted name", () => {
  it("'<province>'s \"<name>\" <words> <plan|system|strategy ...>' is the province's policy", () => {
    expect(policies('The new casting park supports Hunan\'s "1+3" light alloy industry plan.')).toEqual([
      { title: '"1+3" light alloy industry plan', subject: "Hunan", region: "Hunan", date: "" },
    ]);
    expect(policies('The centre serves Yulin City\'s "twin engine" development strategy.')).toEqual([
      { title: '"twin engine" development strategy', subject: "Yulin City", region: "Yulin", date: "" },
    ]);
  });

  it("no record for a company's quoted process, a quoted name without a programme head, or a hedge", () => {
    expect(policies('Corvel Drive adopted Qiantang Metals\' "one-shot" casting process.')).toEqual([]);
    expect(policies('Hunan\'s "golden triangle" is home to three foundries.')).toEqual([]);
    expect(policies('Gansu may copy Qinghai\'s "2+2" industry plan.')).toEqual([]);
    expect(policies('Hubei\'s "alloy valley" policy meetings ended on Friday.')).toEqual([]);
  });
});

describe("an order plants carry out under a quoted regime, issuer unnamed", () => {
  it("is a policy with no subject, titled by the regime, placed where the plants are", () => {
    expect(policies('Several Hebei magnesium smelters are undergoing environmental rectification under the "Blue Sky Defence" campaign.')).toEqual([
      { title: "Blue Sky Defence", subject: "", region: "Hebei", date: "" },
    ]);
    expect(policies('Ferrosilicon plants in Ningxia were ordered to suspend production as part of the "energy dual control" drive.')).toEqual([
      { title: "energy dual control", subject: "", region: "Ningxia", date: "" },
    ]);
  });

  it("no record without a quoted regime, for a company's own programme, or for a hedge", () => {
    expect(policies("Smelters in Hebei are carrying out rectification work.")).toEqual([]);
    expect(policies('Qiantang Metals said its plants are carrying out rectification under its own "Zero Defect" programme.')).toEqual([]);
    expect(policies('Traders said Hebei smelters are carrying out rectification under the "Blue Sky" campaign and could halt.')).toEqual([]);
  });
});
