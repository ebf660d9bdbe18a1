import type { SchemaCatalog, SchemaKind } from "../schema/catalog.ts";

type Json = Record<string, unknown>;

/**
 * A file schema made self-contained for code generation: shared definitions are copied
 * into its own $defs and each vocabulary becomes an enum of its ids, so that nothing is
 * fetched by URL and the generated types list the allowed values. `$ref`s are followed by the catalog.
 */
export function bundleSchema(catalog: SchemaCatalog, kind: SchemaKind): Json {
  const file = `${kind}.schema.json`;
  const root = catalog.schemaOf(kind);
  const definitions: Json = {};
  const visit = (node: unknown, from: string): unknown => {
    if (Array.isArray(node)) return node.map((item) => visit(item, from));
    if (node === null || typeof node !== "object") return node;
    const result: Json = {};
    for (const [key, value] of Object.entries(node as Json)) {
      if (key === "$ref" && typeof value === "string") Object.assign(result, refTo(value, from));
      else if (key !== "$id" && key !== "$schema" && key !== "$defs" && key !== "labels" && key !== "meta" && key !== "sources")
        result[key] = visit(value, from);
    }
    return result;
  };
  const refTo = (ref: string, from: string): Json => {
    const target = catalog.resolve(ref, from);
    if (target.vocabulary) {
      const name = typeName(target.file);
      if (!(name in definitions))
        definitions[name] = { title: name, description: String(target.schema.description ?? ""), type: "string", enum: [...target.vocabulary.terms.keys()] };
      return { $ref: `#/$defs/${name}` };
    }
    if (target.pointer === "") return visit(target.schema, target.file) as Json;
    const name = target.pointer.split("/").at(-1) ?? "";
    if (!(name in definitions)) {
      definitions[name] = {};
      definitions[name] = { title: name, ...(visit(target.schema, target.file) as Json) };
    }
    return { $ref: `#/$defs/${name}` };
  };
  const body = visit(root, file) as Json;
  return { ...body, $defs: definitions };
}

/** "…/vocab/policy-areas.json" → "PolicyArea"; countries and languages are codes. */
function typeName(url: string): string {
  const base =
    url
      .split("/")
      .at(-1)
      ?.replace(/\.json$/, "") ?? "";
  if (base === "countries") return "CountryCode";
  if (base === "languages") return "LanguageCode";
  if (base === "types") return "ActivityType";
  const singular = base.endsWith("ies") ? base.replace(/ies$/, "y") : /(ss|us)es$/.test(base) ? base.replace(/es$/, "") : base.replace(/s$/, "");
  return singular.replace(/(^|-)([a-z])/g, (_match, _dash, letter: string) => letter.toUpperCase());
}

/** The file kinds that get TypeScript types, in the order they are written. */
export const TYPED_SCHEMAS: readonly SchemaKind[] = ["activity", "narrative", "country", "organization"];
