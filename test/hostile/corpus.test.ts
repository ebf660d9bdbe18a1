import { afterAll, describe, expect, test } from "vitest";
import { loadCases } from "./case.ts";
import { type CaseOutcome, CaseRunner, HANG_LIMIT_MS } from "./pool.ts";

/**
 * The hostile-input corpus (test/fixtures/hostile/): every case runs through the real code path
 * its family names, in a worker with a capped heap, and must end as its file says: the rule ids
 * and exit code, or inert output. `npm run test:hostile` runs this file alone and prints the
 * time and memory of every case, the worst of each, and the counts.
 */
const cases = loadCases();
const runner = new CaseRunner();
const outcomes: CaseOutcome[] = [];
/** Families the issue names; each must have cases. */
const FAMILIES = ["json", "yaml", "markdown", "unicode", "files", "strings", "submission", "artifact", "git", "cli"];

afterAll(() => {
  runner.close();
  process.stdout.write(corpusReport(outcomes, cases.length));
});

/** The table and the summary line `N cases, N handled, 0 crashes`. */
function corpusReport(done: readonly CaseOutcome[], total: number): string {
  const lines = ["", "Hostile corpus (time of the run; heap committed by the worker afterwards):"];
  let handled = 0;
  let crashes = 0;
  for (const outcome of done) {
    const id = outcome.hostile.id.padEnd(44);
    if ("error" in outcome) {
      crashes++;
      lines.push(`  ${id} CRASH  ${outcome.error}`);
      continue;
    }
    const { verdict, milliseconds, cpuMilliseconds, heapMB } = outcome.report;
    if (verdict.crashed) crashes++;
    else if (verdict.failures.length === 0) handled++;
    const status = verdict.crashed ? "CRASH" : verdict.failures.length > 0 ? "FAIL " : "ok   ";
    lines.push(
      `  ${id} ${status} ${`${Math.round(milliseconds)} ms`.padStart(8)}  cpu ${`${Math.round(cpuMilliseconds)} ms`.padStart(8)}  heap ${`${Math.round(heapMB)} MB`.padStart(6)}  ${verdict.observed.slice(0, 90)}`,
    );
  }
  const reports = done.flatMap((outcome) => ("report" in outcome ? [{ id: outcome.hostile.id, ...outcome.report }] : []));
  const slowest = [...reports].sort((a, b) => b.milliseconds - a.milliseconds)[0];
  const busiest = [...reports].sort((a, b) => b.cpuMilliseconds - a.cpuMilliseconds)[0];
  const largest = [...reports].sort((a, b) => b.heapMB - a.heapMB)[0];
  if (slowest && busiest && largest) {
    lines.push(
      "",
      `Worst time: ${slowest.id} ${Math.round(slowest.milliseconds)} ms (cpu ${Math.round(busiest.cpuMilliseconds)} ms: ${busiest.id})`,
      `Worst memory: ${largest.id} ${Math.round(largest.heapMB)} MB heap`,
    );
  }
  lines.push(`${total} cases, ${handled} handled, ${crashes} crashes`, "");
  return `${lines.join("\n")}\n`;
}

describe("the hostile corpus", () => {
  test("has at least 100 cases, in every family the issue names", () => {
    expect(cases.length).toBeGreaterThanOrEqual(100);
    const families = new Set(cases.map((hostile) => hostile.family));
    for (const family of FAMILIES) expect(families, family).toContain(family);
  });

  test.for(cases)("$id: $title", { timeout: HANG_LIMIT_MS + 60_000 }, async (hostile) => {
    const outcome = await runner.run(hostile);
    outcomes.push(outcome);
    if ("error" in outcome) throw new Error(outcome.error);
    expect(outcome.report.verdict.failures).toEqual([]);
    expect(outcome.report.verdict.crashed).toBe(false);
  });
});
