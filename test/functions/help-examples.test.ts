// Every example of the help page (and of the pane's function reference) is a formula that answers on the
// bundled data: a reader who copies one into Excel gets a value, not #N/A. The page shows that answer.
import { parseDataset } from "../../src/core/model/dataset";
import bundled from "../../src/data/dataset.json";
import { answerExamples, exampleArgs } from "../../src/help/examples";
import { renderHelpPage } from "../../src/help/helpPage";

const data = parseDataset(bundled);

describe("help examples", () => {
  it("are literal formulas (no cell references) that answer on the bundled data", () => {
    const failing = answerExamples(data)
      .filter((e) => !e.answer || "error" in e.answer)
      .map((e) => `${e.spec.example}: ${e.answer && "error" in e.answer ? e.answer.message : "not a literal formula"}`);
    expect(failing).toEqual([]);
  });

  it("read arguments as Excel does: text, empty, numbers; a reference is not literal", () => {
    expect(exampleArgs('=MG.PRICE("magnesium ingot", "Fugu", , , "type=quotation")')).toEqual(["magnesium ingot", "Fugu", null, null, "type=quotation"]);
    expect(exampleArgs("=MG.POLICIES()")).toEqual([]);
    expect(exampleArgs('=MG.X("say ""hi""", 12)')).toEqual(['say "hi"', 12]);
    expect(exampleArgs('=MG.CAPACITY(A2, "x")')).toBeUndefined();
  });

  it("the help page shows each example's answer", () => {
    const html = renderHelpPage(data);
    expect(html).toMatch(/=MG\.WEIGHTSAVING\(&quot;Seres&quot;\)<\/code> gives <code>21\.8<\/code> on the bundled data/);
    expect(html).toMatch(/MG\.STANDARD\(&quot;GB\/T 3499&quot;, &quot;implemented&quot;\)<\/code> gives <code>\d+<\/code> \(the Excel date 2024-07-01\)/);
  });
});
