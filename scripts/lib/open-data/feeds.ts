import { Feed } from "feed";
import type { SiteConfig } from "../model/config.ts";
import { narrativeFor } from "../model/queries.ts";
import type { SiteEntry, SiteOwner } from "../model/types.ts";
import { absoluteUrl, apiPath, pagePath } from "../model/urls.ts";
import { messages } from "../present/i18n.ts";
import type { UnLanguage } from "../vocab.ts";

/** How many entries the feed of all entries carries (the newest). */
export const FEED_LIMIT = 50;

/** When an entry last changed, for its feed item: the history, else its start date. */
function entryDate(entry: SiteEntry, fallback: Date): Date {
  const when = entry.provenance.updated?.date ?? entry.provenance.added?.date;
  if (when) return new Date(when);
  if (!entry.facts.start) return fallback;
  const parsed = new Date(`${entry.facts.start.padEnd(7, "-01").padEnd(10, "-01")}T00:00:00Z`);
  return Number.isNaN(parsed.getTime()) ? fallback : parsed;
}

/** An Atom feed of entries in one interface language. Pure: returns the XML. */
export function atomFeed(options: {
  lang: UnLanguage;
  config: SiteConfig;
  title: string;
  path: string;
  pagePath: string;
  entries: readonly SiteEntry[];
}): string {
  const { lang, config } = options;
  const m = messages(lang);
  const items = [...options.entries].sort((a, b) => entryDate(b, config.now).getTime() - entryDate(a, config.now).getTime());
  const updated = items.length > 0 ? entryDate(items[0]!, config.now) : config.now;
  const feed = new Feed({
    id: absoluteUrl(config.siteUrl, options.path),
    title: options.title,
    description: m.tagline,
    link: absoluteUrl(config.siteUrl, options.pagePath),
    language: lang,
    updated,
    generator: "COP Atlas",
    copyright: "CC BY 4.0, COP Atlas contributors",
    feedLinks: { atom: absoluteUrl(config.siteUrl, options.path) },
  });
  for (const entry of items) {
    const narrative = narrativeFor(entry, lang);
    const link = absoluteUrl(config.siteUrl, pagePath.entry(lang, entry));
    feed.addItem({
      title: narrative.title,
      id: link,
      link,
      date: entryDate(entry, config.now),
      description: narrative.summary,
      author: [{ name: entry.owner.names[lang] }],
      category: [{ term: entry.facts.kind }, { term: entry.facts.type }, ...(entry.facts.topics ?? []).map((term) => ({ term }))],
    });
  }
  return feed.atom1();
}

/** Every feed of the site: all entries, and per country and organisation, in each language. */
export function feedFiles(
  owners: readonly SiteOwner[],
  entries: readonly SiteEntry[],
  config: SiteConfig,
  languages: readonly UnLanguage[],
): Map<string, string> {
  const files = new Map<string, string>();
  for (const lang of languages) {
    const m = messages(lang);
    files.set(
      apiPath.feedAll(lang),
      atomFeed({
        lang,
        config,
        title: `${m.siteName}: ${m.latestEntries}`,
        path: apiPath.feedAll(lang),
        pagePath: pagePath.home(lang),
        entries: entries.slice(0, FEED_LIMIT),
      }),
    );
    for (const owner of owners) {
      files.set(
        apiPath.feedOwner(lang, owner),
        atomFeed({
          lang,
          config,
          title: `${m.siteName}: ${owner.names[lang]}`,
          path: apiPath.feedOwner(lang, owner),
          pagePath: pagePath.owner(lang, owner),
          entries: owner.entries,
        }),
      );
    }
  }
  return files;
}
