/**
 * The fake GitHub's in-memory state: one repository with its git database (trees, commits,
 * refs), issues, pull requests, reviews, comments, labels, statuses, workflow runs and the push
 * activity of its branches (and of forks' branches). Tests seed it with the helpers on FakeGitHub
 * (see index.ts) and assert on it after a run.
 */
import { createHash } from "node:crypto";

export interface FakeUser {
  id: number;
  login: string;
  type: "User" | "Bot" | "Organization";
}

export interface FakeReview {
  id: number;
  user: FakeUser | null;
  state: "APPROVED" | "CHANGES_REQUESTED" | "COMMENTED" | "DISMISSED" | "PENDING";
  commitId: string;
  submittedAt: string;
  body: string;
}

export interface FakeComment {
  id: number;
  user: FakeUser | null;
  body: string;
  createdAt: string;
  updatedAt: string;
}

export interface FakeStatus {
  id: number;
  state: "error" | "failure" | "pending" | "success";
  context: string;
  description: string | null;
  targetUrl: string | null;
  creator: FakeUser;
  createdAt: string;
}

export interface FakeRun {
  id: number;
  name: string;
  path: string;
  event: string;
  headSha: string;
  headBranch: string;
  /** The login of the head repository's owner (a fork's owner for fork pull requests). */
  headOwner: string;
  status: "queued" | "in_progress" | "completed";
  conclusion: "success" | "failure" | "cancelled" | "skipped" | null;
  createdAt: string;
  workflowId: number;
}

export interface FakeFile {
  filename: string;
  status: "added" | "removed" | "modified" | "renamed" | "copied" | "changed" | "unchanged";
  previous_filename?: string;
}

/** What issues and pull requests share: GitHub numbers them in one sequence and both carry labels and comments. */
export interface FakeThread {
  number: number;
  labels: string[];
  comments: FakeComment[];
}

/** One revision of an issue's body, as GraphQL's `userContentEdits` lists it. */
export interface FakeEdit {
  editor: FakeUser | null;
  editedAt: string;
}

/** An issue (not a pull request); issues and pull requests share one sequence of numbers, as on GitHub. */
export interface FakeIssue extends FakeThread {
  title: string;
  body: string;
  state: "open" | "closed";
  stateReason: "completed" | "not_planned" | "reopened" | null;
  user: FakeUser;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  /** Body edits after it was opened, oldest first. */
  edits: FakeEdit[];
}

/** A commit of the git database. `author` and `committer` are the GitHub accounts the git identities link to. */
export interface FakeCommit {
  sha: string;
  tree: string;
  parents: string[];
  message: string;
  author: FakeUser | null;
  committer: FakeUser | null;
  date: string;
}

/** One entry of a repository's activity (pushes and branch changes, with who did them). */
export interface FakeActivity {
  id: number;
  /** "owner/name" of the repository the ref lives in (a fork's, for a fork's branch). */
  repository: string;
  ref: string;
  before: string;
  after: string;
  type: "push" | "force_push" | "branch_creation" | "branch_deletion" | "pr_merge" | "merge_queue_merge";
  actor: FakeUser | null;
  timestamp: string;
}

export interface FakePull extends FakeThread {
  title: string;
  body: string;
  state: "open" | "closed";
  draft: boolean;
  merged: boolean;
  mergeable: boolean | null;
  user: FakeUser;
  headSha: string;
  headRef: string;
  headOwner: string;
  baseRef: string;
  baseSha: string;
  /** When set, the files API lists these instead of the difference between the base and head commits. */
  files: FakeFile[] | null;
  /** When set, `changed_files` reports this instead of the number of files (the 3000-file cap). */
  changedFiles: number | null;
  requestedUsers: FakeUser[];
  requestedTeams: string[];
  reviews: FakeReview[];
  createdAt: string;
}

export interface FakeMerge {
  number: number;
  sha: string;
  mergeMethod: string;
  commitTitle: string | null;
  commitMessage: string | null;
}

export interface FakeState {
  owner: string;
  repo: string;
  repoId: number;
  defaultBranch: string;
  users: Map<number, FakeUser>;
  /** The authenticated account: author of what the client writes (the bot). */
  actor: FakeUser;
  /** Tree sha → (path → text). */
  trees: Map<string, Map<string, string>>;
  commits: Map<string, FakeCommit>;
  /** "heads/main" → sha */
  refs: Map<string, string>;
  pulls: Map<number, FakePull>;
  issues: Map<number, FakeIssue>;
  /** Pushes and branch changes, in the base repository and in forks. */
  activities: FakeActivity[];
  /** Commit sha → statuses, oldest first. */
  statuses: Map<string, FakeStatus[]>;
  runs: FakeRun[];
  /** Workflow files the repository has (a list of runs of another file is a 404). */
  workflows: Set<string>;
  teams: Map<string, { id: number; slug: string; name: string }>;
  /** Label names on the repository (adding a label to an issue creates it, as on GitHub). */
  repoLabels: Map<string, string>;
  merges: FakeMerge[];
  nextId: number;
  clock: number;
}

