import type { ErrorObject } from "ajv";
import { candidateCodes, countryIndex, describeCountries, lookupCountry } from "../countries/lookup.ts";
import type { Diagnostic } from "../diagnostics.ts";
import { catalogText } from "../i18n/diagnostics.ts";
import type { MessageKey, MessageRef, MessageValues } from "../i18n/messages.ts";
import { fieldName, type PositionIndex } from "../load/positions.ts";
import { closestMatch } from "../suggest.ts";
import { findByLabel, UN_LANGUAGES, type Vocabularies, vocabularyOfSchema } from "../vocab.ts";
import type { SchemaKind } from "./catalog.ts";
import { type Describable, descriptionTexts } from "./descriptions.ts";

/** What one kind of value is called in a sentence, per vocabulary. */
const VALUE_NOUNS: Record<string, string> = {
  audiences: "audience",
  countries: "ISO 3166-1 alpha-3 country code",
  kinds: "kind",
  languages: "language code",
  levels: "level",
  "link-types": "link type",
  "mnr-capabilities": "Model National Response capability",
  "organization-categories": "organisation category",
  "policy-areas": "policy area",
  regions: "ITU-D region",
  statuses: "status",
  topics: "topic",
  "translation-methods": "translation method",
  types: "activity type",
};

const FILE_NOUNS: Record<SchemaKind, MessageRef> = {
  activity: { key: "schema.fileActivity" },
  narrative: { key: "schema.fileNarrative" },
  country: { key: "schema.fileCountry" },
  organization: { key: "schema.fileOrganization" },
};

export interface SchemaErrorContext {
  kind: SchemaKind;
  file: string;
  data: unknown;
  positions: PositionIndex;
  vocabularies: Vocabularies;
  /** True for errors another rule reports in its own words (web addresses, dates). */
  isOwnedElsewhere(error: ErrorObject): boolean;
}

/** Turns Ajv's errors into diagnostics a focal point can act on, naming the field as they see it. */
export function schemaDiagnostics(errors: readonly ErrorObject[], context: SchemaErrorContext): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const misspelt = misspeltRequiredFields(errors);
  for (const error of errors) {
    if (context.isOwnedElsewhere(error)) continue;
    // "titel" is reported with "did you mean title?"; "title is missing" would say the same twice.
    if (error.keyword === "required" && misspelt.has(`${error.instancePath}/${String((error.params as { missingProperty?: unknown }).missingProperty)}`))
      continue;
    const described = describe(error, context);
    if (!described) continue;
    const pointer = described.at ?? error.instancePath;
    const position = described.atKey ? context.positions.keyAt(pointer) : context.positions.valueAt(pointer);
    diagnostics.push({
      ruleId: "schema",
      severity: "error",
      file: context.file,
      line: position.line,
      column: position.column,
      message: described.message,
      ...(described.hint ? { hint: described.hint } : {}),
      ...(described.text ? { text: described.text } : {}),
    });
  }
  return dedupe(diagnostics);
}

interface Described {
  message: string;
  hint?: string;
  /** The catalog references of message and hint. */
  text?: Diagnostic["text"];
  /** The pointer to point at, when not the error's own instance path. */
  at?: string;
  atKey?: boolean;
}

