// `npm start`'s certificate and instructions (the server itself is checked by hand: it needs a full build).
import * as fs from "fs";
import * as https from "https";
import type { AddressInfo } from "net";
import * as os from "os";
import * as path from "path";

const certDir = fs.mkdtempSync(path.join(os.tmpdir(), "mg-certs-"));
process.env.MG_CERT_DIR = certDir;
const start = require("../../scripts/start.ts") as typeof import("../../scripts/start");

afterAll(() => fs.rmSync(certDir, { recursive: true, force: true }));

it("generates a self-signed certificate for localhost that a client trusting it accepts, and reuses it", async () => {
  const first = await start.selfSignedCert();
  expect(fs.existsSync(path.join(certDir, "localhost.crt"))).toBe(true);
  const server = https.createServer({ key: first.key, cert: first.cert }, (_req, res) => res.end("ok"));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  try {
    const body = await new Promise<string>((resolve, reject) => {
      https
        .get({ host: "127.0.0.1", port, path: "/", servername: "localhost", ca: first.cert, checkServerIdentity: () => undefined }, (res) => {
          let b = "";
          res.on("data", (c) => (b += c));
          res.on("end", () => resolve(b));
        })
        .on("error", reject);
    });
    expect(body).toBe("ok");
    // the certificate names localhost, so browsers accept it for https://localhost:3000 once trusted
    const { X509Certificate } = require("crypto") as typeof import("crypto");
    expect(new X509Certificate(first.cert).subjectAltName).toContain("DNS:localhost");
  } finally {
    server.close();
  }
  const second = await start.selfSignedCert();
  expect(String(second.cert)).toBe(String(first.cert));
});

it("tells how to trust the certificate and sideload on the web and on the desktop", () => {
  const text = start.instructions({ key: "", cert: "", how: "a self-signed certificate (.certs/localhost.crt): trust it once, see below" }, true);
  expect(text).toContain("https://localhost:3000/feed/manifest.json");
  expect(text).toMatch(/Upload My Add-in/);
  expect(text).toMatch(/Trusted Add-in Catalogs/);
  expect(text).toMatch(/wef/);
});
