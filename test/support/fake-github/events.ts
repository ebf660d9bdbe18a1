/**
 * Event payloads for bots under test: real examples from @octokit/webhooks-examples, adapted to
 * the fake's repository and objects, and checked against the webhook schemas of
 * @octokit/openapi-webhooks after adaptation (so an adaptation cannot drift from GitHub's shape).
 */
import { createRequire } from "node:module";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import type { FakeGitHub } from "./index.ts";
import type { FakeIssue, FakePull, FakeRun, FakeUser } from "./store.ts";

type Json = Record<string, unknown>;

const require = createRequire(import.meta.url);
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

interface ExampleGroup {
  name: string;
  examples: Json[];
}

let ajv: Ajv2020 | null = null;
const validators = new Map<string, ValidateFunction>();

/** Checks a payload against the webhook schema of an event and action, e.g. "workflow-run-completed". */
export function webhookProblems(key: string, payload: unknown): string[] {
  if (!ajv) {
    ajv = new Ajv2020({ strict: false, allErrors: true, logger: false, validateSchema: false });
    addFormats(ajv);
    ajv.addSchema(require("@octokit/openapi-webhooks/generated/api.github.com.json") as Json, "webhooks");
  }
  let validate = validators.get(key);
  if (!validate) {
    validate = ajv.compile({ $ref: `webhooks#/webhooks/${key}/post/requestBody/content/application~1json/schema` });
    validators.set(key, validate);
  }
  if (validate(payload)) return [];
  return (validate.errors ?? []).slice(0, 5).map((e) => `${key}: ${e.instancePath || "(root)"} ${e.message ?? ""}`);
}

/** The first example of an event (and action) that is valid against its schema, deep-copied. */
function example(name: string, action: string | undefined, key: string): Json {
  const groups = require("@octokit/webhooks-examples") as ExampleGroup[];
  const candidates = groups.find((g) => g.name === name)?.examples.filter((e) => e.action === action) ?? [];
  const valid = candidates.find((e) => webhookProblems(key, e).length === 0);
  if (!valid) throw new Error(`No valid ${name}.${action} example in @octokit/webhooks-examples`);
  return structuredClone(valid);
}

function adaptRepository(github: FakeGitHub, repository: Json): Json {
  const { owner, repo, defaultBranch } = github.state;
  const ownerJson = { ...(repository.owner as Json), login: owner };
  return { ...repository, name: repo, full_name: `${owner}/${repo}`, owner: ownerJson, default_branch: defaultBranch, private: false };
}

function check(key: string, payload: Json): Json {
  const problems = webhookProblems(key, payload);
  if (problems.length > 0) throw new Error(`Adapted ${key} payload is invalid: ${problems.join("; ")}`);
  return payload;
}

/** A workflow_run.completed event for a run of the fake (the privileged bot's trigger). */
export function workflowRunCompleted(github: FakeGitHub, run: FakeRun): Json {
  const key = "workflow-run-completed";
  const payload = example("workflow_run", "completed", key);
  const repository = adaptRepository(github, payload.repository as Json);
  const source = payload.workflow_run as Json;
  const headRepository = {
    ...(source.head_repository as Json),
    name: github.state.repo,
    full_name: `${run.headOwner}/${github.state.repo}`,
    owner: { ...((source.head_repository as Json).owner as Json), login: run.headOwner },
  };
  payload.repository = repository;
  payload.workflow = { ...(payload.workflow as Json), name: run.name, path: run.path, id: run.workflowId };
  payload.workflow_run = {
    ...source,
    id: run.id,
    name: run.name,
    path: run.path,
    event: run.event,
    head_sha: run.headSha,
    head_branch: run.headBranch,
    head_commit: { ...(source.head_commit as Json), id: run.headSha },
    status: run.status,
    conclusion: run.conclusion,
    workflow_id: run.workflowId,
    pull_requests: [],
    repository: { ...(source.repository as Json), name: github.state.repo, full_name: `${github.state.owner}/${github.state.repo}` },
    head_repository: headRepository,
  };
  return check(key, payload);
}

