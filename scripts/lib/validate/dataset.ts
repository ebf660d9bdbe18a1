import { type ParsedJson, parseJson } from "../load/json.ts";
import { type ParsedNarrative, parseNarrative } from "../load/narrative.ts";
import { classifyPath, DATA_ROOTS, type Owner, PROFILE_FILE, permalink, repositoryPath } from "../load/paths.ts";
import type { FileSource, SourceFile } from "../load/source.ts";
import type { SchemaCatalog } from "../schema/catalog.ts";
import type { Vocabularies } from "../vocab.ts";
import { digestOf, entryDigest, type FactsStore, type OwnerFacts } from "./facts.ts";

/** One entry folder (countries/<iso3>/activities/<slug>/) and the files in it. */
export interface Entry {
  owner: Owner;
  slug: string;
  dir: string;
  /** Every path under the folder, sorted. */
  files: string[];
}

export interface DatasetOptions {
  /** Where the files are read from: the working tree, a git tree or memory. */
  source: FileSource;
  catalog: SchemaCatalog;
  now: Date;
  /** Files or folders to check; undefined for the whole data tree. */
  targets?: readonly string[];
  /** The index of cross-file facts kept between runs (see `entryFact`). */
  facts?: FactsStore;
}

/**
 * What one validation run looks at: the target files, grouped into entries and profiles,
 * with cached reads and parses. Cross-file rules reach beyond the targets only through
 * the owner lookups below, so checking a pull request costs what it touches.
 */
export class Dataset {
  readonly source: FileSource;
  readonly catalog: SchemaCatalog;
  readonly vocabularies: Vocabularies;
  readonly now: Date;
  /** True when the whole data tree is checked. */
  readonly complete: boolean;

  readonly #targets: readonly string[] | undefined;
  #layout: Layout | undefined;
  readonly #sources = new Map<string, SourceFile | undefined>();
  readonly #json = new Map<string, ParsedJson | undefined>();
  readonly #narratives = new Map<string, ParsedNarrative | undefined>();
  readonly #entryNarratives = new WeakMap<Entry, Map<string, ParsedNarrative>>();
  readonly #ownerEntries = new Map<string, Entry[]>();
  readonly #facts: FactsStore | undefined;
  readonly #ownerFacts = new Map<string, { owner: Owner; facts: OwnerFacts; changed: boolean }>();

  constructor(options: DatasetOptions) {
    this.source = options.source;
    this.catalog = options.catalog;
    this.vocabularies = options.catalog.vocabularies;
    this.now = options.now;
    this.#facts = options.facts;
    this.complete = options.targets === undefined;
    this.#targets = options.targets;
  }

  /** Every file to check, sorted. */
  get files(): string[] {
    return this.#laidOut().files;
  }

  /** The entries the targets name or hold. */
  get entries(): Entry[] {
    return this.#laidOut().entries;
  }

  /** Profiles (country.json, organization.json) to check. */
  get profiles(): string[] {
    return this.#laidOut().profiles;
  }

  /** Owners whose folder the run touches. */
  get owners(): Owner[] {
    return this.#laidOut().owners;
  }

  /** Permalinks of entries named by the targets that no longer exist (deleted in a change). */
  get deletedEntries(): string[] {
    return this.#laidOut().deletedEntries;
  }

  /** Targets outside the repository, as given: never opened (the layout rule reports them). */
  get refusedTargets(): string[] {
    return this.#laidOut().refusedTargets;
  }

