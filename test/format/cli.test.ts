import { spawnSync } from "node:child_process";
import { readFileSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, expect, test } from "vitest";
import { baselineFiles, makeRepo, PROJECT_ROOT, type TempRepo } from "../support/repo.ts";
import { unformattedBaseline } from "./support.ts";

// The project's own tsx (what `npx tsx` resolves to in the project), run in a temporary repository.
const TSX = join(PROJECT_ROOT, "node_modules", ".bin", "tsx");
const CLI = join(PROJECT_ROOT, "scripts", "cli", "format.ts");
const ENTRY = "countries/ken/activities/example-strategy-2020";

let repo: TempRepo;
beforeEach(() => {
  repo = makeRepo(unformattedBaseline());
});
afterEach(() => repo.cleanup());

function run(...args: string[]) {
  const result = spawnSync(TSX, [CLI, ...args], { cwd: repo.root, encoding: "utf8" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const read = (path: string) => readFileSync(join(repo.root, path), "utf8");

test("--check lists what it would change, writes nothing, exits 1", () => {
  const before = Object.keys(baselineFiles()).map(read);
  expect(run("--check")).toEqual({
    code: 1,
    stdout: `${ENTRY}/activity.json\n${ENTRY}/fr.md\n4 files checked: 2 not formatted (run npm run format).\n`,
    stderr: "",
  });
  expect(Object.keys(baselineFiles()).map(read)).toEqual(before);
});

test("format rewrites, keeps every value, and --check then reports nothing", () => {
  const activity = JSON.parse(read(`${ENTRY}/activity.json`));
  expect(run()).toEqual({ code: 0, stdout: `${ENTRY}/activity.json\n${ENTRY}/fr.md\n4 files checked: 2 formatted.\n`, stderr: "" });
  expect(JSON.parse(read(`${ENTRY}/activity.json`))).toEqual(activity);
  expect(read(`${ENTRY}/activity.json`)).toBe(`${JSON.stringify(activity, null, 2)}\n`);
  expect(read(`${ENTRY}/fr.md`)).toMatch(/\n {2}version: "[0-9a-f]{12}"\n/);
  expect(run("--check")).toEqual({ code: 0, stdout: "4 files checked: all formatted.\n", stderr: "" });
  expect(run()).toEqual({ code: 0, stdout: "4 files checked: all formatted.\n", stderr: "" });
});

test("paths limit the run to the files or folders given", () => {
  expect(run("--check", "countries/ken/country.json")).toEqual({ code: 0, stdout: "1 file checked: all formatted.\n", stderr: "" });
  expect(run("--check", `./${ENTRY}/`, "countries/ken/country.json", "countries/nowhere")).toMatchObject({
    code: 1,
    stdout: `${ENTRY}/activity.json\n${ENTRY}/fr.md\n4 files checked: 2 not formatted (run npm run format).\n`,
  });
});

test("a file that does not parse is reported and never rewritten, exit 1", () => {
  const broken = '{\n  "kind": "activity",\n  "kind": "law"\n}\n';
  repo.write(`${ENTRY}/activity.json`, broken);
  repo.write(`${ENTRY}/en.md`, "---\ntitle: A\ntitle: B\n---\n");
  expect(run(ENTRY)).toEqual({
    code: 1,
    stdout: [
      `${ENTRY}/fr.md`,
      `${ENTRY}/activity.json: cannot format: fix the problems \`npm run validate\` reports first`,
      '  3:3  The key "kind" appears twice in the same object (first on line 2); only one can count.  strict-json',
      `${ENTRY}/en.md: cannot format: fix the problems \`npm run validate\` reports first`,
      "  3:1  The same key appears twice in the frontmatter; only one can count.  safe-yaml",
      "3 files checked: 1 formatted, 2 cannot be formatted.",
      "",
    ].join("\n"),
    stderr: "",
  });
  expect(read(`${ENTRY}/activity.json`)).toBe(broken);
});

test("a symbolic link is never followed or written through", () => {
  repo.remove("countries/ken/country.json");
  symlinkSync(join(repo.root, `${ENTRY}/activity.json`), join(repo.root, "countries/ken/country.json"));
  const result = run("countries/ken");
  expect(result.code).toBe(1);
  expect(result.stdout).toContain(
    "countries/ken/country.json: cannot format: fix the problems `npm run validate` reports first\n  1:1  The file cannot be formatted. It is a symbolic link, which formatting does not follow.  format\n",
  );
});

test("--changed formats what git says changed", () => {
  const git = (...args: string[]) => spawnSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.org", ...args], { cwd: repo.root, encoding: "utf8" });
  git("init", "-q");
  git("add", ".");
  git("commit", "-q", "-m", "base");
  repo.write("countries/ken/country.json", '{"reviewers":[],"region":"africa"}');
  expect(run("--check", "--changed", "HEAD")).toEqual({
    code: 1,
    stdout: "countries/ken/country.json\n1 file checked: 1 not formatted (run npm run format).\n",
    stderr: "",
  });
  expect(run("--changed", "no-such-branch")).toMatchObject({ code: 2, stdout: "" });
});

test("--help prints the usage", () => {
  const result = run("--help");
  expect(result.code).toBe(0);
  expect(result.stdout).toMatch(/^Usage: npm run format -- \[paths\.\.\.\] \[options\]\n/);
  expect(result.stdout).toContain("--check");
  expect(result.stdout).toContain("--changed [base]");
});

test("the tool itself cannot run: exit 2 with one line", () => {
  repo.remove("schemas");
  const result = run("--check");
  expect(result).toMatchObject({ code: 2, stdout: "" });
  expect(result.stderr).toMatch(/^format: cannot read .*schemas: run this from the repository root\n$/);
  expect(run("--bogus").code).toBe(2);
});
