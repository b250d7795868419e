/* global URL */
// Manifest helpers shared by the build (webpack.config.js) and the tests: URL rewriting for a
// production base URL, Microsoft-schema validation (xmllint-wasm, offline) and the shape rules the
// schema cannot express (see ../shared/notes/office-addin-field-notes.md).
const fs = require("fs");
const path = require("path");

const DEV_BASE_URL = "https://localhost:3000/";
const SCHEMA_DIR = path.resolve(__dirname, "..", "..", "shared", "schemas", "office-manifest");

/** "https://example.org/addin" -> "https://example.org/addin/"; rejects anything but https (or http://localhost). */
function normalizeBaseUrl(url) {
  let u;
  try {
    u = new URL(url);
  } catch {
    throw new Error(`ADDIN_BASE_URL must be an absolute URL such as https://addin.example.org/; got "${url}"`);
  }
  if (u.protocol !== "https:" && !(u.protocol === "http:" && u.hostname === "localhost")) {
    throw new Error(`ADDIN_BASE_URL must use https (Office loads add-ins over https only); got "${url}"`);
  }
  return u.href.endsWith("/") ? u.href : `${u.href}/`;
}

/** The manifest with every https://localhost:3000/ URL moved to baseUrl. */
function rewriteManifest(xml, baseUrl) {
  return xml.split(DEV_BASE_URL).join(normalizeBaseUrl(baseUrl));
}

/** Validate against Microsoft's schemas; resolves { valid, errors: string[] }. */
async function validateManifestSchema(xml, schemaDir = SCHEMA_DIR) {
  const { validateXML } = require("xmllint-wasm");
  if (!fs.existsSync(schemaDir)) throw new Error(`schemas not found at ${schemaDir}`);
  const files = fs.readdirSync(schemaDir).filter((f) => f.endsWith(".xsd"));
  const preload = files.map((f) => ({ fileName: f, contents: fs.readFileSync(path.join(schemaDir, f), "utf8") }));
  const main = preload.find((f) => f.fileName === "OfficeAppManifestV1_1.xsd");
  const result = await validateXML({ xml: [{ fileName: "manifest.xml", contents: xml }], schema: [main], preload: preload.filter((f) => f !== main) });
  return { valid: result.valid, errors: result.errors.map((e) => e.rawMessage || e.message) };
}

/** Rules Office enforces that the schema does not: returns the problems found (empty when fine). */
function manifestShapeProblems(xml) {
  const problems = [];
  const defined = new Set([...xml.matchAll(/<bt:(?:Image|Url|String)\s+id="([^"]+)"/g)].map((m) => m[1]));
  const used = new Set([...xml.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]));
  for (const id of new Set([...defined, ...used])) if (id.length > 32) problems.push(`resid "${id}" is longer than 32 characters`);
  for (const id of used) if (!defined.has(id)) problems.push(`resid "${id}" is used but not defined`);
  const runtime = xml.match(/<Runtime\s+resid="([^"]+)"\s+lifetime="long"\s*\/>/);
  if (!runtime) problems.push("no <Runtime lifetime=\"long\"> (shared runtime)");
  if (/<TaskpaneId>/.test(xml)) problems.push("an <Action> carries a <TaskpaneId> under a long-lived runtime");
  const ns = xml.match(/<Namespace\s+resid="([^"]+)"/);
  const nsValue = ns && xml.match(new RegExp(`<bt:String\\s+id="${ns[1]}"\\s+DefaultValue="([^"]+)"`));
  if (!nsValue || nsValue[1] !== "MG") problems.push("the custom functions namespace is not MG");
  if (runtime) {
    for (const tag of ["Page", "FunctionFile"]) {
      const re = tag === "Page" ? /<Page>\s*<SourceLocation\s+resid="([^"]+)"/ : /<FunctionFile\s+resid="([^"]+)"/;
      const m = xml.match(re);
      if (!m || m[1] !== runtime[1]) problems.push(`${tag} does not point at the shared runtime page (${runtime[1]})`);
    }
  }
  if (!/<Permissions>ReadWriteDocument<\/Permissions>/.test(xml)) problems.push("permissions are not ReadWriteDocument");
  return problems;
}

module.exports = { DEV_BASE_URL, SCHEMA_DIR, normalizeBaseUrl, rewriteManifest, validateManifestSchema, manifestShapeProblems };
