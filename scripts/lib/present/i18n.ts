import { CATALOGS, formatMessage, type MessageKey, type MessageValue, type MessageValues } from "../i18n/messages.ts";
import type { UnLanguage } from "../vocab.ts";

/** A site message's name: its key in the catalogs (locales/<lang>.json) without the "site." prefix. */
export type SiteMessageName = MessageKey extends infer K ? (K extends `site.${infer N}` ? N : never) : never;

/**
 * The site messages that take values, with the names of their placeholders in the order the
 * accessor takes them (`m.confirmedByOn(names, date)`); every other site message is plain text.
 * A test holds these names to the placeholders of the catalogs.
 */
export const SITE_PARAMETERS = {
  figureEntries: ["count"],
  figureCountries: ["count"],
  figureOrganizations: ["count"],
  figureGoodPractices: ["count"],
  figureConfirmed: ["count"],
  figureLanguages: ["count"],
  mapDescription: ["countries"],
  results: ["count"],
  entriesCount: ["count"],
  entriesOf: ["name"],
  /** The entry's owner has not confirmed it yet. */
  notYetConfirmedBy: ["names"],
  confirmedByOn: ["names", "date"],
  translationNote: ["method", "original"],
  outOfDateNote: ["original"],
  fallbackNote: ["wanted", "shownIn"],
  /** On a page that has no text in its language: the summary is the original's, the full text is on another page. */
  summaryOnlyNote: ["wanted", "shownIn"],
  readFullText: ["language"],
  searchResults: ["count"],
  reportTitle: ["year"],
  reportIntro: ["year"],
  /** How the data comes about, said truthfully in the report. */
  reportDataNote: ["year"],
  /** "Page 2 of 7" (numbers already formatted). */
  pageOf: ["page", "total"],
  /** On a country page: the link to every entry concerning the country. */
  allConcerning: ["count"],
  /** A country's standing at the United Nations, on its page: "member" or "observer". */
  unStatus: ["status"],
  /** A country page when the atlas has nothing of it yet. */
  countryNoEntries: ["name"],
  /** The call to contribute on a country page. */
  contributeTitle: ["name"],
  /** In the footer of every page: when the data last changed (a formatted date). */
  dataUpdated: ["date"],
  /** The comparison table's caption: what is counted (already in lower case where the language has case), for which countries. */
  compareCaption: ["dimension", "where"],
  /** The comparison page's title: what is compared, for which countries. */
  compareTitle: ["dimension", "where"],
  /** The <title> of the home page, and of every other page. */
  homeTitle: ["site", "tagline"],
  pageTitle: ["page", "site"],
  /** Above a search result: an entry, with its kind (activity, case study, good practice). */
  resultEntry: ["kind"],
  /** An Atom feed's title: the atlas, then what the feed follows (the latest entries, a country). */
  feedTitle: ["site", "subject"],
  /** In the data dictionaries: a list whose items are of a type ("array of string"). */
  typeArrayOf: ["type"],
  /** A nested object, by the name of its schema ("object (activity)"). */
  typeObjectOf: ["name"],
  /** An object with one text per UN language: the six codes, then the type of each value. */
  typeSixLanguages: ["languages", "type"],
  /** In the data dictionary: what a title column of activities.csv holds (the language's name). */
  "csvColumn.title": ["language"],
} as const satisfies Partial<Record<SiteMessageName, readonly string[]>>;

type SiteParameters = typeof SITE_PARAMETERS;

/** What each placeholder takes: counts and years are numbers (a count chooses the plural form), the UN status a branch. */
type ValueOf<P> = P extends "count" | "countries" | "year" ? number : P extends "status" ? "member" | "observer" : string;
type Arguments<P extends readonly string[]> = { -readonly [I in keyof P]: ValueOf<P[I]> };

/**
 * The interface text of the site and the annual report in one language, read from the catalogs'
 * site.* messages: plain text, or a function of the values a message takes.
 */
export type Messages = {
  readonly [N in SiteMessageName]: N extends keyof SiteParameters ? (...values: Arguments<SiteParameters[N]>) => string : string;
};

const SITE_PREFIX = "site.";
/** How many texts of one message with values are kept (a page title is new on every page: the list is then started again). */
const MADE_PER_MESSAGE = 256;
const MESSAGES = new Map<UnLanguage, Messages>();

