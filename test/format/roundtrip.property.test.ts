import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { isMap, isScalar, isSeq, type Node, parseDocument, parse as parseYaml, stringify as stringifyYaml } from "yaml";
import { formatJsonText } from "../../scripts/lib/format/json.ts";
import { formatNarrativeText } from "../../scripts/lib/format/narrative.ts";
import { loadFormatSchemas } from "../../scripts/lib/format/repository.ts";
import { splitNarrative } from "../../scripts/lib/load/frontmatter.ts";
import { PROJECT_ROOT } from "../support/repo.ts";
import { jsonKeyOrder, nfcDeep } from "./support.ts";

/** Fixed, so that a failure is reproducible; raise numRuns locally to search harder. */
const RUNS = { seed: 42, numRuns: 300 } as const;

const schemas = loadFormatSchemas(PROJECT_ROOT);
const nfc = (text: string) => text.normalize("NFC");

// ---------------------------------------------------------------------------------------------
// Expected key orders, read straight from the schema files (not through the code under test).

interface SchemaFile {
  properties: Record<string, { properties?: Record<string, unknown> }>;
  $defs: Record<string, { properties: Record<string, unknown> }>;
}
const readSchema = (name: string) => JSON.parse(readFileSync(join(PROJECT_ROOT, "schemas", name), "utf8")) as SchemaFile;
const common = readSchema("common.schema.json").$defs;
const keysOf = (definition: string) => Object.keys(common[definition]?.properties ?? {});
const ORDER = {
  activity: Object.keys(readSchema("activity.schema.json").properties),
  country: Object.keys(readSchema("country.schema.json").properties),
  narrative: Object.keys(readSchema("narrative.schema.json").properties),
  translation: Object.keys(readSchema("narrative.schema.json").properties.translation?.properties ?? {}),
  organisation: keysOf("organisation"),
  link: keysOf("link"),
  contact: keysOf("contact"),
  reviewer: keysOf("reviewer"),
};

test("the expected key orders come from the schemas", () => {
  for (const keys of Object.values(ORDER)) expect(keys.length).toBeGreaterThan(1);
});

/** The vocabulary ids, or a couple of known ones while a vocabulary file is not there yet. */
function vocab(name: string, fallback: string[]): string[] {
  try {
    const document = JSON.parse(readFileSync(join(PROJECT_ROOT, "schemas", "vocab", `${name}.json`), "utf8")) as { oneOf?: { const?: unknown }[] };
    const ids = (document.oneOf ?? []).map((entry) => entry.const).filter((id): id is string => typeof id === "string");
    return ids.length > 0 ? ids : fallback;
  } catch {
    return fallback;
  }
}

const V = {
  kinds: vocab("kinds", ["activity", "case-study"]),
  types: vocab("types", ["law", "policy-strategy"]),
  levels: vocab("levels", ["national", "regional"]),
  statuses: vocab("statuses", ["active", "completed"]),
  languages: vocab("languages", ["en", "fr", "ar"]),
  audiences: vocab("audiences", ["children", "industry"]),
  topics: vocab("topics", ["grooming", "cyberbullying"]),
  policyAreas: vocab("policy-areas", ["legal-framework"]),
  mnr: vocab("mnr-capabilities", ["leadership"]),
  linkTypes: vocab("link-types", ["official", "document"]),
  methods: vocab("translation-methods", ["human", "machine"]),
  countries: vocab("countries", ["RWA", "KEN"]),
  regions: vocab("regions", ["africa", "europe"]),
};

// ---------------------------------------------------------------------------------------------
// Generated documents keep their key order explicitly: a JS object would move "10" before "a".

type Tree = string | number | boolean | null | Tree[] | Obj;
interface Obj {
  entries: [string, Tree][];
}
const isObj = (tree: Tree): tree is Obj => typeof tree === "object" && tree !== null && !Array.isArray(tree);

/** Strings that YAML or JSON writers get wrong when they are careless, plus non-NFC text. */
const TRICKY = [
  "yes",
  "No",
  "on",
  "y",
  "123",
  "1e3",
  "0x1F",
  "0o14",
  "2019-01-01",
  "12:30",
  "null",
  "~",
  "true",
  ".inf",
  "a: b",
  "#x",
  "a #b",
  " leading",
  "trailing ",
  "'single'",
  '"double"',
  "it's",
  "- item",
  "? q",
  "&a",
  "*b",
  "!tag",
  "%x",
  "@x",
  "`x",
  "{x}",
  "[x]",
  "|",
  ">",
  "---",
  "...",
  "\\",
  "\t",
  "e\u0301",
  "Cafe\u0301",
  "A\u030a",
  "\u212bngstr\u00f6m",
  "\u0627\u0644\u062d\u0645\u0627\u064a\u0629 \u0639\u0644\u0649 \u0627\u0644\u0625\u0646\u062a\u0631\u0646\u062a",
  "\u513f\u7ae5\u5728\u7ebf\u4fdd\u62a4",
  "\u0417\u0430\u0449\u0438\u0442\u0430 \u0434\u0435\u0442\u0435\u0439",
];

