import { existsSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import sirv from "sirv";

export interface RunningServer {
  server: Server;
  /** "http://127.0.0.1:8080/" */
  url: string;
  close(): Promise<void>;
}

export interface ServeOptions {
  port?: number;
  host?: string;
  /**
   * The site's public path on GitHub Pages ("/cop-atlas/"). The folder is served at this path
   * as well as at the root, because the 404 pages link from it whatever address was asked for.
   */
  basePath?: string;
}

/** The request's path without the public path prefix, when it has it (else unchanged). */
export function stripBasePath(url: string, basePath: string | undefined): string {
  if (!basePath || basePath === "/") return url;
  const prefix = basePath.endsWith("/") ? basePath : `${basePath}/`;
  if (url === prefix.slice(0, -1)) return "/";
  return url.startsWith(prefix) ? url.slice(prefix.length - 1) : url;
}

/**
 * Serves a built site folder over HTTP on the loopback interface (the adapter behind
 * `npm start` and the browser tests). Port 0 picks a free port. Like GitHub Pages, a missing
 * address is answered with the folder's 404.html and the status 404.
 */
export function serveSite(dir: string, options: ServeOptions = {}): Promise<RunningServer> {
  const host = options.host ?? "127.0.0.1";
  const handler = sirv(dir, { dev: false, etag: true, dotfiles: false });
  const notFoundFile = join(dir, "404.html");
  const server = createServer((request, response) => {
    request.url = stripBasePath(request.url ?? "/", options.basePath);
    handler(request, response, () => {
      response.statusCode = 404;
      if (existsSync(notFoundFile)) {
        response.setHeader("Content-Type", "text/html; charset=utf-8");
        response.end(readFileSync(notFoundFile));
        return;
      }
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
