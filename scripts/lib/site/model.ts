import { compareDiagnostics, type Diagnostic } from "../diagnostics.ts";
import type { Owner } from "../load/paths.ts";
import { diskSource } from "../load/source.ts";
import { RULES } from "../rules/index.ts";
import { versionOf } from "../rules/narratives.ts";
import { loadCatalog, type SchemaCatalog } from "../schema/catalog.ts";
import { Dataset, isObject } from "../validate/dataset.ts";
import { runRules } from "../validate/run.ts";
import { UN_LANGUAGES, type UnLanguage, type Vocabularies } from "../vocab.ts";
import { type EntryProvenance, type History, NO_HISTORY, provenanceByEntry } from "./provenance.ts";

/** A public web link of an entry or a profile (already checked by the schema: https only). */
export interface Link {
  url: string;
  type: string;
  title?: string;
  language?: string;
  accessed?: string;
}

export interface Organisation {
  name: string;
  acronym?: string;
  url?: string;
  country?: string;
}

export interface Contact {
  organisation?: string;
  url?: string;
  email?: string;
  phone?: string;
}

/** activity.json, as the schema guarantees it once validation passed. */
export interface ActivityFacts {
  kind: string;
  type: string;
  level: string;
  /** Optional: left out when no source states it. */
  status?: string;
  /** Optional: left out when no source gives it. */
  start?: string;
  end?: string;
  countries?: string[];
  lead?: Organisation[];
  partners?: Organisation[];
  audiences?: string[];
  topics?: string[];
  policyAreas?: string[];
  mnrCapabilities?: string[];
  sdgTargets?: string[];
  links: Link[];
  originalLanguage: string;
  contact?: Contact;
  related?: string[];
  provenance: { compiledBy: string; confirmedBy?: string[]; confirmedOn?: string };
}

/** How a narrative came to be in its language. */
export type NarrativeStatus = "original" | "human" | "machine" | "reviewed";

/** One <lang>.md, ready to render. */
export interface SiteNarrative {
  lang: string;
  title: string;
  summary: string;
  /** The Markdown body (rendered by markdown.ts). */
  body: string;
  status: NarrativeStatus;
  /** A translation whose original changed after it was made. */
  outOfDate: boolean;
  /** The fingerprint of this text (originals only: what translations name). */
  version?: string;
  /** The version of the original a translation translates. */
  translates?: string;
}

/** A country or an organisation, with its profile. */
export interface SiteOwner {
  type: Owner["type"];
  /** "rwa" or "eu": the folder name, validated. */
  id: string;
  dir: string;
  /** The name in each interface language (countries from the vocabulary; organisations from their profile). */
  names: Record<UnLanguage, string>;
  /** The language each name is really in (an organisation without a French name shows its English one). */
  nameLangs: Record<UnLanguage, string>;
  acronym?: string;
  /** ISO alpha-3 in capitals, countries only. */
  iso3?: string;
  region?: string;
  regions?: string[];
  category?: string;
  level?: string;
  links: Link[];
  contact?: Contact;
  entries: SiteEntry[];
}

/** An entry, ready to render. */
export interface SiteEntry {
  owner: SiteOwner;
  slug: string;
  /** "rwa/national-cop-policy-2019". */
  permalink: string;
  /** "countries/rwa/activities/national-cop-policy-2019". */
  dir: string;
  facts: ActivityFacts;
  narratives: Map<string, SiteNarrative>;
  /** The original language (the authority). */
  original: string;
  /** The year it started, when known: what the year filter uses. */
  year: number | undefined;
  /** ISO alpha-3 codes of every country it concerns. */
  countries: string[];
  /** ITU-D regions of those countries (or of the organisation). */
  regions: string[];
  provenance: EntryProvenance;
  /** Files in the folder, for the API and the links to GitHub. */
  files: string[];
}

/** Everything the site, the open data and the report are made of. */
export interface SiteData {
  /** The schemas and vocabularies: ask it for a schema, a vocabulary or where a `$ref` leads. */
  catalog: SchemaCatalog;
  vocabularies: Vocabularies;
  /** Schema documents by file name ("activity.schema.json", "vocab/topics.json"), as published. */
  schemas: ReadonlyMap<string, Record<string, unknown>>;
  owners: SiteOwner[];
  entries: SiteEntry[];
  byPermalink: Map<string, SiteEntry>;
  history: History;
}

export interface LoadResult {
  diagnostics: Diagnostic[];
  /** Undefined when the data has errors: the site is never built from invalid data. */
  data?: SiteData;
}

/** Validates the whole data tree, and when it has no errors, reads it into `SiteData`. */
export function loadSiteData(root: string, history: History = NO_HISTORY, now: Date = new Date()): LoadResult {
  const source = diskSource(root);
  const catalog = loadCatalog(source);
  const dataset = new Dataset({ source, catalog, now });
  const diagnostics = runRules(dataset, RULES).sort(compareDiagnostics);
  if (diagnostics.some((d) => d.severity === "error")) return { diagnostics };
  return { diagnostics, data: buildSiteData(dataset, catalog, history) };
}

