import { describe, expect, test } from "vitest";
import type { LinkResult } from "../../scripts/lib/links/check-link.ts";
import { describeResult, duration, linkDiagnostics, shorten } from "../../scripts/lib/links/findings.ts";
import { classifyFetchError, retryAfterMs } from "../../scripts/lib/links/http.ts";
import { formatDuration, parseCount, parseDuration } from "../../scripts/lib/links/options.ts";
import { countResults, looksOffline } from "../../scripts/lib/links/run.ts";

/** undici's shape, as Node 20 throws it: TypeError("fetch failed") with the system error as cause. */
function fetchFailed(code: string, message = code): Error {
  return Object.assign(new TypeError("fetch failed"), { cause: Object.assign(new Error(message), { code }) });
}

describe("classifyFetchError", () => {
  test.for([
    ["no such name", fetchFailed("ENOTFOUND", "getaddrinfo ENOTFOUND nowhere.invalid"), "dns", false],
    ["name server did not answer", fetchFailed("EAI_AGAIN"), "network", true],
    ["refused", fetchFailed("ECONNREFUSED"), "refused", false],
    ["reset", fetchFailed("ECONNRESET"), "reset", true],
    ["other side closed", fetchFailed("UND_ERR_SOCKET", "other side closed"), "reset", true],
    ["connect timeout", fetchFailed("UND_ERR_CONNECT_TIMEOUT"), "timeout", true],
    ["expired certificate", fetchFailed("CERT_HAS_EXPIRED"), "tls", false],
    ["certificate for another name", fetchFailed("ERR_TLS_CERT_ALTNAME_INVALID"), "tls", false],
    ["self-signed", fetchFailed("DEPTH_ZERO_SELF_SIGNED_CERT"), "tls", false],
    ["our timer", new DOMException("no answer", "TimeoutError"), "timeout", true],
    [
      "IPv4 and IPv6 both refused",
      Object.assign(new TypeError("fetch failed"), { cause: new AggregateError([fetchFailed("ECONNREFUSED").cause]) }),
      "refused",
      false,
    ],
    ["something else", new Error("strange"), "network", true],
  ] as const)("%s", ([, error, failure, transient]) => {
    expect(classifyFetchError(error)).toMatchObject({ kind: "failure", failure, transient });
  });
});

describe("retryAfterMs", () => {
  const now = Date.parse("2025-06-02T08:00:00Z");
  test.for([
    ["7", 7000],
    [" 120 ", 120_000],
    ["0", 0],
    ["Mon, 02 Jun 2025 08:01:30 GMT", 90_000],
    ["Mon, 02 Jun 2025 07:00:00 GMT", 0],
    ["soon", undefined],
    ["-5", undefined],
    ["1.5", undefined],
  ] as const)("%j", ([header, expected]) => {
    expect(retryAfterMs(header, now)).toBe(expected);
  });
  test("no header", () => expect(retryAfterMs(null, now)).toBeUndefined());
});

describe("durations and counts on the command line", () => {
  test.for([
    ["90s", 90_000],
    ["10m", 600_000],
    ["10min", 600_000],
    ["1h", 3_600_000],
    ["1.5s", 1500],
    ["250ms", 250],
    ["30", 30_000],
  ] as const)("%s", ([text, ms]) => {
    expect(parseDuration(text, "--budget")).toBe(ms);
  });
  test("a duration that cannot be read names the option", () => {
    expect(() => parseDuration("ten minutes", "--budget")).toThrow('--budget "ten minutes" is not a duration: write for example 90s, 10m or 1h');
  });
  test("formatDuration writes what parseDuration reads", () => {
    for (const ms of [600_000, 20_000, 1000, 3_600_000, 250]) expect(parseDuration(formatDuration(ms), "x")).toBe(ms);
    expect([600_000, 20_000, 3_600_000, 250].map(formatDuration)).toEqual(["10m", "20s", "1h", "250ms"]);
  });
  test("counts are whole numbers within bounds", () => {
    expect(parseCount("8", "--concurrency", 1, 64)).toBe(8);
    expect(() => parseCount("0", "--concurrency", 1, 64)).toThrow('--concurrency "0" must be a whole number from 1 to 64');
    expect(() => parseCount("2.5", "--retries", 0, 10)).toThrow(/whole number/);
  });
});

const SETTINGS = { slowMs: 5000, timeoutMs: 20_000, budgetMs: 600_000, maxRedirects: 10 };
const URL_A = "https://example.org/a";
const base = { url: URL_A, requests: 1 };

