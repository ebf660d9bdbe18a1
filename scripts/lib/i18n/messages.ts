import {
  isArgumentElement,
  isLiteralElement,
  isPluralElement,
  isPoundElement,
  isSelectElement,
  isTagElement,
  type MessageFormatElement,
  parse,
  type TYPE,
} from "@formatjs/icu-messageformat-parser";
import { IntlMessageFormat } from "intl-messageformat";
import ar from "../../../locales/ar.json" with { type: "json" };
import en from "../../../locales/en.json" with { type: "json" };
import es from "../../../locales/es.json" with { type: "json" };
import fr from "../../../locales/fr.json" with { type: "json" };
import ru from "../../../locales/ru.json" with { type: "json" };
import zh from "../../../locales/zh.json" with { type: "json" };
import { perObject } from "../memo.ts";
import { UN_LANGUAGES, type UnLanguage } from "../vocab.ts";

/** A key of the message catalogs (locales/<lang>.json); English is the reference. */
export type MessageKey = Exclude<keyof typeof en, "$comment">;

/** One catalog: message key → ICU MessageFormat text. */
export type Catalog = Readonly<Record<string, string>>;

/** The catalogs shipped with the tool, one per UN language. */
export const CATALOGS: Readonly<Record<UnLanguage, Catalog>> = { ar, zh, en, fr, ru, es };

/**
 * A value for a placeholder: the same in every language, one per language (a vocabulary's label),
 * or another message, written in the reader's language too (a phrase such as "a whole number").
 */
export type MessageValue = string | number | Readonly<Partial<Record<UnLanguage, string>>> | MessageRef | Verbatim;

/**
 * Text placed exactly as given, never bidi-isolated: a line to copy into a file must not carry
 * invisible marks. One text per language is placed the same way, for text already written in the
 * sentence's language (an alias's note), which has nothing foreign to isolate.
 */
export interface Verbatim {
  verbatim: string | Readonly<Partial<Record<UnLanguage, string>>>;
}
export type MessageValues = Readonly<Record<string, MessageValue>>;

/** A message to be written in the reader's language later: its key and its values. */
export interface MessageRef {
  key: MessageKey;
  values?: MessageValues;
}

function isMessageRef(value: MessageValue): value is MessageRef {
  return typeof value === "object" && typeof (value as { key?: unknown }).key === "string";
}

/** Right-to-left scripts among the six: a value in one of them is isolated inside a left-to-right sentence. */
const STRONG_RTL = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}]/u;
const STRONG_LTR = /[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Han}\p{Script=Greek}]/u;
const RTL_LANGUAGES: ReadonlySet<string> = new Set(["ar"]);
const FSI = "\u2068";
const PDI = "\u2069";

/**
 * A value made safe to place inside a sentence of `lang`: text whose strong direction differs
 * from the sentence's (an Arabic title in an English message, an English name or a URL in an
 * Arabic one) is wrapped in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE, the plain-text
 * counterpart of <bdi>, so that it neither reorders the sentence around it nor is reordered.
 */
export function isolate(value: string, lang: UnLanguage): string {
  const foreign = RTL_LANGUAGES.has(lang) ? STRONG_LTR.test(value) || /[0-9]/.test(value) : STRONG_RTL.test(value);
  return foreign ? `${FSI}${value}${PDI}` : value;
}

const compiled = new Map<string, IntlMessageFormat>();

function compile(catalogs: Readonly<Record<UnLanguage, Catalog>>, lang: UnLanguage, key: string): IntlMessageFormat {
  const cacheKey = `${lang}\u0000${key}`;
  const cached = catalogs === CATALOGS ? compiled.get(cacheKey) : undefined;
  if (cached) return cached;
  // A key missing in a language falls back to English; the catalog test keeps that from shipping.
  const text = catalogs[lang][key] ?? catalogs.en[key];
  if (text === undefined) throw new Error(`no message "${key}" in the catalogs`);
  const format = new IntlMessageFormat(text, lang, undefined, { ignoreTag: true });
  if (catalogs === CATALOGS) compiled.set(cacheKey, format);
  return format;
}

