/** @jest-environment jsdom */
// The Browse tab as an analyst meets it (issue 13): an empty result offers no empty download, and a date
// range says what it leaves out (undated records, a from-date after the to-date) with a way back.
import "@testing-library/jest-dom";
import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../src/taskpane/App";
import { sharedStore } from "../../src/core/data/store";
import { dataset, rec } from "../excel/syntheticRecords";
import { installJsdomLayout } from "../support/jsdomLayout";

beforeAll(() => {
  installJsdomLayout();
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

describe("a date range", () => {
  it("says how many undated records it leaves out and keeps them in one click", async () => {
    const user = userEvent.setup();
    render(<App mode="preview" dark={false} />);
    expect(screen.queryByTestId("date-range-notice")).toBeNull();
    await user.click(screen.getByRole("button", { name: "More filters" }));
    await screen.findByTestId("more-filters");
    await user.type(screen.getByLabelText("From"), "2024-01-01");
    // only the furnace (2024-05-16) is in the range; the three undated records cannot be placed
    await waitFor(() => expect(screen.getByTestId("record-count")).toHaveTextContent("1 of 5 records"));
    const notice = screen.getByTestId("date-range-notice");
    expect(notice).toHaveTextContent("The date range leaves out 3 records without a date.");
    const include = within(notice).getByRole("button", { name: "Include 3 undated" });
    expect(include).toHaveAttribute("aria-pressed", "false");

    await user.click(include);
    await waitFor(() => expect(screen.getByTestId("record-count")).toHaveTextContent("4 of 5 records"));
    expect(screen.getByText("Undated kiln")).toBeInTheDocument();
    expect(screen.getByTestId("date-range-notice")).toHaveTextContent("Kept 3 records without a date, which the range cannot place.");
    expect(screen.getByRole("button", { name: "Include 3 undated" })).toHaveAttribute("aria-pressed", "true");
    // the collapsed panel says so too
    await user.click(screen.getByRole("button", { name: "Fewer filters" }));
    expect(screen.getByText(/Also filtered by dates: 2024-01-01 to …, undated included/)).toBeInTheDocument();
    // and a preset counts only its own undated records
    await user.click(screen.getByRole("button", { name: "Projects" }));
    await waitFor(() => expect(screen.getByTestId("record-count")).toHaveTextContent("3 of 5 records"));
    expect(screen.getByTestId("date-range-notice")).toHaveTextContent("Kept 2 records without a date");

    await user.click(screen.getByRole("button", { name: "Include 2 undated" }));
    await waitFor(() => expect(screen.getByTestId("record-count")).toHaveTextContent("1 of 5 records"));
    expect(screen.getByTestId("date-range-notice")).toHaveTextContent("The date range leaves out 2 records without a date.");
  });

  it("says plainly when From is after To, and swaps them in one click", async () => {
    const user = userEvent.setup();
    render(<App mode="preview" dark={false} />);
    await user.click(screen.getByRole("button", { name: "More filters" }));
    await screen.findByTestId("more-filters");
    await user.type(screen.getByLabelText("From"), "2024-06-30");
    await user.type(screen.getByLabelText("To"), "2024-01-01");
    await waitFor(() => expect(screen.getByTestId("record-count")).toHaveTextContent("0 of 5 records"));
    const notice = screen.getByTestId("date-range-notice");
    expect(notice).toHaveTextContent("From (2024-06-30) is after To (2024-01-01): no date can be in this range.");
    await user.click(within(notice).getByRole("button", { name: "Swap the dates" }));
    expect(screen.getByLabelText("From")).toHaveValue("2024-01-01");
    expect(screen.getByLabelText("To")).toHaveValue("2024-06-30");
    await waitFor(() => expect(screen.getByTestId("record-count")).toHaveTextContent("1 of 5 records"));
    expect(screen.getByTestId("date-range-notice")).not.toHaveTextContent(/is after To/);
  });
});
