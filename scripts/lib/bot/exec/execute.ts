import type { GitHubClient } from "../../github/client.ts";
import { errorStatus } from "../../github/errors.ts";
import type { BotRequest } from "../types.ts";

export interface ExecutionResult<R = BotRequest> {
  /** How many requests succeeded, in order. */
  sent: number;
  /** The request that failed, and why; the ones after it were not sent. */
  failed: { request: R; status: number | null; message: string } | null;
}

/**
 * Sends the planned writes in order and stops at the first failure: a merge is never sent after a
 * failed step. Any planner's requests work (the review bot's, the links issue's): a route and its parameters.
 */
export async function execute<R extends { route: string; params: Record<string, unknown> } = BotRequest>(
  client: GitHubClient,
  requests: readonly R[],
): Promise<ExecutionResult<R>> {
  let sent = 0;
  for (const request of requests) {
    try {
      await client.request(request.route, request.params as never);
      sent++;
    } catch (error) {
      return { sent, failed: { request, status: errorStatus(error), message: error instanceof Error ? error.message : String(error) } };
    }
  }
  return { sent, failed: null };
}
