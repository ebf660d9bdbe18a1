import fc from "fast-check";
import { expect, test } from "vitest";
import { anyOf } from "../../scripts/lib/rules/terminology.ts";
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
