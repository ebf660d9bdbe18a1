import type { UnLanguage } from "../vocab.ts";
import type { SiteEntry, SiteOwner } from "./types.ts";

/**
 * Where each page lives under dist/, always "<something>/index.html". Every segment comes
 * from a validated id (a language code, an ISO code, an organisation id, a slug, a vocabulary
 * id or a year), never from free text (checklist item 26).
 */
export const pagePath = {
  root: () => "index.html",
  home: (lang: UnLanguage) => `${lang}/index.html`,
  browse: (lang: UnLanguage, page = 1) => paged(`${lang}/browse/`, page),
  facet: (lang: UnLanguage, facet: string, value: string, page = 1) => paged(`${lang}/browse/${facet}/${value.toLowerCase()}/`, page),
  directory: (lang: UnLanguage) => `${lang}/directory/index.html`,
  owner: (lang: UnLanguage, owner: Pick<SiteOwner, "dir">, page = 1) => paged(`${lang}/${owner.dir}/`, page),
  entry: (lang: UnLanguage, entry: Pick<SiteEntry, "dir">) => `${lang}/${entry.dir}/index.html`,
  youth: (lang: UnLanguage, page = 1) => paged(`${lang}/youth/`, page),
  search: (lang: UnLanguage) => `${lang}/search/index.html`,
  data: (lang: UnLanguage) => `${lang}/data/index.html`,
  vocabularies: (lang: UnLanguage) => `${lang}/vocabularies/index.html`,
  vocabulary: (lang: UnLanguage, name: string) => `${lang}/vocabularies/${name}/index.html`,
  reports: (lang: UnLanguage) => `${lang}/reports/index.html`,
  report: (lang: UnLanguage, year: number) => `${lang}/reports/${year}/index.html`,
  about: (lang: UnLanguage) => `${lang}/about/index.html`,
  /** The API and downloads page: every CSV column and API field, from the schemas. */
  api: (lang: UnLanguage) => `${lang}/data/api/index.html`,
};

/**
 * Page 1 of a list stays at the list's own address (so every link made before pagination
 * still works); page n lives at "<list>/page/<n>/index.html". No facet, owner folder or
 * slug is called "page", and slugs live under activities/, so these never collide.
 */
function paged(folder: string, page: number): string {
  return page <= 1 ? `${folder}index.html` : `${folder}page/${page}/index.html`;
}

/**
 * The files behind the script-enhanced filters of the browse page (not part of the public
 * API: their shape may change with the site). One language-neutral file of facet ids, and
 * per language the labels and the text of the entries in fixed-size shards, so that a phone
 * only downloads the text of the results it shows.
 */
export const browseIndexPath = {
  facets: () => "browse-index/entries.json",
  labels: (lang: UnLanguage) => `browse-index/${lang}/labels.json`,
  text: (lang: UnLanguage, shard: number) => `browse-index/${lang}/text-${shard}.json`,
  /** The sort orders that depend on the language (title, country), fetched only when chosen. */
  order: (lang: UnLanguage) => `browse-index/${lang}/order.json`,
};

/** Open data files, relative to dist/ (documented in docs/API.md; never change them). */
export const apiPath = {
  index: () => "api/v1/index.json",
  activities: () => "api/v1/activities.json",
  csv: () => "api/v1/activities.csv",
  country: (id: string) => `api/v1/countries/${id}.json`,
  organization: (id: string) => `api/v1/organizations/${id}.json`,
  owner: (owner: Pick<SiteOwner, "type" | "id">) => (owner.type === "country" ? apiPath.country(owner.id) : apiPath.organization(owner.id)),
  entry: (entry: Pick<SiteEntry, "owner" | "slug">) => `api/v1/activities/${entry.owner.id}/${entry.slug}.json`,
  vocabularies: () => "api/v1/vocabularies.json",
  vocabulary: (name: string) => `api/v1/vocabularies/${name}.json`,
  schema: (file: string) => `api/v1/schemas/${file}`,
  apiSchema: (name: string) => `api/v1/schemas/api/${name}.schema.json`,
  /** Feeds are per interface language: titles and links in that language. */
  feedAll: (lang: UnLanguage) => `api/v1/feeds/${lang}/all.atom`,
  feedCountry: (lang: UnLanguage, id: string) => `api/v1/feeds/${lang}/countries/${id}.atom`,
  feedOrganization: (lang: UnLanguage, id: string) => `api/v1/feeds/${lang}/organizations/${id}.atom`,
  feedOwner: (lang: UnLanguage, owner: Pick<SiteOwner, "type" | "id">) =>
    owner.type === "country" ? apiPath.feedCountry(lang, owner.id) : apiPath.feedOrganization(lang, owner.id),
  report: (year: number, lang: UnLanguage) => `api/v1/reports/${year}/report.${lang}.md`,
};

/**
 * A relative URL from one page of the site to another file of the site, so the site works under any base path.
 * Every link of every page comes through here (hundreds of thousands in a build), so it compares
 * the two paths character by character instead of splitting them into segments: the shared
 * folders end at the last "/" both have in the same place, and each "/" of `from` after it is a
 * folder to go up from.
 */
export function relativeUrl(from: string, to: string): string {
  // Only folders are shared: the last segment of either path (a file name) is never one.
  const fromFolder = from.lastIndexOf("/") + 1;
  const limit = Math.min(fromFolder, to.length);
  let common = 0;
  for (let i = 0; i < limit; i++) {
    const code = from.charCodeAt(i);
    if (code !== to.charCodeAt(i)) break;
    if (code === SLASH) common = i + 1;
  }
  let up = 0;
  for (let i = common; i < fromFolder; i++) if (from.charCodeAt(i) === SLASH) up++;
  return "../".repeat(up) + to.slice(common) || "./";
}

const SLASH = 47;

/** The public, absolute address of a page without "index.html", for citations and feeds. */
export function absoluteUrl(siteUrl: string, path: string): string {
  // Without a regular expression: every page names its address in each of the six languages.
  if (path === INDEX) return siteUrl;
  return siteUrl + (path.endsWith(`/${INDEX}`) ? path.slice(0, -INDEX.length) : path);
}

const INDEX = "index.html";

/** True when a relative output path is safe to write: no "..", no absolute path, only id characters. */
export function isSafeOutputPath(path: string): boolean {
  return /^[a-z0-9][a-z0-9._/-]*$/.test(path) && !path.split("/").some((segment) => segment === "" || segment === "." || segment === "..");
}
