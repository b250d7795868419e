/** @jest-environment jsdom */
// The Data tab's refresh panel with Testing Library: refresh shows the new version and the change list;
// a bad feed shows one sentence and leaves the version in use; revert puts the bundled data back.
import { TextDecoder, TextEncoder } from "util";
import { webcrypto } from "crypto";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { sharedStore } from "../../src/core/data/store";
import { RefreshController } from "../../src/core/feed/controller";
import { RefreshPanel } from "../../src/taskpane/refresh/RefreshPanel";
import { rangeRecords, syntheticDataset, syntheticRecord } from "./fixtures";
import type { FeedFiles } from "./feeds";

// jsdom lacks the Web APIs a browser has; give it Node's implementations of the same standards.
Object.assign(globalThis, { TextDecoder, TextEncoder });
// MessageBar measures itself; jsdom has no layout, so nothing to observe.
(globalThis as any).ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};
if (!globalThis.crypto?.subtle) Object.defineProperty(globalThis, "crypto", { value: webcrypto, configurable: true });

const bundled = syntheticDataset(rangeRecords(1, 4));
const newer = syntheticDataset([...rangeRecords(1, 3), syntheticRecord(9)], { version: "2021-06-01.cafebabe", as_of: "2021-06-01" });
// record 1's capacity revised and record 2's region named, the rest as bundled
const revised = syntheticDataset([syntheticRecord(1, { value: 1250.5 }), syntheticRecord(2, { region: "" }), syntheticRecord(3)], {
  version: "2021-07-01.c0ffee00",
  as_of: "2021-07-01",
});

/** A fetch over in-memory files returning the parts of Response the feed reader uses. */
function fetchFrom(feeds: Record<string, FeedFiles>) {
  return async (url: string) => {
    const m = /\/([^/]+)\/([^/]+)$/.exec(url)!;
    const body = feeds[m[1]]?.[m[2]];
    return {
      ok: !!body,
      status: body ? 200 : 404,
      statusText: body ? "OK" : "Not Found",
      headers: { get: () => null },
      body: null,
      arrayBuffer: async () => (body ?? new Uint8Array()).slice().buffer,
    } as unknown as Response;
  };
}

let feeds: Record<string, FeedFiles>;
beforeAll(async () => {
  const { feedFiles } = await import("./feeds");
  const good = await feedFiles(newer);
  feeds = { good, tampered: { ...good, "records.csv": good["records.csv"].slice(0, -1) }, revised: await feedFiles(revised) };
});

function setup(defaultUrl = "https://feeds.example.test/good/") {
  const store = sharedStore();
  store.replace(bundled, "bundled");
  const controller = new RefreshController({ store, loadBundled: async () => bundled, fetch: fetchFrom(feeds) });
  render(
    <FluentProvider theme={webLightTheme}>
      <RefreshPanel controller={controller} defaultUrl={defaultUrl} />
    </FluentProvider>,
  );
  return { store, controller, user: userEvent.setup() };
}

it("refreshes, shows the new version and what changed, then reverts", async () => {
  const { user, store } = setup();
  expect(screen.getByTestId("version-in-use").textContent).toBe("2021-02-03.0a1b2c3d");
  await user.click(screen.getByRole("button", { name: "Refresh" }));
  await waitFor(() => expect(screen.getByTestId("refresh-result").textContent).toBe(
    "Now using version 2021-06-01.cafebabe (as of 2021-06-01) with 3 records (1 added, 0 changed, 1 removed).",
  ));
  expect(screen.getByTestId("version-in-use").textContent).toBe("2021-06-01.cafebabe");
  const items = screen.getAllByRole("listitem").map((li) => li.textContent);
  expect(items).toEqual(["Addedcapacity: Testco 9 Light Alloys — Synthetic plant 9", "Removedcapacity: Testco 3 Light Alloys — Synthetic plant 3"]);

  await user.click(screen.getByRole("button", { name: "Revert to bundled data" }));
  await waitFor(() => expect(screen.getByTestId("version-in-use").textContent).toBe("2021-02-03.0a1b2c3d"));
  expect(store.current()!.origin).toBe("bundled");
});

