import type { BotRequest } from "../types.ts";

/** The one octokit method the executor needs: any Octokit instance has it. */
export interface RequestClient {
  request(route: string, params?: Record<string, unknown>): Promise<unknown>;
}

export interface ExecutionResult {
  /** How many requests succeeded, in order. */
  sent: number;
  /** The request that failed, and why; the ones after it were not sent. */
  failed: { request: BotRequest; status: number | null; message: string } | null;
}

/** Sends the planned writes in order and stops at the first failure: a merge is never sent after a failed step. */
export async function execute(client: RequestClient, requests: readonly BotRequest[]): Promise<ExecutionResult> {
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
