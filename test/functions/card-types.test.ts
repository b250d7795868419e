// The card is shaped like Office's own types: the objects src/core/card builds (no Office import there) are
// assigned below to variables typed with @types/office-js, so `npx tsc --noEmit -p tsconfig.json` (which
// includes test/) refuses any drift. The test at the end runs the same check through the compiler API on
// this file alone, so `npx jest` catches it too, and proves the check is not vacuous (a wrong shape fails).
import * as path from "path";
import * as ts from "typescript";
import { CARD_PROPERTY as P, cardOfAnswer, sourceCard, type SourceCard } from "../../src/core/card/card";
import { DataStore } from "../../src/core/data/store";
import { isAnswerError } from "../../src/core/query/answer";
import { evaluateMg } from "../../src/functions/evaluate";
import { SCALAR_CALLS, cardDataset } from "./cardFixtures";

// ---- compile-time: every part of the card against the Office.js type it stands for
const build: (...a: Parameters<typeof sourceCard>) => Excel.DoubleCellValue = sourceCard;
const asCellValue = (c: SourceCard): Excel.CellValue => c;
const asDouble = (c: SourceCard): Excel.DoubleCellValue => c;
const asLayouts = (c: SourceCard): Excel.BasicViewLayouts => c.layouts;
const asCardLayout = (c: SourceCard): Excel.BasicCardLayout => c.layouts.card;
const asSections = (c: SourceCard): Excel.CardLayoutSection[] => c.layouts.card.sections;
const asProvider = (c: SourceCard): Excel.CellValueProviderAttributes => c.provider;
const asProperties = (c: SourceCard): { [key: string]: Excel.EntityPropertyType } => c.properties;
const asProperty = (c: SourceCard): Excel.CellValueAndPropertyMetadata => c.properties[P.evidence];
const asMetadata = (c: SourceCard): Excel.CellValuePropertyMetadata | undefined => c.properties[P.evidence].propertyMetadata;
const asAttribution = (c: SourceCard): Excel.CellValueAttributionAttributes[] | undefined => c.properties[P.evidence].propertyMetadata?.attribution;
const basicType = (c: SourceCard): Excel.RangeValueType.double | "Double" | undefined => c.basicType;

// A shape Office does not accept must not compile (each line below is an error tsc expects).
const wrong = (c: SourceCard) => {
  // @ts-expect-error a Double's basicValue is a number
  const a: Excel.DoubleCellValue = { ...c, basicValue: "38" };
  // @ts-expect-error "Number" is no cell value type
  const b: Excel.DoubleCellValue = { ...c, type: "Number" };
  // @ts-expect-error a card section lays out its properties as a List, Table or TwoColumn
  const s: Excel.CardLayoutSection = { layout: "Grid", properties: [] };
  return [a, b, s];
};
void [build, asCellValue, asDouble, asLayouts, asCardLayout, asSections, asProvider, asProperties, asProperty, asMetadata, asAttribution, basicType, wrong];

// ---- run time: the cards of every scalar call are values of the shape above
it("every scalar call's card is an Excel.DoubleCellValue with a card layout and a provider", () => {
  const snap = new DataStore().replace(cardDataset(), "bundled");
  for (const c of SCALAR_CALLS) {
    const answer = evaluateMg(c.fn, c.args, snap);
    if (isAnswerError(answer)) throw new Error(answer.message);
    const cell: Excel.DoubleCellValue | undefined = cardOfAnswer(c.fn, c.args, answer, snap.index.dataset);
    expect(cell).toMatchObject({ type: "Double", basicType: "Double", basicValue: answer.value, provider: { description: "Magnesium Tracker" }, layouts: { card: { layout: "Entity" } } });
  }
});

it("type-checks against @types/office-js (this file alone, through the TypeScript compiler)", () => {
  const file = path.join(__dirname, "card-types.test.ts");
  const config = ts.getParsedCommandLineOfConfigFile(path.join(__dirname, "..", "..", "tsconfig.json"), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })!;
  const program = ts.createProgram([file], { ...config.options, noEmit: true });
  const problems = ts.getPreEmitDiagnostics(program).map((d) => `${d.file ? path.relative(process.cwd(), d.file.fileName) : ""}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`);
  expect(problems).toEqual([]);
  // the check sees Office's real types: Excel.DoubleCellValue resolves to the interface of @types/office-js
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file)!;
  let declaredIn = "";
  const visit = (n: ts.Node): void => {
    if (!declaredIn && ts.isVariableDeclaration(n) && n.name.getText(source) === "build") {
      const returned = checker.getTypeAtLocation(n).getCallSignatures()[0].getReturnType();
      declaredIn = `${checker.typeToString(returned)} in ${returned.getSymbol()?.declarations?.[0]?.getSourceFile().fileName ?? "?"}`;
    }
    ts.forEachChild(n, visit);
  };
  visit(source);
  expect(declaredIn).toMatch(/^DoubleCellValue in .*node_modules\/@types\/office-js\/index\.d\.ts$/);
}, 60_000);
