import type { Diagnostic } from "../diagnostics.ts";
import type { UnLanguage } from "../vocab.ts";
import { type MessageRef, renderMessage } from "./messages.ts";

/**
 * A diagnostic's words: the English message and hint, with the catalog references they came from.
 * A hint given as plain text (a schema's own description) stays as written in every language.
 */
export function catalogText(message: MessageRef, hint?: MessageRef | string): Pick<Diagnostic, "message" | "hint" | "text"> {
  const hintRef = typeof hint === "object" ? hint : undefined;
  const hintText = typeof hint === "string" ? hint : hintRef ? renderMessage("en", hintRef) : undefined;
  return {
    message: renderMessage("en", message),
    ...(hintText !== undefined ? { hint: hintText } : {}),
    text: { message, ...(hintRef ? { hint: hintRef } : {}) },
  };
}

/**
 * The diagnostics as a reader of `lang` gets them: message and hint in that language where the
 * catalogs have them (in English otherwise), rule ids and positions unchanged, and no catalog
 * references left, so that every output format shows plain diagnostics.
 */
export function localizeDiagnostics(diagnostics: readonly Diagnostic[], lang: UnLanguage): Diagnostic[] {
  return diagnostics.map(({ text, ...plain }) => {
    if (!text) return plain;
    const hint = text.hint ? renderMessage(lang, text.hint) : plain.hint;
    return { ...plain, message: renderMessage(lang, text.message), ...(hint !== undefined ? { hint } : {}) };
  });
}
