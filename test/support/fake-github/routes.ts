/**
 * The routes the fake implements, by operationId of GitHub's description. Each behaves as
 * GitHub documents it for what the bots use (pagination, 404s, case-insensitive labels,
 * review requests cleared by a review, merge refused on a moved head, a ref that already exists,
 * the 250-commit cap of a pull request's commit list) and nothing more.
 */
import * as json from "./responses.ts";
import {
  commitsBetween,
  diffCommits,
  type FakeFile,
  type FakeIssue,
  type FakePull,
  type FakeState,
  type FakeThread,
  type FakeUser,
  filesAt,
  newId,
  nextNumber,
  recordActivity,
  storeCommit,
  storeTree,
  tick,
} from "./store.ts";

export interface RouteContext {
  state: FakeState;
  path: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  url: URL;
}

export interface RouteResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

type Route = (ctx: RouteContext) => RouteResult;

const notFound = (): RouteResult => ({ status: 404, body: json.errorJson("Not Found") });
const invalid = (message: string): RouteResult => ({ status: 422, body: json.errorJson(message) });

/** One page of a list, with the Link header GitHub sends. */
function page<T>(ctx: RouteContext, items: readonly T[], toJson: (item: T) => unknown): RouteResult {
  const perPage = Math.min(Number(ctx.query.get("per_page") ?? 30), 100);
  const number = Math.max(Number(ctx.query.get("page") ?? 1), 1);
  const slice = items.slice((number - 1) * perPage, number * perPage).map(toJson);
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const link = (n: number) => {
    const url = new URL(ctx.url);
    url.searchParams.set("page", String(n));
    url.searchParams.set("per_page", String(perPage));
    return url.href;
  };
  const links: string[] = [];
  if (number < last) links.push(`<${link(number + 1)}>; rel="next"`, `<${link(last)}>; rel="last"`);
  if (number > 1) links.push(`<${link(1)}>; rel="first"`, `<${link(number - 1)}>; rel="prev"`);
  return { status: 200, body: slice, ...(links.length > 0 ? { headers: { link: links.join(", ") } } : {}) };
}

function pullOf(ctx: RouteContext, key: "pull_number" | "issue_number"): FakePull | null {
  return ctx.state.pulls.get(Number(ctx.path[key])) ?? null;
}

/** An issue or a pull request by its number: the issues API serves both. */
function threadOf(ctx: RouteContext): FakeThread | null {
  const number = Number(ctx.path.issue_number);
  return ctx.state.pulls.get(number) ?? ctx.state.issues.get(number) ?? null;
}

/** One page of a list with GitHub's cursor pagination (`after`), as the activity API uses. */
function cursorPage<T>(ctx: RouteContext, items: readonly T[], toJson: (item: T) => unknown): RouteResult {
  const perPage = Math.min(Number(ctx.query.get("per_page") ?? 30), 100);
  const after = ctx.query.get("after");
  const start = after ? Number(Buffer.from(after, "base64url").toString("utf8")) : 0;
  const slice = items.slice(start, start + perPage).map(toJson);
  if (start + perPage >= items.length) return { status: 200, body: slice };
  const url = new URL(ctx.url);
  url.searchParams.set("after", Buffer.from(String(start + perPage)).toString("base64url"));
  url.searchParams.set("per_page", String(perPage));
  return { status: 200, body: slice, headers: { link: `<${url.href}>; rel="next"` } };
}

/** The files the files API lists for a pull request. */
export function pullFiles(state: FakeState, pull: FakePull): FakeFile[] {
  return pull.files ?? diffCommits(state, pull.baseSha, pull.headSha);
}