const trickyString = (unit: "grapheme" | "binary") =>
  fc.oneof(
    fc.constantFrom(...TRICKY),
    fc.array(fc.constantFrom(...TRICKY), { minLength: 1, maxLength: 4 }).map((parts) => parts.join(" ")),
    fc.string({ unit, maxLength: 12 }),
    fc.string({ unit: "binary-ascii", maxLength: 8 }),
  );

const partialDate = fc
  .tuple(fc.integer({ min: 1990, max: 2030 }), fc.option(fc.integer({ min: 1, max: 12 })), fc.option(fc.integer({ min: 1, max: 28 })))
  .map(([year, month, day]) =>
    [year, month, month === null ? null : day]
      .filter((part) => part !== null)
      .map((part, index) => String(part).padStart(index === 0 ? 4 : 2, "0"))
      .join("-"),
  );
const url = fc.constantFrom("https://example.org/", "https://www.gov.example/strategy?lang=fr#part-2", "https://example.org/caf\u00e9/d\u00e9cret");
const someOf = (values: string[], min = 0) => fc.uniqueArray(fc.constantFrom(...values), { minLength: min, maxLength: Math.min(4, values.length) });

const unknownKey = fc
  .oneof(fc.constantFrom("x-note", "10", "2", "e\u0301tat", "\u00e9tat", "Kelvin\u212a", "notes", ""), fc.string({ maxLength: 8 }))
  .filter((key) => nfc(key) !== "__proto__");

/** Keys unknown to the schema, unique once in NFC (keys that NFC merges are refused, which the table tests cover). */
const extras = (known: string[], value: fc.Arbitrary<Tree>) =>
  fc
    .uniqueArray(fc.tuple(unknownKey, value), { maxLength: 3, selector: ([key]) => nfc(key) })
    .map((entries) => entries.filter(([key]) => !known.includes(nfc(key))));

/** An object with the given fields (required or optional), extra unknown keys, all in a random order. */
function objectOf(fields: [string, fc.Arbitrary<Tree>, "required" | "optional"][], known: string[], value: fc.Arbitrary<Tree>): fc.Arbitrary<Obj> {
  const parts = fields.map(([key, arbitrary, presence]) => {
    const entry = arbitrary.map((item): [string, Tree] => [key, item]);
    return presence === "required" ? entry : fc.option(entry, { nil: undefined });
  });
  return fc.tuple(fc.tuple(...parts), extras(known, value)).chain(([chosen, extra]) => {
    const entries = [...chosen.filter((entry): entry is [string, Tree] => entry !== undefined), ...extra];
    return fc.shuffledSubarray(entries, { minLength: entries.length, maxLength: entries.length }).map((shuffled) => ({ entries: shuffled }));
  });
}

/** Any JSON value, for what sits under unknown keys. */
function anyValue(unit: "grapheme" | "binary", numbers: fc.Arbitrary<number>): fc.Arbitrary<Tree> {
  const { value } = fc.letrec<{ value: Tree; list: Tree[]; object: Obj }>((tie) => ({
    value: fc.oneof({ depthSize: "small" }, trickyString(unit), numbers, fc.boolean(), fc.constant(null), tie("list"), tie("object")),
    list: fc.array(tie("value"), { maxLength: 3 }),
    object: fc.uniqueArray(fc.tuple(unknownKey, tie("value")), { maxLength: 3, selector: ([key]) => nfc(key) }).map((entries) => ({ entries })),
  }));
  return value;
}

// ---------------------------------------------------------------------------------------------
// JSON files.

const jsonValue = anyValue("binary", fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })));
const text = trickyString("binary");

