/**
 * Spec-shaped response bodies: each starts from the documented example of its operation in
 * @octokit/openapi and takes the values from the fake's state. The fake also validates every
 * body against the response schema before sending it (see index.ts).
 */
import { exampleResponse } from "./openapi.ts";
import type {
  FakeActivity,
  FakeComment,
  FakeCommit,
  FakeFile,
  FakeIssue,
  FakePull,
  FakeReview,
  FakeRun,
  FakeState,
  FakeStatus,
  FakeThread,
  FakeUser,
} from "./store.ts";

type Json = Record<string, unknown>;

const API = "https://api.github.com";
const WEB = "https://github.com";

function repoPath(state: FakeState): string {
  return `${state.owner}/${state.repo}`;
}

let userTemplate: Json | null = null;

/** A "simple-user". */
export function userJson(user: FakeUser): Json {
  userTemplate ??= (exampleResponse("get", "/repos/{owner}/{repo}/pulls/{pull_number}/reviews", 200) as Json[])[0]?.user as Json;
  return {
    ...structuredClone(userTemplate),
    login: user.login,
    id: user.id,
    node_id: Buffer.from(`04:User${user.id}`).toString("base64"),
    url: `${API}/users/${encodeURIComponent(user.login)}`,
    html_url: `${WEB}/${encodeURIComponent(user.login)}`,
    type: user.type,
    site_admin: false,
  };
}

/** A "full-repository". */
export function repositoryJson(state: FakeState): Json {
  const repo = exampleResponse("get", "/repos/{owner}/{repo}", 200) as Json;
  delete repo.source;
  delete repo.parent;
  delete repo.template_repository;
  const owner = { id: 1, login: state.owner, type: "Organization" as const };
  return {
    ...repo,
    id: state.repoId,
    name: state.repo,
    full_name: repoPath(state),
    owner: userJson(owner),
    private: false,
    visibility: "public",
    language: null,
    default_branch: state.defaultBranch,
    html_url: `${WEB}/${repoPath(state)}`,
    url: `${API}/repos/${repoPath(state)}`,
  };
}

export function refJson(state: FakeState, ref: string, sha: string, status = 200, method = "get"): Json {
  const example = (
    status === 201
      ? exampleResponse("post", "/repos/{owner}/{repo}/git/refs", 201)
      : method === "patch"
        ? exampleResponse("patch", "/repos/{owner}/{repo}/git/refs/{ref}", 200)
        : exampleResponse("get", "/repos/{owner}/{repo}/git/ref/{ref}", 200)
  ) as Json;
  return {
    ...example,
    ref: `refs/${ref}`,
    url: `${API}/repos/${repoPath(state)}/git/refs/${ref}`,
    object: { type: "commit", sha, url: `${API}/repos/${repoPath(state)}/git/commits/${sha}` },
  };
}

function blobSha(text: string): string {
  return Buffer.from(`blob:${text}`).toString("hex").padEnd(40, "0").slice(0, 40);
}

/** A "content-file", base64 in 60-character lines as GitHub sends it. */
export function fileContentJson(state: FakeState, ref: string, path: string, text: string): Json {
  const example = exampleResponse("get", "/repos/{owner}/{repo}/contents/{path}", 200, "response-if-content-is-a-file") as Json;
  const base64 = Buffer.from(text, "utf8")
    .toString("base64")
    .replace(/(.{60})/g, "$1\n");
  const sha = blobSha(text);
  const self = `${API}/repos/${repoPath(state)}/contents/${path}?ref=${ref}`;
  return {
    ...example,
    name: path.split("/").pop(),
    path,
    size: Buffer.byteLength(text, "utf8"),
    content: `${base64}\n`,
    sha,
    url: self,
    git_url: `${API}/repos/${repoPath(state)}/git/blobs/${sha}`,
    html_url: `${WEB}/${repoPath(state)}/blob/${ref}/${path}`,
    download_url: null,
    _links: { self, git: `${API}/repos/${repoPath(state)}/git/blobs/${sha}`, html: `${WEB}/${repoPath(state)}/blob/${ref}/${path}` },
  };
}

