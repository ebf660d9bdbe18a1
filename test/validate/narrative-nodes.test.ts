import fc from "fast-check";
import { visit } from "unist-util-visit";
import { expect, test } from "vitest";
import { bodyNodes, parseNarrative, proseSpans } from "../../scripts/lib/load/narrative.ts";

// Markdown pieces that make every kind of node the rules look for: links, images, definitions,
// headings at several depths, raw HTML, code, lists and quotes, in several scripts.
const PIECES = [
  "policy",
  "الأطفال",
  "儿童",
  " ",
  "\n",
  "\n\n",
  "**bold**",
  "_it_",
  "[a](https://e.org/a)",
  "![i](https://e.org/i.png)",
  "\n[d]: https://e.org/d\n",
  "[d]",
  "\n# One\n",
  "\n## Two\n",
  "\n#### Four\n",
  "<b>x</b>",
  "`code`",
  "\n```\nblock\n```\n",
  "\n- item\n",
  "\n> quote\n",
  "| a | b |\n| - | - |\n",
  "www.example.org",
  "a@b.org",
];
const body = fc.array(fc.constantFrom(...PIECES), { maxLength: 25 }).map((parts) => parts.join(""));

test("bodyNodes lists the nodes in the order a visit of the tree meets them (property)", () => {
  fc.assert(
    fc.property(body, (text) => {
      const narrative = parseNarrative(`---\ntitle: T\nsummary: S\n---\n${text}`, "countries/ken/activities/a/en.md", "en");
      const visited: unknown[] = [];
      visit(narrative.tree, (node) => {
        visited.push(node);
      });
      const listed = bodyNodes(narrative);
      expect(listed.length).toBe(visited.length);
      for (const [index, node] of listed.entries()) expect(node).toBe(visited[index]);
    }),
    { seed: 1202, numRuns: 300 },
  );
});

test("proseSpans is worked out once per narrative, with the title and summary positions of a quoted value", () => {
  const narrative = parseNarrative(
    `---\ntitle: "A quoted title"\nsummary: A plain summary.\n---\n\n## Context\n\nSome [linked](https://e.org) text.\n`,
    "countries/ken/activities/a/en.md",
    "en",
  );
  const spans = proseSpans(narrative);
  expect(proseSpans(narrative)).toBe(spans);
  expect(spans.map((span) => [span.where, span.text])).toEqual([
    ["title", "A quoted title"],
    ["summary", "A plain summary."],
    ["body", "Context"],
    ["body", "Some "],
    ["body", "linked"],
    ["body", " text."],
  ]);
  // "quoted" starts after the opening quote: line 2, column 8 + 1 for the quote + offset 2.
  expect(spans[0]?.position(2)).toEqual({ line: 2, column: 11 });
  expect(spans[1]?.position(2)).toEqual({ line: 3, column: 12 });
});