const organisation = objectOf(
  [
    ["name", text, "required"],
    ["acronym", text, "optional"],
    ["url", url, "optional"],
    ["country", fc.constantFrom(...V.countries), "optional"],
  ],
  ORDER.organisation,
  jsonValue,
);
const link = objectOf(
  [
    ["url", url, "required"],
    ["type", fc.constantFrom(...V.linkTypes), "required"],
    ["title", text, "optional"],
    ["language", fc.constantFrom(...V.languages), "optional"],
    ["accessed", partialDate, "optional"],
  ],
  ORDER.link,
  jsonValue,
);
const contact = objectOf(
  [
    ["organisation", text, "optional"],
    ["url", url, "optional"],
    ["email", fc.constant("info@example.org"), "optional"],
    ["phone", fc.constant("+250 116"), "optional"],
  ],
  ORDER.contact,
  jsonValue,
);

const activity = objectOf(
  [
    ["kind", fc.constantFrom(...V.kinds), "required"],
    ["type", fc.constantFrom(...V.types), "required"],
    ["level", fc.constantFrom(...V.levels), "required"],
    ["countries", someOf(V.countries, 1), "optional"],
    ["status", fc.constantFrom(...V.statuses), "required"],
    ["start", partialDate, "required"],
    ["end", partialDate, "optional"],
    ["lead", fc.array(organisation, { minLength: 1, maxLength: 3 }), "optional"],
    ["partners", fc.array(organisation, { maxLength: 3 }), "optional"],
    ["audiences", someOf(V.audiences), "optional"],
    ["topics", someOf(V.topics), "optional"],
    ["policyAreas", someOf(V.policyAreas), "optional"],
    ["mnrCapabilities", someOf(V.mnr), "optional"],
    ["sdgTargets", someOf(["16.2", "4.7", "5.2", "16.a"]), "optional"],
    ["links", fc.array(link, { minLength: 1, maxLength: 4 }), "required"],
    ["originalLanguage", fc.constantFrom(...V.languages), "required"],
    ["contact", contact, "optional"],
    ["related", someOf(["rwa/national-cop-policy-2019", "eu/better-internet-for-kids"]), "optional"],
  ],
  ORDER.activity,
  jsonValue,
);

const country = objectOf(
  [
    ["region", fc.constantFrom(...V.regions), "required"],
    [
      "reviewers",
      fc.array(
        objectOf(
          [
            ["login", fc.constantFrom("octocat", "a-b"), "required"],
            ["id", fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), "required"],
          ],
          ORDER.reviewer,
          jsonValue,
        ),
        { maxLength: 3 },
      ),
      "required",
    ],
    ["links", fc.array(link, { maxLength: 3 }), "optional"],
    ["contact", contact, "optional"],
  ],
  ORDER.country,
  jsonValue,
);

/** How a contributor's editor might have laid the file out. */
const jsonStyle = fc.record({
  spaces: fc.array(fc.constantFrom("", " ", "   ", "\t", "\n", "\r\n", "\n    ", "\r\n\t\t"), { minLength: 1, maxLength: 8 }),
  escapeNonAscii: fc.boolean(),
  bom: fc.boolean(),
  end: fc.constantFrom("", "\n", "\r\n", "\n\n"),
});

