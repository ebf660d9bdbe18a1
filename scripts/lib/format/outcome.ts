import type { Diagnostic } from "../diagnostics.ts";

/** What formatting one file gives: the canonical text, or the problems that stop it being rewritten. */
export type FormatOutcome = { text: string; problems?: undefined } | { problems: Diagnostic[]; text?: undefined };

/** The rule id of problems only the formatter finds (the text parses, but cannot be rewritten safely). */
export const FORMAT_RULE_ID = "format";

/** Normalises text to Unicode normal form C, the form the repository stores. */
export function nfc(text: string): string {
  return text.normalize("NFC");
}

/** Finds the first key that becomes equal to an earlier one once normalised, so no value is lost silently. */
export function findNfcCollision(keys: readonly string[]): { first: string; second: string; index: number } | undefined {
  const seen = new Map<string, string>();
  for (const [index, key] of keys.entries()) {
    const normal = nfc(key);
    const earlier = seen.get(normal);
    if (earlier !== undefined) return { first: earlier, second: key, index };
    seen.set(normal, key);
  }
  return undefined;
}

/** The message for two keys that normalisation would merge. */
export function collisionMessage(first: string, second: string): string {
  return `The keys ${JSON.stringify(first)} and ${JSON.stringify(second)} look the same and become the same key in Unicode normal form C (NFC); formatting would lose one of them.`;
}

export const COLLISION_HINT = "Keep one of the two keys and delete the other.";
