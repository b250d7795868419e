// One production build per test run (into a temporary folder, with a production base URL), then
// checks of what Office will load: functions.json, help anchors, the manifest, taskpane.html.
import { execFile } from "child_process";
import * as fs from "fs";
import * as http from "http";
import type { AddressInfo } from "net";
import * as os from "os";
import * as path from "path";
import { parseDataset } from "../../src/core/model/dataset";
import { FUNCTION_SPECS } from "../../src/core/query/functions";

const { validateManifestSchema, manifestShapeProblems } = require("../../scripts/manifest.js");
import { sharedSchemasDir } from "../support/shared";

const ROOT = path.resolve(__dirname, "..", "..");
const BASE = "https://addin.example.test/mg/";
let dist: string;
let buildLog = "";

beforeAll(async () => {
  dist = fs.mkdtempSync(path.join(os.tmpdir(), "mg-dist-"));
  await new Promise<void>((resolve, reject) => {
    execFile(
      process.execPath,
      [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production"],
      { cwd: ROOT, env: { ...process.env, MG_DIST_DIR: dist, ADDIN_BASE_URL: BASE }, maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) => {
        buildLog = `${stdout}\n${stderr}`;
        if (err) reject(new Error(`webpack failed:\n${buildLog.slice(-4000)}`));
        else resolve();
      },
    );
  });
}, 240_000);

afterAll(() => {
  if (dist) fs.rmSync(dist, { recursive: true, force: true });
});

const read = (f: string) => fs.readFileSync(path.join(dist, f), "utf8");

describe("production build", () => {
  it("builds without errors", () => {
    expect(buildLog).not.toMatch(/\bERROR in\b/);
  });

  it("generates functions.json with every MG function, its description, parameters and help URL", () => {
    const meta = JSON.parse(read("functions.json")) as { functions: { id: string; name: string; description: string; helpUrl: string; parameters: { name: string; description: string; optional?: boolean }[] }[] };
    expect(meta.functions.map((f) => f.id).sort()).toEqual(FUNCTION_SPECS.map((f) => f.name).sort());
    for (const spec of FUNCTION_SPECS) {
      const f = meta.functions.find((x) => x.id === spec.name)!;
      expect(f.helpUrl).toBe(`${BASE}help.html#${spec.name}`);
      expect(f.description).toBe(spec.description);
      expect(f.parameters.map((p) => [p.name, p.description, !!p.optional])).toEqual(spec.params.map((p) => [p.name, p.description, p.optional]));
    }
  });

  it("serves a help page with an anchor for every function", () => {
    const html = read("help.html");
    // (the build minifies HTML: attribute quotes may be dropped)
    for (const spec of FUNCTION_SPECS) expect(html).toMatch(new RegExp(`<section id="?${spec.name}"?>`));
  });

  it("writes a manifest for the production URL that validates against Microsoft's schema", async () => {
    const xml = read("manifest.xml");
    expect(xml).not.toContain("localhost");
    expect(xml).toContain(`${BASE}taskpane.html`);
    expect(manifestShapeProblems(xml)).toEqual([]);
    if (!sharedSchemasDir()) return; // schemas absent (not on CI): said by the helper
    const result = await validateManifestSchema(xml);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("loads Office.js (local) first, then the functions and the pane in one page", () => {
    const html = read("taskpane.html");
    const scripts = [...html.matchAll(/<script[^>]*src="?([^" >]+)/g)].map((m) => m[1]);
    expect(scripts[0]).toBe("assets/office-js/office.js");
    expect(scripts).toContain("functions.js");
    expect(scripts).toContain("taskpane.js");
    expect(scripts.indexOf("functions.js")).toBeLessThan(scripts.indexOf("taskpane.js"));
    expect(fs.existsSync(path.join(dist, "assets/office-js/office.js"))).toBe(true);
    expect(read("functions.js")).toContain('CustomFunctions.associate("WEIGHTSAVING"');
  });

  it("ships the icons, a valid dataset and no IE11 polyfills", () => {
    for (const size of [16, 32, 64, 80]) expect(fs.readFileSync(path.join(dist, `assets/icon-${size}.png`)).subarray(1, 4).toString()).toBe("PNG");
    expect(() => parseDataset(JSON.parse(read("dataset.json")))).not.toThrow();
    // what taskpane.html loads up front (lazy chunks such as a vendored xlsx writer are the pane's)
    const initial = [...read("taskpane.html").matchAll(/<script[^>]*src="?([^" >]+)/g)].map((m) => m[1]).filter((f) => !f.startsWith("assets/"));
    for (const f of initial) expect(read(f)).not.toMatch(/core-js/);
  });
});

/** Serves the built folder on 127.0.0.1 (an ephemeral port). */
async function serve(dir: string): Promise<{ url: string; close(): Promise<void> }> {
  const types: Record<string, string> = { ".html": "text/html", ".js": "text/javascript", ".json": "application/json", ".png": "image/png", ".xml": "application/xml" };
  const server = http.createServer((req, res) => {
    const p = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    const file = path.join(dir, p);
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) return void res.writeHead(404).end();
    res.writeHead(200, { "content-type": types[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((r) => server.close(() => r())) };
}

describe("the built page in Chromium (no Excel host)", () => {
  const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  const run = fs.existsSync(chromiumPath) ? it : it.skip;

  run("loads Office.js, registers every MG function, loads dataset.json, and answers through the built bundle", async () => {
    const { chromium } = require("playwright-core") as typeof import("playwright-core");
    const server = await serve(dist);
    const browser = await chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      await page.goto(`${server.url}/taskpane.html`);
      // Office.js keeps CustomFunctions.associate's mappings (outside Excel too): call what Excel would call
      await page.waitForFunction((n) => Object.keys((window as any).CustomFunctions?._association?.m_mappings ?? {}).length >= n, FUNCTION_SPECS.length, { timeout: 20_000 });
      const registered = await page.evaluate(() => Object.keys((window as any).CustomFunctions._association.m_mappings).sort());
      expect(registered).toEqual(FUNCTION_SPECS.map((f) => f.name).sort());
      const info = await page.evaluate(() => (window as any).CustomFunctions._association.m_mappings.DATAINFO());
      const dataset = parseDataset(JSON.parse(read("dataset.json")));
      expect(info).toEqual(expect.arrayContaining([["version", dataset.version], ["records", dataset.count], ["origin", "bundled"]]));
      const unknown = await page.evaluate(() => (window as any).CustomFunctions._association.m_mappings.WEIGHTSAVING("No Such Company Anywhere").then(() => "resolved", (e: Error) => e.message));
      expect(unknown).toContain('"No Such Company Anywhere" is not a subject in the data');
      expect(errors).toEqual([]);
      const help = await browser.newPage();
      await help.goto(`${server.url}/help.html#CAPACITY`);
      fs.mkdirSync(path.join(ROOT, "test-results"), { recursive: true });
      await help.screenshot({ path: path.join(ROOT, "test-results", "help-page.png") });
    } finally {
      await browser.close();
      await server.close();
    }
  }, 60_000);
});
