// Any real network call fails the test: only loopback is allowed (the browser tests'
// local server). Octokit code is tested through an in-process fake passed as its `fetch`.
// Files that share a worker's modules (vitest.config.ts) run this once per file: the real fetch
// is kept on first run, so that the guard never wraps a guard.
const REAL_FETCH = Symbol.for("cop-atlas.test.realFetch");
const holder = globalThis as typeof globalThis & { [REAL_FETCH]?: typeof fetch };
holder[REAL_FETCH] ??= globalThis.fetch;
const realFetch = holder[REAL_FETCH];

globalThis.fetch = async (input: string | URL | Request, init?: RequestInit) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  if (url.hostname === "127.0.0.1" || url.hostname === "localhost" || url.hostname === "[::1]") {
    return realFetch(input, init);
  }
  throw new Error(`Network access is disabled in tests: ${url.href}`);
};
