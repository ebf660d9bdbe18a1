import { firstError, validatePullRequestEvent, validateReviewRelay } from "../schemas.ts";
import { ARTIFACT_FILE, type ProducingRun, readArtifactJson } from "./consume.ts";

/** result.json of the review relay: which pull request was reviewed, at which commit. Data only. */
export interface ReviewRelay {
  schemaVersion: 1;
  kind: "review-relay";
  prNumber: number;
  headSha: string;
}

/**
 * The relay artifact from a pull_request_review event (submitted or dismissed): the pull
 * request's number and head commit, checked against the strict schema the bot applies.
 */
export function buildReviewRelay(event: unknown): { ok: true; relay: ReviewRelay } | { ok: false; error: string } {
  if (!validatePullRequestEvent(event)) return { ok: false, error: `the event has no pull request: ${firstError(validatePullRequestEvent)}` };
  const pr = (event as { pull_request: { number: number; head: { sha: string } } }).pull_request;
  const relay: ReviewRelay = { schemaVersion: 1, kind: "review-relay", prNumber: pr.number, headSha: pr.head.sha };
  if (!validateReviewRelay(relay)) return { ok: false, error: `the relay would be invalid: ${firstError(validateReviewRelay)}` };
  return { ok: true, relay };
}

export type RelayResult = { ok: true; prNumber: number; headSha: string } | { ok: false; reason: string };

/**
 * Accepts the review relay of a run with the same checks as the validation artifact (checklist
 * item 6): a pull_request_review run of the expected relay workflow; exactly result.json, a
 * regular file under the size cap; the strict schema; and the run's own head commit. The caller
 * then checks that the pull request's head is still that commit.
 */
export async function consumeReviewRelay(input: { dir: string; run: ProducingRun; expectedWorkflowPath: string }): Promise<RelayResult> {
  const { run } = input;
  const refuse = (reason: string): RelayResult => ({ ok: false, reason: `The review relay was refused: ${reason}.` });
  if (run.event !== "pull_request_review") return refuse(`the run was started by ${run.event}, not pull_request_review`);
  if (run.path !== input.expectedWorkflowPath) return refuse("the run is not of the expected relay workflow");
  const read = await readArtifactJson(input.dir);
  if (!read.ok) return refuse(read.reason);
  const value = read.value;
  if (!validateReviewRelay(value)) return refuse(`${ARTIFACT_FILE} does not match the schema (${firstError(validateReviewRelay)})`);
  const relay = value as ReviewRelay;
  if (relay.headSha !== run.headSha) return refuse("its head commit is not the run's");
  return { ok: true, prNumber: relay.prNumber, headSha: relay.headSha };
}
