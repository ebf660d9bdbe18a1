/**
 * The JSON Schemas of the API's own files (draft 2020-12), published at
 * api/v1/schemas/api/<name>.schema.json. The tests validate every file the build writes
 * against them, so the documentation cannot drift from the output.
 */
import { CANONICAL_SITE_URL } from "../schema/catalog.ts";

/** The API schemas' $ids: where the site serves them. */
const BASE = `${CANONICAL_SITE_URL}api/v1/schemas/api/`;
const languageTag = { type: "string", pattern: "^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$" };
const id = { type: "string", pattern: "^[a-z0-9]+(-[a-z0-9]+)*$" };
const strings = { type: "array", items: { type: "string" } };
const dateTime = { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}T" };
const head = {
  version: { const: 1 },
  generated: dateTime,
  license: { const: "CC-BY-4.0" },
};
const sixNames = {
  type: "object",
  required: ["ar", "zh", "en", "fr", "ru", "es"],
  additionalProperties: false,
  properties: Object.fromEntries(["ar", "zh", "en", "fr", "ru", "es"].map((l) => [l, { type: "string" }])),
};
const organisation = {
  type: "object",
  required: ["name"],
  additionalProperties: false,
  properties: { name: { type: "string" }, acronym: { type: "string" }, url: { type: "string" }, country: { type: "string" } },
};

export const activitySchema = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: `${BASE}activity.schema.json`,
  title: "COP Atlas API: an activity",
  type: "object",
  additionalProperties: false,
  required: [
    "id",
    "owner",
    "slug",
    "kind",
    "type",
    "level",
    "countries",
    "regions",
    "lead",
    "partners",
    "audiences",
    "topics",
    "policyAreas",
    "mnrCapabilities",
    "sdgTargets",
    "links",
    "related",
    "originalLanguage",
    "provenance",
    "narratives",
    "added",
    "updated",
    "pages",
    "source",
  ],
  properties: {
    id: { type: "string", pattern: "^[a-z0-9]+(-[a-z0-9]+)*/[a-z0-9]+(-[a-z0-9]+)*$" },
    owner: {
      type: "object",
      additionalProperties: false,
      required: ["type", "id"],
      properties: { type: { enum: ["country", "organization"] }, id },
    },
    slug: id,
    kind: { type: "string" },
    type: { type: "string" },
    level: { type: "string" },
    status: { type: "string" },
    provenance: {
      type: "object",
      additionalProperties: false,
      required: ["compiledBy", "confirmedBy"],
      properties: {
        compiledBy: { type: "string" },
        confirmedBy: { type: "array", items: id },
        confirmedOn: { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}$" },
      },
    },
    start: { type: "string", pattern: "^\\d{4}(-\\d{2}(-\\d{2})?)?$" },
    end: { type: "string", pattern: "^\\d{4}(-\\d{2}(-\\d{2})?)?$" },
    year: { type: "integer" },
    countries: { type: "array", items: { type: "string", pattern: "^[A-Z]{3}$" } },
    regions: strings,
    lead: { type: "array", items: organisation },
    partners: { type: "array", items: organisation },
    audiences: strings,
    topics: strings,
    policyAreas: strings,
    mnrCapabilities: strings,
    sdgTargets: strings,
    links: {
      type: "array",
      items: {
        type: "object",
        required: ["url", "type"],
        additionalProperties: false,
        properties: {
          url: { type: "string", pattern: "^https://" },
          type: { type: "string" },
          title: { type: "string" },
          language: languageTag,
          accessed: { type: "string" },
        },
      },
    },
    contact: {
      type: "object",
      additionalProperties: false,
      properties: { organisation: { type: "string" }, url: { type: "string" }, email: { type: "string" }, phone: { type: "string" } },
    },
    related: strings,
    originalLanguage: languageTag,
    narratives: {
      type: "object",
      minProperties: 1,
      propertyNames: languageTag,
      additionalProperties: {
        type: "object",
        additionalProperties: false,
        required: ["title", "summary", "status", "outOfDate"],
        properties: {
          title: { type: "string" },
          summary: { type: "string" },
          status: { enum: ["original", "human", "machine", "reviewed"] },
          outOfDate: { type: "boolean" },
          version: { type: "string", pattern: "^[0-9a-f]{12}$" },
          translates: { type: "string", pattern: "^[0-9a-f]{12}$" },
          markdown: { type: "string" },
        },
      },
    },
    added: { type: ["string", "null"] },
    updated: { type: ["string", "null"] },
    pages: sixNames,
    source: { type: ["string", "null"] },
  },
};

export const activitiesSchema = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: `${BASE}activities.schema.json`,
  title: "COP Atlas API: all activities (activities.json)",
  type: "object",
  additionalProperties: false,
  required: ["version", "generated", "license", "count", "activities"],
  properties: { ...head, count: { type: "integer", minimum: 0 }, activities: { type: "array", items: { $ref: "activity.schema.json" } } },
};

