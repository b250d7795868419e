/** @jest-environment jsdom */
// The task pane in jsdom: filters and count, keyboard access to the evidence, the function builder
// computing through the query core, the Data tab, and the Excel insert flow's questions (over the
// fake Excel of test/excel).
import "@testing-library/jest-dom";
import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../src/taskpane/App";
import ExcelJob from "../../src/taskpane/browse/ExcelJob";
import { sharedStore } from "../../src/core/data/store";
import { filterRecords, presetById, specForPreset } from "../../src/core/table";
import { buildFormula } from "../../src/taskpane/functions/formula";
import { luminance, previewThemeIsDark } from "../../src/taskpane/host";
import { dataset, rec } from "../excel/syntheticRecords";
import { FakeBook, fakeExcel } from "../excel/fakeExcel";
import { installJsdomLayout } from "../support/jsdomLayout";

// jsdom has no layout: popups' positioning (floating-ui) would measure nothing through hundreds of
// getComputedStyle calls over Fluent's style sheets (10 s for one click on the subject box under load).
// What is tested here does not depend on where a popup is drawn.
jest.mock("@fluentui/react-positioning", () => ({
  ...jest.requireActual("@fluentui/react-positioning"),
  usePositioning: () => ({ targetRef: () => undefined, containerRef: () => undefined, arrowRef: () => undefined }),
}));

beforeAll(() => {
  installJsdomLayout();
});

const records = [
  rec({ id: "w1", kind: "weight_saving", subject: "Acme Test Motors", organizations: ["Acme Test Motors"], title: "Test rear body", product: "rear body", value: 21.8, unit: "%", date: "2024-10", evidence: "Acme Test Motors said the test rear body is 21.8% lighter." }),
  rec({ id: "p1", kind: "policy", subject: "Test Ministry", organizations: ["Test Ministry"], title: "Synthetic Magnesium Rules", date: "2024-05-16", evidence: "The Test Ministry issued the Synthetic Magnesium Rules on May 16." }),
  rec({ id: "c1", kind: "capacity", subject: "Beta Test Works", organizations: ["Beta Test Works"], title: "Beta hydride line", date: "", value: 1000, unit: "t", per: "year", evidence: "Beta Test Works can make 1,000 t of hydride a year." }),
  rec({ id: "e1", kind: "event", subject: "Gamma Test Fair", organizations: ["Gamma Test Fair"], title: "Gamma fair", date: "2024-03", evidence: "The Gamma fair was held in March." }),
];

beforeEach(() => {
  act(() => {
    sharedStore().replace(dataset(records, { version: "2024-10-01.test" }), "bundled");
  });
});

