// Every formula the README shows is run on the bundled data and must give what the README says it gives:
// a value where it shows one, and the #N/A it documents (with the start of its message) where it shows that.
import * as fs from "fs";
import * as path from "path";
import { parseDataset } from "../../src/core/model/dataset";
import bundled from "../../src/data/dataset.json";
import { buildIndex } from "../../src/core/query/recordIndex";
import { functionSpec } from "../../src/core/query/functions";
import { exampleArgs } from "../../src/help/examples";

const index = buildIndex(parseDataset(bundled));
const readme = fs.readFileSync(path.join(__dirname, "../../README.md"), "utf8");

/** `=MG.NAME(...)` at the start of a line, up to its balanced closing parenthesis, then what the README says. */
function readmeExamples(): { formula: string; says: string }[] {
  const out: { formula: string; says: string }[] = [];
  for (const line of readme.split("\n")) {
    if (!line.startsWith("=MG.")) continue;
    let depth = 0;
    let inText = false;
    let end = -1;
    for (let i = 0; i < line.length && end < 0; i++) {
      const c = line[i];
      if (c === '"') inText = !inText;
      else if (!inText && c === "(") depth++;
      else if (!inText && c === ")" && --depth === 0) end = i + 1;
    }
    out.push({ formula: line.slice(0, end), says: line.slice(end).trim() });
  }
  return out;
}

const examples = readmeExamples();

describe("README examples", () => {
  it("the README shows formulas", () => {
    expect(examples.length).toBeGreaterThanOrEqual(8);
  });

  it.each(examples.map((e) => [e.formula, e] as const))("%s gives what the README says", (_f, e) => {
    const name = /^=MG\.([A-Z]+)\(/.exec(e.formula)![1];
    const args = exampleArgs(e.formula);
    expect(args).toBeDefined();
    const answer = functionSpec(name)!.impl(index, "bundled", args!);
    if (e.says.startsWith("#N/A")) {
      // "#N/A: SAIC's ... housing is reported": the parts around "..." appear in the message, in order.
      expect(answer).toMatchObject({ error: "not_available" });
      const parts = e.says.replace(/^#N\/A:\s*/, "").split("...").map((p) => p.trim()).filter(Boolean);
      const message = (answer as { message: string }).message;
      let at = 0;
      for (const p of parts) {
        const i = message.indexOf(p, at);
        expect({ part: p, found: i >= 0, message }).toMatchObject({ found: true });
        at = i + p.length;
      }
    } else {
      expect(answer).not.toHaveProperty("error");
      const number = /^(-?\d+(?:\.\d+)?)\b/.exec(e.says);
      if (number) expect((answer as { value: unknown }).value).toBe(Number(number[1]));
    }
  });
});
