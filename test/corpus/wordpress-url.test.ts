// `mg corpus build URL`: a WordPress REST collection served by a local server (synthetic items).
import * as fs from "fs";
import * as http from "http";
import type { AddressInfo } from "net";
import * as os from "os";
import * as path from "path";
import { run } from "../../src/cli/commands/corpus/build";
import { loadDataset } from "../../src/core/corpus/build";

const item = (id: number) => ({
  id,
  date: "2031-06-0" + id + "T10:00:00",
  link: `http://127.0.0.1/news/item-${id}/`,
  title: { rendered: `Widget News &#8211; Part ${id}` },
  content: { rendered: `<p>Widgetco shipped part ${id} in June.</p>` },
});

async function runCli(args: string[]) {
  const err: string[] = [];
  const log = jest.spyOn(console, "log").mockImplementation(() => undefined);
  const error = jest.spyOn(console, "error").mockImplementation((...a: unknown[]) => void err.push(a.join(" ")));
  try {
    return { code: await run(args), err };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

describe("mg corpus build with a WordPress REST URL", () => {
  let server: http.Server;
  let base: string;
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "mg-wp-url-")), "dataset.json");
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      if (req.url?.startsWith("/wp-json/wp/v2/posts")) {
        res.writeHead(200, { "content-type": "application/json", "x-wp-totalpages": "1" });
        res.end(JSON.stringify([item(1), item(2)]));
      } else {
        res.writeHead(404, { "content-type": "application/json" });
        res.end('{"code":"rest_no_route"}');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    fs.rmSync(path.dirname(out), { recursive: true, force: true });
  });

  it("reads every item of the collection as an article", async () => {
    const { code, err } = await runCli([`${base}/wp-json/wp/v2/posts`, "--out", out]);
    expect(err).toEqual([]);
    expect(code).toBe(0);
    const ds = loadDataset(fs.readFileSync(out, "utf8"));
    expect(ds.sources.map((s) => [s.title, s.published, s.format])).toEqual([
      ["Widget News – Part 1", "2031-06-01", "wordpress"],
      ["Widget News – Part 2", "2031-06-02", "wordpress"],
    ]);
  });

  it("reports a URL that cannot be read as one line naming it", async () => {
    const { code, err } = await runCli([`${base}/wp-json/wp/v2/missing`, "--out", out]);
    expect(code).toBe(1);
    expect(err.filter((l) => l.startsWith("problem:"))).toEqual([expect.stringContaining(`${base}/wp-json/wp/v2/missing could not be read`)]);
  });
});
