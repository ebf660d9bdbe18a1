import { expect, test } from "vitest";
import { loadFormatSchemas } from "../../scripts/lib/format/repository.ts";
import { buildFormatSchemas, childShape, type Shape } from "../../scripts/lib/format/schema-shapes.ts";
import { catalogOf } from "../../scripts/lib/schema/catalog.ts";
import { PROJECT_ROOT } from "../support/repo.ts";

const schemas = loadFormatSchemas(PROJECT_ROOT);

function at(shape: Shape, path: string[]): Shape {
  return path.reduce<Shape>((current, step) => (step === "[]" ? (current.items ?? { properties: new Map() }) : childShape(current, step)), shape);
}

test.for([
  {
    name: "activity",
    kind: "activity",
    path: [],
    keys: [
      "kind",
      "type",
      "level",
      "countries",
      "status",
      "start",
      "end",
      "lead",
      "partners",
      "audiences",
      "topics",
      "policyAreas",
      "mnrCapabilities",
      "sdgTargets",
      "links",
      "originalLanguage",
      "contact",
      "related",
      "provenance",
    ],
  },
  { name: "provenance", kind: "activity", path: ["provenance"], keys: ["compiledBy", "confirmedBy", "confirmedOn"] },
  { name: "lead[] items (common organisation)", kind: "activity", path: ["lead", "[]"], keys: ["name", "acronym", "url", "country"] },
  { name: "links[] items ($ref with local keywords)", kind: "activity", path: ["links", "[]"], keys: ["url", "type", "title", "language", "accessed"] },
  { name: "contact", kind: "activity", path: ["contact"], keys: ["organisation", "url", "email", "phone"] },
  { name: "country profile", kind: "country", path: [], keys: ["region", "reviewers", "links", "contact", "languages"] },
  { name: "reviewers[] items", kind: "country", path: ["reviewers", "[]"], keys: ["login", "id"] },
  { name: "organisation profile", kind: "organization", path: [], keys: ["name", "acronym", "category", "level", "regions", "reviewers", "links", "contact"] },
  { name: "organisation name: languages, no fixed order", kind: "organization", path: ["name"], keys: [] },
  { name: "narrative frontmatter", kind: "narrative", path: [], keys: ["title", "summary", "officialTitles", "translation"] },
  { name: "translation", kind: "narrative", path: ["translation"], keys: ["from", "version", "method"] },
  { name: "a vocabulary value is a leaf", kind: "activity", path: ["topics", "[]"], keys: [] },
] as const)("key order of $name", ({ kind, path, keys }) => {
  expect([...at(schemas[kind], [...path]).properties.keys()]).toEqual(keys);
});

const minimal = (extra: Record<string, unknown> = {}) => ({
  "activity.schema.json": { properties: { a: { $ref: "common.schema.json#/$defs/thing" } } },
  "country.schema.json": { properties: {} },
  "organization.schema.json": { properties: {} },
  "narrative.schema.json": { properties: {} },
  "common.schema.json": { $defs: { thing: { properties: { z: {}, y: { $ref: "#/$defs/thing" } } } } },
  ...extra,
});

test("a schema that refers to itself does not loop", () => {
  const built = buildFormatSchemas(catalogOf(new Map(Object.entries(minimal()))));
  expect([...at(built.activity, ["a"]).properties.keys()]).toEqual(["z", "y"]);
  expect([...at(built.activity, ["a", "y"]).properties.keys()]).toEqual(["z", "y"]);
});

test.for([
  {
    name: "a missing file schema",
    documents: { ...minimal(), "narrative.schema.json": undefined },
    message: "schemas/narrative.schema.json is missing or is not a JSON object",
  },
  {
    name: "a $ref into a known document that does not resolve",
    documents: minimal({ "country.schema.json": { properties: { b: { $ref: "common.schema.json#/$defs/nothing" } } } }),
    message: 'schemas/country.schema.json: "$ref": "common.schema.json#/$defs/nothing" does not resolve',
  },
])("broken schemas throw: $name", ({ documents, message }) => {
  expect(() => buildFormatSchemas(catalogOf(new Map(Object.entries(documents) as Array<[string, Record<string, unknown>]>)))).toThrow(message);
});
