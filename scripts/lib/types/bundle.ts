import type { SchemaSet } from "../schema/ajv.ts";
import { SCHEMA_BASE } from "../schema/ajv.ts";

type Json = Record<string, unknown>;

/**
 * A file schema made self-contained for code generation: shared definitions are copied
 * into its own $defs and each vocabulary becomes an enum of its ids, so that nothing is
 * fetched by URL and the generated types list the allowed values.
 */
export function bundleSchema(documents: SchemaSet["documents"], id: string): Json {
  const root = documents.get(id);
  if (!root) throw new Error(`types: no schema ${id}`);
  const definitions: Json = {};
  const visit = (node: unknown, base: string): unknown => {
    if (Array.isArray(node)) return node.map((item) => visit(item, base));
    if (node === null || typeof node !== "object") return node;
    const object = node as Json;
    const result: Json = {};
    for (const [key, value] of Object.entries(object)) {
      if (key === "$ref" && typeof value === "string") Object.assign(result, resolveRef(value, base));
      else if (key !== "$id" && key !== "$schema" && key !== "$defs" && key !== "labels" && key !== "meta" && key !== "sources")
        result[key] = visit(value, base);
    }
    return result;
  };
  const resolveRef = (ref: string, base: string): Json => {
    const [file, fragment = ""] = ref.split("#");
    const target = file ? new URL(file, base).href : base;
    const document = documents.get(target);
    if (!document) throw new Error(`types: cannot resolve ${ref} from ${base}`);
    if (fragment === "") {
      if (Array.isArray(document.oneOf)) {
        const ids = (document.oneOf as Array<{ const: string }>).map((branch) => branch.const);
        const name = typeName(target);
        if (!(name in definitions)) definitions[name] = { title: name, description: String(document.description ?? ""), type: "string", enum: ids };
        return { $ref: `#/$defs/${name}` };
      }
      return visit(document, target) as Json;
    }
    const name = fragment.split("/").at(-1) ?? "";
    if (!(name in definitions)) {
      definitions[name] = {};
      const defs = document.$defs as Json;
      definitions[name] = { title: name, ...(visit(defs[name], target) as Json) };
    }
    return { $ref: `#/$defs/${name}` };
  };
  const body = visit(root, id) as Json;
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

export const TYPED_SCHEMAS = ["activity", "narrative", "country", "organization"].map((kind) => `${SCHEMA_BASE}${kind}.schema.json`);