/** An item of a "content-directory". */
export function directoryItemJson(state: FakeState, ref: string, path: string, type: "file" | "dir", size: number): Json {
  const example = (exampleResponse("get", "/repos/{owner}/{repo}/contents/{path}", 200, "response-if-content-is-a-directory") as Json[])[0] as Json;
  const self = `${API}/repos/${repoPath(state)}/contents/${path}?ref=${ref}`;
  return {
    ...example,
    type,
    name: path.split("/").pop(),
    path,
    size: type === "dir" ? 0 : size,
    sha: blobSha(path),
    url: self,
    git_url: null,
    html_url: `${WEB}/${repoPath(state)}/tree/${ref}/${path}`,
    download_url: null,
    _links: { self, git: null, html: `${WEB}/${repoPath(state)}/tree/${ref}/${path}` },
  };
}

function teamJson(state: FakeState, slug: string): Json {
  const example = (exampleResponse("get", "/repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers", 200) as { teams: Json[] }).teams[0] as Json;
  const team = state.teams.get(slug) ?? { id: 77, slug, name: slug };
  return {
    ...example,
    id: team.id,
    name: team.name,
    slug: team.slug,
    type: "organization",
    html_url: `${WEB}/orgs/${state.owner}/teams/${team.slug}`,
  };
}

function labelJson(state: FakeState, name: string): Json {
  const example = (exampleResponse("get", "/repos/{owner}/{repo}/issues/{issue_number}/labels", 200) as Json[])[0] as Json;
  return {
    ...example,
    id: [...name].reduce((n, c) => (n * 31 + (c.codePointAt(0) ?? 0)) % 1_000_000_007, 7),
    name,
    url: `${API}/repos/${repoPath(state)}/labels/${encodeURIComponent(name)}`,
    description: "",
    color: "ededed",
    default: false,
  };
}

export function labelsJson(state: FakeState, names: readonly string[]): Json[] {
  return names.map((name) => labelJson(state, name));
}

function branchJson(state: FakeState, pull: FakePull, side: "head" | "base", template: Json): Json {
  const owner = side === "head" ? pull.headOwner : state.owner;
  const ref = side === "head" ? pull.headRef : pull.baseRef;
  const sha = side === "head" ? pull.headSha : pull.baseSha;
  const ownerUser: FakeUser = { id: owner === state.owner ? 1 : 2, login: owner, type: owner === state.owner ? "Organization" : "User" };
  const repo = structuredClone(template.repo) as Json;
  return {
    ...template,
    label: `${owner}:${ref}`,
    ref,
    sha,
    user: userJson(ownerUser),
    repo: { ...repo, name: state.repo, full_name: `${owner}/${state.repo}`, owner: userJson(ownerUser), fork: owner !== state.owner },
  };
}

/** A "pull-request" (the full object of GET, POST and PATCH on pulls). */
export function pullJson(
  state: FakeState,
  pull: FakePull,
  files: FakeFile[],
  commits: number,
  method = "get",
  template = "/repos/{owner}/{repo}/pulls/{pull_number}",
  status = 200,
): Json {
  const example = exampleResponse(method, template, status) as Json;
  return {
    ...pullCommon(state, pull, example),
    merged: pull.merged,
    mergeable: pull.mergeable,
    mergeable_state: pull.mergeable === true ? "clean" : pull.mergeable === false ? "dirty" : "unknown",
    merged_by: null,
    changed_files: pull.changedFiles ?? files.length,
    comments: pull.comments.length,
    review_comments: 0,
    commits,
  };
}

/** A "pull-request-simple" (lists, and the answer to a review request). */
export function pullSimpleJson(state: FakeState, pull: FakePull, method = "get", template = "/repos/{owner}/{repo}/pulls", status = 200): Json {
  const found = exampleResponse(method, template, status) as Json | Json[];
  const example = (Array.isArray(found) ? found[0] : found) as Json;
  return pullCommon(state, pull, example);
}

