import { afterEach, describe, expect, test } from "vitest";
import type { LinkResult } from "../../scripts/lib/links/check-link.ts";
import { type CheckLinksOptions, checkLinks, USER_AGENT } from "../../scripts/lib/links/check-links.ts";
import { answer, FakeClock, fetchOnly, type Route, redirect, startServer, type TestServer } from "./support.ts";

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

/** Settings that make every wait visible on the fake clock. */
const SETTINGS: Partial<CheckLinksOptions> = {
  concurrency: 4,
  gapMs: 1000,
  budgetMs: 3_600_000,
  timeoutMs: 20_000,
  maxRedirects: 5,
  retries: 2,
  backoffMs: 2000,
  maxRetryAfterMs: 60_000,
};

async function serve(clock: FakeClock, routes: Record<string, Route>): Promise<TestServer> {
  const server = await startServer(clock, routes);
  servers.push(server);
  return server;
}

/** Checks paths of one server with the fake clock; returns the results by path. */
async function check(routes: Record<string, Route>, paths: string[], settings: Partial<CheckLinksOptions> = {}) {
  const clock = new FakeClock();
  const server = await serve(clock, routes);
  const { results, budgetExhausted } = await checkLinks(
    paths.map((path) => server.url(path)),
    { ...SETTINGS, ...settings },
    { clock, fetch: fetchOnly(server.origin) },
  );
  const byPath = new Map(results.map((result) => [new URL(result.url).pathname, result]));
  const result = (path: string) => byPath.get(path) as LinkResult;
  return { clock, server, results, result, budgetExhausted, seen: () => server.requests.map((r) => `${r.method} ${r.path}`) };
}

describe("answers", () => {
  test("a page that answers 200 to HEAD is fine after one request, sent with the project's user agent", async () => {
    const { result, server, seen } = await check({ "/ok": answer(200) }, ["/ok"]);
    expect(result("/ok")).toEqual({
      url: server.url("/ok"),
      status: "ok",
      finalUrl: server.url("/ok"),
      slowestMs: 0,
      requests: 1,
      chain: [{ url: server.url("/ok"), method: "HEAD", status: 200 }],
    });
    expect(seen()).toEqual(["HEAD /ok"]);
    expect(server.requests[0]?.userAgent).toBe(USER_AGENT);
    expect(USER_AGENT).toMatch(/COP-Atlas/);
  });

  test("a HEAD refused with 405 is tried again with GET, and the GET's answer counts", async () => {
    const route: Route = (request, response) => {
      response.writeHead(request.method === "HEAD" ? 405 : 200, { allow: "GET" }).end();
    };
    const { result, seen } = await check({ "/no-head": route }, ["/no-head"]);
    expect(result("/no-head")).toMatchObject({ status: "ok", requests: 2 });
    expect(result("/no-head").chain.map((hop) => `${hop.method} ${hop.status}`)).toEqual(["HEAD 405", "GET 200"]);
    expect(seen()).toEqual(["HEAD /no-head", "GET /no-head"]);
  });

  test.for([
    [404, "not-found"],
    [410, "gone"],
  ] as const)("%i is broken (%s) after HEAD and GET agree, without retries", async ([status, reason]) => {
    const { result, seen } = await check({ "/missing": answer(status) }, ["/missing"]);
    expect(result("/missing")).toMatchObject({ status: "broken", reason, httpStatus: status, tries: 1, requests: 2 });
    expect(seen()).toEqual(["HEAD /missing", "GET /missing"]);
  });

  test("403 is unreachable (access denied), not broken: sites block automated checks", async () => {
    const { result } = await check({ "/private": answer(403) }, ["/private"]);
    expect(result("/private")).toMatchObject({ status: "unreachable", reason: "access-denied", httpStatus: 403 });
  });
});

