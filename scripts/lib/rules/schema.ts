import type { ErrorObject } from "ajv";
import type { ParsedJson } from "../load/json.ts";
import { classifyPath } from "../load/paths.ts";
import type { SchemaKind } from "../schema/catalog.ts";
import { schemaDiagnostics } from "../schema/messages.ts";
import type { Dataset } from "../validate/dataset.ts";
import type { Report, Rule } from "./rule.ts";

/** Every data file matches its JSON Schema in schemas/. */
export const schema: Rule = {
  id: "schema",
  description:
    "activity.json, country.json, organization.json and narrative frontmatter match their JSON Schema in schemas/: known fields, known vocabulary values, required fields present.",
  check(dataset, report) {
    const ownedElsewhere = ownedDefinitions(dataset);
    for (const file of dataset.files) {
      const info = classifyPath(file);
      if (info.role === "activity") validate(dataset, report, "activity", file, dataset.json(file), ownedElsewhere);
      else if (info.role === "profile") validate(dataset, report, info.owner.type, file, dataset.json(file), ownedElsewhere);
      else if (info.role === "narrative") {
        const frontmatter = dataset.narrative(file)?.frontmatter;
        if (frontmatter && frontmatter.problems.length === 0) {
          validate(dataset, report, "narrative", file, frontmatter, ownedElsewhere);
        }
      }
    }
  },
};

function validate(
  dataset: Dataset,
  report: Report,
  kind: SchemaKind,
  file: string,
  parsed: Pick<ParsedJson, "value" | "positions" | "problems"> | undefined,
  isOwnedElsewhere: (error: ErrorObject) => boolean,
): void {
  if (!parsed || parsed.value === undefined) return;
  const validateKind = dataset.catalog.validator(kind);
  if (validateKind(parsed.value)) return;
  const diagnostics = schemaDiagnostics(validateKind.errors ?? [], {
    kind,
    file,
    data: parsed.value,
    positions: parsed.positions,
    vocabularies: dataset.vocabularies,
    isOwnedElsewhere,
  });
  for (const { ruleId: _ruleId, ...problem } of diagnostics) report(problem);
}

/**
 * Web addresses and dates have rules of their own (links, dates) that explain the problem
 * better than "must match pattern"; the schema rule leaves string-format errors on them to those rules.
 */
function ownedDefinitions(dataset: Dataset): (error: ErrorObject) => boolean {
  const common = dataset.catalog.files.get("common.schema.json");
  const definitions = (common?.$defs ?? {}) as Record<string, Record<string, unknown>>;
  const owned = [definitions.httpsUrl, definitions.partialDate].filter(Boolean);
  return (error) =>
    ["pattern", "minLength", "maxLength"].includes(error.keyword) &&
    owned.some((definition) => error.parentSchema === definition || (error.parentSchema as { pattern?: unknown })?.pattern === definition?.pattern);
}