it("a changed record shows each changed field with its old and new value", async () => {
  const { user } = setup("https://feeds.example.test/revised/");
  await user.click(screen.getByRole("button", { name: "Refresh" }));
  await waitFor(() => expect(screen.getByTestId("refresh-result").textContent).toContain("(0 added, 2 changed, 0 removed)"));
  const items = screen.getAllByRole("listitem");
  expect(items.map((li) => li.textContent)).toEqual([
    "Changedcapacity: Testco 1 Light Alloys — Synthetic plant 1value: 1001 → 1250.5",
    "Changedweight saving: Testco 2 Light Alloys — Synthetic plant 2region: “Testland” → (empty)",
  ]);
});

it("an empty feed URL asks for an address instead of calling it invalid", async () => {
  const { user } = setup();
  await user.clear(screen.getByRole("textbox", { name: /Feed URL/ }));
  expect(screen.getByText("Enter the address of a published feed, e.g. https://example.org/feed/.")).toBeTruthy();
  expect(screen.queryByText(/is not a valid feed URL/)).toBeNull();
  expect((screen.getByRole("button", { name: "Refresh" }) as HTMLButtonElement).disabled).toBe(true);
});

it("a bad feed shows one sentence and keeps the version in use", async () => {
  const { user, store } = setup();
  const before = store.current();
  const input = screen.getByRole("textbox", { name: /Feed URL/ });
  await user.clear(input);
  await user.type(input, "https://feeds.example.test/tampered/");
  await user.click(screen.getByRole("button", { name: "Refresh" }));
  await waitFor(() => expect(screen.getByRole("alert").textContent).toMatch(/^records\.csv is \d+ bytes but the manifest declares \d+, so it is incomplete or was changed after publishing\.$/));
  expect(screen.getByTestId("version-in-use").textContent).toBe("2021-02-03.0a1b2c3d");
  expect(store.current()).toBe(before);
});

it("refuses a plain-http URL that is not local before anything is fetched", async () => {
  const { user } = setup();
  const input = screen.getByRole("textbox", { name: /Feed URL/ });
  await user.clear(input);
  await user.type(input, "http://feeds.example.test/feed/");
  expect(screen.getByText("The feed URL must start with https:// (plain http:// is allowed only for localhost or 127.0.0.1).")).toBeTruthy();
  expect((screen.getByRole("button", { name: "Refresh" }) as HTMLButtonElement).disabled).toBe(true);
});

it("shows progress while the feed downloads and Cancel stops it with the data unchanged", async () => {
  const store = sharedStore();
  const before = store.replace(bundled, "bundled");
  const real = fetchFrom(feeds);
  // The manifest comes at once; records.csv hangs until the refresh is cancelled.
  const slow = (url: string, init?: { signal?: AbortSignal }) =>
    url.endsWith("records.csv")
      ? new Promise<Response>((_, reject) => init?.signal?.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError"))))
      : real(url);
  const controller = new RefreshController({ store, loadBundled: async () => bundled, fetch: slow });
  render(
    <FluentProvider theme={webLightTheme}>
      <RefreshPanel controller={controller} defaultUrl="https://feeds.example.test/good/" />
    </FluentProvider>,
  );
  const user = userEvent.setup();
  await user.click(screen.getByRole("button", { name: "Refresh" }));
  await waitFor(() => expect(screen.getByRole("progressbar", { name: "Refresh progress" })).toBeTruthy());
  expect((screen.getByRole("button", { name: "Refresh" }) as HTMLButtonElement).disabled).toBe(true);
  await user.click(screen.getByRole("button", { name: "Cancel" }));
  await waitFor(() => expect(screen.getByTestId("refresh-error").textContent).toBe("The refresh was cancelled, so the data in use is unchanged."));
  expect(screen.queryByRole("progressbar")).toBeNull();
  expect(store.current()).toBe(before);
});
