import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, test } from "vitest";
import { MAX_FILE_BYTES } from "../../scripts/lib/load/files.ts";
import { parseFrontmatter, splitNarrative } from "../../scripts/lib/load/frontmatter.ts";
import { parseJson, parseWithPositions } from "../../scripts/lib/load/json.ts";
import { fieldName, LineIndex, PositionIndex, pointerSegment } from "../../scripts/lib/load/positions.ts";
import { diskSource, keepingListings } from "../../scripts/lib/load/source.ts";

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

describe("parseJson's quick reading of plain JSON is the strict reading", () => {
  /** Every JSON pointer of a parsed value, the root included. */
  const pointers = (value: unknown, at = ""): string[] =>
    value !== null && typeof value === "object"
      ? [at, ...Object.entries(value).flatMap(([key, child]) => pointers(child, `${at}/${pointerSegment(key)}`))]
      : [at];
  const same = (text: string) => {
    const quick = parseJson(text, "a.json");
    const strict = parseWithPositions(text, "a.json");
    expect(quick.value).toEqual(strict.value);
    if (quick.value !== null && typeof quick.value === "object") expect(Object.keys(quick.value)).toEqual(Object.keys(strict.value as object));
    expect(quick.problems).toEqual(strict.problems);
    for (const pointer of pointers(strict.value)) {
      expect(quick.positions.valueAt(pointer)).toEqual(strict.positions.valueAt(pointer));
      expect(quick.positions.keyAt(pointer)).toEqual(strict.positions.keyAt(pointer));
    }
  };
  // Keys that collide once parsed, escapes that hide quotes and colons inside strings.
  const key = fc.oneof(fc.string(), fc.constantFrom("a", "__proto__", "constructor", 'a":', '\\"', "0", "1", "\u0061"));
  const value = fc.letrec((tie) => ({
    node: fc.oneof(
      { depthSize: "small" },
      fc.jsonValue({ maxDepth: 2 }),
      fc.array(tie("node"), { maxLength: 4 }),
      fc.array(fc.tuple(key, tie("node")), { maxLength: 5 }),
    ),
  })).node;
  /** A JSON text written by hand: members as tuples, so that a key can appear twice. */
  const write = (node: unknown, space: string): string =>
    Array.isArray(node) && node.every((m) => Array.isArray(m) && m.length === 2 && typeof m[0] === "string") && node.length > 0
      ? `{${space}${node.map(([k, v]) => `${JSON.stringify(k)}${space}:${space}${write(v, space)}`).join(`,${space}`)}${space}}`
      : Array.isArray(node)
        ? `[${space}${node.map((item) => write(item, space)).join(`,${space}`)}${space}]`
        : JSON.stringify(node);

  test("property: same value, key order, problems and positions, duplicate keys and odd spacing included (fixed seed)", () => {
    fc.assert(
      fc.property(value, fc.constantFrom("", " ", "\n  ", "\t", "\r\n"), (node, space) => same(write(node, space))),
      { seed: 20261202, numRuns: 400 },
    );
  });

  test("property: any text at all gives the strict reading's value and problems (fixed seed)", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.json(),
          fc.string(),
          fc.json().map((t) => `\uFEFF${t}`),
          fc.json().map((t) => `${t},`),
        ),
        (text) => {
          const quick = parseJson(text, "a.json");
          const strict = parseWithPositions(text, "a.json");
          expect(quick.value).toEqual(strict.value);
          expect(quick.problems).toEqual(strict.problems);
        },
      ),
      { seed: 20261203, numRuns: 400 },
    );
  });

  test("a duplicate key hidden among escaped quotes still takes the strict reading", () => {
    const text = '{"a": "x\\":\\"", "b\\"": 1, "a": 2}';
    expect(parseJson(text, "a.json").problems.map((p) => p.ruleId)).toEqual(["strict-json"]);
    same(text);
  });
});

describe("diskSource never reads through a linked folder", () => {
  test("a folder linked out of the repository stays unread, before and after the listing and other reads", () => {
    const root = mkdtempSync(join(tmpdir(), "cop-source-"));
    const outside = mkdtempSync(join(tmpdir(), "cop-outside-"));
    writeFileSync(join(outside, "country.json"), "{}");
    mkdirSync(join(root, "countries/ken"), { recursive: true });
    writeFileSync(join(root, "countries/ken/country.json"), "{}");
    symlinkSync(outside, join(root, "countries/rwa"));
    const source = diskSource(root);
    expect(source.read("countries/rwa/country.json")).toBeUndefined();
    expect(source.list("countries")).toEqual(["countries/ken/country.json", "countries/rwa"]);
    expect(source.read("countries/ken/country.json")?.text).toBe("{}");
    expect(source.read("countries/rwa/country.json")).toBeUndefined();
    expect(source.read("countries/rwa")).toMatchObject({ symlink: true });
  });
});

