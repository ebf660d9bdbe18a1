import { stringify } from "csv-stringify/sync";
import { formatMessage } from "../i18n/messages.ts";
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

/** What the data dictionary says about list cells, in English; docs/API.md says the same (a test keeps them in step). */
export const CSV_LIST_ENCODING = formatMessage("en", "site.csvListEncoding");

/**
 * One column of activities.csv: its name, whether it is a list, and for a title column its
 * language. What it holds is the catalogs' `site.csvColumn.<name>` (`site.csvColumn.title` for
 * the title columns), in each language of the data dictionary.
 */
export interface CsvColumn {
  name: string;
  list?: boolean;
  titleLanguage?: string;
}

/** The columns of activities.csv before the title columns, in order. */
const LEADING_COLUMNS: CsvColumn[] = [
  { name: "id" },
  { name: "owner_type" },
  { name: "owner_id" },
  { name: "owner_name" },
  { name: "kind" },
  { name: "type" },
  { name: "level" },
  { name: "status" },
  { name: "start" },
  { name: "end" },
  { name: "countries", list: true },
  { name: "regions", list: true },
  { name: "audiences", list: true },
  { name: "topics", list: true },
  { name: "policy_areas", list: true },
  { name: "mnr_capabilities", list: true },
  { name: "sdg_targets", list: true },
  { name: "lead", list: true },
  { name: "partners", list: true },
  { name: "original_language" },
  { name: "compiled_by" },
  { name: "confirmed_by", list: true },
  { name: "confirmed_on" },
  { name: "languages", list: true },
];

/** The columns after the title columns, in order. */
const TRAILING_COLUMNS: CsvColumn[] = [{ name: "summary_original" }, { name: "links", list: true }, { name: "added" }, { name: "updated" }, { name: "page" }];

/** Every column of activities.csv for these title languages, in order, with what each holds. */
export function csvColumns(languages: readonly string[]): CsvColumn[] {
  return [...LEADING_COLUMNS, ...languages.map((lang) => ({ name: `title_${lang}`, titleLanguage: lang })), ...TRAILING_COLUMNS];
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
