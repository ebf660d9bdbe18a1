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
/** A schema node with what it holds, for the API page (pages/api.ts) and for anyone reading the schema. */
const d = <T extends object>(description: string, node: T): T & { description: string } => ({ ...node, description });
const head = {
  version: d("The version of the API: 1. A new version gets a new folder (api/v2/).", { const: 1 }),
  generated: d("When the file was built (ISO 8601).", dateTime),
  license: d("The licence of the data: Creative Commons Attribution 4.0.", { const: "CC-BY-4.0" }),
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
    name: d("The organisation's name, as it writes it.", { type: "string" }),
    acronym: d("Its acronym.", { type: "string" }),
    url: d("Its website.", { type: "string" }),
    country: d("The ISO alpha-3 code of the country it is based in.", { type: "string" }),
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
    id: d("The entry's permalink, <owner>/<slug>: stable, the address of its page and files.", {
      type: "string",
      pattern: "^[a-z0-9]+(-[a-z0-9]+)*/[a-z0-9]+(-[a-z0-9]+)*$",
    }),
    owner: d("The country or organisation in whose folder the entry is.", {
      type: "object",
      additionalProperties: false,
      required: ["type", "id"],
      properties: {
        type: d("country or organization.", { enum: ["country", "organization"] }),
        id: d("The folder name: the ISO alpha-3 code in lower case, or the organisation's id.", id),
      },
    }),
    slug: d("The entry's folder name under activities/.", id),
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
    year: d("The year it started, when known: what the year filter uses.", { type: "integer" }),
    countries: { type: "array", items: { type: "string", pattern: "^[A-Z]{3}$" } },
    regions: d("The ITU-D regions of the countries it concerns.", strings),
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
          url: d("The address of the source.", { type: "string", pattern: "^https://" }),
          type: d("What the source is (a value of the link-types vocabulary: official, document, news, evaluation ...).", { type: "string" }),
          title: d("The source's title.", { type: "string" }),
          language: d("The language of the source.", languageTag),
          accessed: d("When the source was last seen to say what the entry says.", { type: "string" }),
        },
      },
    },
    contact: {
      type: "object",
      description: "An organisation's public contact channel, never a person's.",
      additionalProperties: false,
      properties: {
        organisation: d("The organisation to contact.", { type: "string" }),
        url: d("Its contact page.", { type: "string" }),
        email: d("Its public e-mail address.", { type: "string" }),
        phone: d("Its public telephone number.", { type: "string" }),
      },
    },
    related: strings,
    originalLanguage: languageTag,
    narratives: {
      type: "object",
      description: "The texts by language code: the original and its translations.",
      minProperties: 1,
      propertyNames: languageTag,
      additionalProperties: {
        type: "object",
        additionalProperties: false,
        required: ["title", "summary", "status", "outOfDate"],
        properties: {
          title: d("The title, plain text.", { type: "string" }),
          summary: d("A short summary, plain text.", { type: "string" }),
          status: d("original, or how the translation was made: human, machine, or machine then reviewed.", {
            enum: ["original", "human", "machine", "reviewed"],
          }),
          outOfDate: d("True when the original changed after this translation was made.", { type: "boolean" }),
          version: d("The version of the original's text (a hash).", { type: "string", pattern: "^[0-9a-f]{12}$" }),
          translates: d("The version of the original that this translation translates.", { type: "string", pattern: "^[0-9a-f]{12}$" }),
          markdown: d("The full text in Markdown; only in activities/<owner>/<slug>.json.", { type: "string" }),
        },
      },
    },
    added: d("The date of the entry's first change on the main branch; null when the history is not known.", { type: ["string", "null"] }),
    updated: d("The date of its last change on the main branch; null when not known.", { type: ["string", "null"] }),
    pages: d("The address of the entry's page in each of the six languages.", sixNames),
    source: d("The entry's folder in the repository; null when the site was built without one.", { type: ["string", "null"] }),
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
    count: d("How many activities the file lists.", { type: "integer", minimum: 0 }),
    activities: d("Every activity, newest first (without the full texts).", { type: "array", items: { $ref: "activity.schema.json" } }),
  },
};

