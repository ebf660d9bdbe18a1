import { createRequire } from "node:module";
import { distance } from "fastest-levenshtein";
import aliasFile from "../../../schemas/reference/country-aliases.json" with { type: "json" };
import { formatMessage, type MessageRef } from "../i18n/messages.ts";
import { perObject } from "../memo.ts";
import { UN_LANGUAGES, type UnLanguage, type Vocabulary } from "../vocab.ts";

/** The languages of an alias's `notes`: every UN language but English, which is `note`. */
type NoteLanguage = Exclude<UnLanguage, "en">;

/** One entry of schemas/reference/country-aliases.json. */
export interface CountryAlias {
  alias: string;
  /** Alpha-3 codes; more than one means the name is ambiguous. */
  countries: string[];
  /** Why the alias is listed, in English. */
  note: string;
  /** The same note in the five other UN languages. */
  notes: Readonly<Record<NoteLanguage, string>>;
  /** The name is close but not the same (a part of a country, a continent): ask, never match silently. */
  ask?: boolean;
}

/** Why an alias is listed, in each of the six languages. */
export type AliasNote = Readonly<Record<UnLanguage, string>>;

/** An alias's note in the six languages: `note` is the English, `notes` the five others. */
export function aliasNote(alias: CountryAlias): AliasNote {
  return { en: alias.note, ...alias.notes };
}

/** The aliases shipped with the tool (schemas/reference/country-aliases.json). */
export const COUNTRY_ALIASES: readonly CountryAlias[] = aliasFile.aliases;

/** What a written country is. */
export type CountryMatch =
  /** Exactly one country, certainly: its alpha-3 code. */
  | { kind: "found"; code: string }
  /** Several countries, or one to confirm: never taken without the person choosing. */
  | { kind: "choice"; codes: string[]; note?: AliasNote }
  /** Nothing matches; `suggestions` are near spellings, closest first (maybe none). */
  | { kind: "unknown"; suggestions: string[] };

/** Everything the lookup matches against, built once per countries vocabulary. */
export interface CountryIndex {
  /** The countries vocabulary the codes come from. */
  readonly countries: Vocabulary;
  /** Normalised name → the codes it names. */
  readonly names: ReadonlyMap<string, ReadonlySet<string>>;
  /** Normalised alias → its entry. */
  readonly aliases: ReadonlyMap<string, CountryAlias>;
  /** Alpha-2 and numeric codes → alpha-3. */
  readonly codes: ReadonlyMap<string, string>;
}

const require = createRequire(import.meta.url);
type IsoNames = Record<string, string | string[]>;
/** i18n-iso-countries' names (with its alternatives: "UK", "Great Britain") in the six languages, by alpha-2 code. */
const isoNames = (lang: string): IsoNames => (require(`i18n-iso-countries/langs/${lang}.json`) as { countries: IsoNames }).countries;
const isoNumeric = (): Record<string, string> =>
  (require("i18n-iso-countries/codes.json") as string[][]).reduce(
    (map, [alpha2, alpha3, numeric]) => {
      if (alpha2 && alpha3 && numeric) map[alpha3] = numeric;
      return map;
    },
    {} as Record<string, string>,
  );

const ARTICLES = /^(?:the|la|le|les|l|el|los|las) /;

/**
 * The form names are compared in: case, accents, Arabic vowel marks and letter variants,
 * punctuation and a leading article do not count ("the Côte d’Ivoire" = "cote d ivoire",
 * "U.S.A." = "usa", "St Lucia" = "saint lucia", "إيران" = "ايران", "Россия" = "россия").
 */
export function normalizeCountryName(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/ё/g, "е")
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[أإآٱ]/g, "ا")
    .replace(/ى/g, "ي")
    .replace(/ة/g, "ه")
    .replace(/ـ/g, "")
    .replace(/\./g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .replace(ARTICLES, "")
    .replace(/(^| )st(?= )/g, "$1saint")
    .replace(/(^| )ste(?= )/g, "$1sainte");
}

/**
 * The forms of a UN short name with a qualifier: "Bolivia (Plurinational State of)" is also
 * "Bolivia" and "Plurinational State of Bolivia"; in Arabic the dash marks where the name goes
 * ("بوليفيا (دولة - المتعددة القوميات)" → "دولة بوليفيا المتعددة القوميات").
 */
function nameForms(name: string): string[] {
  const match = /^(.+?)\s*[(（](.+)[)）]\s*$/.exec(name);
  if (!match?.[1] || !match[2]) return [name];
  const [, base, qualifier] = match;
  const formal = qualifier.includes(" - ") ? qualifier.replace(" - ", ` ${base} `) : `${qualifier} ${base}`;
  return [name, base, formal];
}

/**
 * Builds the index from the countries vocabulary (the UN names in six languages, the alpha-2
 * codes in meta), the aliases, the names CLDR gives through Intl.DisplayNames and those of
 * i18n-iso-countries. A name two countries share (Congo) becomes a choice by itself.
 */
