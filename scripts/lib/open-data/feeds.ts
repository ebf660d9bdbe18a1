import type { SiteConfig } from "../model/config.ts";
import { narrativeFor } from "../model/queries.ts";
import type { SiteEntry, SiteOwner } from "../model/types.ts";
import { absoluteUrl, apiPath, pagePath } from "../model/urls.ts";
import { escapeXml } from "../present/html.ts";
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

/** Whether a feed of these entries says the build's time: it has no entry, or one with no date of its own. */
export function feedUsesBuildTime(entries: readonly SiteEntry[]): boolean {
  const none = new Date(Number.NaN);
  return entries.length === 0 || entries.some((entry) => entryDate(entry, none) === none);
}

/** `<name attributes>text</name>`, everything escaped: the only way feed XML is written. */
function element(name: string, attributes: Record<string, string>, text?: string): string {
  const attrs = Object.entries(attributes)
    .map(([key, value]) => ` ${key}="${escapeXml(value)}"`)
    .join("");
  return text === undefined ? `<${name}${attrs}/>` : `<${name}${attrs}>${escapeXml(text)}</${name}>`;
}

/**
 * An Atom feed (RFC 4287) of entries in one interface language. Pure: returns the XML. Titles and
 * summaries are plain text (type="text"), escaped, never CDATA or HTML, so nothing in an entry can
 * become markup in a feed reader; characters XML does not allow become U+FFFD. The feed and each
 * entry say their language with xml:lang (an entry without a narrative in the feed's language
 * shows its original).
 */
export function atomFeed(options: {
  lang: UnLanguage;
  config: SiteConfig;
  title: string;
  path: string;
  pagePath: string;
  entries: readonly SiteEntry[];
  /** At most this many entries, the newest. */
  limit?: number;
}): string {
  const { lang, config } = options;
  const m = messages(lang);
  const items = [...options.entries]
    .sort((a, b) => entryDate(b, config.now).getTime() - entryDate(a, config.now).getTime())
    .slice(0, options.limit ?? Number.POSITIVE_INFINITY);
  const updated = items.length > 0 ? entryDate(items[0]!, config.now) : config.now;
  const self = absoluteUrl(config.siteUrl, options.path);
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(lang)}">`,
    `  ${element("id", {}, self)}`,
    `  ${element("title", { type: "text" }, options.title)}`,
    `  ${element("subtitle", { type: "text" }, m.tagline)}`,
    `  ${element("updated", {}, updated.toISOString())}`,
    `  ${element("generator", {}, "COP Atlas")}`,
    `  ${element("rights", { type: "text" }, m.feedRights)}`,
    `  ${element("link", { rel: "alternate", type: "text/html", href: absoluteUrl(config.siteUrl, options.pagePath) })}`,
    `  ${element("link", { rel: "self", type: "application/atom+xml", href: self })}`,
  ];
  for (const entry of items) {
    const narrative = narrativeFor(entry, lang);
    const link = absoluteUrl(config.siteUrl, pagePath.entry(lang, entry));
    const categories = [entry.facts.kind, entry.facts.type, ...(entry.facts.topics ?? [])];
    lines.push(
      `  <entry xml:lang="${escapeXml(narrative.lang)}">`,
      `    ${element("id", {}, link)}`,
      `    ${element("title", { type: "text" }, narrative.title)}`,
      `    ${element("link", { rel: "alternate", type: "text/html", href: link })}`,
      `    ${element("updated", {}, entryDate(entry, config.now).toISOString())}`,
      `    ${element("summary", { type: "text" }, narrative.summary)}`,
      `    <author>${element("name", {}, entry.owner.names[lang])}</author>`,
      ...categories.map((term) => `    ${element("category", { term })}`),
      "  </entry>",
    );
  }
  lines.push("</feed>", "");
  return lines.join("\n");
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
        title: m.feedTitle(m.siteName, m.latestEntries),
        path: apiPath.feedAll(lang),
        pagePath: pagePath.home(lang),
        entries,
        limit: FEED_LIMIT,
      }),
    );
    for (const owner of owners) {
      files.set(
        apiPath.feedOwner(lang, owner),
        atomFeed({
          lang,
          config,
          title: m.feedTitle(m.siteName, owner.names[lang]),
          path: apiPath.feedOwner(lang, owner),
          pagePath: pagePath.owner(lang, owner),
          entries: owner.entries,
        }),
      );
    }
  }
  return files;
}
