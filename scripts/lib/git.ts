import { execFileSync } from "node:child_process";

/** The folders a change is looked for in: the data, nothing else. */
const DATA_FOLDERS = ["countries", "organizations"];

/**
 * The data paths a change touches: committed since it left `base`, plus staged, unstaged and
 * untracked files, deleted ones included (so that references to them can be checked). Two
 * git calls besides the merge base, each costing what changed rather than the repository's
 * size: a tree-to-tree diff (no working tree read) and one `git status` for everything not
 * committed. Throws a sentence when git does not know `base`.
 */
export function changedPaths(root: string, base: string): string[] {
  // stderr is kept: git's own complaint must not reach the reader's terminal before our sentence.
  const git = (...args: string[]) =>
    execFileSync("git", args, { cwd: root, encoding: "utf8", maxBuffer: 256 * 1024 * 1024, stdio: ["ignore", "pipe", "pipe"] });
  let mergeBase: string;
  let head: string;
  try {
    mergeBase = git("merge-base", base, "HEAD").trim();
    head = git("rev-parse", "HEAD").trim();
  } catch {
    throw new Error(`git does not know "${base}" or how it relates to this checkout: fetch it first (git fetch origin ${base}) or name another base.`);
  }
  // Renames are split into a deletion and an addition, so the old path's references are checked too.
  const committed = mergeBase === head ? [] : git("diff", "--name-only", "--no-renames", "-z", mergeBase, head, "--", ...DATA_FOLDERS).split("\0");
  const uncommitted = statusPaths(git("status", "--porcelain", "-z", "--no-renames", "--untracked-files=all", "--", ...DATA_FOLDERS));
  return [...new Set([...committed, ...uncommitted].filter(Boolean))].sort();
}

/**
 * The paths in `git status --porcelain -z` output: "XY path" records separated by NUL, where a
 * rename or copy (only when renames are not turned off) is followed by its original path.
 */
export function statusPaths(output: string): string[] {
  const fields = output.split("\0");
  const paths: string[] = [];
  for (let index = 0; index < fields.length; index++) {
    const record = fields[index] ?? "";
    if (record.length < 4) continue;
    paths.push(record.slice(3));
    if (/[RC]/.test(record.slice(0, 2))) paths.push(fields[++index] ?? "");
  }
  return paths.filter(Boolean);
}
