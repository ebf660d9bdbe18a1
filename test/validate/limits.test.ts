import { describe, expect, test } from "vitest";
import { parseFrontmatter } from "../../scripts/lib/load/frontmatter.ts";
import { parseJson } from "../../scripts/lib/load/json.ts";
import {
  jsonDepthProblem,
  MAX_CONTAINERS,
  MAX_JSON_DEPTH,
  MAX_LINES,
  MAX_MARKDOWN_NESTING,
  MAX_MARKS,
  MAX_MARKS_PER_BLOCK,
  MAX_TABLE_CELLS,
  MAX_TABLE_CELLS_IN_ALL,
  MAX_UNDERLINED_HEADINGS,
  MAX_YAML_DEPTH,
  markdownProblem,
  yamlDepthProblem,
} from "../../scripts/lib/load/limits.ts";
import { parseNarrative } from "../../scripts/lib/load/narrative.ts";
import { findEmails } from "../../scripts/lib/rules/privacy.ts";

const nested = (depth: number) => `${"[".repeat(depth)}${"]".repeat(depth)}`;

describe("JSON nesting is bounded before the parser runs", () => {
  test("at the bound it is read; one level deeper it is one problem, at the bracket that crosses it", () => {
    expect(jsonDepthProblem(nested(MAX_JSON_DEPTH))).toBeUndefined();
    expect(jsonDepthProblem(nested(MAX_JSON_DEPTH + 1))?.offset).toBe(MAX_JSON_DEPTH);
  });

  test("brackets inside strings, escaped quotes included, do not count", () => {
    expect(jsonDepthProblem(`{"a": "${"[".repeat(100)}\\"${"{".repeat(100)}"}`)).toBeUndefined();
  });

  test.for([2_000, 100_000])("%i nested arrays give one strict-json problem with its place, not a stack overflow", (depth) => {
    const { value, problems } = parseJson(`{\n  "kind": ${nested(depth)}\n}`, "a.json");
    expect(value).toBeUndefined();
    // toMatchObject: the problem also carries its catalog references (text), for the reader's language.
    expect(problems).toMatchObject([
      {
        ruleId: "strict-json",
        severity: "error",
        file: "a.json",
        line: 2,
        // The object around it is the first level.
        column: 10 + MAX_JSON_DEPTH,
        message: "The data is nested more than 32 levels deep here (lists or objects inside each other); no entry needs that many.",
        hint: "Look for [ or { typed many times by mistake: activity.json nests at most three levels (links, a link, its fields).",
      },
    ]);
  });
});

describe("frontmatter nesting is bounded before the YAML parser runs", () => {
  const block = (depth: number) => `${Array.from({ length: depth }, (_, i) => `${" ".repeat(i)}k${i}:`).join("\n")} x\n`;
  test.for([
    ["flow collections", (depth: number) => `title: ${nested(depth)}\n`],
    ["block mappings", block],
    ["sequences on one line", (depth: number) => `title: x\nlist:\n${"- ".repeat(depth)}x\n`],
  ] as const)("%s: read at the bound, refused beyond it", ([, make]) => {
    expect(yamlDepthProblem(make(MAX_YAML_DEPTH - 2))).toBeUndefined();
    expect(yamlDepthProblem(make(MAX_YAML_DEPTH + 1))).toBeDefined();
  });

  test("10,000 nested flow sequences are one safe-yaml problem", () => {
    const { value, problems } = parseFrontmatter(`title: ${nested(10_000)}\n`, 2, "en.md");
    expect(value).toBeUndefined();
    expect(problems.map((p) => [p.ruleId, p.line, p.message])).toEqual([
      ["safe-yaml", 2, "The frontmatter is nested more than 16 levels deep; it only needs title, summary and a translation: block."],
    ]);
  });

  test.for([
    ["title: !!binary aGVsbG8=\n", "YAML tags (!!binary) are not allowed in frontmatter."],
    ["title: !!str 2019\n", "YAML tags (!!str) are not allowed in frontmatter."],
    ["title: !!js/function 'f'\n", "Unknown YAML tag !!js/function: tags are not allowed in frontmatter."],
    ["title: a\n...\nsummary: b\n", "The frontmatter holds more than one YAML document (a line ... or --- inside it); only one is read."],
  ] as const)("%j is refused: %s", ([yaml, message]) => {
    const { value, problems } = parseFrontmatter(yaml, 2, "en.md");
    expect(value).toBeUndefined();
    expect(problems.map((problem) => problem.message)).toEqual([message]);
  });

  test("brackets in quoted values and comments do not count", () => {
    expect(yamlDepthProblem(`title: "${"[".repeat(50)}"\nsummary: '${"{".repeat(50)}' # ${"[".repeat(50)}\n`)).toBeUndefined();
  });
});

