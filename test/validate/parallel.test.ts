import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";
import { writeGeneratedRepository } from "../../scripts/lib/bench/generate.ts";
import { loadCatalog } from "../../scripts/lib/schema/catalog.ts";
import { memoryCache } from "../../scripts/lib/validate/cache.ts";
import { validateRepository } from "../../scripts/lib/validate/index.ts";
import { validateInParallel } from "../../scripts/lib/validate/parallel.ts";
import { PROJECT_ROOT } from "../support/repo.ts";
import { NOW } from "./rule-cases.ts";

const root = mkdtempSync(join(tmpdir(), "cop-atlas-parallel-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const workerUrl = new URL("../../scripts/lib/validate/worker.ts", import.meta.url);

test("worker threads find what one thread finds, and fill the cache it then answers from", async () => {
  writeGeneratedRepository(PROJECT_ROOT, root, loadCatalog(PROJECT_ROOT), { entries: 40, seed: 4, bodyWords: 40 });
  const single = validateRepository({ root, now: NOW });
  const cache = memoryCache();
  const parallel = await validateInParallel({ root, now: NOW, workerUrl, workers: 2, minFilesForWorkers: 0, cache, toolVersion: "t" });
  expect(parallel).toEqual(single);
  expect(single.entries).toBe(40);
  const again = await validateInParallel({ root, now: NOW, workerUrl, workers: 2, minFilesForWorkers: 0, cache, toolVersion: "t" });
  expect(again).toEqual(single);
});
