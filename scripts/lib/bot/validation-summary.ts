import type { Finding, ValidationSummary } from "./types.ts";

/** Findings shown in the comment (and kept in its hidden state): errors first, then warnings. */
export const SHOWN_FINDINGS = 20;
const SHOWN_MESSAGE = 300;

/**
 * Reduces a run's findings to what the comment shows. The same function serves the artifact and
 * nothing else, so a later run that reads the summary back from the comment renders the same text.
 */
export function summarizeFindings(runId: number, headSha: string, findings: readonly Finding[]): ValidationSummary {
  const errors = findings.filter((f) => f.severity === "error").length;
  const ordered = [...findings.filter((f) => f.severity === "error"), ...findings.filter((f) => f.severity === "warning")];
  return {
    runId,
    headSha,
    errors,
    warnings: findings.length - errors,
    findings: ordered.slice(0, SHOWN_FINDINGS).map((f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      file: f.file,
      line: f.line,
      column: f.column,
      message: cut(f.message, SHOWN_MESSAGE),
      ...(f.messages ? { messages: Object.fromEntries(Object.entries(f.messages).map(([lang, text]) => [lang, cut(text, SHOWN_MESSAGE)])) } : {}),
    })),
  };
}

/** A text cut to `max` characters (code points), the last one an ellipsis when it was longer. */
export function cut(text: string, max: number): string {
  const points = [...text];
  return points.length > max ? `${points.slice(0, max - 1).join("")}…` : text;
}
