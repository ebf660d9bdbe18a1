import type { Diagnostic } from "../diagnostics.ts";
import { listFiles, pathExists, readSourceFile, type SourceFile } from "../load/files.ts";
import { type ParsedJson, parseJson } from "../load/json.ts";
import { type ParsedNarrative, parseNarrative } from "../load/narrative.ts";
import { classifyPath, DATA_ROOTS, type Owner, PROFILE_FILE, permalink } from "../load/paths.ts";
import type { SchemaSet } from "../schema/ajv.ts";
import type { Vocabularies } from "../vocab.ts";

/** One entry folder (countries/<iso3>/activities/<slug>/) and the files in it. */
export interface Entry {
  owner: Owner;
  slug: string;
  dir: string;
  /** Every path under the folder, sorted. */
  files: string[];
}

export interface DatasetOptions {
  root: string;
  vocabularies: Vocabularies;
  schemas: SchemaSet;
  now: Date;
  /** Files or folders to check; undefined for the whole data tree. */
  targets?: readonly string[];
}

/**
 * What one validation run looks at: the target files, grouped into entries and profiles,
 * with cached reads and parses. Cross-file rules reach beyond the targets only through
 * the owner lookups below, so checking a pull request costs what it touches.
 */
export class Dataset {
  readonly root: string;
  readonly vocabularies: Vocabularies;
  readonly schemas: SchemaSet;
  readonly now: Date;
  /** Every file to check, sorted. */
  readonly files: string[];
  readonly entries: Entry[];
  /** Profiles (country.json, organization.json) to check. */
  readonly profiles: string[];
  /** Owners whose folder the run touches. */
  readonly owners: Owner[];
  /** Permalinks of entries named by the targets that no longer exist (deleted in a change). */
  readonly deletedEntries: string[];
  /** True when the whole data tree is checked. */
  readonly complete: boolean;

  readonly #sources = new Map<string, SourceFile | undefined>();
  readonly #json = new Map<string, ParsedJson | undefined>();
  readonly #narratives = new Map<string, ParsedNarrative | undefined>();
  readonly #ownerEntries = new Map<string, Entry[]>();

  constructor(options: DatasetOptions) {
    this.root = options.root;
    this.vocabularies = options.vocabularies;
    this.schemas = options.schemas;
    this.now = options.now;
    this.complete = options.targets === undefined;
    const files = new Set<string>();
    const deleted = new Set<string>();
    const owners = new Map<string, Owner>();
    const expandEntry = (dir: string) => {
      for (const file of listFiles(this.root, dir)) files.add(file);
    };
    const targets = options.targets ?? DATA_ROOTS;
    for (const raw of targets) {
      const target = raw.replace(/\\/g, "/").replace(/^\.\//, "").replace(/\/+$/, "");
      const info = classifyPath(target);
      if (info.role === "outside") continue;
      if (!pathExists(this.root, target)) {
        if ("entryDir" in info && !pathExists(this.root, info.entryDir)) deleted.add(permalink(info.owner, info.slug));
        continue;
      }
      const listed = listFiles(this.root, target);
      const paths = listed.length > 0 || !readSourceFile(this.root, target) ? listed : [target];
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
    this.files = [...files].sort();
    this.entries = [...entries.values()];
    this.profiles = profiles;
    this.owners = [...owners.values()].sort((a, b) => (a.dir < b.dir ? -1 : 1));
    this.deletedEntries = [...deleted].sort();
  }

  /** The file as read from disk (cached); undefined when it does not exist. */
  source(path: string): SourceFile | undefined {
    if (!this.#sources.has(path)) this.#sources.set(path, readSourceFile(this.root, path));
    return this.#sources.get(path);
  }

  /** The file parsed as strict JSON (cached); undefined when it could not be read as text. */
  json(path: string): ParsedJson | undefined {
    if (!this.#json.has(path)) {
      const text = this.source(path)?.text;
      this.#json.set(path, text === undefined ? undefined : parseJson(text, path));
    }
    return this.#json.get(path);
  }

  /** The file parsed as a narrative (cached); undefined when it could not be read as text. */
  narrative(path: string): ParsedNarrative | undefined {
    if (!this.#narratives.has(path)) {
      const info = classifyPath(path);
      const text = this.source(path)?.text;
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

  /** The narratives of an entry, parsed, by language. */
  narratives(entry: Entry): Map<string, ParsedNarrative> {
    const found = new Map<string, ParsedNarrative>();
    for (const file of entry.files) {
      const info = classifyPath(file);
      if (info.role !== "narrative") continue;
      const narrative = this.narrative(file);
      if (narrative) found.set(info.lang, narrative);
    }
    return found;
  }

  /** All entries of an owner on disk, targets or not (for rules that compare siblings). */
  entriesOf(owner: Owner): Entry[] {
    let found = this.#ownerEntries.get(owner.dir);
    if (!found) {
      const byDir = new Map<string, Entry>();
      for (const path of listFiles(this.root, `${owner.dir}/activities`)) {
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

  /** True when a permalink ("rwa/some-slug", "eu/bik-plus") names an entry that exists. */
  entryExists(link: string): boolean {
    const [ownerId, slug] = link.split("/");
    if (!ownerId || !slug) return false;
    return DATA_ROOTS.some((top) => pathExists(this.root, `${top}/${ownerId}/activities/${slug}/activity.json`));
  }

  /** True when a country or organisation folder ("ken", "itu") has its profile. */
  ownerExists(id: string): boolean {
    return pathExists(this.root, `countries/${id}/country.json`) || pathExists(this.root, `organizations/${id}/organization.json`);
  }

  /** The profile file of an owner. */
  profileOf(owner: Owner): string {
    return `${owner.dir}/${PROFILE_FILE[owner.type]}`;
  }

  /** Every activity.json in the repository (only read when a change deletes entries). */
  allActivityFiles(): string[] {
    return DATA_ROOTS.flatMap((top) => listFiles(this.root, top)).filter((path) => classifyPath(path).role === "activity");
  }
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Reports one problem for the rule that is running; severity defaults to error. */
export type Report = (problem: Omit<Diagnostic, "ruleId" | "severity"> & { severity?: Diagnostic["severity"] }) => void;

/** A lint rule: one module under rules/, registered in rules/index.ts. */
export interface Rule {
  /** Stable, kebab-case, never reused for another meaning. */
  id: string;
  /** One sentence: what the rule checks. */
  description: string;
  check(dataset: Dataset, report: Report): void;
}