/**
 * The message `key` in `lang`, with its values: numbers go through the language's plural rules
 * (Russian one/few/many, Arabic zero/one/two/few/many/other), text values are bidi-isolated.
 */
export function formatMessage(lang: UnLanguage, key: MessageKey, values: MessageValues = {}, catalogs = CATALOGS): string {
  const resolved: Record<string, string | number> = {};
  const format = compile(catalogs, lang, key);
  const selectors = selectorsOf(format);
  for (const [name, value] of Object.entries(values)) {
    // A select's value chooses a branch ("rlo"): it is never shown, so it must stay as written.
    if (selectors.has(name) && typeof value === "string") {
      resolved[name] = value;
      continue;
    }
    // A nested message is already in the sentence's language: nothing to isolate.
    if (isMessageRef(value)) {
      resolved[name] = formatMessage(lang, value.key, value.values, catalogs);
      continue;
    }
    if (typeof value === "object" && "verbatim" in value) {
      resolved[name] = typeof value.verbatim === "string" ? value.verbatim : (value.verbatim[lang] ?? value.verbatim.en ?? "");
      continue;
    }
    const text = typeof value === "object" ? (value[lang] ?? value.en ?? "") : value;
    resolved[name] = typeof text === "string" ? isolate(text, lang) : text;
  }
  const simple = simpleElementsOf(format);
  if (simple && simple.every((element) => isLiteralElement(element) || element.value in resolved)) {
    // What IntlMessageFormat makes of text and plain placeholders (a value as String() writes it), without its parts.
    let text = "";
    for (const element of simple) text += isLiteralElement(element) ? element.value : String(resolved[element.value]);
    return text;
  }
  return String(format.format(resolved));
}

type SimpleElement = Extract<MessageFormatElement, { type: TYPE.literal | TYPE.argument }>;

/**
 * The elements of a message made only of text and plain placeholders ("{page} · {site}"), or
 * null for one with plurals, selects, numbers, dates or tags. A site formats a page title and a
 * few notes on every page, and IntlMessageFormat's parts cost more than the text they make.
 */
const simpleElementsOf = perObject((format: IntlMessageFormat): readonly SimpleElement[] | null => {
  const ast = format.getAst();
  return ast.every((element) => isLiteralElement(element) || isArgumentElement(element)) ? (ast as SimpleElement[]) : null;
});

/** The arguments of a compiled message that choose a select branch. */
const selectorsOf = perObject((format: IntlMessageFormat): ReadonlySet<string> => {
  const found = new Set<string>();
  const visit = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if (isTagElement(element)) visit(element.children);
      if (isSelectElement(element)) found.add(element.value);
      if (isPluralElement(element) || isSelectElement(element)) for (const option of Object.values(element.options)) visit(option.value);
    }
  };
  visit(format.getAst());
  return found;
});

/** Renders a message reference in a language. */
export function renderMessage(lang: UnLanguage, ref: MessageRef): string {
  return formatMessage(lang, ref.key, ref.values);
}

/** A formatter bound to one language: `t("report.summary", { files: 3, ... })`. */
export type Translate = (key: MessageKey, values?: MessageValues) => string;

/** The formatter of a language. */
export function translator(lang: UnLanguage): Translate {
  return (key, values) => formatMessage(lang, key, values);
}

/** True when the catalogs have a message under `key` (a key built at run time, such as a form question's). */
export function hasMessage(key: string): key is MessageKey {
  return key !== "$comment" && key in CATALOGS.en;
}

/** True for one of the six languages' codes. */
export function isUnLanguage(value: string): value is UnLanguage {
  return (UN_LANGUAGES as readonly string[]).includes(value);
}

/**
 * The language to write in: the one asked for (--lang), else the first of the locale variables
 * that names one of the six, in gettext's order (LANGUAGE, LC_ALL, LC_MESSAGES, LANG: "ru_RU.UTF-8" → ru), else
 * English. An unknown --lang is an error for the caller to report; an unknown locale is not.
 */
