import { UN_LANGUAGES, type UnLanguage } from "../vocab.ts";

/**
 * A schema's descriptions in the six languages. JSON Schema's `description` is English (editors
 * show it on hover); beside it, `descriptions` holds the same text in the five other UN languages:
 *
 *   "description": "The organisations responsible.",
 *   "descriptions": { "ar": "المنظمات المسؤولة.", "zh": "负责的组织。", "fr": "…", "ru": "…", "es": "…" }
 *
 * in schemas/*.json and on each value of schemas/vocab/*.json, like a value's `labels`: a
 * translator edits the text next to the English it translates, and the schema catalog stays the
 * one reader of schemas. The validator's hints, `npm run new` and the site's data dictionary and
 * vocabulary pages read them through the two functions below.
 */

/** The languages `descriptions` holds: every UN language but English, which is `description`. */
export const DESCRIPTION_LANGUAGES: readonly UnLanguage[] = UN_LANGUAGES.filter((lang) => lang !== "en");

/** Something that may carry a description: a schema node, a vocabulary value. */
export interface Describable {
  readonly description?: unknown;
  readonly descriptions?: unknown;
}

/** A text in English and in whichever of the other languages it is written. */
export type Texts = Readonly<{ en: string } & Partial<Record<UnLanguage, string>>>;

/** A node's description in every language it has, English first; undefined when it has none. */
export function descriptionTexts(node: Describable | undefined): Texts | undefined {
  if (typeof node?.description !== "string") return undefined;
  const texts: { en: string } & Partial<Record<UnLanguage, string>> = { en: node.description };
  const others = node.descriptions;
  if (typeof others === "object" && others !== null) {
    for (const lang of DESCRIPTION_LANGUAGES) {
      const text = (others as Record<string, unknown>)[lang];
      if (typeof text === "string" && text.trim() !== "") texts[lang] = text;
    }
  }
  return texts;
}

/** A node's description in `lang`, in English where that language is missing. */
export function describedIn(lang: UnLanguage, node: Describable | undefined): string | undefined {
  const texts = descriptionTexts(node);
  return texts ? (texts[lang] ?? texts.en) : undefined;
}

/** Keywords whose value is a map of schemas (property names are not keywords there). */
const SCHEMA_MAPS = ["properties", "patternProperties", "$defs", "definitions", "dependentSchemas"];
/** Keywords whose value's keys are names of properties or definitions. */
const NAMED = [...SCHEMA_MAPS, "dependentRequired"];
/** Keywords whose value is one schema. */
const SCHEMA_VALUES = [
  "items",
  "additionalProperties",
  "contains",
  "not",
  "if",
  "then",
  "else",
  "propertyNames",
  "unevaluatedItems",
  "unevaluatedProperties",
  "additionalItems",
];
/** Keywords whose value is a list of schemas. */
const SCHEMA_LISTS = ["allOf", "anyOf", "oneOf", "prefixItems"];

type Node = Record<string, unknown>;
const isNode = (value: unknown): value is Node => typeof value === "object" && value !== null && !Array.isArray(value);
const escapeKey = (key: string) => key.replaceAll("~", "~0").replaceAll("/", "~1");

/** Visits every schema node of a document with its JSON pointer ("" for the root, "/properties/links"). */
export function forEachSchemaNode(document: unknown, visit: (node: Node, pointer: string) => void, pointer = ""): void {
  if (!isNode(document)) return;
  visit(document, pointer);
  for (const keyword of SCHEMA_MAPS) {
    const map = document[keyword];
    if (isNode(map)) for (const [name, child] of Object.entries(map)) forEachSchemaNode(child, visit, `${pointer}/${keyword}/${escapeKey(name)}`);
  }
  for (const keyword of SCHEMA_VALUES) forEachSchemaNode(document[keyword], visit, `${pointer}/${keyword}`);
  for (const keyword of SCHEMA_LISTS) {
    const list = document[keyword];
    if (Array.isArray(list)) for (const [i, child] of list.entries()) forEachSchemaNode(child, visit, `${pointer}/${keyword}/${i}`);
  }
}

/**
 * Every `descriptions` keyword anywhere in a JSON value, by the JSON pointer of the object that
 * holds it: to find those that sit on no schema node. A property or definition named
 * "descriptions" (the keys of `properties`, `$defs`, `dependentRequired` …) is a name, not the keyword.
 */
function descriptionsKeys(value: unknown, pointer: string, found: string[], names = false): void {
  if (Array.isArray(value)) for (const [i, item] of value.entries()) descriptionsKeys(item, `${pointer}/${i}`, found);
  else if (isNode(value)) {
    for (const [key, child] of Object.entries(value)) {
      if (key === "descriptions" && !names) found.push(pointer);
      descriptionsKeys(child, `${pointer}/${escapeKey(key)}`, found, !names && NAMED.includes(key));
    }
  }
}

/** Letters that a text in each language must contain: a text copied from English is not a translation. */
const SCRIPTS: Partial<Record<UnLanguage, RegExp>> = { ar: /\p{Script=Arabic}/u, zh: /\p{Script=Han}/u, ru: /\p{Script=Cyrillic}/u };

/**
 * What is wrong with the descriptions of a set of schema documents (by file name under schemas/),
 * one sentence per problem: a description without its text in one of the five other languages,
 * a text in no known language or in the wrong script, or `descriptions` that translate nothing
 * (beside no `description`, or on no schema node).
 * Data files kept among the schemas (vocab/terminology.json) have only the root checked.
 * `folder` is where the files are, for the messages: the API's schemas are published under api/v1/schemas/api/.
 */
export function descriptionProblems(
  files: ReadonlyMap<string, unknown>,
  dataFiles: ReadonlySet<string> = new Set(["vocab/terminology.json"]),
  folder = "schemas/",
): string[] {
  const problems: string[] = [];
  for (const [file, document] of files) {
    const nodes = new Set<string>();
    const check = (node: Node, pointer: string) => {
      nodes.add(pointer);
      const where = `${folder}${file}${pointer === "" ? "" : ` at ${pointer}`}`;
      const others = node.descriptions;
      if (others === undefined) {
        if (typeof node.description === "string") problems.push(`${where}: the description has no "descriptions" in ${DESCRIPTION_LANGUAGES.join(", ")}.`);
        return;
      }
      if (typeof node.description !== "string") {
        problems.push(`${where}: "descriptions" translates no "description".`);
        return;
      }
      if (!isNode(others)) {
        problems.push(`${where}: "descriptions" must be an object of texts by language.`);
        return;
      }
      for (const lang of DESCRIPTION_LANGUAGES) {
        const text = others[lang];
        if (typeof text !== "string" || text.trim() === "") problems.push(`${where}: the description has no text in "${lang}".`);
        else if (SCRIPTS[lang] && !SCRIPTS[lang].test(text)) problems.push(`${where}: the "${lang}" description is not written in its language's script.`);
      }
      for (const lang of Object.keys(others))
        if (!DESCRIPTION_LANGUAGES.includes(lang as UnLanguage))
          problems.push(`${where}: "descriptions" has "${lang}", which is not one of ${DESCRIPTION_LANGUAGES.join(", ")}.`);
    };
    if (dataFiles.has(file)) {
      if (isNode(document)) check(document, "");
    } else forEachSchemaNode(document, check);
    const keys: string[] = [];
    descriptionsKeys(document, "", keys);
    for (const pointer of keys)
      if (!nodes.has(pointer)) problems.push(`${folder}${file} at ${pointer || "/"}: "descriptions" is not on a schema node, so nothing reads it.`);
  }
  return problems;
}
