import fc from "fast-check";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { expect, test, vi } from "vitest";
import { generateFiles } from "../../scripts/lib/bench/generate.ts";
import { splitNarrative } from "../../scripts/lib/load/frontmatter.ts";
import { parsePlainMarkdown } from "../../scripts/lib/load/plain-markdown.ts";
import { loadCatalog } from "../../scripts/lib/schema/catalog.ts";
import { baselineFiles } from "../support/repo.ts";

const markdown = unified().use(remarkParse).use(remarkGfm);
const RUNS = { seed: 1202, numRuns: 1500 } as const;

/** The quick reading either declines or gives exactly the parser's tree, positions included. */
function agrees(body: string): boolean {
  const plain = parsePlainMarkdown(body);
  if (plain === undefined) return false;
  expect(plain).toStrictEqual(markdown.parse(body));
  return true;
}

// Words in several scripts and directions (Arabic, Hebrew, Chinese, Cyrillic, accents, an emoji
// outside the BMP, a combining mark) and every construct the quick reading must notice.
const WORDS = ["policy", "Ministry", "مدرسة", "الأطفال", "שלום", "儿童", "安全", "дети", "école", "niños", "2024", "12", "👍🏽", "é", "x"];
const TRICKY = [
  "*",
  "**",
  "***",
  "_",
  "__",
  "~",
  "~~",
  "`",
  "``",
  "[",
  "]",
  "](",
  ")",
  "(",
  "!",
  "![",
  "[^1]",
  "]:",
  "<",
  ">",
  "<b>",
  "</b>",
  "&amp;",
  "&#x09;",
  "&nbsp;",
  "\\",
  "|",
  "#",
  "## ",
  "# ",
  "####### ",
  "- ",
  "-",
  "+ ",
  "* ",
  "1. ",
  "1) ",
  "2020. ",
  "> ",
  "=",
  "===",
  "---",
  "    ",
  "  ",
  " ",
  "\t",
  "\r\n",
  "\r",
  "\n",
  "\n\n",
  "\uFEFF",
  "\u00A0",
  "\u200F",
  "\u0000",
  "www.example.org",
  "https://example.org/a",
  "http://x.org",
  "mailto:a@b.org",
  "a@b.org",
  "@",
  ":",
  ".",
  ",",
  "?",
  '"',
  "'",
  "«",
  "[ ] ",
  "[x] ",
  "[a](https://e.org/a_b)",
  "[a](https://e.org/(x))",
  "[a](<https://e.org>)",
  '[a](https://e.org "t")',
  "[a]",
  "[a][b]",
  "\n[b]: https://e.org\n",
  "**a**",
  "**a** ",
  " **a**",
  "**a**b",
  "a**b**",
  "**a b**",
  "** a**",
  "**a **",
  "**[a](https://e.org)**",
  "[**a**](https://e.org)",
  "\n```\n",
  "\n~~~\n",
  "\n| a | b |\n| - | - |\n",
];
const fragment = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 2, arbitrary: fc.constantFrom(" ", "\n", "\n\n", ". ") },
  { weight: 2, arbitrary: fc.constantFrom(...TRICKY) },
  { weight: 1, arbitrary: fc.string({ maxLength: 4, unit: "binary" }) },
);
const anyBody = fc.array(fragment, { maxLength: 30 }).map((parts) => parts.join(""));

// Bodies of the plain subset (with a little of everything else mixed in), so that the quick
// reading answers often and its answers are compared.
const words = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 6 }).map((list) => list.join(" "));
const address = fc.constantFrom("https://example.org/a", "https://e.org/x?y=1#z", "mailto:a@b.org", "javascript:alert(1)", "http://e.org", "#part", "x");
const phrase = fc.oneof(
  { weight: 8, arbitrary: words },
  { weight: 2, arbitrary: words.map((text) => `**${text}**`) },
  { weight: 2, arbitrary: fc.tuple(words, address).map(([text, url]) => `[${text}](${url})`) },
  { weight: 1, arbitrary: fc.constantFrom(...TRICKY) },
);
const line = fc
  .array(phrase, { minLength: 1, maxLength: 4 })
  .map((phrases) => phrases.join(" "))
  .chain((text) => fc.constantFrom(text, `${text}.`, `(${text})`, `${text}:`));
const block = fc.oneof(
  { weight: 3, arbitrary: fc.array(line, { minLength: 1, maxLength: 3 }).map((lines) => lines.join("\n")) },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 1, max: 7 }), line).map(([depth, text]) => `${"#".repeat(depth)} ${text}`) },
  { weight: 1, arbitrary: fc.array(line, { minLength: 1, maxLength: 3 }).map((lines) => lines.map((text) => `- ${text}`).join("\n")) },
);
const plainBody = fc
  .tuple(fc.array(fc.tuple(block, fc.constantFrom("\n\n", "\n\n", "\n", "\n\n\n")), { maxLength: 6 }), fc.constantFrom("", "\n", "\n\n"), fc.boolean())
  .map(([blocks, end, leading]) => `${leading ? "\n" : ""}${blocks.map(([text, gap]) => text + gap).join("")}${end}`);