export function buildCountryIndex(countries: Vocabulary, aliases: readonly CountryAlias[] = COUNTRY_ALIASES): CountryIndex {
  const names = new Map<string, Set<string>>();
  const add = (name: string | undefined, code: string) => {
    if (!name) return;
    const key = normalizeCountryName(name);
    if (key === "") return;
    const set = names.get(key) ?? new Set<string>();
    set.add(code);
    names.set(key, set);
  };
  const codes = new Map<string, string>();
  const byAlpha2 = new Map<string, string>();
  const numeric = isoNumeric();
  for (const [code, term] of countries.terms) {
    for (const lang of UN_LANGUAGES) for (const form of nameForms(term.labels[lang])) add(form, code);
    const alpha2 = term.meta?.alpha2;
    if (typeof alpha2 === "string") {
      byAlpha2.set(alpha2, code);
      codes.set(alpha2, code);
    }
    const number = numeric[code];
    if (number) codes.set(number, code);
  }
  for (const lang of UN_LANGUAGES) {
    const iso = isoNames(lang);
    for (const [alpha2, code] of byAlpha2) for (const name of [iso[alpha2] ?? []].flat()) add(name, code);
    for (const style of ["long", "short"] as const) {
      const display = new Intl.DisplayNames([lang], { type: "region", style, fallback: "none" });
      for (const [alpha2, code] of byAlpha2) add(display.of(alpha2), code);
    }
  }
  const aliasIndex = new Map<string, CountryAlias>();
  for (const alias of aliases) {
    const known = alias.countries.filter((code) => countries.terms.has(code));
    if (known.length === 0) continue;
    aliasIndex.set(normalizeCountryName(alias.alias), { ...alias, countries: known });
  }
  return { countries, names, aliases: aliasIndex, codes };
}

/** The index of a countries vocabulary with the shipped aliases, built once per vocabulary. */
export const countryIndex: (countries: Vocabulary) => CountryIndex = perObject(buildCountryIndex);

/**
 * What a person means by a country as written: an ISO alpha-3, alpha-2 or numeric code, a UN
 * name in any of the six languages (short, or formal where the short name has a qualifier), an
 * everyday name, an alias or a known misspelling. A name that may mean several countries
 * ("Korea", "Congo") or one only loosely ("America", "England") is a choice; a name that
 * matches nothing gets near spellings, never a code that merely looks alike ("UK" is never Ukraine).
 */
export function lookupCountry(index: CountryIndex, written: string): CountryMatch {
  const raw = written.trim();
  const key = normalizeCountryName(raw);
  if (key === "") return { kind: "unknown", suggestions: [] };
  const found = new Set<string>();
  const upper = raw.toUpperCase();
  if (/^[A-Z]{3}$/.test(upper) && index.countries.terms.has(upper)) found.add(upper);
  const byCode = /^[A-Z]{2}$/.test(upper) ? index.codes.get(upper) : /^[0-9]{1,3}$/.test(raw) ? index.codes.get(raw.padStart(3, "0")) : undefined;
  if (byCode) found.add(byCode);
  for (const code of index.names.get(key) ?? []) found.add(code);
  const alias = index.aliases.get(key);
  for (const code of alias?.countries ?? []) found.add(code);
  const list = [...found].sort();
  if (alias?.ask || list.length > 1) return { kind: "choice", codes: list, ...(alias ? { note: aliasNote(alias) } : {}) };
  if (list[0]) return { kind: "found", code: list[0] };
  return { kind: "unknown", suggestions: nearSpellings(index, key) };
}

/**
 * Countries whose names are a few letters away from what was written, closest first. Short
 * inputs (codes) get none: two letters from "UK" is Ukraine as much as anything else.
 */
function nearSpellings(index: CountryIndex, key: string): string[] {
  const length = [...key].length;
  // A mistyped alpha-3 code ("rwx") may be one letter off a code; a two-letter one is too short to tell.
  if (length === 3 && /^[a-z]{3}$/.test(key)) return [...index.countries.terms.keys()].filter((code) => distance(key, code.toLowerCase()) === 1).sort();
  if (length < 4) return [];
  const allowed = length === 4 ? 1 : length <= 10 ? 2 : 3;
  const best = new Map<string, number>();
  const consider = (name: string, codes: Iterable<string>) => {
    if (Math.abs([...name].length - length) > allowed) return;
    const found = distance(key, name);
    if (found > allowed) return;
    for (const code of codes) if (found < (best.get(code) ?? Number.POSITIVE_INFINITY)) best.set(code, found);
  };
  for (const [name, codes] of index.names) consider(name, codes);
  for (const [name, alias] of index.aliases) if (!alias.ask) consider(name, alias.countries);
  return [...best]
    .sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, 5)
    .map(([code]) => code);
}

/**
 * What is wrong with a country as written, for a person who may have typed a name, in `lang`:
 * undefined when it is one country; otherwise the choices, with why, or the near spellings.
 */
