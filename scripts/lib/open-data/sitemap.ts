import { absoluteUrl } from "../model/urls.ts";
import { escapeHtml } from "../present/html.ts";

/** The default language for readers whose language the site does not have (hreflang="x-default"). */
export const DEFAULT_LANGUAGE = "en";

/** The most addresses one sitemap file may list (sitemaps.org); a larger site gets an index of sitemaps. */
export const SITEMAP_LIMIT = 50_000;

/**
 * The sitemap of the given HTML pages (paths under dist/), with a last-modified date where
 * known: sitemap.xml alone up to SITEMAP_LIMIT pages, beyond that sitemap.xml as an index of
 * sitemap-1.xml, sitemap-2.xml ... The language versions of each page are not repeated here:
 * every page names them in its <head> (hreflang links), which search engines read as well, and
 * listing each page's seven alternates in the sitemap made it 11 KiB per entry, 200 MB at
 * 20,000 entries.
 */
export function sitemapFiles(
  siteUrl: string,
  pages: ReadonlyArray<{ path: string; lastmod?: string }>,
  limit = SITEMAP_LIMIT,
): Array<[path: string, xml: string]> {
  const urls = pages.map(
    ({ path, lastmod }) =>
      `<url><loc>${escapeHtml(absoluteUrl(siteUrl, path))}</loc>${lastmod ? `<lastmod>${escapeHtml(lastmod.slice(0, 10))}</lastmod>` : ""}</url>`,
  );
  const urlset = (part: readonly string[]) =>
    `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${part.join("\n")}\n</urlset>\n`;
  if (urls.length <= limit) return [["sitemap.xml", urlset(urls)]];
  const parts: Array<[string, string]> = [];
  for (let start = 0; start < urls.length; start += limit) parts.push([`sitemap-${parts.length + 1}.xml`, urlset(urls.slice(start, start + limit))]);
  const index = `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${parts
    .map(([path]) => `<sitemap><loc>${escapeHtml(absoluteUrl(siteUrl, path))}</loc></sitemap>`)
    .join("\n")}\n</sitemapindex>\n`;
  return [["sitemap.xml", index], ...parts];
}
