/**
 * The JSON Schemas of the API's own files (draft 2020-12), published at
 * api/v1/schemas/api/<name>.schema.json. The tests validate every file the build writes
 * against them, so the documentation cannot drift from the output.
 */
import { CATALOGS, type Catalog, formatMessage, type MessageKey } from "../i18n/messages.ts";
import { CANONICAL_SITE_URL } from "../schema/catalog.ts";
import { DESCRIPTION_LANGUAGES } from "../schema/descriptions.ts";
import type { UnLanguage } from "../vocab.ts";

/** The API schemas' $ids: where the site serves them. */
const BASE = `${CANONICAL_SITE_URL}api/v1/schemas/api/`;
const languageTag = { type: "string", pattern: "^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$" };
const id = { type: "string", pattern: "^[a-z0-9]+(-[a-z0-9]+)*$" };
const strings = { type: "array", items: { type: "string" } };
const dateTime = { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}T" };
/** A key of the message catalogs under "api.field.": the name of one of these descriptions. */
export type ApiFieldKey = FieldName<MessageKey>;
type FieldName<Key> = Key extends `api.field.${infer Name}` ? Name : never;

/** A description in English (JSON Schema's `description`) and in the five other languages beside it (`descriptions`). */
export interface ApiDescription {
  description: string;
  descriptions: Partial<Record<UnLanguage, string>>;
}

/**
 * What the field `name` holds, from the message catalogs (locales/<lang>.json, "api.field.<name>"),
 * where translators edit it with the other words of the site. It is written into the schema the
 * way the data schemas carry theirs, so the API page and anyone reading the published schema
 * read it through descriptionTexts(). A language without the message is left out rather than
 * filled with English, so that test/schema/descriptions.test.ts names what is missing.
 */
export function apiDescription(name: ApiFieldKey, catalogs: Readonly<Record<UnLanguage, Catalog>> = CATALOGS): ApiDescription {
  const key: MessageKey = `api.field.${name}`;
  const descriptions: Partial<Record<UnLanguage, string>> = {};
  for (const lang of DESCRIPTION_LANGUAGES) if (key in catalogs[lang]) descriptions[lang] = formatMessage(lang, key, {}, catalogs);
  return { description: formatMessage("en", key, {}, catalogs), descriptions };
}

/** A schema node with what it holds, for the API page (pages/api.ts) and for anyone reading the schema. */
const d = <T extends object>(name: ApiFieldKey, node: T): T & ApiDescription => ({ ...node, ...apiDescription(name) });
const head = {
  version: d("version", { const: 1 }),
  generated: d("generated", dateTime),
  license: d("license", { const: "CC-BY-4.0" }),
};
const sixNames: Record<string, unknown> = {
  type: "object",
  required: ["ar", "zh", "en", "fr", "ru", "es"],
  additionalProperties: false,
  properties: Object.fromEntries(["ar", "zh", "en", "fr", "ru", "es"].map((l) => [l, { type: "string" }])),
};
const organisation = {
  type: "object",
  required: ["name"],
  additionalProperties: false,
  properties: {
    name: d("organisationName", { type: "string" }),
    acronym: d("organisationAcronym", { type: "string" }),
    url: d("organisationUrl", { type: "string" }),
    country: d("organisationCountry", { type: "string" }),
  },
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
    id: d("activityId", {
      type: "string",
      pattern: "^[a-z0-9]+(-[a-z0-9]+)*/[a-z0-9]+(-[a-z0-9]+)*$",
    }),
    owner: d("activityOwner", {
      type: "object",
      additionalProperties: false,
      required: ["type", "id"],
      properties: {
        type: d("ownerType", { enum: ["country", "organization"] }),
        id: d("ownerId", id),
      },
    }),
    slug: d("activitySlug", id),
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
    year: d("activityYear", { type: "integer" }),
    countries: { type: "array", items: { type: "string", pattern: "^[A-Z]{3}$" } },
    regions: d("activityRegions", strings),
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
          url: d("linkUrl", { type: "string", pattern: "^https://" }),
          type: d("linkType", { type: "string" }),
          title: d("linkTitle", { type: "string" }),
          language: d("linkLanguage", languageTag),
          accessed: d("linkAccessed", { type: "string" }),
        },
      },
    },
    contact: d("contact", {
      type: "object",
      additionalProperties: false,
      properties: {
        organisation: d("contactOrganisation", { type: "string" }),
        url: d("contactUrl", { type: "string" }),
        email: d("contactEmail", { type: "string" }),
        phone: d("contactPhone", { type: "string" }),
      },
    }),
    related: strings,
    originalLanguage: languageTag,
    narratives: d("narratives", {
      type: "object",
      minProperties: 1,
      propertyNames: languageTag,
      additionalProperties: {
        type: "object",
        additionalProperties: false,
        required: ["title", "summary", "status", "outOfDate"],
        properties: {
          title: d("narrativeTitle", { type: "string" }),
          summary: d("narrativeSummary", { type: "string" }),
          status: d("narrativeStatus", {
            enum: ["original", "human", "machine", "reviewed"],
          }),
          outOfDate: d("narrativeOutOfDate", { type: "boolean" }),
          version: d("narrativeVersion", { type: "string", pattern: "^[0-9a-f]{12}$" }),
          translates: d("narrativeTranslates", { type: "string", pattern: "^[0-9a-f]{12}$" }),
          markdown: d("narrativeMarkdown", { type: "string" }),
        },
      },
    }),
    added: d("activityAdded", { type: ["string", "null"] }),
    updated: d("activityUpdated", { type: ["string", "null"] }),
    pages: d("activityPages", sixNames),
    source: d("activitySource", { type: ["string", "null"] }),
  },
};

