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

const NAMES: Record<number, string> = {
  8203: "zero-width space",
  8204: "zero-width non-joiner",
  8205: "zero-width joiner",
  8206: "left-to-right mark",
  8207: "right-to-left mark",
  8234: "left-to-right embedding",
  8235: "right-to-left embedding",
  8236: "pop directional formatting",
  8237: "left-to-right override",
  8238: "right-to-left override",
  8288: "word joiner",
  8294: "left-to-right isolate",
  8295: "right-to-left isolate",
  8296: "first strong isolate",
  8297: "pop directional isolate",
  65279: "zero-width no-break space (BOM)",
  173: "soft hyphen",
};

/** The first character in an identifier, key, file name or URL that must not be there. */
export function findInvisibleInId(text: string): { index: number; name: string } | undefined {
  return find(text, INVISIBLE_IN_IDS);
}

/** The first suspicious character in prose (bidi overrides, zero-width spaces, controls). */
export function findSuspiciousInProse(text: string): { index: number; name: string } | undefined {
  return find(text, SUSPICIOUS_IN_PROSE);
}

/** The first character no published text may hold (a control, a noncharacter, a lone surrogate). */
export function findForbidden(text: string): { index: number; name: string } | undefined {
  return find(text, FORBIDDEN);
}

/** True when the text holds a bidirectional control (Trojan Source). */
export function hasBidiControl(text: string): boolean {
  return BIDI_CONTROLS.test(text);
}

function find(text: string, pattern: RegExp): { index: number; name: string } | undefined {
  const match = pattern.exec(text);
  if (!match) return undefined;
  return { index: match.index, name: describeCharacter(match[0]) };
}

/** "right-to-left override (U+202E)". */
export function describeCharacter(character: string): string {
  const code = character.codePointAt(0) ?? 0;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
  const name =
    NAMES[code] ??
    (code < 0x20 || (code >= 0x7f && code <= 0x9f)
      ? "control character"
      : code >= 0xd800 && code <= 0xdfff
        ? "lone surrogate"
        : /\p{Noncharacter_Code_Point}/u.test(character)
          ? "noncharacter"
          : "invisible character");
  return `${name} (${hex})`;
}