export function countryProblem(index: CountryIndex, written: string, lang: UnLanguage = "en"): string | undefined {
  const problem = countryProblemRef(index, written);
  return problem ? formatMessage(lang, problem.key, problem.values) : undefined;
}

/** What is wrong with a country as written, as a catalog message for any language; undefined when it is one country. */
export function countryProblemRef(index: CountryIndex, written: string): MessageRef | undefined {
  const match = lookupCountry(index, written);
  if (match.kind === "found") return undefined;
  const shown = written.trim();
  // The candidates with their UN names in the reader's language.
  const choices = (codes: readonly string[]) =>
    Object.fromEntries(UN_LANGUAGES.map((lang) => [lang, describeCountries(index, codes, { lowerCase: true, lang })]));
  if (match.kind === "choice") {
    // Why a name is ambiguous, from the aliases' reference file in the reader's language; it
    // follows the sentence before it, after a space except in Chinese, whose full stop needs none.
    const { note } = match;
    const notes = Object.fromEntries(UN_LANGUAGES.map((lang) => [lang, note ? `${lang === "zh" ? "" : " "}${note[lang]}` : ""]));
    return { key: "countries.mayMean", values: { written: shown, choices: choices(match.codes), note: { verbatim: notes } } };
  }
  if (match.suggestions.length > 0) return { key: "countries.notKnownSuggest", values: { written: shown, choices: choices(match.suggestions.slice(0, 3)) } };
  return { key: "countries.notKnown", values: { written: shown } };
}

/** The codes a lookup offers the person: the match, the choices or the near spellings. */
export function candidateCodes(match: CountryMatch): string[] {
  return match.kind === "found" ? [match.code] : match.kind === "choice" ? match.codes : match.suggestions;
}

/**
 * Countries for a search box as the person types, best first: exact matches, then names that
 * start with the text, then names that contain it, in any of the six languages.
 */
export function searchCountries(index: CountryIndex, query: string, limit = 20): string[] {
  const key = normalizeCountryName(query);
  if (key === "") return [...index.countries.terms.keys()].slice(0, limit);
  const ranked = new Map<string, number>();
  const rank = (codes: Iterable<string>, score: number) => {
    for (const code of codes) if (score < (ranked.get(code) ?? Number.POSITIVE_INFINITY)) ranked.set(code, score);
  };
  rank(candidateCodes(lookupCountry(index, query)), 0);
  const entries: Array<[string, Iterable<string>]> = [
    ...index.names,
    ...[...index.aliases].map(([name, alias]): [string, string[]] => [name, alias.countries]),
  ];
  for (const [name, codes] of entries) {
    if (name.startsWith(key)) rank(codes, 1);
    else if (name.split(" ").some((word) => word.startsWith(key))) rank(codes, 2);
    else if (name.includes(key)) rank(codes, 3);
  }
  return [...ranked]
    .sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, limit)
    .map(([code]) => code);
}

/**
 * The candidates as a person reads them: `"gbr" (United Kingdom of Great Britain
 * and Northern Ireland)`, joined with "or" in the language of `lang` (English by default), with
 * the country's UN name in that language. Codes are lower case where they name a folder.
 */
export function describeCountries(
  index: CountryIndex,
  codes: readonly string[],
  options: { lowerCase?: boolean; lang?: (typeof UN_LANGUAGES)[number] } = {},
): string {
  const parts = codes.map((code) => {
    const name = index.countries.terms.get(code)?.labels[options.lang ?? "en"];
    const shown = options.lowerCase ? code.toLowerCase() : code;
    return name ? `"${shown}" (${name})` : `"${shown}"`;
  });
  if (parts.length <= 1) return parts[0] ?? "";
  // English keeps "A, B or C" as the messages always wrote it; the other languages join as CLDR says.
  if ((options.lang ?? "en") !== "en") return new Intl.ListFormat(options.lang, { type: "disjunction" }).format(parts);
  return `${parts.slice(0, -1).join(", ")} or ${parts.at(-1)}`;
}

/**
 * The other names a country's page is found by in the site's search: its UN names in the six
 * languages, its aliases that certainly mean it ("UK", "Vietnam", "Kenia"; not "England", which
 * only asks) and its ISO codes. The name in `except` (the page's own language) is left out.
 */
export function countrySearchNames(index: CountryIndex, code: string, except?: UnLanguage): string[] {
  const term = index.countries.terms.get(code);
  if (!term) return [];
  const names = UN_LANGUAGES.filter((lang) => lang !== except).map((lang) => term.labels[lang]);
  for (const alias of index.aliases.values()) if (!alias.ask && alias.countries.length === 1 && alias.countries[0] === code) names.push(alias.alias);
  names.push(code);
  if (typeof term.meta?.alpha2 === "string") names.push(term.meta.alpha2);
  const own = except ? term.labels[except] : undefined;
  return [...new Set(names)].filter((name) => name !== own);
}
