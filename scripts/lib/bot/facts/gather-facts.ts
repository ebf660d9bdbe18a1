import type { GitHubClient } from "../../github/client.ts";
import { githubContentReader } from "../../github/content.ts";
import { describeError, errorStatus } from "../../github/errors.ts";
import { readAll } from "../../github/pager.ts";
import { CONFIG_PATH, parseBotConfig } from "../config.ts";
import { APPROVAL_CONTEXT, STATUS_MARKER } from "../sticky.ts";
import type {
  Account,
  BotConfig,
  ChangedFile,
  CommentFact,
  PreviewFact,
  PrFacts,
  ReviewFact,
  StatusFact,
  ValidationSummary,
  WorkflowRunFact,
} from "../types.ts";
import { type ChangeVocabulary, gatherContentFacts } from "./content.ts";
import { gatherContributors } from "./contributors.ts";

/** The repository a run works on. */
export interface RepoRef {
  owner: string;
  repo: string;
  /** "https://github.com", or a GitHub Enterprise address: links in the comment are built from it. */
  serverUrl: string;
}

/** The repository a workflow runs in, from GITHUB_REPOSITORY ("owner/name") and GITHUB_SERVER_URL. */
export function repoFromEnvironment(repository: string | undefined, serverUrl: string | undefined): RepoRef {
  const match = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})$/.exec(repository ?? "");
  if (!match) throw new Error(`GITHUB_REPOSITORY is not "owner/name": ${JSON.stringify(repository ?? "").slice(0, 120)}`);
  return { owner: match[1] as string, repo: match[2] as string, serverUrl: (serverUrl ?? "https://github.com").replace(/\/+$/, "") };
}

/** Where trust comes from: the default branch, pinned to one commit for the whole run. */
export interface TrustAnchor {
  defaultBranch: string;
  sha: string;
}

/** Resolves the default branch and its current commit: profiles and the config are read there, never at the head. */
export async function resolveTrustAnchor(client: GitHubClient, repo: RepoRef): Promise<TrustAnchor> {
  const { data } = await client.request("GET /repos/{owner}/{repo}", { owner: repo.owner, repo: repo.repo });
  const defaultBranch = String(data.default_branch ?? "");
  if (!defaultBranch) throw new Error("the repository has no default branch");
  const ref = await client.request("GET /repos/{owner}/{repo}/git/ref/{ref}", {
    owner: repo.owner,
    repo: repo.repo,
    ref: `heads/${defaultBranch}`,
  });
  const sha = String(ref.data.object?.sha ?? "");
  if (!/^[0-9a-f]{40}$/.test(sha)) throw new Error(`could not resolve ${defaultBranch} to a commit`);
  return { defaultBranch, sha };
}

/** Reads the bot config at the trust commit. */
export async function loadBotConfig(client: GitHubClient, repo: RepoRef, trust: TrustAnchor): Promise<BotConfig> {
  const read = await githubContentReader(client, repo.owner, repo.repo).readFile(trust.sha, CONFIG_PATH);
  if (read.status === "error") return { ...parseBotConfig(null), problems: [`${CONFIG_PATH} could not be read (${read.message}).`] };
  return parseBotConfig(read.status === "ok" ? read.text : null);
}

export interface GatherInput {
  repo: RepoRef;
  pullNumber: number;
  config: BotConfig;
  trust: TrustAnchor;
  /** The findings of the validation run that triggered this bot run, already checked (see consumeValidationArtifact). */
  artifact?: ValidationSummary | null;
  /** Set when a validation artifact was expected but refused: the bot then asks for a human. */
  artifactProblem?: string | null;
  /** The default branch's vocabularies: with them the comment shows what changed in each entry, values with labels. */
  describe?: ChangeVocabulary;
}

/** Designated reviewers whose current login the bot looks up, at most. */
const MAX_ACCOUNT_LOOKUPS = 40;

/**
 * Gathers every fact about one pull request: the only reads the bot makes. Lists are read to the
 * end and say when they could not be; an API error in one part becomes a problem (the bot then
 * asks for a human) instead of a guess. Throws only when the pull request itself cannot be read.
 */
