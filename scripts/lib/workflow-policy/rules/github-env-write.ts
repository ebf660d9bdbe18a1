import type { PolicyRule } from "../types.ts";

const ID = "github-env-write";

/** Writing GITHUB_ENV or GITHUB_PATH lets a value (maybe from a pull request) change how every later step runs. */
export const githubEnvWrite: PolicyRule = {
  id: ID,
  description: "No step writes to $GITHUB_ENV or $GITHUB_PATH; pass values through step outputs and `env:`.",
  check(context) {
    return context.jobs.flatMap((job) =>
      job.steps.flatMap((step) =>
        step.run !== undefined && /\bGITHUB_(ENV|PATH)\b/.test(step.run)
          ? [
              context.finding(
                ID,
                [...step.path, "run"],
                "Unexpected write to $GITHUB_ENV or $GITHUB_PATH, expected a step output (`$GITHUB_OUTPUT`) read through `env:`",
                "A line break smuggled into the value sets any variable, LD_PRELOAD or NODE_OPTIONS included, for every later step.",
              ),
            ]
          : [],
      ),
    );
  },
};
