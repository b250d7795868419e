// The MG functions over the committed dataset (src/data/dataset.json), in real formulas, for the
// facts the issue names. Each expectation is tied to the source sentence it comes from: the test
// checks that sentence is in the corpus article and is the evidence of the record used.
import { DetailedCellError } from "hyperformula";
import * as fs from "fs";
import * as path from "path";
import { DataStore } from "../../src/core/data/store";
import { parseDataset } from "../../src/core/model/dataset";
import { sheetWithMg } from "./hyperformulaMg";

const ROOT = path.resolve(__dirname, "..", "..");
const CORPUS = path.resolve(ROOT, "..", "shared", "corpus");
const store = new DataStore();
const snapshot = store.replace(parseDataset(JSON.parse(fs.readFileSync(path.join(ROOT, "src", "data", "dataset.json"), "utf8"))), "bundled");

/** The sentence is in the article (when the corpus is at hand) and is the evidence of a record of the subject. */
function expectSourced(file: string, sentencePart: string, subject: string): void {
  if (fs.existsSync(CORPUS)) expect(fs.readFileSync(path.join(CORPUS, file), "utf8").replace(/\s+/g, " ")).toContain(sentencePart);
  const r = snapshot.index.resolveSubject(subject);
  expect(r.ok).toBe(true);
  if (r.ok) expect(r.entity.records.map((x) => x.evidence).some((e) => e.includes(sentencePart))).toBe(true);
}

function cell(rows: unknown[][], address: string) {
  const hf = sheetWithMg(() => store.current()!, rows);
  return hf.getCellValue(hf.simpleCellAddressFromString(address, 0)!);
}

describe("seed facts through real formulas", () => {
  it("SAIC: the housing weighs 13.7 kg, and no weight saving is stated", () => {
    // "This product is the world's first mass-produced magnesium alloy electric drive housing based on
    //  the semi-solid process, with a total weight of 13.7 kg and made of AZ91D magnesium alloy."
    expectSourced("smm-magnesium-major-events-2024.txt", "with a total weight of 13.7 kg", "SAIC");
    for (const name of ["SAIC", "saic"]) {
      const v = cell([[name, "=MG.WEIGHTSAVING(A1)"]], "B1") as DetailedCellError;
      expect(v).toBeInstanceOf(DetailedCellError);
      expect(v.value).toBe("#N/A");
      expect(v.message).toMatch(/^SAIC's .*housing is reported at 13\.7 kg but no weight saving is reported\.$/);
    }
    expect(cell([["=IFERROR(MG.WEIGHTSAVING(\"SAIC\"),\"not reported\")"]], "A1")).toBe("not reported");
  });

  it("Seres: the rear body reduces vehicle body weight by 21.8%, in percent units", () => {
    // "It not only reduces the vehicle body weight by 21.8% but also enhances overall performance by 10%."
    expectSourced("smm-seres-magnesium-rear-body.txt", "reduces the vehicle body weight by 21.8%", "Seres");
    expect(cell([["Seres", "=MG.WEIGHTSAVING(A1)", "=B1/100"]], "B1")).toBe(21.8);
    expect(cell([["Seres", "=MG.WEIGHTSAVING(A1)", "=B1/100"]], "C1")).toBeCloseTo(0.218);
  });

  it("Inovance: found as co-developer of the drive assembly, 2.5 kg to 7 kg", () => {
    // "... reduced by 2.5 kg to 7 kg compared to traditional aluminum alloy structures."
    expectSourced("smm-magnesium-major-events-2024.txt", "2.5 kg to 7 kg", "Inovance");
    expect(cell([["=MG.WEIGHTSAVING(\"Inovance\",\"kg\")"]], "A1")).toBe(2.5);
    expect(cell([["=MG.WEIGHTSAVING(\"Inovance\",\"kg\",\"high\")"]], "A1")).toBe(7);
  });

  it("an unknown subject names the closest known one", () => {
    const v = cell([["=MG.WEIGHTSAVING(\"Seress\")"]], "A1") as DetailedCellError;
    expect(v.message).toContain('Closest: "Seres"');
  });
});
