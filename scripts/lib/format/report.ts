import { printable } from "../printable.ts";
import type { FormattedFile } from "./repository.ts";

/** The advice printed for a file that does not parse: formatting never guesses. */
export const CANNOT_FORMAT = "cannot format: fix the problems `npm run validate` reports first";

/**
 * The text `npm run format` prints: the files it changed (or, with --check, would change),
 * one path a line; then the files it could not format, each with its problems; then a count.
 * Paths and messages are printed with their control characters shown as code points.
 */
export function renderFormatReport(files: readonly FormattedFile[], check: boolean): string {
  const lines: string[] = [];
  const changed = files.filter((file) => file.status === "changed");
  const unformattable = files.filter((file) => file.status === "unformattable");
  for (const file of changed) lines.push(printable(file.file));
  for (const file of unformattable) {
    lines.push(`${printable(file.file)}: ${CANNOT_FORMAT}`);
    for (const problem of file.problems) lines.push(`  ${problem.line}:${problem.column}  ${printable(problem.message)}  ${problem.ruleId}`);
  }
  lines.push(summary(files.length, changed.length, unformattable.length, check));
  return `${lines.join("\n")}\n`;
}

function summary(total: number, changed: number, unformattable: number, check: boolean): string {
  const counted = `${total} ${plural(total, "file")} checked`;
  const parts: string[] = [];
  if (changed > 0) parts.push(check ? `${changed} not formatted (run npm run format)` : `${changed} formatted`);
  if (unformattable > 0) parts.push(`${unformattable} cannot be formatted`);
  if (parts.length === 0) return `${counted}: all formatted.`;
  return `${counted}: ${parts.join(", ")}.`;
}

function plural(count: number, word: string): string {
  return count === 1 ? word : `${word}s`;
}

/** The exit code: 1 when a file cannot be formatted, or with --check when a file is not formatted; else 0. */
export function formatExitCode(files: readonly FormattedFile[], check: boolean): 0 | 1 {
  const failing = files.some((file) => file.status === "unformattable" || (check && file.status === "changed"));
  return failing ? 1 : 0;
}
