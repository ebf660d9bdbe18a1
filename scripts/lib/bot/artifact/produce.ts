import { isUnLanguage } from "../../i18n/messages.ts";
import { ARTIFACT_LIMITS, firstError, REPOSITORY_PATH, validateArtifact, validatePullRequestEvent, validateValidatorOutput } from "../schemas.ts";
import type { Finding } from "../types.ts";
import { cut, SHOWN_FINDINGS } from "../validation-summary.ts";

/** result.json: what the unprivileged validate job hands to the review bot. Data only. */
export interface ValidationArtifact {
  schemaVersion: 1;
  headSha: string;
  prNumber: number;
  findings: Finding[];
}

export type BuildResult = { ok: true; artifact: ValidationArtifact } | { ok: false; error: string };

const RULE_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const PATH = new RegExp(REPOSITORY_PATH);

/**
 * Builds the artifact from the validator's JSON output and the pull_request event. Findings are
 * fitted to the artifact's limits (errors first, long text cut) so that a valid run always gives
 * a valid artifact; the result is checked against the same strict schema the bot applies.
 */
export function buildValidationArtifact(validatorOutput: unknown, event: unknown): BuildResult {
  if (!validatePullRequestEvent(event)) return { ok: false, error: `the event is not a pull_request event: ${firstError(validatePullRequestEvent)}` };
  if (!validateValidatorOutput(validatorOutput)) return { ok: false, error: `the validator output is not as expected: ${firstError(validateValidatorOutput)}` };
  const pr = (event as { pull_request: { number: number; head: { sha: string } } }).pull_request;
  const diagnostics = (validatorOutput as { diagnostics: Finding[] }).diagnostics;
  const ordered = [...diagnostics.filter((d) => d.severity === "error"), ...diagnostics.filter((d) => d.severity === "warning")];
  // Only the findings the comment shows carry their message in the six languages: the artifact stays small.
  const findings = ordered.slice(0, ARTIFACT_LIMITS.maxFindings).map((d, i) => fitFinding(d, i < SHOWN_FINDINGS));
  const artifact: ValidationArtifact = { schemaVersion: 1, headSha: pr.head.sha, prNumber: pr.number, findings };
  if (!validateArtifact(artifact)) return { ok: false, error: `the artifact would be invalid: ${firstError(validateArtifact)}` };
  return { ok: true, artifact };
}

function fitFinding(d: Finding, translated: boolean): Finding {
  return {
    ruleId: RULE_ID.test(d.ruleId) && d.ruleId.length <= ARTIFACT_LIMITS.maxRuleId ? d.ruleId : "unknown-rule",
    severity: d.severity,
    // The validator only names files in the repository; anything else becomes the repository itself.
    file: PATH.test(d.file) ? cut(d.file, ARTIFACT_LIMITS.maxFile) : ".",
    line: clamp(d.line),
    column: clamp(d.column),
    message: cut(d.message, ARTIFACT_LIMITS.maxMessage),
    ...(typeof d.hint === "string" ? { hint: cut(d.hint, ARTIFACT_LIMITS.maxMessage) } : {}),
    ...(translated && d.messages ? { messages: fitMessages(d.messages) } : {}),
  };
}

/** The message in the six languages, as the validator gave it: other keys dropped, each text cut to the limit. */
function fitMessages(messages: Readonly<Record<string, string>>): Finding["messages"] {
  return Object.fromEntries(Object.entries(messages).flatMap(([lang, text]) => (isUnLanguage(lang) ? [[lang, cut(text, ARTIFACT_LIMITS.maxMessage)]] : [])));
}

function clamp(n: number): number {
  return Math.min(Math.max(0, Math.trunc(n)), ARTIFACT_LIMITS.maxPosition);
}
