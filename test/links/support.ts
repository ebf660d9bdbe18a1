import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Clock } from "../../scripts/lib/links/clock.ts";
import type { Fetch } from "../../scripts/lib/links/http.ts";

/**
 * A clock that never waits: `sleep` lets other work run (one turn of the event loop) and then
 * moves time forward to when the sleeper would have woken; timers fire when time passes them.
 * Tests move time themselves with `advance` (a slow answer, a request that hangs). Time only
 * moves forward, so concurrent sleepers wake at the latest of their wake-up times.
 */
export class FakeClock implements Clock {
  time = Date.parse("2025-06-02T08:00:00Z");
  readonly start = this.time;
  /** Every sleep asked for, in milliseconds, in order. */
  readonly sleeps: number[] = [];
  readonly #timers = new Set<{ at: number; controller: AbortController; ms: number }>();

  now(): number {
    return this.time;
  }

  async sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    const wake = this.time + ms;
    await new Promise((resolve) => setImmediate(resolve));
    this.advanceTo(wake);
  }

  timer(ms: number): { signal: AbortSignal; clear(): void } {
    const timer = { at: this.time + ms, controller: new AbortController(), ms };
    this.#timers.add(timer);
    this.#fire();
    return { signal: timer.controller.signal, clear: () => this.#timers.delete(timer) };
  }

  /** Moves time forward by `ms`, firing the timers it passes. */
  advance(ms: number): void {
    this.advanceTo(this.time + ms);
  }

  advanceTo(time: number): void {
    if (time > this.time) this.time = time;
    this.#fire();
  }

  /** Time since the clock was made. */
  elapsed(): number {
    return this.time - this.start;
  }

  #fire(): void {
    for (const timer of this.#timers) {
      if (timer.at > this.time) continue;
      this.#timers.delete(timer);
      timer.controller.abort(new DOMException(`no answer within ${timer.ms} ms`, "TimeoutError"));
    }
  }
}

/** One request the test server received. */
export interface SeenRequest {
  method: string;
  path: string;
  userAgent: string | undefined;
  /** The fake clock's time when the request arrived. */
  at: number;
}

/** A route of the test server: answer the request (or not, or cut it). */
export type Route = (request: IncomingMessage, response: ServerResponse, context: { clock: FakeClock; count: number }) => void | Promise<void>;

/** A local HTTP server on 127.0.0.1 that answers by path. */
export interface TestServer {
  origin: string;
  host: string;
  url(path: string): string;
  requests: SeenRequest[];
  /** Requests being answered right now, and the most there ever were at once. */
  inFlight: number;
  maxInFlight: number;
  close(): Promise<void>;
}

/** Starts a server whose routes answer by path; an unknown path answers 404. */
export async function startServer(clock: FakeClock, routes: Record<string, Route>): Promise<TestServer> {
  const counts = new Map<string, number>();
  const server = createServer(async (request, response) => {
    const path = request.url ?? "/";
    const count = (counts.get(path) ?? 0) + 1;
    counts.set(path, count);
    state.requests.push({ method: request.method ?? "", path, userAgent: request.headers["user-agent"], at: clock.now() });
    state.inFlight++;
    state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
    const done = () => {
      state.inFlight--;
    };
    response.on("close", done);
    const route = routes[path];
    if (route) await route(request, response, { clock, count });
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const state: TestServer = {
    origin: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    url: (path) => `http://127.0.0.1:${port}${path}`,
    requests: [],
    inFlight: 0,
    maxInFlight: 0,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return state;
}

/** A fetch that reaches only the given origins: anything else is a failed test, not a request. */
export function fetchOnly(...origins: string[]): Fetch {
  return (input, init) => {
    const origin = new URL(input).origin;
    if (!origins.includes(origin)) throw new Error(`the test asked for ${input}, outside ${origins.join(", ")}`);
    return globalThis.fetch(input, init);
  };
}

/** Routes that redirect: `redirect(301, "/next")`. */
export function redirect(status: number, location: string, headers: Record<string, string> = {}): Route {
  return (_request, response) => {
    response.writeHead(status, { location, ...headers }).end();
  };
}

/** A route that answers with a status. */
export function answer(status: number, headers: Record<string, string> = {}): Route {
  return (_request, response) => {
    response.writeHead(status, { "content-type": "text/html", ...headers }).end("<p>page</p>");
  };
}