function pullCommon(state: FakeState, pull: FakePull, example: Json): Json {
  const url = `${API}/repos/${repoPath(state)}/pulls/${pull.number}`;
  return {
    ...example,
    url,
    id: 500_000 + pull.number,
    html_url: `${WEB}/${repoPath(state)}/pull/${pull.number}`,
    number: pull.number,
    state: pull.state,
    locked: false,
    title: pull.title,
    body: pull.body,
    user: userJson(pull.user),
    labels: labelsJson(state, pull.labels),
    milestone: null,
    created_at: pull.createdAt,
    updated_at: pull.createdAt,
    closed_at: pull.state === "closed" ? pull.createdAt : null,
    merged_at: pull.merged ? pull.createdAt : null,
    merge_commit_sha: null,
    assignee: null,
    assignees: [],
    requested_reviewers: pull.requestedUsers.map(userJson),
    requested_teams: pull.requestedTeams.map((slug) => teamJson(state, slug)),
    head: branchJson(state, pull, "head", example.head as Json),
    base: branchJson(state, pull, "base", example.base as Json),
    author_association: "CONTRIBUTOR",
    auto_merge: null,
    draft: pull.draft,
  };
}

export function fileJson(state: FakeState, pull: FakePull, file: FakeFile): Json {
  const example = (exampleResponse("get", "/repos/{owner}/{repo}/pulls/{pull_number}/files", 200) as Json[])[0] as Json;
  const json: Json = {
    ...example,
    sha: blobSha(file.filename),
    filename: file.filename,
    status: file.status,
    additions: 1,
    deletions: 0,
    changes: 1,
    blob_url: `${WEB}/${repoPath(state)}/blob/${pull.headSha}/${file.filename}`,
    raw_url: `${WEB}/${repoPath(state)}/raw/${pull.headSha}/${file.filename}`,
    contents_url: `${API}/repos/${repoPath(state)}/contents/${file.filename}?ref=${pull.headSha}`,
  };
  if (file.previous_filename) json.previous_filename = file.previous_filename;
  return json;
}

export function reviewJson(state: FakeState, pull: FakePull, review: FakeReview): Json {
  const example = (exampleResponse("get", "/repos/{owner}/{repo}/pulls/{pull_number}/reviews", 200) as Json[])[0] as Json;
  return {
    ...example,
    id: review.id,
    user: review.user ? userJson(review.user) : null,
    body: review.body,
    state: review.state,
    html_url: `${WEB}/${repoPath(state)}/pull/${pull.number}#pullrequestreview-${review.id}`,
    pull_request_url: `${API}/repos/${repoPath(state)}/pulls/${pull.number}`,
    submitted_at: review.submittedAt,
    commit_id: review.commitId,
    author_association: "COLLABORATOR",
  };
}

export function requestedReviewersJson(state: FakeState, pull: FakePull): Json {
  return { users: pull.requestedUsers.map(userJson), teams: pull.requestedTeams.map((slug) => teamJson(state, slug)) };
}

export function commentJson(state: FakeState, pull: FakeThread, comment: FakeComment, status = 200): Json {
  const kind = state.pulls.has(pull.number) ? "pull" : "issues";
  const found =
    status === 201
      ? (exampleResponse("post", "/repos/{owner}/{repo}/issues/{issue_number}/comments", 201) as Json)
      : ((exampleResponse("get", "/repos/{owner}/{repo}/issues/{issue_number}/comments", 200) as Json[])[0] as Json);
  return {
    ...found,
    id: comment.id,
    url: `${API}/repos/${repoPath(state)}/issues/comments/${comment.id}`,
    html_url: `${WEB}/${repoPath(state)}/${kind}/${pull.number}#issuecomment-${comment.id}`,
    issue_url: `${API}/repos/${repoPath(state)}/issues/${pull.number}`,
    body: comment.body,
    user: comment.user ? userJson(comment.user) : null,
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
    author_association: comment.user?.type === "Bot" ? "NONE" : "CONTRIBUTOR",
  };
}

