import { execFileSync } from "node:child_process";

/**
 * The data paths a change touches: committed since it left `base`, plus uncommitted and
 * untracked files, deleted ones included (so that references to them can be checked).
 */
export function changedPaths(root: string, base: string): string[] {
  const git = (...args: string[]) => execFileSync("git", args, { cwd: root, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  let mergeBase: string;
  try {
    mergeBase = git("merge-base", base, "HEAD").trim();
  } catch {
    throw new Error(`git does not know "${base}": fetch it first (git fetch origin ${base}) or name another base.`);
  }
  const changed = git("diff", "--name-only", "--no-renames", "-z", mergeBase, "--", "countries", "organizations").split("\0");
  const untracked = git("ls-files", "--others", "--exclude-standard", "-z", "--", "countries", "organizations").split("\0");
  return [...new Set([...changed, ...untracked].filter(Boolean))].sort();
}