describe("a Markdown body is refused before parsing when it crosses a bound", () => {
  const lines = (count: number, line: string) => `${line}\n`.repeat(count);
  const marks = (count: number) => "*_".repeat(Math.floor(count / 2)) + (count % 2 ? "*" : "");
  test.for([
    ["block quotes nested", "> ".repeat(MAX_MARKDOWN_NESTING) + "x", `${"> ".repeat(MAX_MARKDOWN_NESTING + 1)}x`, "nested more than 16 levels"],
    [
      "lists nested by indentation",
      Array.from({ length: MAX_MARKDOWN_NESTING }, (_, i) => `${"  ".repeat(i)}- a`).join("\n"),
      Array.from({ length: MAX_MARKDOWN_NESTING + 1 }, (_, i) => `${"  ".repeat(i)}- a`).join("\n"),
      "nested more than 16 levels",
    ],
    [
      "lists and quotes on one line",
      `${"- > ".repeat(MAX_MARKDOWN_NESTING / 2)}x`,
      `${"- > ".repeat(MAX_MARKDOWN_NESTING / 2)}- x`,
      "nested more than 16 levels",
    ],
    ["list items", lines(MAX_CONTAINERS, "- a"), lines(MAX_CONTAINERS + 1, "- a"), "more than 1,000 list items and block quotes"],
    ["lines", lines(MAX_LINES - 1, "a"), lines(MAX_LINES, "a"), "more than 3,000 lines"],
    ["marks in a paragraph", marks(MAX_MARKS_PER_BLOCK), marks(MAX_MARKS_PER_BLOCK + 1), "This paragraph has more than 1,000 formatting marks"],
    [
      "marks in all",
      `${marks(MAX_MARKS_PER_BLOCK)}\n\n`.repeat(MAX_MARKS / MAX_MARKS_PER_BLOCK),
      `${`${marks(MAX_MARKS_PER_BLOCK)}\n\n`.repeat(MAX_MARKS / MAX_MARKS_PER_BLOCK)}*`,
      "The narrative has more than 5,000 formatting marks",
    ],
    ["underlined headings", "a\n=\n\n".repeat(MAX_UNDERLINED_HEADINGS), "a\n=\n\n".repeat(MAX_UNDERLINED_HEADINGS + 1), "underlined with === or ---"],
    ["cells on a line", `${"|a".repeat(MAX_TABLE_CELLS - 1)}|`, `${"|a".repeat(MAX_TABLE_CELLS)}|`, "more than 100 table cells"],
    ["cells in all", lines(MAX_TABLE_CELLS_IN_ALL / 4, "| a | b | c |"), lines(MAX_TABLE_CELLS_IN_ALL / 4 + 1, "| a | b | c |"), "more than 2,000 cells"],
  ] as const)("%s: read at the bound, refused beyond it", ([, ok, refused, message]) => {
    expect(markdownProblem(ok)).toBeUndefined();
    expect(markdownProblem(refused)?.message).toContain(message);
  });

  test("a mark or a pipe beyond the bound is reported where it is written", () => {
    const prose = "Plain words, then more plain words.\n";
    const tooManyMarks = `${prose}${`${marks(MAX_MARKS_PER_BLOCK)}\n\n`.repeat(MAX_MARKS / MAX_MARKS_PER_BLOCK)}${prose}and *`;
    expect(markdownProblem(tooManyMarks)?.offset).toBe(tooManyMarks.length - 1);
    const tooManyCells = `${prose}\nsome text ${"|a".repeat(MAX_TABLE_CELLS)}| end`;
    expect(markdownProblem(tooManyCells)?.offset).toBe(tooManyCells.length - " end".length - 1);
  });

  test("a story with lists, quotes, tables, emphasis and links passes", () => {
    const story = `## Context\n\nSome *emphasis*, **strong** text and a [link](https://example.org/a_b_c).\n\n> A quote\n> on two lines.\n\n- a list\n  - nested\n    1. deeper\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\nA heading\n---------\n`;
    expect(markdownProblem(story.repeat(20))).toBeUndefined();
  });

  test("a refused body is not parsed: the tree is empty and the problem is kept", () => {
    const narrative = parseNarrative(`---\ntitle: T\nsummary: S\n---\n\n${"> ".repeat(10_000)}x\n`, "en.md", "en");
    expect(narrative.tree.children).toEqual([]);
    expect(narrative.bodyProblem?.message).toBe("Block quotes and lists are nested more than 16 levels deep here.");
    expect(narrative.bodyPosition(narrative.bodyProblem?.offset ?? 0)).toEqual({ line: 6, column: 1 });
  });
});

describe("e-mail addresses are found in one pass", () => {
  test.for([
    ["write to jane.doe@example.org.", ["jane.doe@example.org"]],
    ["info@unicef.org, and bob+x@mail.co.uk!", ["info@unicef.org", "bob+x@mail.co.uk"]],
    ["no address: a@b, @example.org, x@y.", []],
    [`${"a".repeat(100)}@example.org`, [`${"a".repeat(64)}@example.org`]],
  ] as const)("%s", ([text, addresses]) => {
    expect(findEmails(text).map((found) => found.address)).toEqual(addresses);
  });

  test("a 250,000-letter paragraph without a domain holds no address (the old pattern retried from every letter)", () => {
    expect(findEmails(`${"a".repeat(250_000)}@`)).toEqual([]);
    expect(findEmails("a@".repeat(125_000))).toEqual([]);
  });
});