describe("diskSource reads a listed file as what it is at the read, not at the listing", () => {
  // A read after a listing opens the file without an lstat first: a file swapped since must still
  // be seen for what it has become, never followed, opened and waited on, or read past the limit.
  const root = mkdtempSync(join(tmpdir(), "cop-swapped-"));
  const outside = mkdtempSync(join(tmpdir(), "cop-outside-"));
  writeFileSync(join(outside, "secret.md"), "secret");
  mkdirSync(join(root, "countries/ken"), { recursive: true });
  for (const name of ["plain.md", "link.md", "pipe.md", "large.md", "gone.md", "folder.md", "binary.md"]) {
    writeFileSync(join(root, "countries/ken", name), "listed");
  }
  const source = diskSource(root);
  const listed = source.list("countries/ken");
  const swap = (name: string, make: (path: string) => void) => {
    rmSync(join(root, "countries/ken", name));
    make(join(root, "countries/ken", name));
  };
  swap("link.md", (path) => symlinkSync(join(outside, "secret.md"), path));
  swap("pipe.md", (path) => execFileSync("mkfifo", [path]));
  swap("large.md", (path) => writeFileSync(path, "x".repeat(MAX_FILE_BYTES + 1)));
  swap("gone.md", () => {});
  swap("folder.md", (path) => mkdirSync(path));
  swap("binary.md", (path) => writeFileSync(path, new Uint8Array([1, 0, 2])));
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  test.for<[string, unknown]>([
    ["plain.md", { text: "listed", size: 6, symlink: false }],
    ["link.md", { symlink: true }],
    ["pipe.md", { special: "a named pipe", symlink: false }],
    ["large.md", { tooLarge: true, size: MAX_FILE_BYTES + 1 }],
    ["gone.md", undefined],
    ["folder.md", undefined],
    ["binary.md", { binary: true, size: 3 }],
  ])("%s", ([name, expected]) => {
    expect(listed).toContain(`countries/ken/${name}`);
    const file = source.read(`countries/ken/${name}`);
    if (expected === undefined) expect(file).toBeUndefined();
    else expect(file).toMatchObject(expected as object);
    expect(file?.text).not.toBe("secret");
  });
});

describe("keepingListings answers a folder below a kept listing as the disk does", () => {
  const root = mkdtempSync(join(tmpdir(), "cop-listings-"));
  // "ken" sorts before "ken-x" by name, but "countries/ken-x/..." before "countries/ken/..." as strings.
  for (const path of [
    "ken/country.json",
    "ken/activities/a/activity.json",
    "ken/activities/a/en.md",
    "ken/activities/b/activity.json",
    "ken-x/notes.txt",
    "rwa/country.json",
  ]) {
    mkdirSync(join(root, "countries", path, ".."), { recursive: true });
    writeFileSync(join(root, "countries", path), "{}");
  }
  mkdirSync(join(root, "countries/empty"));
  symlinkSync(join(root, "countries/rwa"), join(root, "countries/linked"));
  const disk = diskSource(root);
  const kept = keepingListings(disk);
  const whole = kept.list("countries");
  // Gone from the disk after the listing: what follows is answered from the kept listing.
  rmSync(join(root, "countries/rwa/country.json"));

  test.for([
    "countries/ken",
    "countries/ken/activities",
    "countries/ken/activities/a",
    "countries/ken-x",
    "countries/empty",
    "countries/linked",
    "countries/missing",
    "countries/ken/country.json",
  ])("%s", (folder) => {
    expect(kept.list(folder)).toEqual(whole.filter((path) => path.startsWith(`${folder}/`)));
    expect(kept.list(folder)).toEqual(disk.list(folder));
  });

  test("a kept listing is not read again, and a caller cannot change it", () => {
    expect(kept.list("countries/rwa")).toEqual(["countries/rwa/country.json"]);
    expect(disk.list("countries/rwa")).toEqual([]);
    kept.list("countries").length = 0;
    expect(kept.list("countries")).toEqual(whole);
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