export function statusJson(state: FakeState, sha: string, status: FakeStatus, code = 200): Json {
  const found =
    code === 201
      ? (exampleResponse("post", "/repos/{owner}/{repo}/statuses/{sha}", 201) as Json)
      : ((exampleResponse("get", "/repos/{owner}/{repo}/commits/{ref}/statuses", 200) as Json[])[0] as Json);
  return {
    ...found,
    url: `${API}/repos/${repoPath(state)}/statuses/${sha}`,
    id: status.id,
    state: status.state,
    description: status.description,
    target_url: status.targetUrl,
    context: status.context,
    created_at: status.createdAt,
    updated_at: status.createdAt,
    creator: userJson(status.creator),
  };
}

export function runJson(state: FakeState, run: FakeRun): Json {
  const example = (exampleResponse("get", "/repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs", 200) as { workflow_runs: Json[] })
    .workflow_runs[0] as Json;
  return {
    ...example,
    id: run.id,
    name: run.name,
    display_title: run.name,
    path: run.path,
    event: run.event,
    head_sha: run.headSha,
    head_branch: run.headBranch,
    status: run.status,
    conclusion: run.conclusion,
    workflow_id: run.workflowId,
    created_at: run.createdAt,
    updated_at: run.createdAt,
    pull_requests: [],
    html_url: `${WEB}/${repoPath(state)}/actions/runs/${run.id}`,
    url: `${API}/repos/${repoPath(state)}/actions/runs/${run.id}`,
  };
}

export function accountJson(user: FakeUser): Json {
  const example = exampleResponse("get", "/user/{account_id}", 200, "default-response") as Json;
  return { ...example, ...userJson(user), name: null, company: null, blog: "", location: null, email: null, bio: null };
}

export function mergeJson(sha: string): Json {
  return { ...(exampleResponse("put", "/repos/{owner}/{repo}/pulls/{pull_number}/merge", 200) as Json), sha, merged: true };
}

/** GitHub's error body. */
export function errorJson(message: string): Json {
  return { message, documentation_url: "https://docs.github.com/rest" };
}

/** An "issue": a real issue, or a pull request as the issues API shows it (with `pull_request`). */
export function issueJson(state: FakeState, item: FakeIssue | FakePull, method = "get", template = "/repos/{owner}/{repo}/issues", status = 200): Json {
  const found = exampleResponse(method, template, status) as Json | Json[];
  const example = (Array.isArray(found) ? found[0] : found) as Json;
  const isPull = "headSha" in item;
  const url = `${API}/repos/${repoPath(state)}/issues/${item.number}`;
  const json: Json = {
    ...example,
    id: (isPull ? 700_000 : 600_000) + item.number,
    node_id: Buffer.from(`I_${item.number}`).toString("base64"),
    url,
    repository_url: `${API}/repos/${repoPath(state)}`,
    labels_url: `${url}/labels{/name}`,
    comments_url: `${url}/comments`,
    events_url: `${url}/events`,
    html_url: `${WEB}/${repoPath(state)}/${isPull ? "pull" : "issues"}/${item.number}`,
    number: item.number,
    state: item.state,
    state_reason: isPull ? null : item.stateReason,
    title: item.title,
    body: item.body,
    user: userJson(item.user),
    labels: labelsJson(state, item.labels),
    assignee: null,
    assignees: [],
    milestone: null,
    locked: false,
    active_lock_reason: null,
    comments: item.comments.length,
    closed_at: isPull ? null : item.closedAt,
    created_at: item.createdAt,
    updated_at: isPull ? item.createdAt : item.updatedAt,
    closed_by: null,
    author_association: item.user.type === "Bot" ? "NONE" : "CONTRIBUTOR",
  };
  delete json.pinned_comment;
  delete json.repository;
  if (isPull) {
    json.pull_request = {
      url: `${API}/repos/${repoPath(state)}/pulls/${item.number}`,
      html_url: `${WEB}/${repoPath(state)}/pull/${item.number}`,
      diff_url: `${WEB}/${repoPath(state)}/pull/${item.number}.diff`,
      patch_url: `${WEB}/${repoPath(state)}/pull/${item.number}.patch`,
      merged_at: item.merged ? item.createdAt : null,
    };
  } else delete json.pull_request;
  return json;
}