  /**
   * The targets' files grouped into entries and profiles, worked out on first use: a run whose
   * rules look at no file (the repository-wide pass of a whole run, where CODEOWNERS is not
   * configured) does not list and classify the 52,000 files of a 20,000-entry tree for nothing.
   */
  #laidOut(): Layout {
    this.#layout ??= layOut(this.source, this.#targets);
    return this.#layout;
  }

  /** The file as the source holds it (cached); undefined when it does not exist. */
  file(path: string): SourceFile | undefined {
    if (!this.#sources.has(path)) this.#sources.set(path, this.source.read(path));
    return this.#sources.get(path);
  }

  /** The file parsed as strict JSON (cached); undefined when it could not be read as text. */
  json(path: string): ParsedJson | undefined {
    if (!this.#json.has(path)) {
      const text = this.file(path)?.text;
      this.#json.set(path, text === undefined ? undefined : parseJson(text, path));
    }
    return this.#json.get(path);
  }

  /** The file parsed as a narrative (cached); undefined when it could not be read as text. */
  narrative(path: string): ParsedNarrative | undefined {
    if (!this.#narratives.has(path)) {
      const info = classifyPath(path);
      const text = this.file(path)?.text;
      this.#narratives.set(path, text === undefined || info.role !== "narrative" ? undefined : parseNarrative(text, path, info.lang));
    }
    return this.#narratives.get(path);
  }

  /** The activity.json of an entry, parsed, with its value when it is a JSON object. */
  activity(entry: Entry): { file: string; parsed: ParsedJson; value: Record<string, unknown> | undefined } | undefined {
    const file = `${entry.dir}/activity.json`;
    const parsed = entry.files.includes(file) ? this.json(file) : undefined;
    if (!parsed) return undefined;
    return { file, parsed, value: isObject(parsed.value) ? parsed.value : undefined };
  }

  /** The narratives of an entry, parsed, by language (worked out once per entry: most rules ask for them). */
  narratives(entry: Entry): ReadonlyMap<string, ParsedNarrative> {
    let found = this.#entryNarratives.get(entry);
    if (!found) {
      found = new Map<string, ParsedNarrative>();
      for (const file of entry.files) {
        const info = classifyPath(file);
        if (info.role !== "narrative") continue;
        const narrative = this.narrative(file);
        if (narrative) found.set(info.lang, narrative);
      }
      this.#entryNarratives.set(entry, found);
    }
    return found;
  }

  /** All entries of an owner in the source, targets or not (for rules that compare siblings). */
  entriesOf(owner: Owner): Entry[] {
    let found = this.#ownerEntries.get(owner.dir);
    if (!found) {
      const byDir = new Map<string, Entry>();
      for (const path of this.source.list(`${owner.dir}/activities`)) {
        const info = classifyPath(path);
        if (!("entryDir" in info)) continue;
        let entry = byDir.get(info.entryDir);
        if (!entry) {
          entry = { owner: info.owner, slug: info.slug, dir: info.entryDir, files: [] };
          byDir.set(info.entryDir, entry);
        }
        entry.files.push(path);
      }
      found = [...byDir.values()];
      this.#ownerEntries.set(owner.dir, found);
    }
    return found;
  }

  /**
   * A fact about an entry that the checks of other entries need (its titles, its links): taken
   * from the facts index when the entry's files have the digest it was computed from, so an
   * unchanged sibling is read but not parsed (not even read, when git's ids of its files match);
   * computed and indexed otherwise. `compute` must depend on the entry's files alone.
   */
  entryFact<T>(name: string, entry: Entry, compute: () => T): T {
    let owner = this.#ownerFacts.get(entry.owner.dir);
    if (!owner) {
      owner = { owner: entry.owner, facts: this.#facts?.load(entry.owner.dir) ?? {}, changed: false };
      this.#ownerFacts.set(entry.owner.dir, owner);
    }
    const key = `${name}\0${entry.dir}`;
    const known = owner.facts[key];
    if (known && known.digest === this.#committedDigest(entry)) return known.value as T;
    // A fact is always indexed under the digest of the files it was computed from: in a checkout
    // with edits not committed, one computed from them must not pass for the commit's.
    const digest = entryDigest(entry.files.map((path) => ({ path, file: this.file(path) })));
    if (known && known.digest === digest) return known.value as T;
    const value = compute();
    owner.facts[key] = { digest, value };
    owner.changed = true;
    return value;
  }

  /**
   * The digest of an entry that is not checked, from git's ids of its files when the source takes
   * the checkout for its commit: the files are then not read at all. Undefined when the source
   * has no ids, when the entry is checked (its files are read anyway), or when one of its files
   * is not committed.
   */
  #committedDigest(entry: Entry): string | undefined {
    if (!this.source.fingerprints || this.#laidOut().targetEntries.has(entry.dir)) return undefined;
    const ids = this.source.fingerprints(`${entry.owner.dir}/activities`);
    const files: Array<{ path: string; id: string }> = [];
    for (const path of entry.files) {
      const id = ids.get(path);
      if (id === undefined) return undefined;
      files.push({ path, id });
    }
    return digestOf(files);
  }

  /** Writes the facts computed in this run to the index, for the next run. */
  saveFacts(): void {
    if (!this.#facts) return;
    for (const { owner, facts, changed } of this.#ownerFacts.values()) {
      if (!changed) continue;
      // Entries that no longer exist are dropped, so the index does not grow with deleted entries.
      const present = new Set(this.entriesOf(owner).map((entry) => entry.dir));
      const kept = Object.fromEntries(Object.entries(facts).filter(([key]) => present.has(key.slice(key.indexOf("\0") + 1))));
      this.#facts.save(owner.dir, kept);
    }
  }

  /** True when a permalink ("rwa/some-slug", "eu/bik-plus") names an entry that exists. */
  entryExists(link: string): boolean {
    const [ownerId, slug] = link.split("/");
    if (!ownerId || !slug) return false;
    return DATA_ROOTS.some((top) => this.source.exists(`${top}/${ownerId}/activities/${slug}/activity.json`));
  }

  /** True when a country or organisation folder ("ken", "itu") has its profile. */
  ownerExists(id: string): boolean {
    return this.source.exists(`countries/${id}/country.json`) || this.source.exists(`organizations/${id}/organization.json`);
  }

  /** The profile file of an owner. */
  profileOf(owner: Owner): string {
    return `${owner.dir}/${PROFILE_FILE[owner.type]}`;
  }

  /** Every activity.json in the repository (only read when a change deletes entries). */
  allActivityFiles(): string[] {
    return DATA_ROOTS.flatMap((top) => this.source.list(top)).filter((path) => classifyPath(path).role === "activity");
  }
}

/** Where the targets of a run lie: their files, grouped into entries and profiles, and what of them is gone or refused. */
interface Layout {
  files: string[];
  entries: Entry[];
  profiles: string[];
  owners: Owner[];
  deletedEntries: string[];
  refusedTargets: string[];
  /** The folders of the entries checked. */
  targetEntries: ReadonlySet<string>;
}

/** Lists the targets (the whole data tree when undefined) and groups their files. */
function layOut(source: FileSource, targets: readonly string[] | undefined): Layout {
  const files = new Set<string>();
  const deleted = new Set<string>();
  const owners = new Map<string, Owner>();
  // An entry folder is listed once, not once for each of its files that a target names.
  const expanded = new Set<string>();
  const expandEntry = (dir: string) => {
    if (expanded.has(dir)) return;
    expanded.add(dir);
    for (const file of source.list(dir)) files.add(file);
  };
  const refused: string[] = [];
  for (const raw of targets ?? DATA_ROOTS) {
    const target = repositoryPath(raw);
    // Refused before anything is opened: the path leaves the repository.
    if (target === undefined) {
      refused.push(raw);
      continue;
    }
    const info = classifyPath(target);
    if (info.role === "outside") continue;
    if (!source.exists(target)) {
      if ("entryDir" in info && !source.exists(info.entryDir)) deleted.add(permalink(info.owner, info.slug));
      continue;
    }
    const listed = source.list(target);
    const paths = listed.length > 0 || !source.read(target) ? listed : [target];
    for (const path of paths) {
      const pathInfo = classifyPath(path);
      if ("entryDir" in pathInfo) expandEntry(pathInfo.entryDir);
      else files.add(path);
    }
  }
  const entries = new Map<string, Entry>();
  const profiles: string[] = [];
  for (const path of [...files].sort()) {
    const info = classifyPath(path);
    if ("owner" in info) owners.set(info.owner.dir, info.owner);
    if (info.role === "profile") profiles.push(path);
    if ("entryDir" in info) {
      let entry = entries.get(info.entryDir);
      if (!entry) {
        entry = { owner: info.owner, slug: info.slug, dir: info.entryDir, files: [] };
        entries.set(info.entryDir, entry);
      }
      entry.files.push(path);
    }
  }
  return {
    files: [...files].sort(),
    entries: [...entries.values()],
    targetEntries: new Set(entries.keys()),
    profiles,
    owners: [...owners.values()].sort((a, b) => (a.dir < b.dir ? -1 : 1)),
    deletedEntries: [...deleted].sort(),
    refusedTargets: refused,
  };
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
