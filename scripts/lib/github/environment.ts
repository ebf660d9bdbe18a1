/**
 * What the command-line tools take from GitHub Actions' environment, read in one place so
 * that each tool says the same thing when a variable is missing.
 */
import { readFileSync } from "node:fs";
import { createGitHubClient, type GitHubClient } from "./client.ts";

/** The variables GitHub Actions sets that the tools read (a subset of process.env). */
export interface ActionsEnvironment {
  GITHUB_TOKEN?: string | undefined;
  GITHUB_API_URL?: string | undefined;
  GITHUB_EVENT_PATH?: string | undefined;
}

/**
 * The GitHub client of a tool, from GITHUB_TOKEN and GITHUB_API_URL (GitHub Enterprise);
 * throws a sentence naming the variable when the token is missing.
 */
export function clientFromEnvironment(env: ActionsEnvironment, userAgent: string, log: (line: string) => void): GitHubClient {
  if (!env.GITHUB_TOKEN) throw new Error("GITHUB_TOKEN is not set.");
  return createGitHubClient({ token: env.GITHUB_TOKEN, userAgent, ...(env.GITHUB_API_URL ? { baseUrl: env.GITHUB_API_URL } : {}), log });
}

/** The event that started the run, parsed from GITHUB_EVENT_PATH: untrusted data for the caller to check. */
export function readActionsEvent(env: ActionsEnvironment): unknown {
  if (!env.GITHUB_EVENT_PATH) throw new Error("GITHUB_EVENT_PATH is not set.");
  return JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, "utf8")) as unknown;
}