test("on any text, the quick reading declines or gives the parser's tree (property)", () => {
  fc.assert(
    fc.property(anyBody, (body) => void agrees(body)),
    RUNS,
  );
});

test("on plain bodies, the quick reading mostly answers, and gives the parser's tree (property)", () => {
  let answered = 0;
  fc.assert(
    fc.property(plainBody, (body) => {
      if (agrees(body)) answered++;
    }),
    RUNS,
  );
  // Many of the generated bodies are read quickly: the property compares real trees, not only refusals.
  expect(answered).toBeGreaterThan(RUNS.numRuns / 4);
});

test("every narrative the benchmark generates is read quickly, with the parser's tree", () => {
  const catalog = loadCatalog(process.cwd());
  let narratives = 0;
  for (const file of generateFiles(catalog, { entries: 40 })) {
    if (!file.path.endsWith(".md")) continue;
    narratives++;
    expect(agrees(splitNarrative(file.text).body), file.path).toBe(true);
  }
  expect(narratives).toBeGreaterThan(40);
});

test.for([
  ["paragraphs under headings", true, "\n## Context\n\nThe ministry **began** a [campaign](https://example.org/a).\nIt ran.\n\n### Results\n\nالأطفال 儿童\n"],
  ["a list between paragraphs", true, "Intro.\n\n- one\n- **two** three\n- [four](https://e.org/4)\n\nAfter."],
  ["an empty body", true, ""],
  ["blank lines only", true, "\n\n"],
  ["a list right after a paragraph line", false, "Intro.\n- one\n"],
  ["a list, a blank line and another item (a loose list)", false, "- one\n\n- two\n"],
  ["a lazy line after a list item", false, "- one\ntwo\n"],
  ["bold glued to a word", false, "**a**b\n"],
  ["a closing # in a heading", false, "## Title #\n"],
  ["a reference definition", false, "[a]\n\n[a]: https://e.org\n"],
  ["a bare web address", false, "See www.example.org today.\n"],
  ["an e-mail address", false, "Write to a@b.org.\n"],
  ["an entity", false, "A &amp; B\n"],
  ["Windows line ends", false, "One\r\n\r\nTwo\r\n"],
  ["a byte order mark", false, "\uFEFFText\n"],
  ["a hard line break", false, "One  \nTwo\n"],
  ["raw HTML", false, "A <b>bold</b> move\n"],
  ["an ordered list", false, "1. One\n"],
  ["a setext heading", false, "Title\n===\n"],
  ["a table", false, "| a | b |\n| - | - |\n"],
] as const)("%s: read quickly %s, and as the parser reads it", ([, quick, body]) => {
  expect(agrees(body)).toBe(quick);
});

test("the rules report the same problems, at the same places, whether a body is read quickly or parsed (property)", async () => {
  const quick = await import("./rule-cases.ts");
  vi.resetModules();
  vi.doMock("../../scripts/lib/load/plain-markdown.ts", () => ({ parsePlainMarkdown: () => undefined }));
  const parsed = await import("./rule-cases.ts");
  vi.doUnmock("../../scripts/lib/load/plain-markdown.ts");
  const files = baselineFiles();
  const english = Object.keys(files).find((path) => path.endsWith("/en.md")) as string;
  const original = files[english] as string;
  const head = original.slice(0, original.length - splitNarrative(original).body.length);
  // Bodies with problems for every rule that reads them: links, e-mail addresses, phone numbers, terms to avoid, headings.
  const problem = fc.constantFrom(
    "[a](http://e.org)",
    "[a](javascript:alert(1))",
    "[write](mailto:jane.doe@e.org)",
    "jane.doe@example.org",
    "+41 22 730 5111",
    "child pornography",
    "**sexting**",
    "# Top",
    "#### Deep",
    "<b>x</b>",
  );
  const body = fc.oneof(
    plainBody,
    anyBody,
    fc.tuple(plainBody, problem, plainBody).map((parts) => parts.join(" ")),
  );
  let reported = 0;
  await fc.assert(
    fc.asyncProperty(body, async (text) => {
      const change = { [english]: `${head}${text}` };
      const expected = parsed.run(change);
      if (expected.length > 0) reported++;
      expect(quick.run(change)).toEqual(expected);
    }),
    { seed: 1202, numRuns: 200 },
  );
  expect(reported).toBeGreaterThan(20);
});
