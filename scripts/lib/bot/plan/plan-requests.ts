import { isManagedLabel } from "../policy/compute-actions.ts";
import { APPROVAL_CONTEXT, findBotComments } from "../sticky.ts";
import type { Actions, BotConfig, BotRequest, PrFacts } from "../types.ts";

/**
 * The minimal writes that turn the pull request's current state (from the facts) into the
 * desired one (the actions). PURE. Ordered: the comment first (it explains everything else),
 * then labels, the status, review requests, and the merge last, so that a failure stops the
 * run before a merge. Nothing is sent for what is already so: a second run plans nothing.
 */
export function planRequests(actions: Actions, facts: PrFacts, config: BotConfig): BotRequest[] {
  if (actions.skip !== null) return [];
  const repo = { owner: facts.repo.owner, repo: facts.repo.name };
  const number = facts.pr.number;
  const requests: BotRequest[] = [];

  // The sticky comment: update the oldest bot comment if its text changed, delete the others.
  const own = findBotComments(facts.markerComments, config.botLogin);
  const [keep, ...duplicates] = own;
  if (!keep) {
    // Without the full list of comments the bot's own might be unseen: do not add a duplicate.
    if (facts.commentsComplete) {
      requests.push({
        route: "POST /repos/{owner}/{repo}/issues/{issue_number}/comments",
        params: { ...repo, issue_number: number, body: actions.comment.body },
      });
    }
  } else if (keep.body !== actions.comment.body) {
    requests.push({ route: "PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}", params: { ...repo, comment_id: keep.id, body: actions.comment.body } });
  }
  for (const duplicate of duplicates) {
    requests.push({ route: "DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}", params: { ...repo, comment_id: duplicate.id } });
  }

  // Labels: only the bot's own kinds are removed; names compare without case, as on GitHub.
  const current = new Map(facts.labels.map((name) => [name.toLowerCase(), name]));
  const desired = new Set(actions.labels.map((name) => name.toLowerCase()));
  for (const [lower, name] of [...current].sort()) {
    if (isManagedLabel(name) && !desired.has(lower)) {
      requests.push({ route: "DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}", params: { ...repo, issue_number: number, name } });
    }
  }
  const missing = actions.labels.filter((name) => !current.has(name.toLowerCase()));
  if (missing.length > 0) {
    requests.push({ route: "POST /repos/{owner}/{repo}/issues/{issue_number}/labels", params: { ...repo, issue_number: number, labels: missing } });
  }

  // The approval status: the newest status of the context wins on GitHub, so it must be the bot's own and equal.
  const latest = facts.approvalStatuses[0];
  const wanted = actions.status;
  if (
    !latest ||
    latest.creator?.login !== config.botLogin ||
    latest.state !== wanted.state ||
    latest.description !== wanted.description ||
    latest.targetUrl !== wanted.targetUrl
  ) {
    requests.push({
      route: "POST /repos/{owner}/{repo}/statuses/{sha}",
      params: { ...repo, sha: facts.pr.headSha, state: wanted.state, context: APPROVAL_CONTEXT, description: wanted.description, target_url: wanted.targetUrl },
    });
  }

  // Review requests: only those not already outstanding.
  const requestedIds = new Set(facts.requestedReviewers.users.map((u) => u.id));
  const requestedTeams = new Set(facts.requestedReviewers.teams.map((t) => t.toLowerCase()));
  const users = actions.reviewers.users.filter((u) => !requestedIds.has(u.id)).map((u) => u.login);
  const teams = actions.reviewers.teams.filter((t) => !requestedTeams.has(t.toLowerCase()));
  if (users.length > 0 || teams.length > 0) {
    requests.push({
      route: "POST /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers",
      params: {
        ...repo,
        pull_number: number,
        ...(users.length > 0 ? { reviewers: users } : {}),
        ...(teams.length > 0 ? { team_reviewers: teams } : {}),
      },
    });
  }

  if (actions.merge) {
    requests.push({
      route: "PUT /repos/{owner}/{repo}/pulls/{pull_number}/merge",
      params: {
        ...repo,
        pull_number: number,
        sha: actions.merge.sha,
        merge_method: "squash",
        commit_title: actions.merge.commitTitle,
        commit_message: actions.merge.commitMessage,
      },
    });
  }
  return requests;
}
