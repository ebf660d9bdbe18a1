import { Octokit } from "octokit";
import type { RequestClient } from "../exec/execute.ts";
import type { GitHubClient } from "../facts/github.ts";

/**
 * The production client: octokit with its retry and throttling plugins on (they are off in
 * tests, where the fake GitHub answers at once). `fetch` is injectable for tests.
 */
export function createOctokit(options: {
  token: string;
  baseUrl?: string;
  fetch?: typeof fetch;
  quiet?: boolean;
  userAgent?: string;
}): GitHubClient & RequestClient {
  return new Octokit({
    auth: options.token,
    userAgent: options.userAgent ?? "cop-atlas-review-bot",
    ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
    ...(options.fetch ? { request: { fetch: options.fetch } } : {}),
    ...(options.quiet ? { throttle: { enabled: false }, retry: { enabled: false } } : {}),
  }) as GitHubClient & RequestClient;
}