function refName(ref: string): string {
  return ref.replace(/^refs\//, "");
}

function resolveRef(state: FakeState, ref: string | null): string | null {
  if (ref === null) return state.refs.get(`heads/${state.defaultBranch}`) ?? null;
  if (state.commits.has(ref)) return ref;
  return state.refs.get(`heads/${ref}`) ?? state.refs.get(ref.replace(/^refs\//, "")) ?? null;
}

function userByLogin(state: FakeState, login: string): FakeUser | undefined {
  return [...state.users.values()].find((u) => u.login.toLowerCase() === login.toLowerCase());
}

/** Every issue and pull request: comments are found by id across both. */
function threads(state: FakeState): FakeThread[] {
  return [...state.pulls.values(), ...state.issues.values()];
}

/** The commits of a pull request: those of its head that its base does not have (oldest first). */
export function pullCommits(state: FakeState, pull: FakePull) {
  return commitsBetween(state, pull.baseSha, pull.headSha);
}

export const routes: Record<string, Route> = {
  "repos/get": (ctx) => ({ status: 200, body: json.repositoryJson(ctx.state) }),

  "git/get-ref": (ctx) => {
    const sha = ctx.state.refs.get(ctx.path.ref ?? "");
    return sha ? { status: 200, body: json.refJson(ctx.state, ctx.path.ref ?? "", sha) } : notFound();
  },

  "repos/get-content": (ctx) => {
    const ref = ctx.query.get("ref");
    const sha = resolveRef(ctx.state, ref);
    const files = sha && ctx.state.commits.has(sha) ? filesAt(ctx.state, sha) : undefined;
    const path = (ctx.path.path ?? "").replace(/\/+$/, "");
    if (!files || !sha) return notFound();
    const text = files.get(path);
    if (text !== undefined) return { status: 200, body: json.fileContentJson(ctx.state, sha, path, text) };
    const children = new Map<string, { type: "file" | "dir"; size: number }>();
    for (const [file, content] of files) {
      if (!file.startsWith(`${path}/`)) continue;
      const [name, ...rest] = file.slice(path.length + 1).split("/");
      if (name) children.set(name, rest.length > 0 ? { type: "dir", size: 0 } : { type: "file", size: Buffer.byteLength(content) });
    }
    if (children.size === 0) return notFound();
    const items = [...children]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([name, c]) => json.directoryItemJson(ctx.state, sha, `${path}/${name}`, c.type, c.size));
    return { status: 200, body: items };
  },

  "pulls/get": (ctx) => {
    const pull = pullOf(ctx, "pull_number");
    return pull ? { status: 200, body: json.pullJson(ctx.state, pull, pullFiles(ctx.state, pull), pullCommits(ctx.state, pull).length) } : notFound();
  },

  "pulls/create": (ctx) => {
    const body = ctx.body as { title?: string; head: string; base: string; body?: string; draft?: boolean };
    const headSha = ctx.state.refs.get(`heads/${body.head}`);
    if (!headSha) return invalid("Validation Failed: head does not exist");
    if (!ctx.state.refs.has(`heads/${body.base}`)) return invalid("Validation Failed: base does not exist");
    if ([...ctx.state.pulls.values()].some((p) => p.state === "open" && p.headOwner === ctx.state.owner && p.headRef === body.head)) {
      return invalid(`A pull request already exists for ${ctx.state.owner}:${body.head}.`);
    }
    const number = nextNumber(ctx.state);
    const pull: FakePull = {
      number,
      title: body.title ?? "",
      body: body.body ?? "",
      state: "open",
      draft: body.draft ?? false,
      merged: false,
      mergeable: true,
      user: ctx.state.actor,
      headSha,
      headRef: body.head,
      headOwner: ctx.state.owner,
      baseRef: body.base,
      baseSha: ctx.state.refs.get(`heads/${body.base}`) ?? "",
      files: null,
      changedFiles: null,
      labels: [],
      requestedUsers: [],
      requestedTeams: [],
      reviews: [],
      comments: [],
      createdAt: tick(ctx.state),
    };
    ctx.state.pulls.set(number, pull);
    const files = pullFiles(ctx.state, pull);
    return { status: 201, body: json.pullJson(ctx.state, pull, files, pullCommits(ctx.state, pull).length, "post", "/repos/{owner}/{repo}/pulls", 201) };
  },

  "pulls/update": (ctx) => {
    const pull = pullOf(ctx, "pull_number");
    if (!pull) return notFound();
    const body = ctx.body as { title?: string; body?: string; state?: "open" | "closed" };
    if (body.title !== undefined) pull.title = body.title;
    if (body.body !== undefined) pull.body = body.body;
    if (body.state !== undefined) pull.state = body.state;
    const files = pullFiles(ctx.state, pull);
    return {
      status: 200,
      body: json.pullJson(ctx.state, pull, files, pullCommits(ctx.state, pull).length, "patch", "/repos/{owner}/{repo}/pulls/{pull_number}"),
    };
  },

  "pulls/list-commits": (ctx) => {
    const pull = pullOf(ctx, "pull_number");
    if (!pull) return notFound();
    // GitHub lists at most 250 commits of a pull request.
    return page(ctx, pullCommits(ctx.state, pull).slice(0, 250), (c) => json.commitJson(ctx.state, c));
  },

  "repos/list-activities": (ctx) => {
    const repository = `${ctx.path.owner}/${ctx.path.repo}`;
    const ref = ctx.query.get("ref");
    const wanted = ref === null ? null : ref.startsWith("refs/") ? ref : `refs/heads/${ref}`;
    const actor = ctx.query.get("actor");
    const type = ctx.query.get("activity_type");
    const direction = ctx.query.get("direction") ?? "desc";
    const activities = ctx.state.activities
      .filter((a) => a.repository === repository && (wanted === null || a.ref === wanted))
      .filter((a) => (actor === null || a.actor?.login === actor) && (type === null || a.type === type));
    const ordered = direction === "asc" ? activities : [...activities].reverse();
    return cursorPage(ctx, ordered, (a) => json.activityJson(a));
  },

  "issues/get": (ctx) => {
    const number = Number(ctx.path.issue_number);
    const item = ctx.state.issues.get(number) ?? ctx.state.pulls.get(number);
    return item ? { status: 200, body: json.issueJson(ctx.state, item, "get", "/repos/{owner}/{repo}/issues/{issue_number}") } : notFound();
  },

  "issues/list-for-repo": (ctx) => {
    // Like GitHub, the list holds pull requests too (they carry `pull_request`).
    const state = ctx.query.get("state") ?? "open";
    const wanted = (ctx.query.get("labels") ?? "")
      .split(",")
      .map((label) => label.trim().toLowerCase())
      .filter(Boolean);
    const creator = ctx.query.get("creator")?.toLowerCase();
    const ascending = ctx.query.get("direction") === "asc";
    const items: (FakeIssue | FakePull)[] = [...ctx.state.issues.values(), ...ctx.state.pulls.values()]
      .filter((item) => state === "all" || item.state === state)
      .filter((item) => wanted.every((label) => item.labels.some((l) => l.toLowerCase() === label)))
      .filter((item) => !creator || item.user.login.toLowerCase() === creator)
      .sort((a, b) => (ascending ? a.number - b.number : b.number - a.number));
    return page(ctx, items, (item) => json.issueJson(ctx.state, item));
  },

  "issues/create": (ctx) => {
    const body = ctx.body as { title: string | number; body?: string; labels?: (string | { name?: string })[] };
    const title = String(body.title);
    if (title.length > 256) return invalid("title is too long (maximum is 256 characters)");
    if ((body.body ?? "").length > 65536) return invalid("body is too long (maximum is 65536 characters)");
    const at = tick(ctx.state);
    const issue: FakeIssue = {
      number: nextNumber(ctx.state),
      title,
      body: body.body ?? "",
      state: "open",
      stateReason: null,
      user: ctx.state.actor,
      labels: [],
      comments: [],
      createdAt: at,
      updatedAt: at,
      closedAt: null,
      edits: [],
    };
    for (const label of body.labels ?? []) {
      const name = typeof label === "string" ? label : (label.name ?? "");
      const existing = ctx.state.repoLabels.get(name.toLowerCase()) ?? name;
      ctx.state.repoLabels.set(name.toLowerCase(), existing);
      issue.labels.push(existing);
    }
    ctx.state.issues.set(issue.number, issue);
    return { status: 201, body: json.issueJson(ctx.state, issue, "post", "/repos/{owner}/{repo}/issues", 201) };
  },

  "issues/update": (ctx) => {
    const issue = ctx.state.issues.get(Number(ctx.path.issue_number));
    if (!issue) return notFound();
    const body = ctx.body as { title?: string | number | null; body?: string | null; state?: "open" | "closed"; state_reason?: FakeIssue["stateReason"] };
    if (body.title !== undefined && body.title !== null) issue.title = String(body.title);
    if (body.body !== undefined) {
      if ((body.body ?? "").length > 65536) return invalid("body is too long (maximum is 65536 characters)");
      // A changed body is a revision in the issue's edit history, by whoever sent it.
      if ((body.body ?? "") !== issue.body) issue.edits.push({ editor: ctx.state.actor, editedAt: tick(ctx.state) });
      issue.body = body.body ?? "";
    }
    if (body.state !== undefined && body.state !== issue.state) {
      issue.state = body.state;
      issue.closedAt = body.state === "closed" ? tick(ctx.state) : null;
      issue.stateReason = body.state === "closed" ? (body.state_reason ?? "completed") : "reopened";
    } else if (body.state_reason !== undefined && issue.state === "closed") issue.stateReason = body.state_reason;
    issue.updatedAt = tick(ctx.state);
    return { status: 200, body: json.issueJson(ctx.state, issue, "patch", "/repos/{owner}/{repo}/issues/{issue_number}") };
  },

  "git/get-commit": (ctx) => {
    const commit = ctx.state.commits.get(ctx.path.commit_sha ?? "");
    return commit ? { status: 200, body: json.gitCommitJson(ctx.state, commit) } : notFound();
  },

  "git/create-tree": (ctx) => {
    const body = ctx.body as { base_tree?: string; tree: { path?: string; mode?: string; type?: string; content?: string; sha?: string | null }[] };
    const base = body.base_tree ? ctx.state.trees.get(body.base_tree) : new Map<string, string>();
    if (!base) return invalid("Invalid tree info: base_tree");
    const files = new Map(base);
    for (const entry of body.tree) {
      if (!entry.path) return invalid("Invalid tree info: path");
      if (entry.sha === null) files.delete(entry.path);
      else if (typeof entry.content === "string") files.set(entry.path, entry.content);
      else return invalid("Invalid tree info: the fake takes content or sha: null");
    }
    const sha = storeTree(ctx.state, files);
    return { status: 201, body: json.gitTreeJson(ctx.state, sha, files) };
  },

  "git/create-commit": (ctx) => {
    const body = ctx.body as { message: string; tree: string; parents?: string[] };
    const files = ctx.state.trees.get(body.tree);
    if (!files) return invalid("Tree SHA does not exist");
    for (const parent of body.parents ?? []) if (!ctx.state.commits.has(parent)) return invalid("Parent SHA does not exist or is not a commit object");
    const sha = storeCommit(ctx.state, files, { parents: body.parents ?? [], message: body.message, author: ctx.state.actor, committer: ctx.state.actor });
    const commit = ctx.state.commits.get(sha);
    return commit ? { status: 201, body: json.gitCommitJson(ctx.state, commit, 201) } : invalid("commit not stored");
  },

  "git/create-ref": (ctx) => {
    const body = ctx.body as { ref: string; sha: string };
    const name = refName(body.ref);
    if (!body.ref.startsWith("refs/") || name.split("/").length < 2) return invalid("Reference name is not valid");
    if (ctx.state.refs.has(name)) return invalid("Reference already exists");
    if (!ctx.state.commits.has(body.sha)) return invalid("Object does not exist");
    ctx.state.refs.set(name, body.sha);
    recordActivity(ctx.state, {
      repository: `${ctx.state.owner}/${ctx.state.repo}`,
      ref: body.ref,
      before: "0".repeat(40),
      after: body.sha,
      type: "branch_creation",
      actor: ctx.state.actor,
    });
    return { status: 201, body: json.refJson(ctx.state, name, body.sha, 201) };
  },

  "git/update-ref": (ctx) => {
    const name = refName(ctx.path.ref ?? "");
    const body = ctx.body as { sha: string; force?: boolean };
    const before = ctx.state.refs.get(name);
    if (!before) return invalid("Reference does not exist");
    if (!ctx.state.commits.has(body.sha)) return invalid("Object does not exist");
    const fastForward = commitsBetween(ctx.state, body.sha, before).length === 0;
    if (!fastForward && body.force !== true) return invalid("Update is not a fast forward");
    ctx.state.refs.set(name, body.sha);
    for (const pull of ctx.state.pulls.values()) {
      if (pull.state === "open" && pull.headOwner === ctx.state.owner && `heads/${pull.headRef}` === name) pull.headSha = body.sha;
    }
    recordActivity(ctx.state, {
      repository: `${ctx.state.owner}/${ctx.state.repo}`,
      ref: `refs/${name}`,
      before,
      after: body.sha,
      type: fastForward ? "push" : "force_push",
      actor: ctx.state.actor,
    });
    return { status: 200, body: json.refJson(ctx.state, name, body.sha, 200, "patch") };
  },

  "pulls/list": (ctx) => {
    const state = ctx.query.get("state") ?? "open";
    const head = ctx.query.get("head");
    const base = ctx.query.get("base");
    const pulls = [...ctx.state.pulls.values()]
      .filter((p) => state === "all" || p.state === state)
      .filter((p) => !head || `${p.headOwner}:${p.headRef}` === head)
      .filter((p) => !base || p.baseRef === base)
      .sort((a, b) => b.number - a.number);
    return page(ctx, pulls, (p) => json.pullSimpleJson(ctx.state, p));
  },

  "pulls/list-files": (ctx) => {
    const pull = pullOf(ctx, "pull_number");
    if (!pull) return notFound();
    // GitHub lists at most 3000 files of a pull request.
    return page(ctx, pullFiles(ctx.state, pull).slice(0, 3000), (f) => json.fileJson(ctx.state, pull, f));
  },

  "pulls/list-reviews": (ctx) => {
    const pull = pullOf(ctx, "pull_number");
    return pull ? page(ctx, pull.reviews, (r) => json.reviewJson(ctx.state, pull, r)) : notFound();
  },

  "pulls/list-requested-reviewers": (ctx) => {
    const pull = pullOf(ctx, "pull_number");
    return pull ? { status: 200, body: json.requestedReviewersJson(ctx.state, pull) } : notFound();
  },

  "pulls/request-reviewers": (ctx) => {
    const pull = pullOf(ctx, "pull_number");
    if (!pull) return notFound();
    const body = ctx.body as { reviewers?: string[]; team_reviewers?: string[] };
    for (const login of body.reviewers ?? []) {
      const user = userByLogin(ctx.state, login);
      if (!user) return invalid("Reviews may only be requested from collaborators. One or more of the users or teams you specified is not a collaborator.");
      if (user.id === pull.user.id) return invalid("Review cannot be requested from pull request author.");
      if (!pull.requestedUsers.some((u) => u.id === user.id)) pull.requestedUsers.push(user);
    }
    for (const slug of body.team_reviewers ?? []) {
      if (!ctx.state.teams.has(slug)) return invalid("Reviews may only be requested from collaborators.");
      if (!pull.requestedTeams.includes(slug)) pull.requestedTeams.push(slug);
    }
    return { status: 201, body: json.pullSimpleJson(ctx.state, pull, "post", "/repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers", 201) };
  },

  "issues/list-comments": (ctx) => {
    const thread = threadOf(ctx);
    return thread ? page(ctx, thread.comments, (c) => json.commentJson(ctx.state, thread, c)) : notFound();
  },

  "issues/create-comment": (ctx) => {
    const pull = threadOf(ctx);
    if (!pull) return notFound();
    const body = (ctx.body as { body: string }).body;
    if (body.length > 65536) return invalid("Body is too long (maximum is 65536 characters)");
    const at = tick(ctx.state);
    const comment = { id: newId(ctx.state), user: ctx.state.actor, body, createdAt: at, updatedAt: at };
    pull.comments.push(comment);
    return { status: 201, body: json.commentJson(ctx.state, pull, comment, 201) };
  },

  "issues/update-comment": (ctx) => {
    const id = Number(ctx.path.comment_id);
    for (const pull of threads(ctx.state)) {
      const comment = pull.comments.find((c) => c.id === id);
      if (!comment) continue;
      const body = (ctx.body as { body: string }).body;
      if (body.length > 65536) return invalid("Body is too long (maximum is 65536 characters)");
      comment.body = body;
      comment.updatedAt = tick(ctx.state);
      return { status: 200, body: json.commentJson(ctx.state, pull, comment) };
    }
    return notFound();
  },

  "issues/delete-comment": (ctx) => {
    const id = Number(ctx.path.comment_id);
    for (const pull of threads(ctx.state)) {
      const index = pull.comments.findIndex((c) => c.id === id);
      if (index >= 0) {
        pull.comments.splice(index, 1);
        return { status: 204 };
      }
    }
    return notFound();
  },

  "issues/list-labels-on-issue": (ctx) => {
    const pull = threadOf(ctx);
    return pull ? page(ctx, pull.labels, (name) => json.labelsJson(ctx.state, [name])[0]) : notFound();
  },

  "issues/add-labels": (ctx) => {
    const pull = threadOf(ctx);
    if (!pull) return notFound();
    const body = ctx.body as { labels?: (string | { name: string })[] } | string[];
    const names = (Array.isArray(body) ? body : (body.labels ?? [])).map((l) => (typeof l === "string" ? l : l.name));
    for (const name of names) {
      if (name.length > 50) return invalid("Label name is too long (maximum is 50 characters)");
      const existing = ctx.state.repoLabels.get(name.toLowerCase()) ?? name;
      ctx.state.repoLabels.set(name.toLowerCase(), existing);
      if (!pull.labels.some((l) => l.toLowerCase() === name.toLowerCase())) pull.labels.push(existing);
    }
    if (pull.labels.length > 100) return invalid("Issues can have at most 100 labels");
    return { status: 200, body: json.labelsJson(ctx.state, pull.labels) };
  },

  "issues/remove-label": (ctx) => {
    const pull = threadOf(ctx);
    if (!pull) return notFound();
    const index = pull.labels.findIndex((l) => l.toLowerCase() === (ctx.path.name ?? "").toLowerCase());
    if (index < 0) return { status: 404, body: json.errorJson("Label does not exist") };
    pull.labels.splice(index, 1);
    return { status: 200, body: json.labelsJson(ctx.state, pull.labels) };
  },

  "repos/list-commit-statuses-for-ref": (ctx) => {
    const sha = resolveRef(ctx.state, ctx.path.ref ?? null);
    const statuses = [...(sha ? (ctx.state.statuses.get(sha) ?? []) : [])].reverse();
    return page(ctx, statuses, (s) => json.statusJson(ctx.state, sha ?? "", s));
  },

  "repos/create-commit-status": (ctx) => {
    const sha = ctx.path.sha ?? "";
    if (!ctx.state.commits.has(sha)) return invalid("No commit found for SHA");
    const body = ctx.body as { state: "error" | "failure" | "pending" | "success"; context?: string; description?: string; target_url?: string };
    if ((body.description ?? "").length > 140) return invalid("description is too long (maximum is 140 characters)");
    const status = {
      id: newId(ctx.state),
      state: body.state,
      context: body.context ?? "default",
      description: body.description ?? null,
      targetUrl: body.target_url ?? null,
      creator: ctx.state.actor,
      createdAt: tick(ctx.state),
    };
    ctx.state.statuses.set(sha, [...(ctx.state.statuses.get(sha) ?? []), status]);
    return { status: 201, body: json.statusJson(ctx.state, sha, status, 201) };
  },

  "actions/list-workflow-runs": (ctx) => {
    const workflow = ctx.path.workflow_id ?? "";
    const known = [...ctx.state.runs.map((r) => r.path), ...ctx.state.workflows].some((p) => p.endsWith(`/${workflow}`));
    if (!known) return notFound();
    const runs = ctx.state.runs
      .filter((r) => r.path.endsWith(`/${workflow}`) || String(r.workflowId) === workflow)
      .filter((r) => !ctx.query.get("head_sha") || r.headSha === ctx.query.get("head_sha"))
      .filter((r) => !ctx.query.get("event") || r.event === ctx.query.get("event"))
      .sort((a, b) => b.id - a.id);
    const result = page(ctx, runs, (r) => json.runJson(ctx.state, r));
    return { ...result, body: { total_count: runs.length, workflow_runs: result.body } };
  },

  "users/get-by-id": (ctx) => {
    const user = ctx.state.users.get(Number(ctx.path.account_id));
    return user ? { status: 200, body: json.accountJson(user) } : notFound();
  },

  "pulls/merge": (ctx) => {
    const pull = pullOf(ctx, "pull_number");
    if (!pull) return notFound();
    const body = (ctx.body ?? {}) as { sha?: string; merge_method?: string; commit_title?: string; commit_message?: string };
    if (pull.state !== "open" || pull.mergeable !== true) return { status: 405, body: json.errorJson("Pull Request is not mergeable") };
    if (body.sha && body.sha !== pull.headSha) return { status: 409, body: json.errorJson("Head branch was modified. Review and try the merge again.") };
    pull.state = "closed";
    pull.merged = true;
    ctx.state.merges.push({
      number: pull.number,
      sha: body.sha ?? pull.headSha,
      mergeMethod: body.merge_method ?? "merge",
      commitTitle: body.commit_title ?? null,
      commitMessage: body.commit_message ?? null,
    });
    return { status: 200, body: json.mergeJson(pull.headSha) };
  },
};
