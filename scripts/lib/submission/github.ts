import type { GitHubClient } from "../github/client.ts";
import { errorStatus } from "../github/errors.ts";
import { readAll } from "../github/pager.ts";
import type { EntryFile } from "../scaffold/entry.ts";
import type { IssueFacts, SubmissionStep, TargetFacts } from "./decide.ts";
import { ISSUE_COMMENT_MARKER } from "./render.ts";

export interface RepoRef {
  owner: string;
  repo: string;
}

type Json = Record<string, unknown>;

/** Open submissions of one person the bot counts at most (the limit is far lower). */
const MAX_OPEN_LISTED = 1000;

/** The issue as it is now (the event may be older than the last edit). */
export async function readIssue(client: GitHubClient, repo: RepoRef, number: number): Promise<IssueFacts> {
  const { data: issue } = await client.request("GET /repos/{owner}/{repo}/issues/{issue_number}", { ...repo, issue_number: number });
  const user = issue.user;
  return {
    number,
    body: typeof issue.body === "string" ? issue.body : "",
    state: issue.state === "closed" ? "closed" : "open",
    isPullRequest: issue.pull_request !== undefined && issue.pull_request !== null,
    labels: issue.labels.map((label) => (typeof label === "string" ? label : String(label.name ?? ""))),
    author: { id: Number(user?.id ?? 0), login: String(user?.login ?? ""), type: String(user?.type ?? "") },
  };
}

/** The bot's own status comments on the issue, oldest first: found by the marker AND the bot account, in the whole list. */
export async function readBotComments(client: GitHubClient, repo: RepoRef, number: number, botLogin: string): Promise<{ id: number; body: string }[]> {
  const comments = await readAll<Json>(client, "GET /repos/{owner}/{repo}/issues/{issue_number}/comments", { ...repo, issue_number: number });
  // A comment missed in a cut list would be duplicated: fail instead (the next run retries).
  if (!comments.complete) throw new Error(`issue #${number} has more comments than the bot reads`);
  return comments.items
    .filter((comment) => {
      const user = comment.user as Json | null;
      return user?.type === "Bot" && user.login === botLogin && typeof comment.body === "string" && comment.body.startsWith(ISSUE_COMMENT_MARKER);
    })
    .map((comment) => ({ id: Number(comment.id), body: String(comment.body) }))
    .sort((a, b) => a.id - b.id);
}

/** Everything the decision needs about the target of a valid submission. */
export async function readTarget(
  client: GitHubClient,
  repo: RepoRef,
  options: { defaultBranch: string; entryDir: string; profilePath: string; branch: string; author: string; submissionLabel: string },
): Promise<TargetFacts> {
  const { data: baseRef } = await client.request("GET /repos/{owner}/{repo}/git/ref/{ref}", { ...repo, ref: `heads/${options.defaultBranch}` });
  const baseSha = baseRef.object.sha;
  const { data: baseCommit } = await client.request("GET /repos/{owner}/{repo}/git/commits/{commit_sha}", { ...repo, commit_sha: baseSha });
  const treeSha = baseCommit.tree.sha;
  const entryExistsOnBase = await pathExists(client, repo, baseSha, options.entryDir);
  const countryExistsOnBase = await pathExists(client, repo, baseSha, options.profilePath);
  let branch: TargetFacts["branch"] = null;
  try {
    const { data: branchRef } = await client.request("GET /repos/{owner}/{repo}/git/ref/{ref}", { ...repo, ref: `heads/${options.branch}` });
    const sha = branchRef.object.sha;
    const { data: commit } = await client.request("GET /repos/{owner}/{repo}/git/commits/{commit_sha}", { ...repo, commit_sha: sha });
    branch = { sha, message: commit.message ?? "" };
  } catch (error) {
    if (errorStatus(error) !== 404) throw error;
  }
  const pulls = await readAll<Json>(client, "GET /repos/{owner}/{repo}/pulls", { ...repo, head: `${repo.owner}:${options.branch}`, state: "all" });
  const found = pulls.items.sort((a, b) => Number(b.number) - Number(a.number))[0];
  const pull: TargetFacts["pull"] = found
    ? {
        number: Number(found.number),
        state: found.state === "closed" ? "closed" : "open",
        merged: typeof found.merged_at === "string",
        title: String(found.title ?? ""),
        body: typeof found.body === "string" ? found.body : "",
        labels: Array.isArray(found.labels) ? found.labels.map((label: { name?: unknown }) => String(label?.name ?? "")) : [],
      }
    : null;
  const open = await readAll<Json>(
    client,
    "GET /repos/{owner}/{repo}/issues",
    { ...repo, state: "open", labels: options.submissionLabel, creator: options.author, sort: "created", direction: "asc" },
    { maxItems: MAX_OPEN_LISTED },
  );
  const openSubmissions = open.items.filter((issue) => !issue.pull_request).map((issue) => Number(issue.number));
  return { defaultBranch: options.defaultBranch, base: { sha: baseSha, treeSha }, entryExistsOnBase, countryExistsOnBase, branch, pull, openSubmissions };
}

