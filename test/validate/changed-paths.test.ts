import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, expect, test } from "vitest";
import { changedPaths, statusPaths } from "../../scripts/lib/git.ts";

let root: string | undefined;
afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
  root = undefined;
});

function repository(): { root: string; git: (...args: string[]) => string; write: (path: string, text: string) => void } {
  const folder = mkdtempSync(join(tmpdir(), "cop-atlas-changed-"));
  root = folder;
  const git = (...args: string[]) =>
    execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false", ...args], { cwd: folder, encoding: "utf8" });
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), text);
  };
  git("init", "-q", "-b", "main");
  for (const name of ["a", "b", "c", "d", "e"]) write(`countries/ken/activities/${name}/activity.json`, `{"name":"${name}"}\n`);
  write("README.md", "outside the data\n");
  git("add", "-A");
  git("commit", "-q", "-m", "base");
  return { root: folder, git, write };
}

test("statusPaths reads porcelain -z records, with the original path of a rename or copy", () => {
  const output = [
    " M countries/a.json",
    "?? countries/new file.md",
    "D  organizations/x.json",
    "R  countries/to.json",
    "countries/from.json",
    "C  countries/copy.json",
    "countries/orig.json",
    "",
  ].join("\0");
  expect(statusPaths(output)).toEqual([
    "countries/a.json",
    "countries/new file.md",
    "organizations/x.json",
    "countries/to.json",
    "countries/from.json",
    "countries/copy.json",
    "countries/orig.json",
  ]);
  expect(statusPaths("")).toEqual([]);
});

test("changedPaths lists committed, staged, unstaged, untracked, deleted and renamed data paths, and nothing outside the data", () => {
  const repo = repository();
  repo.git("checkout", "-q", "-b", "change");
  repo.write("countries/ken/activities/a/activity.json", '{"name":"a2"}\n');
  repo.git("commit", "-q", "-am", "committed edit");
  repo.write("countries/ken/activities/b/activity.json", '{"name":"b2"}\n');
  repo.git("add", "countries/ken/activities/b/activity.json");
  repo.write("countries/ken/activities/c/activity.json", '{"name":"c2"}\n');
  repo.write("countries/ken/activities/new/en.md", "untracked\n");
  rmSync(join(repo.root, "countries/ken/activities/d"), { recursive: true });
  renameSync(join(repo.root, "countries/ken/activities/e"), join(repo.root, "countries/ken/activities/e2"));
  repo.git("add", "-A", "countries/ken/activities/e", "countries/ken/activities/e2");
  repo.write("README.md", "changed, but not data\n");
  expect(changedPaths(repo.root, "main")).toEqual([
    "countries/ken/activities/a/activity.json",
    "countries/ken/activities/b/activity.json",
    "countries/ken/activities/c/activity.json",
    "countries/ken/activities/d/activity.json",
    "countries/ken/activities/e/activity.json",
    "countries/ken/activities/e2/activity.json",
    "countries/ken/activities/new/en.md",
  ]);
});

test("changedPaths is empty for a clean checkout of the base, and works on a detached HEAD", () => {
  const repo = repository();
  expect(changedPaths(repo.root, "main")).toEqual([]);
  repo.git("checkout", "-q", "-b", "change");
  repo.write("countries/ken/activities/a/activity.json", '{"name":"a2"}\n');
  repo.git("commit", "-q", "-am", "edit");
  repo.git("checkout", "-q", "--detach");
  expect(changedPaths(repo.root, "main")).toEqual(["countries/ken/activities/a/activity.json"]);
});

test("changedPaths names the base in a sentence when git does not know it", () => {
  const repo = repository();
  expect(() => changedPaths(repo.root, "origin/no-such-branch")).toThrow(/^git does not know "origin\/no-such-branch".*git fetch origin/);
});

