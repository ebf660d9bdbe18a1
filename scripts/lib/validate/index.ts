import { compareDiagnostics, countBySeverity, type Diagnostic } from "../diagnostics.ts";
import { diskSource, type FileSource, keepingListings } from "../load/source.ts";
import { RULES } from "../rules/index.ts";
import type { Rule } from "../rules/rule.ts";
import { type CompiledValidatorStore, loadCatalog, type SchemaCatalog } from "../schema/catalog.ts";
import { type CachedPart, type ResultCache, recordingSource, stillValid } from "./cache.ts";
import { Dataset } from "./dataset.ts";
import type { FactsStore } from "./facts.ts";
import { type Part, partsOfShard, planParts, type Shard } from "./plan.ts";
import { dedupe, runRules } from "./run.ts";

export interface ValidateOptions {
  /** The repository root on disk; ignored when `source` is given. */
  root?: string;
  /** Where to read the repository from (a git tree, memory ...); the working tree at `root` by default. */
  source?: FileSource;
  /** Files or folders to check (a change's paths, deleted ones included); undefined for everything. */
  targets?: readonly string[];
  /** "Today", for date rules; the real date by default. */
  now?: Date;
  rules?: readonly Rule[];
  /** The schemas and vocabularies; read from the source's schemas/ by default (compiled once per process). */
  catalog?: SchemaCatalog;
  /** Only this shard of the owners (whole-repository runs only); the shards together are the whole run. */
  shard?: Shard;
  /** Results of earlier runs, reused for the owners whose files (and everything their checks read) are unchanged. */
  cache?: ResultCache;
  /** The validator's own version (its code and dependencies): a cached result of another version is not reused. */
  toolVersion?: string;
  /** Where compiled schema validators are kept between runs (see `CompiledValidatorStore`). */
  compiled?: CompiledValidatorStore;
  /** The index of cross-file facts (a sibling's titles and links) kept between runs. */
  facts?: FactsStore;
}

export interface ValidationResult {
  diagnostics: Diagnostic[];
  /** How many files were checked. */
  files: number;
  /** How many entries were checked. */
  entries: number;
}

/**
 * Validates the data of a repository (or the given part of it) and returns every problem, sorted.
 * A whole-repository run checks one owner at a time (see `Part`), so memory holds one owner's
 * parses at a time, and reuses cached results where nothing they depend on changed.
 */
export function validateRepository(options: ValidateOptions): ValidationResult {
  const source = options.source ?? diskSource(options.root ?? ".");
  const catalog = options.catalog ?? loadCatalog(source, options.compiled ? { compiled: options.compiled } : {});
  const now = options.now ?? new Date();
  const rules = options.rules ?? RULES;
  if (options.targets) {
    const dataset = new Dataset({ source, catalog, now, targets: options.targets, ...(options.facts ? { facts: options.facts } : {}) });
    const diagnostics = runRules(dataset, rules);
    dataset.saveFacts();
    return { diagnostics, files: dataset.files.length, entries: dataset.entries.length };
  }
  const plan = planParts(source);
  const parts = options.shard ? partsOfShard(plan, options.shard) : plan;
  const results = parts.map((part) => validatePart(part, { ...options, source, catalog, now, rules }));
  if (!options.shard || options.shard.index === 1) results.push(validateRepositoryWide({ source, catalog, now, rules }));
  return mergeResults(results);
}

/** What one part's run needs. */
export interface PartContext {
  source: FileSource;
  catalog: SchemaCatalog;
  now: Date;
  rules: readonly Rule[];
  cache?: ResultCache;
  toolVersion?: string;
  facts?: FactsStore;
}

/** Checks one part with the owner-scoped rules, or takes its result from the cache when it is still valid. */
export function validatePart(part: Part, context: PartContext): ValidationResult {
  const key = cacheContext(context);
  const cached = context.cache?.get(part.id);
  if (cached && cached.context === key && stillValid(context.source, cached.accesses)) {
    return { diagnostics: cached.diagnostics, files: cached.files, entries: cached.entries };
  }
  // The part lists its owner's folder, then the sibling rules list its activities: that from the first listing.
  const partSource = keepingListings(context.source);
  const recording = context.cache ? recordingSource(partSource) : undefined;
  const dataset = new Dataset({
    source: recording?.source ?? partSource,
    catalog: context.catalog,
    now: context.now,
    targets: part.targets,
    ...(context.facts ? { facts: context.facts } : {}),
  });
  const result = {
    diagnostics: runRules(
      dataset,
      context.rules.filter((rule) => rule.scope !== "repository"),
    ),
    files: dataset.files.length,
    entries: dataset.entries.length,
  };
  dataset.saveFacts();
  if (context.cache && recording) {
    const stored: CachedPart = { context: key, accesses: recording.accesses, ...result };
    context.cache.set(part.id, stored);
  }
  return result;
}

/** The rules that look at the whole repository at once (CODEOWNERS against every profile); counts nothing. */
export function validateRepositoryWide(context: Omit<PartContext, "cache" | "toolVersion">): ValidationResult {
  const wide = context.rules.filter((rule) => rule.scope === "repository");
  if (wide.length === 0) return { diagnostics: [], files: 0, entries: 0 };
  const dataset = new Dataset({ source: context.source, catalog: context.catalog, now: context.now });
  return { diagnostics: runRules(dataset, wide), files: 0, entries: 0 };
}

/** The results of several parts as one, sorted and without repeats. */
export function mergeResults(results: readonly ValidationResult[]): ValidationResult {
  const diagnostics = dedupe(results.flatMap((result) => result.diagnostics).sort(compareDiagnostics));
  return { diagnostics, files: results.reduce((sum, r) => sum + r.files, 0), entries: results.reduce((sum, r) => sum + r.entries, 0) };
}

/** Everything besides the files that a part's result depends on: the key every cached result must match. */
export function cacheContext(context: Pick<PartContext, "catalog" | "now" | "rules" | "toolVersion">): string {
  const day = context.now.toISOString().slice(0, 10);
  return [context.toolVersion ?? "", context.catalog.fingerprint, day, context.rules.map((rule) => rule.id).join(",")].join("|");
}

/**
 * The exit code of a validation: 2 when a file could not be read (the check is incomplete: a
 * problem of the machine, not of the data), 1 when the data has errors, 0 otherwise.
 */
export function exitCodeOf(diagnostics: readonly Diagnostic[]): 0 | 1 | 2 {
  if (incompleteCheck(diagnostics)) return 2;
  return countBySeverity(diagnostics).errors > 0 ? 1 : 0;
}

/** One line saying why the check is incomplete (files it could not read), or undefined when it is complete. */
export function incompleteCheck(diagnostics: readonly Diagnostic[]): string | undefined {
  const unread = new Set(diagnostics.filter((d) => d.ruleId === "readable").map((d) => d.file));
  if (unread.size === 0) return undefined;
  return `could not read ${unread.size === 1 ? "1 file" : `${unread.size} files`} (see the readable findings above): the check is incomplete`;
}
