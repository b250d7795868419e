// manifest.xml as committed: Microsoft's schema (xmllint-wasm; Debian's xmllint too when installed),
// the shared-runtime rules the schema cannot express, and what office-addin-manifest reads.
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

const { validateManifestSchema, manifestShapeProblems, rewriteManifest, SCHEMA_DIR } = require("../../scripts/manifest.js");

import { sharedSchemasDir } from "../support/shared";

const ROOT = path.resolve(__dirname, "..", "..");
// Schema checks need Microsoft's schemas from ../shared: skipped (with a reason) when it is absent, failed on CI.
const itWithSchema = sharedSchemasDir() ? it : it.skip;
const MANIFEST = path.join(ROOT, "manifest.xml");
const xml = fs.readFileSync(MANIFEST, "utf8");

itWithSchema("validates against Microsoft's manifest schema", async () => {
  const result = await validateManifestSchema(xml);
  expect(result.errors).toEqual([]);
  expect(result.valid).toBe(true);
});

itWithSchema("is rejected by the schema when elements are out of order (the check is real)", async () => {
  const broken = xml.replace(/<Permissions>ReadWriteDocument<\/Permissions>\s*/, "").replace("<Hosts>", "<Permissions>ReadWriteDocument</Permissions><Hosts>");
  const result = await validateManifestSchema(broken);
  expect(result.valid).toBe(false);
  expect(result.errors.join("\n")).toMatch(/Permissions/);
});

itWithSchema("validates with Debian's xmllint when it is installed", () => {
  const probe = spawnSync("xmllint", ["--version"]);
  if (probe.error) return; // not installed here: the xmllint-wasm check above covers the schema
  const out = spawnSync("xmllint", ["--noout", "--schema", path.join(SCHEMA_DIR, "OfficeAppManifestV1_1.xsd"), MANIFEST], { encoding: "utf8" });
  expect(out.stderr).toContain("validates");
  expect(out.status).toBe(0);
});

it("declares one long-lived shared runtime for the functions and the pane, namespace MG, least privilege", () => {
  expect(manifestShapeProblems(xml)).toEqual([]);
  expect(manifestShapeProblems(xml.replace('lifetime="long"', 'lifetime="short"'))).toContain('no <Runtime lifetime="long"> (shared runtime)');
  expect(manifestShapeProblems(xml.replace('id="Functions.Namespace" DefaultValue="MG"', 'id="Functions.Namespace" DefaultValue="XX"'))).toContain("the custom functions namespace is not MG");
});

it("is readable by office-addin-manifest info", () => {
  const cli = require.resolve("office-addin-manifest/cli.js", { paths: [ROOT] });
  const out = execFileSync(process.execPath, [cli, "info", MANIFEST], { encoding: "utf8" });
  expect(out).toMatch(/Name: Magnesium Tracker/);
  expect(out).toMatch(/Hosts: Workbook/);
  expect(out).toMatch(/Permissions: ReadWriteDocument/);
});

it("rewrites every URL for a production base URL and refuses plain http", () => {
  const prod = rewriteManifest(xml, "https://addin.example.test/mg");
  expect(prod).not.toContain("localhost");
  expect(prod).toContain('DefaultValue="https://addin.example.test/mg/taskpane.html"');
  expect(() => rewriteManifest(xml, "http://addin.example.test/")).toThrow(/https/);
});