export const activityFileSchema = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: `${BASE}activity-file.schema.json`,
  title: "COP Atlas API: one activity with its texts (activities/<owner>/<slug>.json)",
  type: "object",
  additionalProperties: false,
  required: ["version", "generated", "license", "activity"],
  properties: { ...head, activity: { $ref: "activity.schema.json" } },
};

export const ownerSchema = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: `${BASE}owner.schema.json`,
  title: "COP Atlas API: a country or organisation with its activities (countries/<iso3>.json, organizations/<id>.json)",
  type: "object",
  additionalProperties: false,
  required: ["version", "generated", "license", "owner", "activities"],
  properties: {
    ...head,
    owner: {
      type: "object",
      additionalProperties: false,
      required: ["type", "id", "names", "links", "entries"],
      properties: {
        type: { enum: ["country", "organization"] },
        id,
        iso3: { type: "string", pattern: "^[A-Z]{3}$" },
        names: sixNames,
        acronym: { type: "string" },
        region: { type: "string" },
        regions: strings,
        category: { type: "string" },
        level: { type: "string" },
        links: { type: "array" },
        contact: { type: "object" },
        entries: { type: "integer", minimum: 0 },
      },
    },
    activities: { type: "array", items: { $ref: "activity.schema.json" } },
  },
};

const ownerRow = {
  type: "object",
  additionalProperties: false,
  required: ["id", "name", "entries", "url"],
  properties: { id, name: { type: "string" }, entries: { type: "integer" }, url: { type: "string" } },
};

export const indexSchema = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: `${BASE}index.schema.json`,
  title: "COP Atlas API: the index (index.json)",
  type: "object",
  additionalProperties: false,
  required: ["version", "generated", "license", "counts", "files", "countries", "organizations"],
  properties: {
    ...head,
    counts: {
      type: "object",
      additionalProperties: false,
      required: ["activities", "countries", "organizations"],
      properties: { activities: { type: "integer" }, countries: { type: "integer" }, organizations: { type: "integer" } },
    },
    files: {
      type: "object",
      additionalProperties: false,
      required: ["activities", "csv", "vocabularies", "schemas", "feeds"],
      properties: {
        activities: { type: "string" },
        csv: { type: "string" },
        vocabularies: { type: "string" },
        schemas: { type: "string" },
        feeds: sixNames,
      },
    },
    countries: { type: "array", items: ownerRow },
    organizations: { type: "array", items: ownerRow },
  },
};

const vocabulary = {
  type: "object",
  additionalProperties: false,
  required: ["name", "title", "labels", "schema", "terms"],
  properties: {
    name: id,
    title: { type: "string" },
    labels: sixNames,
    schema: { type: "string" },
    terms: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["id", "labels"],
        properties: { id: { type: "string" }, labels: sixNames, description: { type: "string" }, meta: { type: "object" } },
      },
    },
  },
};

export const vocabulariesSchema = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: `${BASE}vocabularies.schema.json`,
  title: "COP Atlas API: every vocabulary (vocabularies.json)",
  type: "object",
  additionalProperties: false,
  required: ["version", "generated", "license", "vocabularies"],
  properties: { ...head, vocabularies: { type: "object", additionalProperties: vocabulary } },
};

export const vocabularySchema = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: `${BASE}vocabulary.schema.json`,
  title: "COP Atlas API: one vocabulary (vocabularies/<name>.json)",
  type: "object",
  additionalProperties: false,
  required: ["version", "generated", "license", "vocabulary"],
  properties: { ...head, vocabulary },
};

/** Every API schema by name: published as api/v1/schemas/api/<name>.schema.json. */
export const API_SCHEMAS = {
  activity: activitySchema,
  activities: activitiesSchema,
  "activity-file": activityFileSchema,
  owner: ownerSchema,
  index: indexSchema,
  vocabularies: vocabulariesSchema,
  vocabulary: vocabularySchema,
} as const;

/** Which schema describes an API file, by its path under dist/. */
export function schemaForApiFile(path: string): keyof typeof API_SCHEMAS | undefined {
  if (path === "api/v1/index.json") return "index";
  if (path === "api/v1/activities.json") return "activities";
  if (path === "api/v1/vocabularies.json") return "vocabularies";
  if (/^api\/v1\/vocabularies\/[a-z-]+\.json$/.test(path)) return "vocabulary";
  if (/^api\/v1\/activities\/[a-z0-9-]+\/[a-z0-9-]+\.json$/.test(path)) return "activity-file";
  if (/^api\/v1\/(countries|organizations)\/[a-z0-9-]+\.json$/.test(path)) return "owner";
  return undefined;
}
