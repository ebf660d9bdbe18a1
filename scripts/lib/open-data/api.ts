import type { SiteConfig } from "../model/config.ts";
import type { Activity, SiteData, SiteEntry, SiteNarrative, SiteOwner } from "../model/types.ts";
import { absoluteUrl, apiPath, pagePath } from "../model/urls.ts";
import { UN_LANGUAGES, type UnLanguage } from "../vocab.ts";

/** The version of the API: the "v1" in its addresses. Fields may be added; none are removed or renamed. */
export const API_VERSION = 1;

/** The lists of activity.json the API always includes, empty when the entry has none. */
type AlwaysListed = "countries" | "lead" | "partners" | "audiences" | "topics" | "policyAreas" | "mnrCapabilities" | "sdgTargets" | "related";
type ItemOf<T> = T extends readonly (infer U)[] ? U : never;

/** One narrative of an activity as the API publishes it; `markdown` in the per-activity files only. */
export interface ApiNarrative {
  title: SiteNarrative["title"];
  summary: SiteNarrative["summary"];
  status: SiteNarrative["status"];
  outOfDate: boolean;
  version?: string;
  translates?: string;
  markdown?: string;
}

/**
 * An activity as the API publishes it (documented in docs/API.md, schema api/activity): every
 * field of activity.json (the generated `Activity` type), with its lists always present, plus
 * what the repository knows about it.
 */
export type ApiActivity = Omit<Activity, AlwaysListed | "provenance"> & { [K in AlwaysListed]: Array<ItemOf<NonNullable<Activity[K]>>> } & {
  /** Who compiled the entry, and which owners' reviewers confirmed it (always a list, empty when none did). */
  provenance: Omit<Activity["provenance"], "confirmedBy"> & { confirmedBy: Array<ItemOf<NonNullable<Activity["provenance"]["confirmedBy"]>>> };
  id: SiteEntry["permalink"];
  owner: { type: SiteOwner["type"]; id: string };
  slug: string;
  year?: number;
  regions: string[];
  narratives: Record<string, ApiNarrative>;
  added: string | null;
  updated: string | null;
  pages: Record<UnLanguage, string>;
  source: string | null;
};

/**
 * The facts of activity.json as the API copies them. Typed with every key of `Activity`, so
 * that a field added to the schema (and to the generated types) fails to compile here until
 * the API says what it publishes for it.
 */
function apiFacts(f: Activity, entry: SiteEntry): { [K in keyof Required<Activity>]: ApiActivity[K] | undefined } {
  return {
    kind: f.kind,
    type: f.type,
    level: f.level,
    status: f.status,
    start: f.start,
    end: f.end,
    countries: entry.countries as ApiActivity["countries"],
    lead: f.lead ?? [],
    partners: f.partners ?? [],
    audiences: f.audiences ?? [],
    topics: f.topics ?? [],
    policyAreas: f.policyAreas ?? [],
    mnrCapabilities: f.mnrCapabilities ?? [],
    sdgTargets: f.sdgTargets ?? [],
    links: f.links,
    originalLanguage: f.originalLanguage,
    contact: f.contact,
    related: f.related ?? [],
    provenance: {
      compiledBy: f.provenance.compiledBy,
      confirmedBy: f.provenance.confirmedBy ?? [],
      ...(f.provenance.confirmedOn ? { confirmedOn: f.provenance.confirmedOn } : {}),
    },
  };
}

/** The API record of an entry; `withText` adds each narrative's Markdown (per-entry files only, to keep lists small). */
export function apiActivity(entry: SiteEntry, config: SiteConfig, withText = false): ApiActivity {
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
  const facts = apiFacts(entry.facts, entry);
  // Key order is the published order: identity first, then the facts, then what the repository adds.
  const record = {
    id: entry.permalink,
    owner: { type: entry.owner.type, id: entry.owner.id },
    slug: entry.slug,
    kind: facts.kind,
    type: facts.type,
    level: facts.level,
    ...(facts.status ? { status: facts.status } : {}),
    ...(facts.start ? { start: facts.start } : {}),
    ...(facts.end ? { end: facts.end } : {}),
    ...(entry.year !== undefined ? { year: entry.year } : {}),
    countries: facts.countries,
    regions: entry.regions,
    lead: facts.lead,
    partners: facts.partners,
    audiences: facts.audiences,
    topics: facts.topics,
    policyAreas: facts.policyAreas,
    mnrCapabilities: facts.mnrCapabilities,
    sdgTargets: facts.sdgTargets,
    links: facts.links,
    ...(facts.contact ? { contact: facts.contact } : {}),
    related: facts.related,
    originalLanguage: facts.originalLanguage,
    provenance: facts.provenance,
    narratives,
    added: entry.provenance.added?.date ?? null,
    updated: entry.provenance.updated?.date ?? null,
    pages: Object.fromEntries(UN_LANGUAGES.map((lang) => [lang, absoluteUrl(config.siteUrl, pagePath.entry(lang, entry))])) as Record<UnLanguage, string>,
    source: config.repositoryUrl ? `${config.repositoryUrl}/tree/${config.branch}/${entry.dir}` : null,
  };
  for (const key of Object.keys(facts) as Array<keyof typeof facts>) {
    if (!(key in record) && facts[key] !== undefined) Object.assign(record, { [key]: facts[key] });
  }
  return record as ApiActivity;
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
