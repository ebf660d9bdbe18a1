import type { EntryFile } from "../scaffold/entry.ts";
import type { IssueFacts, SubmissionStep, TargetFacts } from "./decide.ts";
import { ISSUE_COMMENT_MARKER } from "./render.ts";

/** The one octokit method the submission bot needs: any Octokit instance has it. */
export interface RequestClient {
  request(route: string, params?: Record<string, unknown>): Promise<{ status: number; data: unknown }>;
}

export interface RepoRef {
  owner: string;
  repo: string;
}

type Json = Record<string, unknown>;

function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === "number" ? status : undefined;
}

/** A GET that answers undefined for 404 (a missing file, branch or comment) and throws otherwise. */
async function getOrMissing(client: RequestClient, route: string, params: Record<string, unknown>): Promise<unknown> {
  try {
    return (await client.request(route, params)).data;
  } catch (error) {
    if (statusOf(error) === 404) return undefined;
    throw error;
  }
}

/** Every page of a list (100 per page), up to `maxPages`. */
async function listAll(client: RequestClient, route: string, params: Record<string, unknown>, maxPages = 10): Promise<Json[]> {
  const items: Json[] = [];
  for (let page = 1; page <= maxPages; page++) {
    const { data } = await client.request(route, { ...params, per_page: 100, page });
    const batch = Array.isArray(data) ? (data as Json[]) : [];
    items.push(...batch);
    if (batch.length < 100) break;
  }
  return items;
}

/** The issue as it is now (the event may be older than the last edit). */
export async function readIssue(client: RequestClient, repo: RepoRef, number: number): Promise<IssueFacts> {
  const { data } = await client.request("GET /repos/{owner}/{repo}/issues/{issue_number}", { ...repo, issue_number: number });
  const issue = data as Json;
  const user = (issue.user ?? {}) as Json;
  return {
    number,
    body: typeof issue.body === "string" ? issue.body : "",
    state: issue.state === "closed" ? "closed" : "open",
    isPullRequest: issue.pull_request !== undefined && issue.pull_request !== null,
    labels: ((issue.labels ?? []) as Array<Json | string>).map((label) => (typeof label === "string" ? label : String(label.name ?? ""))),
    author: { id: Number(user.id), login: String(user.login ?? ""), type: String(user.type ?? "") },
  };
}

/** The bot's own status comments on the issue, oldest first: found by the marker AND the bot account. */
export async function readBotComments(client: RequestClient, repo: RepoRef, number: number, botLogin: string): Promise<{ id: number; body: string }[]> {
  const comments = await listAll(client, "GET /repos/{owner}/{repo}/issues/{issue_number}/comments", { ...repo, issue_number: number });
  return comments
    .filter((comment) => {
      const user = comment.user as Json | null;
      return user?.type === "Bot" && user.login === botLogin && typeof comment.body === "string" && comment.body.startsWith(ISSUE_COMMENT_MARKER);
    })
    .map((comment) => ({ id: Number(comment.id), body: String(comment.body) }))
    .sort((a, b) => a.id - b.id);
}

