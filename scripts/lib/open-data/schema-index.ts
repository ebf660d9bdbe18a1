import { API_SCHEMAS } from "./api-schemas.ts";

/** Where the list of every published schema is, relative to dist/. */
export const SCHEMA_INDEX_PATH = "schemas/index.json";

/** One published schema: its $id (the address it is served at), title and description. */
export interface PublishedSchema {
  $id: string;
  title: string;
  description?: string;
  /** Where the file is, relative to dist/ (the $id's path below the site's address). */
  path: string;
}

/**
 * Every schema the site publishes, each at the path its $id names below `idBase` (the site's
 * canonical address): the data schemas of schemas/ (by their file name there) and the API's.
 */
export function publishedSchemas(dataSchemas: ReadonlyMap<string, Record<string, unknown>>, idBase: string): PublishedSchema[] {
  const all: Array<Record<string, unknown>> = [...dataSchemas.values(), ...Object.values(API_SCHEMAS)];
  return all
    .map((schema) => {
      const $id = String(schema.$id);
      if (!$id.startsWith(idBase)) throw new Error(`schema ${$id} is not below ${idBase}: it would not be served at its $id`);
      return {
        $id,
        title: String(schema.title ?? ""),
        ...(typeof schema.description === "string" ? { description: schema.description } : {}),
        path: $id.slice(idBase.length),
      };
    })
    .sort((a, b) => a.path.localeCompare(b.path));
}