export function chooseLanguage(requested: string | undefined, env: Readonly<Record<string, string | undefined>>): UnLanguage | { unknown: string } {
  if (requested !== undefined) {
    const code = requested.trim().toLowerCase().split(/[-_]/)[0] ?? "";
    return isUnLanguage(code) ? code : { unknown: requested };
  }
  for (const name of ["LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"]) {
    for (const locale of (env[name] ?? "").split(":")) {
      const code =
        locale
          .trim()
          .toLowerCase()
          .split(/[-_.@]/)[0] ?? "";
      if (isUnLanguage(code)) return code;
    }
  }
  return "en";
}

/** What a message uses: its placeholders (plural and select variables included) and, per plural, its branches. */
export function analyzeMessage(text: string): { placeholders: string[]; plurals: Array<{ name: string; branches: string[] }> } {
  const names = new Set<string>();
  const plurals: Array<{ name: string; branches: string[] }> = [];
  const visit = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if (isLiteralElement(element) || isPoundElement(element)) continue;
      if (isTagElement(element)) {
        visit(element.children);
        continue;
      }
      names.add(element.value);
      if (isPluralElement(element)) plurals.push({ name: element.value, branches: Object.keys(element.options) });
      if (isPluralElement(element) || isSelectElement(element)) for (const option of Object.values(element.options)) visit(option.value);
    }
  };
  visit(parse(text, { ignoreTag: true }));
  return { placeholders: [...names].sort(), plurals };
}

/** CLDR's order of plural categories, for messages that list them. */
const CATEGORY_ORDER = ["zero", "one", "two", "few", "many", "other"];

/** Exact selectors that stand for a plural category in every language that has it. */
const EXACT: Readonly<Record<string, string>> = { zero: "=0", one: "=1", two: "=2" };

/**
 * What is wrong with a set of catalogs, one sentence per problem: a key missing or extra in a
 * language, a message that does not compile, placeholders that differ from English's, or a
 * plural without a branch for each of the language's CLDR plural categories.
 */
export function catalogProblems(catalogs: Readonly<Record<UnLanguage, Catalog>> = CATALOGS): string[] {
  const problems: string[] = [];
  const keys = Object.keys(catalogs.en).filter((key) => key !== "$comment");
  for (const lang of UN_LANGUAGES) {
    const catalog = catalogs[lang];
    for (const key of keys) if (!(key in catalog)) problems.push(`${lang}: "${key}" is missing.`);
    for (const key of Object.keys(catalog)) if (key !== "$comment" && !(key in catalogs.en)) problems.push(`${lang}: "${key}" is not in the English catalog.`);
    const present = new Set<string>(new Intl.PluralRules(lang).resolvedOptions().pluralCategories);
    const categories = CATEGORY_ORDER.filter((category) => present.has(category));
    for (const key of keys) {
      const text = catalog[key];
      if (text === undefined) continue;
      let mine: ReturnType<typeof analyzeMessage>;
      let english: ReturnType<typeof analyzeMessage>;
      try {
        mine = analyzeMessage(text);
        english = analyzeMessage(catalogs.en[key] ?? "");
        new IntlMessageFormat(text, lang, undefined, { ignoreTag: true });
      } catch (error) {
        problems.push(`${lang}: "${key}" does not compile: ${error instanceof Error ? error.message : String(error)}`);
        continue;
      }
      if (mine.placeholders.join() !== english.placeholders.join())
        problems.push(`${lang}: "${key}" uses {${mine.placeholders.join("}, {")}} where English uses {${english.placeholders.join("}, {")}}.`);
      for (const plural of mine.plurals) {
        const missing = categories.filter((category) => !plural.branches.includes(category) && !plural.branches.includes(EXACT[category] ?? category));
        if (missing.length > 0) problems.push(`${lang}: "${key}" has a plural of {${plural.name}} without ${missing.join(", ")}.`);
      }
    }
  }
  return problems;
}
