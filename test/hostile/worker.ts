import { realpathSync } from "node:fs";
import { join, resolve } from "node:path";
import { getHeapStatistics } from "node:v8";
import { parentPort } from "node:worker_threads";
import { FAKE_GITHUB_CACHE } from "../support/fake-github/openapi.ts";
import { PROJECT_ROOT } from "../support/repo.ts";
import type { HostileCase } from "./case.ts";
import { guardFileSystem, isInside } from "./fs-guard.ts";
import { buildCaseRepository, removeCaseRepository } from "./repo.ts";
import { runArtifact, runCli, runFormat, runGit, runSite, runSubmissionCase, runValidate, type Verdict } from "./runners.ts";

/** The project and its dependencies, wherever node_modules really is: the tool's own files, which it may read. */
const TOOL_FOLDERS = [PROJECT_ROOT, realpathSync(join(PROJECT_ROOT, "node_modules"))];

/**
 * The test harness's own writes: the fake GitHub of the submission cases writes its cache there
 * the first time any test process needs it, whichever test that is.
 */
const HARNESS_FOLDERS = [FAKE_GITHUB_CACHE];

/** What the worker sends back for one case. */
export interface CaseReport {
  verdict: Verdict;
  /** Wall-clock and CPU time of the case's run (not of building its repository), in milliseconds. */
  milliseconds: number;
  cpuMilliseconds: number;
  /** The worker's V8 heap after the run (committed, and in use), in MB: its high-water mark, as V8 seldom gives memory back within a run. */
  heapMB: number;
  usedHeapMB: number;
}

async function run(hostile: HostileCase, folders: ReturnType<typeof buildCaseRepository>): Promise<Verdict> {
  switch (hostile.run) {
    case "validate":
      return runValidate(hostile, folders);
    case "cli":
      return runCli(hostile, folders);
    case "git":
      return runGit(hostile, folders);
    case "format":
      return runFormat(hostile, folders);
    case "site":
      return runSite(hostile, folders);
    case "submission":
      return runSubmissionCase(hostile, folders);
    case "artifact":
      return runArtifact(hostile, folders);
  }
}

/**
 * Runs one case: builds its repository, runs it with every file-system access recorded, then
 * checks that nothing outside the repository was read or written (the tool's own files under the
 * project are allowed: that is the code and the test harness loading).
 */
async function runCase(hostile: HostileCase): Promise<CaseReport> {
  const folders = buildCaseRepository(hostile);
  const unreadable = (hostile.setup ?? []).flatMap((step) => (step.op === "unreadable" ? [resolve(folders.root, step.path)] : []));
  const guard = guardFileSystem(unreadable);
  const started = performance.now();
  const cpu = process.cpuUsage();
  let verdict: Verdict;
  try {
    verdict = await run(hostile, folders);
  } catch (error) {
    verdict = { failures: [`the run threw: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`], crashed: true, observed: "threw" };
  } finally {
    guard.stop();
  }
  const milliseconds = performance.now() - started;
  const cpuMilliseconds = process.cpuUsage(cpu).user / 1000;
  const heap = getHeapStatistics();
  const writable = verdict.writable ?? [];
  const outside = new Set<string>();
  for (const access of guard.accesses) {
    const allowed = access.write
      ? writable.some((folder) => isInside(access.path, folder)) || HARNESS_FOLDERS.some((folder) => isInside(access.path, folder))
      : isInside(access.path, folders.root) ||
        TOOL_FOLDERS.some((folder) => isInside(access.path, folder)) ||
        writable.some((folder) => isInside(access.path, folder));
    if (!allowed || isInside(access.path, folders.outside)) outside.add(`${access.write ? "wrote" : "read"} ${access.path} (${access.operation})`);
  }
  if (outside.size > 0) verdict.failures.push(`the run touched files outside the repository: ${[...outside].slice(0, 5).join("; ")}`);
  removeCaseRepository(folders);
  return {
    verdict,
    milliseconds,
    cpuMilliseconds,
    heapMB: heap.total_heap_size / 1024 / 1024,
    usedHeapMB: heap.used_heap_size / 1024 / 1024,
  };
}

parentPort?.on("message", (hostile: HostileCase) => {
  runCase(hostile).then(
    (report) => parentPort?.postMessage({ report }),
    (error: unknown) => parentPort?.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
});
