import type { Diagnostic } from "../diagnostics.ts";

/** A permission level as GitHub Actions spells it. */
export type PermissionLevel = "read" | "write" | "none";

/** What one job of one workflow may hold: its token scopes, the secrets it may read and its environment. */
export interface JobAllowance {
  permissions: Record<string, PermissionLevel>;
  /** Names of `secrets.*` the job may reference (GITHUB_TOKEN is always allowed). */
  secrets?: string[];
  /** The deployment environment the job must run in when it reads secrets. */
  environment?: string;
}

/** What one workflow file may do: the events that start it and, per job id, its allowance. */
export interface WorkflowAllowance {
  triggers: string[];
  jobs: Record<string, JobAllowance>;
}

/** The checked-in .github/permissions-allowlist.json: per workflow file name (validate.yml), its allowance. */
export interface PermissionsAllowlist {
  workflows: Record<string, WorkflowAllowance>;
}

/** A finding is an ordinary diagnostic: rule id, file, line, column and a sentence to act on. */
export type PolicyFinding = Diagnostic;

/** A step of a job, with the path that locates it in the YAML document. */
export interface StepView {
  path: (string | number)[];
  /** The `uses:` reference, if any. */
  uses?: string;
  /** The `run:` script, if any. */
  run?: string;
  with: Record<string, unknown>;
  env: Record<string, unknown>;
}

/** A job, with facts the rules share. */
export interface JobView {
  id: string;
  path: (string | number)[];
  raw: Record<string, unknown>;
  steps: StepView[];
  /** The job's `permissions:` as written; undefined when absent (then it inherits the workflow's). */
  permissions: unknown;
  /** True when the job runs with more than a read-only token and no secrets: see isPrivilegedJob. */
  privileged: boolean;
}

/** Everything a rule needs about one workflow file. */
export interface WorkflowContext {
  file: string;
  raw: Record<string, unknown>;
  triggers: string[];
  jobs: JobView[];
  allowance: WorkflowAllowance | undefined;
  /** 1-based position of the node at `path`, or of its nearest ancestor that exists. */
  positionOf(path: (string | number)[]): { line: number; column: number };
  /** The comment after the scalar at `path` on the same line (`# v7.0.1`), if any. */
  trailingCommentOf(path: (string | number)[]): string | undefined;
  /** Build a finding for this file, positioned at `path`. */
  finding(ruleId: string, path: (string | number)[], message: string, hint?: string): PolicyFinding;
}

/** One policy rule: a stable id, a one-line description and a pure check. */
export interface PolicyRule {
  id: string;
  description: string;
  check(context: WorkflowContext): PolicyFinding[];
}
