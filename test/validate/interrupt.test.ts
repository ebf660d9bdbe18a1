import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, expect, test } from "vitest";
import { writeGeneratedRepository } from "../../scripts/lib/bench/generate.ts";
import { loadCatalog } from "../../scripts/lib/schema/catalog.ts";
import { CACHE_FOLDER } from "../../scripts/lib/validate/disk-cache.ts";
import { PROJECT_ROOT } from "../support/repo.ts";

const root = mkdtempSync(join(tmpdir(), "cop-atlas-interrupt-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const LAUNCH = join(PROJECT_ROOT, "scripts/bin/launch.mjs");

/** The result files in the cache folder (the facts index aside). */
function cachedParts(): string[] {
  const folder = join(root, CACHE_FOLDER);
  return existsSync(folder) ? readdirSync(folder).filter((name) => name.endsWith(".json")) : [];
}

test("Ctrl+C during a run ends it with one line and exit code 2, and the cache keeps only whole results", async () => {
  const generated = writeGeneratedRepository(PROJECT_ROOT, root, loadCatalog(PROJECT_ROOT), { entries: 240, seed: 5, bodyWords: 120 });
  expect(generated.owners).toBeGreaterThan(20);
  const child = spawn(process.execPath, [LAUNCH, "validate"], {
    cwd: root,
    env: { ...process.env, NODE_OPTIONS: "", LANG: "C.UTF-8", LANGUAGE: "", LC_ALL: "" },
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString("utf8");
  });
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString("utf8");
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  let ended = false;
  void exited.then(() => {
    ended = true;
  });
  // The first owner's result in the cache: the run is under way, with most owners still to check.
  while (cachedParts().length === 0 && !ended) await sleep(20);
  child.kill("SIGINT");
  const code = await exited;
  expect(cachedParts().length, "the run was stopped before it checked every owner").toBeLessThan(generated.owners);
  expect(code).toBe(2);
  expect(stderr).toMatch(/^validate: stopped \(SIGINT\) before the check finished[^\n]*\n$/);
  expect(stdout).toBe("");
  for (const name of cachedParts()) expect(() => JSON.parse(readFileSync(join(root, CACHE_FOLDER, name), "utf8")), name).not.toThrow();
});
