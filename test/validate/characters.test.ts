import { expect, test } from "vitest";
import { findForbidden, findSuspiciousInProse, mayHoldHidden } from "../../scripts/lib/rules/characters.ts";

test("mayHoldHidden is true wherever findForbidden or findSuspiciousInProse finds a character, for every code point", () => {
  const missed: string[] = [];
  for (let code = 0; code <= 0x10ffff; code++) {
    // Each code point alone and inside prose; lone surrogates come out of fromCodePoint as they are.
    const character = String.fromCodePoint(code);
    for (const text of [character, `a ${character} b`]) {
      const found = findForbidden(text) ?? findSuspiciousInProse(text);
      if (found && !mayHoldHidden(text)) missed.push(code.toString(16));
    }
  }
  expect(missed).toEqual([]);
});

test.for([
  ["plain English prose", "The ministry ran a campaign in 2024.", false],
  ["Arabic, Chinese and Russian prose with accents", "الأطفال 儿童 дети école", false],
  ["a tab and line ends, which prose may hold", "a\tb\r\nc", false],
  ["a zero-width space", "a\u200Bb", true],
  ["a right-to-left override", "a\u202Eb", true],
  ["a bell", "a\u0007b", true],
  ["a noncharacter outside the BMP", "a\u{1FFFE}b", true],
  ["a lone surrogate", "a\uD800b", true],
] as const)("%s: may hold hidden characters %s", ([, text, expected]) => {
  expect(mayHoldHidden(text)).toBe(expected);
});
