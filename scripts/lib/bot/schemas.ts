import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import { UN_LANGUAGES } from "../vocab.ts";

/**
 * The bot's own schemas, for the untrusted or semi-trusted data it reads: the validation
 * artifact, its config, profiles' trust fields, the state it keeps in its
 * own comment and the event payloads. Compiled once, here.
 *
 * Ajv options, and why: strict (a typo in a keyword is an error, not a silently ignored rule);
 * no allErrors (the bot only needs to know that data is bad, and one error is cheaper to compute
 * on hostile input); no coercion or defaults (the data must already have the right types);
 * union types allowed for the nullable fields of event payloads.
 */
const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: false, coerceTypes: false, useDefaults: false });

const SHA = { type: "string", pattern: "^[0-9a-f]{40}$" } as const;
const LOGIN = { type: "string", minLength: 1, maxLength: 39, pattern: "^[A-Za-z0-9](-?[A-Za-z0-9])*$" } as const;
const USER_ID = { type: "integer", minimum: 1, maximum: 9007199254740991 } as const;
const REVIEWER = {
  type: "object",
  additionalProperties: false,
  required: ["login", "id"],
  properties: { login: LOGIN, id: USER_ID },
} as const;
const REGION = { type: "string", minLength: 2, maxLength: 40, pattern: "^[a-z]+(-[a-z]+)*$" } as const;

/** The limits of a validation artifact: generous for real output, small enough to be harmless. */
export const ARTIFACT_LIMITS = {
  maxFindings: 2000,
  maxMessage: 1000,
  maxFile: 300,
  maxRuleId: 64,
  maxPosition: 10_000_000,
  maxPrNumber: 2_147_483_647,
} as const;

/**
 * A repository-relative path as the validator writes it: not absolute, no ".." segment, no
 * backslash. A finding naming anything else did not come from the validator.
 */
export const REPOSITORY_PATH = "^(?![/\\\\])(?!(?:[\\s\\S]*/)?\\.\\.(?:/|$))[^\\\\]*$";

const FINDING = {
  type: "object",
  additionalProperties: false,
  required: ["ruleId", "severity", "file", "line", "column", "message"],
  properties: {
    ruleId: { type: "string", minLength: 1, maxLength: ARTIFACT_LIMITS.maxRuleId, pattern: "^[a-z0-9]+(-[a-z0-9]+)*$" },
    severity: { enum: ["error", "warning"] },
    file: { type: "string", maxLength: ARTIFACT_LIMITS.maxFile, pattern: REPOSITORY_PATH },
    line: { type: "integer", minimum: 0, maximum: ARTIFACT_LIMITS.maxPosition },
    column: { type: "integer", minimum: 0, maximum: ARTIFACT_LIMITS.maxPosition },
    message: { type: "string", maxLength: ARTIFACT_LIMITS.maxMessage },
    hint: { type: "string", maxLength: ARTIFACT_LIMITS.maxMessage },
    messages: {
      type: "object",
      additionalProperties: false,
      properties: Object.fromEntries(UN_LANGUAGES.map((lang) => [lang, { type: "string", maxLength: ARTIFACT_LIMITS.maxMessage }])),
    },
  },
} as const;

/** result.json, the data-only handoff from the unprivileged validate job. */
export const validationArtifactSchema = {
  type: "object",
  additionalProperties: false,
  required: ["schemaVersion", "headSha", "prNumber", "findings"],
  properties: {
    schemaVersion: { const: 1 },
    headSha: SHA,
    prNumber: { type: "integer", minimum: 1, maximum: ARTIFACT_LIMITS.maxPrNumber },
    findings: { type: "array", maxItems: ARTIFACT_LIMITS.maxFindings, items: FINDING },
  },
} as const;

/**
 * result.json of the review relay: the data-only handoff from the unprivileged workflow that runs
 * on reviews (pull_request_review), naming the pull request and the commit it was reviewed at.
 */
export const reviewRelaySchema = {
  type: "object",
  additionalProperties: false,
  required: ["schemaVersion", "kind", "prNumber", "headSha"],
  properties: {
    schemaVersion: { const: 1 },
    kind: { const: "review-relay" },
    prNumber: { type: "integer", minimum: 1, maximum: ARTIFACT_LIMITS.maxPrNumber },
    headSha: SHA,
  },
} as const;

/** The bot's fields of .github/cop-atlas.json. Other tools add their own fields: those are allowed. */
const configSchema = {
  type: "object",
  required: ["secretariat", "autoMerge", "botLogin"],
  properties: {
    secretariat: { type: "string", maxLength: 80, pattern: "^@[A-Za-z0-9](-?[A-Za-z0-9])*/[A-Za-z0-9._-]+$" },
    autoMerge: { type: "boolean" },
    botLogin: { type: "string", maxLength: 60, pattern: "^[A-Za-z0-9](-?[A-Za-z0-9])*(\\[bot\\])?$" },
    secretariatMembers: { type: "array", maxItems: 50, items: REVIEWER },
    validateWorkflow: { type: "string", maxLength: 200, pattern: "^\\.github/workflows/[A-Za-z0-9._-]+\\.ya?ml$" },
    reviewRelayWorkflow: { type: "string", maxLength: 200, pattern: "^\\.github/workflows/[A-Za-z0-9._-]+\\.ya?ml$" },
    previewWorkflow: { type: "string", maxLength: 200, pattern: "^\\.github/workflows/[A-Za-z0-9._-]+\\.ya?ml$" },
    reminders: {
      type: "object",
      additionalProperties: false,
      required: ["remindAfterDays", "escalateAfterDays", "closeAfterDays"],
      properties: {
        remindAfterDays: { type: "integer", minimum: 1, maximum: 365 },
        escalateAfterDays: { type: "integer", minimum: 1, maximum: 365 },
        closeAfterDays: { type: "integer", minimum: 1, maximum: 730 },
      },
    },
    confirmations: {
      type: "object",
      additionalProperties: false,
      required: ["dueAfterDays"],
      properties: { dueAfterDays: { type: "integer", minimum: 30, maximum: 3660 } },
    },
  },
} as const;

