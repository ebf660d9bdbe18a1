import { compareDiagnostics } from "../diagnostics.ts";
import { parseWorkflow } from "./model.ts";
import { POLICY_RULES } from "./rules/index.ts";
import type { PermissionsAllowlist, PolicyFinding } from "./types.ts";

export { checkDependabot } from "./dependabot.ts";
export { POLICY_RULES } from "./rules/index.ts";
export type { JobAllowance, PermissionsAllowlist, PolicyFinding, PolicyRule, WorkflowAllowance } from "./types.ts";

/**
 * Check one workflow file against the security policy and the permissions allowlist.
 * `fileName` is the base name (validate.yml) used to find its allowlist entry; findings carry
 * `.github/workflows/<fileName>` as their file. All problems are reported, sorted.
 */
export function checkWorkflow(fileName: string, yamlText: string, allowlist: PermissionsAllowlist): PolicyFinding[] {
  const file = `.github/workflows/${fileName}`;
  const parsed = parseWorkflow(file, yamlText, allowlist.workflows[fileName]);
  if (!parsed.ok) return parsed.findings;
  const findings = POLICY_RULES.flatMap((rule) => {
    try {
      return rule.check(parsed.context);
    } catch (error) {
      // A rule that throws is itself a problem to report, not a reason to hide the others.
      return [parsed.context.finding("policy-rule-crashed", [], `Rule ${rule.id} crashed: ${(error as Error).message}`)];
    }
  });
  return findings.sort(compareDiagnostics);
}