function writeMessyJson(tree: Tree, style: { spaces: string[]; escapeNonAscii: boolean; bom: boolean; end: string }): string {
  let turn = 0;
  const space = () => style.spaces[turn++ % style.spaces.length] ?? "";
  const string = (value: string) => {
    const json = JSON.stringify(value);
    return style.escapeNonAscii ? json.replace(/[\u0080-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`) : json;
  };
  const write = (node: Tree): string => {
    if (typeof node === "string") return string(node);
    if (typeof node === "number" || typeof node === "boolean" || node === null) return JSON.stringify(node);
    if (Array.isArray(node)) return `[${space()}${node.map((item) => `${write(item)}${space()}`).join(`,${space()}`)}]`;
    return `{${space()}${node.entries.map(([key, item]) => `${string(key)}${space()}:${space()}${write(item)}${space()}`).join(`,${space()}`)}}`;
  };
  return `${style.bom ? "\uFEFF" : ""}${space()}${write(tree)}${style.end}`;
}

/** The tree in NFC, keys included. */
function nfcTree(tree: Tree): Tree {
  if (typeof tree === "string") return nfc(tree);
  if (Array.isArray(tree)) return tree.map(nfcTree);
  if (isObj(tree)) return { entries: tree.entries.map(([key, item]) => [nfc(key), nfcTree(item)]) };
  return tree;
}

/** A plain JS value, for deep equality (own "10" keys and all). */
function toPlain(tree: Tree): unknown {
  if (Array.isArray(tree)) return tree.map(toPlain);
  if (isObj(tree)) {
    const result: Record<string, unknown> = {};
    for (const [key, item] of tree.entries) Object.defineProperty(result, key, { value: toPlain(item), enumerable: true, writable: true, configurable: true });
    return result;
  }
  return tree;
}

/** The key order each object must have: schema order for the keys the schema knows, then the others as they came. */
function expectedKeyOrder(tree: Tree, orderAt: (pointer: string) => string[], pointer = "", into = new Map<string, string[]>()): Map<string, string[]> {
  if (Array.isArray(tree))
    tree.forEach((item, index) => {
      expectedKeyOrder(item, orderAt, `${pointer}/${index}`, into);
    });
  if (isObj(tree)) {
    const order = orderAt(pointer);
    const keys = tree.entries.map(([key]) => key);
    into.set(pointer, [...order.filter((key) => keys.includes(key)), ...keys.filter((key) => !order.includes(key))]);
    for (const [key, item] of tree.entries) expectedKeyOrder(item, orderAt, `${pointer}/${key}`, into);
  }
  return into;
}

const activityOrderAt = (pointer: string): string[] => {
  if (pointer === "") return ORDER.activity;
  if (/^\/(lead|partners)\/\d+$/.test(pointer)) return ORDER.organisation;
  if (/^\/links\/\d+$/.test(pointer)) return ORDER.link;
  if (pointer === "/contact") return ORDER.contact;
  return [];
};
const countryOrderAt = (pointer: string): string[] => {
  if (pointer === "") return ORDER.country;
  if (/^\/reviewers\/\d+$/.test(pointer)) return ORDER.reviewer;
  if (/^\/links\/\d+$/.test(pointer)) return ORDER.link;
  if (pointer === "/contact") return ORDER.contact;
  return [];
};

describe("JSON formatting is idempotent and keeps every value (property)", () => {
  test.for([
    { name: "activity.json", kind: "activity", arbitrary: activity, orderAt: activityOrderAt },
    { name: "country.json", kind: "country", arbitrary: country, orderAt: countryOrderAt },
  ] as const)("$name", ({ kind, arbitrary, orderAt }) => {
    fc.assert(
      fc.property(arbitrary, jsonStyle, (tree, style) => {
        const input = writeMessyJson(tree, style);
        const once = formatJsonText(input, kind, schemas).text;
        expect(once).toBeDefined();
        if (once === undefined) return;
        expect(formatJsonText(once, kind, schemas)).toEqual({ text: once });
        expect(once.endsWith("}\n") && !once.includes("\r") && !once.startsWith("\uFEFF")).toBe(true);
        expect(JSON.parse(once)).toEqual(toPlain(nfcTree(reparse(tree))));
        expect(jsonKeyOrder(once)).toEqual(expectedKeyOrder(nfcTree(tree), orderAt));
      }),
      RUNS,
    );
  });
});

/** The tree as JSON.parse sees its numbers (-0 is written 0). */
function reparse(tree: Tree): Tree {
  if (typeof tree === "number") return JSON.parse(JSON.stringify(tree)) as number;
  if (Array.isArray(tree)) return tree.map(reparse);
  if (isObj(tree)) return { entries: tree.entries.map(([key, item]) => [key, reparse(item)]) };
  return tree;
}

// ---------------------------------------------------------------------------------------------
// Narratives: frontmatter and body.

const yamlText = trickyString("grapheme");
const yamlValue = anyValue("grapheme", fc.oneof(fc.integer(), fc.double()));
const version = fc.oneof(fc.stringMatching(/^[0-9a-f]{12}$/), fc.constantFrom("012345678901", "1234e5678901", "00000000000e"));

const frontmatter = objectOf(
  [
    ["title", yamlText, "required"],
    ["summary", yamlText, "required"],
    ["officialTitles", fc.uniqueArray(yamlText, { maxLength: 3 }), "optional"],
    [
      "translation",
      objectOf(
        [
          ["from", fc.constantFrom(...V.languages), "required"],
          ["version", version, "required"],
          ["method", fc.constantFrom(...V.methods), "required"],
        ],
        ORDER.translation,
        yamlValue,
      ),
      "optional",
    ],
  ],
  ORDER.narrative,
  yamlValue,
);

const BODY_LINES = [
  "",
  "---",
  "## Context",
  "Text with e\u0301 and \u0642\u0627\u0646\u0648\u0646.",
  "  indented",
  "- item",
  "title: not frontmatter",
  "```",
  "\t tab",
  "trailing  ",
  "...",
];
const body = fc
  .tuple(fc.array(fc.constantFrom(...BODY_LINES), { maxLength: 8 }), fc.constantFrom("\n", "\r\n"), fc.boolean())
  .map(([lines, newline, final]) => lines.join(newline) + (final ? newline : ""));

/** How the frontmatter might have been written: any style the yaml package can produce. */
const yamlStyle = fc.record({
  defaultStringType: fc.constantFrom("PLAIN", "QUOTE_DOUBLE", "QUOTE_SINGLE", "BLOCK_LITERAL", "BLOCK_FOLDED"),
  defaultKeyType: fc.constantFrom(null, "PLAIN", "QUOTE_DOUBLE"),
  collectionStyle: fc.constantFrom("any", "block", "flow"),
  indent: fc.integer({ min: 2, max: 4 }),
  indentSeq: fc.boolean(),
  lineWidth: fc.constantFrom(0, 20, 80),
  crlf: fc.boolean(),
  bom: fc.boolean(),
  fenceSpaces: fc.constantFrom("", " ", "\t"),
});

function toYamlInput(tree: Tree): unknown {
  if (Array.isArray(tree)) return tree.map(toYamlInput);
  if (isObj(tree)) return new Map(tree.entries.map(([key, item]) => [key, toYamlInput(item)]));
  return tree;
}

/** Key order of every map in a YAML text, by pointer. */
function yamlKeyOrder(yaml: string): Map<string, string[]> {
  const orders = new Map<string, string[]>();
  const walk = (node: Node | null, pointer: string) => {
    if (isMap(node)) {
      const keys = node.items.map((pair) => (isScalar(pair.key) ? String(pair.key.value) : String(pair.key)));
      orders.set(pointer, keys);
      node.items.forEach((pair, index) => {
        walk(pair.value as Node | null, `${pointer}/${keys[index]}`);
      });
    } else if (isSeq(node))
      node.items.forEach((item, index) => {
        walk(item as Node | null, `${pointer}/${index}`);
      });
  };
  walk(parseDocument(yaml).contents, "");
  return orders;
}

/** True when the yaml package reads its own output back as the generated tree (it does not always: `key:\n[]`). */
function readsAs(yaml: string, tree: Tree): boolean {
  try {
    return JSON.stringify(nfcDeep(parseYaml(yaml))) === JSON.stringify(nfcDeep(toPlain(tree)));
  } catch {
    return false;
  }
}

const narrativeOrderAt = (pointer: string): string[] => (pointer === "" ? ORDER.narrative : pointer === "/translation" ? ORDER.translation : []);

test("narrative formatting is idempotent, keeps every value and the body (property)", () => {
  let checked = 0;
  fc.assert(
    fc.property(frontmatter, body, yamlStyle, (tree, markdown, style) => {
      const { crlf, bom, fenceSpaces, ...options } = style;
      const yaml = stringifyYaml(toYamlInput(tree), null, { ...options, minContentWidth: 0 });
      const newline = crlf ? "\r\n" : "\n";
      const input = `${bom ? "\uFEFF" : ""}---${fenceSpaces}${newline}${yaml.replace(/\n/g, newline)}---${newline}${markdown}`;
      // The generated file must itself say what was generated; the yaml package's own output
      // rarely cannot (a folded line that starts with ---): such a case proves nothing here.
      const original = splitNarrative(input);
      fc.pre(original.yaml !== undefined && original.body === markdown);
      fc.pre(readsAs(original.yaml ?? "", tree));

      const once = formatNarrativeText(input, schemas).text;
      expect(once).toBeDefined();
      if (once === undefined) return;
      expect(formatNarrativeText(once, schemas)).toEqual({ text: once });
      const split = splitNarrative(once);
      expect(split.body).toBe(nfc(markdown.replace(/\r\n?/g, "\n")));
      expect(once.includes("\r")).toBe(false);
      expect(parseYaml(split.yaml ?? "")).toEqual(nfcDeep(toPlain(tree)));
      expect(yamlKeyOrder(split.yaml ?? "")).toEqual(expectedKeyOrder(nfcTree(tree), narrativeOrderAt));
      // Readers that still speak YAML 1.1 (yes, on, 2019-01-01) see the same text too.
      const known = (value: Record<string, unknown>) => ({
        title: value.title,
        summary: value.summary,
        officialTitles: value.officialTitles,
        translation: value.translation,
      });
      expect(known(parseYaml(split.yaml ?? "", { schema: "yaml-1.1" }))).toEqual(known(nfcDeep(toPlain(tree)) as Record<string, unknown>));
      checked++;
    }),
    RUNS,
  );
  // Most generated cases must be real checks, not skipped preconditions.
  expect(checked).toBeGreaterThan(RUNS.numRuns * 0.8);
});