test("changedPaths sees what changed since an earlier run, and builds no untracked cache in the user's index", () => {
  const repo = repository();
  repo.write("countries/ken/activities/new/en.md", "untracked\n");
  expect(changedPaths(repo.root, "main")).toEqual(["countries/ken/activities/new/en.md"]);
  // Building git's untracked cache would cost every fresh checkout (CI) more than it saves later.
  expect(readFileSync(join(repo.root, ".git/index")).includes("UNTR")).toBe(false);
  repo.write("countries/ken/activities/new/fr.md", "untracked too\n");
  repo.write("countries/ken/activities/a/notes.txt", "in a tracked folder\n");
  repo.write("organizations/eu/organization.json", "{}\n");
  repo.write("scripts/tool.ts", "not data\n");
  rmSync(join(repo.root, "countries/ken/activities/new/en.md"));
  expect(changedPaths(repo.root, "main")).toEqual([
    "countries/ken/activities/a/notes.txt",
    "countries/ken/activities/new/fr.md",
    "organizations/eu/organization.json",
  ]);
});

test("a range that ends at HEAD lists the commits' changes only, and reads no working tree", () => {
  const repo = repository();
  repo.git("checkout", "-q", "-b", "change");
  repo.write("countries/ken/activities/a/activity.json", '{"name":"a2"}\n');
  rmSync(join(repo.root, "countries/ken/activities/d"), { recursive: true });
  repo.git("commit", "-q", "-am", "committed edit and deletion");
  // Left out of a range: the working tree is taken to be the commit, as in a clean CI checkout.
  repo.write("countries/ken/activities/c/activity.json", '{"name":"c2"}\n');
  repo.write("countries/ken/activities/new/en.md", "untracked\n");
  const committed = ["countries/ken/activities/a/activity.json", "countries/ken/activities/d/activity.json"];
  for (const range of ["main...HEAD", "main..HEAD", "main...", "main..", "main...change"]) expect(changedPaths(repo.root, range), range).toEqual(committed);
  // Without a range, the same change includes what is not committed.
  expect(changedPaths(repo.root, "main")).toEqual([
    ...committed.slice(0, 1),
    "countries/ken/activities/c/activity.json",
    committed[1],
    "countries/ken/activities/new/en.md",
  ]);
});

test("two dots compare the trees, three dots compare from where the branch left, as git does", () => {
  const repo = repository();
  repo.git("checkout", "-q", "-b", "change");
  repo.write("countries/ken/activities/a/activity.json", '{"name":"a2"}\n');
  repo.git("commit", "-q", "-am", "the branch's change");
  repo.git("checkout", "-q", "main");
  repo.write("countries/ken/activities/b/activity.json", '{"name":"b2"}\n');
  repo.git("commit", "-q", "-am", "main moved on");
  repo.git("checkout", "-q", "change");
  expect(changedPaths(repo.root, "main...HEAD")).toEqual(["countries/ken/activities/a/activity.json"]);
  expect(changedPaths(repo.root, "main..HEAD")).toEqual(["countries/ken/activities/a/activity.json", "countries/ken/activities/b/activity.json"]);
});

test("a range must end at the checked-out commit and have a base, each said in a sentence", () => {
  const repo = repository();
  repo.git("checkout", "-q", "-b", "change");
  repo.write("countries/ken/activities/a/activity.json", '{"name":"a2"}\n');
  repo.git("commit", "-q", "-am", "edit");
  expect(() => changedPaths(repo.root, "HEAD~1...main")).toThrow(/^"main" is not the commit you have checked out: .*must end at HEAD \(HEAD~1\.\.\.HEAD\)/);
  expect(() => changedPaths(repo.root, "main...no-such-branch")).toThrow(
    /^git does not know "no-such-branch": a range for --changed ends at the commit you have checked out/,
  );
  expect(() => changedPaths(repo.root, "...HEAD")).toThrow(/^"\.\.\.HEAD" has no base before its dots/);
  expect(() => changedPaths(repo.root, "origin/gone...HEAD")).toThrow(/^git does not know "origin\/gone".*git fetch origin origin\/gone/);
});

test("a base or range end that git would take for an option is refused before git sees it", () => {
  const repo = repository();
  const written = join(repo.root, "written-by-git");
  expect(() => changedPaths(repo.root, `--output=${written}`)).toThrow(/^"--output=.*" is not a commit or branch name/);
  expect(() => changedPaths(repo.root, `main...--output=${written}`)).toThrow(/^git does not know "--output=/);
  expect(() => readFileSync(written)).toThrow();
});
