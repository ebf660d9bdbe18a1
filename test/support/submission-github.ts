/**
 * An in-process fake GitHub for the submission bot: issues and their comments, the git database
 * (trees, commits, refs), contents and pull requests of one repository. Passed to octokit as
 * `request.fetch`; every request is checked against GitHub's OpenAPI description through the
 * shared checker in fake-github/openapi.ts, and a request that does not match it fails the run.
 * Kept apart from the review bot's fake (fake-github/) on purpose, with the same conventions, so
 * that the two can be merged into one store later.
 */
import { createHash } from "node:crypto";
import { checkRequest, findOperation } from "./fake-github/openapi.ts";

export interface FakeUser {
  id: number;
  login: string;
  type: "User" | "Bot";
}

export interface FakeIssue {
  number: number;
  title: string;
  body: string;
  state: "open" | "closed";
  labels: string[];
  user: FakeUser;
  comments: { id: number; user: FakeUser; body: string }[];
}

export interface FakePull {
  number: number;
  title: string;
  body: string;
  state: "open" | "closed";
  merged: boolean;
  head: string;
  base: string;
  user: FakeUser;
}

export interface RecordedRequest {
  method: string;
  path: string;
  operationId: string;
  body: unknown;
}

type Json = Record<string, unknown>;

export class SubmissionGitHub {
  readonly owner = "cop-atlas";
  readonly repo = "cop-atlas";
  readonly defaultBranch = "main";
  readonly bot: FakeUser = { id: 9000001, login: "cop-atlas-bot[bot]", type: "Bot" };
  readonly trees = new Map<string, Map<string, string>>();
  readonly commits = new Map<string, { tree: string; parents: string[]; message: string }>();
  readonly refs = new Map<string, string>();
  readonly issues = new Map<number, FakeIssue>();
  readonly pulls = new Map<number, FakePull>();
  readonly requests: RecordedRequest[] = [];
  readonly contractProblems: string[] = [];
  #next = 1;
  #nextId = 5000;

  constructor(files: Record<string, string>) {
    const tree = this.#storeTree(new Map(Object.entries(files)));
    const sha = this.#storeCommit(tree, [], "Initial data");
    this.refs.set(`heads/${this.defaultBranch}`, sha);
  }

  /** The requests that changed something. */
  writes(): RecordedRequest[] {
    return this.requests.filter((request) => request.method !== "GET");
  }

  openIssue(user: FakeUser, body: string, labels = ["submission"], title = "[New activity] Example"): FakeIssue {
    const issue: FakeIssue = { number: this.#next++, title, body, state: "open", labels, user, comments: [] };
    this.issues.set(issue.number, issue);
    return issue;
  }

  /** The files on a branch (or at a commit). */
  filesAt(refOrSha: string): Map<string, string> {
    const sha = this.refs.get(`heads/${refOrSha}`) ?? refOrSha;
    const commit = this.commits.get(sha);
    return new Map(commit ? this.trees.get(commit.tree) : []);
  }

  /** Adds a commit to the default branch, as a merge into main would. */
  commitToMain(files: Record<string, string>): void {
    const current = this.filesAt(this.defaultBranch);
    for (const [path, text] of Object.entries(files)) current.set(path, text);
    const sha = this.#storeCommit(this.#storeTree(current), [this.refs.get(`heads/${this.defaultBranch}`) ?? ""], "Another change");
    this.refs.set(`heads/${this.defaultBranch}`, sha);
  }

  #storeTree(files: Map<string, string>): string {
    const sha = createHash("sha1")
      .update(JSON.stringify([...files].sort()))
      .digest("hex");
    this.trees.set(sha, files);
    return sha;
  }

