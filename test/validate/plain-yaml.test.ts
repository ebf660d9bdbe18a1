import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { expect, test } from "vitest";
import { generateFiles } from "../../scripts/lib/bench/generate.ts";
import { parseFrontmatter, parseFrontmatterWithParser, splitNarrative } from "../../scripts/lib/load/frontmatter.ts";
import { parsePlainFrontmatter } from "../../scripts/lib/load/plain-yaml.ts";
import { pointerSegment } from "../../scripts/lib/load/positions.ts";
import { loadCatalog } from "../../scripts/lib/schema/catalog.ts";

const RUNS = { seed: 20261202, numRuns: 2000 } as const;

/** Every JSON pointer of a parsed value, the root included. */
const pointers = (value: unknown, at = ""): string[] =>
  value !== null && typeof value === "object"
    ? [at, ...Object.entries(value).flatMap(([key, child]) => pointers(child, `${at}/${pointerSegment(key)}`))]
    : [at];

/**
 * A value as nested entries, in key order, with each object's prototype: toStrictEqual ignores key
 * order, and takes an own "constructor" key for the object's class.
 */
const shape = (value: unknown): unknown =>
  Array.isArray(value)
    ? { list: value.map(shape) }
    : value !== null && typeof value === "object"
      ? { prototype: Object.getPrototypeOf(value), entries: Object.entries(value).map(([key, child]) => [key, shape(child)]) }
      : value;

/** The quick reading either declines or gives exactly the parser's value, key order, problems and positions. */
function agrees(yaml: string): boolean {
  const full = parseFrontmatterWithParser(yaml, 2, "en.md");
  const chosen = parseFrontmatter(yaml, 2, "en.md");
  expect(shape(chosen.value)).toStrictEqual(shape(full.value));
  expect(chosen.problems).toEqual(full.problems);
  const plain = parsePlainFrontmatter(yaml, 2);
  if (plain === undefined) return false;
  expect(full.problems).toEqual([]);
  expect(shape(plain.value)).toStrictEqual(shape(full.value));
  for (const pointer of pointers(full.value)) {
    expect(plain.positions.valueAt(pointer), `value at ${pointer}`).toEqual(full.positions.valueAt(pointer));
    expect(plain.positions.keyAt(pointer), `key at ${pointer}`).toEqual(full.positions.keyAt(pointer));
  }
  return true;
}

// Keys in and out of the subset: ones the core schema reads as numbers, booleans or null, ones that
// need quoting, and ones that collide with object internals.
const KEYS = [
  "title",
  "summary",
  "translation",
  "from",
  "officialTitles",
  "a",
  "b-c",
  "x_1",
  "y",
  "on",
  "1",
  "0x1F",
  "true",
  "Null",
  "__proto__",
  "constructor",
  "é",
  "a b",
  "-a",
];
// Values in and out of the subset: everything the core schema does not read as a string, every
// indicator, quotes with and without escapes, colons and hashes, spaces, and several scripts.
const VALUES = [
  "National Child Online Protection Strategy 2025–2029",
  'Law 27.590 "Mica Ortega", grooming',
  "Référentiel technique sur la vérification de l'âge",
  "مدرسة الأطفال",
  "儿童 安全",
  "дети 👍🏽",
  "C# and F#",
  "https://example.org/a?b=c#d",
  "a:b",
  "a [b] {c}, d",
  "yes",
  "no",
  "null",
  "Null",
  "~",
  "true",
  "FALSE",
  "1e3",
  "0x1F",
  "0o17",
  "017",
  "-12",
  "+1",
  "1_000",
  "3.14",
  ".5",
  "12.",
  ".inf",
  "-.INF",
  ".NaN",
  "2020-01-01",
  "12:30",
  "a: b",
  "a:",
  "a #b",
  "#b",
  "-",
  "- x",
  "-x",
  "? x",
  ": x",
  "&anchor x",
  "*alias",
  "!tag x",
  "!!str x",
  "| x",
  "> x",
  "%x",
  "@x",
  "`x`",
  "[a, b]",
  "{a: b}",
  ",x",
  "'single'",
  "'it''s'",
  "'open",
  "'a' b",
  '"double"',
  '"with \\" escape"',
  '"tab\\tand\\u00e9"',
  '""',
  "''",
  '"a" # note',
  "a # note",
  "\u00A0nbsp\u00A0",
  "x\ty",
  "a\u2028b",
  "a\u0085b",
  "\uFEFFbom",
  "...",
  "<<",
  "=",
  "",
];
// What a narrative may well hold, out-of-the-way values included, and then anything at all.
const TIDY_KEYS = ["title", "summary", "translation", "from", "officialTitles", "a", "b-c", "x_1", "y", "on", "constructor"];
const TIDY_VALUES = [...VALUES.slice(0, 12), "2020-01-01", "12:30", "'single'", "'it''s'", '"double"', '""', "''", "\u00A0nbsp\u00A0", "...", "<<", "="];

