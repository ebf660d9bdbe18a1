/** Characters that change how text displays without being seen (Trojan Source) or that are controls. */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/;
const INVISIBLE_IN_IDS = /[\u0000-\u001F\u007F-\u009F\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/u;
/** In prose, joiners (U+200C, U+200D) and direction marks (U+200E, U+200F) are legitimate in Arabic, Persian and other scripts. */
const SUSPICIOUS_IN_PROSE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/u;

const NAMES: Record<number, string> = {
  0x200b: "zero-width space",
  0x200c: "zero-width non-joiner",
  0x200d: "zero-width joiner",
  0x200e: "left-to-right mark",
  0x200f: "right-to-left mark",
  0x202a: "left-to-right embedding",
  0x202b: "right-to-left embedding",
  0x202c: "pop directional formatting",
  0x202d: "left-to-right override",
  0x202e: "right-to-left override",
  0x2060: "word joiner",
  0x2066: "left-to-right isolate",
  0x2067: "right-to-left isolate",
  0x2068: "first strong isolate",
  0x2069: "pop directional isolate",
  0xfeff: "zero-width no-break space (BOM)",
  0x00ad: "soft hyphen",
};

/** The first character in an identifier, key, file name or URL that must not be there. */
export function findInvisibleInId(text: string): { index: number; name: string } | undefined {
  return find(text, INVISIBLE_IN_IDS);
}

/** The first suspicious character in prose (bidi overrides, zero-width spaces, controls). */
export function findSuspiciousInProse(text: string): { index: number; name: string } | undefined {
  return find(text, SUSPICIOUS_IN_PROSE);
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
  const name = NAMES[code] ?? (code < 0x20 || (code >= 0x7f && code <= 0x9f) ? "control character" : "invisible character");
  return `${name} (${hex})`;
}
