import { stringify } from "csv-stringify/sync";
import type { SiteConfig } from "../model/config.ts";
import type { SiteEntry } from "../model/types.ts";
import { absoluteUrl, pagePath } from "../model/urls.ts";
import { UN_LANGUAGES } from "../vocab.ts";

/**
 * A spreadsheet program runs a cell that starts with = + - @ as a formula ("CSV injection").
 * Such text cells get a leading apostrophe, as OWASP recommends; numbers and dates never start so.
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** The languages that get their own title column: the six UN languages, then any other that entries use. */
export function titleLanguages(entries: readonly SiteEntry[]): string[] {
  const others = new Set<string>();
  for (const entry of entries) for (const lang of entry.narratives.keys()) if (!(UN_LANGUAGES as readonly string[]).includes(lang)) others.add(lang);
  return [...UN_LANGUAGES, ...[...others].sort()];
}

/** activities.csv: one row per activity, lists joined with "; ", titles in their own column per language. */
export function activitiesCsv(entries: readonly SiteEntry[], config: SiteConfig): string {
  const languages = titleLanguages(entries);
  const header = [
    "id",
    "owner_type",
    "owner_id",
    "owner_name",
    "kind",
    "type",
    "level",
    "status",
    "start",
    "end",
    "countries",
    "regions",
    "audiences",
    "topics",
    "policy_areas",
    "mnr_capabilities",
    "sdg_targets",
    "lead",
    "partners",
    "original_language",
    "compiled_by",
    "confirmed_by",
    "confirmed_on",
    "languages",
    ...languages.map((l) => `title_${l}`),
    "summary_original",
    "links",
    "added",
    "updated",
    "page",
  ];
  const list = (values: readonly string[] | undefined) => (values ?? []).join("; ");
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
      list(entry.countries),
      list(entry.regions),
      list(f.audiences),
      list(f.topics),
      list(f.policyAreas),
      list(f.mnrCapabilities),
      list(f.sdgTargets),
      list(f.lead?.map((o) => o.name)),
      list(f.partners?.map((o) => o.name)),
      entry.original,
      f.provenance.compiledBy,
      list(f.provenance.confirmedBy),
      f.provenance.confirmedOn ?? "",
      list([...entry.narratives.keys()].sort()),
      ...languages.map((l) => entry.narratives.get(l)?.title ?? ""),
      original?.summary ?? "",
      list(f.links.map((l) => l.url)),
      entry.provenance.added?.date ?? "",
      entry.provenance.updated?.date ?? "",
      absoluteUrl(config.siteUrl, pagePath.entry("en", entry)),
    ];
    return cells.map(neutraliseFormula);
  });
  // A byte-order mark, so that spreadsheet programs read the Arabic, Chinese and Russian titles as UTF-8.
  return `\uFEFF${stringify([header, ...rows], { record_delimiter: "\r\n" })}`;
}
