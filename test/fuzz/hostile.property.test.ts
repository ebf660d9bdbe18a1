import fc from "fast-check";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { defaultSchema } from "rehype-sanitize";
import { describe, expect, test } from "vitest";
import { parseFrontmatter, splitNarrative } from "../../scripts/lib/load/frontmatter.ts";
import { parseJson } from "../../scripts/lib/load/json.ts";
import { parseNarrative, proseSpans } from "../../scripts/lib/load/narrative.ts";
import { memorySource } from "../../scripts/lib/load/source.ts";
import { escapeHtml, escapeXml } from "../../scripts/lib/present/html.ts";
import { loadCatalog } from "../../scripts/lib/schema/catalog.ts";
import { renderMarkdown } from "../../scripts/lib/site/markdown.ts";
import { exitCodeOf, validateRepository } from "../../scripts/lib/validate/index.ts";
import { baselineFiles, PROJECT_ROOT } from "../support/repo.ts";

/**
 * Fuzzing of the code that reads untrusted files and writes untrusted text: fixed seeds so that a
 * failure is reproducible, and work bounded by the size of the inputs (never by a clock), so that
 * the tests pass the same on an idle and on a loaded machine. Raise numRuns locally to search harder.
 */
const seed = (value: number, numRuns: number) => ({ seed: value, numRuns }) as const;

/** Pieces that broke parsers, rules or writers of this kind of tool, mixed with random text below. */
const FRAGMENTS = [
  "{",
  "}",
  "[",
  "]",
  '"',
  ",",
  ":",
  "\\",
  "\\u0000",
  "\\ud800",
  "1e400",
  "-0",
  '"__proto__": {"x": 1}',
  '"constructor": {"prototype": {}}',
  "\uFEFF",
  "\u0000",
  "\u001b[2J",
  "\uFFFE",
  "\uD800",
  "\uDC00x",
  "\u202E",
  "\u200B",
  "\r",
  "\n",
  "\r\n",
  "\t",
  "---\n",
  "...\n",
  "&a [x, y]\n",
  "*a\n",
  "<<: *a\n",
  "!!binary aGk=\n",
  "!!js/function f\n",
  "key: value\n",
  "title: |\n  two\n  lines\n",
  "> ",
  ">>>>>>>>",
  "- ",
  "1. ",
  "    ",
  "*_",
  "_*",
  "**",
  "`",
  "```\n",
  "# ",
  "===\n",
  "| a | b |\n|---|---|\n",
  "[x](javascript:alert(1))",
  "[x](jav&#x09;ascript:alert(1))",
  "[x](JaVaScRiPt:alert(1))",
  "[x](vbscript:msgbox(1))",
  "[x](data:text/html;base64,PHNjcmlwdD4=)",
  "[x][r]\n\n[r]: javascript:alert(1)\n",
  "![i](https://tracker.example/p.gif)",
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "<svg onload=alert(1)>",
  "<a href='javascript:alert(1)'>x</a>",
  "<!--",
  "-->",
  "]]>",
  "<![CDATA[",
  "&amp;",
  "&#0;",
  "&#x1b;",
  "a@b.example",
  "@mallory",
  "=cmd|' /C calc'!A0",
  "Ωμέγα",
  "مرحبا",
  "儿童",
  "👩‍👧",
  "e\u0301",
];

/** Text an attacker could write: fragments, random code points (lone surrogates included) and repeats, a few KB at most. */
const hostileText = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...FRAGMENTS) },
      { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 8 }) },
      { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...FRAGMENTS), fc.integer({ min: 2, max: 300 })).map(([piece, times]) => piece.repeat(times)) },
    ),
    { maxLength: 24 },
  )
  .map((parts) => parts.join(""));

/** Deep nesting of one construct, up to thousands of levels (the sizes that overflowed the stack). */
const deepNesting = fc
  .tuple(fc.constantFrom(["[", "]"], ['{"a":', "}"], ["> ", ""], ["- ", ""], ["  - ", ""], ["*", "*"], ["[", "](x)"]), fc.integer({ min: 1, max: 6000 }))
  .map(([[open, close], depth]) => `${open.repeat(depth)}x${close.repeat(depth)}`);

const anyInput = fc.oneof({ weight: 3, arbitrary: hostileText }, { weight: 1, arbitrary: deepNesting });

describe("the loaders never throw and always answer", () => {
  test("parseJson: a value or problems, for any text (fixed seed)", () => {
    fc.assert(
      fc.property(anyInput, (text) => {
        const parsed = parseJson(text, "x/activity.json");
        expect(parsed.problems.length > 0 || parsed.value !== undefined || text.trim() === "null").toBe(true);
        for (const problem of parsed.problems) expect(problem.message).not.toMatch(/Maximum call stack|Invalid string length/);
      }),
      seed(20261201, 400),
    );
  });

  test("parseNarrative: frontmatter, body bound or tree, and prose, for any text (fixed seed)", () => {
    fc.assert(
      fc.property(anyInput, anyInput, (yaml, body) => {
        const narrative = parseNarrative(`---\n${yaml}\n---\n${body}`, "x/en.md", "en");
        // Reading every part: the body is parsed on first use.
        expect(narrative.bodyProblem !== undefined || narrative.tree.type === "root").toBe(true);
        proseSpans(narrative);
        const frontmatter = parseFrontmatter(splitNarrative(`---\n${yaml}\n---\n`).yaml ?? "", 2, "x/en.md");
        for (const problem of frontmatter.problems) expect(problem.message).not.toMatch(/Maximum call stack|Invalid string length/);
      }),
      seed(20261202, 300),
    );
  });
});

