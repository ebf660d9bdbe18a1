import { countBySeverity, type Diagnostic } from "../diagnostics.ts";
import { formatMessage } from "../i18n/messages.ts";
import { printable } from "../printable.ts";
import type { UnLanguage } from "../vocab.ts";

export interface Summary {
  files: number;
  entries: number;
}

/**
 * The terminal format: problems grouped by file as `line:col  severity  message  rule-id`, then a count in `lang`.
 * File names and messages come from the data, so every control character in them is shown as its
 * code point: a file name cannot colour the terminal or forge a diagnostic line.
 */
export function formatPretty(diagnostics: readonly Diagnostic[], summary: Summary, color = false, lang: UnLanguage = "en"): string {
  const paint = (code: number, text: string) => (color ? `\u001B[${code}m${text}\u001B[0m` : text);
  const lines: string[] = [];
  let currentFile: string | undefined;
  for (const d of diagnostics) {
    if (d.file !== currentFile) {
      if (currentFile !== undefined) lines.push("");
      lines.push(paint(4, printable(d.file)));
      currentFile = d.file;
    }
    const severity = d.severity === "error" ? paint(31, "error  ") : paint(33, "warning");
    lines.push(`  ${`${d.line}:${d.column}`.padEnd(8)} ${severity}  ${printable(d.message)}  ${paint(2, printable(d.ruleId))}`);
    if (d.hint) for (const hintLine of d.hint.split("\n")) lines.push(`  ${" ".repeat(8)} ${" ".repeat(7)}  ${paint(2, printable(hintLine))}`);
  }
  if (lines.length > 0) lines.push("");
  lines.push(summaryLine(diagnostics, summary, lang));
  return `${lines.join("\n")}\n`;
}

/** "Checked 42 files in 17 entries: 2 errors, 1 warning.", in `lang` with its plural forms. */
export function summaryLine(diagnostics: readonly Diagnostic[], summary: Summary, lang: UnLanguage = "en"): string {
  return formatMessage(lang, "validate.summary", { files: summary.files, entries: summary.entries, ...countBySeverity(diagnostics) });
}
