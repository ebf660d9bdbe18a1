/**
 * An in-process fake of the GitHub REST API for tests, passed to octokit as its `fetch`:
 *
 *   const github = createFakeGitHub({ owner: "cop-atlas", repo: "atlas", actor: bot });
 *   const octokit = github.octokit();            // retry and throttling off
 *   ... seed: github.user(), github.commit(), github.branch(), github.openPull(), github.review() ...
 *   ... run the code under test with `octokit` ...
 *   expect(github.violations).toEqual([]);       // every request matched GitHub's description
 *   expect(github.writes()).toHaveLength(0);     // e.g. a second, idempotent run
 *
 * Every request is checked against its operation in @octokit/openapi (method, path, path and
 * query parameters, JSON body) and every response the fake sends is checked against the
 * documented response schema; mismatches are collected in `violations` (and the request is
 * answered 422, like GitHub would). Only the routes in routes.ts are implemented: any other
 * documented route answers 501 and is a violation too, so a test never passes by accident.
 * Any host but api.github.com is refused.
 */
import { Octokit } from "octokit";
import { checkRequest, checkResponse, findOperation } from "./openapi.ts";
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
  newId,
  nextNumber,
  storeCommit,
  tick,
} from "./store.ts";

export type { FakeFile, FakeIssue, FakePull, FakeReview, FakeRun, FakeState, FakeUser } from "./store.ts";

/** One request the fake received. */
export interface RecordedRequest {
  method: string;
  /** The operation's path template, e.g. "/repos/{owner}/{repo}/pulls/{pull_number}". */
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

export class FakeGitHub {
  readonly state: FakeState;
  readonly requests: RecordedRequest[] = [];
  readonly violations: string[] = [];
  private readonly failures = new Map<string, { status: number; times: number }>();

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
    if ((owner !== undefined && owner !== this.state.owner) || (repo !== undefined && repo !== this.state.repo)) {
      return this.finish(record, found.operation, 404, errorJson("Not Found"));
    }
    const failure = this.failures.get(found.operation.operationId);
    if (failure && failure.times > 0) {
      failure.times--;
      return this.finish(record, null, failure.status, errorJson("Injected failure"));
    }
    const route = routes[found.operation.operationId];
    if (!route) {
      this.violations.push(`${found.operation.operationId}: not implemented by the fake`);
      return this.finish(record, null, 501, errorJson("Not implemented by the fake"));
    }
    const result = route({ state: this.state, path: found.pathParams, query: url.searchParams, body, url });
    return this.finish(record, found.operation, result.status, result.body, result.headers);
  };

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
    return new Response(status === 204 || body === undefined ? null : JSON.stringify(body), {
      status,
      headers: { "content-type": "application/json; charset=utf-8", "x-github-request-id": `FAKE:${this.requests.length}`, ...headers },
    });
  }

  /** An octokit wired to this fake, with retry and throttling off. */
  octokit(): Octokit {
    return new Octokit({ auth: "fake-token", request: { fetch: this.fetch }, throttle: { enabled: false }, retry: { enabled: false } });
  }

  /** The requests that change something (not GET). */
  writes(): RecordedRequest[] {
    return this.requests.filter((r) => r.method !== "GET");
  }

  clearRequests(): void {
    this.requests.length = 0;
  }

  /** Makes the next `times` requests of an operation fail with `status`. */
  failNext(operationId: string, status: number, times = 1): void {
    this.failures.set(operationId, { status, times });
  }

  // ---- seeding ----

  user(login: string, id: number, type: FakeUser["type"] = "User"): FakeUser {
    const user = { login, id, type };
    this.state.users.set(id, user);
    return user;
  }

  team(slug: string): void {
    this.state.teams.set(slug, { id: newId(this.state), slug, name: slug });
  }

  /** A commit with exactly these files; returns its sha. */
  commit(files: Record<string, string>): string {
    return storeCommit(this.state, files);
  }

  branch(name: string, sha: string): void {
    this.state.refs.set(`heads/${name}`, sha);
  }

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
  }): FakePull {
    const number = options.number ?? this.state.pulls.size + 1;
    const baseRef = options.baseRef ?? this.state.defaultBranch;
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
      headRef: options.headRef ?? `contribution-${number}`,
      headOwner: options.headOwner ?? this.state.owner,
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
    return pull;
  }

  /** An issue opened by someone (the client creates its own through the API). */
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
      createdAt: at,
      updatedAt: at,
      closedAt: options.state === "closed" ? at : null,
    };
    for (const label of issue.labels) this.state.repoLabels.set(label.toLowerCase(), label);
    this.state.issues.set(issue.number, issue);
    return issue;
  }

  /** A push to the pull request's branch: the head moves. */
  push(number: number, headSha: string): void {
    const pull = this.pull(number);
    pull.headSha = headSha;
  }

  /** A submitted review; like GitHub, it clears the reviewer's pending review request. */
  review(number: number, user: FakeUser | null, state: FakeReview["state"], commitId?: string): FakeReview {
    const pull = this.pull(number);
    const review: FakeReview = { id: newId(this.state), user, state, commitId: commitId ?? pull.headSha, submittedAt: tick(this.state), body: "" };
    pull.reviews.push(review);
    if (user) pull.requestedUsers = pull.requestedUsers.filter((u) => u.id !== user.id);
    return review;
  }

  /** A comment by anyone (the bot writes its own through the API). */
  comment(number: number, user: FakeUser | null, body: string): number {
    const at = tick(this.state);
    const id = newId(this.state);
    this.pull(number).comments.push({ id, user, body, createdAt: at, updatedAt: at });
    return id;
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

  /** The approval-context statuses on a commit, oldest first. */
  statusesOf(sha: string, context: string): { state: string; description: string | null; creator: string }[] {
    return (this.state.statuses.get(sha) ?? [])
      .filter((s) => s.context === context)
      .map((s) => ({ state: s.state, description: s.description, creator: s.creator.login }));
  }
}

/** A fake GitHub with one repository. */
export function createFakeGitHub(options: FakeGitHubOptions = {}): FakeGitHub {
  return new FakeGitHub(options);
}