  #storeCommit(tree: string, parents: string[], message: string): string {
    const sha = createHash("sha1")
      .update(JSON.stringify([tree, parents, message]))
      .digest("hex");
    this.commits.set(sha, { tree, parents, message });
    return sha;
  }

  issueJson(issue: FakeIssue): Json {
    return {
      id: issue.number * 10,
      node_id: `I_${issue.number}`,
      number: issue.number,
      title: issue.title,
      body: issue.body,
      state: issue.state,
      labels: issue.labels.map((name, index) => ({ id: index + 1, name })),
      user: this.userJson(issue.user),
      html_url: `https://github.com/${this.owner}/${this.repo}/issues/${issue.number}`,
    };
  }

  userJson(user: FakeUser): Json {
    return { login: user.login, id: user.id, type: user.type };
  }

  pullJson(pull: FakePull): Json {
    return {
      number: pull.number,
      title: pull.title,
      body: pull.body,
      state: pull.state,
      merged_at: pull.merged ? "2025-03-01T10:00:00Z" : null,
      head: { ref: pull.head, sha: this.refs.get(`heads/${pull.head}`) ?? "" },
      base: { ref: pull.base },
      user: this.userJson(pull.user),
      html_url: `https://github.com/${this.owner}/${this.repo}/pull/${pull.number}`,
    };
  }

  /** The `fetch` to give octokit. */
  readonly fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const method = (init?.method ?? "GET").toUpperCase();
    const text = typeof init?.body === "string" ? init.body : undefined;
    const body = text === undefined || text === "" ? undefined : (JSON.parse(text) as Json);
    if (url.hostname !== "api.github.com") throw new Error(`fake GitHub: unexpected host ${url.hostname}`);
    const found = findOperation(method, url.pathname);
    if (!found) {
      this.contractProblems.push(`${method} ${url.pathname}: no such operation`);
      return reply(404, { message: "Not Found" });
    }
    const problems = checkRequest(found, url.searchParams, body);
    this.contractProblems.push(...problems);
    this.requests.push({ method, path: url.pathname, operationId: found.operation.operationId, body });
    if (problems.length > 0) return reply(422, { message: problems.join("; ") });
    return this.#handle(found.operation.operationId, found.pathParams, url.searchParams, body ?? {});
  };

  #handle(operationId: string, params: Record<string, string>, query: URLSearchParams, body: Json): Response {
    if (params.owner !== this.owner || params.repo !== this.repo) return reply(404, { message: "Not Found" });
    switch (operationId) {
      case "issues/get": {
        const issue = this.issues.get(Number(params.issue_number));
        return issue ? reply(200, this.issueJson(issue)) : reply(404, { message: "Not Found" });
      }
      case "issues/list-for-repo": {
        const labels = (query.get("labels") ?? "").split(",").filter(Boolean);
        const state = query.get("state") ?? "open";
        const creator = query.get("creator");
        const list = [...this.issues.values()]
          .filter(
            (issue) =>
              (state === "all" || issue.state === state) && labels.every((label) => issue.labels.includes(label)) && (!creator || issue.user.login === creator),
          )
          .sort((a, b) => a.number - b.number);
        return reply(
          200,
          page(list, query).map((issue) => this.issueJson(issue)),
        );
      }
      case "issues/list-comments": {
        const issue = this.issues.get(Number(params.issue_number));
        if (!issue) return reply(404, { message: "Not Found" });
        return reply(
          200,
          page(issue.comments, query).map((comment) => ({ id: comment.id, body: comment.body, user: this.userJson(comment.user) })),
        );
      }
      case "issues/create-comment": {
        const issue = this.issues.get(Number(params.issue_number));
        if (!issue) return reply(404, { message: "Not Found" });
        const comment = { id: this.#nextId++, user: this.bot, body: String(body.body) };
        issue.comments.push(comment);
        return reply(201, { id: comment.id, body: comment.body, user: this.userJson(this.bot) });
      }
      case "issues/update-comment": {
        for (const issue of this.issues.values()) {
          const comment = issue.comments.find((candidate) => candidate.id === Number(params.comment_id));
          if (!comment) continue;
          if (comment.user.id !== this.bot.id) return reply(403, { message: "Forbidden" });
          comment.body = String(body.body);
          return reply(200, { id: comment.id, body: comment.body, user: this.userJson(comment.user) });
        }
        return reply(404, { message: "Not Found" });
      }
      case "git/get-ref": {
        const sha = this.refs.get(params.ref ?? "");
        return sha ? reply(200, { ref: `refs/${params.ref}`, object: { sha, type: "commit" } }) : reply(404, { message: "Not Found" });
      }
      case "git/get-commit": {
        const commit = this.commits.get(params.commit_sha ?? "");
        return commit
          ? reply(200, { sha: params.commit_sha, message: commit.message, tree: { sha: commit.tree }, parents: commit.parents.map((sha) => ({ sha })) })
          : reply(404, { message: "Not Found" });
      }
      case "git/create-tree": {
        const base = new Map(this.trees.get(String(body.base_tree)) ?? []);
        for (const entry of body.tree as { path: string; content?: string }[]) base.set(entry.path, entry.content ?? "");
        return reply(201, { sha: this.#storeTree(base), tree: [] });
      }
      case "git/create-commit": {
        const tree = String(body.tree);
        if (!this.trees.has(tree)) return reply(422, { message: "tree not found" });
        const sha = this.#storeCommit(tree, body.parents as string[], String(body.message));
        return reply(201, { sha, message: body.message, tree: { sha: tree } });
      }
      case "git/create-ref": {
        const ref = String(body.ref).replace(/^refs\//, "");
        if (this.refs.has(ref)) return reply(422, { message: "Reference already exists" });
        this.refs.set(ref, String(body.sha));
        return reply(201, { ref: body.ref, object: { sha: body.sha, type: "commit" } });
      }
      case "git/update-ref": {
        if (!this.refs.has(params.ref ?? "")) return reply(422, { message: "Reference does not exist" });
        this.refs.set(params.ref ?? "", String(body.sha));
        return reply(200, { ref: `refs/${params.ref}`, object: { sha: body.sha, type: "commit" } });
      }
      case "repos/get-content": {
        const files = this.filesAt(query.get("ref") ?? this.defaultBranch);
        const path = params.path ?? "";
        if (files.has(path)) return reply(200, { type: "file", path, name: path.split("/").pop() });
        const inside = [...files.keys()].filter((file) => file.startsWith(`${path}/`));
        return inside.length > 0
          ? reply(
              200,
              inside.map((file) => ({ type: "file", path: file })),
            )
          : reply(404, { message: "Not Found" });
      }
      case "pulls/list": {
        const head = query.get("head");
        const state = query.get("state") ?? "open";
        const list = [...this.pulls.values()].filter((pull) => (!head || `${this.owner}:${pull.head}` === head) && (state === "all" || pull.state === state));
        return reply(
          200,
          page(list, query).map((pull) => this.pullJson(pull)),
        );
      }
      case "pulls/create": {
        if (!this.refs.has(`heads/${String(body.head)}`)) return reply(422, { message: "head does not exist" });
        if ([...this.pulls.values()].some((pull) => pull.head === body.head && pull.state === "open"))
          return reply(422, { message: "A pull request already exists" });
        const pull: FakePull = {
          number: this.#next++,
          title: String(body.title),
          body: String(body.body ?? ""),
          state: "open",
          merged: false,
          head: String(body.head),
          base: String(body.base),
          user: this.bot,
        };
        this.pulls.set(pull.number, pull);
        return reply(201, this.pullJson(pull));
      }
      case "pulls/update": {
        const pull = this.pulls.get(Number(params.pull_number));
        if (!pull) return reply(404, { message: "Not Found" });
        if (typeof body.title === "string") pull.title = body.title;
        if (typeof body.body === "string") pull.body = body.body;
        return reply(200, this.pullJson(pull));
      }
      default:
        this.contractProblems.push(`the fake does not implement ${operationId}`);
        return reply(501, { message: `not implemented: ${operationId}` });
    }
  }
}

function page<T>(items: T[], query: URLSearchParams): T[] {
  const perPage = Number(query.get("per_page") ?? 30);
  const number = Number(query.get("page") ?? 1);
  return items.slice((number - 1) * perPage, number * perPage);
}

function reply(status: number, data: unknown): Response {
  return new Response(JSON.stringify(data), { status, headers: { "content-type": "application/json; charset=utf-8" } });
}