/** A pull_request.opened event for a pull request of the fake (what the unprivileged validate job sees). */
export function pullRequestOpened(github: FakeGitHub, pull: FakePull): Json {
  const key = "pull-request-opened";
  const payload = example("pull_request", "opened", key);
  const source = payload.pull_request as Json;
  payload.repository = adaptRepository(github, payload.repository as Json);
  payload.number = pull.number;
  payload.pull_request = {
    ...source,
    number: pull.number,
    title: pull.title,
    body: pull.body,
    draft: pull.draft,
    head: { ...(source.head as Json), sha: pull.headSha, ref: pull.headRef },
    base: { ...(source.base as Json), sha: pull.baseSha, ref: pull.baseRef },
    user: { ...(source.user as Json), login: pull.user.login, id: pull.user.id, type: pull.user.type },
  };
  return check(key, payload);
}

/** A pull_request_review event (submitted or dismissed) for a pull request of the fake: what the unprivileged relay sees. */
export function pullRequestReview(github: FakeGitHub, pull: FakePull, action: "submitted" | "dismissed" = "submitted"): Json {
  const key = `pull-request-review-${action}`;
  // The package's examples predate a field the schema now requires (has_discussions on the
  // pull request's repositories): it is filled in, and the result is checked against the schema.
  const groups = require("@octokit/webhooks-examples") as ExampleGroup[];
  const candidates = groups.find((g) => g.name === "pull_request_review")?.examples.filter((e) => e.action === action) ?? [];
  const found = candidates
    .map((candidate) => ({ candidate, problems: webhookProblems(key, candidate).length }))
    .sort((a, b) => a.problems - b.problems)[0]?.candidate;
  if (!found) throw new Error(`No pull_request_review.${action} example in @octokit/webhooks-examples`);
  const payload = structuredClone(found);
  const source = payload.pull_request as Json;
  const side = (value: Json, sha: string, ref: string) => ({ ...value, sha, ref, repo: { has_discussions: false, ...(value.repo as Json) } });
  payload.repository = adaptRepository(github, payload.repository as Json);
  payload.pull_request = {
    ...source,
    number: pull.number,
    head: side(source.head as Json, pull.headSha, pull.headRef),
    base: side(source.base as Json, pull.baseSha, pull.baseRef),
  };
  return check(key, payload);
}

/** A workflow_dispatch event with the bot workflow's `pr` input (inputs are strings in the payload). */
export function workflowDispatch(github: FakeGitHub, inputs: Record<string, string> | null): Json {
  const key = "workflow-dispatch";
  const payload = example("workflow_dispatch", undefined, key);
  payload.repository = adaptRepository(github, payload.repository as Json);
  payload.inputs = inputs;
  payload.workflow = ".github/workflows/review-bot.yml";
  return check(key, payload);
}

/** A schedule event: Actions gives only the cron line (there is no webhook for it). */
export function schedule(cron = "23 */6 * * *"): Json {
  return { schedule: cron };
}

/** An issue_comment.created event: `user` commented `body` on an issue of the fake. */
export function issueCommentCreated(github: FakeGitHub, issue: FakeIssue, user: FakeUser, body: string, commentId: number): Json {
  const key = "issue-comment-created";
  const payload = example("issue_comment", "created", key);
  const source = payload.issue as Json;
  const comment = payload.comment as Json;
  const account = (value: Json, who: FakeUser) => ({ ...value, login: who.login, id: who.id, type: who.type });
  payload.repository = adaptRepository(github, payload.repository as Json);
  payload.issue = {
    ...source,
    number: issue.number,
    title: issue.title,
    body: issue.body,
    state: issue.state,
    user: account(source.user as Json, issue.user),
    labels: issue.labels.map((name, index) => ({ ...(((source.labels as Json[] | undefined) ?? [])[0] ?? {}), id: index + 1, name })),
  };
  delete (payload.issue as Json).pull_request;
  payload.comment = { ...comment, id: commentId, body, user: account(comment.user as Json, user) };
  payload.sender = account(payload.sender as Json, user);
  return check(key, payload);
}