describe("the validator never throws, and no rule crashes", () => {
  const catalog = loadCatalog(PROJECT_ROOT);
  const entry = "countries/ken/activities/example-strategy-2020";
  const files = [`${entry}/activity.json`, `${entry}/en.md`, `${entry}/fr.md`, "countries/ken/country.json"];

  test("any file of an entry replaced by hostile text gives diagnostics and exit 0 or 1 (fixed seed)", () => {
    fc.assert(
      fc.property(fc.constantFrom(...files), anyInput, fc.boolean(), (file, text, keepFrontmatter) => {
        const content = keepFrontmatter && file.endsWith(".md") ? `---\ntitle: T\nsummary: S.\n---\n${text}` : text;
        const source = memorySource({ ...baselineFiles(), [file]: content });
        const { diagnostics } = validateRepository({ source, catalog, targets: [entry], now: new Date("2026-06-01T00:00:00Z") });
        const crashed = diagnostics.filter((d) => d.ruleId === "rule-crashed" || /Maximum call stack|Invalid string length/.test(d.message));
        expect(crashed).toEqual([]);
        expect([0, 1]).toContain(exitCodeOf(diagnostics));
        for (const d of diagnostics) expect(d.line).toBeGreaterThanOrEqual(1);
      }),
      seed(20261203, 80),
    );
  });
});

/** Tag and attribute names GitHub's sanitizer schema allows: anything else in the output is live markup that got through. */
const ALLOWED_TAGS = new Set(defaultSchema.tagNames ?? []);
const ALLOWED_ATTRIBUTES = new Set(
  Object.values(defaultSchema.attributes ?? {})
    .flat()
    .map((attribute) => String(Array.isArray(attribute) ? attribute[0] : attribute))
    // The schema names hast properties (className, ariaDescribedBy); the output has HTML attributes.
    .map((property) => (property === "className" ? "class" : property.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)))
    .concat(["rel"]),
);
/** What a browser reads an address as: entities decoded, tabs, line breaks and leading controls dropped. */
function browserUrl(value: string): string {
  const decoded = value
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_, decimal: string) => String.fromCodePoint(Number(decimal)))
    .replace(/&(amp|quot|lt|gt|apos);/g, (_, name: string) => ({ amp: "&", quot: '"', lt: "<", gt: ">", apos: "'" })[name] ?? "");
  return decoded.replace(/[\t\n\r]/g, "").replace(/^[\u0000-\u0020]+/, "");
}

/** Every tag of a serialised HTML fragment: text is escaped, so each < outside a tag opens one. */
function tagsOf(html: string): Array<{ name: string; attributes: Array<[string, string]> }> {
  const tags: Array<{ name: string; attributes: Array<[string, string]> }> = [];
  for (let index = html.indexOf("<"); index >= 0; ) {
    const match = /^<\/?([a-z][a-z0-9]*)((?:\s+[a-zA-Z][a-zA-Z0-9:-]*(?:="[^"]*")?)*)\s*\/?>/.exec(html.slice(index));
    if (!match) throw new Error(`a < that opens no well-formed tag: ${JSON.stringify(html.slice(index, index + 40))}`);
    const attributes = [...(match[2] ?? "").matchAll(/([a-zA-Z][a-zA-Z0-9:-]*)(?:="([^"]*)")?/g)].map((m): [string, string] => [m[1] ?? "", m[2] ?? ""]);
    tags.push({ name: match[1] ?? "", attributes });
    // On after the tag: a quoted attribute value may hold a <.
    index = html.indexOf("<", index + match[0].length);
  }
  return tags;
}

describe("the escapers let no live markup through", () => {
  test("escapeHtml: no markup character survives, and the text reads back (fixed seed)", () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const escaped = escapeHtml(text);
        expect(escaped).not.toMatch(/[<>"']/);
        expect(escaped).not.toMatch(/&(?!(amp|lt|gt|quot|#39);)/);
        const back = escaped.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" })[name] ?? "");
        // Code point by code point the same, except characters a document may not hold (U+FFFD).
        const [before, after] = [[...text], [...back]];
        expect(after.length).toBe(before.length);
        expect(after.filter((c, i) => c !== before[i] && c !== "\uFFFD")).toEqual([]);
      }),
      seed(20261204, 500),
    );
  });

  test("escapeXml: any text in content and attributes is well-formed XML with no element of its own (fixed seed)", () => {
    const parser = new XMLParser({ ignoreAttributes: false, trimValues: false, parseTagValue: false, parseAttributeValue: false });
    fc.assert(
      fc.property(hostileText, (text) => {
        const xml = `<t a="${escapeXml(text)}">${escapeXml(text)}</t>`;
        expect(XMLValidator.validate(xml)).toBe(true);
        const read = parser.parse(xml) as Record<string, unknown>;
        expect(Object.keys(read)).toEqual(["t"]);
        const t = read.t;
        if (typeof t === "object" && t !== null) expect(Object.keys(t).filter((key) => key !== "#text" && key !== "@_a")).toEqual([]);
      }),
      seed(20261205, 300),
    );
  });

  test("renderMarkdown: only allowed tags and attributes, no event handler, no script address (fixed seed)", () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const output = renderMarkdown(text).value;
        expect(output).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
        for (const tag of tagsOf(output)) {
          expect(ALLOWED_TAGS, tag.name).toContain(tag.name);
          for (const [name, value] of tag.attributes) {
            expect(name).not.toMatch(/^on/i);
            expect(ALLOWED_ATTRIBUTES, name).toContain(name);
            if (name === "href" || name === "src") expect(browserUrl(value)).not.toMatch(/^(javascript|vbscript|data|file):/i);
          }
        }
      }),
      seed(20261206, 300),
    );
  });
});
