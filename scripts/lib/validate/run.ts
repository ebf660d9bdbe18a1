import { compareDiagnostics, type Diagnostic } from "../diagnostics.ts";
import { catalogText } from "../i18n/diagnostics.ts";
import type { Rule } from "../rules/rule.ts";
import type { Dataset } from "./dataset.ts";

/**
 * Runs every rule over a dataset and returns all problems in a stable order. A rule
 * that throws becomes one diagnostic (`rule-crashed`) instead of hiding the others.
 */
export function runRules(dataset: Dataset, rules: readonly Rule[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const rule of rules) {
    try {
      rule.check(dataset, (problem) => {
        diagnostics.push({ ruleId: rule.id, ...problem, severity: problem.severity ?? "error" });
      });
    } catch (error) {
      diagnostics.push({
        ruleId: "rule-crashed",
        severity: "error",
        file: ".",
        line: 1,
        column: 1,
        ...catalogText(
          { key: "validate.ruleCrashed", values: { rule: rule.id, detail: error instanceof Error ? error.message : String(error) } },
          { key: "validate.ruleCrashedHint" },
        ),
      });
    }
  }
  return dedupe(diagnostics.sort(compareDiagnostics));
}

/** Drops the diagnostics equal to the one before them in a sorted list. */
export function dedupe(sorted: Diagnostic[]): Diagnostic[] {
  return sorted.filter((diagnostic, index) => {
    const previous = sorted[index - 1];
    return !previous || compareDiagnostics(previous, diagnostic) !== 0;
  });
}
