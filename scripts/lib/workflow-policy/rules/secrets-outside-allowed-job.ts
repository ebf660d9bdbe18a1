import { referencedSecrets } from "../model.ts";
import type { PolicyRule } from "../types.ts";

const ID = "secrets-outside-allowed-job";

/** Secrets are read only by the jobs allowlisted for them, inside their environment, and never all at once. */
export const secretsOutsideAllowedJob: PolicyRule = {
  id: ID,
  description: "`secrets.*` appear only in allowlisted jobs that run in their environment; no `secrets: inherit`, no `toJSON(secrets)`.",
  check(context) {
    const findings = [];
    const workflowWide = { ...context.raw, jobs: undefined };
    for (const name of referencedSecrets(workflowWide).filter((secret) => secret !== "GITHUB_TOKEN")) {
      findings.push(context.finding(ID, [], `Unexpected \`secrets.${name}\` outside a job, expected it only in the one job that needs it`));
    }
    for (const job of context.jobs) {
      const text = JSON.stringify(job.raw);
      if (job.raw.secrets === "inherit" || /toJSON\(\s*secrets\s*\)/.test(text)) {
        findings.push(context.finding(ID, job.path, `Unexpected use of every secret at once in job \`${job.id}\`, expected single named secrets`));
      }
      const allowed = context.allowance?.jobs[job.id];
      const names = referencedSecrets(job.raw).filter((name) => name !== "GITHUB_TOKEN");
      for (const name of names) {
        if (!allowed?.secrets?.includes(name)) {
          findings.push(context.finding(ID, job.path, `Unexpected \`secrets.${name}\` in job \`${job.id}\`, expected it only in jobs allowlisted for it`));
        }
      }
      const environment = job.raw.environment;
      const environmentName = typeof environment === "object" && environment ? (environment as Record<string, unknown>).name : environment;
      if (names.length > 0 && allowed?.environment && environmentName !== allowed.environment) {
        findings.push(
          context.finding(
            ID,
            job.path,
            `Unexpected secrets in job \`${job.id}\` outside its environment, expected \`environment: ${allowed.environment}\``,
            "Environment secrets are released only to jobs that run in that environment.",
          ),
        );
      }
    }
    return findings;
  },
};
