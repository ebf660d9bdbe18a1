import type { ErrorObject } from "ajv";
import { candidateCodes, countryIndex, describeCountries, lookupCountry } from "../countries/lookup.ts";
import type { Diagnostic } from "../diagnostics.ts";
import { catalogText } from "../i18n/diagnostics.ts";
import { type MessageRef, renderMessage } from "../i18n/messages.ts";
import { fieldName, type PositionIndex } from "../load/positions.ts";
import { closestMatch } from "../suggest.ts";
import { findByLabel, UN_LANGUAGES, type Vocabularies, vocabularyOfSchema } from "../vocab.ts";
import type { SchemaKind } from "./catalog.ts";

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

const FILE_NOUNS: Record<SchemaKind, string> = {
  activity: "an activity (activity.json)",
  narrative: "a narrative's frontmatter",
  country: "a country profile (country.json)",
  organization: "an organisation profile (organization.json)",
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
  /** The catalog references of message and hint, where the message is in the catalogs. */
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
      const property = (parent?.properties as Record<string, { description?: string }> | undefined)?.[missing];
      return {
        message: field === "" ? `"${missing}" is missing: ${FILE_NOUNS[context.kind]} needs it.` : `${where}"${missing}" is missing.`,
        ...(property?.description ? { hint: property.description } : {}),
        atKey: true,
      };
    }
    case "additionalProperties": {
      const extra = String(params.additionalProperty);
      const known = Object.keys((parent?.properties as object | undefined) ?? {});
      const suggestion = closestMatch(extra, known);
      const subject = field === "" ? FILE_NOUNS[context.kind] : `"${field}"`;
      return {
        message: `"${extra}" is not a field of ${subject}${suggestion ? `; did you mean "${suggestion}"?` : "."}`,
        hint: suggestion ? undefined : `The fields are: ${known.join(", ")}.`,
        at: `${error.instancePath}/${extra.replaceAll("~", "~0").replaceAll("/", "~1")}`,
        atKey: true,
      } as Described;
    }
    case "enum": {
      const list = vocabularyOfSchema(context.vocabularies, parent);
      if (!list) return { message: `${where}must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")}.` };
      const noun = VALUE_NOUNS[list.name] ?? "value";
      const value = error.data;
      if (typeof value !== "string") {
        return { message: `${where}expected a ${noun} (text), found ${describeValue(value)}.`, hint: renderMessage("en", allowedHint(list.terms.keys())) };
      }
      // In other languages the list is named by its vocabulary's own label ("Темы", "المواضيع").
      const named = { ...list.labels, en: noun };
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
      const expected = TYPE_NAMES[String(params.type)] ?? String(params.type);
      const quote = params.type === "string" && (typeof error.data === "number" || typeof error.data === "boolean");
      return {
        message: `${where}expected ${expected}, found ${describeValue(error.data)}.`,
        // YAML reads 2019, yes or 1e5 as a number or true/false unless quoted.
        ...(quote ? { hint: 'Put the value in double quotes, such as "2019".' } : {}),
      };
    }
    case "pattern":
      return {
        message: `${where}"${String(error.data)}" is not in the expected form.`,
        ...(typeof parent?.description === "string" ? { hint: parent.description } : {}),
      };
    case "minLength":
      return { message: `${where}too short: at least ${String(params.limit)} characters are needed.` };
    case "maxLength":
      return {
        message: `${where}too long: ${String((error.data as string).length)} characters, at most ${String(params.limit)}.`,
      };
    case "minItems":
      return { message: `${where}needs at least ${plural(Number(params.limit), "item")}.` };
    case "maxItems":
      return { message: `${where}has too many items: at most ${String(params.limit)}.` };
    case "uniqueItems": {
      const items = error.data as unknown[];
      const j = Number(params.j);
      const i = Number(params.i);
      return {
        message: `${where}${JSON.stringify(items[i])} is listed twice (items ${j} and ${i}).`,
        hint: "Delete one of them.",
        at: `${error.instancePath}/${i}`,
      };
    }
    case "minProperties":
      return { message: `${where}cannot be empty.` };
    case "maxProperties":
      return { message: `${where}has too many fields: at most ${String(params.limit)}.` };
    case "const":
      return { message: `${where}must be ${JSON.stringify(params.allowedValue)}.` };
    case "dependentRequired": {
      const missing = String(params.missingProperty);
      const property = (parent?.properties as Record<string, { description?: string }> | undefined)?.[missing];
      return {
        message: `${where}"${missing}" is missing: it goes with "${String(params.property)}".`,
        ...(property?.description ? { hint: property.description } : {}),
      };
    }
    case "minimum":
    case "maximum":
      return { message: `${where}must be ${error.keyword === "minimum" ? "at least" : "at most"} ${String(params.limit)}.` };
    default:
      return { message: `${where}${error.message ?? "is not valid"}.` };
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

const TYPE_NAMES: Record<string, string> = {
  string: "text in quotes",
  number: "a number",
  integer: "a whole number",
  boolean: "true or false",
  array: "a list in [ ]",
  object: "a group of fields in { }",
  null: "null",
};

function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a group of fields";
  if (typeof value === "string") return `text ("${value}")`;
  return `${typeof value === "number" ? "a number" : typeof value} (${String(value)})`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
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
