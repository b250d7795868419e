// `npm start`: build the add-in and serve it over https on localhost:3000 with webpack-dev-server,
// with the feed built from the bundled dataset at /feed/, then print how to sideload it.
// No prompts on a fresh Linux machine: office-addin-dev-certs only where it can install its CA
// without asking (sudo -n works), otherwise a self-signed certificate generated into .certs/.
// Ctrl-C stops the server and exits.
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import webpack from "webpack";
import WebpackDevServer from "webpack-dev-server";

const ROOT = path.resolve(__dirname, "..");
const PORT = 3000; // the manifest's URLs name this port
const CERT_DIR = process.env.MG_CERT_DIR ? path.resolve(process.env.MG_CERT_DIR) : path.join(ROOT, ".certs");
const FEED_DIR = path.join(ROOT, ".cache", "feed");
const MODE = process.env.MG_START_MODE === "development" ? "development" : "production";

export interface Https {
  key: string | Buffer;
  cert: string | Buffer;
  ca?: string | Buffer;
  how: string;
}

function canSudoWithoutPrompt(): boolean {
  const r = spawnSync("sudo", ["-n", "true"], { stdio: "ignore" });
  return r.status === 0;
}

async function devCerts(): Promise<Https | undefined> {
  if (process.env.MG_SELF_SIGNED === "1" || !canSudoWithoutPrompt()) return undefined;
  try {
    const devCertsLib = require("office-addin-dev-certs") as { getHttpsServerOptions(days?: number): Promise<{ key: Buffer; cert: Buffer; ca: Buffer }> };
    const o = await devCertsLib.getHttpsServerOptions(30);
    return { ...o, how: "office-addin-dev-certs (its CA is installed and trusted on this machine)" };
  } catch (err) {
    console.warn(`office-addin-dev-certs could not install its CA (${err instanceof Error ? err.message : String(err)}); using a self-signed certificate.`);
    return undefined;
  }
}

/** A self-signed certificate for localhost in .certs/, reused while it is valid for 7 more days. */
export async function selfSignedCert(): Promise<Https> {
  const keyFile = path.join(CERT_DIR, "localhost.key");
  const certFile = path.join(CERT_DIR, "localhost.crt");
  const metaFile = path.join(CERT_DIR, "localhost.json");
  const how = `a self-signed certificate (${path.relative(ROOT, certFile)}): trust it once, see below`;
  if (fs.existsSync(keyFile) && fs.existsSync(certFile) && fs.existsSync(metaFile)) {
    const meta = JSON.parse(fs.readFileSync(metaFile, "utf8")) as { notAfter: string };
    if (new Date(meta.notAfter).getTime() - Date.now() > 7 * 86_400_000) {
      return { key: fs.readFileSync(keyFile), cert: fs.readFileSync(certFile), how };
    }
  }
  const selfsigned = require("selfsigned") as typeof import("selfsigned");
  const notAfter = new Date(Date.now() + 365 * 86_400_000);
  const pems = await selfsigned.generate([{ name: "commonName", value: "localhost" }], {
    keySize: 2048,
    algorithm: "sha256",
    notAfterDate: notAfter,
    extensions: [
      { name: "basicConstraints", cA: false },
      { name: "keyUsage", digitalSignature: true, keyEncipherment: true },
      { name: "extKeyUsage", serverAuth: true },
      { name: "subjectAltName", altNames: [{ type: 2, value: "localhost" }, { type: 7, ip: "127.0.0.1" }] },
    ],
  } as never);
  fs.mkdirSync(CERT_DIR, { recursive: true });
  fs.writeFileSync(keyFile, pems.private, { mode: 0o600 });
  fs.writeFileSync(certFile, pems.cert);
  fs.writeFileSync(metaFile, JSON.stringify({ notAfter: notAfter.toISOString() }));
  return { key: pems.private, cert: pems.cert, how };
}

/** The published feed of the bundled dataset, when the feed command exists (issue 5). */
function publishFeed(): boolean {
  if (!fs.existsSync(path.join(ROOT, "src", "cli", "commands", "feed", "publish.ts"))) return false;
  fs.mkdirSync(FEED_DIR, { recursive: true });
  const r = spawnSync(process.execPath, [path.join(ROOT, "bin", "mg.js"), "feed", "publish", "--out", FEED_DIR], { cwd: ROOT, stdio: "inherit" });
  if (r.status !== 0) {
    console.warn("mg feed publish failed: /feed/ will not be served (the add-in still runs on its bundled data).");
    return false;
  }
  return true;
}

