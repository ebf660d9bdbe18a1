import type { GitHubClient } from "../../github/client.ts";
import { describeError } from "../../github/errors.ts";
import { readAll } from "../../github/pager.ts";
import { consumeValidationArtifact } from "../artifact/consume.ts";
import { consumeReviewRelay } from "../artifact/relay.ts";
import type { ChangeVocabulary } from "../facts/content.ts";
import { loadBotConfig, type RepoRef, repoFromEnvironment, resolveTrustAnchor } from "../facts/gather-facts.ts";
import { firstError, validateWorkflowDispatchEvent, validateWorkflowRunEvent } from "../schemas.ts";
import type { BotConfig, ValidationSummary } from "../types.ts";
import { type PrOutcome, reviewPullRequest } from "./review-pull-request.ts";

/** What the Actions runner tells the bot, read by the CLI from the environment. */
export interface ActionEnvironment {
  /** GITHUB_EVENT_NAME */
  eventName: string;
  /** The parsed JSON of GITHUB_EVENT_PATH. */
  event: unknown;
  /** GITHUB_REPOSITORY: "owner/name". */
  repository: string;
  /** GITHUB_SERVER_URL */
  serverUrl: string;
  /** VALIDATION_ARTIFACT_DIR: where actions/download-artifact put the validation result, if anywhere. */
  artifactDir: string | null;
}

export interface RunReport {
  trigger: string;
  outcomes: PrOutcome[];
  notes: string[];
}

/** Open pull requests a sweep reviews at most; the next sweep takes the others. */
const MAX_SWEEP = 300;
/** Open pull requests a sweep lists at most. */
const MAX_SWEEP_LISTED = 1000;

/** The workflow_run fields the bot uses. */
interface RunEvent {
  workflow_run: {
    id: number;
    head_sha: string;
    event: string;
    path: string;
    conclusion?: string | null;
    head_branch?: string | null;
    head_repository?: { owner?: { login: string } } | null;
  };
}

/**
 * The privileged entry point: reviews the pull request(s) an event is about.
 * - workflow_run (after Validate): the PR(s) whose head is the run's commit, with the run's artifact;
 * - workflow_run (after the review relay): the PR its artifact names, minutes after a review;
 * - schedule: every open PR (the sweep that catches reviews and anything missed);
 * - workflow_dispatch: the PR in `inputs.pr`, or a sweep without it.
 * Never reads pull-request code: only the API, and the artifact as checked data.
 */
export async function runReviewBot(
  client: GitHubClient,
  env: ActionEnvironment,
  options: { now: Date; dryRun?: boolean; describe?: ChangeVocabulary },
): Promise<RunReport> {
  const repo = repoFromEnvironment(env.repository, env.serverUrl);
  const trust = await resolveTrustAnchor(client, repo);
  const config = await loadBotConfig(client, repo, trust);
  const review = (number: number, extra: { artifact?: ValidationSummary | null; artifactProblem?: string | null } = {}) =>
    reviewSafely(client, {
      repo,
      number,
      config,
      trust,
      now: options.now,
      dryRun: options.dryRun ?? false,
      ...(options.describe ? { describe: options.describe } : {}),
      ...extra,
    });

  switch (env.eventName) {
    case "workflow_run":
      return reviewWorkflowRun(client, env, repo, config, review);
    case "schedule":
      return sweep(client, repo, "schedule", review);
    case "workflow_dispatch": {
      if (!validateWorkflowDispatchEvent(env.event))
        throw new Error(`The workflow_dispatch event is not as expected: ${firstError(validateWorkflowDispatchEvent)}`);
      const pr = (env.event as { inputs?: { pr?: string | number } | null }).inputs?.pr;
      if (pr === undefined) return sweep(client, repo, "workflow_dispatch", review);
      return { trigger: "workflow_dispatch", outcomes: [await review(Number(pr))], notes: [] };
    }
    default:
      throw new Error(`The review bot does not handle the ${JSON.stringify(env.eventName).slice(0, 60)} event.`);
  }
}

async function reviewWorkflowRun(
  client: GitHubClient,
  env: ActionEnvironment,
  repo: RepoRef,
  config: BotConfig,
  review: (number: number, extra?: { artifact?: ValidationSummary | null; artifactProblem?: string | null }) => Promise<PrOutcome>,
): Promise<RunReport> {
  if (!validateWorkflowRunEvent(env.event)) throw new Error(`The workflow_run event is not as expected: ${firstError(validateWorkflowRunEvent)}`);
  const run = (env.event as RunEvent).workflow_run;
  const notes: string[] = [];
  if (run.event !== "pull_request" && run.event !== "pull_request_review") {
    return { trigger: "workflow_run", outcomes: [], notes: [`The run was started by ${run.event}: no pull request to review.`] };
  }
  if (run.event === "pull_request_review") return reviewRelayed(client, env, repo, config, run, review);
  const prs = await findPullRequestsForRun(client, repo, run);
  if (prs.length === 0) notes.push(`No open pull request has the run's commit ${run.head_sha} as its head.`);
  const isValidation = run.path === config.validateWorkflow && run.event === "pull_request";
  const outcomes: PrOutcome[] = [];
  for (const pr of prs) {
    let artifact: ValidationSummary | null = null;
    let artifactProblem: string | null = null;
    if (isValidation && pr.headSha === run.head_sha) {
      if (env.artifactDir) {
        const result = await consumeValidationArtifact({
          dir: env.artifactDir,
          run: { id: run.id, headSha: run.head_sha, event: run.event, path: run.path },
          pullRequest: pr,
          expectedWorkflowPath: config.validateWorkflow,
        });
        if (result.ok) artifact = result.summary;
        else if (!result.stale) artifactProblem = result.reason;
      } else if (run.conclusion === "success" || run.conclusion === "failure") {
        artifactProblem = "The validation run finished but its artifact was not downloaded.";
      }
    }
    outcomes.push(await review(pr.number, { artifact, artifactProblem }));
  }
  return { trigger: "workflow_run", outcomes, notes };
}

