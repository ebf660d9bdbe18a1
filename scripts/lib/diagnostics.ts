import type { MessageRef } from "./i18n/messages.ts";
import type { UnLanguage } from "./vocab.ts";

/** How serious a problem is: errors block a merge, warnings are shown and allowed. */
export type Severity = "error" | "warning";

/**
 * One problem in the data. This is the shape every formatter, the bot and the JSON
 * output share; rule ids are kebab-case and never change meaning.
 */
export interface Diagnostic {
  ruleId: string;
  severity: Severity;
  /** Repository-relative path with forward slashes. */
  file: string;
  /** 1-based; 1 when the problem is about the whole file. */
  line: number;
  /** 1-based. */
  column: number;
  /** A sentence a non-developer can act on. */
  message: string;
  /** What to do about it, when the message alone does not say. */
  hint?: string;
  /**
   * The message and hint as references into the message catalogs (locales/), so that they can be
   * written in the reader's language; `localizeDiagnostics` renders and drops them before output.
   */
  text?: {
    message: MessageRef;
    hint?: MessageRef;
    /** A hint written in data rather than in the catalogs (a field's description from its schema), by language. */
    hintTexts?: Readonly<Partial<Record<UnLanguage, string>>>;
  };
}

/** A position in a text file, 1-based. */
export interface Position {
  line: number;
  column: number;
}

export const START_OF_FILE: Position = { line: 1, column: 1 };

/** Sort order of the output: by file, then position, then rule, then message, so runs are reproducible. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return compareText(a.file, b.file) || a.line - b.line || a.column - b.column || compareText(a.ruleId, b.ruleId) || compareText(a.message, b.message);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Counts by severity, for summaries. */
export function countBySeverity(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const diagnostic of diagnostics) if (diagnostic.severity === "error") errors++;
  return { errors, warnings: diagnostics.length - errors };
}
