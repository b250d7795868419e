// `mg call`: the function's answer as Excel would show it, over a synthetic dataset file.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { run } from "../../src/cli/commands/call";
import { syntheticDataset } from "../query/fixtures";

let file: string;
let out: string[];

beforeAll(() => {
  file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "mg-call-")), "dataset.json");
  fs.writeFileSync(file, JSON.stringify(syntheticDataset()));
});
beforeEach(() => {
  out = [];
  jest.spyOn(console, "log").mockImplementation((s: string) => void out.push(s));
  jest.spyOn(console, "error").mockImplementation((s: string) => void out.push(s));
  jest.spyOn(process.stdout, "write").mockImplementation((s: string | Uint8Array) => (out.push(String(s)), true));
});
afterEach(() => jest.restoreAllMocks());

it("prints a value and exits 0", async () => {
  expect(await run(["--data", file, "WEIGHTSAVING", "ridgeway motors"])).toBe(0);
  expect(out).toEqual(["18.5"]);
});

it("prints an error as Excel shows it and exits 1", async () => {
  expect(await run(["--data", file, "weightsaving", "Kestrel Auto"])).toBe(1);
  expect(out).toEqual(["#N/A: Kestrel Auto's motor housing is reported at 11.2 kg but no weight saving is reported."]);
  out = [];
  expect(await run(["--data", file, "MG.CAPACITY", "Zeta Light Metals", "", "", "weekly"])).toBe(1);
  expect(out[0]).toMatch(/^#VALUE!: per must be/);
});

it("prints a spill as CSV, with \"\" for omitted arguments", async () => {
  expect(await run(["--data", file, "EVENTS", "", "Harbor Robotics"])).toBe(0);
  expect(out.join("").trim().split("\n")).toEqual([
    "Date,Date precision,Kind,Subject,Organisations,Title,Product,Qualifier,Value,Value (high end),Unit,Per,Status,Region,Source",
    "45646,day,event,Zeta Light Metals,Zeta Light Metals; Harbor Robotics,Robot arm launch,,,,,,,,,https://example.test/article",
  ]);
});

it("refuses unknown functions and too many arguments", async () => {
  expect(await run(["--data", file, "SUM", "1"])).toBe(2);
  expect(await run(["--data", file, "DATAINFO", "x"])).toBe(2);
});
