// One production build per test run (into a temporary folder, with a production base URL), then
// checks of what Office will load: functions.json, help anchors, the manifest, taskpane.html.
import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parseDataset } from "../../src/core/model/dataset";
import { FUNCTION_SPECS } from "../../src/core/query/functions";

const { validateManifestSchema, manifestShapeProblems } = require("../../scripts/manifest.js");

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
