import { countBySeverity, type Diagnostic } from "../diagnostics.ts";
import type { Summary } from "./pretty.ts";

/** The documented JSON output of `npm run validate -- --format json` (schemaVersion 1). */
export interface JsonReport {
  schemaVersion: 1;
  summary: { files: number; entries: number; errors: number; warnings: number };
  diagnostics: Diagnostic[];
}

export function toJsonReport(diagnostics: readonly Diagnostic[], summary: Summary): JsonReport {
  return {
    schemaVersion: 1,
    summary: { files: summary.files, entries: summary.entries, ...countBySeverity(diagnostics) },
    // The catalog references are the tool's own: the report carries the rendered words only.
    diagnostics: diagnostics.map(({ text: _text, ...plain }) => plain),
  };
}

export function formatJson(diagnostics: readonly Diagnostic[], summary: Summary): string {
  return `${JSON.stringify(toJsonReport(diagnostics, summary), null, 2)}\n`;
}
