/**
 * An in-process fake of the GitHub REST API (and of the one GraphQL query the bots send), for
 * tests, passed to octokit as its `fetch`:
 *
 *   const github = createFakeGitHub({ owner: "cop-atlas", repo: "atlas", actor: bot });
 *   const octokit = github.octokit();            // no real waiting: retries and pacing at zero delay
 *   ... seed: github.user(), github.commit(), github.branch(), github.openPull(), github.review(),
 *       github.openIssue(), github.editIssue() ...
 *   ... run the code under test with `octokit` ...
 *   expect(github.violations).toEqual([]);       // every request matched GitHub's description
 *   expect(github.writes()).toHaveLength(0);     // e.g. a second, idempotent run
 *
 * Every request is checked against its operation in @octokit/openapi (method, path, path and
 * query parameters, JSON body) and every response the fake sends is checked against the
 * documented response schema; mismatches are collected in `violations` (and the request is
 * answered 422, like GitHub would). GraphQL queries are validated against @octokit/graphql-schema
 * and executed against it. Only the routes in routes.ts are implemented: any other documented
 * route answers 501 and is a violation too, so a test never passes by accident. Any host but
 * api.github.com is refused. `failNext` injects the failures GitHub really produces: server
 * errors, primary and secondary rate limits with their headers, and timeouts before or after the
 * request took effect.
 */
import type { Octokit } from "octokit";
import { createGitHubClient } from "../../../scripts/lib/github/client.ts";
import { webhookProblems } from "./events.ts";
import { executeGraphql, graphqlProblems } from "./graphql.ts";
import { checkRequest, checkResponse, findOperation, precompile } from "./openapi.ts";
import { errorJson } from "./responses.ts";
import { routes } from "./routes.ts";
import {
  createState,
  type FakeFile,
  type FakeIssue,
  type FakePull,
  type FakeReview,
  type FakeRun,
  type FakeState,
  type FakeUser,
  filesAt,
  newId,
  nextNumber,
  recordActivity,
  storeCommit,
  tick,
} from "./store.ts";

export type { FakeCommit, FakeFile, FakeIssue, FakePull, FakeReview, FakeRun, FakeState, FakeUser } from "./store.ts";

/** One request the fake received. */
export interface RecordedRequest {
  method: string;
  /** The operation's path template, e.g. "/repos/{owner}/{repo}/pulls/{pull_number}" ("/graphql" for GraphQL). */
  route: string;
  operationId: string | null;
  url: string;
  params: Record<string, string>;
  query: Record<string, string>;
  body: unknown;
  status: number;
}

export interface FakeGitHubOptions {
  owner?: string;
  repo?: string;
  /** The authenticated account: what the client writes is authored by it. */
  actor?: FakeUser;
}

/** A failure GitHub produces, injected into the next requests of one operation. */
export type Fault =
  /** An HTTP error with GitHub's error body, e.g. 502 or 503. */
  | { kind: "error"; status: number; message?: string }
  /** A secondary rate limit: 403 or 429, with `retry-after` (seconds) and GitHub's message. */
  | { kind: "secondary-rate-limit"; status: 403 | 429; retryAfter: number }
  /** The primary rate limit: 403 with `x-ratelimit-remaining: 0` and the reset time. */
  | { kind: "rate-limit"; resetInSeconds: number }
  /** The connection times out: before GitHub did anything, or after it applied the request (the answer is lost). */
  | { kind: "timeout"; applied: boolean };

export class FakeGitHub {
  readonly state: FakeState;
  readonly requests: RecordedRequest[] = [];
  readonly violations: string[] = [];
  /** Injected faults that fired, by operationId, for assertions. */
  readonly injected: { operationId: string; fault: Fault }[] = [];
  private readonly failures = new Map<string, { fault: Fault; times: number }[]>();

  constructor(options: FakeGitHubOptions = {}) {
    const actor = options.actor ?? { id: 9_000_001, login: "test-bot[bot]", type: "Bot" };
    this.state = createState(options.owner ?? "cop-atlas", options.repo ?? "atlas", actor);
  }