export const activitiesSchema = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: `${BASE}activities.schema.json`,
  title: "COP Atlas API: all activities (activities.json)",
  type: "object",
  additionalProperties: false,
  required: ["version", "generated", "license", "count", "activities"],
  properties: {
    ...head,
    count: d("activitiesCount", { type: "integer", minimum: 0 }),
    activities: d("activitiesList", { type: "array", items: { $ref: "activity.schema.json" } }),
  },
};

export const activityFileSchema = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: `${BASE}activity-file.schema.json`,
  title: "COP Atlas API: one activity with its texts (activities/<owner>/<slug>.json)",
  type: "object",
  additionalProperties: false,
  required: ["version", "generated", "license", "activity"],
  properties: { ...head, activity: d("activityFileActivity", { $ref: "activity.schema.json" }) },
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
    owner: d("owner", {
      type: "object",
      additionalProperties: false,
      required: ["type", "id", "names", "links", "entries"],
      properties: {
        type: d("ownerType", { enum: ["country", "organization"] }),
        id: d("ownerId", id),
        iso3: d("ownerIso3", { type: "string", pattern: "^[A-Z]{3}$" }),
        names: d("ownerNames", sixNames),
        acronym: d("ownerAcronym", { type: "string" }),
        region: d("ownerRegion", { type: "string" }),
        regions: d("ownerRegions", strings),
        category: d("ownerCategory", { type: "string" }),
        level: d("ownerLevel", { type: "string" }),
        links: d("ownerLinks", { type: "array" }),
        contact: d("ownerContact", { type: "object" }),
        entries: d("entries", { type: "integer", minimum: 0 }),
      },
    }),
    activities: d("ownerActivities", { type: "array", items: { $ref: "activity.schema.json" } }),
  },
};

const ownerRow = {
  type: "object",
  additionalProperties: false,
  required: ["id", "name", "entries", "url"],
  properties: {
    id: d("rowId", id),
    name: d("rowName", { type: "string" }),
    entries: d("entries", { type: "integer" }),
    url: d("rowUrl", { type: "string" }),
  },
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
    counts: d("counts", {
      type: "object",
      additionalProperties: false,
      required: ["activities", "countries", "organizations"],
      properties: {
        activities: d("countsActivities", { type: "integer" }),
        countries: d("countsCountries", { type: "integer" }),
        organizations: d("countsOrganizations", { type: "integer" }),
      },
    }),
    files: d("files", {
      type: "object",
      additionalProperties: false,
      required: ["activities", "csv", "vocabularies", "schemas", "feeds"],
      properties: {
        activities: d("filesActivities", { type: "string" }),
        csv: d("filesCsv", { type: "string" }),
        vocabularies: d("filesVocabularies", { type: "string" }),
        schemas: d("filesSchemas", { type: "string" }),
        feeds: d("filesFeeds", sixNames),
      },
    }),
    countries: d("indexCountries", { type: "array", items: ownerRow }),
    organizations: d("indexOrganizations", { type: "array", items: ownerRow }),
  },
};

const vocabulary = {
  type: "object",
  additionalProperties: false,
  required: ["name", "title", "labels", "schema", "terms"],
  properties: {
    name: d("vocabularyName", id),
    title: d("vocabularyTitle", { type: "string" }),
    labels: d("vocabularyLabels", sixNames),
    schema: d("vocabularySchema", { type: "string" }),
    terms: d("vocabularyTerms", {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["id", "labels"],
        properties: {
          id: d("termId", { type: "string" }),
          labels: d("termLabels", sixNames),
          description: d("termDescription", { type: "string" }),
          meta: d("termMeta", { type: "object" }),
        },
      },
    }),
  },
};

export const vocabulariesSchema = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: `${BASE}vocabularies.schema.json`,
  title: "COP Atlas API: every vocabulary (vocabularies.json)",
  type: "object",
  additionalProperties: false,
  required: ["version", "generated", "license", "vocabularies"],
  properties: { ...head, vocabularies: d("vocabularies", { type: "object", additionalProperties: vocabulary }) },
};

export const vocabularySchema = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: `${BASE}vocabulary.schema.json`,
  title: "COP Atlas API: one vocabulary (vocabularies/<name>.json)",
  type: "object",
  additionalProperties: false,
  required: ["version", "generated", "license", "vocabulary"],
  properties: { ...head, vocabulary: d("vocabulary", vocabulary) },
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
