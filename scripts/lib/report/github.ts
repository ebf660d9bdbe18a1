import { countBySeverity, type Diagnostic } from "../diagnostics.ts";
import { localizeDiagnostic } from "../i18n/diagnostics.ts";
import { printable } from "../printable.ts";
import type { UnLanguage } from "../vocab.ts";
import { type Summary, summaryLine } from "./pretty.ts";

/** GitHub shows this many annotations per step; the rest are in the job summary. */
const MAX_ANNOTATIONS = 50;

/**
 * Workflow commands that annotate the exact line in the pull request's diff
 * (https://docs.github.com/actions/reference/workflow-commands-for-github-actions).
 * With `languagesOf`, each annotation says its message and hint in the languages of the file's
 * country, one language after another (see annotationLanguages); rule id and position are the same.
 */
export function formatGithub(diagnostics: readonly Diagnostic[], summary: Summary, languagesOf?: (file: string) => readonly UnLanguage[]): string {
  const lines = diagnostics.slice(0, MAX_ANNOTATIONS).map((d) => {
    const command = d.severity === "error" ? "error" : "warning";
    const properties = `file=${property(d.file)},line=${d.line},col=${d.column},title=${property(d.ruleId)}`;
    return `::${command} ${properties}::${data(annotationText(d, languagesOf?.(d.file)))}`;
  });
  if (diagnostics.length > MAX_ANNOTATIONS) {
    lines.push(`::notice::${data(`${diagnostics.length - MAX_ANNOTATIONS} more problems are listed in the job summary.`)}`);
  }
  lines.push(summaryLine(diagnostics, summary));
  return `${lines.join("\n")}\n`;
}

/** The Markdown job summary (written to $GITHUB_STEP_SUMMARY). Every value from the data is escaped. */
export function formatJobSummary(diagnostics: readonly Diagnostic[], summary: Summary, title = "COP Atlas validation"): string {
  const { errors, warnings } = countBySeverity(diagnostics);
  const verdict = errors > 0 ? "❌ The data has errors to fix." : warnings > 0 ? "✅ No errors; some warnings to look at." : "✅ All checks passed.";
  const lines = [`## ${title}`, "", verdict, "", summaryLine(diagnostics, summary), ""];
  if (diagnostics.length > 0) {
    lines.push("| | File | Line | Problem | Rule |", "| --- | --- | --- | --- | --- |");
    for (const d of diagnostics.slice(0, 1000)) {
      lines.push(
        `| ${d.severity === "error" ? "❌" : "⚠️"} | ${cell(d.file)} | ${d.line}:${d.column} | ${cell(d.message)}${d.hint ? `<br>${cell(d.hint)}` : ""} | ${cell(d.ruleId)} |`,
      );
    }
    if (diagnostics.length > 1000) lines.push("", `…and ${diagnostics.length - 1000} more.`);
  }
  return `${lines.join("\n")}\n`;
}

/** The words of one annotation: message and hint, in each language asked for, separated by a blank line. */
function annotationText(d: Diagnostic, languages: readonly UnLanguage[] | undefined): string {
  const words = (message: string, hint: string | undefined) => (hint ? `${message}\n${hint}` : message);
  const text = d.text;
  if (!text || !languages || languages.length === 0) return words(d.message, d.hint);
  // A hint with no translation (neither in the catalogs nor by language in a schema) is the same in every language: said once, at the end.
  const translatedHint = text.hint !== undefined || text.hintTexts !== undefined;
  const blocks = languages.map((lang) => {
    const local = localizeDiagnostic(d, lang);
    return words(local.message, translatedHint ? local.hint : undefined);
  });
  return words(blocks.join("\n\n"), translatedHint ? undefined : d.hint);
}

/** A value for a workflow command: line breaks encoded as the runner expects, every other control shown as its code point. */
function data(text: string): string {
  return text
    .split("\n")
    .map((line) => printable(line).replaceAll("%", "%25"))
    .join("%0A");
}

/** A property of a workflow command (file=, title=): one line, with the separators encoded. */
function property(text: string): string {
  return printable(text).replaceAll("%", "%25").replaceAll(":", "%3A").replaceAll(",", "%2C");
}

/** Escapes text for a Markdown table cell: no HTML, links, mentions or pipes survive. */
function cell(text: string): string {
  return text
    .split(/\r?\n/)
    .map(printable)
    .join("\n")
    .replace(/[\\`*_{}[\]()#+!|<>~]/g, (c) => `\\${c}`)
    .replaceAll("@", "@\u200D")
    .replace(/\r?\n/g, "<br>");
}
