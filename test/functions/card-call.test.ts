// `mg call --json`: the answer with the card a scalar answer carries in Excel, over a synthetic dataset file.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { run } from "../../src/cli/commands/call";
import { cardDataset } from "./cardFixtures";

let file: string;
let out: string[];

beforeAll(() => {
  file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "mg-call-card-")), "dataset.json");
  fs.writeFileSync(file, JSON.stringify(cardDataset()));
});
beforeEach(() => {
  out = [];
  jest.spyOn(console, "log").mockImplementation((s: string) => void out.push(s));
  jest.spyOn(console, "error").mockImplementation((s: string) => void out.push(s));
  jest.spyOn(process.stdout, "write").mockImplementation((s: string | Uint8Array) => (out.push(String(s)), true));
});
afterEach(() => jest.restoreAllMocks());

const printed = () => JSON.parse(out.join(""));

it("prints the value and its card", async () => {
  expect(await run(["--data", file, "--json", "WEIGHTSAVING", "Calder Motors"])).toBe(0);
  const o = printed();
  expect(o.function).toBe("WEIGHTSAVING");
  expect(o.value).toBe(38);
  expect(o.card).toMatchObject({
    type: "Double",
    basicValue: 38,
    provider: { description: "Magnesium Tracker" },
    layouts: { card: { title: "Weight saving: Calder Motors, door inner panel" } },
    properties: {
      Value: { basicValue: 38, propertyMetadata: { sublabel: "%" } },
      Evidence: {
        basicValue: "Calder Motors said its magnesium door inner panel is 38% lighter than the steel panel it replaces.",
        propertyMetadata: { attribution: [{ sourceAddress: "https://example.test/calder-door", sourceText: "Lightweight Gazette" }] },
      },
      "Dataset version": { basicValue: "2031-07-01.cardtest" },
    },
  });
});

it("--json before or after --data; a date's card carries its number format", async () => {
  expect(await run(["--json", "--data", file, "POLICYDATE", "Scrap Recycling"])).toBe(0);
  expect(printed().card).toMatchObject({ numberFormat: "yyyy-mm-dd", properties: { Outlet: { basicValue: "Valeria Policy Watch" } } });
});

it("text and spills have no card; errors are an object and exit 1", async () => {
  expect(await run(["--data", file, "--json", "SOURCE", "Calder Motors"])).toBe(0);
  expect(printed()).toEqual({ function: "SOURCE", value: "https://example.test/calder-door" });
  out = [];
  expect(await run(["--data", file, "--json", "EVENTS", "", "Calder Motors"])).toBe(0);
  const spill = printed();
  expect(spill.card).toBeUndefined();
  expect(spill.value[0][0]).toBe("Date");
  out = [];
  expect(await run(["--data", file, "--json", "WEIGHTSAVING", "Fennick Magnesium"])).toBe(1);
  expect(printed()).toEqual({ function: "WEIGHTSAVING", error: "#N/A", message: expect.stringContaining("no weight saving") });
});

it("without --json the output is as before: the plain value", async () => {
  expect(await run(["--data", file, "CAPACITY", "Fennick Magnesium"])).toBe(0);
  expect(out).toEqual(["25000"]);
});
