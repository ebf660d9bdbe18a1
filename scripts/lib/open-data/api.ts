import type { SiteConfig } from "../site/config.ts";
import type { SiteData, SiteEntry, SiteOwner } from "../site/model.ts";
import { absoluteUrl, apiPath, pagePath } from "../site/urls.ts";
import { UN_LANGUAGES } from "../vocab.ts";

/** The version of the API: the "v1" in its addresses. Fields may be added; none are removed or renamed. */
export const API_VERSION = 1;

/** An activity as the API publishes it (documented in docs/API.md, schema api/activity). */
export interface ApiActivity {
  id: string;
  owner: { type: "country" | "organization"; id: string };
  slug: string;
  kind: string;
  type: string;
  level: string;
  status?: string;
  start?: string;
  end?: string;
  year?: number;
  countries: string[];
  regions: string[];
  lead: Array<{ name: string; acronym?: string; url?: string; country?: string }>;
  partners: Array<{ name: string; acronym?: string; url?: string; country?: string }>;
  audiences: string[];
  topics: string[];
  policyAreas: string[];
  mnrCapabilities: string[];
  sdgTargets: string[];
  links: Array<{ url: string; type: string; title?: string; language?: string; accessed?: string }>;
  contact?: { organisation?: string; url?: string; email?: string; phone?: string };
  related: string[];
  originalLanguage: string;
  provenance: { compiledBy: string; confirmedBy: string[]; confirmedOn?: string };
  narratives: Record<string, { title: string; summary: string; status: string; outOfDate: boolean; version?: string; translates?: string; markdown?: string }>;
  added: string | null;
  updated: string | null;
  pages: Record<string, string>;
  source: string | null;
}

/** The API record of an entry; `withText` adds each narrative's Markdown (per-entry files only, to keep lists small). */
export function apiActivity(entry: SiteEntry, config: SiteConfig, withText = false): ApiActivity {
  const f = entry.facts;
  const narratives: ApiActivity["narratives"] = {};
  for (const [lang, n] of [...entry.narratives.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    narratives[lang] = {
      title: n.title,
      summary: n.summary,
      status: n.status,
      outOfDate: n.outOfDate,
      ...(n.version ? { version: n.version } : {}),
      ...(n.translates ? { translates: n.translates } : {}),
      ...(withText ? { markdown: n.body } : {}),
    };
  }
  return {
    id: entry.permalink,
    owner: { type: entry.owner.type, id: entry.owner.id },
    slug: entry.slug,
    kind: f.kind,
    type: f.type,
    level: f.level,
    ...(f.status ? { status: f.status } : {}),
    ...(f.start ? { start: f.start } : {}),
    ...(f.end ? { end: f.end } : {}),
    ...(entry.year !== undefined ? { year: entry.year } : {}),
    countries: entry.countries,
    regions: entry.regions,
    lead: f.lead ?? [],
    partners: f.partners ?? [],
    audiences: f.audiences ?? [],
    topics: f.topics ?? [],
    policyAreas: f.policyAreas ?? [],
    mnrCapabilities: f.mnrCapabilities ?? [],
    sdgTargets: f.sdgTargets ?? [],
    links: f.links,
    ...(f.contact ? { contact: f.contact } : {}),
    related: f.related ?? [],
    originalLanguage: f.originalLanguage,
    provenance: {
      compiledBy: f.provenance.compiledBy,
      confirmedBy: f.provenance.confirmedBy ?? [],
      ...(f.provenance.confirmedOn ? { confirmedOn: f.provenance.confirmedOn } : {}),
    },
    narratives,
    added: entry.provenance.added?.date ?? null,
    updated: entry.provenance.updated?.date ?? null,
    pages: Object.fromEntries(UN_LANGUAGES.map((lang) => [lang, absoluteUrl(config.siteUrl, pagePath.entry(lang, entry))])),
    source: config.repositoryUrl ? `${config.repositoryUrl}/tree/${config.branch}/${entry.dir}` : null,
  };
}

/** A country or organisation as the API publishes it. */
export function apiOwner(owner: SiteOwner) {
  return {
    type: owner.type,
    id: owner.id,
    ...(owner.iso3 ? { iso3: owner.iso3 } : {}),
    names: owner.names,
    ...(owner.acronym ? { acronym: owner.acronym } : {}),
    ...(owner.region ? { region: owner.region } : {}),
    ...(owner.regions ? { regions: owner.regions } : {}),
    ...(owner.category ? { category: owner.category } : {}),
    ...(owner.level ? { level: owner.level } : {}),
    links: owner.links,
    ...(owner.contact ? { contact: owner.contact } : {}),
    entries: owner.entries.length,
  };
}

/** Every JSON file of the API, by path under dist/. Pure: the caller writes them. */
export function apiFiles(data: SiteData, config: SiteConfig): Map<string, unknown> {
  const generated = config.now.toISOString();
  const files = new Map<string, unknown>();
  const head = { version: API_VERSION, generated, license: "CC-BY-4.0" };
  const rel = (path: string) => path.replace(/^api\/v1\//, "");
  files.set(apiPath.activities(), { ...head, count: data.entries.length, activities: data.entries.map((e) => apiActivity(e, config)) });
  for (const entry of data.entries) files.set(apiPath.entry(entry), { ...head, activity: apiActivity(entry, config, true) });
  for (const owner of data.owners) {
    files.set(apiPath.owner(owner), { ...head, owner: apiOwner(owner), activities: owner.entries.map((e) => apiActivity(e, config)) });
  }
  const vocabularies: Record<string, unknown> = {};
  for (const list of data.vocabularies.lists.values()) {
    const document = {
      name: list.name,
      title: list.title,
      labels: list.labels,
      schema: `schemas/vocab/${list.name}.json`,
      terms: [...list.terms.values()].map((t) => ({
        id: t.id,
        labels: t.labels,
        ...(t.description ? { description: t.description } : {}),
        ...(t.meta ? { meta: t.meta } : {}),
      })),
    };
    vocabularies[list.name] = document;
    files.set(apiPath.vocabulary(list.name), { ...head, vocabulary: document });
  }
  files.set(apiPath.vocabularies(), { ...head, vocabularies });
  for (const [name, document] of data.schemas) files.set(apiPath.schema(name), document);
  const ownerRow = (owner: SiteOwner) => ({ id: owner.id, name: owner.names.en, entries: owner.entries.length, url: rel(apiPath.owner(owner)) });
  files.set(apiPath.index(), {
    ...head,
    counts: {
      activities: data.entries.length,
      countries: data.owners.filter((o) => o.type === "country").length,
      organizations: data.owners.filter((o) => o.type === "organization").length,
    },
    files: {
      activities: rel(apiPath.activities()),
      csv: rel(apiPath.csv()),
      vocabularies: rel(apiPath.vocabularies()),
      schemas: "schemas/",
      feeds: Object.fromEntries(UN_LANGUAGES.map((lang) => [lang, rel(apiPath.feedAll(lang))])),
    },
    countries: data.owners.filter((o) => o.type === "country").map(ownerRow),
    organizations: data.owners.filter((o) => o.type === "organization").map(ownerRow),
  });
  return files;
}
