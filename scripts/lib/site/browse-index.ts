import { FACETS, type Facet, facetValues, narrativeFor } from "../model/queries.ts";
import type { SiteData, SiteEntry } from "../model/types.ts";
import { browseIndexPath } from "../model/urls.ts";
import type { PageContext } from "../present/context.ts";
import { LOCALES } from "../present/i18n.ts";
import { UN_LANGUAGES, type UnLanguage } from "../vocab.ts";
import { valueLabel } from "./pages/browse.ts";

/** Entries per text shard: a phone fetches only the shards that hold the results it shows. */
export const TEXT_SHARD_SIZE = 500;

/**
 * The language-neutral part of the browse index: what filtering needs, as numbers.
 * `values[facet]` lists the ids of a facet (lower case, as the filter form and the URL
 * write them); an entry row is `[owner, slug, start, ...facet]` where each facet, in
 * `facets` order, is one index into `values[facet]`, or an array of them.
 */
export interface BrowseFacets {
  version: 1;
  /** Entries per page of results, as the static pages have them. */
  pageSize: number;
  /** Entries per text shard: row i's text is in shard floor(i / shardSize). */
  shardSize: number;
  facets: readonly Facet[];
  values: Record<Facet, string[]>;
  /** Owner folders ("countries/ken"): entry pages are at <lang>/<owner>/activities/<slug>/. */
  owners: string[];
  entries: Array<[number, string, string, ...Array<number | number[]>]>;
}

/**
 * The labels of one interface language: owner names (a string, or [name, language] when the
 * name is in another language), facet value labels aligned with `values`, the locale for
 * dates and the right-to-left languages (for lang/dir on text shown in another language).
 */
export interface BrowseLabels {
  version: 1;
  lang: UnLanguage;
  locale: string;
  rtl: string[];
  owners: Array<string | [string, string]>;
  labels: Record<Facet, string[]>;
}

/**
 * The sort orders that depend on the interface language, as positions in `entries`: by title
 * and by the name of the country or organisation, each compared the language's way. Newest and
 * oldest need no file: the index is already newest first.
 */
export interface BrowseOrder {
  version: 1;
  title: number[];
  country: number[];
}

/** One text shard: per entry `[title, summary]`, or `[title, summary, language]` when not in the interface language. */
export type BrowseText = Array<[string, string] | [string, string, string]>;

/** The paths of the browse index's files for so many entries, in the order `browseIndexFiles` makes them. */
export function browseIndexPaths(entryCount: number, shardSize = TEXT_SHARD_SIZE): string[] {
  const paths = [browseIndexPath.facets()];
  for (const lang of UN_LANGUAGES) {
    paths.push(browseIndexPath.labels(lang), browseIndexPath.order(lang));
    for (let shard = 0; shard * shardSize < entryCount; shard++) paths.push(browseIndexPath.text(lang, shard));
  }
  return paths;
}

/** Every file of the browse index, by output path, for the entries in display order. */
export function browseIndexFiles(
  data: SiteData,
  pageSize: number,
  contextFor: (lang: UnLanguage) => PageContext,
  shardSize = TEXT_SHARD_SIZE,
): Map<string, unknown> {
  const files = new Map<string, unknown>();
  const values = Object.fromEntries(FACETS.map((facet) => [facet, [] as string[]])) as Record<Facet, string[]>;
  const positions = new Map<string, number>();
  const position = (facet: Facet, value: string) => {
    const key = `${facet}:${value}`;
    let at = positions.get(key);
    if (at === undefined) {
      at = values[facet].push(value) - 1;
      positions.set(key, at);
    }
    return at;
  };
  const ownerIndex = new Map(data.owners.map((owner, i) => [owner, i]));
  const entries: BrowseFacets["entries"] = data.entries.map((entry) => {
    const facets = facetValues(entry);
    const row: BrowseFacets["entries"][number] = [ownerIndex.get(entry.owner)!, entry.slug, entry.facts.start ?? ""];
    for (const facet of FACETS) {
      const ids = facets[facet].map((value) => position(facet, value.toLowerCase()));
      row.push(ids.length === 1 ? ids[0]! : ids);
    }
    return row;
  });
  const facetsFile: BrowseFacets = { version: 1, pageSize, shardSize, facets: FACETS, values, owners: data.owners.map((o) => o.dir), entries };
  files.set(browseIndexPath.facets(), facetsFile);
  const rawValues = new Map<string, string>();
  for (const entry of data.entries) {
    const facets = facetValues(entry);
    for (const facet of FACETS) for (const value of facets[facet]) rawValues.set(`${facet}:${value.toLowerCase()}`, value);
  }
  const languages = data.vocabularies.get("languages");
  const rtl = [...languages.terms.values()].filter((term) => term.meta?.dir === "rtl").map((term) => term.id);
  for (const lang of UN_LANGUAGES) {
    const c = contextFor(lang);
    const labels = Object.fromEntries(
      FACETS.map((facet) => [facet, values[facet].map((value) => valueLabel(c, facet, rawValues.get(`${facet}:${value}`) ?? value))]),
    ) as Record<Facet, string[]>;
    const owners = data.owners.map((owner): string | [string, string] =>
      owner.nameLangs[lang] === lang ? owner.names[lang] : [owner.names[lang], owner.nameLangs[lang]],
    );
    files.set(browseIndexPath.labels(lang), { version: 1, lang, locale: LOCALES[lang], rtl, owners, labels } satisfies BrowseLabels);
    files.set(browseIndexPath.order(lang), browseOrder(data.entries, lang));
    for (let shard = 0; shard * shardSize < data.entries.length; shard++) {
      const text: BrowseText = data.entries.slice(shard * shardSize, (shard + 1) * shardSize).map((entry) => entryText(entry, lang));
      files.set(browseIndexPath.text(lang, shard), text);
    }
  }
  return files;
}

function entryText(entry: SiteEntry, lang: UnLanguage): BrowseText[number] {
  const narrative = narrativeFor(entry, lang);
  return narrative.lang === lang ? [narrative.title, narrative.summary] : [narrative.title, narrative.summary, narrative.lang];
}

/** The language's title and country orders of the entries (ties keep the newest first). */
export function browseOrder(entries: readonly SiteEntry[], lang: UnLanguage): BrowseOrder {
  const collator = new Intl.Collator(LOCALES[lang]);
  const positions = entries.map((_, i) => i);
  const titles = entries.map((entry) => narrativeFor(entry, lang).title);
  const owners = entries.map((entry) => entry.owner.names[lang]);
  return {
    version: 1,
    title: [...positions].sort((a, b) => collator.compare(titles[a]!, titles[b]!) || a - b),
    country: [...positions].sort((a, b) => collator.compare(owners[a]!, owners[b]!) || a - b),
  };
}
