import { XMLValidator } from "fast-xml-parser";
import { expect, test } from "vitest";
import { sitemapFiles } from "../../scripts/lib/open-data/sitemap.ts";

const SITE = "https://example.github.io/cop-atlas/";
const pages = (count: number) =>
  Array.from({ length: count }, (_, i) => ({ path: `en/countries/ken/activities/entry-${i}/index.html`, lastmod: "2024-05-06T10:00:00Z" }));
const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]);

test("up to the limit, one sitemap lists every page by its address, with its date", () => {
  const files = sitemapFiles(SITE, [{ path: "index.html" }, ...pages(2)], 3);
  expect(files.map(([path]) => path)).toEqual(["sitemap.xml"]);
  const [[, xml]] = files as [[string, string]];
  expect(XMLValidator.validate(xml)).toBe(true);
  expect(locs(xml)).toEqual([SITE, `${SITE}en/countries/ken/activities/entry-0/`, `${SITE}en/countries/ken/activities/entry-1/`]);
  expect(xml).toContain(`<url><loc>${SITE}en/countries/ken/activities/entry-0/</loc><lastmod>2024-05-06</lastmod></url>`);
});

test("beyond the limit, sitemap.xml is an index of parts that together list every page once", () => {
  const files = sitemapFiles(SITE, pages(7), 3);
  expect(files.map(([path]) => path)).toEqual(["sitemap.xml", "sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml"]);
  const [[, index], ...parts] = files as [[string, string], ...Array<[string, string]>];
  expect(XMLValidator.validate(index)).toBe(true);
  expect(index).toContain("<sitemapindex ");
  expect(locs(index)).toEqual([`${SITE}sitemap-1.xml`, `${SITE}sitemap-2.xml`, `${SITE}sitemap-3.xml`]);
  for (const [, xml] of parts) expect(XMLValidator.validate(xml)).toBe(true);
  expect(parts.map(([, xml]) => locs(xml).length)).toEqual([3, 3, 1]);
  expect(parts.flatMap(([, xml]) => locs(xml))).toEqual(pages(7).map(({ path }) => `${SITE}${path.replace(/index\.html$/, "")}`));
});
