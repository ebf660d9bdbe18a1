import type { SchemaCatalog, SchemaNode } from "../schema/catalog.ts";
import { UN_LANGUAGES } from "../vocab.ts";

/** One documented field of an API file: its path ("provenance.compiledBy", "links[].url"), type and meaning. */
export interface ApiField {
  path: string;
  type: string;
  required: boolean;
  /** From the API schema, else from the data schema of the same field; empty when neither says. */
  description: string;
}

/** Finds the description of a field of the data files (activity.json) by its path, following $refs. */
export type DataDescription = (path: readonly string[]) => string | undefined;

const SIX = [...UN_LANGUAGES].sort().join(",");

/** Whether a node is an object of exactly the six UN languages (names, pages, feeds). */
function isSixLanguages(node: SchemaNode): boolean {
  const properties = node.properties as Record<string, unknown> | undefined;
  return properties !== undefined && Object.keys(properties).sort().join(",") === SIX;
}

/** The type of a node in words a reader of the page understands. */
function typeOf(node: SchemaNode): string {
  if (node.$ref !== undefined) return `object (${String(node.$ref).replace(/\.schema\.json$/, "")})`;
  if (node.const !== undefined) return JSON.stringify(node.const);
  if (Array.isArray(node.enum)) return (node.enum as unknown[]).map((v) => JSON.stringify(v)).join(" | ");
  if (isSixLanguages(node)) return `object: ${UN_LANGUAGES.join(", ")} → string`;
  if (typeof node.pattern === "string" && node.pattern.startsWith("^https")) return "string (https URL)";
  const type = Array.isArray(node.type) ? (node.type as string[]).join(" | ") : typeof node.type === "string" ? node.type : "value";
  if (type === "array" && node.items) return `array of ${typeOf(node.items as SchemaNode)}`;
  return type;
}

/**
 * Every field of an API file's schema, outer fields first and the fields of nested objects after
 * their parent ("owner.type"), array items as "links[].url" and maps as "narratives.<key>.title".
 * Generated from the published schemas, so the page that lists them cannot drift from the files.
 */
export function apiFields(schema: SchemaNode, dataDescription: DataDescription = () => undefined): ApiField[] {
  const rows: ApiField[] = [];
  const walk = (node: SchemaNode, prefix: string, dataPath: string[]) => {
    const properties = (node.properties as Record<string, SchemaNode> | undefined) ?? {};
    const required = new Set((node.required as string[] | undefined) ?? []);
    for (const [name, property] of Object.entries(properties)) {
      const path = `${prefix}${name}`;
      const inData = [...dataPath, name];
      rows.push({
        path,
        type: typeOf(property),
        required: required.has(name),
        description: (property.description as string | undefined) ?? dataDescription(inData) ?? "",
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

/** Descriptions of the fields of a data file's schema (a file under schemas/), by path, through the catalog's $refs. */
export function dataDescriptions(catalog: SchemaCatalog, schemaFile: string): DataDescription {
  return (path) => {
    let node: SchemaNode | undefined = catalog.files.get(schemaFile);
    let from = schemaFile;
    let description: string | undefined;
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
      description = next?.description as string | undefined;
      node = next;
    }
    return description;
  };
}
