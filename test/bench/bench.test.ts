import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";
import { MEASURES } from "../../scripts/lib/bench/report.ts";
import { PROJECT_ROOT } from "../support/repo.ts";

const scratch = mkdtempSync(join(tmpdir(), "cop-atlas-bench-test-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn("npm", ["run", "--silent", "bench", "--", ...args], { cwd: PROJECT_ROOT });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

// A smoke test: every measurement runs as a real process and lands in the table and the JSON.
// It asserts no timing at all; the figures of a loaded machine mean nothing here.
test("npm run bench -- --quick measures every command and baseline, and decides every target", async () => {
  const json = join(scratch, "results.json");
  const { code, stdout, stderr } = await run(["--quick", "--json", json]);
  expect(code, stderr).toBe(0);
  const results = JSON.parse(readFileSync(json, "utf8"));
  expect(results.finished).toEqual(expect.any(String));
  expect(results.sizes).toHaveLength(1);
  const [size] = results.sizes;
  expect(size.entries).toBe(15);
  expect(Object.keys(size.measures).sort()).toEqual(Object.keys(MEASURES).sort());
  for (const measure of Object.values(size.measures) as Array<{ runs: unknown[]; cpuMs: number; wallMs: number; peakRssBytes: number; processes: number }>) {
    expect(measure.runs).toHaveLength(1);
    expect(measure.cpuMs).toBeGreaterThan(0);
    expect(measure.wallMs).toBeGreaterThan(0);
    expect(measure.peakRssBytes).toBeGreaterThan(0);
    expect(measure.processes).toBeGreaterThanOrEqual(1);
  }
  // npm run build goes through npm, the launcher and Pagefind: a tree of processes, all of them seen.
  expect(size.measures.buildCold.processes).toBeGreaterThan(1);
  expect(size.site.pages).toBeGreaterThan(size.entries);
  expect(size.eleventyPages).toBe(size.narratives);
  expect(results.targets.map((target: { id: string }) => target.id)).toEqual(["V1", "V2", "V3", "B1", "B2", "M1"]);
  // One size cannot show how --changed scales; every other target is decided.
  expect(results.targets.find((target: { id: string }) => target.id === "V3").status).toBe("not measured");
  for (const target of results.targets.filter((target: { id: string }) => target.id !== "V3")) expect(["met", "not met"]).toContain(target.status);
  expect(stdout).toContain("15 entries");
  expect(stdout).toMatch(/^V1 (met|not met): /m);
  expect(stdout).toMatch(/Hugo/);
});

test("npm run bench refuses --no-validate with --no-build, which would measure nothing", async () => {
  const { code, stderr } = await run(["--quick", "--no-validate", "--no-build", "--json", join(scratch, "nothing.json")]);
  expect(code).toBe(2);
  expect(stderr).toBe("bench: --no-validate and --no-build together leave nothing to measure\n");
});