describe("redirects", () => {
  test("a chain of 301s is followed to its end, which is the address to use now", async () => {
    const { result, server } = await check({ "/old": redirect(301, "/older"), "/older": redirect(301, "/new"), "/new": answer(200) }, ["/old"]);
    expect(result("/old")).toMatchObject({
      status: "ok",
      finalUrl: server.url("/new"),
      redirect: { kind: "permanent", suggestedUrl: server.url("/new") },
      requests: 3,
    });
    expect(result("/old").chain.map((hop) => `${new URL(hop.url).pathname} ${hop.status}`)).toEqual(["/old 301", "/older 301", "/new 200"]);
  });

  test("a temporary redirect (302) is reported as temporary, ending where it ends", async () => {
    const { result, server } = await check({ "/today": redirect(302, "/en/today"), "/en/today": answer(200) }, ["/today"]);
    expect(result("/today")).toMatchObject({ status: "ok", redirect: { kind: "temporary", suggestedUrl: server.url("/en/today") } });
  });

  test("after 301 then 302, the address to use is the 301's target, not the temporary end", async () => {
    const { result, server } = await check({ "/a": redirect(301, "/b"), "/b": redirect(302, "/c"), "/c": answer(200) }, ["/a"]);
    expect(result("/a")).toMatchObject({ finalUrl: server.url("/c"), redirect: { kind: "permanent", suggestedUrl: server.url("/b") } });
  });

  test("a redirect loop is broken, and detected without going round twice", async () => {
    const { result, seen } = await check({ "/a": redirect(301, "/b"), "/b": redirect(302, "/a") }, ["/a"]);
    expect(result("/a")).toMatchObject({ status: "broken", reason: "redirect-loop", tries: 1 });
    expect(seen()).toEqual(["HEAD /a", "HEAD /b"]);
  });

  test("a chain longer than the limit is broken after exactly the limit of redirects", async () => {
    const routes: Record<string, Route> = {};
    for (let step = 0; step < 8; step++) routes[`/r${step}`] = redirect(301, `/r${step + 1}`);
    const { result, seen } = await check(routes, ["/r0"], { maxRedirects: 3 });
    expect(result("/r0")).toMatchObject({ status: "broken", reason: "too-many-redirects" });
    expect(seen()).toEqual(["HEAD /r0", "HEAD /r1", "HEAD /r2", "HEAD /r3"]);
  });

  test("a redirect to something that is not a web page is broken", async () => {
    const { result } = await check({ "/weird": redirect(302, "javascript:alert(1)") }, ["/weird"]);
    expect(result("/weird")).toMatchObject({ status: "broken", reason: "bad-redirect", detail: "javascript:" });
  });
});

describe("retries and politeness", () => {
  test("429 with Retry-After: the next try waits as long as the site asked, then succeeds", async () => {
    const route: Route = (_request, response, { count }) => {
      if (count === 1) response.writeHead(429, { "retry-after": "7" }).end();
      else response.writeHead(200).end();
    };
    const { result, server } = await check({ "/busy": route }, ["/busy"]);
    expect(result("/busy")).toMatchObject({ status: "ok", requests: 2 });
    const [first, second] = server.requests;
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(7000);
  });

  test("a Retry-After holds every address on that site, not only the one that got it", async () => {
    const busy: Route = (_request, response, { count }) => {
      if (count === 1) response.writeHead(429, { "retry-after": "30" }).end();
      else response.writeHead(200).end();
    };
    const { server, results } = await check({ "/busy": busy, "/other": answer(200) }, ["/busy", "/other"], { timeoutMs: 120_000 });
    expect(results.every((r) => r.status === "ok")).toBe(true);
    const refusedAt = server.requests[0]!.at;
    expect(server.requests.slice(1).every((r) => r.at - refusedAt >= 30_000)).toBe(true);
  });

  test("503 every time: tried three times with a doubling backoff, then unreachable (not broken)", async () => {
    const { result, clock, seen } = await check({ "/down": answer(503) }, ["/down"]);
    expect(result("/down")).toMatchObject({ status: "unreachable", reason: "server-error", httpStatus: 503, tries: 3, requests: 3 });
    expect(seen()).toEqual(["HEAD /down", "HEAD /down", "HEAD /down"]);
    expect(clock.sleeps.filter((ms) => ms >= 2000)).toEqual([2000, 4000]);
  });

  test("503 with a Retry-After longer than we wait: one try, unreachable, and the wait is said", async () => {
    const { result } = await check({ "/maintenance": answer(503, { "retry-after": "3600" }) }, ["/maintenance"]);
    expect(result("/maintenance")).toMatchObject({ status: "unreachable", reason: "server-error", detail: "retry-after 3600s", requests: 1, tries: 1 });
  });

  test("a request without an answer times out and is tried again, then unreachable", async () => {
    const hang: Route = (_request, _response, { clock }) => {
      // The request is on its way; let its timeout pass without answering.
      clock.advance(20_001);
    };
    const { result, seen } = await check({ "/hang": hang }, ["/hang"], { retries: 1 });
    expect(result("/hang")).toMatchObject({ status: "unreachable", reason: "timeout", tries: 2 });
    expect(seen()).toEqual(["HEAD /hang", "HEAD /hang"]);
  });

  test("a connection reset every time is broken after the retries", async () => {
    const reset: Route = (request) => {
      request.socket.destroy();
    };
    const { result, seen } = await check({ "/reset": reset }, ["/reset"]);
    expect(result("/reset")).toMatchObject({ status: "broken", reason: "reset", tries: 3 });
    expect(seen()).toHaveLength(3);
  });

  test("a reset once, then an answer, is fine", async () => {
    const flaky: Route = (request, response, { count }) => {
      if (count === 1) request.socket.destroy();
      else response.writeHead(200).end();
    };
    const { result } = await check({ "/flaky": flaky }, ["/flaky"]);
    expect(result("/flaky")).toMatchObject({ status: "ok", requests: 2 });
  });

  test("a slow answer is measured on the clock", async () => {
    const slow: Route = (_request, response, { clock }) => {
      clock.advance(6500);
      response.writeHead(200).end();
    };
    const { result } = await check({ "/slow": slow }, ["/slow"]);
    expect(result("/slow")).toMatchObject({ status: "ok", slowestMs: 6500 });
  });

  test("one request at a time per site with the gap between them, and several sites at once", async () => {
    const clock = new FakeClock();
    const all: TestServer[] = [];
    let inFlight = 0;
    let overlapSeen = false;
    const waiting: (() => void)[] = [];
    // The first answer waits until a second request is in flight: a checker that never runs two
    // requests at once would hang here and fail the test. After that, answers come at once.
    const held: Route = async (_request, response) => {
      inFlight++;
      if (inFlight >= 2) overlapSeen = true;
      if (overlapSeen) for (const release of waiting.splice(0)) release();
      else await new Promise<void>((resolve) => waiting.push(resolve));
      inFlight--;
      response.writeHead(200).end();
    };
    for (let site = 0; site < 3; site++) all.push(await serve(clock, { "/1": held, "/2": held, "/3": held }));
    const urls = all.flatMap((server) => ["/1", "/2", "/3"].map((path) => server.url(path)));
    const { results } = await checkLinks(urls, { ...SETTINGS, concurrency: 2, gapMs: 1500 }, { clock, fetch: fetchOnly(...all.map((s) => s.origin)) });
    expect(results.map((r) => r.status)).toEqual(Array(9).fill("ok"));
    expect(overlapSeen).toBe(true);
    for (const server of all) {
      expect(server.maxInFlight).toBe(1);
      const times = server.requests.map((r) => r.at);
      expect(times).toHaveLength(3);
      for (let index = 1; index < times.length; index++) expect(times[index]! - times[index - 1]!).toBeGreaterThanOrEqual(1500);
    }
  });

  test("the same address cited twice is checked once", async () => {
    const clock = new FakeClock();
    const server = await serve(clock, { "/ok": answer(200) });
    const { results } = await checkLinks([server.url("/ok"), server.url("/ok")], SETTINGS, { clock, fetch: fetchOnly(server.origin) });
    expect(results).toHaveLength(1);
    expect(server.requests).toHaveLength(1);
  });
});

