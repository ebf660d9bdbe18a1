import { Ajv2020 } from "ajv/dist/2020.js";

/**
 * The one Ajv factory for the data schemas. Each option is set for a reason:
 * - strict: a typo in a schema keyword is an error, not a silently ignored rule;
 * - allErrors: contributors see every problem at once, not one per push;
 * - verbose: errors carry the failing schema, which names the vocabulary for "did you mean";
 * - the annotation keywords below carry labels and sources inside vocabularies, and a
 *   description's text in the other five languages (`descriptions`, see descriptions.ts).
 */
export function createAjv(options: { source?: boolean } = {}): Ajv2020 {
  // code.source keeps the generated code, for standalone modules that later runs load instead of compiling.
  const ajv = new Ajv2020({ strict: true, allErrors: true, verbose: true, allowUnionTypes: false, ...(options.source ? { code: { source: true } } : {}) });
  ajv.addKeyword({ keyword: "labels", schemaType: "object" });
  ajv.addKeyword({ keyword: "meta", schemaType: "object" });
  ajv.addKeyword({ keyword: "sources", schemaType: "array" });
  ajv.addKeyword({ keyword: "descriptions", schemaType: "object" });
  return ajv;
}

/**
 * A vocabulary's oneOf of string consts accepts exactly the same values as an enum of them,
 * and an enum compiles and runs in a fraction of the time (the country list has 195 branches).
 * The published schema keeps the oneOf, where each value carries its labels.
 */
export function forValidation(document: Record<string, unknown>): Record<string, unknown> {
  const branches = document.oneOf;
  if (!Array.isArray(branches) || !branches.every((branch) => typeof branch?.const === "string")) return document;
  const { oneOf: _oneOf, labels: _labels, sources: _sources, ...rest } = document;
  return { ...rest, type: "string", enum: branches.map((branch) => branch.const) };
}
