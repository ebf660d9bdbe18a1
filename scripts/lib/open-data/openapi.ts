import { API_SCHEMAS } from "./api-schemas.ts";

/** Where the OpenAPI description is published, relative to dist/. */
export const OPENAPI_PATH = "api/v1/openapi.json";
/** The version of the description: it changes when the files it describes change shape. */
export const OPENAPI_VERSION = "1.0.0";

type SchemaName = keyof typeof API_SCHEMAS;

interface FileKind {
  /** The path template under api/v1, as OpenAPI writes it. */
  path: string;
  summary: string;
  mediaType: string;
  /** The API schema of a JSON file; text files have none. */
  schema?: SchemaName;
  parameters?: Array<{ name: string; description: string; pattern: string }>;
}

const LANG = { name: "lang", description: "An interface language: ar, zh, en, fr, ru or es.", pattern: "^(ar|zh|en|fr|ru|es)$" };
const ISO3 = { name: "iso3", description: "An ISO 3166-1 alpha-3 code in lower case, such as ken.", pattern: "^[a-z]{3}$" };
const DIMENSION = { name: "dimension", description: "policy-areas or mnr-capabilities.", pattern: "^(policy-areas|mnr-capabilities)$" };
const ORGANIZATION = { name: "id", description: "An organisation's id, such as itu.", pattern: "^[a-z0-9]+(-[a-z0-9]+)*$" };

/**
 * Every kind of file of the static API. The site is static files on a CDN: each "operation"
 * is a GET of a file, and the build writes nothing under api/v1 that this list does not
 * describe (the tests hold it to that).
 */
export const API_FILES: readonly FileKind[] = [
  { path: "/index.json", summary: "The index: counts, the other files, every country and organisation.", mediaType: "application/json", schema: "index" },
  {
    path: "/activities.json",
    summary: "Every activity, with its facts and the title and summary of each narrative.",
    mediaType: "application/json",
    schema: "activities",
  },
  { path: "/activities.csv", summary: "Every activity as one row of a spreadsheet (UTF-8 with a byte-order mark, CRLF line ends).", mediaType: "text/csv" },
  {
    path: "/activities/{owner}/{slug}.json",
    summary: "One activity with the Markdown of each narrative.",
    mediaType: "application/json",
    schema: "activity-file",
    parameters: [
      { name: "owner", description: "The country code (lower case) or organisation id the activity is filed under.", pattern: "^[a-z0-9]+(-[a-z0-9]+)*$" },
      { name: "slug", description: "The activity's folder name.", pattern: "^[a-z0-9]+(-[a-z0-9]+)*$" },
    ],
  },
  { path: "/countries/{iso3}.json", summary: "A country's profile and its activities.", mediaType: "application/json", schema: "owner", parameters: [ISO3] },
  {
    path: "/organizations/{id}.json",
    summary: "An organisation's profile and its activities.",
    mediaType: "application/json",
    schema: "owner",
    parameters: [ORGANIZATION],
  },
  {
    path: "/vocabularies.json",
    summary: "Every controlled list, with its labels in the six languages.",
    mediaType: "application/json",
    schema: "vocabularies",
  },
  {
    path: "/vocabularies/{name}.json",
    summary: "One controlled list.",
    mediaType: "application/json",
    schema: "vocabulary",
    parameters: [{ name: "name", description: "The list's name, such as topics.", pattern: "^[a-z]+(-[a-z]+)*$" }],
  },
  { path: "/feeds/{lang}/all.atom", summary: "The newest activities, as an Atom feed in one language.", mediaType: "application/atom+xml", parameters: [LANG] },
  {
    path: "/feeds/{lang}/countries/{iso3}.atom",
    summary: "A country's newest activities, as an Atom feed in one language.",
    mediaType: "application/atom+xml",
    parameters: [LANG, ISO3],
  },
  {
    path: "/feeds/{lang}/organizations/{id}.atom",
    summary: "An organisation's newest activities, as an Atom feed in one language.",
    mediaType: "application/atom+xml",
    parameters: [LANG, ORGANIZATION],
  },
  {
    path: "/reports/{year}/report.{lang}.md",
    summary: "The annual report of a year in one language, as Markdown.",
    mediaType: "text/markdown",
    parameters: [{ name: "year", description: "The year the report covers.", pattern: "^\\d{4}$" }, LANG],
  },
  {
    path: "/schemas/api/{name}.schema.json",
    summary: "The JSON Schemas of the API's own files, which this description uses.",
    mediaType: "application/schema+json",
    parameters: [{ name: "name", description: "The schema's name, such as activities.", pattern: "^[a-z]+(-[a-z]+)*$" }],
  },
  {
    path: "/schemas/{file}",
    summary: "The JSON Schemas of the source files (activity.json, country.json ...) and of the controlled lists.",
    mediaType: "application/schema+json",
    parameters: [{ name: "file", description: "A schema file, such as activity.schema.json or vocab/topics.json.", pattern: "^[a-z/.-]+\\.json$" }],
  },
  {
    path: "/compare/{dimension}.csv",
    summary: "For every country, how many activities concern it, per policy area or per Model National Response capability.",
    mediaType: "text/csv",
    parameters: [DIMENSION],
  },
  {
    path: "/compare/{dimension}/{region}.csv",
    summary: "The same comparison for the countries of one ITU-D region.",
    mediaType: "text/csv",
    parameters: [DIMENSION, { name: "region", description: "An ITU-D region, such as africa.", pattern: "^[a-z]+(-[a-z]+)*$" }],
  },
  { path: "/openapi.json", summary: "This description.", mediaType: "application/json" },
];

