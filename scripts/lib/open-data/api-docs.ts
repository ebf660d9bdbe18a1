import { formatMessage, type MessageKey } from "../i18n/messages.ts";
import type { SchemaCatalog, SchemaNode } from "../schema/catalog.ts";
import { descriptionTexts, type Texts } from "../schema/descriptions.ts";
import { UN_LANGUAGES, type UnLanguage } from "../vocab.ts";

/** One documented field of an API file: its path ("provenance.compiledBy", "links[].url"), type and meaning. */
export interface ApiField {
  path: string;
  /** The type in words of the reader's language ("array of string", "liste de : texte"). */
  type: string;
  /** True when the type is written as JSON values ("country" | "organization"), which read left to right in any language. */
  literal: boolean;
  required: boolean;
  /** From the API schema, else from the data schema of the same field; empty when neither says. */
  description: string;
  /** The language `description` is written in: the reader's, or English where the text has no translation. */
  descriptionLang: UnLanguage;
}

/** Finds the description of a field of the data files (activity.json) by its path, following $refs, in every language it has. */
export type DataDescription = (path: readonly string[]) => Texts | undefined;

const SIX = [...UN_LANGUAGES].sort().join(",");

/** Whether a node is an object of exactly the six UN languages (names, pages, feeds). */
function isSixLanguages(node: SchemaNode): boolean {
  const properties = node.properties as Record<string, unknown> | undefined;
  return properties !== undefined && Object.keys(properties).sort().join(",") === SIX;
}

const TYPE_WORDS: Readonly<Record<string, MessageKey>> = {
  string: "site.typeString",
  integer: "site.typeInteger",
  number: "site.typeNumber",
  boolean: "site.typeBoolean",
  object: "site.typeObject",
};

/** JSON Schema's `type` ("string", ["string", "null"]) in words of `lang`; null stays the JSON value it is. */
export function typeWords(lang: UnLanguage, type: unknown): string {
  const one = (name: string) => {
    if (name === "array") return formatMessage(lang, "site.typeArrayOf", { type: formatMessage(lang, "site.typeValue") });
    const key = TYPE_WORDS[name];
    return key ? formatMessage(lang, key) : name;
  };
  if (Array.isArray(type)) return type.map((name) => one(String(name))).join(" | ");
  return typeof type === "string" ? one(type) : formatMessage(lang, "site.typeValue");
}

/** The type of a node in words a reader of the page understands, in the page's language. */
function typeOf(node: SchemaNode, lang: UnLanguage): { type: string; literal: boolean } {
  const words = (type: string) => ({ type, literal: false });
  if (node.$ref !== undefined) return words(formatMessage(lang, "site.typeObjectOf", { name: String(node.$ref).replace(/\.schema\.json$/, "") }));
  if (node.const !== undefined) return { type: JSON.stringify(node.const), literal: true };
  if (Array.isArray(node.enum)) return { type: (node.enum as unknown[]).map((v) => JSON.stringify(v)).join(" | "), literal: true };
  if (isSixLanguages(node)) return words(formatMessage(lang, "site.typeSixLanguages", { languages: UN_LANGUAGES.join(", "), type: typeWords(lang, "string") }));
  if (typeof node.pattern === "string" && node.pattern.startsWith("^https")) return words(formatMessage(lang, "site.typeHttpsUrl"));
  if (node.type === "array" && node.items) return words(formatMessage(lang, "site.typeArrayOf", { type: typeOf(node.items as SchemaNode, lang).type }));
  return words(typeWords(lang, node.type));
}

/**
 * Every field of an API file's schema, outer fields first and the fields of nested objects after
 * their parent ("owner.type"), array items as "links[].url" and maps as "narratives.<key>.title".
 * Generated from the published schemas, so the page that lists them cannot drift from the files.
 */
export function apiFields(schema: SchemaNode, dataDescription: DataDescription = () => undefined, lang: UnLanguage = "en"): ApiField[] {
  const rows: ApiField[] = [];
  const walk = (node: SchemaNode, prefix: string, dataPath: string[]) => {
    const properties = (node.properties as Record<string, SchemaNode> | undefined) ?? {};
    const required = new Set((node.required as string[] | undefined) ?? []);
    for (const [name, property] of Object.entries(properties)) {
      const path = `${prefix}${name}`;
      const inData = [...dataPath, name];
      const texts = descriptionTexts(property) ?? dataDescription(inData);
      const translated = texts?.[lang];
      rows.push({
        path,
        ...typeOf(property, lang),
        required: required.has(name),
        description: translated ?? texts?.en ?? "",
        descriptionLang: translated !== undefined ? lang : "en",
      });
      if (isSixLanguages(property)) continue;
      if (property.properties) walk(property, `${path}.`, inData);
      const items = property.items as SchemaNode | undefined;
      if (items?.properties) walk(items, `${path}[].`, inData);
      const values = property.additionalProperties;
      if (values && typeof values === "object" && (values as SchemaNode).properties) walk(values as SchemaNode, `${path}.<key>.`, []);
    }
  };
  walk(schema, "", []);
  return rows;
}

/** Descriptions of the fields of a data file's schema (a file under schemas/), by path, through the catalog's $refs, in every language they have. */
export function dataDescriptions(catalog: SchemaCatalog, schemaFile: string): DataDescription {
  return (path) => {
    let node: SchemaNode | undefined = catalog.files.get(schemaFile);
    let from = schemaFile;
    let description: Texts | undefined;
    for (const name of path) {
      if (!node) return undefined;
      // Into an array's items, then into an object's properties, following $refs as they come.
      for (let hops = 0; hops < 8; hops++) {
        if (typeof node.$ref === "string") {
          const target = catalog.resolve(node.$ref, from);
          if (target.vocabulary) break;
          node = { ...target.schema, ...node, $ref: undefined };
          from = target.file;
        } else if (node.items && !node.properties) node = node.items as SchemaNode;
        else break;
      }
      const next: SchemaNode | undefined = (node.properties as Record<string, SchemaNode> | undefined)?.[name];
      description = descriptionTexts(next);
      node = next;
    }
    return description;
  };
}
