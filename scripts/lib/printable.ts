/**
 * Characters that must never reach a terminal, a log or a one-line message as themselves:
 * controls (an escape sequence can recolour, hide or rewrite what a terminal shows, a line break
 * can forge a diagnostic line), format characters (bidirectional overrides, zero-width
 * characters), line and paragraph separators, noncharacters and lone surrogates (with the u
 * flag, [\uD800-\uDFFF] only matches a surrogate that is not half of a pair). The joiners
 * U+200C and U+200D stay: Persian, Indic scripts and emoji need them and a terminal shows them
 * harmlessly.
 */
const UNPRINTABLE = /[\p{Cc}\p{Zl}\p{Zp}\uFDD0-\uFDEF\uFFFE\uFFFF\uD800-\uDFFF]|(?![\u200C\u200D])\p{Cf}/gu;

/** "<U+001B>": how an unprintable character is shown. */
export function codePointLabel(character: string): string {
  return `<U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}>`;
}

/**
 * The text with every unprintable character shown as its code point (<U+001B>), so that a file
 * name or a value from the data prints as one inert line. Plain text comes back unchanged.
 */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, codePointLabel);
}
