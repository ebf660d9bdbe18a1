import type { PolicyRule } from "../types.ts";

const ID = "missing-concurrency";

const PER_PULL_REQUEST = /github\.event\.pull_request\.number|github\.ref\b|github\.head_ref/;

/** Runs of one workflow for one pull request (or one target) never overlap: a `concurrency:` group everywhere. */
export const missingConcurrency: PolicyRule = {
  id: ID,
  description: "Every workflow (or each of its jobs) has a concurrency group; pull-request workflows group per PR and cancel stale runs.",
  check(context) {
    const workflowLevel = context.raw.concurrency;
    if (workflowLevel === undefined) {
      return context.jobs
        .filter((job) => job.raw.concurrency === undefined)
        .map((job) =>
          context.finding(ID, job.path, `Unexpected job \`${job.id}\` without a concurrency group, expected \`concurrency:\` on the workflow or the job`),
        );
    }
    if (!context.triggers.includes("pull_request")) return [];
    const group = typeof workflowLevel === "string" ? workflowLevel : (workflowLevel as Record<string, unknown>)?.group;
    const cancel = typeof workflowLevel === "object" ? (workflowLevel as Record<string, unknown>)?.["cancel-in-progress"] : undefined;
    const findings = [];
    if (typeof group !== "string" || !PER_PULL_REQUEST.test(group)) {
      findings.push(
        context.finding(
          ID,
          ["concurrency"],
          "Unexpected concurrency group shared across pull requests, expected one group per pull request (github.event.pull_request.number)",
        ),
      );
    }
    if (cancel === undefined || cancel === false || cancel === "false") {
      findings.push(
        context.finding(ID, ["concurrency"], "Unexpected pull-request workflow that keeps stale runs, expected `cancel-in-progress` set for pull requests"),
      );
    }
    return findings;
  },
};
