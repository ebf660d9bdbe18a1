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
 * FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE with no other isolate or embedding inside: the
 * messages wrap a right-to-left value in one (see i18n isolate). A closed isolate cannot reorder
 * anything outside it, so it stays; an unpaired or nested one is shown as its code points.
 */
const CLOSED_ISOLATE = /\u2068([^\u2066-\u2069\u202A-\u202E]*)\u2069/gu;

/**
 * The text with every unprintable character shown as its code point (<U+001B>), so that a file
 * name or a value from the data prints as one inert line. Plain text comes back unchanged, and so
 * does a closed isolate around a value in another script (its inside is made printable too).
 */
export function printable(text: string): string {
  let out = "";
  let last = 0;
  for (const match of text.matchAll(CLOSED_ISOLATE)) {
    out += text.slice(last, match.index).replace(UNPRINTABLE, codePointLabel);
    out += `\u2068${(match[1] ?? "").replace(UNPRINTABLE, codePointLabel)}\u2069`;
    last = match.index + match[0].length;
  }
  return out + text.slice(last).replace(UNPRINTABLE, codePointLabel);
}
