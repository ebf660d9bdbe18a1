import { parseJson } from "../load/json.ts";
import { classifyPath, DATA_ROOTS } from "../load/paths.ts";
import type { FileSource } from "../load/source.ts";
import type { SchemaCatalog } from "../schema/catalog.ts";

/**
 * The validator's schema pass alone, on what ajv-cli checks in the benchmark: every
 * activity.json read, parsed as the validator parses it (strict JSON with positions) and
 * checked with the catalog's compiled activity validator. Counts the files that fail.
 */
export function schemaPass(source: FileSource, catalog: SchemaCatalog): { files: number; invalid: number } {
  const validate = catalog.validator("activity");
  let files = 0;
  let invalid = 0;
  for (const top of DATA_ROOTS) {
    for (const path of source.list(top)) {
      if (classifyPath(path).role !== "activity") continue;
      const text = source.read(path)?.text;
      const parsed = text === undefined ? undefined : parseJson(text, path);
      files++;
      if (!parsed || parsed.value === undefined || parsed.problems.length > 0 || !validate(parsed.value)) invalid++;
    }
  }
  return { files, invalid };
}
