import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import sirv from "sirv";

export interface RunningServer {
  server: Server;
  /** "http://127.0.0.1:8080/" */
  url: string;
  close(): Promise<void>;
}

/**
 * Serves a built site folder over HTTP on the loopback interface (the adapter behind
 * `npm start` and the browser tests). Port 0 picks a free port.
 */
export function serveSite(dir: string, options: { port?: number; host?: string } = {}): Promise<RunningServer> {
  const host = options.host ?? "127.0.0.1";
  const handler = sirv(dir, { dev: false, etag: true, dotfiles: false });
  const server = createServer((request, response) => {
    handler(request, response, () => {
      response.statusCode = 404;
      response.setHeader("Content-Type", "text/plain; charset=utf-8");
      response.end("Not found");
    });
  });
  return new Promise((resolvePromise, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      const { port } = server.address() as AddressInfo;
      resolvePromise({
        server,
        url: `http://${host.includes(":") ? `[${host}]` : host}:${port}/`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
