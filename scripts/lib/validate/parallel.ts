import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { diskSource, keepingListings } from "../load/source.ts";
import { RULES } from "../rules/index.ts";
import { loadCatalog } from "../schema/catalog.ts";
import { type CachedPart, type ResultCache, stillValid } from "./cache.ts";
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
  /** Every part to check, largest first: the workers take them in turn, each the next one left when it is free. */
  parts: Part[];
  /** The index in `parts` of the next one to take, one 32-bit integer shared by all the workers. */
  next: SharedArrayBuffer;
}

/** What a worker sends back: one part's result with the accesses that make it cacheable, as soon as it is done; then "done". */
export type WorkerMessage = { part: string; cached: CachedPart } | "done";

/**
 * A whole-repository run on disk that uses every core: worker threads take the parts the cache
 * cannot answer one at a time, largest first, so that a worker whose parts happen to be slow
 * takes fewer; each compiles the catalog once and sends each part's result as soon as it has
 * it. The main thread keeps the cache, writing each result as it comes, and makes the
 * repository-wide pass while the workers check the owners. Small runs, runs with
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
    const task: WorkerTask = {
      root: options.root,
      now: now.toISOString(),
      ...(options.toolVersion ? { toolVersion: options.toolVersion } : {}),
      ...(options.validators ? { validators: options.validators } : {}),
      ...(options.facts?.folder ? { facts: options.facts.folder } : {}),
      parts: [...misses].sort((a, b) => b.files - a.files),
      next: new SharedArrayBuffer(4),
    };
    // Each result is written to the cache as it comes, so only its diagnostics stay in memory.
    const received = new Map<string, ValidationResult>();
    const receive = (part: string, cached: CachedPart) => {
      options.cache?.set(part, cached);
      received.set(part, { diagnostics: cached.diagnostics, files: cached.files, entries: cached.entries });
    };
    const running = Array.from({ length: Math.min(workers, misses.length) }, () => runWorker(options.workerUrl, task, receive));
    // The main thread would only wait for the workers: it makes the repository-wide pass meanwhile.
    const repositoryWide = wide();
    await Promise.all(running);
    // In the plan's order, whichever worker finished first: the report never depends on timing.
    for (const part of misses) {
      const result = received.get(part.id);
      if (result) results.push(result);
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

/**
 * The body of a worker: takes the next part left until none is, checks it as `validatePart`
 * does, recording what it read, and hands its result to `send`.
 */
export function runTask(task: WorkerTask, send: (message: WorkerMessage) => void): void {
  const source = diskSource(task.root);
  const catalog = loadCatalog(source, task.validators ? { compiled: diskValidatorStore(task.validators) } : {});
  // Holds the one result validatePart stores, until it is sent: a worker keeps nothing of a part it is done with.
  let stored: CachedPart | undefined;
  const cache: ResultCache = {
    get: () => undefined,
    set: (_part, result) => {
      stored = result;
    },
  };
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
  const next = new Int32Array(task.next);
  for (let index = Atomics.add(next, 0, 1); index < task.parts.length; index = Atomics.add(next, 0, 1)) {
    const part = task.parts[index];
    if (!part) break;
    stored = undefined;
    validatePart(part, context);
    if (stored) send({ part: part.id, cached: stored });
  }
  send("done");
}

function runWorker(url: URL, task: WorkerTask, receive: (part: string, cached: CachedPart) => void): Promise<void> {
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
    worker.on("message", (message: WorkerMessage) => {
      if (message === "done") resolve();
      else receive(message.part, message.cached);
    });
    worker.once("error", reject);
    worker.once("exit", (code) => {
      // After "done" this changes nothing; before it, results are missing.
      reject(new Error(code === 0 ? "a validation worker ended before it had sent every result" : `a validation worker stopped with code ${code}`));
    });
  });
}
