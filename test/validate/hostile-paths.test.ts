/**
 * A hostile file must be refused the same way however validate reaches it: in one thread, from
 * worker threads, from the result cache on disk (a second run), and shard by shard. The bounds
 * live in the loaders every path shares; this test keeps it so if a path ever gets its own reading.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { writeGeneratedRepository } from "../../scripts/lib/bench/generate.ts";
import type { Diagnostic } from "../../scripts/lib/diagnostics.ts";
import { MAX_FILE_BYTES } from "../../scripts/lib/load/files.ts";
import { loadCatalog } from "../../scripts/lib/schema/catalog.ts";
import { diskCache, diskFactsStore } from "../../scripts/lib/validate/disk-cache.ts";
import { mergeResults, validateRepository } from "../../scripts/lib/validate/index.ts";
import { validateInParallel } from "../../scripts/lib/validate/parallel.ts";
import { PROJECT_ROOT } from "../support/repo.ts";
import { NOW } from "./rule-cases.ts";

const root = mkdtempSync(join(tmpdir(), "cop-atlas-hostile-paths-"));
const cacheRoot = mkdtempSync(join(tmpdir(), "cop-atlas-hostile-cache-"));
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(cacheRoot, { recursive: true, force: true });
});
const workerUrl = new URL("../../scripts/lib/validate/worker.ts", import.meta.url);

/** The hostile files, by what they do, written over entries of a generated repository. */
const hostile: Record<string, string> = {};

beforeAll(() => {
  writeGeneratedRepository(PROJECT_ROOT, root, loadCatalog(PROJECT_ROOT), { entries: 24, seed: 11, bodyWords: 30 });
  const entries = readdirSync(root, { recursive: true, encoding: "utf8" })
    .filter((path) => path.endsWith("/activity.json"))
    .map((path) => path.slice(0, -"/activity.json".length))
    .sort();
  const pick = (n: number) => entries[(n * 5) % entries.length] as string;
  hostile.deepJson = `${pick(0)}/activity.json`;
  hostile.quoteBomb = `${pick(1)}/en.md`;
  hostile.oversized = `${pick(2)}/activity.json`;
  hostile.aliasBomb = `${pick(3)}/en.md`;
  writeFileSync(join(root, hostile.deepJson), `${"[".repeat(100_000)}${"]".repeat(100_000)}\n`);
  writeFileSync(join(root, hostile.quoteBomb), `---\ntitle: Quotes\nsummary: Nested quotes.\n---\n${">".repeat(50_000)} deep\n`);
  writeFileSync(join(root, hostile.oversized), `{"title": "${"x".repeat(MAX_FILE_BYTES + 10)}"}\n`);
  writeFileSync(
    join(root, hostile.aliasBomb),
    `---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\ntitle: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n---\nBody.\n`,
  );
});

/** The rule ids reported on each hostile file, the way a reader of the report sees them. */
function onHostileFiles(diagnostics: readonly Diagnostic[]): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(hostile).map(([name, file]) => [name, [...new Set(diagnostics.filter((d) => d.file === file).map((d) => d.ruleId))].sort()]),
  );
}

test("every way of running validate refuses each hostile file with the same findings", async () => {
  const single = validateRepository({ root, now: NOW });
  const found = onHostileFiles(single.diagnostics);
  // Each hostile file gets an error, and none is silently passed.
  for (const [name, file] of Object.entries(hostile)) {
    const errors = single.diagnostics.filter((d) => d.file === file && d.severity === "error");
    expect(errors.length, name).toBeGreaterThan(0);
  }
  expect(found.oversized).toContain("layout");

  const folder = join(cacheRoot, "validate");
  const options = { root, now: NOW, workerUrl, workers: 2, minFilesForWorkers: 0, toolVersion: "t" };
  const cold = await validateInParallel({ ...options, cache: diskCache(folder), facts: diskFactsStore(join(folder, "facts"), "t") });
  expect(cold).toEqual(single);
  // A second run answers every part from the cache files the first wrote.
  const warm = await validateInParallel({
    ...options,
    workerUrl: new URL("file:///no/such/worker.ts"),
    cache: diskCache(folder),
    facts: diskFactsStore(join(folder, "facts"), "t"),
  });
  expect(warm).toEqual(single);

  const shards = [1, 2, 3].map((index) => validateRepository({ root, now: NOW, shard: { index, count: 3 } }));
  expect(mergeResults(shards)).toEqual(single);
  expect(onHostileFiles(mergeResults(shards).diagnostics)).toEqual(found);
});
