// Any real network call fails the test: only loopback is allowed (the browser tests'
// local server). Octokit code is tested through an in-process fake passed as its `fetch`.
const realFetch = globalThis.fetch;

globalThis.fetch = async (input: string | URL | Request, init?: RequestInit) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  if (url.hostname === "127.0.0.1" || url.hostname === "localhost" || url.hostname === "[::1]") {
    return realFetch(input, init);
  }
  throw new Error(`Network access is disabled in tests: ${url.href}`);
};
