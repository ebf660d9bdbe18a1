import type { BotRequest } from "../types.ts";

/** The one octokit method the executor needs: any Octokit instance has it. */
export interface RequestClient {
  request(route: string, params?: Record<string, unknown>): Promise<unknown>;
}

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
  client: RequestClient,
  requests: readonly R[],
): Promise<ExecutionResult<R>> {
  let sent = 0;
  for (const request of requests) {
    try {
      await client.request(request.route, request.params);
      sent++;
    } catch (error) {
      const status = typeof (error as { status?: unknown }).status === "number" ? (error as { status: number }).status : null;
      return { sent, failed: { request, status, message: error instanceof Error ? error.message : String(error) } };
    }
  }
  return { sent, failed: null };
}