function describe(error: ErrorObject, context: SchemaErrorContext): Described | undefined {
  const field = fieldName(error.instancePath);
  const where = field === "" ? "" : `${field}: `;
  const params = error.params as Record<string, unknown>;
  const parent = error.parentSchema as Record<string, unknown> | undefined;
  switch (error.keyword) {
    case "required": {
      const missing = String(params.missingProperty);
      const property = descriptionTexts((parent?.properties as Record<string, Describable> | undefined)?.[missing]);
      return {
        ...(field === ""
          ? catalogText({ key: "schema.missingInFile", values: { missing, file: FILE_NOUNS[context.kind] } }, property)
          : catalogText({ key: "schema.missing", values: { where, missing } }, property)),
        atKey: true,
      };
    }
    case "additionalProperties": {
      const extra = String(params.additionalProperty);
      const known = Object.keys((parent?.properties as object | undefined) ?? {});
      const suggestion = closestMatch(extra, known);
      const at = `${error.instancePath}/${extra.replaceAll("~", "~0").replaceAll("/", "~1")}`;
      const subject: MessageValues = field === "" ? { file: FILE_NOUNS[context.kind] } : { field };
      const key = `schema.notAFieldOf${field === "" ? "File" : ""}${suggestion ? "Suggest" : ""}` as MessageKey;
      return {
        ...catalogText(
          { key, values: { extra, ...subject, ...(suggestion ? { suggestion } : {}) } },
          suggestion ? undefined : { key: "schema.fieldsAre", values: { fields: known.join(", ") } },
        ),
        at,
        atKey: true,
      };
    }
    case "enum": {
      const list = vocabularyOfSchema(context.vocabularies, parent);
      if (!list)
        return catalogText({
          key: "schema.mustBeOneOf",
          values: { where, values: (params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ") },
        });
      const noun = VALUE_NOUNS[list.name] ?? "value";
      // In other languages the list is named by its vocabulary's own label ("Темы", "المواضيع").
      const named = { ...list.labels, en: noun };
      const value = error.data;
      if (typeof value !== "string") {
        return catalogText(
          { key: "schema.expectedVocabularyText", values: { where, noun: named, found: describeValue(value) } },
          allowedHint(list.terms.keys()),
        );
      }
      const values = { where, value, noun: named };
      if (list.name === "countries") {
        // Names, aliases and codes in any form: "UK" suggests the United Kingdom, never Ukraine.
        const index = countryIndex(list);
        const codes = candidateCodes(lookupCountry(index, value)).slice(0, 3);
        if (codes.length === 0) return catalogText({ key: "schema.unknownValue", values }, allowedHint(list.terms.keys(), list.name));
        const choices = Object.fromEntries(UN_LANGUAGES.map((lang) => [lang, describeCountries(index, codes, { lang })]));
        return catalogText({ key: "schema.unknownValueChoices", values: { ...values, choices } });
      }
      const suggestion = closestMatch(value, list.terms.keys()) ?? findByLabel(list, value);
      if (suggestion) return catalogText({ key: "schema.unknownValueSuggest", values: { ...values, suggestion } });
      return catalogText({ key: "schema.unknownValue", values }, allowedHint(list.terms.keys(), list.name));
    }
    case "propertyNames":
      return undefined; // the inner error names the property; reported there
    case "type": {
      const expected = TYPE_NAMES[String(params.type)];
      const quote = params.type === "string" && (typeof error.data === "number" || typeof error.data === "boolean");
      return catalogText(
        { key: "schema.type", values: { where, expected: expected ? { key: expected } : String(params.type), found: describeValue(error.data) } },
        // YAML reads 2019, yes or 1e5 as a number or true/false unless quoted.
        quote ? { key: "schema.quoteHint" } : undefined,
      );
    }
    case "pattern":
      return catalogText({ key: "schema.pattern", values: { where, value: String(error.data) } }, descriptionTexts(parent));
    case "minLength":
      return catalogText({ key: "schema.minLength", values: { where, limit: Number(params.limit) } });
    case "maxLength":
      return catalogText({ key: "schema.maxLength", values: { where, length: (error.data as string).length, limit: Number(params.limit) } });
    case "minItems":
      return catalogText({ key: "schema.minItems", values: { where, limit: Number(params.limit) } });
    case "maxItems":
      return catalogText({ key: "schema.maxItems", values: { where, limit: Number(params.limit) } });
    case "uniqueItems": {
      const items = error.data as unknown[];
      const j = Number(params.j);
      const i = Number(params.i);
      return {
        ...catalogText({ key: "schema.listedTwice", values: { where, item: JSON.stringify(items[i]), first: j, second: i } }, { key: "schema.deleteOne" }),
        at: `${error.instancePath}/${i}`,
      };
    }
    case "minProperties":
      return catalogText({ key: "schema.empty", values: { where } });
    case "maxProperties":
      return catalogText({ key: "schema.maxProperties", values: { where, limit: Number(params.limit) } });
    case "const":
      return catalogText({ key: "schema.const", values: { where, value: JSON.stringify(params.allowedValue) } });
    case "dependentRequired": {
      const missing = String(params.missingProperty);
      const property = descriptionTexts((parent?.properties as Record<string, Describable> | undefined)?.[missing]);
      return catalogText({ key: "schema.dependentRequired", values: { where, missing, property: String(params.property) } }, property);
    }
    case "minimum":
    case "maximum":
      return catalogText({ key: error.keyword === "minimum" ? "schema.minimum" : "schema.maximum", values: { where, limit: Number(params.limit) } });
    default:
      return catalogText({ key: "schema.invalid", values: { where, detail: error.message ?? "is not valid" } });
  }
}

/** Required fields that are present under a misspelt name: "<object pointer>/<field>". */
function misspeltRequiredFields(errors: readonly ErrorObject[]): Set<string> {
  const found = new Set<string>();
  for (const error of errors) {
    if (error.keyword !== "additionalProperties") continue;
    const properties = Object.keys(((error.parentSchema as Record<string, unknown> | undefined)?.properties as object | undefined) ?? {});
    const suggestion = closestMatch(String((error.params as { additionalProperty?: unknown }).additionalProperty), properties);
    if (suggestion) found.add(`${error.instancePath}/${suggestion}`);
  }
  return found;
}

function allowedHint(ids: Iterable<string>, name?: string): MessageRef {
  const all = [...ids];
  if (all.length <= 25) return { key: "schema.useOneOf", values: { values: all.join(", ") } };
  return { key: "schema.listIn", values: { name: name ?? "" } };
}

/** The catalog's phrase for each JSON type, as a message expects it ("expected a whole number"). */
const TYPE_NAMES: Record<string, MessageKey> = {
  string: "schema.typeString",
  number: "schema.typeNumber",
  integer: "schema.typeInteger",
  boolean: "schema.typeBoolean",
  array: "schema.typeArray",
  object: "schema.typeObject",
  null: "schema.typeNull",
};

function describeValue(value: unknown): MessageRef {
  if (value === null) return { key: "schema.foundNull" };
  if (Array.isArray(value)) return { key: "schema.foundList" };
  if (typeof value === "object") return { key: "schema.foundObject" };
  if (typeof value === "string") return { key: "schema.foundText", values: { value } };
  if (typeof value === "number") return { key: "schema.foundNumber", values: { value: String(value) } };
  return { key: "schema.foundBoolean", values: { value: String(value) } };
}

function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.line}:${d.column}:${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
