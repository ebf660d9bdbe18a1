import type { PolicyRule } from "../types.ts";

const ID = "cache-in-privileged";

/** Privileged jobs restore no cache: a cache written by less trusted code could run in them (cache poisoning). */
export const cacheInPrivileged: PolicyRule = {
  id: ID,
  description: "No actions/cache and no setup-* caching in jobs with privileged triggers, write scopes, secrets or an environment.",
  check(context) {
    return context.jobs
      .filter((job) => job.privileged)
      .flatMap((job) =>
        job.steps.flatMap((step) => {
          const uses = step.uses ?? "";
          if (/^actions\/cache(\/(restore|save))?@/.test(uses)) {
            return [context.finding(ID, [...step.path, "uses"], `Unexpected \`${uses.split("@")[0]}\` in privileged job \`${job.id}\`, expected no cache`)];
          }
          if (!/^actions\/setup-[\w-]+@/.test(uses)) return [];
          const findings = [];
          const cache = step.with.cache;
          if (cache !== undefined && cache !== "" && cache !== false) {
            findings.push(
              context.finding(ID, [...step.path, "with", "cache"], `Unexpected \`cache: ${String(cache)}\` in privileged job \`${job.id}\`, expected no cache`),
            );
          }
          // setup-node turns caching on by itself when package.json names a packageManager.
          const automatic = step.with["package-manager-cache"];
          if (uses.startsWith("actions/setup-node@") && automatic !== false && automatic !== "false") {
            findings.push(
              context.finding(
                ID,
                [...step.path, "uses"],
                `Unexpected automatic package-manager cache in privileged job \`${job.id}\`, expected \`package-manager-cache: false\``,
              ),
            );
          }
          return findings;
        }),
      );
  },
};