describe("describeResult: the sentences people read", () => {
  test.for<[string, LinkResult, string, string]>([
    ["fine", { ...base, status: "ok", finalUrl: URL_A, slowestMs: 200, chain: [{ url: URL_A, method: "HEAD", status: 200 }] }, "", ""],
    [
      "moved permanently",
      {
        ...base,
        status: "ok",
        finalUrl: "https://example.org/b",
        slowestMs: 10,
        redirect: { kind: "permanent", suggestedUrl: "https://example.org/b" },
        chain: [
          { url: URL_A, method: "HEAD", status: 301 },
          { url: "https://example.org/b", method: "HEAD", status: 200 },
        ],
      },
      "link-redirected",
      "https://example.org/a has moved permanently to https://example.org/b.",
    ],
    [
      "redirected for now",
      {
        ...base,
        status: "ok",
        finalUrl: "https://example.org/en/a",
        slowestMs: 10,
        redirect: { kind: "temporary", suggestedUrl: "https://example.org/en/a" },
        chain: [
          { url: URL_A, method: "HEAD", status: 302 },
          { url: "https://example.org/en/a", method: "HEAD", status: 200 },
        ],
      },
      "link-redirected",
      "https://example.org/a redirects for now to https://example.org/en/a.",
    ],
    [
      "slow",
      { ...base, status: "ok", finalUrl: URL_A, slowestMs: 7300, chain: [] },
      "link-slow",
      "https://example.org/a took 7.3 s to answer (more than 5 s).",
    ],
    [
      "not found",
      { ...base, status: "broken", reason: "not-found", httpStatus: 404, tries: 1, chain: [] },
      "link-broken",
      "https://example.org/a is not found (404 Not Found).",
    ],
    [
      "gone",
      { ...base, status: "broken", reason: "gone", httpStatus: 410, tries: 1, chain: [] },
      "link-broken",
      "https://example.org/a has been removed for good (410 Gone).",
    ],
    [
      "no such site",
      { ...base, status: "broken", reason: "dns", detail: "ENOTFOUND", tries: 1, chain: [] },
      "link-broken",
      "the site example.org does not exist: its name is not found (ENOTFOUND).",
    ],
    [
      "refused",
      { ...base, status: "broken", reason: "refused", detail: "ECONNREFUSED", tries: 1, chain: [] },
      "link-broken",
      "the site example.org refused the connection (ECONNREFUSED).",
    ],
    [
      "reset",
      { ...base, status: "broken", reason: "reset", detail: "ECONNRESET", tries: 3, chain: [] },
      "link-broken",
      "the site example.org cut the connection without answering (3 tries).",
    ],
    [
      "tls",
      { ...base, status: "broken", reason: "tls", detail: "CERT_HAS_EXPIRED", tries: 1, chain: [] },
      "link-broken",
      "the site example.org has no valid secure connection (CERT_HAS_EXPIRED).",
    ],
    ["loop", { ...base, status: "broken", reason: "redirect-loop", tries: 1, chain: [] }, "link-broken", "https://example.org/a redirects in a loop."],
    [
      "too many",
      { ...base, status: "broken", reason: "too-many-redirects", tries: 1, chain: [] },
      "link-broken",
      "https://example.org/a redirects more than 10 times.",
    ],
    [
      "timeout",
      { ...base, status: "unreachable", reason: "timeout", detail: "TIMEOUT", tries: 3, chain: [] },
      "link-unreachable",
      "the site example.org did not answer within 20 s (3 tries).",
    ],
    [
      "server error",
      { ...base, status: "unreachable", reason: "server-error", httpStatus: 503, tries: 3, chain: [] },
      "link-unreachable",
      "https://example.org/a answered with a server error: 503 Service Unavailable (3 tries).",
    ],
    [
      "rate limited with a long wait",
      { ...base, status: "unreachable", reason: "rate-limited", httpStatus: 429, detail: "retry-after 3600s", tries: 3, chain: [] },
      "link-unreachable",
      "the site example.org asked us to slow down (429 Too Many Requests) and to wait longer than we can (retry-after 3600s).",
    ],
    [
      "access denied",
      { ...base, status: "unreachable", reason: "access-denied", httpStatus: 403, tries: 1, chain: [] },
      "link-unreachable",
      "https://example.org/a refused access (403 Forbidden).",
    ],
    [
      "unchecked",
      { ...base, status: "unchecked", reason: "budget", detail: "503", chain: [] },
      "link-unchecked",
      "https://example.org/a was not checked: the time budget of 10 min ran out first (the last try got 503).",
    ],
  ])("%s", ([, result, ruleId, message]) => {
    const described = describeResult(result, SETTINGS);
    if (ruleId === "") expect(described).toBeUndefined();
    else expect(described).toMatchObject({ ruleId, message });
  });

  test("a redirect's hint shows the chain, without the HEAD that was refused", () => {
    const result: LinkResult = {
      ...base,
      status: "ok",
      finalUrl: "https://example.org/b",
      slowestMs: 10,
      redirect: { kind: "permanent", suggestedUrl: "https://example.org/b" },
      chain: [
        { url: URL_A, method: "HEAD", status: 301 },
        { url: "https://example.org/b", method: "HEAD", status: 405 },
        { url: "https://example.org/b", method: "GET", status: 200 },
      ],
    };
    expect(describeResult(result, SETTINGS)?.hint).toBe(
      "Replace the address with the new one. Redirects: https://example.org/a (301) → https://example.org/b (200).",
    );
  });

  test("long addresses keep their start and end", () => {
    const long = `https://example.org/${"x".repeat(300)}/end-of-the-address.pdf`;
    const short = shorten(long);
    expect(short.length).toBeLessThanOrEqual(120);
    expect(short.startsWith("https://example.org/xx")).toBe(true);
    expect(short.endsWith("/end-of-the-address.pdf")).toBe(true);
  });

  test.for([
    [45_000, "45 s"],
    [600_000, "10 min"],
    [5_400_000, "1 h 30 min"],
    [7_200_000, "2 h"],
  ] as const)("duration(%i) = %s", ([ms, text]) => {
    expect(duration(ms)).toBe(text);
  });
});

