import type { PolicyRule } from "../types.ts";

const ID = "trigger-forbidden";

/** Triggers that run with the base repository's secrets on a pull request's behalf: never allowed. */
const ALWAYS_FORBIDDEN = new Set(["pull_request_target"]);

/** Each workflow starts only on the events its allowlist entry names; pull_request_target never. */
export const triggerForbidden: PolicyRule = {
  id: ID,
  description: "pull_request_target is forbidden, and each workflow runs only on the events allowlisted for it.",
  check(context) {
    const allowed = context.allowance?.triggers;
    return context.triggers.flatMap((trigger) => {
      if (ALWAYS_FORBIDDEN.has(trigger)) {
        return [
          context.finding(
            ID,
            ["on", trigger],
            `Unexpected trigger \`${trigger}\`, expected \`pull_request\` for untrusted code and \`workflow_run\` for privileged follow-up work`,
            "pull_request_target runs with secrets and a write token in the context of the base repository.",
          ),
        ];
      }
      if (allowed && !allowed.includes(trigger)) {
        return [
          context.finding(
            ID,
            ["on", trigger],
            `Unexpected trigger \`${trigger}\` in ${context.file}, expected one of ${allowed.map((name) => `\`${name}\``).join(", ")}`,
            "Add the trigger to .github/permissions-allowlist.json only after a security review.",
          ),
        ];
      }
      return [];
    });
  },
};
