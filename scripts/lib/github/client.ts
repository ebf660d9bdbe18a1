/**
 * The one GitHub client both bots use: octokit with its retry and throttling plugins configured
 * for a bot that must not give up at the first hiccup, nor wait for ever, nor write twice.
 *
 * - Server errors (5xx) and dropped connections are retried three times (after 1, 4 and 9 s),
 *   except the creation of a comment: GitHub may have posted it before the answer was lost, and a
 *   second copy would notify everyone again. The next run finds the comment and converges.
 * - Rate limits (primary, and secondary ones on 403 or 429) wait as long as GitHub's
 *   `retry-after` or reset time says, at most twice and never longer than two minutes: beyond
 *   that the run stops and the next one (every event, and the six-hourly sweep) picks up.
 * - Every request has its own time limit, so a stalled connection becomes a retryable error.
 * - Writes are paced as GitHub asks of integrations (octokit's defaults: one write a second).
 *
 * `waitScale` turns GitHub's seconds into milliseconds: 1000 in production, 0 in tests, so that a
 * test exercises every retry without sleeping.
 */
import Bottleneck from "bottleneck";
import { Octokit } from "octokit";

/** The client type both bots take: any Octokit (tests give one wired to the fake GitHub). */
export type GitHubClient = Octokit;

export interface GitHubClientOptions {
  token: string;
  userAgent: string;
  /** GITHUB_API_URL, for GitHub Enterprise. */
  baseUrl?: string;
  fetch?: typeof fetch;
  /** Milliseconds per second of a wait GitHub asks for (1000). Tests set 0. */
  waitScale?: number;
  /** Octokit's pacing of writes (true). Tests turn it off: the fake GitHub has no secondary limits to avoid. */
  pacing?: boolean;
  /** Where retries and rate limits are reported, one line each (nowhere by default). */
  log?: (line: string) => void;
  /** The time limit of one request, in milliseconds (60 s). */
  requestTimeoutMs?: number;
}

/** Retries of a failed request (server errors, dropped connections). */
export const MAX_RETRIES = 3;
/** Waits for a rate limit per request. */
export const MAX_RATE_LIMIT_WAITS = 2;
/** The longest rate-limit wait the bot accepts, in seconds; beyond it the next run takes over. */
export const MAX_RATE_LIMIT_WAIT_SECONDS = 120;
const DEFAULT_REQUEST_TIMEOUT_MS = 60_000;

/** POST …/issues/{n}/comments: not safe to repeat after an unknown outcome. */
const COMMENT_CREATION = /\/issues\/(?:\{issue_number\}|\d+)\/comments$/;

/** Creates the client. Library code: no console, no environment; the CLI passes the token and a log. */
export function createGitHubClient(options: GitHubClientOptions): GitHubClient {
  const scale = options.waitScale ?? 1000;
  const log = options.log ?? (() => {});
  const timeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const baseFetch = options.fetch ?? globalThis.fetch;
  // A fresh time limit per attempt (a retry gets its own), unless the caller brought a signal.
  const fetchWithTimeout: typeof fetch = (input, init) => baseFetch(input, { ...init, signal: init?.signal ?? AbortSignal.timeout(timeoutMs) });

  const rateLimited = (kind: string) => (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
    const retry = retryCount < MAX_RATE_LIMIT_WAITS && retryAfter <= MAX_RATE_LIMIT_WAIT_SECONDS;
    log(
      `${kind} on ${request.method} ${request.url}: ${retry ? `waiting ${retryAfter} s, then retrying` : `not waiting ${retryAfter} s; the next run will converge`}.`,
    );
    return retry;
  };

  const unpaced = options.pacing === false ? { maxConcurrent: 1, minTime: 0 } : null;
  const octokit = new Octokit({
    auth: options.token,
    userAgent: options.userAgent,
    ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
    request: { fetch: fetchWithTimeout },
    log: { debug: () => {}, info: () => {}, warn: (message: string) => log(message), error: (message: string) => log(message) },
    retry: {
      retries: MAX_RETRIES,
      retryAfterBaseValue: scale,
      // 429 is a rate limit: the throttling plugin waits as GitHub says, instead of a blind backoff.
      doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451],
    },
    throttle: {
      retryAfterBaseValue: scale,
      onRateLimit: rateLimited("Rate limit"),
      onSecondaryRateLimit: rateLimited("Secondary rate limit"),
      ...(unpaced ? { write: new Bottleneck.Group(unpaced), notifications: new Bottleneck.Group(unpaced), search: new Bottleneck.Group(unpaced) } : {}),
    },
  });
  octokit.hook.before("request", (request) => {
    if (request.method === "POST" && COMMENT_CREATION.test(request.url)) request.request = { ...request.request, retries: 0 };
  });
  octokit.hook.error("request", (error, request) => {
    const status = (error as { status?: unknown }).status;
    log(`${request.method} ${request.url} failed${typeof status === "number" ? ` (HTTP ${status})` : ""}: ${String((error as Error).message).split("\n")[0]}`);
    throw error;
  });
  return octokit;
}
