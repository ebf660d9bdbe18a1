import fc from "fast-check";
import { expect, test } from "vitest";
import { anyOf, candidateFinder, literalClue, requiredLiteral, requiredLiterals } from "../../scripts/lib/rules/terminology.ts";
import { loadCatalog } from "../../scripts/lib/schema/catalog.ts";

const sources = loadCatalog(process.cwd()).vocabularies.terminology.flatMap((term) => term.avoid);

// Text made of the terms' own words (in every language), their neighbours and punctuation, so that matches are common.
const words = [...new Set(sources.flatMap((source) => source.replace(/\\[a-z]|[^\p{L}\p{M} -]/gu, " ").split(/[\s-]+/)))].filter(Boolean);
const text = fc
  .array(fc.oneof(fc.constantFrom(...words), fc.constantFrom(" ", "-", " ", ", ", ".", "\n", "webcam", "Child", "CHILD"), fc.string({ maxLength: 3 })), {
    maxLength: 40,
  })
  .map((parts) => parts.join(""));

test("the joined terminology expression matches exactly the prose one of the terms matches (property)", () => {
  const any = anyOf(sources);
  expect(any).toBeDefined();
  const each = sources.map((source) => new RegExp(source, "iu"));
  let matched = 0;
  fc.assert(
    fc.property(text, (prose) => {
      const expected = each.some((pattern) => pattern.test(prose));
      if (expected) matched++;
      expect(any?.test(prose)).toBe(expected);
    }),
    { numRuns: 3000 },
  );
  // The generated prose must exercise both answers, or the property proves nothing.
  expect(matched).toBeGreaterThan(50);
});

test("sources with back-references or named groups are not joined", () => {
  expect(anyOf(["(a)\\1", "b"])).toBeUndefined();
  expect(anyOf(["(?<x>a)", "b"])).toBeUndefined();
  expect(anyOf([])).toBeUndefined();
  expect(anyOf(["(?<!web)cam", "b"])?.test("a cam")).toBe(true);
});

test("the words the terms require are found in every text one of the terms matches (property)", () => {
  const clue = literalClue(sources);
  // Every shipped term has such a word: without one, the quick scan would be skipped for all of them.
  expect(clue).toBeDefined();
  const each = sources.map((source) => new RegExp(source, "iu"));
  let matched = 0;
  let passed = 0;
  fc.assert(
    fc.property(text, (prose) => {
      const expected = each.some((pattern) => pattern.test(prose));
      if (expected) matched++;
      const found = clue?.test(prose) ?? true;
      if (!found) passed++;
      if (expected) expect(found).toBe(true);
    }),
    { numRuns: 3000 },
  );
  // Both kinds of text were generated: prose with a term, and prose the clue lets through quickly.
  expect(matched).toBeGreaterThan(50);
  expect(passed).toBeGreaterThan(50);
});

test("each term's own required words are found wherever the term matches (property)", () => {
  const each = sources.map((source) => ({
    pattern: new RegExp(source, "iu"),
    needs: (requiredLiterals(source) ?? []).map((word) => new RegExp(word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "iu")),
  }));
  let matched = 0;
  fc.assert(
    fc.property(text, (prose) => {
      for (const { pattern, needs } of each) {
        if (!pattern.test(prose)) continue;
        matched++;
        for (const need of needs) expect(need.test(prose), `${pattern} in ${JSON.stringify(prose)}`).toBe(true);
      }
    }),
    { numRuns: 3000 },
  );
  expect(matched).toBeGreaterThan(50);
});

test("all the top-level words of a pattern are required", () => {
  expect(requiredLiterals("[إا]باحي[ةه] (?:ال)?[أا]طفال")).toEqual(["باحي", " ", "طفال"]);
  expect(requiredLiterals("a|b")).toBeUndefined();
});

test.for([
  ["\\bchild[- ]?porn", "child"],
  ["\\bp(?:ae|æ|e)dophiles?\\b", "dophile"],
  ["\\benfants? prostitué(?:e|s|es)?(?![\\p{L}\\p{N}])", " prostitué"],
  ["(?<!child[- ])\\bsex[- ]tourism\\b", "tourism"],
  ["[儿兒]童色情", "童色情"],
  ["\\u0041bcd", "bcd"],
  ["ab{2}cd", "cd"],
  ["abc+", "ab"],
  ["[雏雛]妓", "妓"],
  ["a.b", "a"],
  ["\\b.\\b", undefined],
  ["abc|def", undefined],
  ["(?:abc|def)", undefined],
  ["\\p{L}+x", "x"],
  ["\\p{L}+", undefined],
] as const)("the word every match of %s contains is %s", ([source, word]) => {
  expect(requiredLiteral(source)).toBe(word);
});

test("no clue when one of the terms has no required word", () => {
  expect(literalClue(["child porn", "(?:a|b)\\w"])).toBeUndefined();
  expect(literalClue([])).toBeUndefined();
  expect(literalClue(["xchild pornx", "child porn"])?.source).toBe("child porn");
});

test("the terms left out for a text cannot match in it, and most are left out (property)", () => {
  const candidates = candidateFinder(sources);
  expect(candidates).toBeDefined();
  const each = sources.map((source) => new RegExp(source, "iu"));
  let matched = 0;
  let leftOut = 0;
  fc.assert(
    fc.property(text, (prose) => {
      const possible = candidates?.(prose) ?? [];
      for (const [index, pattern] of each.entries()) {
        if (pattern.test(prose)) {
          matched++;
          expect(possible[index], `${pattern} in ${JSON.stringify(prose)}`).toBe(true);
        } else if (!possible[index]) leftOut++;
      }
    }),
    { numRuns: 3000 },
  );
  expect(matched).toBeGreaterThan(50);
  // The filter does its work: far more terms are left out than tried.
  expect(leftOut).toBeGreaterThan(3000 * sources.length * 0.5);
});

test.for([
  ["a word in another case, found where the first one is", ["Child", "children"], "the children", [true, true]],
  ["a longer word that is not there", ["Child abuse", "children"], "CHILDREN", [false, true]],
  ["two words overlapping", ["abcd", "cdef"], "xabcdefx", [true, true]],
  ["nothing", ["abcd", "cdef"], "xyz", [false, false]],
] as const)("candidateFinder: %s", ([, given, prose, expected]) => {
  expect(candidateFinder(given)?.(prose)).toEqual(expected);
});