export const activityFileSchema = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: `${BASE}activity-file.schema.json`,
  title: "COP Atlas API: one activity with its texts (activities/<owner>/<slug>.json)",
  type: "object",
  additionalProperties: false,
  required: ["version", "generated", "license", "activity"],
  properties: { ...head, activity: d("The activity, with the full text of each narrative.", { $ref: "activity.schema.json" }) },
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
    owner: d("The country or organisation.", {
      type: "object",
      additionalProperties: false,
      required: ["type", "id", "names", "links", "entries"],
      properties: {
        type: d("country or organization.", { enum: ["country", "organization"] }),
        id: d("The folder name: the ISO alpha-3 code in lower case, or the organisation's id.", id),
        iso3: d("A country's ISO alpha-3 code, in capitals.", { type: "string", pattern: "^[A-Z]{3}$" }),
        names: d("The name in each of the six languages.", sixNames),
        acronym: d("An organisation's acronym.", { type: "string" }),
        region: d("A country's ITU-D region.", { type: "string" }),
        regions: d("The regions an organisation works in.", strings),
        category: d("The kind of organisation.", { type: "string" }),
        level: d("national, regional or international.", { type: "string" }),
        links: d("Links to the national framework or the organisation's website.", { type: "array" }),
        contact: d("A public contact channel.", { type: "object" }),
        entries: d("How many entries it holds.", { type: "integer", minimum: 0 }),
      },
    }),
    activities: d("Its activities, newest first.", { type: "array", items: { $ref: "activity.schema.json" } }),
  },
};

const ownerRow = {
  type: "object",
  additionalProperties: false,
  required: ["id", "name", "entries", "url"],
  properties: {
    id: d("The folder name.", id),
    name: d("The name in English.", { type: "string" }),
    entries: d("How many entries it holds.", { type: "integer" }),
    url: d("Its file, relative to api/v1/.", { type: "string" }),
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
    counts: {
      type: "object",
      description: "How many activities, countries with a profile and organisations the atlas holds.",
      additionalProperties: false,
      required: ["activities", "countries", "organizations"],
      properties: {
        activities: d("Activities.", { type: "integer" }),
        countries: d("Countries with a profile.", { type: "integer" }),
        organizations: d("Organisations.", { type: "integer" }),
      },
    },
    files: {
      type: "object",
      description: "Where the other files are, relative to api/v1/.",
      additionalProperties: false,
      required: ["activities", "csv", "vocabularies", "schemas", "feeds"],
      properties: {
        activities: d("activities.json: every activity.", { type: "string" }),
        csv: d("activities.csv: every activity, one row each.", { type: "string" }),
        vocabularies: d("vocabularies.json: every controlled list.", { type: "string" }),
        schemas: d("The folder of the JSON Schemas.", { type: "string" }),
        feeds: d("The Atom feed of all activities, in each of the six languages.", sixNames),
      },
    },
    countries: d("Every country with a profile.", { type: "array", items: ownerRow }),
    organizations: d("Every organisation.", { type: "array", items: ownerRow }),
  },
};

const vocabulary = {
  type: "object",
  additionalProperties: false,
  required: ["name", "title", "labels", "schema", "terms"],
  properties: {
    name: d("The list's name.", id),
    title: d("Its title in English.", { type: "string" }),
    labels: d("Its name in the six languages.", sixNames),
    schema: d("The list's file in the repository.", { type: "string" }),
    terms: d("Every value of the list, in the list's order.", {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["id", "labels"],
        properties: {
          id: d("The value as the data writes it.", { type: "string" }),
          labels: d("Its label in the six languages.", sixNames),
          description: d("What it means.", { type: "string" }),
          meta: d("Other facts about the value, such as a country's region or a language's writing direction.", { type: "object" }),
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
  properties: { ...head, vocabularies: d("Every vocabulary, by name.", { type: "object", additionalProperties: vocabulary }) },
};

export const vocabularySchema = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: `${BASE}vocabulary.schema.json`,
  title: "COP Atlas API: one vocabulary (vocabularies/<name>.json)",
  type: "object",
  additionalProperties: false,
  required: ["version", "generated", "license", "vocabulary"],
  properties: { ...head, vocabulary: d("The vocabulary.", vocabulary) },
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
