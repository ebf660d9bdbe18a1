import type { GitHubClient } from "../../github/client.ts";
import { execute } from "../exec/execute.ts";
import type { ChangeVocabulary } from "../facts/content.ts";
import { gatherFacts, type RepoRef, type TrustAnchor } from "../facts/gather-facts.ts";
import { planRequests } from "../plan/plan-requests.ts";
import { computeActions } from "../policy/compute-actions.ts";
import type { Actions, BotConfig, BotRequest, PrFacts, ValidationSummary } from "../types.ts";

/** What happened to one pull request in a run. */
export interface PrOutcome {
  number: number;
  verdict: Actions["verdict"];
  planned: number;
  sent: number;
  error: string | null;
  /** Kept for the dry run and tests. */
  facts?: PrFacts;
  actions?: Actions;
  requests?: BotRequest[];
}

export interface ReviewInput {
  repo: RepoRef;
  number: number;
  config: BotConfig;
  trust: TrustAnchor;
  now: Date;
  artifact?: ValidationSummary | null;
  artifactProblem?: string | null;
  /** Plan only: nothing is written. */
  dryRun?: boolean;
  /** Vocabularies from the default branch, to show what changed in each entry. */
  describe?: ChangeVocabulary;
}

/** One pull request through the whole pipeline: facts → actions → plan → execute. */
export async function reviewPullRequest(client: GitHubClient, input: ReviewInput): Promise<PrOutcome> {
  const facts = await gatherFacts(client, {
    repo: input.repo,
    pullNumber: input.number,
    config: input.config,
    trust: input.trust,
    artifact: input.artifact ?? null,
    artifactProblem: input.artifactProblem ?? null,
    ...(input.describe ? { describe: input.describe } : {}),
  });
  const actions = computeActions(facts, input.config, input.now);
  const requests = planRequests(actions, facts, input.config);
  const base = { number: input.number, verdict: actions.verdict, planned: requests.length, facts, actions, requests };
  if (input.dryRun) return { ...base, sent: 0, error: null };
  const result = await execute(client, requests);
  const error = result.failed
    ? `${result.failed.request.route} failed${result.failed.status ? ` (HTTP ${result.failed.status})` : ""}: ${result.failed.message}`
    : null;
  return { ...base, sent: result.sent, error };
}