export function instructions(https: Https, feed: boolean): string {
  const base = `https://localhost:${PORT}/`;
  const certFile = path.join(path.relative(process.cwd(), CERT_DIR) || ".", "localhost.crt");
  return [
    "",
    `Magnesium Tracker is served at ${base} (${MODE} build), with ${https.how}.`,
    `  task pane  ${base}taskpane.html      functions ${base}functions.json      help ${base}help.html`,
    feed ? `  feed       ${base}feed/manifest.json (the add-in's default refresh URL)` : "  feed       not published (src/cli/commands/feed/publish.ts missing or failed)",
    "",
    "Trust the certificate first (once):",
    https.how.startsWith("office-addin-dev-certs")
      ? "  already trusted by this machine."
      : [
          `  open ${base}taskpane.html in the browser you use for Excel and accept the certificate, or import`,
          `  ${certFile} as a trusted certificate (Windows: certutil -addstore -user Root ${certFile};`,
          `  macOS: sudo security add-trusted-cert -d -r trustRoot -k /Library/Keychains/System.keychain ${certFile}).`,
        ].join("\n"),
    "",
    "Sideload into Excel on the web:",
    "  open a workbook at https://excel.cloud.microsoft (or office.com) > Home > Add-ins > More Add-ins >",
    "  My Add-ins > Upload My Add-in > choose manifest.xml from this folder > Upload.",
    "  Then: Home tab > Magnesium Tracker opens the pane; type =MG.WEIGHTSAVING(\"Seres\") in a cell.",
    "",
    "Sideload into Excel on the desktop (the machine must reach this server at localhost:3000):",
    "  Windows: put manifest.xml in a shared folder, add that folder's \\\\server\\share path under File > Options >",
    "    Trust Center > Trust Center Settings > Trusted Add-in Catalogs (tick Show in Menu), restart Excel, then",
    "    Home > Add-ins > Advanced > Shared Folder > Magnesium Tracker.",
    "  macOS: copy manifest.xml to ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/ (create it),",
    "    restart Excel, then Home > Add-ins > My Add-ins > Magnesium Tracker.",
    "",
    "Serves one build; MG_START_WATCH=1 rebuilds on source changes, MG_START_MODE=development builds faster.",
    "Press Ctrl-C to stop.",
  ].join("\n");
}

async function main(): Promise<void> {
  const https = (await devCerts()) ?? (await selfSignedCert());
  const feed = publishFeed();
  const makeConfig = require(path.join(ROOT, "webpack.config.js")) as (env: unknown, argv: { mode: string }) => webpack.Configuration;
  const config = makeConfig({}, { mode: MODE });
  // Serve one build; rebuilding on every source change is opt-in (MG_START_WATCH=1) so that Excel
  // never waits on a rebuild it did not ask for.
  if (process.env.MG_START_WATCH !== "1") config.watchOptions = { ignored: /./ };
  const compiler = webpack(config);
  const server = new WebpackDevServer(
    {
      port: PORT,
      host: "localhost",
      server: { type: "https", options: { key: https.key, cert: https.cert, ...(https.ca ? { ca: https.ca } : {}) } },
      headers: { "Access-Control-Allow-Origin": "*" },
      static: feed ? [{ directory: FEED_DIR, publicPath: "/feed", watch: false }] : false,
      hot: false,
      liveReload: false,
      client: false,
      compress: true,
      allowedHosts: "all",
    },
    compiler,
  );
  let printed = false;
  compiler.hooks.done.tap("mg-start", (stats) => {
    if (stats.hasErrors()) {
      console.error(stats.toString({ all: false, errors: true, colors: false }));
      return;
    }
    if (!printed) {
      printed = true;
      console.log(instructions(https, feed));
    }
  });
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the server...`);
    server.stop().then(
      () => process.exit(0),
      () => process.exit(0),
    );
    setTimeout(() => process.exit(0), 3000).unref();
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
  console.log(`Building (${MODE}) and starting https://localhost:${PORT}/ ...`);
  await server.start();
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(`npm start: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
