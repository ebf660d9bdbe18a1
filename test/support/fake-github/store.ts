/**
 * The fake GitHub's in-memory state: one repository with its commits, branches, pull requests,
 * reviews, comments, labels, statuses and workflow runs. Tests seed it with the helpers on
 * FakeGitHub (see index.ts) and assert on it after a run.
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

export interface FakePull {
  number: number;
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
  labels: string[];
  requestedUsers: FakeUser[];
  requestedTeams: string[];
  reviews: FakeReview[];
  comments: FakeComment[];
  createdAt: string;
}

/** An issue (not a pull request); issues and pull requests share one sequence of numbers, as on GitHub. */
export interface FakeIssue {
  number: number;
  title: string;
  body: string;
  state: "open" | "closed";
  stateReason: "completed" | "not_planned" | "reopened" | null;
  user: FakeUser;
  labels: string[];
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
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
  /** Commit sha → (path → text). */
  commits: Map<string, Map<string, string>>;
  /** "heads/main" → sha */
  refs: Map<string, string>;
  pulls: Map<number, FakePull>;
  issues: Map<number, FakeIssue>;
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
    commits: new Map(),
    refs: new Map(),
    pulls: new Map(),
    issues: new Map(),
    statuses: new Map(),
    runs: [],
    workflows: new Set([".github/workflows/validate.yml"]),
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

/** The next issue or pull-request number: one sequence for both, as on GitHub. */
export function nextNumber(state: FakeState): number {
  return Math.max(0, ...state.pulls.keys(), ...state.issues.keys()) + 1;
}

/** The fake clock: each call is one minute after the previous one, so runs are reproducible. */
export function tick(state: FakeState): string {
  state.clock += 60_000;
  return new Date(state.clock).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** Stores a commit's files and returns its sha (a hash of the content and a counter). */
export function storeCommit(state: FakeState, files: Record<string, string>): string {
  const sha = createHash("sha1")
    .update(`${newId(state)}\n${JSON.stringify(Object.entries(files).sort())}`)
    .digest("hex");
  state.commits.set(sha, new Map(Object.entries(files)));
  return sha;
}

/** The files that differ between two commits, as the pull-request files API lists them. */
export function diffCommits(state: FakeState, baseSha: string, headSha: string): FakeFile[] {
  const base = state.commits.get(baseSha) ?? new Map<string, string>();
  const head = state.commits.get(headSha) ?? new Map<string, string>();
  const files: FakeFile[] = [];
  for (const path of [...new Set([...base.keys(), ...head.keys()])].sort()) {
    const before = base.get(path);
    const after = head.get(path);
    if (before === after) continue;
    files.push({ filename: path, status: before === undefined ? "added" : after === undefined ? "removed" : "modified" });
  }
  return files;
}