function gitIdentity(user: FakeUser | null, date: string): Json {
  // A commit whose git e-mail GitHub cannot link to an account has an identity but no account.
  return user
    ? { name: user.login, email: `${user.id}+${user.login}@users.noreply.github.com`, date }
    : { name: "Someone", email: "someone@example.org", date };
}

/** A "git-commit" (the git database's view of a commit). */
export function gitCommitJson(state: FakeState, commit: FakeCommit, status = 200): Json {
  const example = (
    status === 201
      ? exampleResponse("post", "/repos/{owner}/{repo}/git/commits", 201)
      : exampleResponse("get", "/repos/{owner}/{repo}/git/commits/{commit_sha}", 200)
  ) as Json;
  return {
    ...example,
    sha: commit.sha,
    node_id: Buffer.from(`C_${commit.sha}`).toString("base64"),
    url: `${API}/repos/${repoPath(state)}/git/commits/${commit.sha}`,
    html_url: `${WEB}/${repoPath(state)}/commit/${commit.sha}`,
    author: gitIdentity(commit.author, commit.date),
    committer: gitIdentity(commit.committer, commit.date),
    message: commit.message,
    tree: { sha: commit.tree, url: `${API}/repos/${repoPath(state)}/git/trees/${commit.tree}` },
    parents: commit.parents.map((sha) => ({
      sha,
      url: `${API}/repos/${repoPath(state)}/git/commits/${sha}`,
      html_url: `${WEB}/${repoPath(state)}/commit/${sha}`,
    })),
  };
}

/** A "git-tree". */
export function gitTreeJson(state: FakeState, sha: string, files: Map<string, string>): Json {
  const example = exampleResponse("post", "/repos/{owner}/{repo}/git/trees", 201) as Json;
  return {
    ...example,
    sha,
    url: `${API}/repos/${repoPath(state)}/git/trees/${sha}`,
    truncated: false,
    tree: [...files].map(([path, text]) => ({
      path,
      mode: "100644",
      type: "blob",
      size: Buffer.byteLength(text),
      sha: blobSha(text),
      url: `${API}/repos/${repoPath(state)}/git/blobs/${blobSha(text)}`,
    })),
  };
}

/** A "commit" as a pull request's commit list shows it: the git commit plus the linked accounts. */
export function commitJson(state: FakeState, commit: FakeCommit): Json {
  const example = (exampleResponse("get", "/repos/{owner}/{repo}/pulls/{pull_number}/commits", 200) as Json[])[0] as Json;
  const git = gitCommitJson(state, commit);
  return {
    ...example,
    url: `${API}/repos/${repoPath(state)}/commits/${commit.sha}`,
    sha: commit.sha,
    node_id: git.node_id,
    html_url: `${WEB}/${repoPath(state)}/commit/${commit.sha}`,
    comments_url: `${API}/repos/${repoPath(state)}/commits/${commit.sha}/comments`,
    commit: {
      ...(example.commit as Json),
      url: git.url,
      author: git.author,
      committer: git.committer,
      message: commit.message,
      tree: git.tree,
      comment_count: 0,
    },
    author: commit.author ? userJson(commit.author) : null,
    committer: commit.committer ? userJson(commit.committer) : null,
    parents: commit.parents.map((sha) => ({ sha, url: `${API}/repos/${repoPath(state)}/commits/${sha}`, html_url: `${WEB}/${repoPath(state)}/commit/${sha}` })),
  };
}

/**
 * An "activity" item. Built from the schema's properties, not the documented example: the example
 * still shows an older shape (`pusher`, `push_type`) that the schema no longer describes.
 */
export function activityJson(activity: FakeActivity): Json {
  return {
    id: activity.id,
    node_id: Buffer.from(`A_${activity.id}`).toString("base64"),
    before: activity.before,
    after: activity.after,
    ref: activity.ref,
    timestamp: activity.timestamp,
    activity_type: activity.type,
    actor: activity.actor ? userJson(activity.actor) : null,
  };
}
