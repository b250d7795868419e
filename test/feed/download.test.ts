// downloadFile's byte handling: a body in many chunks arrives whole (into one buffer when the size is
// declared, joined when it is not), a short body is returned short (the caller reports the mismatch),
// and a body over the declared size is refused while reading.
import { downloadFile } from "../../src/core/feed/fetch";

function chunked(parts: number[][]): Response {
  return new Response(
    new ReadableStream<Uint8Array>({
      start(c) {
        for (const p of parts) c.enqueue(new Uint8Array(p));
        c.close();
      },
    }),
  );
}

const parts = [[1, 2, 3], [4, 5], [6], [7, 8, 9, 10]];
const all = parts.flat();
const get = (expectedBytes?: number, p = parts) => downloadFile("https://feed.example.test/records.csv", { fetch: async () => chunked(p), timeoutMs: 1000, maxBytes: 100, expectedBytes, label: "records.csv" });

it("joins a body sent in many chunks, whatever the manifest declares", async () => {
  expect([...(await get(all.length))]).toEqual(all);
  expect([...(await get(undefined))]).toEqual(all);
  expect([...(await get(undefined, [all]))]).toEqual(all);
  expect([...(await get(20))]).toEqual(all); // short of the declared size: returned as is, the caller says so
});

it("refuses a body longer than declared, or over the limit, while reading", async () => {
  await expect(get(8)).rejects.toThrow("records.csv is larger than the 8 bytes the manifest declares.");
  await expect(
    downloadFile("https://feed.example.test/records.csv", { fetch: async () => chunked(parts), timeoutMs: 1000, maxBytes: 5, label: "records.csv" }),
  ).rejects.toThrow("records.csv is larger than the limit of 5 bytes, so it was not downloaded.");
});
