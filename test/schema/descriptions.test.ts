import { describe, expect, test } from "vitest";
import { CATALOGS } from "../../scripts/lib/i18n/messages.ts";
import { API_SCHEMAS, apiDescription } from "../../scripts/lib/open-data/api-schemas.ts";
import { loadCatalog } from "../../scripts/lib/schema/catalog.ts";
import { describedIn, descriptionProblems, descriptionTexts } from "../../scripts/lib/schema/descriptions.ts";
import { PROJECT_ROOT } from "../support/repo.ts";

const six = { ar: "نص.", zh: "文本。", fr: "Texte.", ru: "Текст.", es: "Texto." };

describe("schema descriptions in the six languages", () => {
  test("every description of every schema and vocabulary has its text in Arabic, Chinese, French, Russian and Spanish", () => {
    expect(descriptionProblems(loadCatalog(PROJECT_ROOT).files)).toEqual([]);
  });

  test.for([
    [
      "a description without translations",
      { properties: { a: { description: "A." } } },
      ['schemas/x.json at /properties/a: the description has no "descriptions" in ar, zh, fr, ru, es.'],
    ],
    [
      "a language missing, an empty text and a text in another script",
      { description: "Root.", descriptions: { ar: "Root.", zh: "根。", fr: "", ru: "Корень." } },
      [
        'schemas/x.json: the "ar" description is not written in its language\'s script.',
        'schemas/x.json: the description has no text in "fr".',
        'schemas/x.json: the description has no text in "es".',
      ],
    ],
    [
      "a language that is not one of the five",
      { description: "A.", descriptions: { ...six, de: "Ein Text." } },
      ['schemas/x.json: "descriptions" has "de", which is not one of ar, zh, fr, ru, es.'],
    ],
    [
      "translations of no description",
      { $defs: { a: { type: "string", descriptions: six } } },
      ['schemas/x.json at /$defs/a: "descriptions" translates no "description".'],
    ],
    [
      "translations on no schema node",
      { properties: { a: { type: "string", examples: [{ description: "A.", descriptions: six }] } } },
      ['schemas/x.json at /properties/a/examples/0: "descriptions" is not on a schema node, so nothing reads it.'],
    ],
  ] as const)("found: %s", ([, document, problems]) => {
    expect(descriptionProblems(new Map([["x.json", document]]))).toEqual(problems);
  });

  test("a property named “descriptions” is a name, not translations", () => {
    const document = { description: "A.", descriptions: six, properties: { descriptions: { type: "object", description: "B.", descriptions: six } } };
    expect(descriptionProblems(new Map([["x.json", document]]))).toEqual([]);
  });

  test("a data file kept among the schemas has only its own description checked", () => {
    const terminology = { description: "Terms.", descriptions: six, terms: [{ id: "a", note: "not a schema", description: "free text" }] };
    expect(descriptionProblems(new Map([["vocab/terminology.json", terminology]]))).toEqual([]);
  });

  test.for([
    ["ar", "المنظمات المسؤولة."],
    ["en", "The organisations responsible."],
    ["ru", "Ответственные организации."],
  ] as const)("a field's description is read in %s", ([lang, text]) => {
    const properties = loadCatalog(PROJECT_ROOT).files.get("activity.schema.json")?.properties as Record<string, object> | undefined;
    const lead = properties?.lead;
    expect(describedIn(lang, lead)).toBe(text);
  });

  test("a language the node lacks falls back to English; a node without description has none", () => {
    expect(describedIn("zh", { description: "Only English.", descriptions: { fr: "Seulement." } })).toBe("Only English.");
    expect(descriptionTexts({ description: "E.", descriptions: { fr: "F.", de: "D." } })).toEqual({ en: "E.", fr: "F." });
    const untold: Record<string, unknown> = { type: "string" };
    expect(describedIn("fr", untold)).toBeUndefined();
  });

  test("a vocabulary value carries its description in every language, for npm run new and the site", () => {
    const grooming = loadCatalog(PROJECT_ROOT).vocabularies.get("topics").terms.get("grooming");
    expect(describedIn("zh", grooming)).toMatch(/\p{Script=Han}/u);
    expect(describedIn("en", grooming)).toBe(grooming?.description);
  });
});

describe("the API's own field descriptions in the six languages", () => {
  const PUBLISHED = "api/v1/schemas/api/";
  const published = new Map(Object.entries(API_SCHEMAS).map(([name, schema]) => [`${name}.schema.json`, schema]));

  test("every field of every API schema has its text in Arabic, Chinese, French, Russian and Spanish, each in its script", () => {
    expect(descriptionProblems(published, new Set(), PUBLISHED)).toEqual([]);
  });

  test("a translation missing from a catalog, or left in English, is found in the schema it would be published in", () => {
    const { "api.field.generated": _dropped, ...french } = CATALOGS.fr;
    const catalogs = { ...CATALOGS, fr: french, ar: { ...CATALOGS.ar, "api.field.generated": "When the file was built (ISO 8601)." } };
    const index = { properties: { generated: { type: "string", ...apiDescription("generated", catalogs) } } };
    expect(descriptionProblems(new Map([["index.schema.json", index]]), new Set(), PUBLISHED)).toEqual([
      'api/v1/schemas/api/index.schema.json at /properties/generated: the "ar" description is not written in its language\'s script.',
      'api/v1/schemas/api/index.schema.json at /properties/generated: the description has no text in "fr".',
    ]);
  });

  test.for([
    ["en", "When the file was built (ISO 8601)."],
    ["fr", "Quand le fichier a été produit (ISO 8601)."],
    ["zh", "文件的生成时间（ISO 8601）。"],
  ] as const)("the published schema carries the catalog's text in %s, read like a data schema's", ([lang, text]) => {
    expect(describedIn(lang, API_SCHEMAS.index.properties.generated)).toBe(text);
    expect(API_SCHEMAS.index.properties.generated.description).toBe(CATALOGS.en["api.field.generated"]);
  });
});
