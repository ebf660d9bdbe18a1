import { describe, expect, test } from "vitest";
import { baselineFiles } from "../support/repo.ts";
import { type Expected, run } from "./rule-cases.ts";

/**
 * The crashes and holes of issue 7, each as the exact diagnostic the validator now gives. The
 * warning every change to the English original gives on its French translation is left out.
 */
const ENTRY = "countries/ken/activities/example-strategy-2020";
const ACTIVITY = `${ENTRY}/activity.json`;
const ENGLISH = `${ENTRY}/en.md`;
const UNPUBLISHABLE = "which cannot be published: feeds cannot carry it and pages and terminals would misread it.";
const edit = (from: string, to: string) => (text: string) => {
  if (!text.includes(from)) throw new Error(`${from} is not in the baseline`);
  return text.replace(from, to);
};
const inBody = (markdown: string) => ({ [ENGLISH]: edit("Nothing real.", markdown) });

const CASES: Array<{ name: string; change: Parameters<typeof run>[0]; expected: Expected[] }> = [
  {
    name: "2,000 nested arrays in activity.json",
    change: { [ACTIVITY]: edit('"level": "national"', `"level": ${"[".repeat(2000)}${"]".repeat(2000)}`) },
    expected: [
      {
        ruleId: "strict-json",
        file: ACTIVITY,
        line: 4,
        column: 43,
        message: "The data is nested more than 32 levels deep here (lists or objects inside each other); no entry needs that many.",
      },
    ],
  },
  {
    name: "5,000 nested flow sequences in the frontmatter",
    change: { [ENGLISH]: edit("title: Example national strategy", `title: ${"[".repeat(5000)}${"]".repeat(5000)}`) },
    expected: [
      {
        ruleId: "safe-yaml",
        file: ENGLISH,
        line: 2,
        column: 23,
        message: "The frontmatter is nested more than 16 levels deep; it only needs title, summary and a translation: block.",
      },
    ],
  },
  {
    name: "3,000 nested block quotes",
    change: inBody(`${"> ".repeat(3000)}x`),
    expected: [{ ruleId: "narratives", file: ENGLISH, line: 12, column: 1, message: "Block quotes and lists are nested more than 16 levels deep here." }],
  },
  {
    name: "50,000 alternating *_",
    change: inBody("*_".repeat(50_000)),
    expected: [
      {
        ruleId: "narratives",
        file: ENGLISH,
        line: 12,
        column: 1,
        message: "This paragraph has more than 1,000 formatting marks (* _ ~ [ ] < `), more than any text needs.",
      },
    ],
  },
  {
    name: "a summary written as a folded YAML block",
    change: {
      [ENGLISH]: edit(
        "summary: A synthetic entry that the tests use as a valid baseline.",
        "summary: >\n  A synthetic entry that the tests\n  use as a valid baseline.",
      ),
    },
    expected: [{ ruleId: "one-line", file: ENGLISH, line: 3, column: 10, message: "summary: this text must be on one line, but it holds a line break." }],
  },
  {
    name: "a carriage return in an organisation's name",
    change: { [ACTIVITY]: edit('"Example Ministry"', '"Example\\rMinistry"') },
    expected: [{ ruleId: "one-line", file: ACTIVITY, line: 7, column: 22, message: "lead[0].name: this text must be on one line, but it holds a line break." }],
  },
  {
    name: "a line separator in a title",
    change: { [ENGLISH]: edit("title: Example national strategy", 'title: "Example national\\u2028strategy"') },
    expected: [
      { ruleId: "one-line", file: ENGLISH, line: 2, column: 8, message: "title: this text must be on one line, but it holds a line separator (U+2028)." },
    ],
  },
  {
    name: "an escape character in a title, written as a YAML escape",
    change: { [ENGLISH]: edit("title: Example national strategy", 'title: "Example \\e[31mnational strategy"') },
    expected: [{ ruleId: "unicode", file: ENGLISH, line: 2, column: 8, message: `title contains a control character (U+001B), ${UNPUBLISHABLE}` }],
  },
  {
    name: "a NUL in a summary, written as a JSON-style escape",
    change: {
      [ENGLISH]: edit(
        "summary: A synthetic entry that the tests use as a valid baseline.",
        'summary: "A synthetic entry\\0 that the tests use as a valid baseline."',
      ),
    },
    expected: [{ ruleId: "unicode", file: ENGLISH, line: 3, column: 10, message: `summary contains a control character (U+0000), ${UNPUBLISHABLE}` }],
  },
  {
    name: "a lone surrogate in an organisation's name",
    change: { [ACTIVITY]: edit('"Example Ministry"', '"Example \\ud800 Ministry"') },
    expected: [{ ruleId: "unicode", file: ACTIVITY, line: 7, column: 22, message: `lead[0].name contains a lone surrogate (U+D800), ${UNPUBLISHABLE}` }],
  },
  {
    name: "U+FFFE in the body",
    change: inBody("Nothing \uFFFE real."),
    expected: [{ ruleId: "unicode", file: ENGLISH, line: 12, column: 9, message: `The text contains a noncharacter (U+FFFE), ${UNPUBLISHABLE}` }],
  },
  {
    name: "jav&#x09;ascript: (a tab, once decoded)",
    change: inBody("Nothing [real](jav&#x09;ascript:alert(1))."),
    expected: [
      {
        ruleId: "links",
        file: ENGLISH,
        line: 12,
        column: 9,
        message: 'Link "jav<U+0009>ascript:alert(1)": "javascript:" addresses are not allowed; only https web pages.',
      },
    ],
  },
  {
    name: "&#106;avascript: (an entity for the first letter)",
    change: inBody("Nothing [real](&#106;avascript:alert(1))."),
    expected: [
      {
        ruleId: "links",
        file: ENGLISH,
        line: 12,
        column: 9,
        message: 'Link "javascript:alert(1)": "javascript:" addresses are not allowed; only https web pages.',
      },
    ],
  },
  {
    name: "a line feed inside javascript: in a reference definition",
    change: inBody("Nothing [real][x].\n\n[x]: <jav&#x0A;ascript:alert(1)>"),
    expected: [
      {
        ruleId: "links",
        file: ENGLISH,
        line: 14,
        column: 1,
        message: 'Link "jav<U+000A>ascript:alert(1)": "javascript:" addresses are not allowed; only https web pages.',
      },
    ],
  },
  {
    name: "VBScript: in mixed case",
    change: inBody("Nothing [real](VBScript:msgbox(1))."),
    expected: [
      {
        ruleId: "links",
        file: ENGLISH,
        line: 12,
        column: 9,
        message: 'Link "VBScript:msgbox(1)": "vbscript:" addresses are not allowed; only https web pages.',
      },
    ],
  },
  {
    name: "an SVG image as a data: address",
    change: inBody("Nothing ![real](data:image/svg+xml;base64,PHN2Zz4=)."),
    expected: [
      {
        ruleId: "links",
        file: ENGLISH,
        line: 12,
        column: 9,
        message: 'Link "data:image/svg+xml;base64,PHN2Zz4=": "data:" addresses are not allowed; only https web pages.',
      },
    ],
  },
  {
    name: "a zero-width space inside a narrative's link",
    change: inBody("Nothing [real](https://exa\u200Bmple.org/)."),
    expected: [
      {
        ruleId: "links",
        file: ENGLISH,
        line: 12,
        column: 9,
        message: 'Link "https://exa<U+200B>mple.org/": the address contains an invisible zero-width space (U+200B).',
      },
    ],
  },
];

