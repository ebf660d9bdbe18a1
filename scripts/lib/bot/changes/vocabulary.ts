import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadCatalog } from "../../schema/catalog.ts";
import type { ChangeVocabulary } from "../facts/content.ts";
import { vocabularyProperties } from "./describe.ts";

/** The vocabularies and the property-to-list map of a checkout (the default branch's, for the bot). */
export function changeVocabulary(root: string): ChangeVocabulary {
  const schema = JSON.parse(readFileSync(join(root, "schemas", "activity.schema.json"), "utf8")) as unknown;
  return { vocabularies: loadCatalog(root).vocabularies, lists: vocabularyProperties(schema) };
}