type Entry = { key: string; value: Value };
type Value = { scalar: string } | { map: Entry[] } | { list: string[] } | { empty: true };

/** Block YAML of generated entries, with the spacing, indentation and extra lines chosen for each line. */
function frontmatterOf(
  key: fc.Arbitrary<string>,
  scalar: fc.Arbitrary<string>,
  space: fc.Arbitrary<string>,
  trailing: fc.Arbitrary<string>,
  extra: fc.Arbitrary<string>,
  emptyWeight: number,
): fc.Arbitrary<string> {
  const value: fc.Arbitrary<Value> = fc.letrec<{ value: Value; entries: Entry[] }>((tie) => ({
    value: fc.oneof(
      { depthSize: "small" },
      { weight: 6, arbitrary: scalar.map((text) => ({ scalar: text })) },
      { weight: emptyWeight, arbitrary: fc.constant({ empty: true as const }) },
      { weight: 1, arbitrary: fc.array(scalar, { minLength: 1, maxLength: 3 }).map((list) => ({ list })) },
      { weight: 1, arbitrary: tie("entries").map((map) => ({ map: map as Entry[] })) },
    ),
    entries: fc.array(fc.record({ key, value: tie("value") as fc.Arbitrary<Value> }), { minLength: 1, maxLength: 4 }),
  })).value;
  return fc
    .record({
      entries: fc.array(fc.record({ key, value }), { minLength: 1, maxLength: 5 }),
      step: fc.constantFrom(2, 2, 4, 1),
      listIndent: fc.constantFrom(0, 2, 3),
      newline: fc.constantFrom("\n", "\n", "\r\n"),
      spaces: fc.array(space, { minLength: 7, maxLength: 7 }),
      trailings: fc.array(trailing, { minLength: 5, maxLength: 5 }),
      extras: fc.array(fc.option(extra, { freq: 6 }), { minLength: 11, maxLength: 11 }),
    })
    .map(({ entries, step, listIndent, newline, spaces, trailings, extras }) => {
      const lines: string[] = [];
      const pick = <T>(list: T[]) => list[lines.length % list.length] as T;
      const write = (items: Entry[], indent: string) => {
        for (const { key, value } of items) {
          const extraLine = pick(extras);
          if (extraLine !== null) lines.push(extraLine);
          if ("scalar" in value) lines.push(`${indent}${key}:${pick(spaces)}${value.scalar}${pick(trailings)}`);
          else if ("empty" in value) lines.push(`${indent}${key}:${pick(trailings)}`);
          else if ("list" in value) {
            lines.push(`${indent}${key}:`);
            for (const item of value.list) lines.push(`${indent}${" ".repeat(listIndent)}-${pick(spaces)}${item}${pick(trailings)}`);
          } else {
            lines.push(`${indent}${key}:`);
            write(value.map, `${indent}${" ".repeat(step)}`);
          }
        }
      };
      write(entries, "");
      return `${lines.join(newline)}${newline}`;
    });
}

