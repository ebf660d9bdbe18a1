import type { MessageRef } from "../i18n/messages.ts";

/** Characters that change how text displays without being seen (Trojan Source) or that are controls. */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/;
const INVISIBLE_IN_IDS = /[\u0000-\u001F\u007F-\u009F\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/u;
/** In prose, joiners (U+200C, U+200D) and direction marks (U+200E, U+200F) are legitimate in Arabic, Persian and other scripts. */
const SUSPICIOUS_IN_PROSE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/u;
/**
 * What no published text may hold: C0 controls other than tab, line feed and carriage return, DEL,
 * the C1 controls, noncharacters (U+FFFE ...) and lone surrogates (with the u flag, [\uD800-\uDFFF]
 * only matches a surrogate that is not half of a pair). XML cannot carry them, HTML calls them
 * errors, and a terminal obeys them.
 */
export const FORBIDDEN_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uD800-\uDFFF]|\p{Noncharacter_Code_Point}/gu;
const FORBIDDEN = new RegExp(FORBIDDEN_CHARACTERS.source, "u");

/**
 * Every character findForbidden and findSuspiciousInProse look for, and more: without the u flag, [\uD800-\uDFFF]
 * takes in every surrogate, so any character outside the BMP (a noncharacter U+1FFFE, but also an
 * emoji) matches too. One scan with it is several times quicker than a scan with FORBIDDEN, whose
 * property escape slows the u flag down on non-Latin text, and most texts have none of them.
 */
const ANY_HIDDEN =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B\u202A-\u202E\u2060-\u2064\u2066-\u2069\uD800-\uDFFF\uFDD0-\uFDEF\uFEFF\uFFFE\uFFFF]/;

/** False when neither findForbidden nor findSuspiciousInProse can find anything in the text: they need not run. */
export function mayHoldHidden(text: string): boolean {
  return ANY_HIDDEN.test(text);
}

/** Each character's name, as a branch of the catalog's "unicode.character" message. */
const NAMES: Record<number, string> = {
  8203: "zwsp",
  8204: "zwnj",
  8205: "zwj",
  8206: "lrm",
  8207: "rlm",
  8234: "lre",
  8235: "rle",
  8236: "pdf",
  8237: "lro",
  8238: "rlo",
  8288: "wj",
  8294: "lri",
  8295: "rli",
  8296: "fsi",
  8297: "pdi",
  65279: "bom",
  173: "shy",
};

/** The first character in an identifier, key, file name or URL that must not be there. */
export function findInvisibleInId(text: string): { index: number; name: MessageRef } | undefined {
  return find(text, INVISIBLE_IN_IDS);
}

/** The first suspicious character in prose (bidi overrides, zero-width spaces, controls). */
export function findSuspiciousInProse(text: string): { index: number; name: MessageRef } | undefined {
  return find(text, SUSPICIOUS_IN_PROSE);
}

/** The first character no published text may hold (a control, a noncharacter, a lone surrogate). */
export function findForbidden(text: string): { index: number; name: MessageRef } | undefined {
  return find(text, FORBIDDEN);
}

/** True when the text holds a bidirectional control (Trojan Source). */
export function hasBidiControl(text: string): boolean {
  return BIDI_CONTROLS.test(text);
}

function find(text: string, pattern: RegExp): { index: number; name: MessageRef } | undefined {
  const match = pattern.exec(text);
  if (!match) return undefined;
  return { index: match.index, name: describeCharacter(match[0]) };
}

/** "right-to-left override (U+202E)", in any language. */
export function describeCharacter(character: string): MessageRef {
  const code = character.codePointAt(0) ?? 0;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
  const name =
    NAMES[code] ??
    (code < 0x20 || (code >= 0x7f && code <= 0x9f)
      ? "control"
      : code >= 0xd800 && code <= 0xdfff
        ? "surrogate"
        : /\p{Noncharacter_Code_Point}/u.test(character)
          ? "noncharacter"
          : "other");
  return { key: "unicode.character", values: { name, code: hex } };
}