/** The trust fields of a country or organisation profile; the validator checks the rest. */
const profileTrustSchema = {
  type: "object",
  required: ["reviewers"],
  properties: {
    reviewers: { type: "array", maxItems: 20, items: REVIEWER },
    region: REGION,
    regions: { type: "array", maxItems: 6, items: REGION },
  },
} as const;

/** The validation summary the bot keeps in its own comment, so later runs without the artifact can show it. */
const carriedStateSchema = {
  type: "object",
  additionalProperties: false,
  required: ["v", "runId", "headSha", "errors", "warnings", "findings"],
  properties: {
    v: { const: 1 },
    runId: { type: "integer", minimum: 1, maximum: 9007199254740991 },
    headSha: SHA,
    errors: { type: "integer", minimum: 0, maximum: ARTIFACT_LIMITS.maxFindings },
    warnings: { type: "integer", minimum: 0, maximum: ARTIFACT_LIMITS.maxFindings },
    findings: { type: "array", maxItems: 20, items: FINDING },
  },
} as const;

const OWNER_LOGIN = { type: "object", required: ["login"], properties: { login: { type: "string", maxLength: 100 } } } as const;

/** The fields of a workflow_run event the bot uses. */
const workflowRunEventSchema = {
  type: "object",
  required: ["workflow_run"],
  properties: {
    workflow_run: {
      type: "object",
      required: ["id", "head_sha", "event", "path"],
      properties: {
        id: { type: "integer", minimum: 1 },
        name: { type: ["string", "null"], maxLength: 300 },
        head_sha: SHA,
        event: { type: "string", maxLength: 100 },
        path: { type: "string", maxLength: 300 },
        conclusion: { type: ["string", "null"], maxLength: 100 },
        head_branch: { type: ["string", "null"], maxLength: 300 },
        head_repository: {
          anyOf: [{ type: "null" }, { type: "object", properties: { owner: OWNER_LOGIN } }],
        },
      },
    },
  },
} as const;

/** The fields of a workflow_dispatch event the bot uses: the PR number is text in `inputs`. */
const workflowDispatchEventSchema = {
  type: "object",
  properties: {
    inputs: {
      anyOf: [{ type: "null" }, { type: "object", properties: { pr: { anyOf: [{ type: "string", pattern: "^[1-9][0-9]{0,9}$" }, USER_ID] } } }],
    },
  },
} as const;

/** The fields of a pull_request event the artifact writer uses. */
const pullRequestEventSchema = {
  type: "object",
  required: ["pull_request"],
  properties: {
    pull_request: {
      type: "object",
      required: ["number", "head"],
      properties: {
        number: { type: "integer", minimum: 1, maximum: ARTIFACT_LIMITS.maxPrNumber },
        head: { type: "object", required: ["sha"], properties: { sha: SHA } },
      },
    },
  },
} as const;

/** The validator's --json-out output, as much of it as the artifact needs. */
const validatorOutputSchema = {
  type: "object",
  required: ["diagnostics"],
  properties: {
    diagnostics: {
      type: "array",
      items: {
        type: "object",
        required: ["ruleId", "severity", "file", "line", "column", "message"],
        properties: {
          ruleId: { type: "string" },
          severity: { enum: ["error", "warning"] },
          file: { type: "string" },
          line: { type: "integer" },
          column: { type: "integer" },
          message: { type: "string" },
          hint: { type: "string" },
          messages: { type: "object", additionalProperties: { type: "string" } },
        },
      },
    },
  },
} as const;

export const validateArtifact: ValidateFunction = ajv.compile(validationArtifactSchema);
export const validateReviewRelay: ValidateFunction = ajv.compile(reviewRelaySchema);
export const validateConfig: ValidateFunction = ajv.compile(configSchema);
export const validateProfileTrust: ValidateFunction = ajv.compile(profileTrustSchema);
export const validateCarriedState: ValidateFunction = ajv.compile(carriedStateSchema);
export const validateWorkflowRunEvent: ValidateFunction = ajv.compile(workflowRunEventSchema);
export const validateWorkflowDispatchEvent: ValidateFunction = ajv.compile(workflowDispatchEventSchema);
export const validatePullRequestEvent: ValidateFunction = ajv.compile(pullRequestEventSchema);
export const validateValidatorOutput: ValidateFunction = ajv.compile(validatorOutputSchema);

/** The first schema error of a validator, as one short line. */
export function firstError(validate: ValidateFunction): string {
  const error = validate.errors?.[0];
  if (!error) return "invalid";
  return `${error.instancePath || "(root)"} ${error.message ?? "is invalid"}`;
}