const frontmatter = fc.oneof(
  frontmatterOf(
    fc.constantFrom(...TIDY_KEYS),
    fc.constantFrom(...TIDY_VALUES),
    fc.constantFrom(" ", " ", " ", "  "),
    fc.constantFrom("", "", "", " "),
    fc.constantFrom("# comment", "  # indented comment", "", "   "),
    0,
  ),
  frontmatterOf(
    fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...TIDY_KEYS) }, fc.constantFrom(...KEYS), fc.string({ maxLength: 4 })),
    fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...TIDY_VALUES) }, { weight: 3, arbitrary: fc.constantFrom(...VALUES) }, fc.string({ maxLength: 8 })),
    fc.constantFrom(" ", " ", "  ", "", "\t"),
    fc.constantFrom("", "", "", " ", "  ", " # c", "\t"),
    // Lines that a plain reading must skip or refuse: comments, blank lines, a continuation of the line before.
    fc.constantFrom("# comment", "  # indented comment", "", "   ", "  continued", "#", "...", "- stray", "\t"),
    1,
  ),
);

test("property: the quick reading declines or equals the parser's reading: value, key order, problems, every position (fixed seed)", () => {
  let answered = 0;
  fc.assert(
    fc.property(frontmatter, (yaml) => {
      if (agrees(yaml)) answered++;
    }),
    RUNS,
  );
  // Many generated texts are read quickly: the property compares real readings, not only refusals.
  expect(answered).toBeGreaterThan(RUNS.numRuns / 4);
});

test("property: any text at all gives the parser's value and problems (fixed seed)", () => {
  fc.assert(
    fc.property(
      fc.oneof(
        fc.string(),
        fc.string({ unit: "grapheme" }),
        fc.string().map((text) => `title: ${text}\n`),
      ),
      (yaml) => {
        agrees(yaml);
      },
    ),
    { seed: 20261203, numRuns: 500 },
  );
});

test.for([
  ["a title and a summary", "title: A title\nsummary: The summary.\n", true],
  ["a translation map and CRLF lines", 'title: Titre\r\ntranslation:\r\n  from: en\r\n  version: "bf53e6ad6f58"\r\n  method: machine\r\n', true],
  ["a list beside its key, and comments", "# note\nofficialTitles:\n- Loi n° 2024-449\n- 'Décret'\ntitle: x\n", true],
  ["a single-quoted value with a quote in it", "title: 'it''s'\n", true],
  ["a number", "title: 2024\n", false],
  ["a date, which the core schema leaves as text", "title: 2019-06-30\n", true],
  ["yes, which the core schema leaves as text", "title: yes\n", true],
  ["an empty value", "title:\nsummary: s\n", false],
  ["a duplicate key", "title: a\ntitle: b\n", false],
  ["an anchor", "title: &a x\n", false],
  ["a flow list", "officialTitles: [a, b]\n", false],
  ["a block scalar", "summary: |\n  text\n", false],
  ["a plain value over two lines", "summary: one\n  two\n", false],
  ["an escape in double quotes", 'title: "a\\tb"\n', false],
  ["a tab", "title:\tx\n", false],
  ["a comment after a value", "title: x # note\n", false],
] as const)("%s: read quickly %s", ([, yaml, quick]) => {
  expect(agrees(yaml)).toBe(quick);
});

test("the shipped narratives are read quickly, with the parser's reading", () => {
  let narratives = 0;
  const declined: string[] = [];
  for (const country of readdirSync("countries")) {
    const activities = join("countries", country, "activities");
    let slugs: string[];
    try {
      slugs = readdirSync(activities);
    } catch {
      continue;
    }
    for (const slug of slugs) {
      for (const name of readdirSync(join(activities, slug)).filter((file) => file.endsWith(".md"))) {
        const path = join(activities, slug, name);
        const split = splitNarrative(readFileSync(path, "utf8"));
        if (split.yaml === undefined) continue;
        narratives++;
        if (!agrees(split.yaml)) declined.push(path);
      }
    }
  }
  expect(narratives).toBeGreaterThan(50);
  expect(declined).toEqual([]);
});

test("every narrative the benchmark generates is read quickly, with the parser's reading", () => {
  const catalog = loadCatalog(process.cwd());
  let narratives = 0;
  for (const file of generateFiles(catalog, { entries: 40 })) {
    if (!file.path.endsWith(".md")) continue;
    narratives++;
    const split = splitNarrative(file.text);
    expect(agrees(split.yaml ?? ""), file.path).toBe(true);
  }
  expect(narratives).toBeGreaterThan(40);
});
