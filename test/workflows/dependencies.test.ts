/**
 * The supply-chain side of the workflows, checked offline: the lockfile is committed and is what
 * every install reads, no package needs an install script (privileged jobs install without them),
 * and the dependency audit runs on GitHub. The audit itself needs GitHub's advisory service, which
 * is reachable only from the runners: it is not run here.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { parse } from "yaml";

const root = join(import.meta.dirname, "..", "..");

/**
 * Packages whose install script is known not to matter, with why. A new entry needs the same
 * check: that `npm ci --ignore-scripts` still gives a working install for the bots, the build and
 * the release (run them once after such an install).
 */
const INSTALL_SCRIPTS_NOT_NEEDED: Record<string, string> = {
  // Its postinstall only checks and links the platform binary, which npm installs anyway as the
  // optional dependency @esbuild/<platform>; tsx (through which the bots run) works without it.
  "node_modules/esbuild": "verifies the platform binary only",
};

describe("dependencies", () => {
  test("package-lock.json is committed, in lockfile format 3, and not ignored", () => {
    const tracked = execFileSync("git", ["ls-files", "--error-unmatch", "package-lock.json"], { cwd: root, encoding: "utf8" }).trim();
    expect(tracked).toBe("package-lock.json");
    const lock = JSON.parse(readFileSync(join(root, "package-lock.json"), "utf8")) as { lockfileVersion: number };
    expect(lock.lockfileVersion).toBe(3);
  });

  test("no package needs its install script: privileged jobs install with --ignore-scripts", () => {
    const lock = JSON.parse(readFileSync(join(root, "package-lock.json"), "utf8")) as { packages: Record<string, { hasInstallScript?: boolean }> };
    const withScripts = Object.entries(lock.packages)
      .filter(([, info]) => info.hasInstallScript === true)
      .map(([path]) => path)
      .sort();
    expect(withScripts).toEqual(Object.keys(INSTALL_SCRIPTS_NOT_NEEDED).sort());
  });

  test("the dependency audit runs on GitHub: npm audit at high severity and registry signatures, read-only", () => {
    const workflow = parse(readFileSync(join(root, ".github", "workflows", "dependencies.yml"), "utf8")) as {
      on: Record<string, unknown>;
      jobs: { audit: { permissions: Record<string, string>; steps: { run?: string }[] } };
    };
    expect(Object.keys(workflow.on).sort()).toEqual(["pull_request", "push", "schedule", "workflow_dispatch"]);
    expect(workflow.jobs.audit.permissions).toEqual({ contents: "read" });
    const runs = workflow.jobs.audit.steps.flatMap((step) => (step.run ? [step.run] : []));
    expect(runs).toContain("npm audit --audit-level=high");
    expect(runs).toContain("npm audit signatures");
  });
});
