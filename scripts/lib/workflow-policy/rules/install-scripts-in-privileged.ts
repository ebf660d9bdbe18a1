import type { PolicyRule } from "../types.ts";

const ID = "install-scripts-in-privileged";

/** `npm ci` and its aliases, up to the end of the command (a newline, `;`, `&&` or `|`). */
const CLEAN_INSTALL = /\bnpm\s+(?:ci|clean-install|ic|install-clean|isntall-clean|install-ci-test|cit|clean-install-test|sit)\b[^\n;&|]*/g;

/**
 * Privileged jobs install without running packages' install scripts: a compromised dependency's
 * `postinstall` would otherwise run with the job's write token or App key at hand.
 */
export const installScriptsInPrivileged: PolicyRule = {
  id: ID,
  description: "`npm ci` in a job with privileged triggers, write scopes, secrets or an environment passes `--ignore-scripts`.",
  check(context) {
    return context.jobs
      .filter((job) => job.privileged)
      .flatMap((job) =>
        job.steps.flatMap((step) => {
          if (step.run === undefined) return [];
          return [...step.run.matchAll(CLEAN_INSTALL)]
            .filter((match) => !/(^|\s)--ignore-scripts(=true)?(\s|$)/.test(match[0]))
            .map(() =>
              context.finding(
                ID,
                [...step.path, "run"],
                `Unexpected \`npm ci\` with install scripts in privileged job \`${job.id}\`, expected \`npm ci --ignore-scripts\``,
                "A dependency's install script would run beside the job's token or secrets; nothing this project runs needs one (test/workflows checks the lockfile for new ones).",
              ),
            );
        }),
      );
  },
};