describe("linkDiagnostics", () => {
  test("one diagnostic per place the address is written, in the validator's shape and order", () => {
    const results: LinkResult[] = [
      { ...base, status: "broken", reason: "not-found", httpStatus: 404, tries: 1, chain: [] },
      { url: "https://example.org/fine", requests: 1, status: "ok", finalUrl: "https://example.org/fine", slowestMs: 3, chain: [] },
    ];
    const uses = [
      { url: URL_A, file: "countries/ken/country.json", line: 6, column: 14, field: "links[0].url" },
      { url: "https://example.org/fine", file: "countries/ken/country.json", line: 9, column: 14, field: "links[1].url" },
      { url: URL_A, file: "countries/ken/activities/x/en.md", line: 12, column: 20, field: "text" },
    ];
    expect(linkDiagnostics(results, uses, SETTINGS)).toEqual([
      {
        ruleId: "link-broken",
        severity: "error",
        file: "countries/ken/activities/x/en.md",
        line: 12,
        column: 20,
        message: "Link in the text: https://example.org/a is not found (404 Not Found).",
        hint: expect.stringMatching(/^Find the page's new address/),
      },
      {
        ruleId: "link-broken",
        severity: "error",
        file: "countries/ken/country.json",
        line: 6,
        column: 14,
        message: "links[0].url: https://example.org/a is not found (404 Not Found).",
        hint: expect.stringMatching(/^Find the page's new address/),
      },
    ]);
  });
});

describe("counting and the offline guard", () => {
  const fail = (url: string): LinkResult => ({ url, requests: 1, status: "broken", reason: "dns", detail: "ENOTFOUND", tries: 1, chain: [] });
  const fine = (url: string, more: { slowestMs?: number; redirect?: { kind: "permanent"; suggestedUrl: string } } = {}): LinkResult => ({
    url,
    requests: 1,
    status: "ok",
    finalUrl: url,
    slowestMs: 1,
    chain: [{ url, method: "HEAD", status: 200 }],
    ...more,
  });

  test("three sites failing before any answer, and none answering, looks offline", () => {
    expect(looksOffline([fail("https://a.org/"), fail("https://b.org/"), fail("https://c.org/x")])).toBe(true);
  });
  test("one site answering means the network works", () => {
    expect(looksOffline([fail("https://a.org/"), fail("https://b.org/"), fail("https://c.org/"), fine("https://d.org/")])).toBe(false);
  });
  test("two dead sites may just be two dead sites", () => {
    expect(looksOffline([fail("https://a.org/"), fail("https://a.org/2"), fail("https://b.org/")])).toBe(false);
  });
  test("a link counts once, under its worst state", () => {
    const counts = countResults(
      [
        fine("https://a.org/"),
        fail("https://b.org/"),
        fine("https://a.org/slow", { slowestMs: 9000 }),
        fine("https://c.org/", { redirect: { kind: "permanent", suggestedUrl: "https://c.org/new" }, slowestMs: 9000 }),
        { url: "https://d.org/", requests: 0, status: "unchecked", reason: "budget", chain: [] },
      ],
      5000,
    );
    expect(counts).toEqual({ links: 5, sites: 4, ok: 1, redirected: 1, slow: 1, broken: 1, unreachable: 0, unchecked: 1 });
  });
});
