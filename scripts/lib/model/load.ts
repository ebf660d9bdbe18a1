import { join } from "node:path";
import type { Root } from "mdast";
import { compareDiagnostics, type Diagnostic } from "../diagnostics.ts";
import type { ParsedNarrative } from "../load/narrative.ts";
import { diskSource, keepingListings, keepingReads } from "../load/source.ts";
import { RULES } from "../rules/index.ts";
import { versionOf } from "../rules/narratives.ts";
import { loadCatalog, type SchemaCatalog } from "../schema/catalog.ts";
import { Dataset, isObject } from "../validate/dataset.ts";
import { diskCache, diskFactsStore } from "../validate/disk-cache.ts";
import { validateRepository } from "../validate/index.ts";
import { runRules } from "../validate/run.ts";
import { UN_LANGUAGES, type UnLanguage } from "../vocab.ts";
import { type History, NO_HISTORY, provenanceByEntry } from "./provenance.ts";
import { compareLatest } from "./queries.ts";
import type { Activity, CountryProfile, NarrativeFrontmatter, OrganisationProfile, SiteData, SiteEntry, SiteNarrative, SiteOwner } from "./types.ts";

/** The parsed file of each narrative of the loaded data, until the site takes its Markdown tree (`takeParsedBody`). */
const PARSED_BODIES = new WeakMap<SiteNarrative, ParsedNarrative>();

/**
 * The Markdown tree the validator parsed for a narrative's body, so that the site renders it
 * without parsing it again; undefined when there is none to give (a body the parser was kept
 * away from, or a narrative not loaded here). It is given once: the narrative's file is not
 * kept after, so that a build holds each tree only until its page is made. The tree is the
 * validator's own, whose checks are over by then.
 */
export function takeParsedBody(narrative: SiteNarrative): Root | undefined {
  const parsed = PARSED_BODIES.get(narrative);
  PARSED_BODIES.delete(narrative);
  if (!parsed || parsed.bodyProblem) return undefined;
  return parsed.tree;
}

export interface LoadResult {
  diagnostics: Diagnostic[];
  /** Undefined when the data has errors: the site is never built from invalid data. */
  data?: SiteData;
}

/** Where the validation a load runs keeps its results between runs, and the version of the code that made them. */
export interface ValidationCache {
  /** A folder git ignores (the build's is .cache/build/validate). */
  folder: string;
  /** The validator's version (`toolVersion`): results of other code are never reused. */
  version: string;
}

/**
 * Validates the whole data tree, and when it has no errors, reads it into `SiteData`. With a
 * cache, an owner whose files (and everything its checks read) are unchanged since the last run
 * is not checked again: its findings come from the cache, as in `npm run validate`.
 */
export function loadSiteData(root: string, history: History = NO_HISTORY, now: Date = new Date(), cache?: ValidationCache): LoadResult {
  // With a cache, the validation checks every file against it, then the site's dataset reads
  // them all again: one source for both lists the tree and reads each file once.
  const source = cache ? keepingReads(keepingListings(diskSource(root))) : diskSource(root);
  const catalog = loadCatalog(source);
  const dataset = new Dataset({ source, catalog, now });
  const diagnostics = cache
    ? validateRepository({
        source,
        catalog,
        now,
        cache: diskCache(cache.folder),
        toolVersion: cache.version,
        facts: diskFactsStore(join(cache.folder, "facts"), cache.version),
      }).diagnostics
    : runRules(dataset, RULES).sort(compareDiagnostics);
  if (diagnostics.some((d) => d.severity === "error")) return { diagnostics };
  return { diagnostics, data: buildSiteData(dataset, catalog, history) };
}

function buildSiteData(dataset: Dataset, catalog: SchemaCatalog, history: History): SiteData {
  const vocabularies = catalog.vocabularies;
  const countries = vocabularies.get("countries");
  const provenance = provenanceByEntry(history);
  const owners = new Map<string, SiteOwner>();
  for (const owner of dataset.owners) {
    const value = dataset.json(dataset.profileOf(owner))?.value;
    if (!isObject(value)) continue;
    if (owner.type === "country") {
      // Validated: the schema guarantees the shape.
      const profile = value as unknown as CountryProfile;
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
        region: profile.region ?? (term.meta?.region as CountryProfile["region"] | undefined),
        links: profile.links ?? [],
        ...(profile.contact ? { contact: profile.contact } : {}),
        reviewers: (profile.reviewers ?? []).map((r) => r.login),
        entries: [],
      });
    } else {
      const profile = value as unknown as OrganisationProfile;
      const name = profile.name;
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
        ...(profile.acronym !== undefined ? { acronym: profile.acronym } : {}),
        ...(profile.regions ? { regions: profile.regions } : {}),
        category: profile.category,
        level: profile.level,
        links: profile.links ?? [],
        ...(profile.contact ? { contact: profile.contact } : {}),
        reviewers: (profile.reviewers ?? []).map((r) => r.login),
        entries: [],
      });
    }
  }
  const entries: SiteEntry[] = [];
  for (const entry of dataset.entries) {
    const owner = owners.get(entry.owner.dir);
    const facts = dataset.activity(entry)?.value as Activity | undefined;
    if (!owner || !facts) continue;
    const parsed = dataset.narratives(entry);
    const originalNarrative = parsed.get(facts.originalLanguage);
    const currentVersion = originalNarrative ? versionOf(originalNarrative) : undefined;
    const narratives = new Map<string, SiteNarrative>();
    for (const [lang, narrative] of parsed) {
      const raw = narrative.frontmatter?.value;
      if (!isObject(raw) || typeof raw.title !== "string" || typeof raw.summary !== "string") continue;
      // Validated: the schema guarantees the rest of the shape.
      const value = raw as unknown as NarrativeFrontmatter;
      const translation = value.translation;
      const isOriginal = lang === facts.originalLanguage;
      const site: SiteNarrative = {
        lang,
        title: value.title,
        summary: value.summary,
        body: narrative.split.body,
        status: isOriginal || !translation ? "original" : translation.method,
        outOfDate: !isOriginal && !!translation && !!currentVersion && translation.version !== currentVersion,
        ...(isOriginal && currentVersion ? { version: currentVersion } : {}),
        ...(!isOriginal && translation ? { translates: translation.version } : {}),
      };
      narratives.set(lang, site);
      PARSED_BODIES.set(site, narrative);
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
