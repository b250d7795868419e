/** @jest-environment jsdom */
// The function builder (issue 13): the formula is what the boxes show (a name typed over a picked one,
// Esc that only closes the suggestions), and a cell reference goes into the formula as a reference.
import "@testing-library/jest-dom";
import { act, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../src/taskpane/App";
import { sharedStore } from "../../src/core/data/store";
import { buildFormula, isCellReference } from "../../src/taskpane/functions/formula";
import { dataset, rec } from "../excel/syntheticRecords";
import { installJsdomLayout } from "../support/jsdomLayout";

// jsdom has no layout: the suggestion list's positioning (floating-ui) would only measure nothing through
// hundreds of getComputedStyle calls over Fluent's style sheets (seconds per keystroke). What is tested here
// (text, formula, list open or closed) does not depend on where the list is drawn.
jest.mock("@fluentui/react-positioning", () => ({
  ...jest.requireActual("@fluentui/react-positioning"),
  usePositioning: () => ({ targetRef: () => undefined, containerRef: () => undefined, arrowRef: () => undefined }),
}));

beforeAll(() => {
  installJsdomLayout();
});

const records = [
  rec({ id: "w1", kind: "weight_saving", subject: "Acme Test Motors", organizations: ["Acme Test Motors"], title: "Test rear body", product: "rear body", value: 21.8, unit: "%", date: "2024-10", evidence: "Acme Test Motors said the test rear body is 21.8% lighter." }),
  rec({ id: "w3", kind: "weight_saving", subject: "Borro Test Castings", organizations: ["Borro Test Castings"], title: "Test bracket", product: "bracket", value: 40, unit: "%", qualifier: "over", date: "2024-08", evidence: "Borro Test Castings said the test bracket is over 40% lighter." }),
  rec({ id: "w2", kind: "weight_saving", subject: "Zeta Test Drives", organizations: ["Zeta Test Drives"], title: "Test housing", product: "housing", value: 30, unit: "%", date: "2024-09", evidence: "Zeta Test Drives said the test housing is 30% lighter." }),
];

beforeEach(() => {
  act(() => {
    sharedStore().replace(dataset(records, { version: "2024-10-01.builder" }), "bundled");
  });
});

async function openBuilder() {
  const user = userEvent.setup();
  render(<App mode="preview" dark={false} />);
  await user.click(screen.getByRole("tab", { name: "Functions" }));
  const subject = (await screen.findByRole("combobox", { name: /subject/ })) as HTMLInputElement;
  return { user, subject, formula: () => screen.getByTestId("fn-formula").textContent };
}

describe("function builder", () => {
  it("uses a name typed over a picked one, as the box shows it", async () => {
    const { user, subject, formula } = await openBuilder();
    await user.click(subject);
    await user.type(subject, "Acme");
    await user.click(await screen.findByRole("option", { name: /Acme Test Motors/ }));
    expect(subject.value).toBe("Acme Test Motors");
    expect(formula()).toBe('=MG.WEIGHTSAVING("Acme Test Motors")');
    await waitFor(() => expect(screen.getByTestId("fn-result")).toHaveTextContent("21.8"));

    // typed over the pick (its text selected, then replaced): a name no option starts with
    await user.tripleClick(subject);
    await user.keyboard("Inovance");
    expect(subject.value).toBe("Inovance");
    expect(formula()).toBe('=MG.WEIGHTSAVING("Inovance")');
    await user.tab(); // leaving the box keeps it
    expect(subject.value).toBe("Inovance");
    expect(formula()).toBe('=MG.WEIGHTSAVING("Inovance")');
    await waitFor(() => expect(screen.getByTestId("fn-result")).toHaveTextContent(/^#N\/A/));

    // a few letters typed over a pick, then picking another name, gives that name
    await user.click(subject);
    await user.clear(subject);
    await user.type(subject, "Zeta");
    await user.click(await screen.findByRole("option", { name: /Zeta Test Drives/ }));
    expect(formula()).toBe('=MG.WEIGHTSAVING("Zeta Test Drives")');
    await waitFor(() => expect(screen.getByTestId("fn-result")).toHaveTextContent("30"));
  });

  it("says beside a previewed number that a qualified figure is a bound", async () => {
    const { user, subject } = await openBuilder();
    await user.click(subject);
    await user.type(subject, "Borro");
    await user.click(await screen.findByRole("option", { name: /Borro Test Castings/ }));
    await waitFor(() => expect(screen.getByTestId("fn-result")).toHaveTextContent("40"));
    expect(screen.getByTestId("fn-bound")).toHaveTextContent("over 40%");
    // a plain figure has no such note
    await user.tripleClick(subject);
    await user.keyboard("Acme Test Motors");
    await waitFor(() => expect(screen.getByTestId("fn-result")).toHaveTextContent("21.8"));
    expect(screen.queryByTestId("fn-bound")).toBeNull();
  });

  it("closes the suggestions on Esc and keeps the text", async () => {
    const { user, subject, formula } = await openBuilder();
    // after a pick, more typed: the pick no longer holds, the text does
    await user.click(subject);
    await user.type(subject, "Zeta");
    await user.click(await screen.findByRole("option", { name: /Zeta Test Drives/ }));
    await user.type(subject, " Co");
    expect(subject.value).toBe("Zeta Test Drives Co");
    await user.keyboard("{Escape}");
    expect(subject.value).toBe("Zeta Test Drives Co");
    expect(formula()).toBe('=MG.WEIGHTSAVING("Zeta Test Drives Co")');

    await user.clear(subject);
    await user.type(subject, "Acme Te");
    expect(await screen.findByRole("listbox")).toBeInTheDocument();
    expect(subject).toHaveAttribute("aria-expanded", "true");
    await user.keyboard("{Escape}");
    expect(subject).toHaveAttribute("aria-expanded", "false");
    expect(subject.value).toBe("Acme Te");
    expect(formula()).toBe('=MG.WEIGHTSAVING("Acme Te")');
    // a second Esc with the list closed still keeps the text
    await user.keyboard("{Escape}");
    expect(subject.value).toBe("Acme Te");
    expect(formula()).toBe('=MG.WEIGHTSAVING("Acme Te")');
  });

  it("puts a typed cell reference into the formula as a reference, not as text", async () => {
    const { user, subject, formula } = await openBuilder();
    for (const [typed, shown] of [["A1", "=MG.WEIGHTSAVING(A1)"], ["$B$2", "=MG.WEIGHTSAVING($B$2)"], ["Sheet1!C3", "=MG.WEIGHTSAVING(Sheet1!C3)"]]) {
      await user.clear(subject);
      await user.type(subject, typed);
      await user.keyboard("{Escape}");
      expect(formula()).toBe(shown);
    }
    // the pane cannot read the cell: it says the result comes from the cell in Excel, not #N/A for the text "Sheet1!C3"
    expect(screen.getByTestId("fn-result")).toHaveTextContent("Sheet1!C3");
    expect(screen.getByTestId("fn-result")).not.toHaveTextContent(/#N\/A|#VALUE!/);
    // in quotes, the same letters are the text
    await user.clear(subject);
    await user.type(subject, '"A1"');
    expect(formula()).toBe('=MG.WEIGHTSAVING("A1")');
  });
});

describe("formula text", () => {
  it("writes references unquoted and everything else as quoted text", () => {
    expect(buildFormula("FACT", ["B7", "evidence"])).toBe('=MG.FACT(B7, "evidence")');
    expect(buildFormula("FACT", ["'My Sheet'!$A$1", "Sheet2!A:A"])).toBe("=MG.FACT('My Sheet'!$A$1, Sheet2!A:A)");
    expect(buildFormula("FACT", [" a1 ", "A1:B2"])).toBe("=MG.FACT(a1, A1:B2)");
    expect(buildFormula("FACT", ['"B7"', 'say "hi"'])).toBe('=MG.FACT("B7", "say ""hi""")');
    expect(buildFormula("EVENTS", ["", "Baowu", "", ""])).toBe('=MG.EVENTS("", "Baowu")');
  });
  it("tells a cell reference from a name", () => {
    for (const ref of ["A1", "$B$2", "Sheet1!C3", "xfd1048576", "'Q1 data'!B2", "A1:C10", "$A:$A", "3:3"]) expect(isCellReference(ref)).toBe(true);
    for (const name of ["Acme", "Audi A4", "A1 Group", "XFE1", "A0", "A1048577", "Seres", "2024", "GB/T 3499-2023", "Sheet1!", "Acme!A1 Co"]) expect(isCellReference(name)).toBe(false);
  });
});
