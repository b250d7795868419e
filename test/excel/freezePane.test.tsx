/** @jest-environment jsdom */
// The pane's Freeze panel and the changed-cells list over the office-addin-mock workbook: Freeze then
// Restore from the buttons (the outcome sentence says what happened), nothing to do in preview, and after
// a refresh the cell that now answers #N/A is listed first, with old -> new and the record that changed.
import { TextDecoder, TextEncoder } from "util";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import "@testing-library/jest-dom";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { FreezeBook, freezeExcel } from "./freezeWorkbook";
import { FreezePanel } from "../../src/taskpane/freeze/FreezePanel";
import { ChangedCells } from "../../src/taskpane/freeze/ChangedCells";
import { rec, dataset } from "./syntheticRecords";
import { buildIndex } from "../../src/core/query/recordIndex";
import type { DataSnapshot } from "../../src/core/data/store";
import { evaluateCall, mgCalls } from "../../src/core/freeze";
import { isAnswerError } from "../../src/core/query/answer";
import { diffRecords } from "../../src/core/feed/diff";
import type { Dataset } from "../../src/core/model/dataset";

Object.assign(globalThis, { TextDecoder, TextEncoder });
(globalThis as any).ResizeObserver ??= class { observe() {} unobserve() {} disconnect() {} };

// invented organisations and sentences (test/excel/syntheticRecords.ts)
const ws = rec({ id: "ws-1", kind: "weight_saving", subject: "Acme Test Motors", value: 21.8, unit: "%", date: "2024-10", evidence: "Acme Test Motors said the test door is 21.8% lighter." });
const pol = rec({ id: "pol-1", kind: "policy", subject: "Test Ministry", title: "Synthetic Recycling Rules", date: "2024-03-15", evidence: "The Test Ministry issued the Synthetic Recycling Rules on March 15, 2024." });
const snap = (d: Dataset): DataSnapshot => ({ dataset: d, index: buildIndex(d), origin: "bundled" });

function bookOn(s: () => DataSnapshot): FreezeBook {
  const book = new FreezeBook(["Model"]);
  book.calc = (formula, sheet) => {
    const res = evaluateCall(mgCalls(formula, sheet)[0], s(), new Map());
    if (res.status !== "answered" || isAnswerError(res.answer)) return "#N/A";
    return res.answer.value;
  };
  return book;
}

const wrap = (ui: React.ReactElement) => render(<FluentProvider theme={webLightTheme}>{ui}</FluentProvider>);

describe("Freeze panel", () => {
  it("freezes the sheet and restores it from the buttons", async () => {
    const snapshot = snap(dataset([ws, pol]));
    const book = bookOn(() => snapshot);
    book.type("Model", "B2", '=MG.WEIGHTSAVING("Acme Test Motors")');
    const { run } = freezeExcel(book);
    wrap(<FreezePanel mode="excel" snapshot={snapshot} run={run} />);
    await userEvent.click(screen.getByRole("button", { name: "Freeze MG formulas" }));
    await waitFor(() => expect(screen.getByTestId("freeze-outcome").textContent).toBe("1 MG formula in this sheet frozen to values; their sources are in MG_Sources (sheet MG_Sources)."));
    expect(book.sheetNamed("Model")!.get(1, 1)).toMatchObject({ value: 21.8, formula: false });
    await userEvent.click(screen.getByRole("button", { name: "Restore formulas" }));
    await waitFor(() => expect(screen.getByTestId("freeze-outcome").textContent).toBe("1 MG formula restored from MG_Sources."));
    expect(book.sheetNamed("Model")!.get(1, 1)).toMatchObject({ value: '=MG.WEIGHTSAVING("Acme Test Motors")', formula: true });
  });

  it("in preview there is no workbook: the buttons are off and the pane says why", () => {
    wrap(<FreezePanel mode="preview" snapshot={snap(dataset([ws]))} />);
    expect(screen.getByRole("button", { name: "Freeze MG formulas" })).toBeDisabled();
    expect(screen.getByRole("button", { name: "Restore formulas" })).toBeDisabled();
    expect(screen.getByTestId("freeze-preview-note").textContent).toMatch(/open the add-in in Excel/);
  });
});

describe("changed MG cells after a refresh", () => {
  it("lists a cell that now answers #N/A first, then old -> new with the record that changed", async () => {
    const before = snap(dataset([ws, pol]));
    const after = snap(dataset([{ ...ws, value: 23.4, evidence: "Acme Test Motors said the test door is 23.4% lighter." }], { version: "2025-01-01.synthetic" }));
    let current = before;
    const book = bookOn(() => current);
    book.type("Model", "A1", '=MG.WEIGHTSAVING("Acme Test Motors")');
    book.type("Model", "A2", '=MG.POLICYDATE("Test Ministry")');
    current = after;
    book.recalc();
    const { run } = freezeExcel(book);
    wrap(<ChangedCells before={before} after={after} diff={diffRecords(before.dataset.records, after.dataset.records)} run={run} />);
    const items = await screen.findAllByTestId("changed-cell");
    expect(items.map((i) => i.textContent)).toEqual([
      expect.stringMatching(/^Now #N\/AModel!A2: 45366 → #N\/A/),
      expect.stringMatching(/^ChangedModel!A1: 21\.8 → 23\.4MG\.WEIGHTSAVING\("Acme Test Motors"\) — record ws-1 changed: value 21\.8 → 23\.4; evidence/),
    ]);
    expect(screen.getByText("2 of 2 MG cells answer differently.")).toBeTruthy();
  });
});