  /** The `fetch` to give octokit (`request: { fetch }`). */
  readonly fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const method = (init?.method ?? (input instanceof Request ? input.method : "GET")).toUpperCase();
    if (url.hostname !== "api.github.com") {
      this.violations.push(`${method} ${url.href}: not api.github.com`);
      throw new TypeError(`fake GitHub: refused ${url.href}`);
    }
    const text = typeof init?.body === "string" ? init.body : undefined;
    let body: unknown;
    try {
      body = text === undefined || text === "" ? undefined : JSON.parse(text);
    } catch {
      this.violations.push(`${method} ${url.pathname}: body is not JSON`);
      return this.respond(400, errorJson("Problems parsing JSON"));
    }
    if (url.pathname === "/graphql" && method === "POST") return this.graphql(url, body);
    const found = findOperation(method, url.pathname);
    const record: RecordedRequest = {
      method,
      route: found?.operation.template ?? url.pathname,
      operationId: found?.operation.operationId ?? null,
      url: url.href,
      params: found?.pathParams ?? {},
      query: Object.fromEntries(url.searchParams),
      body,
      status: 0,
    };
    this.requests.push(record);
    if (!found) {
      this.violations.push(`${method} ${url.pathname}: no such operation in GitHub's description`);
      return this.finish(record, null, 404, errorJson("Not Found"));
    }
    const problems = checkRequest(found, url.searchParams, body);
    if (problems.length > 0) {
      this.violations.push(...problems);
      return this.finish(record, null, 422, errorJson(problems.join("; ")));
    }
    const { owner, repo } = found.pathParams;
    const operationId = found.operation.operationId;
    // Forks exist only for what a bot reads of them: their branches' activity.
    const fork = operationId === "repos/list-activities" && repo === this.state.repo && this.forks.has(owner ?? "");
    if (!fork && ((owner !== undefined && owner !== this.state.owner) || (repo !== undefined && repo !== this.state.repo))) {
      return this.finish(record, found.operation, 404, errorJson("Not Found"));
    }
    const route = routes[operationId];
    const run = () => {
      if (!route) {
        this.violations.push(`${operationId}: not implemented by the fake`);
        return { status: 501, body: errorJson("Not implemented by the fake") };
      }
      return route({ state: this.state, path: found.pathParams, query: url.searchParams, body, url });
    };
    const fault = this.takeFault(operationId);
    if (fault) {
      if (fault.kind === "timeout") {
        if (fault.applied) record.status = run().status;
        throw new DOMException("The operation was aborted due to timeout", "TimeoutError");
      }
      const injected = faultResponse(fault);
      return this.finish(record, null, injected.status, injected.body, injected.headers);
    }
    if (!route) return this.finish(record, null, 501, run().body);
    const result = run();
    return this.finish(record, found.operation, result.status, result.body, result.headers);
  };

  private async graphql(url: URL, body: unknown): Promise<Response> {
    const request = (body ?? {}) as { query?: unknown; variables?: unknown };
    const record: RecordedRequest = { method: "POST", route: "/graphql", operationId: "graphql", url: url.href, params: {}, query: {}, body, status: 0 };
    this.requests.push(record);
    if (typeof request.query !== "string") {
      this.violations.push("POST /graphql: no query");
      return this.finish(record, null, 400, errorJson("A query attribute must be specified and must be a string."));
    }
    const problems = graphqlProblems(request.query);
    if (problems.length > 0) {
      this.violations.push(...problems);
      return this.finish(record, null, 200, { errors: problems.map((message) => ({ message })) });
    }
    const fault = this.takeFault("graphql");
    if (fault) {
      if (fault.kind === "timeout") throw new DOMException("The operation was aborted due to timeout", "TimeoutError");
      const injected = faultResponse(fault);
      return this.finish(record, null, injected.status, injected.body, injected.headers);
    }
    const variables = (request.variables ?? {}) as Record<string, unknown>;
    return this.finish(record, null, 200, await executeGraphql(this.state, request.query, variables));
  }

  private takeFault(operationId: string): Fault | null {
    const queue = this.failures.get(operationId) ?? [];
    const next = queue[0];
    if (!next) return null;
    next.times--;
    if (next.times <= 0) queue.shift();
    this.injected.push({ operationId, fault: next.fault });
    return next.fault;
  }

  private finish(
    record: RecordedRequest,
    operation: Parameters<typeof checkResponse>[0] | null,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ): Response {
    record.status = status;
    if (operation) this.violations.push(...checkResponse(operation, status, body));
    return this.respond(status, body, headers);
  }

  private respond(status: number, body: unknown, headers: Record<string, string> = {}): Response {
    const response = new Response(status === 204 || body === undefined ? null : JSON.stringify(body), {
      status,
      headers: { "content-type": "application/json; charset=utf-8", "x-github-request-id": `FAKE:${this.requests.length}`, ...headers },
    });
    // A real fetch response knows its address (octokit's pager reads it); a constructed one does not.
    const last = this.requests.at(-1);
    if (last) Object.defineProperty(response, "url", { value: last.url });
    return response;
  }

  /**
   * An octokit wired to this fake: the production client (retries, rate-limit handling, timeouts)
   * with every wait scaled to zero, so no test sleeps. `log` collects what the client reports.
   */
  octokit(log: string[] = []): Octokit {
    return createGitHubClient({
      token: "fake-token",
      userAgent: "cop-atlas-tests",
      fetch: this.fetch,
      waitScale: 0,
      pacing: false,
      log: (line) => log.push(line),
    });
  }

  /** The requests that change something (not GET; GraphQL reads are not writes). */
  writes(): RecordedRequest[] {
    return this.requests.filter((r) => r.method !== "GET" && r.route !== "/graphql");
  }

  clearRequests(): void {
    this.requests.length = 0;
  }

  /** Makes the next `times` requests of an operation fail: with an HTTP status, or with one of GitHub's failures. */
  failNext(operationId: string, fault: number | Fault, times = 1): void {
    const queue = this.failures.get(operationId) ?? [];
    queue.push({ fault: typeof fault === "number" ? { kind: "error", status: fault } : fault, times });
    this.failures.set(operationId, queue);
  }

  // ---- seeding ----

  readonly forks = new Set<string>();

  user(login: string, id: number, type: FakeUser["type"] = "User"): FakeUser {
    const user = { login, id, type };
    this.state.users.set(id, user);
    return user;
  }

  team(slug: string): void {
    this.state.teams.set(slug, { id: newId(this.state), slug, name: slug });
  }

  /** A commit with exactly these files; returns its sha. `author` is the account GitHub links its git author to. */
  commit(files: Record<string, string>, options: { parents?: string[]; author?: FakeUser | null; committer?: FakeUser | null; message?: string } = {}): string {
    return storeCommit(this.state, files, options);
  }

  /** Points a branch of the repository at a commit; with `pusher`, records the push in the activity. */
  branch(name: string, sha: string, pusher?: FakeUser): void {
    const before = this.state.refs.get(`heads/${name}`);
    this.state.refs.set(`heads/${name}`, sha);
    if (pusher) {
      const type = before === undefined ? "branch_creation" : "push";
      recordActivity(this.state, {
        repository: this.fullName(this.state.owner),
        ref: `refs/heads/${name}`,
        before: before ?? "0".repeat(40),
        after: sha,
        type,
        actor: pusher,
      });
    }
  }

  /** A new commit on top of a branch with some files changed, pushed by `pusher`; returns its sha. */
  commitOn(branch: string, files: Record<string, string>, options: { pusher: FakeUser; author?: FakeUser | null; message?: string }): string {
    const parent = this.state.refs.get(`heads/${branch}`);
    const current = parent ? filesAt(this.state, parent) : new Map<string, string>();
    for (const [path, text] of Object.entries(files)) current.set(path, text);
    const sha = storeCommit(this.state, current, {
      parents: parent ? [parent] : [],
      author: options.author === undefined ? options.pusher : options.author,
      message: options.message ?? "Change by hand",
    });
    this.branch(branch, sha, options.pusher);
    return sha;
  }

  /** The files on a branch of the repository, or at a commit. */
  filesAt(refOrSha: string): Map<string, string> {
    return filesAt(this.state, this.state.refs.get(`heads/${refOrSha}`) ?? refOrSha);
  }

  /**
   * An open pull request. Its head branch is created (in the fork when `headOwner` is not the
   * repository's owner) and pushed by its author, as GitHub's activity would show it.
   */
  openPull(options: {
    user: FakeUser;
    headSha: string;
    number?: number;
    title?: string;
    body?: string;
    baseRef?: string;
    baseSha?: string;
    headRef?: string;
    headOwner?: string;
    draft?: boolean;
    mergeable?: boolean | null;
    files?: FakeFile[];
    changedFiles?: number;
    /** Who pushed the head branch (the author, unless said otherwise). */
    pusher?: FakeUser;
  }): FakePull {
    const number = options.number ?? nextNumber(this.state);
    const baseRef = options.baseRef ?? this.state.defaultBranch;
    const headOwner = options.headOwner ?? this.state.owner;
    const headRef = options.headRef ?? `contribution-${number}`;
    const pull: FakePull = {
      number,
      title: options.title ?? `Pull request ${number}`,
      body: options.body ?? "",
      state: "open",
      draft: options.draft ?? false,
      merged: false,
      mergeable: options.mergeable === undefined ? true : options.mergeable,
      user: options.user,
      headSha: options.headSha,
      headRef,
      headOwner,
      baseRef,
      baseSha: options.baseSha ?? this.state.refs.get(`heads/${baseRef}`) ?? "",
      files: options.files ?? null,
      changedFiles: options.changedFiles ?? null,
      labels: [],
      requestedUsers: [],
      requestedTeams: [],
      reviews: [],
      comments: [],
      createdAt: tick(this.state),
    };
    this.state.pulls.set(number, pull);
    if (headOwner !== this.state.owner) this.forks.add(headOwner);
    const ref = `refs/heads/${headRef}`;
    if (!this.state.activities.some((a) => a.repository === this.fullName(headOwner) && a.ref === ref)) {
      if (headOwner === this.state.owner) this.state.refs.set(`heads/${headRef}`, options.headSha);
      recordActivity(this.state, {
        repository: this.fullName(headOwner),
        ref,
        before: "0".repeat(40),
        after: options.headSha,
        type: "branch_creation",
        actor: options.pusher ?? options.user,
      });
    }
    return pull;
  }

  /** A push to the pull request's branch by `pusher` (its author unless said otherwise): the head moves. */
  push(number: number, headSha: string, pusher?: FakeUser, options: { force?: boolean } = {}): void {
    const pull = this.pull(number);
    const before = pull.headSha;
    pull.headSha = headSha;
    if (pull.headOwner === this.state.owner) this.state.refs.set(`heads/${pull.headRef}`, headSha);
    recordActivity(this.state, {
      repository: this.fullName(pull.headOwner),
      ref: `refs/heads/${pull.headRef}`,
      before,
      after: headSha,
      type: options.force ? "force_push" : "push",
      actor: pusher ?? pull.user,
    });
  }

  /** A submitted review; like GitHub, it clears the reviewer's pending review request. */
  review(number: number, user: FakeUser | null, state: FakeReview["state"], commitId?: string): FakeReview {
    const pull = this.pull(number);
    const review: FakeReview = { id: newId(this.state), user, state, commitId: commitId ?? pull.headSha, submittedAt: tick(this.state), body: "" };
    pull.reviews.push(review);
    if (user) pull.requestedUsers = pull.requestedUsers.filter((u) => u.id !== user.id);
    return review;
  }

  /** A comment by anyone on an issue or a pull request (the bots write their own through the API). */
  comment(number: number, user: FakeUser | null, body: string): number {
    const at = tick(this.state);
    const id = newId(this.state);
    const thread = this.state.pulls.get(number) ?? this.issue(number);
    thread.comments.push({ id, user, body, createdAt: at, updatedAt: at });
    return id;
  }

  /** An issue opened by someone (the client creates its own through the API); the issue forms add the `submission` label. */
  openIssue(options: { user: FakeUser; title?: string; body?: string; labels?: string[]; state?: "open" | "closed" }): FakeIssue {
    const at = tick(this.state);
    const issue: FakeIssue = {
      number: nextNumber(this.state),
      title: options.title ?? "An issue",
      body: options.body ?? "",
      state: options.state ?? "open",
      stateReason: options.state === "closed" ? "completed" : null,
      user: options.user,
      labels: options.labels ?? [],
      comments: [],
      createdAt: at,
      updatedAt: at,
      closedAt: options.state === "closed" ? at : null,
      edits: [],
    };
    for (const label of issue.labels) this.state.repoLabels.set(label.toLowerCase(), label);
    this.state.issues.set(issue.number, issue);
    return issue;
  }

  /** An edit of an issue's body by `editor` (its author or anyone with triage or write access). */
  editIssue(number: number, editor: FakeUser, body: string): FakeIssue {
    const issue = this.issue(number);
    const at = tick(this.state);
    issue.body = body;
    issue.updatedAt = at;
    issue.edits.push({ editor, editedAt: at });
    return issue;
  }

  /** A commit status set by someone else (for example a spoofing app). */
  status(sha: string, creator: FakeUser, state: "error" | "failure" | "pending" | "success", context: string, description = ""): void {
    const status = { id: newId(this.state), state, context, description, targetUrl: null, creator, createdAt: tick(this.state) };
    this.state.statuses.set(sha, [...(this.state.statuses.get(sha) ?? []), status]);
  }

  run(options: Partial<FakeRun> & { headSha: string }): FakeRun {
    const run: FakeRun = {
      id: options.id ?? newId(this.state),
      name: options.name ?? "Validate",
      path: options.path ?? ".github/workflows/validate.yml",
      event: options.event ?? "pull_request",
      headSha: options.headSha,
      headBranch: options.headBranch ?? "contribution",
      headOwner: options.headOwner ?? this.state.owner,
      status: options.status ?? "completed",
      conclusion: options.conclusion === undefined ? "success" : options.conclusion,
      createdAt: options.createdAt ?? tick(this.state),
      workflowId: options.workflowId ?? 161335,
    };
    this.state.workflows.add(run.path);
    this.state.runs.push(run);
    return run;
  }

  pull(number: number): FakePull {
    const pull = this.state.pulls.get(number);
    if (!pull) throw new Error(`fake GitHub: no pull request #${number}`);
    return pull;
  }

  issue(number: number): FakeIssue {
    const issue = this.state.issues.get(number);
    if (!issue) throw new Error(`fake GitHub: no issue #${number}`);
    return issue;
  }

  /** The approval-context statuses on a commit, oldest first. */
  statusesOf(sha: string, context: string): { state: string; description: string | null; creator: string }[] {
    return (this.state.statuses.get(sha) ?? [])
      .filter((s) => s.context === context)
      .map((s) => ({ state: s.state, description: s.description, creator: s.creator.login }));
  }

  private fullName(owner: string): string {
    return `${owner}/${this.state.repo}`;
  }
}

