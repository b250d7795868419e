// Helpers for browser tests: a tiny static server for dist/ on 127.0.0.1 (with per-path overrides,
// e.g. a synthetic dataset.json), and Chromium through playwright-core.
import * as fs from "fs";
import * as http from "http";
import type { AddressInfo } from "net";
import * as path from "path";
import { chromium, Browser } from "playwright-core";

export const ROOT = path.resolve(__dirname, "../..");
export const DIST = path.join(ROOT, "dist");
export const RESULTS = path.join(ROOT, "test-results");

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".json": "application/json; charset=utf-8",
  ".css": "text/css", ".png": "image/png", ".xml": "application/xml", ".map": "application/json",
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/** Serves `dir`; `overrides` maps URL paths ("/dataset.json") to bodies served instead of the files. */
export async function serveStatic(dir: string, overrides: Record<string, string | Buffer> = {}): Promise<StaticServer> {
  const server = http.createServer((req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    const override = overrides[urlPath];
    if (override !== undefined) {
      res.writeHead(200, { "content-type": TYPES[path.extname(urlPath)] ?? "application/octet-stream", "cache-control": "no-store" });
      res.end(override);
      return;
    }
    const file = path.join(dir, urlPath === "/" ? "taskpane.html" : urlPath);
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export const CHROMIUM_FLAGS = [
  "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
];

/** `extraArgs`: more command-line switches (the bench adds `--js-flags=--expose-gc`). */
export async function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", headless: true, args: [...CHROMIUM_FLAGS, ...extraArgs] });
}

/**
 * Waits until `read` gives a value that passes `check` (the pane updates a frame or more after input);
 * after `timeoutMs` the last failed check is the error.
 */
export async function until<T>(read: () => Promise<T>, check: (v: T) => void, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    try {
      check(v);
      return;
    } catch (e) {
      if (Date.now() > end) throw e;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}