/**
 * A review (submitted or dismissed) relayed by the unprivileged relay workflow: the pull request
 * named in its checked artifact is reviewed at once, when its head is still the reviewed commit.
 * The validation findings come from the bot's own comment, as in the sweep. A refused or stale
 * relay reviews nothing: the next push, relay or sweep does.
 */
async function reviewRelayed(
  client: GitHubClient,
  env: ActionEnvironment,
  repo: RepoRef,
  config: BotConfig,
  run: RunEvent["workflow_run"],
  review: (number: number) => Promise<PrOutcome>,
): Promise<RunReport> {
  const report = (notes: string[], outcomes: PrOutcome[] = []): RunReport => ({ trigger: "workflow_run", outcomes, notes });
  if (!env.artifactDir) return report(["The review relay's artifact was not downloaded: the next sweep reviews the pull request."]);
  const relay = await consumeReviewRelay({
    dir: env.artifactDir,
    run: { id: run.id, headSha: run.head_sha, event: run.event, path: run.path },
    expectedWorkflowPath: config.reviewRelayWorkflow,
  });
  if (!relay.ok) return report([relay.reason]);
  const { data: pull } = await client.request("GET /repos/{owner}/{repo}/pulls/{pull_number}", {
    owner: repo.owner,
    repo: repo.repo,
    pull_number: relay.prNumber,
  });
  if (pull.state !== "open") return report([`Pull request #${relay.prNumber} is not open.`]);
  if (pull.head.sha !== relay.headSha) return report([`Pull request #${relay.prNumber} has new commits since the review: their validation brings the bot.`]);
  return report([], [await review(relay.prNumber)]);
}

/**
 * The open pull requests a workflow run is about. `workflow_run.pull_requests` is empty for forks,
 * so they are found through the API: by the run's head repository and branch, and else by head commit.
 */
export async function findPullRequestsForRun(
  client: GitHubClient,
  repo: RepoRef,
  run: RunEvent["workflow_run"],
): Promise<{ number: number; headSha: string }[]> {
  const base = { owner: repo.owner, repo: repo.repo, state: "open" };
  const login = run.head_repository?.owner?.login;
  if (login && run.head_branch) {
    const list = await readAll<PullSummary>(client, "GET /repos/{owner}/{repo}/pulls", { ...base, head: `${login}:${run.head_branch}` });
    const found = list.items.map(toSummary);
    if (found.length > 0) return found;
  }
  const all = await readAll<PullSummary>(client, "GET /repos/{owner}/{repo}/pulls", base);
  return all.items.map(toSummary).filter((pr) => pr.headSha === run.head_sha);
}

async function sweep(client: GitHubClient, repo: RepoRef, trigger: string, review: (number: number) => Promise<PrOutcome>): Promise<RunReport> {
  const list = await readAll<PullSummary>(
    client,
    "GET /repos/{owner}/{repo}/pulls",
    { owner: repo.owner, repo: repo.repo, state: "open" },
    { maxItems: MAX_SWEEP_LISTED },
  );
  const notes: string[] = [];
  if (!list.complete) notes.push("There are more open pull requests than one sweep reads; the rest wait for the next sweep.");
  const numbers = list.items.map((pr) => pr.number).sort((a, b) => a - b);
  if (numbers.length > MAX_SWEEP) notes.push(`Only the first ${MAX_SWEEP} open pull requests were reviewed.`);
  const outcomes: PrOutcome[] = [];
  for (const number of numbers.slice(0, MAX_SWEEP)) outcomes.push(await review(number));
  return { trigger, outcomes, notes };
}

/** Reviews one pull request; an error there is reported and does not stop a sweep. */
async function reviewSafely(client: GitHubClient, input: Parameters<typeof reviewPullRequest>[1]): Promise<PrOutcome> {
  try {
    return await reviewPullRequest(client, input);
  } catch (error) {
    return { number: input.number, verdict: "skipped", planned: 0, sent: 0, error: describeError(error) };
  }
}

interface PullSummary {
  number: number;
  head: { sha: string };
}

function toSummary(pr: PullSummary): { number: number; headSha: string } {
  return { number: pr.number, headSha: pr.head.sha };
}