function buildSiteData(dataset: Dataset, catalog: SchemaCatalog, history: History): SiteData {
  const vocabularies = catalog.vocabularies;
  const countries = vocabularies.get("countries");
  const provenance = provenanceByEntry(history);
  const owners = new Map<string, SiteOwner>();
  for (const owner of dataset.owners) {
    const profile = dataset.json(dataset.profileOf(owner))?.value;
    if (!isObject(profile)) continue;
    const links = (profile.links as Link[] | undefined) ?? [];
    const contact = profile.contact as Contact | undefined;
    if (owner.type === "country") {
      const iso3 = owner.id.toUpperCase();
      const term = countries.terms.get(iso3);
      if (!term) continue;
      owners.set(owner.dir, {
        type: "country",
        id: owner.id,
        dir: owner.dir,
        names: { ...term.labels },
        nameLangs: Object.fromEntries(UN_LANGUAGES.map((l) => [l, l])) as Record<UnLanguage, string>,
        iso3,
        region: (profile.region as string | undefined) ?? (term.meta?.region as string | undefined),
        links,
        ...(contact ? { contact } : {}),
        entries: [],
      });
    } else {
      const name = profile.name as Record<string, string>;
      const fallback = name.en ? "en" : Object.keys(name)[0]!;
      const names = {} as Record<UnLanguage, string>;
      const nameLangs = {} as Record<UnLanguage, string>;
      for (const lang of UN_LANGUAGES) {
        const has = typeof name[lang] === "string";
        names[lang] = has ? name[lang]! : name[fallback]!;
        nameLangs[lang] = has ? lang : fallback;
      }
      owners.set(owner.dir, {
        type: "organization",
        id: owner.id,
        dir: owner.dir,
        names,
        nameLangs,
        ...(typeof profile.acronym === "string" ? { acronym: profile.acronym } : {}),
        ...(Array.isArray(profile.regions) ? { regions: profile.regions as string[] } : {}),
        category: profile.category as string,
        level: profile.level as string,
        links,
        ...(contact ? { contact } : {}),
        entries: [],
      });
    }
  }
  const entries: SiteEntry[] = [];
  for (const entry of dataset.entries) {
    const owner = owners.get(entry.owner.dir);
    const facts = dataset.activity(entry)?.value as ActivityFacts | undefined;
    if (!owner || !facts) continue;
    const parsed = dataset.narratives(entry);
    const originalNarrative = parsed.get(facts.originalLanguage);
    const currentVersion = originalNarrative ? versionOf(originalNarrative) : undefined;
    const narratives = new Map<string, SiteNarrative>();
    for (const [lang, narrative] of parsed) {
      const value = narrative.frontmatter?.value as Record<string, unknown> | undefined;
      if (!value || typeof value.title !== "string" || typeof value.summary !== "string") continue;
      const translation = value.translation as { from: string; version: string; method: NarrativeStatus } | undefined;
      const isOriginal = lang === facts.originalLanguage;
      narratives.set(lang, {
        lang,
        title: value.title,
        summary: value.summary,
        body: narrative.split.body,
        status: isOriginal || !translation ? "original" : translation.method,
        outOfDate: !isOriginal && !!translation && !!currentVersion && translation.version !== currentVersion,
        ...(isOriginal && currentVersion ? { version: currentVersion } : {}),
        ...(!isOriginal && translation ? { translates: translation.version } : {}),
      });
    }
    if (!narratives.has(facts.originalLanguage)) continue;
    const covered = facts.countries ?? (owner.iso3 ? [owner.iso3] : []);
    const regions = new Set<string>();
    for (const code of covered) {
      const region = countries.terms.get(code)?.meta?.region;
      if (typeof region === "string") regions.add(region);
    }
    if (covered.length === 0) for (const region of owner.regions ?? []) regions.add(region);
    const site: SiteEntry = {
      owner,
      slug: entry.slug,
      permalink: `${owner.id}/${entry.slug}`,
      dir: entry.dir,
      facts,
      narratives,
      original: facts.originalLanguage,
      year: facts.start ? Number(facts.start.slice(0, 4)) : undefined,
      countries: [...covered].sort(),
      regions: [...regions].sort(),
      provenance: provenance.get(entry.dir) ?? {},
      files: entry.files,
    };
    owner.entries.push(site);
    entries.push(site);
  }
  entries.sort(compareLatest);
  for (const owner of owners.values()) owner.entries.sort(compareLatest);
  const byPermalink = new Map(entries.map((e) => [e.permalink, e]));
  // terminology.json is the lint rule's data, not a schema a data file refers to: it is not published with them.
  const schemas = new Map([...catalog.files].filter(([name]) => name !== "vocab/terminology.json"));
  return { catalog, vocabularies, schemas, owners: [...owners.values()], entries, byPermalink, history };
}

/** Newest first: by the date it was added to the repository, then by start date, then by permalink. */
export function compareLatest(a: SiteEntry, b: SiteEntry): number {
  const added = (e: SiteEntry) => e.provenance.added?.date ?? "";
  return added(b).localeCompare(added(a)) || (b.facts.start ?? "").localeCompare(a.facts.start ?? "") || a.permalink.localeCompare(b.permalink);
}

/** The narrative to show a reader of `lang`: theirs when it exists, otherwise the original. */
export function narrativeFor(entry: SiteEntry, lang: string): SiteNarrative {
  return entry.narratives.get(lang) ?? entry.narratives.get(entry.original)!;
}
