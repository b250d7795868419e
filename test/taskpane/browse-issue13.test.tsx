/** @jest-environment jsdom */
// The Browse tab as an analyst meets it (issue 13): an empty result offers no empty download, and a date
// range says what it leaves out (undated records, a from-date after the to-date) with a way back.
import "@testing-library/jest-dom";
import { act, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../src/taskpane/App";
import { sharedStore } from "../../src/core/data/store";
import { dataset, rec } from "../excel/syntheticRecords";

beforeAll(() => {
  // jsdom has no layout: give react-window a size and the APIs Fluent and react-window probe.
  (globalThis as any).ResizeObserver = class { observe() {} unobserve() {} disconnect() {} };
  window.matchMedia = window.matchMedia || ((q: string) => ({ matches: false, media: q, addEventListener() {}, removeEventListener() {}, addListener() {}, removeListener() {}, onchange: null, dispatchEvent: () => false }) as any);
  Object.defineProperty(HTMLElement.prototype, "clientHeight", { configurable: true, get: () => 300 });
  Object.defineProperty(HTMLElement.prototype, "offsetHeight", { configurable: true, get: () => 300 });
  Object.defineProperty(HTMLElement.prototype, "offsetWidth", { configurable: true, get: () => 400 });
});

// Two dated records, three undated ones (one of them a policy).
const records = [
  rec({ id: "d1", kind: "project", title: "Dated furnace", date: "2024-05-16", evidence: "Test Works lit the dated furnace on May 16, 2024." }),
  rec({ id: "d2", kind: "event", title: "Dated fair", date: "2023-03", evidence: "The dated fair was held in March 2023." }),
  rec({ id: "u1", kind: "project", title: "Undated kiln", date: "", evidence: "Test Works runs an undated kiln." }),
  rec({ id: "u2", kind: "project", title: "Undated line", date: "", evidence: "Test Works built an undated line." }),
  rec({ id: "u3", kind: "policy", title: "Undated rules", date: "", evidence: "The Test Ministry has undated rules." }),
];

beforeEach(() => {
  act(() => {
    sharedStore().replace(dataset(records, { version: "2024-10-01.issue13" }), "bundled");
  });
});

describe("downloads of an empty result", () => {
  it("are disabled with the reason, and enabled again once records match", async () => {
    const user = userEvent.setup();
    render(<App mode="preview" dark={false} />);
    const buttons = ["Download .xlsx", "Download .csv", "Copy"].map((name) => screen.getByRole("button", { name }));
    for (const b of buttons) expect(b).not.toHaveAttribute("aria-disabled", "true");
    expect(screen.queryByTestId("download-reason")).toBeNull();

    await user.type(screen.getByLabelText("Text in title or evidence"), "no such words anywhere");
    await waitFor(() => expect(screen.getByTestId("record-count")).toHaveTextContent("0 of 5 records"));
    const reason = screen.getByTestId("download-reason");
    expect(reason).toHaveTextContent("No records match the filters: nothing to download or copy.");
    for (const b of buttons) {
      expect(b).toHaveAttribute("aria-disabled", "true");
      expect(b).toHaveAccessibleDescription(reason.textContent!);
    }
    // a click does nothing: no "Preparing the .xlsx…", no file
    await user.click(buttons[0]);
    await user.click(buttons[1]);
    expect(screen.getByTestId("action-status")).toHaveTextContent("");

    await user.clear(screen.getByLabelText("Text in title or evidence"));
    await waitFor(() => expect(screen.getByTestId("record-count")).toHaveTextContent("5 records"));
    for (const b of buttons) expect(b).not.toHaveAttribute("aria-disabled", "true");
    expect(screen.queryByTestId("download-reason")).toBeNull();
  });
});