/** Everything the decision needs about the target of a valid submission. */
export async function readTarget(
  client: RequestClient,
  repo: RepoRef,
  options: { defaultBranch: string; entryDir: string; profilePath: string; branch: string; author: string; submissionLabel: string },
): Promise<TargetFacts> {
  const { data: baseRef } = await client.request("GET /repos/{owner}/{repo}/git/ref/{ref}", { ...repo, ref: `heads/${options.defaultBranch}` });
  const baseSha = String(((baseRef as Json).object as Json).sha);
  const { data: baseCommit } = await client.request("GET /repos/{owner}/{repo}/git/commits/{commit_sha}", { ...repo, commit_sha: baseSha });
  const treeSha = String(((baseCommit as Json).tree as Json).sha);
  const onBase = async (path: string) =>
    (await getOrMissing(client, "GET /repos/{owner}/{repo}/contents/{path}", { ...repo, path, ref: options.defaultBranch })) !== undefined;
  const entryExistsOnBase = await onBase(options.entryDir);
  const countryExistsOnBase = await onBase(options.profilePath);
  const branchRef = (await getOrMissing(client, "GET /repos/{owner}/{repo}/git/ref/{ref}", { ...repo, ref: `heads/${options.branch}` })) as Json | undefined;
  let branch: TargetFacts["branch"] = null;
  if (branchRef) {
    const sha = String((branchRef.object as Json).sha);
    const { data: commit } = await client.request("GET /repos/{owner}/{repo}/git/commits/{commit_sha}", { ...repo, commit_sha: sha });
    branch = { sha, message: String((commit as Json).message ?? "") };
  }
  const { data: pulls } = await client.request("GET /repos/{owner}/{repo}/pulls", {
    ...repo,
    head: `${repo.owner}:${options.branch}`,
    state: "all",
    per_page: 10,
  });
  const found = (Array.isArray(pulls) ? (pulls as Json[]) : []).sort((a, b) => Number(b.number) - Number(a.number))[0];
  const pull: TargetFacts["pull"] = found
    ? {
        number: Number(found.number),
        state: found.state === "closed" ? "closed" : "open",
        merged: typeof found.merged_at === "string",
        title: String(found.title ?? ""),
        body: typeof found.body === "string" ? found.body : "",
      }
    : null;
  const open = await listAll(
    client,
    "GET /repos/{owner}/{repo}/issues",
    {
      ...repo,
      state: "open",
      labels: options.submissionLabel,
      creator: options.author,
      sort: "created",
      direction: "asc",
    },
    1,
  );
  const openSubmissions = open.filter((issue) => !issue.pull_request).map((issue) => Number(issue.number));
  return { defaultBranch: options.defaultBranch, base: { sha: baseSha, treeSha }, entryExistsOnBase, countryExistsOnBase, branch, pull, openSubmissions };
}

function treeEntries(files: readonly EntryFile[]) {
  return files.map((file) => ({ path: file.path, mode: "100644" as const, type: "blob" as const, content: file.text }));
}

/** Sends the steps in order; stops at the first failure (thrown). Returns the pull request number, when one was made. */
export async function executeSteps(client: RequestClient, repo: RepoRef, steps: readonly SubmissionStep[]): Promise<number | null> {
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
        tree: String((tree as Json).sha),
        parents: [step.baseSha],
      });
      const sha = String((commit as Json).sha);
      if (step.create) await client.request("POST /repos/{owner}/{repo}/git/refs", { ...repo, ref: `refs/heads/${step.branch}`, sha });
      // The branch is rebuilt on the default branch's tip each time: force, because it replaces the bot's own commit.
      else await client.request("PATCH /repos/{owner}/{repo}/git/refs/{ref}", { ...repo, ref: `heads/${step.branch}`, sha, force: true });
    } else if (step.kind === "create-pull") {
      const { data } = await client.request("POST /repos/{owner}/{repo}/pulls", {
        ...repo,
        title: step.title,
        body: step.body,
        head: step.head,
        base: step.base,
      });
      pull = Number((data as Json).number);
    } else {
      await client.request("PATCH /repos/{owner}/{repo}/pulls/{pull_number}", { ...repo, pull_number: step.number, title: step.title, body: step.body });
    }
  }
  return pull;
}

/** Creates or updates the bot's one comment; writes nothing when it already says the same. */
export async function upsertComment(
  client: RequestClient,
  repo: RepoRef,
  issue: number,
  existing: readonly { id: number; body: string }[],
  body: string,
): Promise<"created" | "updated" | "unchanged"> {
  const first = existing[0];
  if (!first) {
    await client.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", { ...repo, issue_number: issue, body });
    return "created";
  }
  if (first.body === body) return "unchanged";
  await client.request("PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}", { ...repo, comment_id: first.id, body });
  return "updated";
}
