/** @jest-environment jsdom */
// What the Data tab and the record detail call a source, and what "As of" means: an analyst reads a
// title, a site or "Untitled article" (never an internal source id), "date not stated" (never "unknown"),
// and "As of" is the newest fact, not the newest article.
import "@testing-library/jest-dom";
import { act, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../src/taskpane/App";
import { sharedStore } from "../../src/core/data/store";
import { newestFactDate, sourceName, sourcePublisher, urlHost } from "../../src/taskpane/sourceLabel";
import { dataset, rec } from "../excel/syntheticRecords";
import { installJsdomLayout } from "../support/jsdomLayout";

beforeAll(() => {
  installJsdomLayout();
});

// Synthetic sources: a titled article, one on a site with no title or outlet, one with nothing but the file it came from.
const SOURCES = [
  { source_id: "titled-source", title: "A synthetic article", outlet: "Test Outlet", url: "https://example.test/articles/1", published: "2024-06-01", origin: "corpus/titled.txt", format: "text" as const, record_count: 2 },
  { source_id: "site-only-source", title: "", outlet: "", url: "https://www.news.example.test/item?id=7", published: "", origin: "corpus/site.txt", format: "text" as const, record_count: 1 },
  { source_id: "bare-source-id-1234", title: "", outlet: "", url: "", published: "", origin: "corpus/untitled-note.txt", format: "text" as const, record_count: 1 },
];
const RECORDS = [
  rec({ id: "r1", kind: "policy", title: "Synthetic rules", date: "2024-05-16", source_id: "titled-source", source_published: "2024-06-01", evidence: "The Test Ministry issued the Synthetic rules on May 16." }),
  // a plan for after the article: not what the data is "as of"
  rec({ id: "r2", kind: "event", title: "Synthetic fair", date: "2026-01", source_id: "titled-source", source_published: "2024-06-01", evidence: "The Synthetic fair will open in January 2026." }),
  rec({ id: "r3", kind: "capacity", title: "Site-only plant", date: "", source_id: "site-only-source", source_title: "", source_outlet: "", source_url: "https://www.news.example.test/item?id=7", source_published: "", evidence: "Testco can make 5 t a year." }),
  rec({ id: "r4", kind: "capacity", title: "Bare plant", date: "2023-02", source_id: "bare-source-id-1234", source_title: "", source_outlet: "", source_url: "", source_published: "", evidence: "Bareco can make 7 t a year." }),
];

beforeEach(() => {
  act(() => {
    sharedStore().replace(dataset(RECORDS, { version: "2024-06-01.labels", as_of: "2024-06-01", sources: SOURCES }), "bundled");
  });
});

it("names sources by title, site or 'Untitled article', and says 'date not stated'", () => {
  expect(urlHost("https://www.news.example.test/item?id=7")).toBe("news.example.test");
  expect(urlHost("javascript:alert(1)")).toBe("");
  expect(sourceName(SOURCES[0])).toBe("A synthetic article");
  expect(sourceName(SOURCES[1])).toBe("Article on news.example.test");
  expect(sourceName(SOURCES[2])).toBe("Untitled article");
  expect(sourcePublisher({ title: "A title", outlet: "", url: "https://www.news.example.test/x" })).toBe("news.example.test");
  expect(sourcePublisher(SOURCES[1])).toBe(""); // its name already says the site
});

it("As of is the newest fact that had happened when reported, not the newest source", () => {
  expect(newestFactDate(RECORDS)).toBe("2024-05-16");
  expect(newestFactDate([])).toBe("");
});

it("the Data tab shows the newest fact, the newest source, and sources an analyst can read", async () => {
  const user = userEvent.setup();
  render(<App mode="preview" dark={false} />);
  await user.click(screen.getByRole("tab", { name: "Data" }));
  expect(await screen.findByTestId("data-as-of")).toHaveTextContent("2024-05-16 (newest dated record)");
  expect(screen.getByTestId("data-newest-source")).toHaveTextContent("2024-06-01");
  const table = screen.getByRole("table", { name: "Sources" });
  const text = table.textContent ?? "";
  expect(text).not.toMatch(/bare-source-id-1234|site-only-source|unknown/);
  expect(within(table).getByRole("link", { name: "Article on news.example.test" })).toHaveAttribute("href", "https://www.news.example.test/item?id=7");
  const bare = within(table).getByText("Untitled article", { exact: false }).closest("tr")!;
  expect([...bare.cells].map((c) => c.textContent)).toEqual(["Untitled article · read from untitled-note.txt", "date not stated", "1"]);
  expect(within(table).getAllByText("date not stated")).toHaveLength(2);
});

it("the record detail names a source without a title by its site, and its missing date as such", async () => {
  const user = userEvent.setup();
  render(<App mode="preview" dark={false} />);
  await user.type(screen.getByLabelText("Text in title or evidence"), "Site-only");
  act(() => screen.getByRole("listbox", { name: /Matching records/ }).focus());
  const details = await screen.findByRole("region", { name: "Evidence and source of the selected record" });
  expect(details).toHaveAttribute("tabindex", "0");
  expect(within(details).getByTestId("record-source")).toHaveTextContent(/^Article on news\.example\.test · date not stated$/);
});