/** True when anything (a file or a folder) is at `path` in that commit; an API error other than 404 is thrown. */
async function pathExists(client: GitHubClient, repo: RepoRef, ref: string, path: string): Promise<boolean> {
  try {
    await client.request("GET /repos/{owner}/{repo}/contents/{path}", { ...repo, path, ref });
    return true;
  } catch (error) {
    if (errorStatus(error) === 404) return false;
    throw error;
  }
}

function treeEntries(files: readonly EntryFile[]) {
  return files.map((file) => ({ path: file.path, mode: "100644" as const, type: "blob" as const, content: file.text }));
}

/** Sends the steps in order; stops at the first failure (thrown). Returns the pull request number, when one was made. */
export async function executeSteps(client: GitHubClient, repo: RepoRef, steps: readonly SubmissionStep[]): Promise<number | null> {
  let pull: number | null = null;
  for (const step of steps) {
    if (step.kind === "commit") {
      const { data: tree } = await client.request("POST /repos/{owner}/{repo}/git/trees", {
        ...repo,
        base_tree: step.baseTreeSha,
        tree: treeEntries(step.files),
      });
      const { data: commit } = await client.request("POST /repos/{owner}/{repo}/git/commits", {
        ...repo,
        message: step.message,
        tree: tree.sha,
        parents: [step.baseSha],
      });
      if (step.create) await client.request("POST /repos/{owner}/{repo}/git/refs", { ...repo, ref: `refs/heads/${step.branch}`, sha: commit.sha });
      // The branch is rebuilt on the default branch's tip each time: force, because it replaces the bot's own commit.
      else await client.request("PATCH /repos/{owner}/{repo}/git/refs/{ref}", { ...repo, ref: `heads/${step.branch}`, sha: commit.sha, force: true });
    } else if (step.kind === "create-pull") {
      const { data } = await client.request("POST /repos/{owner}/{repo}/pulls", {
        ...repo,
        title: step.title,
        body: step.body,
        head: step.head,
        base: step.base,
      });
      pull = data.number;
    } else if (step.kind === "reopen-pull") {
      await client.request("PATCH /repos/{owner}/{repo}/pulls/{pull_number}", { ...repo, pull_number: step.number, state: "open" });
      await client.request("DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}", { ...repo, issue_number: step.number, name: step.label });
    } else {
      await client.request("PATCH /repos/{owner}/{repo}/pulls/{pull_number}", { ...repo, pull_number: step.number, title: step.title, body: step.body });
    }
  }
  return pull;
}

/**
 * Makes the bot's one comment say `body`: creates it, or updates the oldest, and deletes any
 * duplicate (left by a run whose answer was lost after GitHub had posted it). Writes nothing
 * when all is as it should be, so a re-run converges.
 */
export async function upsertComment(
  client: GitHubClient,
  repo: RepoRef,
  issue: number,
  existing: readonly { id: number; body: string }[],
  body: string,
): Promise<"created" | "updated" | "unchanged"> {
  const [first, ...duplicates] = existing;
  let outcome: "created" | "updated" | "unchanged" = "unchanged";
  if (!first) {
    await client.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", { ...repo, issue_number: issue, body });
    outcome = "created";
  } else if (first.body !== body) {
    await client.request("PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}", { ...repo, comment_id: first.id, body });
    outcome = "updated";
  }
  for (const duplicate of duplicates) {
    await client.request("DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}", { ...repo, comment_id: duplicate.id });
  }
  return outcome;
}
