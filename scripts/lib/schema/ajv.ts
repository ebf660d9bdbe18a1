import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";

/** The file kinds that have a schema. */
export type SchemaKind = "activity" | "narrative" | "country" | "organization";

export const SCHEMA_BASE = "https://cop-atlas.github.io/schemas/";

/** Every schema document of the repository, by `$id`. */
export interface SchemaSet {
  documents: Map<string, Record<string, unknown>>;
  validators: Record<SchemaKind, ValidateFunction>;
}

/**
 * The one Ajv factory. Each option is set for a reason:
 * - strict: a typo in a schema keyword is an error, not a silently ignored rule;
 * - allErrors: contributors see every problem at once, not one per push;
 * - verbose: errors carry the failing schema, which names the vocabulary for "did you mean";
 * - the annotation keywords below carry labels and sources inside vocabularies.
 */
export function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({ strict: true, allErrors: true, verbose: true, allowUnionTypes: false });
  ajv.addKeyword({ keyword: "labels", schemaType: "object" });
  ajv.addKeyword({ keyword: "meta", schemaType: "object" });
  ajv.addKeyword({ keyword: "sources", schemaType: "array" });
  return ajv;
}

/**
 * A vocabulary's oneOf of string consts accepts exactly the same values as an enum of them,
 * and an enum compiles and runs in a fraction of the time (the country list has 195 branches).
 * The published schema keeps the oneOf, where each value carries its labels.
 */
function forValidation(document: Record<string, unknown>): Record<string, unknown> {
  const branches = document.oneOf;
  if (!Array.isArray(branches) || !branches.every((branch) => typeof branch?.const === "string")) return document;
  const { oneOf: _oneOf, labels: _labels, sources: _sources, ...rest } = document;
  return { ...rest, type: "string", enum: branches.map((branch) => branch.const) };
}

/** Reads schemas/ (file schemas and vocabularies) and compiles each file schema once. */
export function loadSchemas(root: string): SchemaSet {
  const ajv = createAjv();
  const documents = new Map<string, Record<string, unknown>>();
  const folders = [join(root, "schemas"), join(root, "schemas", "vocab")];
  for (const folder of folders) {
    for (const name of readdirSync(folder).sort()) {
      if (!name.endsWith(".json") || name === "terminology.json") continue;
      const document = JSON.parse(readFileSync(join(folder, name), "utf8")) as Record<string, unknown>;
      const id = document.$id;
      if (typeof id !== "string") throw new Error(`schemas: ${name} has no $id`);
      documents.set(id, document);
      ajv.addSchema(forValidation(document));
    }
  }
  const compile = (kind: SchemaKind): ValidateFunction => {
    const validate = ajv.getSchema(`${SCHEMA_BASE}${kind}.schema.json`);
    if (!validate) throw new Error(`schemas: ${kind}.schema.json is missing`);
    return validate;
  };
  return {
    documents,
    validators: {
      activity: compile("activity"),
      narrative: compile("narrative"),
      country: compile("country"),
      organization: compile("organization"),
    },
  };
}
