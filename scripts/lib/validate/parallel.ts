import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { diskSource, keepingListings } from "../load/source.ts";
import { RULES } from "../rules/index.ts";
import { loadCatalog } from "../schema/catalog.ts";
import { type CachedPart, memoryCache, stillValid } from "./cache.ts";
import { diskFactsStore, diskValidatorStore } from "./disk-cache.ts";
import { cacheContext, mergeResults, type ValidateOptions, type ValidationResult, validatePart, validateRepository, validateRepositoryWide } from "./index.ts";
import { type Part, partsOfShard, planParts } from "./plan.ts";

/** Below this many files to check, starting workers costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 3000;

/**
 * The young generation of each worker, in MB (V8's default is about 48 MB a thread). Checking a
 * part makes mostly short-lived objects (parsed files, trees), which die young whatever the size;
 * a smaller nursery is collected more often but keeps each thread's peak, and the process's peak
 * across threads, lower: 314 MB instead of 415 MB for a cold run of 20,000 entries with two workers.
 */
const WORKER_YOUNG_GENERATION_MB = 12;

/** What the main thread sends a worker: the parts to check and how. */
export interface WorkerTask {
  root: string;
  now: string;
  toolVersion?: string;
  /** The folder of compiled validators (see diskValidatorStore), if any. */
  validators?: string;
  /** The folder of the facts index (see diskFactsStore), if any. */
  facts?: string;
  parts: Part[];
}

/** What a worker sends back: each part's result with the accesses that make it cacheable. */
export interface WorkerReply {
  results: Array<{ part: string; cached: CachedPart }>;
}

/**
 * A whole-repository run on disk that uses every core: the parts the cache cannot answer are
 * shared among worker threads (largest first, each to the least loaded), each worker compiles
 * the catalog once and checks its parts; the main thread keeps the cache. Small runs, runs with
 * targets and runs with custom rules stay in one thread, where they are as fast and give the same result.
 */
export async function validateInParallel(
  options: ValidateOptions & { root: string; workerUrl: URL; workers?: number; minFilesForWorkers?: number; validators?: string },
): Promise<ValidationResult> {
  const workers = Math.max(1, Math.min(options.workers ?? availableParallelism(), 8));
  if (options.targets || options.rules || options.source || workers === 1) return validateRepository(options);
  // The plan walks the whole data tree; the repository-wide pass and the cache checks list it again.
  const source = keepingListings(diskSource(options.root));
  const catalog = loadCatalog(source, options.compiled ? { compiled: options.compiled } : {});
  const now = options.now ?? new Date();
  const plan = planParts(source);
  const parts = options.shard ? partsOfShard(plan, options.shard) : plan;
  const context = {
    source,
    catalog,
    now,
    rules: RULES,
    ...(options.cache ? { cache: options.cache } : {}),
    ...(options.toolVersion ? { toolVersion: options.toolVersion } : {}),
    ...(options.facts ? { facts: options.facts } : {}),
  };
  const results: ValidationResult[] = [];
  const misses: Part[] = [];
  for (const part of parts) {
    const cached = options.cache?.get(part.id);
    if (cached && cached.context === cacheContext(context) && stillValid(source, cached.accesses)) {
      results.push({ diagnostics: cached.diagnostics, files: cached.files, entries: cached.entries });
    } else misses.push(part);
  }
  const missingFiles = misses.reduce((sum, part) => sum + part.files, 0);
  const wide = () => (!options.shard || options.shard.index === 1 ? [validateRepositoryWide({ source, catalog, now, rules: RULES })] : []);
  if (missingFiles < (options.minFilesForWorkers ?? MIN_FILES_FOR_WORKERS)) {
    for (const part of misses) {
      results.push(validatePart(part, context));
      // The checks are synchronous: between owners, a Ctrl+C waiting in the event loop gets handled.
      await new Promise((resolve) => setImmediate(resolve));
    }
    results.push(...wide());
  } else {
    const shares: Part[][] = Array.from({ length: workers }, () => []);
    const loads = shares.map(() => 0);
    for (const part of [...misses].sort((a, b) => b.files - a.files)) {
      const lightest = loads.indexOf(Math.min(...loads));
      shares[lightest]?.push(part);
      loads[lightest] = (loads[lightest] ?? 0) + part.files;
    }
    const running = shares
      .filter((share) => share.length > 0)
      .map((share) =>
        runWorker(options.workerUrl, {
          root: options.root,
          now: now.toISOString(),
          ...(options.toolVersion ? { toolVersion: options.toolVersion } : {}),
          ...(options.validators ? { validators: options.validators } : {}),
          ...(options.facts?.folder ? { facts: options.facts.folder } : {}),
          parts: share,
        }),
      );
    // The main thread would only wait for the workers: it makes the repository-wide pass meanwhile.
    const repositoryWide = wide();
    for (const reply of await Promise.all(running)) {
      for (const { part, cached } of reply.results) {
        options.cache?.set(part, cached);
        results.push({ diagnostics: cached.diagnostics, files: cached.files, entries: cached.entries });
      }
    }
    results.push(...repositoryWide);
  }
  return mergeResults(results);
}

/** The ES module entry of tsx's API, found through its package.json (the CommonJS entry cannot register the ESM loader). */
function tsxApiUrl(): string {
  const manifest = createRequire(import.meta.url).resolve("tsx/package.json");
  const exports = JSON.parse(readFileSync(manifest, "utf8")).exports as Record<string, { import: { default: string } }>;
  return pathToFileURL(join(dirname(manifest), exports["./esm/api"]?.import.default ?? "")).href;
}

/** The body of a worker: checks its parts as `validatePart` does, recording what each read. */
export function runTask(task: WorkerTask): WorkerReply {
  const source = diskSource(task.root);
  const catalog = loadCatalog(source, task.validators ? { compiled: diskValidatorStore(task.validators) } : {});
  const cache = memoryCache();
  const now = new Date(task.now);
  const context = {
    source,
    catalog,
    now,
    rules: RULES,
    cache,
    ...(task.toolVersion ? { toolVersion: task.toolVersion } : {}),
    ...(task.facts ? { facts: diskFactsStore(task.facts, task.toolVersion ?? "") } : {}),
  };
  const results: WorkerReply["results"] = [];
  for (const part of task.parts) {
    validatePart(part, context);
    const cached = cache.get(part.id);
    if (cached) results.push({ part: part.id, cached });
  }
  return { results };
}

function runWorker(url: URL, task: WorkerTask): Promise<WorkerReply> {
  return new Promise((resolve, reject) => {
    // From source (tests, `tsx`), the worker registers tsx before it loads the TypeScript entry; the bundle needs nothing.
    const resourceLimits = { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB };
    const worker = url.pathname.endsWith(".ts")
      ? new Worker(`import(${JSON.stringify(tsxApiUrl())}).then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); });`, {
          eval: true,
          workerData: task,
          resourceLimits,
        })
      : new Worker(url, { workerData: task, resourceLimits });
    worker.once("message", (reply: WorkerReply) => resolve(reply));
    worker.once("error", reject);
    worker.once("exit", (code) => {
      if (code !== 0) reject(new Error(`a validation worker stopped with code ${code}`));
    });
  });
}
