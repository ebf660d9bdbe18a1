import { type Document, isMap, isScalar, isSeq, LineCounter, parseDocument } from "yaml";
import type { JobView, PolicyFinding, StepView, WorkflowAllowance, WorkflowContext } from "./types.ts";

type Path = (string | number)[];

/**
 * Events whose runs get the base repository's context (secrets, a write-capable token, the
 * default branch's cache). A workflow with any other trigger only ever sees `pull_request`-style
 * read-only runs, or pushes to our own branches. pull_request_review runs like pull_request: in
 * the pull request's merge commit, with a read-only token and no secrets for forks.
 */
const UNPRIVILEGED_EVENTS = new Set(["pull_request", "pull_request_review", "merge_group", "push"]);

/** Events that may run pull-request content: checking out a PR is normal only there. */
const PULL_REQUEST_EVENTS = new Set(["pull_request", "pull_request_review", "merge_group"]);

/** A parsed workflow, or the problems that stopped parsing it. */
export type ParsedWorkflow = { ok: true; context: WorkflowContext } | { ok: false; findings: PolicyFinding[] };

/** Parse a workflow file into the view the rules share. Invalid YAML is a finding, not a throw. */
export function parseWorkflow(file: string, text: string, allowance: WorkflowAllowance | undefined): ParsedWorkflow {
  const lineCounter = new LineCounter();
  // uniqueKeys: GitHub rejects duplicate keys, and a duplicate could hide a second `permissions:`.
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0 || !isMap(doc.contents)) {
    const error = doc.errors[0];
    const position = error ? lineCounter.linePos(error.pos[0]) : { line: 1, col: 1 };
    return {
      ok: false,
      findings: [
        {
          ruleId: "workflow-invalid",
          severity: "error",
          file,
          line: position.line,
          column: position.col,
          message: error ? `Unexpected YAML error: ${error.message}` : "Unexpected workflow shape, expected a mapping",
        },
      ],
    };
  }
  let raw: Record<string, unknown>;
  try {
    raw = asRecord(doc.toJS());
  } catch (error) {
    // toJS throws only on alias bombs; report it like any other invalid file.
    return { ok: false, findings: [invalidFinding(file, `Unexpected YAML content: ${(error as Error).message}`)] };
  }
  const triggers = listTriggers(raw.on);
  const positionOf = (path: Path) => positionIn(doc, lineCounter, path);
  const workflowPermissions = raw.permissions;
  const jobs = Object.entries(asRecord(raw.jobs)).map(([id, value]) => viewJob(id, asRecord(value), triggers, workflowPermissions));
  const context: WorkflowContext = {
    file,
    raw,
    triggers,
    jobs,
    allowance,
    positionOf,
    trailingCommentOf: (path) => {
      const node = doc.getIn(path, true);
      return isScalar(node) && typeof node.comment === "string" ? node.comment.trim() : undefined;
    },
    finding: (ruleId, path, message, hint) => {
      const { line, column } = positionOf(path);
      return { ruleId, severity: "error", file, line, column, message, ...(hint ? { hint } : {}) };
    },
  };
  return { ok: true, context };
}

/** The event names of `on:`, whichever of its three shapes (string, list, map) is used. */
export function listTriggers(on: unknown): string[] {
  if (typeof on === "string") return [on];
  if (Array.isArray(on)) return on.filter((value): value is string => typeof value === "string");
  if (on && typeof on === "object") return Object.keys(on);
  return [];
}

/** True when some trigger runs in the base repository's trusted context (see UNPRIVILEGED_EVENTS). */
export function hasPrivilegedTrigger(triggers: readonly string[]): boolean {
  return triggers.some((trigger) => !UNPRIVILEGED_EVENTS.has(trigger));
}

/** True when the workflow may run for something other than a pull request's own code. */
export function mayNotCheckOutPullRequests(triggers: readonly string[]): boolean {
  return triggers.some((trigger) => !PULL_REQUEST_EVENTS.has(trigger));
}

/** True when a permissions value grants any write scope (`write-all` included). */
export function grantsWrite(permissions: unknown): boolean {
  if (permissions === "write-all") return true;
  if (permissions && typeof permissions === "object") {
    return Object.values(permissions).some((level) => level === "write");
  }
  return false;
}

/** Names of `secrets.NAME` (and `secrets['NAME']`) referenced anywhere in a value. */
export function referencedSecrets(value: unknown): string[] {
  const text = JSON.stringify(value) ?? "";
  const names = new Set<string>();
  for (const match of text.matchAll(/\bsecrets\s*\.\s*([A-Za-z_][A-Za-z0-9_-]*)/g)) names.add(match[1] as string);
  for (const match of text.matchAll(/\bsecrets\s*\[\s*\\?['"]([^'"\\]+)\\?['"]\s*\]/g)) names.add(match[1] as string);
  return [...names];
}

function viewJob(id: string, raw: Record<string, unknown>, triggers: string[], workflowPermissions: unknown): JobView {
  const path: Path = ["jobs", id];
  const steps = Array.isArray(raw.steps) ? raw.steps.map((step, index) => viewStep(asRecord(step), [...path, "steps", index])) : [];
  const effectivePermissions = raw.permissions === undefined ? workflowPermissions : raw.permissions;
  const usesSecrets = referencedSecrets(raw).some((name) => name !== "GITHUB_TOKEN");
  const privileged = hasPrivilegedTrigger(triggers) || grantsWrite(effectivePermissions) || usesSecrets || raw.environment !== undefined;
  return { id, path, raw, steps, permissions: raw.permissions, privileged };
}

function viewStep(raw: Record<string, unknown>, path: Path): StepView {
  return {
    path,
    ...(typeof raw.uses === "string" ? { uses: raw.uses } : {}),
    ...(typeof raw.run === "string" ? { run: raw.run } : {}),
    with: asRecord(raw.with),
    env: asRecord(raw.env),
  };
}

function positionIn(doc: Document, lineCounter: LineCounter, path: Path): { line: number; column: number } {
  // Point at the key of a mapping entry (`build:`, `ref:`, `pull_request_target:`), at the item of a
  // list, and at the whole document for the empty path; walk up when a path does not exist.
  for (let length = path.length; length > 0; length--) {
    const parent = length === 1 ? doc.contents : doc.getIn(path.slice(0, length - 1), true);
    const last = path[length - 1];
    if (isMap(parent)) {
      const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === last);
      if (pair && isScalar(pair.key) && pair.key.range) return toPosition(lineCounter, pair.key.range[0]);
    } else if (isSeq(parent) && typeof last === "number") {
      const item = parent.items[last];
      if (item && typeof item === "object" && "range" in item && Array.isArray(item.range)) {
        return toPosition(lineCounter, item.range[0] as number);
      }
    }
  }
  const root = doc.contents;
  return root?.range ? toPosition(lineCounter, root.range[0]) : { line: 1, column: 1 };
}

function toPosition(lineCounter: LineCounter, offset: number): { line: number; column: number } {
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

function invalidFinding(file: string, message: string): PolicyFinding {
  return { ruleId: "workflow-invalid", severity: "error", file, line: 1, column: 1, message };
}

function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
