import { mayNotCheckOutPullRequests } from "../model.ts";
import type { PolicyRule } from "../types.ts";

const ID = "privileged-checkout-of-pr";

/** Expression fragments that name pull-request content (its head, its merge ref, its fork). */
const PULL_REQUEST_REF =
  /github\.event\.(pull_request|workflow_run\.head|issue\.pull_request|review)|github\.head_ref|refs\/pull\/|\bhead[._](sha|ref|branch|repository|repo)\b|\bpull\/[^\s]*\/(head|merge)\b/;

/** Shell commands that fetch or switch to pull-request content. */
const PULL_REQUEST_COMMAND =
  /\bgh\s+pr\s+checkout\b|\bgit\s+fetch\b[^\n]*(\bpull\/|refs\/pull|\bhead\b)|\bgit\s+(checkout|switch|worktree\s+add)\b[^\n]*(\bpull\/|FETCH_HEAD|refs\/pull)/;

/** A privileged workflow checks out the default branch only: never the pull request's head, merge ref or fork. */
export const privilegedCheckoutOfPr: PolicyRule = {
  id: ID,
  description: "Workflows with privileged triggers never check out, fetch or run pull-request content.",
  check(context) {
    if (!mayNotCheckOutPullRequests(context.triggers)) return [];
    return context.jobs.flatMap((job) =>
      job.steps.flatMap((step) => {
        const findings = [];
        if (step.uses?.startsWith("actions/checkout@")) {
          for (const input of ["ref", "repository"] as const) {
            const value = step.with[input];
            if (typeof value === "string" && PULL_REQUEST_REF.test(value)) {
              findings.push(
                context.finding(
                  ID,
                  [...step.path, "with", input],
                  `Unexpected checkout of pull-request content (\`${input}: ${value}\`) in a privileged workflow, expected the default branch`,
                  "Privileged jobs read trust anchors from the default branch and treat the pull request as data fetched through the API.",
                ),
              );
            }
          }
          if (step.with["allow-unsafe-pr-checkout"] !== undefined) {
            findings.push(
              context.finding(
                ID,
                [...step.path, "with", "allow-unsafe-pr-checkout"],
                "Unexpected `allow-unsafe-pr-checkout` in a privileged workflow, expected it left out",
              ),
            );
          }
        }
        const envNamesPullRequest = Object.values(step.env).some((value) => typeof value === "string" && PULL_REQUEST_REF.test(value));
        if (step.run !== undefined && (PULL_REQUEST_COMMAND.test(step.run) || (envNamesPullRequest && /\bgit\s+(fetch|checkout|switch)\b/.test(step.run)))) {
          findings.push(
            context.finding(
              ID,
              [...step.path, "run"],
              "Unexpected fetch or checkout of pull-request content in a privileged workflow, expected the default branch only",
            ),
          );
        }
        return findings;
      }),
    );
  },
};