/** The response GitHub sends for an injected failure. */
function faultResponse(fault: Exclude<Fault, { kind: "timeout" }>): { status: number; body: unknown; headers: Record<string, string> } {
  switch (fault.kind) {
    case "error":
      return { status: fault.status, body: errorJson(fault.message ?? "Server Error"), headers: {} };
    case "secondary-rate-limit":
      return {
        status: fault.status,
        body: errorJson(
          "You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID FAKE.",
        ),
        headers: { "retry-after": String(fault.retryAfter) },
      };
    case "rate-limit":
      return {
        status: 403,
        body: errorJson("API rate limit exceeded for installation ID 1."),
        headers: {
          "x-ratelimit-limit": "5000",
          "x-ratelimit-remaining": "0",
          "x-ratelimit-used": "5000",
          "x-ratelimit-reset": String(Math.floor(Date.now() / 1000) + fault.resetInSeconds),
        },
      };
  }
}

/**
 * Loads GitHub's REST description and GraphQL schema and compiles the validators of every route
 * the fake serves, now (several seconds on a loaded machine), so that no test pays for it inside
 * its own time limit. Call it from a `beforeAll`.
 */
export function preloadGitHubDescriptions(): void {
  precompile(Object.keys(routes));
  graphqlProblems("query { viewer { login } }");
  for (const event of ["workflow-run-completed", "workflow-dispatch", "pull-request-opened"]) webhookProblems(event, {});
}

/** A fake GitHub with one repository. */
export function createFakeGitHub(options: FakeGitHubOptions = {}): FakeGitHub {
  return new FakeGitHub(options);
}