/** The interface text in one language, made once per language from its catalog. */
export function messages(lang: UnLanguage): Messages {
  let found = MESSAGES.get(lang);
  if (!found) {
    const parametersOf: Readonly<Record<string, readonly string[]>> = SITE_PARAMETERS;
    const entries = Object.keys(CATALOGS.en)
      .filter((key): key is MessageKey => key.startsWith(SITE_PREFIX))
      .map((key) => {
        const name = key.slice(SITE_PREFIX.length);
        const parameters = parametersOf[name];
        if (!parameters) return [name, formatMessage(lang, key)];
        // Many pages say the same thing with the same values (the footer's date, a result's kind):
        // the last texts made are kept, by their values as JSON, where a number and a string differ
        // (a count chooses a plural form, a string is shown as written).
        const made = new Map<string, string>();
        const format = (...values: Array<string | number>) => {
          const key = JSON.stringify(values);
          let text = made.get(key);
          if (text === undefined) {
            if (made.size >= MADE_PER_MESSAGE) made.clear();
            text = formatOnce(...values);
            made.set(key, text);
          }
          return text;
        };
        const formatOnce = (...values: Array<string | number>) => {
          const named: Record<string, MessageValue> = {};
          parameters.forEach((parameter, i) => {
            const value = values[i] ?? "";
            // A number already written ("2", "1 234") has no direction of its own to protect: it stays as it is.
            named[parameter] = typeof value === "string" && !/\p{L}/u.test(value) ? { verbatim: value } : value;
          });
          return formatMessage(lang, key, named as MessageValues);
        };
        return [name, format];
      });
    found = Object.freeze(Object.fromEntries(entries)) as Messages;
    MESSAGES.set(lang, found);
  }
  return found;
}

/** The BCP 47 tag used for dates and numbers in each interface language. */
export const LOCALES: Record<UnLanguage, string> = { ar: "ar", zh: "zh-Hans", en: "en-GB", fr: "fr-FR", ru: "ru-RU", es: "es-ES" };

/** A date (ISO string or partial date "2019", "2019-06") written for readers of a language. */
export function formatDate(lang: UnLanguage, value: string): string {
  // A site shows the same few thousand dates on many pages; Intl's format is the costly part.
  const key = `${lang} ${value}`;
  let formatted = FORMATTED_DATES.get(key);
  if (formatted === undefined) {
    formatted = formatDateOnce(lang, value);
    FORMATTED_DATES.set(key, formatted);
  }
  return formatted;
}

/** Dates already written, by language and value ("en 2024-05"). */
const FORMATTED_DATES = new Map<string, string>();

function formatDateOnce(lang: UnLanguage, value: string): string {
  const parts = value.slice(0, 10).split("-").map(Number);
  const [year, month, day] = parts;
  if (!year) return value;
  if (parts.length === 1) return String(year);
  const date = new Date(Date.UTC(year, (month ?? 1) - 1, day ?? 1));
  return dateFormatter(lang, parts.length === 2 ? "month" : "day").format(date);
}

/** Formatters are costly to make and a build formats hundreds of thousands of dates: one per language and precision. */
const DATE_FORMATTERS = new Map<string, Intl.DateTimeFormat>();

function dateFormatter(lang: UnLanguage, precision: "month" | "day"): Intl.DateTimeFormat {
  const key = `${lang}:${precision}`;
  let formatter = DATE_FORMATTERS.get(key);
  if (!formatter) {
    const options: Intl.DateTimeFormatOptions =
      precision === "month" ? { year: "numeric", month: "long", timeZone: "UTC" } : { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" };
    // Latin digits everywhere: the data, the citations and the filters use them.
    formatter = new Intl.DateTimeFormat(`${LOCALES[lang]}-u-nu-latn`, options);
    DATE_FORMATTERS.set(key, formatter);
  }
  return formatter;
}

/** A number written for readers of a language, with Latin digits. */
export function formatNumber(lang: UnLanguage, value: number): string {
  let formatter = NUMBER_FORMATTERS.get(lang);
  if (!formatter) {
    formatter = new Intl.NumberFormat(`${LOCALES[lang]}-u-nu-latn`);
    NUMBER_FORMATTERS.set(lang, formatter);
  }
  return formatter.format(value);
}

const NUMBER_FORMATTERS = new Map<UnLanguage, Intl.NumberFormat>();

/**
 * A list written the language's way: "Kenya, Rwanda and Uganda", "肯尼亚、卢旺达和乌干达",
 * "كينيا ورواندا وأوغندا" (CLDR's conjunction through Intl.ListFormat, never a comma hard-coded in a template).
 */
export function formatList(lang: UnLanguage, items: readonly string[]): string {
  let formatter = LIST_FORMATTERS.get(lang);
  if (!formatter) {
    formatter = new Intl.ListFormat(LOCALES[lang], { type: "conjunction", style: "long" });
    LIST_FORMATTERS.set(lang, formatter);
  }
  return formatter.format(items);
}

const LIST_FORMATTERS = new Map<UnLanguage, Intl.ListFormat>();
