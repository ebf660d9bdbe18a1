import type { Diagnostic } from "../diagnostics.ts";
import type { Texts } from "../schema/descriptions.ts";
import type { UnLanguage } from "../vocab.ts";
import { type MessageRef, renderMessage } from "./messages.ts";

/**
 * A diagnostic's words: the English message and hint, with the catalog references they came from.
 * A hint can also be a text by language written in data (a field's description from its schema,
 * `descriptionTexts`): the reader gets it in their language, in English where it lacks one.
 */
export function catalogText(message: MessageRef, hint?: MessageRef | Texts): Pick<Diagnostic, "message" | "hint" | "text"> {
  const hintRef = hint && "key" in hint ? (hint as MessageRef) : undefined;
  const hintTexts = hint && !("key" in hint) ? (hint as Texts) : undefined;
  const hintText = hintTexts ? hintTexts.en : hintRef ? renderMessage("en", hintRef) : undefined;
  return {
    message: renderMessage("en", message),
    ...(hintText !== undefined ? { hint: hintText } : {}),
    text: { message, ...(hintRef ? { hint: hintRef } : {}), ...(hintTexts ? { hintTexts } : {}) },
  };
}

/**
 * The diagnostics as a reader of `lang` gets them: message and hint in that language where the
 * catalogs have them (in English otherwise), rule ids and positions unchanged, and no catalog
 * references left, so that every output format shows plain diagnostics.
 */
export function localizeDiagnostics(diagnostics: readonly Diagnostic[], lang: UnLanguage): Diagnostic[] {
  return diagnostics.map((d) => localizeDiagnostic(d, lang));
}

/** One diagnostic as a reader of `lang` gets it (see localizeDiagnostics). */
export function localizeDiagnostic({ text, ...plain }: Diagnostic, lang: UnLanguage): Diagnostic {
  if (!text) return plain;
  const hint = text.hint ? renderMessage(lang, text.hint) : (text.hintTexts?.[lang] ?? plain.hint);
  return { ...plain, message: renderMessage(lang, text.message), ...(hint !== undefined ? { hint } : {}) };
}
