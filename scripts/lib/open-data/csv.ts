import { stringify } from "csv-stringify/sync";
import type { SiteConfig } from "../model/config.ts";
import type { SiteEntry } from "../model/types.ts";
import { absoluteUrl, pagePath } from "../model/urls.ts";
import { UN_LANGUAGES } from "../vocab.ts";

/**
 * A spreadsheet program runs a cell that starts with = + - @ (or a tab or CR before them) as a
 * formula ("CSV injection"). Such text cells get a leading apostrophe, as OWASP recommends; numbers
 * and dates never start so. A cell that starts with an apostrophe gets one more, so that a reader
 * can always undo it: drop one leading apostrophe.
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r']/.test(value) ? `'${value}` : value;
}

/** What the data dictionary says about list cells; docs/API.md says the same (a test keeps them in step). */
export const CSV_LIST_ENCODING =
  'A list cell joins its items with "; " (a semicolon and a space). An item that contains a semicolon or a double quote, or starts or ends with a space, is written in double quotes with each double quote inside it doubled, as in CSV. For example, "Ministry of Health; Social Affairs"; UNICEF is a list of two items. Codes (countries, topics and the other vocabulary values) never need quotes.';

/** One column of activities.csv: its name, what it holds, and whether it is a list. */
export interface CsvColumn {
  name: string;
  description: string;
  list?: boolean;
}

/** The columns of activities.csv before the title columns, in order. */
const LEADING_COLUMNS: CsvColumn[] = [
  { name: "id", description: "The entry's permalink: <owner>/<slug>." },
  { name: "owner_type", description: "country or organization." },
  { name: "owner_id", description: "The ISO alpha-3 code in lower case, or the organisation's id." },
  { name: "owner_name", description: "The country's or organisation's name in English." },
  { name: "kind", description: "activity, case-study or good-practice." },
  { name: "type", description: "The type of activity (a value of the types vocabulary)." },
  { name: "level", description: "national, regional or international." },
  { name: "status", description: "The status (a value of the statuses vocabulary); empty when no source states it." },
  { name: "start", description: "A partial ISO date (2019, 2019-06, 2019-06-30); empty when no source gives it." },
  { name: "end", description: "A partial ISO date; empty when it has not ended or is unknown." },
  { name: "countries", description: "The ISO alpha-3 codes (capitals) of every country it concerns.", list: true },
  { name: "regions", description: "The ITU-D regions of those countries.", list: true },
  { name: "audiences", description: "Audience ids.", list: true },
  { name: "topics", description: "Topic ids.", list: true },
  { name: "policy_areas", description: "Policy area ids.", list: true },
  { name: "mnr_capabilities", description: "WeProtect Model National Response capability ids.", list: true },
  { name: "sdg_targets", description: "Sustainable Development Goal targets (16.2).", list: true },
  { name: "lead", description: "The names of the lead organisations.", list: true },
  { name: "partners", description: "The names of the partner organisations.", list: true },
  { name: "original_language", description: "The language code of the original narrative." },
  { name: "compiled_by", description: "Who put the entry in the atlas (a value of the compilers vocabulary)." },
  { name: "confirmed_by", description: "The countries and organisations whose designated reviewers confirmed the entry.", list: true },
  { name: "confirmed_on", description: "The ISO date of the latest confirmation; empty when none." },
  { name: "languages", description: "The language codes of every narrative.", list: true },
];

/** The columns after the title columns, in order. */
const TRAILING_COLUMNS: CsvColumn[] = [
  { name: "summary_original", description: "The summary in the original language." },
  { name: "links", description: "The web addresses of the sources.", list: true },
  { name: "added", description: "The ISO date of the entry's first change on main; empty when unknown." },
  { name: "updated", description: "The ISO date of its last change on main; empty when unknown." },
  { name: "page", description: "The address of the entry's page in English." },
];

/** Every column of activities.csv for these title languages, in order, with what each holds. */
export function csvColumns(languages: readonly string[]): CsvColumn[] {
  return [
    ...LEADING_COLUMNS,
    ...languages.map((lang) => ({ name: `title_${lang}`, description: `The title in the language ${lang}; empty when there is no narrative in it.` })),
    ...TRAILING_COLUMNS,
  ];
}

const NEEDS_QUOTES = /[;"]|^\s|\s$|^$/;

/** Joins list items so that they can be told apart again (CSV_LIST_ENCODING). */
export function joinList(items: readonly string[] | undefined): string {
  return (items ?? []).map((item) => (NEEDS_QUOTES.test(item) ? `"${item.replaceAll('"', '""')}"` : item)).join("; ");
}

/** The languages that get their own title column: the six UN languages, then any other that entries use. */
export function titleLanguages(entries: readonly SiteEntry[]): string[] {
  const others = new Set<string>();
  for (const entry of entries) for (const lang of entry.narratives.keys()) if (!(UN_LANGUAGES as readonly string[]).includes(lang)) others.add(lang);
  return [...UN_LANGUAGES, ...[...others].sort()];
}

/**
 * activities.csv: one row per activity, lists encoded with joinList, titles in their own column
 * per language. Every value that holds a line break (CR or LF alone or together), the delimiter or
 * a quote is quoted, so a row never splits whatever the data holds.
 */
export function activitiesCsv(entries: readonly SiteEntry[], config: SiteConfig): string {
  const languages = titleLanguages(entries);
  const header = csvColumns(languages).map((column) => column.name);
  const rows = entries.map((entry) => {
    const f = entry.facts;
    const original = entry.narratives.get(entry.original);
    const cells = [
      entry.permalink,
      entry.owner.type,
      entry.owner.id,
      entry.owner.names.en,
      f.kind,
      f.type,
      f.level,
      f.status ?? "",
      f.start ?? "",
      f.end ?? "",
      joinList(entry.countries),
      joinList(entry.regions),
      joinList(f.audiences),
      joinList(f.topics),
      joinList(f.policyAreas),
      joinList(f.mnrCapabilities),
      joinList(f.sdgTargets),
      joinList(f.lead?.map((o) => o.name)),
      joinList(f.partners?.map((o) => o.name)),
      entry.original,
      f.provenance.compiledBy,
      joinList(f.provenance.confirmedBy),
      f.provenance.confirmedOn ?? "",
      joinList([...entry.narratives.keys()].sort()),
      ...languages.map((l) => entry.narratives.get(l)?.title ?? ""),
      original?.summary ?? "",
      joinList(f.links.map((l) => l.url)),
      entry.provenance.added?.date ?? "",
      entry.provenance.updated?.date ?? "",
      absoluteUrl(config.siteUrl, pagePath.entry("en", entry)),
    ];
    return cells.map(neutraliseFormula);
  });
  // A byte-order mark, so that spreadsheet programs read the Arabic, Chinese and Russian titles as UTF-8.
  // csv-stringify quotes a value containing the whole record delimiter (CRLF) but not a lone CR or LF:
  // quoted_match covers those.
  return `\uFEFF${stringify([header, ...rows], { record_delimiter: "\r\n", quoted_match: /[\r\n]/ })}`;
}
