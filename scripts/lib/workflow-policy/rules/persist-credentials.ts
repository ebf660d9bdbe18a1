import type { PolicyRule } from "../types.ts";

const ID = "persist-credentials";

/** actions/checkout leaves no token in .git/config: `persist-credentials: false` on every checkout. */
export const persistCredentials: PolicyRule = {
  id: ID,
  description: "Every actions/checkout sets `persist-credentials: false`.",
  check(context) {
    return context.jobs.flatMap((job) =>
      job.steps.flatMap((step) => {
        if (!step.uses?.startsWith("actions/checkout@")) return [];
        const value = step.with["persist-credentials"];
        if (value === false || value === "false") return [];
        return [
          context.finding(
            ID,
            [...step.path, "uses"],
            `Unexpected checkout ${value === undefined ? "without" : `with \`persist-credentials: ${String(value)}\`, expected`} \`persist-credentials: false\``,
            "Otherwise the job's token stays in .git/config, readable by every later step and any uploaded artifact.",
          ),
        ];
      }),
    );
  },
};
