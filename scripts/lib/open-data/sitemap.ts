import { absoluteUrl } from "../model/urls.ts";
import { escapeHtml } from "../present/html.ts";

/** sitemap.xml for the given HTML pages (paths under dist/), with a last-modified date where known. */
export function sitemapXml(siteUrl: string, pages: ReadonlyArray<{ path: string; lastmod?: string }>): string {
  const urls = pages.map(
    ({ path, lastmod }) =>
      `  <url><loc>${escapeHtml(absoluteUrl(siteUrl, path))}</loc>${lastmod ? `<lastmod>${escapeHtml(lastmod.slice(0, 10))}</lastmod>` : ""}</url>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join("\n")}\n</urlset>\n`;
}
