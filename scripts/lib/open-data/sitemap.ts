import { absoluteUrl } from "../model/urls.ts";
import { escapeHtml } from "../present/html.ts";
import { UN_LANGUAGES } from "../vocab.ts";

/** The default language for readers whose language the site does not have (hreflang="x-default"). */
export const DEFAULT_LANGUAGE = "en";

/**
 * The same page in each language, for a page under a language folder: every page of the site
 * exists in the six languages at the same path below its language ("fr/browse/" ↔ "ar/browse/").
 */
export function languageAlternates(path: string): Array<[hreflang: string, path: string]> {
  const match = /^(ar|zh|en|fr|ru|es)\//.exec(path);
  if (!match) return [];
  const rest = path.slice(match[0].length);
  return [...UN_LANGUAGES.map((lang): [string, string] => [lang, `${lang}/${rest}`]), ["x-default", `${DEFAULT_LANGUAGE}/${rest}`]];
}

/**
 * sitemap.xml for the given HTML pages (paths under dist/), with a last-modified date where
 * known and, as search engines read them, the page's versions in the other languages.
 */
export function sitemapXml(siteUrl: string, pages: ReadonlyArray<{ path: string; lastmod?: string }>): string {
  const urls = pages.map(({ path, lastmod }) => {
    const alternates = languageAlternates(path)
      .map(([lang, other]) => `<xhtml:link rel="alternate" hreflang="${lang}" href="${escapeHtml(absoluteUrl(siteUrl, other))}"/>`)
      .join("");
    return `  <url><loc>${escapeHtml(absoluteUrl(siteUrl, path))}</loc>${lastmod ? `<lastmod>${escapeHtml(lastmod.slice(0, 10))}</lastmod>` : ""}${alternates}</url>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${urls.join("\n")}\n</urlset>\n`;
}