test("an address that is not a web address is a caller's mistake: refused before any request", async () => {
  await expect(checkLinks(["https://example.org/ok", "mailto:someone@example.org"], SETTINGS, { clock: new FakeClock(), fetch: fetchOnly() })).rejects.toThrow(
    "not a web address: mailto:someone@example.org",
  );
});

describe("the time budget", () => {
  test("when it runs out, the addresses left are unchecked, not broken, and no request starts after it", async () => {
    const { results, budgetExhausted, server, clock } = await check(
      { "/1": answer(200), "/2": answer(200), "/3": answer(200), "/4": answer(200), "/5": answer(200) },
      ["/1", "/2", "/3", "/4", "/5"],
      { gapMs: 4000, budgetMs: 10_000 },
    );
    expect(results.map((r) => r.status)).toEqual(["ok", "ok", "ok", "unchecked", "unchecked"]);
    expect(budgetExhausted).toBe(true);
    expect(server.requests.map((r) => r.at - clock.start)).toEqual([0, 4000, 8000]);
  });

  test("a retry that would start after the deadline leaves the address unchecked, with what the last try got", async () => {
    const { result } = await check({ "/down": answer(503) }, ["/down"], { budgetMs: 1500, backoffMs: 2000 });
    expect(result("/down")).toEqual(expect.objectContaining({ status: "unchecked", reason: "budget", detail: "503", requests: 1 }));
  });

  test("a request cut short by the deadline is unchecked, not a timeout", async () => {
    const hang: Route = (_request, _response, { clock }) => {
      clock.advance(6000);
    };
    const { result } = await check({ "/hang": hang }, ["/hang"], { budgetMs: 5000, timeoutMs: 20_000 });
    expect(result("/hang")).toMatchObject({ status: "unchecked", reason: "budget" });
  });
});

describe("network failures on this computer", () => {
  test("a refused connection is broken at once", async () => {
    const clock = new FakeClock();
    const server = await startServer(clock, {});
    const url = server.url("/closed");
    await server.close();
    const { results } = await checkLinks([url], SETTINGS, { clock, fetch: fetchOnly(server.origin) });
    expect(results[0]).toMatchObject({ status: "broken", reason: "refused", detail: "ECONNREFUSED", requests: 1 });
  });

  test("a failed secure connection (TLS) is broken at once", async () => {
    const clock = new FakeClock();
    const server = await serve(clock, { "/": answer(200) });
    const secure = `https://${server.host}/`;
    const { results } = await checkLinks([secure], SETTINGS, { clock, fetch: fetchOnly(`https://${server.host}`) });
    expect(results[0]).toMatchObject({ status: "broken", reason: "tls", requests: 1 });
    expect((results[0] as { detail: string }).detail).toMatch(/^ERR_SSL_|^ERR_TLS_|^EPROTO/);
  });
});
