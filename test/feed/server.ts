// A local feed server for tests: node http on 127.0.0.1, a random port, never the internet.
// Each route is a path -> a response (bytes and status), or a handler for the odd cases (stalls).
import * as http from "http";
import type { AddressInfo } from "net";

export type Route = { status?: number; body: string | Uint8Array; headers?: Record<string, string> } | ((req: http.IncomingMessage, res: http.ServerResponse) => void);

export interface TestServer {
  url: string;
  routes: Map<string, Route>;
  close(): Promise<void>;
}

export async function startServer(routes: Map<string, Route> = new Map()): Promise<TestServer> {
  const sockets = new Set<import("net").Socket>();
  const server = http.createServer((req, res) => {
    const route = routes.get((req.url ?? "/").split("?")[0]);
    if (!route) {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found");
      return;
    }
    if (typeof route === "function") return route(req, res);
    const body = typeof route.body === "string" ? Buffer.from(route.body, "utf8") : Buffer.from(route.body);
    res.writeHead(route.status ?? 200, { "content-length": String(body.byteLength), "access-control-allow-origin": "*", ...route.headers });
    res.end(body);
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    routes,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A port nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const s = http.createServer();
  await new Promise<void>((resolve) => s.listen(0, "127.0.0.1", resolve));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}