describe("Browse", () => {
  it("filters by preset and text with a live count", async () => {
    const user = userEvent.setup();
    render(<App mode="preview" dark={false} />);
    expect(screen.getByTestId("record-count")).toHaveTextContent("4 records");
    await user.click(screen.getByRole("button", { name: "Policy dates" }));
    expect(screen.getByRole("button", { name: "Policy dates" })).toHaveAttribute("aria-pressed", "true");
    await waitFor(() => expect(screen.getByTestId("record-count")).toHaveTextContent("1 of 4 records"));
    expect(screen.getByText("as MG_Policies")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Policy dates" }));
    await user.type(screen.getByLabelText("Text in title or evidence"), "HYDRIDE");
    await waitFor(() => expect(screen.getByTestId("record-count")).toHaveTextContent("1 of 4 records"));
    expect(screen.getByText("Beta hydride line")).toBeInTheDocument();
  });

  it("shows a record's evidence and source link with the keyboard alone", async () => {
    const user = userEvent.setup();
    render(<App mode="preview" dark={false} />);
    const list = screen.getByRole("listbox", { name: /Matching records/ });
    act(() => list.focus());
    await user.keyboard("{ArrowDown}");
    const details = await screen.findByTestId("record-details");
    // newest first: 2024-10 (w1) then 2024-05-16 (p1)
    expect(details).toHaveTextContent("The Test Ministry issued the Synthetic Magnesium Rules on May 16.");
    expect(within(details).getByRole("link")).toHaveAttribute("href", "https://example.test/articles/1");
    expect(list).toHaveAttribute("aria-activedescendant", "mg-row-1");
  });

  it("never turns a non-http source URL from the data into a live link", async () => {
    act(() => {
      sharedStore().replace(dataset([rec({ id: "x1", title: "Scripted source", source_title: "Feed article", source_url: "javascript:alert(document.domain)" })], { version: "2024-10-02.test" }), "bundled");
    });
    const user = userEvent.setup();
    render(<App mode="preview" dark={false} />);
    act(() => screen.getByRole("listbox", { name: /Matching records/ }).focus());
    await user.keyboard("{Home}");
    const details = await screen.findByTestId("record-details");
    expect(details).toHaveTextContent("Feed article");
    expect(within(details).queryByRole("link")).toBeNull();
    expect(details.querySelector("a[href]")).toBeNull();
  });

  it("offers download and copy in preview, insert and refresh in Excel", () => {
    const { unmount } = render(<App mode="preview" dark={false} />);
    expect(screen.getByRole("button", { name: "Download .xlsx" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Download .csv" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Copy" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Insert table" })).toBeNull();
    unmount();
    render(<App mode="excel" dark />);
    expect(screen.getByRole("button", { name: "Insert table" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Refresh MG tables" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Download .xlsx" })).toBeNull();
  });

  it("filters by kind, subject and dates behind More filters, and says so when collapsed", async () => {
    const user = userEvent.setup();
    render(<App mode="preview" dark={false} />);
    await user.click(screen.getByRole("button", { name: "More filters" }));
    await screen.findByTestId("more-filters");
    await user.type(screen.getByLabelText("From"), "2024-05-01");
    await waitFor(() => expect(screen.getByTestId("record-count")).toHaveTextContent("2 of 4 records"));
    await user.click(screen.getByRole("button", { name: "Fewer filters" }));
    expect(screen.getByText(/Also filtered by dates: 2024-05-01/)).toBeInTheDocument();
  });
});

describe("Section tabs", () => {
  it("work from the keyboard: one tab in the Tab order, arrows/Home/End move, Enter chooses", async () => {
    const user = userEvent.setup();
    render(<App mode="preview" dark={false} />);
    const list = screen.getByRole("tablist", { name: "Sections" });
    const tabs = within(list).getAllByRole("tab");
    expect(tabs.map((t) => t.textContent)).toEqual(["Browse", "Prices", "Functions", "Data"]);
    expect(tabs.map((t) => t.getAttribute("aria-selected"))).toEqual(["true", "false", "false", "false"]);
    expect(tabs.map((t) => t.tabIndex)).toEqual([0, -1, -1, -1]);
    act(() => tabs[0].focus());
    await user.keyboard("{End}");
    expect(tabs[3]).toHaveFocus();
    await user.keyboard("{ArrowRight}");
    expect(tabs[0]).toHaveFocus();
    await user.keyboard("{ArrowLeft}{ArrowLeft}");
    expect(tabs[2]).toHaveFocus();
    expect(tabs[0]).toHaveAttribute("aria-selected", "true"); // moving is not choosing
    await user.keyboard("{Enter}");
    expect(tabs[2]).toHaveAttribute("aria-selected", "true");
    expect(screen.getByRole("tabpanel")).toHaveAttribute("aria-labelledby", "tab-functions");
    await screen.findByTestId("fn-formula");
  });
});

describe("Functions tab", () => {
  it("computes the live result through the query core and builds the formula", async () => {
    const user = userEvent.setup();
    render(<App mode="preview" dark={false} />);
    await user.click(screen.getByRole("tab", { name: "Functions" }));
    const subject = await screen.findByRole("combobox", { name: /subject/ });
    await user.click(subject);
    await user.paste("acme test motors");
    expect(screen.getByTestId("fn-formula")).toHaveTextContent('=MG.WEIGHTSAVING("acme test motors")');
    // the synthetic record's sentence says 21.8%
    await waitFor(() => expect(screen.getByTestId("fn-result")).toHaveTextContent("21.8"));
    await user.clear(subject);
    await user.paste("Nobody Known");
    await waitFor(() => expect(screen.getByTestId("fn-result")).toHaveTextContent(/^#N\/A/));
    expect(screen.getByText("Reference")).toBeInTheDocument();
    expect(screen.getAllByText(/^=MG\./).length).toBeGreaterThanOrEqual(10);
  });

  it("quotes arguments the way Excel reads them", () => {
    expect(buildFormula("FACT", ["Say \"hi\" Co", "evidence", ""])).toBe('=MG.FACT("Say ""hi"" Co", "evidence")');
    expect(buildFormula("EVENTS", ["", "Baowu", "", ""])).toBe('=MG.EVENTS("", "Baowu")');
    expect(buildFormula("DATAINFO", [])).toBe("=MG.DATAINFO()");
  });
});

describe("Data tab", () => {
  it("shows version, counts per kind and the sources with links", async () => {
    const user = userEvent.setup();
    render(<App mode="preview" dark={false} />);
    await user.click(screen.getByRole("tab", { name: "Data" }));
    expect(await screen.findByTestId("data-version")).toHaveTextContent("2024-10-01.test");
    const kinds = screen.getByRole("table", { name: "Records per kind" });
    expect(within(kinds).getByRole("row", { name: "weight saving 1" })).toBeInTheDocument();
    expect(within(kinds).getByRole("row", { name: "standard 0" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "A synthetic article" })).toHaveAttribute("href", "https://example.test/articles/1");
    expect(screen.getByTestId("refresh-slot")).toBeInTheDocument();
  });
});

describe("Excel insert flow", () => {
  const policies = specForPreset(presetById("policies")!);
  const snapshot = () => sharedStore().current()!;

  it("asks before overwriting, then inserts", async () => {
    const user = userEvent.setup();
    const book = new FakeBook();
    book.sheet.setTyped(1, 1, "something");
    const done = jest.fn();
    render(<ExcelJob job={{ type: "insert", id: 1 }} spec={policies} records={filterRecords(records, policies.filter)} snapshot={snapshot()} onDone={done} run={fakeExcel(book).run} />);
    const dialog = await screen.findByRole("alertdialog");
    expect(dialog).toHaveTextContent("Sheet1!A1:J2");
    // says what stopping the insert would do to the cells it overwrites
    expect(screen.getByTestId("overwrite-cancel-note")).toHaveTextContent("those cells get their values, formulas and number formats back");
    await user.click(within(dialog).getByRole("button", { name: "Overwrite" }));
    await waitFor(() => expect(done).toHaveBeenCalledWith("Inserted MG_Policies at Sheet1!A1:J2 (1 rows)."));
    expect(book.tableByName("MG_Policies")).toBeDefined();
  });

  it("offers to refresh an existing MG table instead", async () => {
    const user = userEvent.setup();
    const book = new FakeBook();
    const run = fakeExcel(book).run;
    const { insertTable } = await import("../../src/excel/writer");
    await insertTable(run, { spec: policies, records: [], datasetVersion: "old" });
    book.select("M1");
    const done = jest.fn();
    render(<ExcelJob job={{ type: "insert", id: 1 }} spec={policies} records={filterRecords(records, policies.filter)} snapshot={snapshot()} onDone={done} run={run} />);
    const dialog = await screen.findByRole("alertdialog");
    await user.click(within(dialog).getByRole("button", { name: "Refresh MG_Policies" }));
    await waitFor(() => expect(done).toHaveBeenCalledWith("MG_Policies: 0 → 1 rows."));
  });
});

describe("theme", () => {
  it("follows ?theme= first, then prefers-color-scheme; reads Office's background brightness", () => {
    expect(previewThemeIsDark("?theme=dark")).toBe(true);
    expect(previewThemeIsDark("?theme=light", () => ({ matches: true }))).toBe(false);
    expect(previewThemeIsDark("", () => ({ matches: true }))).toBe(true);
    expect(luminance("#000000")).toBe(0);
    expect(luminance("#ffffff")).toBeCloseTo(1);
    expect(luminance("#262626")).toBeLessThan(0.2);
  });
});

describe("tables made from older data", () => {
  afterEach(() => { delete (globalThis as any).Excel; });

  it("after the data is refreshed, says which MG tables are from the older version and refreshes them from the notice", async () => {
    const user = userEvent.setup();
    const book = new FakeBook();
    const { run } = fakeExcel(book);
    (globalThis as any).Excel = { run };
    const policies = specForPreset(presetById("policies")!);
    const { insertTable } = await import("../../src/excel/writer");
    await insertTable(run, { spec: policies, records: filterRecords(records, policies.filter), datasetVersion: "2024-10-01.test" });
    render(<App mode="excel" dark={false} />);
    expect(screen.queryByTestId("stale-tables")).toBeNull(); // the data in use made them: nothing to say
    // a feed refresh swaps the data in use for a newer version with one more policy
    const newer = [...records, rec({ id: "p2", kind: "policy", subject: "Test Ministry", title: "Synthetic Rules, second part", date: "2024-09-02", evidence: "The Test Ministry issued a second part on September 2." })];
    act(() => { sharedStore().replace(dataset(newer, { version: "2024-11-01.test" }), "feed"); });
    const notice = await screen.findByTestId("stale-tables");
    expect(notice).toHaveTextContent("1 MG table was made from version 2024-10-01.test; the data in use is version 2024-11-01.test.");
    await user.click(within(notice).getByRole("button", { name: "Refresh MG tables" }));
    await waitFor(() => expect(screen.getByTestId("stale-tables-result")).toHaveTextContent("MG_Policies: 1 → 2 rows."));
    expect(within(screen.getByTestId("stale-tables")).queryByRole("button", { name: "Refresh MG tables" })).toBeNull();
    expect(book.tableByName("MG_Policies")!.rows).toBe(3);
  });
});