/** A fresh state for one repository. */
export function createState(owner: string, repo: string, actor: FakeUser): FakeState {
  const state: FakeState = {
    owner,
    repo,
    repoId: 424242,
    defaultBranch: "main",
    users: new Map([[actor.id, actor]]),
    actor,
    trees: new Map(),
    commits: new Map(),
    refs: new Map(),
    pulls: new Map(),
    issues: new Map(),
    activities: [],
    statuses: new Map(),
    runs: [],
    workflows: new Set([".github/workflows/validate.yml", ".github/workflows/pr-site.yml"]),
    teams: new Map(),
    repoLabels: new Map(),
    merges: [],
    nextId: 1000,
    clock: Date.parse("2025-03-01T09:00:00Z"),
  };
  return state;
}

/** A new id: distinct across every kind of object, increasing. */
export function newId(state: FakeState): number {
  state.nextId += 1;
  return state.nextId;
}

/** The fake clock: each call is one minute after the previous one, so runs are reproducible. */
export function tick(state: FakeState): string {
  state.clock += 60_000;
  return new Date(state.clock).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** The next issue or pull request number: one sequence for both, as on GitHub. */
export function nextNumber(state: FakeState): number {
  return Math.max(0, ...state.pulls.keys(), ...state.issues.keys()) + 1;
}

/** Stores a tree (path → text) and returns its sha. */
export function storeTree(state: FakeState, files: Map<string, string>): string {
  const sha = createHash("sha1")
    .update(`tree\n${JSON.stringify([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))}`)
    .digest("hex");
  state.trees.set(sha, new Map(files));
  return sha;
}

/** Stores a commit with exactly these files and returns its sha (a hash of its content, parents, message and a counter). */
export function storeCommit(
  state: FakeState,
  files: Record<string, string> | Map<string, string>,
  options: { parents?: string[]; message?: string; author?: FakeUser | null; committer?: FakeUser | null } = {},
): string {
  const tree = storeTree(state, files instanceof Map ? files : new Map(Object.entries(files)));
  const parents = options.parents ?? [];
  const message = options.message ?? "A commit";
  const sha = createHash("sha1")
    .update(`${newId(state)}\n${tree}\n${parents.join(",")}\n${message}`)
    .digest("hex");
  const author = options.author ?? null;
  const committer = options.committer === undefined ? author : options.committer;
  state.commits.set(sha, { sha, tree, parents, message, author, committer, date: tick(state) });
  return sha;
}

/** The files of a commit (empty when there is no such commit). */
export function filesAt(state: FakeState, sha: string): Map<string, string> {
  const commit = state.commits.get(sha);
  return new Map(commit ? state.trees.get(commit.tree) : []);
}

/** The commits reachable from `head` and not from `base`, oldest first: what a pull request lists. */
export function commitsBetween(state: FakeState, base: string, head: string): FakeCommit[] {
  const reachable = (from: string): Set<string> => {
    const seen = new Set<string>();
    const stack = [from];
    while (stack.length > 0) {
      const sha = stack.pop() as string;
      if (seen.has(sha)) continue;
      const commit = state.commits.get(sha);
      if (!commit) continue;
      seen.add(sha);
      stack.push(...commit.parents);
    }
    return seen;
  };
  const inBase = reachable(base);
  return [...reachable(head)]
    .filter((sha) => !inBase.has(sha))
    .map((sha) => state.commits.get(sha) as FakeCommit)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** Records a change of a branch in a repository's activity. */
export function recordActivity(state: FakeState, activity: Omit<FakeActivity, "id" | "timestamp">): void {
  state.activities.push({ ...activity, id: newId(state), timestamp: tick(state) });
}

/** The files that differ between two commits, as the pull-request files API lists them. */
export function diffCommits(state: FakeState, baseSha: string, headSha: string): FakeFile[] {
  const base = filesAt(state, baseSha);
  const head = filesAt(state, headSha);
  const files: FakeFile[] = [];
  for (const path of [...new Set([...base.keys(), ...head.keys()])].sort()) {
    const before = base.get(path);
    const after = head.get(path);
    if (before === after) continue;
    files.push({ filename: path, status: before === undefined ? "added" : after === undefined ? "removed" : "modified" });
  }
  return files;
}