export async function gatherFacts(client: GitHubClient, input: GatherInput): Promise<PrFacts> {
  const { owner, repo } = input.repo;
  const base = { owner, repo };
  const problems: string[] = [];
  if (input.artifactProblem) problems.push(input.artifactProblem);

  const { data } = await client.request("GET /repos/{owner}/{repo}/pulls/{pull_number}", { ...base, pull_number: input.pullNumber });
  const pr = data as unknown as PullData;
  const headSha = pr.head.sha;

  const part = async <T>(what: string, fallback: T, read: () => Promise<T>): Promise<T> => {
    try {
      return await read();
    } catch (error) {
      problems.push(`Could not read the ${what}: ${describeError(error)}.`);
      return fallback;
    }
  };
  const number = { ...base, pull_number: input.pullNumber };
  const issue = { ...base, issue_number: input.pullNumber };

  const files = await part("changed files", { items: [] as ChangedFile[], complete: false }, async () => {
    const list = await readAll<FileData>(client, "GET /repos/{owner}/{repo}/pulls/{pull_number}/files", number);
    return { items: list.items.map(toChangedFile), complete: list.complete };
  });
  const reviews = await part("reviews", { items: [] as ReviewFact[], complete: false }, async () => {
    const list = await readAll<ReviewData>(client, "GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews", number);
    return { items: list.items.map(toReview), complete: list.complete };
  });
  const requested = await part("review requests", { users: [] as Account[], teams: [] as string[] }, async () => {
    const { data } = await client.request("GET /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers", number);
    const value = data as { users: UserData[]; teams: { slug: string }[] };
    return { users: value.users.map(toAccount), teams: value.teams.map((t) => t.slug) };
  });
  const comments = await part("comments", { items: [] as CommentFact[], complete: false }, async () => {
    const list = await readAll<CommentData>(client, "GET /repos/{owner}/{repo}/issues/{issue_number}/comments", issue);
    const items = list.items
      .filter((c) => typeof c.body === "string" && c.body.includes(STATUS_MARKER))
      .map((c) => ({ id: c.id, user: c.user ? toAccount(c.user) : null, body: c.body ?? "" }));
    return { items, complete: list.complete };
  });
  const labels = await part("labels", { items: [] as string[], complete: false }, async () => {
    const list = await readAll<{ name: string }>(client, "GET /repos/{owner}/{repo}/issues/{issue_number}/labels", issue);
    return { items: list.items.map((l) => l.name), complete: list.complete };
  });
  const statuses = await part("commit statuses", { items: [] as StatusFact[], complete: false }, async () => {
    const list = await readAll<StatusData>(client, "GET /repos/{owner}/{repo}/commits/{ref}/statuses", { ...base, ref: headSha });
    const items = list.items
      .filter((s) => s.context === APPROVAL_CONTEXT)
      .map((s) => ({ state: s.state, description: s.description, targetUrl: s.target_url, creator: s.creator ? toAccount(s.creator) : null }));
    return { items, complete: list.complete };
  });
  const runs = await part("validation runs", [] as WorkflowRunFact[], async () => {
    const workflowId = input.config.validateWorkflow.split("/").pop() ?? "";
    try {
      const list = await readAll<RunData>(client, "GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs", {
        ...base,
        workflow_id: workflowId,
        head_sha: headSha,
        event: "pull_request",
      });
      // Runs of one commit are few; a list too long to read is a problem, not a guess.
      if (!list.complete) throw new Error("more validation runs than the bot reads");
      return list.items.map(toRun);
    } catch (error) {
      // No such workflow on this repository yet: there is simply no validation.
      if (errorStatus(error) === 404) return [];
      throw error;
    }
  });

  const preview = await readPreview(client, base, input.config.previewWorkflow, headSha);

  const changedFiles = files.items;
  const content = await part("repository content", { profiles: {}, entries: {}, entriesNotRead: 0 } as Awaited<ReturnType<typeof gatherContentFacts>>, () =>
    gatherContentFacts(githubContentReader(client, owner, repo), {
      files: changedFiles,
      trustSha: input.trust.sha,
      headSha,
      baseSha: pr.base.sha,
      ...(input.describe ? { describe: input.describe } : {}),
    }),
  );

  // Current logins of the designated reviewers: review requests go by login, and logins change.
  const accounts: Record<number, string | null> = {};
  const ids = new Set<number>();
  for (const profile of Object.values(content.profiles)) {
    if (profile.base.status === "ok") for (const reviewer of profile.base.reviewers) ids.add(reviewer.id);
  }
  for (const id of [...ids].sort((a, b) => a - b).slice(0, MAX_ACCOUNT_LOOKUPS)) {
    try {
      const { data } = await client.request("GET /user/{account_id}", { account_id: id });
      accounts[id] = String(data.login);
    } catch (error) {
      if (errorStatus(error) === 404) accounts[id] = null;
      else problems.push(`Could not look up the account ${id}: ${describeError(error)}.`);
    }
  }

  const headRepo = pr.head.repo ? { owner: pr.head.repo.owner.login, name: pr.head.repo.name } : null;
  const contributors = await gatherContributors(
    client,
    { owner, repo, pullNumber: input.pullNumber, headRef: pr.head.ref, headRepo, commits: pr.commits },
    problems,
  );

  const changed = pr.changed_files;
  return {
    repo: { owner, name: repo, serverUrl: input.repo.serverUrl },
    pr: {
      number: pr.number,
      state: pr.state,
      merged: pr.merged === true,
      draft: pr.draft === true,
      headSha,
      baseSha: pr.base.sha,
      baseRef: pr.base.ref,
      mergeable: typeof pr.mergeable === "boolean" ? pr.mergeable : null,
      author: pr.user ? toAccount(pr.user) : { id: 0, login: "ghost", type: "User" },
      body: pr.body ?? "",
      changedFiles: changed,
      headRef: pr.head.ref,
      headRepo,
      commits: pr.commits,
    },
    trust: input.trust,
    files: changedFiles,
    filesComplete: files.complete && changedFiles.length === changed && changedFiles.length < 3000,
    reviews: reviews.items,
    reviewsComplete: reviews.complete,
    requestedReviewers: requested,
    markerComments: comments.items,
    commentsComplete: comments.complete,
    labels: labels.items,
    labelsComplete: labels.complete,
    approvalStatuses: statuses.items,
    statusesComplete: statuses.complete,
    profiles: content.profiles,
    entries: content.entries,
    entriesNotRead: content.entriesNotRead,
    accounts,
    validation: {
      runs,
      artifact: input.artifact && input.artifact.headSha === headSha ? input.artifact : null,
    },
    contributors,
    preview,
    problems,
  };
}

