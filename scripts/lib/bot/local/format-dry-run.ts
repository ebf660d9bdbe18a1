import type { Actions, BotRequest } from "../types.ts";

/** The dry run's report: what the bot would do, in the order a reviewer wants to read it. */
export function formatDryRun(actions: Actions, requests?: readonly BotRequest[]): string {
  if (actions.skip) return `Verdict: skipped (${actions.skip})\n`;
  const users = actions.reviewers.users.map((u) => `${u.login} (${u.id})`);
  const teams = actions.reviewers.teams.map((t) => `team ${t}`);
  const lines = [
    `Verdict: ${actions.verdict}`,
    `Approval status (${actions.status.context}): ${actions.status.state}: ${actions.status.description}`,
    `Labels: ${actions.labels.join(", ") || "(none)"}`,
    `Review requests: ${[...users, ...teams].join(", ") || "(none)"}`,
    `Merge: ${actions.merge ? `squash at ${actions.merge.sha}` : "no"}`,
  ];
  if (actions.reasons.length > 0) lines.push("Needs a human because:", ...actions.reasons.map((r) => `  - ${r}`));
  if (requests) {
    lines.push(`Requests it would send (${requests.length}):`);
    for (const request of requests) {
      const { owner: _o, repo: _r, ...params } = request.params as Record<string, unknown>;
      const shown = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, k === "body" ? `(${String(v).length} characters)` : v]));
      lines.push(`  ${request.route} ${JSON.stringify(shown)}`);
    }
  }
  lines.push("", "--- comment ---", actions.comment.body);
  return `${lines.join("\n")}\n`;
}