/**
 * The OpenAPI 3.1 description of the static API, for `siteUrl` (with its trailing slash).
 * The response schemas are the published API schemas themselves, embedded under
 * components.schemas with their $ids, so the description and the files cannot disagree.
 */
export function openApiDocument(siteUrl: string, version: string): Record<string, unknown> {
  const paths: Record<string, unknown> = {};
  for (const file of API_FILES) {
    const content = { [file.mediaType]: { schema: file.schema ? { $ref: `#/components/schemas/${file.schema}` } : { type: "string" } } };
    paths[file.path] = {
      get: {
        operationId: operationId(file.path),
        summary: file.summary,
        ...(file.parameters
          ? {
              parameters: file.parameters.map((p) => ({
                name: p.name,
                in: "path",
                required: true,
                description: p.description,
                schema: { type: "string", pattern: p.pattern },
              })),
            }
          : {}),
        responses: {
          "200": { description: file.summary, content },
          "404": { description: "No such file: the id is unknown, or the entry was removed." },
        },
      },
    };
  }
  return {
    openapi: "3.1.0",
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    info: {
      title: "COP Atlas open data",
      version,
      summary: "What countries and their partners do for Child Online Protection, as static JSON, CSV and Atom files.",
      description:
        "Every file is static and can be downloaded without a key; nothing is rate-limited. The addresses under api/v1 never change meaning: a change that would break a reader gets a new version folder.",
      license: { name: "Creative Commons Attribution 4.0 International", identifier: "CC-BY-4.0" },
    },
    servers: [{ url: `${siteUrl}api/v1`, description: "The published site" }],
    paths,
    components: { schemas: Object.fromEntries(Object.entries(API_SCHEMAS).map(([name, schema]) => [name, embedded(schema)])) },
  };
}

/**
 * A published API schema as a component: without its $id (inside a resource with an $id, a
 * "#/components/..." reference would resolve against that $id, not this document), and with
 * its references to the other published schemas ("activity.schema.json") pointed at their
 * components. Nothing else changes, so the published files stay the single source.
 */
function embedded(schema: object): unknown {
  const { $id: _id, $schema: _dialect, ...rest } = schema as Record<string, unknown>;
  const names = new Set(Object.keys(API_SCHEMAS));
  const rewrite = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(rewrite);
    if (value === null || typeof value !== "object") return value;
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => {
        const target = key === "$ref" && typeof inner === "string" ? /^([a-z-]+)\.schema\.json$/.exec(inner)?.[1] : undefined;
        return [key, target && names.has(target) ? `#/components/schemas/${target}` : rewrite(inner)];
      }),
    );
  };
  return rewrite(rest);
}

/** "/activities/{owner}/{slug}.json" → "getActivitiesOwnerSlugJson": unique, stable, readable. */
function operationId(path: string): string {
  const words = path.split(/[^A-Za-z0-9]+/).filter(Boolean);
  return `get${words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join("")}`;
}

/** The API file kind a path under dist/ belongs to: the first path template that matches (the specific ones come first). */
export function apiFileKind(path: string): FileKind | undefined {
  if (!path.startsWith("api/v1/")) return undefined;
  const rest = path.slice("api/v1".length);
  return API_FILES.find((file) => {
    const pattern = file.path.replace(/[.]/g, "\\.").replace(/\{([a-z0-9]+)\}/g, (_, name: string) => (name === "file" ? "(.+)" : "([^/]+)"));
    return new RegExp(`^${pattern}$`).test(rest);
  });
}