/**
 * The latest run of the site-preview workflow for the head commit. The preview helps reviewers
 * but decides nothing, so a failure to read it leaves it out instead of asking for a human.
 */
async function readPreview(client: GitHubClient, base: { owner: string; repo: string }, workflow: string, headSha: string): Promise<PreviewFact | null> {
  try {
    const { data } = await client.request("GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs", {
      ...base,
      workflow_id: workflow.split("/").pop() ?? "",
      head_sha: headSha,
      event: "pull_request",
      per_page: 20,
    });
    const latest = [...data.workflow_runs].sort((a, b) =>
      a.created_at < b.created_at ? 1 : a.created_at > b.created_at ? -1 : Number(b.id) - Number(a.id),
    )[0];
    if (!latest) return null;
    const state = latest.status !== "completed" ? "building" : latest.conclusion === "success" ? "ready" : "failed";
    return { runId: Number(latest.id), state };
  } catch {
    return null;
  }
}

interface UserData {
  id: number;
  login: string;
  type?: string;
}
interface PullData {
  number: number;
  state: string;
  merged?: boolean;
  draft?: boolean;
  mergeable?: boolean | null;
  body: string | null;
  user: UserData | null;
  changed_files: number;
  commits: number;
  head: { sha: string; ref: string; repo: { name: string; owner: { login: string } } | null };
  base: { sha: string; ref: string };
}
interface FileData {
  filename: string;
  status: ChangedFile["status"];
  previous_filename?: string;
}
interface ReviewData {
  id: number;
  user: UserData | null;
  state: string;
  commit_id: string | null;
  submitted_at?: string;
}
interface CommentData {
  id: number;
  body?: string;
  user: UserData | null;
}
interface StatusData {
  state: string;
  context: string;
  description: string | null;
  target_url: string | null;
  creator: UserData | null;
}
interface RunData {
  id: number;
  name?: string | null;
  path: string;
  event: string;
  head_sha: string;
  status: string | null;
  conclusion: string | null;
  created_at: string;
}

function toAccount(user: UserData): Account {
  return { id: user.id, login: user.login, type: user.type ?? "User" };
}

function toChangedFile(file: FileData): ChangedFile {
  return { path: file.filename, status: file.status, ...(file.previous_filename ? { previousPath: file.previous_filename } : {}) };
}

function toReview(review: ReviewData): ReviewFact {
  return {
    id: review.id,
    user: review.user ? toAccount(review.user) : null,
    state: review.state,
    commitId: review.commit_id,
    submittedAt: review.submitted_at ?? null,
  };
}

function toRun(run: RunData): WorkflowRunFact {
  return {
    id: run.id,
    name: run.name ?? null,
    path: run.path,
    event: run.event,
    headSha: run.head_sha,
    status: run.status,
    conclusion: run.conclusion,
    createdAt: run.created_at,
  };
}
