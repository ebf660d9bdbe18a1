import { describe, expect, test } from "vitest";
import { parseFrontmatter, splitNarrative } from "../../scripts/lib/load/frontmatter.ts";
import { parseJson } from "../../scripts/lib/load/json.ts";
import { fieldName, LineIndex, PositionIndex } from "../../scripts/lib/load/positions.ts";

describe("parseJson reads JSON strictly, with positions", () => {
  test("a __proto__ key stays an own property and pollutes nothing", () => {
    const { value, problems } = parseJson('{ "__proto__": { "polluted": true }, "constructor": { "prototype": { "x": 1 } } }', "a.json");
    expect(problems).toEqual([]);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value as object)).toEqual(["__proto__", "constructor"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test.for([
    ['{"a": 1, "a": 2}', 1, 10, 'The key "a" appears twice in the same object (first on line 1); only one can count.'],
    ['{"a": [1, 2,]}', 1, 13, "This is not valid JSON: there is a comma after the last item."],
    ['{"a": 1} {"b": 2}', 1, 10, "This is not valid JSON: there is more text after the end of the data."],
    ["{'a': 1}", 1, 2, "This is not valid JSON: unexpected character '''."],
    ["\uFEFF{}", 1, 1, "The file starts with an invisible byte-order mark (BOM)."],
  ] as const)("%s", ([text, line, column, message]) => {
    expect(parseJson(text, "a.json").problems.map((p) => [p.line, p.column, p.message])).toEqual([[line, column, message]]);
  });

  test("every value and key has its position", () => {
    const { positions } = parseJson('{\n  "links": [\n    { "url": "https://example.org" }\n  ]\n}', "a.json");
    expect(positions.valueAt("/links/0/url")).toMatchObject({ line: 3, column: 14 });
    expect(positions.keyAt("/links/0/url")).toMatchObject({ line: 3, column: 7 });
    expect(positions.valueAt("/links/0/missing")).toMatchObject({ line: 3, column: 5 });
  });
});

describe("parseFrontmatter refuses unsafe YAML", () => {
  test("a billion-laughs document is refused without expanding it", () => {
    const lol = [
      'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
      ...Array.from(
        { length: 8 },
        (_, i) =>
          `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9)
            .fill(`*${String.fromCharCode(97 + i)}`)
            .join(",")}]`,
      ),
    ].join("\n");
    const started = performance.now();
    const parsed = parseFrontmatter(lol, 2, "en.md");
    expect(performance.now() - started).toBeLessThan(1000);
    expect(parsed.value).toBeUndefined();
    expect(parsed.problems.some((p) => p.message === "YAML aliases (*name) are not allowed in frontmatter.")).toBe(true);
  });

  test.for([
    ["title: !!js/function 'function () {}'", "Unknown YAML tag !!js/function: tags are not allowed in frontmatter."],
    ["title: a\ntitle: b", "The same key appears twice in the frontmatter; only one can count."],
    ["<<: {title: a}", undefined],
  ] as const)("%s", ([yaml, message]) => {
    const parsed = parseFrontmatter(yaml, 2, "en.md");
    if (message === undefined) {
      // Merge keys are off: "<<" is an ordinary key, which the schema then refuses.
      expect(parsed.value).toEqual({ "<<": { title: "a" } });
    } else {
      expect(parsed.problems.map((p) => p.message)).toContain(message);
    }
  });

  test("dates and numbers-looking text follow YAML 1.2 core: 2019-06-30 stays text", () => {
    expect(parseFrontmatter("title: 2019-06-30\nsummary: yes", 2, "en.md").value).toEqual({ title: "2019-06-30", summary: "yes" });
  });

  test("splitNarrative finds the body after the second --- line, with its line number", () => {
    const split = splitNarrative("---\ntitle: a\n---\n\n## Context\n\ntext\n---\nnot frontmatter\n");
    expect(split.yaml).toBe("title: a\n");
    expect(split.bodyLine).toBe(4);
    expect(split.body).toBe("\n## Context\n\ntext\n---\nnot frontmatter\n");
  });
});

describe("positions", () => {
  test.for([
    ["/links/0/url", "links[0].url"],
    ["/topics/2", "topics[2]"],
    ["/a~1b", "a/b"],
    ["", ""],
  ] as const)("fieldName(%s) = %s", ([pointer, name]) => {
    expect(fieldName(pointer)).toBe(name);
  });

  test("LineIndex converts offsets to 1-based lines and columns", () => {
    const index = new LineIndex("ab\ncd\n\nef");
    expect([0, 1, 3, 6, 7].map((offset) => index.position(offset))).toEqual([
      { line: 1, column: 1 },
      { line: 1, column: 2 },
      { line: 2, column: 1 },
      { line: 3, column: 1 },
      { line: 4, column: 1 },
    ]);
  });

  test("an unknown pointer falls back to its nearest known ancestor, then to the start of the file", () => {
    const positions = new PositionIndex();
    positions.set("/a", { value: { line: 3, column: 4 } });
    expect(positions.valueAt("/a/b/c")).toEqual({ line: 3, column: 4 });
    expect(positions.valueAt("/z")).toEqual({ line: 1, column: 1 });
  });
});
