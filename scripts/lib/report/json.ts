import { countBySeverity, type Diagnostic } from "../diagnostics.ts";
import { localizeDiagnostic } from "../i18n/diagnostics.ts";
import { renderMessage } from "../i18n/messages.ts";
import { UN_LANGUAGES, type UnLanguage } from "../vocab.ts";
import type { Summary } from "./pretty.ts";

/** One diagnostic of the JSON report: the message in the chosen language, and in each of the six. */
export type JsonDiagnostic = Omit<Diagnostic, "text"> & {
  /** The message in each UN language, for a reader other than the run's (the review bot's comment). */
  messages?: Record<UnLanguage, string>;
};

/** The documented JSON output of `npm run validate -- --format json` (schemaVersion 1). */
export interface JsonReport {
  schemaVersion: 1;
  summary: { files: number; entries: number; errors: number; warnings: number };
  diagnostics: JsonDiagnostic[];
}

/**
 * The report of a run: each diagnostic's message and hint in `lang`, and, where the message comes
 * from the catalogs, the message in all six languages under `messages`. The catalog references
 * themselves are the tool's own and stay out of the report.
 */
export function toJsonReport(diagnostics: readonly Diagnostic[], summary: Summary, lang: UnLanguage = "en"): JsonReport {
  return {
    schemaVersion: 1,
    summary: { files: summary.files, entries: summary.entries, ...countBySeverity(diagnostics) },
    diagnostics: diagnostics.map((d) => {
      const plain = localizeDiagnostic(d, lang);
      const ref = d.text?.message;
      return ref ? { ...plain, messages: Object.fromEntries(UN_LANGUAGES.map((l) => [l, renderMessage(l, ref)])) as Record<UnLanguage, string> } : plain;
    }),
  };
}

export function formatJson(diagnostics: readonly Diagnostic[], summary: Summary, lang: UnLanguage = "en"): string {
  return `${JSON.stringify(toJsonReport(diagnostics, summary, lang), null, 2)}\n`;
}