describe("hostile input gets one clear diagnostic", () => {
  test.for(CASES)("$name", ({ change, expected }) => {
    const found = run(change)
      .filter((d) => d.file === ACTIVITY || d.file === ENGLISH)
      .filter((d) => d.severity === "error")
      .map(({ ruleId, severity, file, line, column, message }) => ({ ruleId, severity, file, line, column, message }));
    expect(found).toEqual(expected.map((e) => ({ severity: "error", ...e })));
  });
});

describe("many copies of one entry", () => {
  test("give one warning per copy and shared field, naming three others, not one per pair", () => {
    const copies = 60;
    const change: Parameters<typeof run>[0] = {};
    for (const [path, text] of Object.entries(baselineFiles()))
      if (path.startsWith(`${ENTRY}/`)) for (let n = 1; n <= copies; n++) change[path.replace(ENTRY, `${ENTRY}-copy-${n}`)] = text;
    const warnings = run(change).filter((d) => d.ruleId === "duplicates");
    // Two shared links and a title in two languages, for each of the 61 entries.
    expect(warnings).toHaveLength((copies + 1) * 4);
    const original = warnings.filter((d) => d.file === ACTIVITY);
    expect(original.map((d) => d.message)).toEqual([
      "links[0]: the same source is used by ken/example-strategy-2020-copy-1, ken/example-strategy-2020-copy-10, ken/example-strategy-2020-copy-11 and 57 more entries. Is it the same activity entered twice?",
      "links[1]: the same source is used by ken/example-strategy-2020-copy-1, ken/example-strategy-2020-copy-10, ken/example-strategy-2020-copy-11 and 57 more entries. Is it the same activity entered twice?",
    ]);
    expect(warnings.find((d) => d.file === ENGLISH)?.message).toBe(
      "The title is almost the same as those of ken/example-strategy-2020-copy-1, ken/example-strategy-2020-copy-10, ken/example-strategy-2020-copy-11 and 57 more entries. Is it the same activity entered twice?",
    );
  });
});
