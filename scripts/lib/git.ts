import { execFileSync } from "node:child_process";

/** The folders a change is looked for in: the data, nothing else. */
const DATA_FOLDERS = ["countries", "organizations"];

/**
 * The data paths a change touches: committed since it left `base`, plus staged, unstaged and
 * untracked files, deleted ones included (so that references to them can be checked). Two git
 * processes: a tree-to-tree diff from the merge base (`base...HEAD`: no working tree read, and
 * no separate merge-base call), and one `git status` for everything not committed, the only
 * part whose cost grows with the repository (it looks at every tracked file). Throws a sentence
 * when git does not know `base`.
 */
export function changedPaths(root: string, base: string): string[] {
  // stderr is kept: git's own complaint must not reach the reader's terminal before our sentence.
  const git = (...args: string[]) =>
    execFileSync("git", args, { cwd: root, encoding: "utf8", maxBuffer: 256 * 1024 * 1024, stdio: ["ignore", "pipe", "pipe"] });
  let committed: string[];
  try {
    // Renames are split into a deletion and an addition, so the old path's references are checked too.
    committed = git("diff", "--name-only", "--no-renames", "-z", `${base}...HEAD`, "--", ...DATA_FOLDERS).split("\0");
  } catch {
    throw new Error(`git does not know "${base}" or how it relates to this checkout: fetch it first (git fetch origin ${base}) or name another base.`);
  }
  // git's untracked cache is left as the user set it: building it costs a first run about 1.5 s
  // of CPU at 20,000 entries (every run, in CI's fresh checkouts) to save 0.2 s on later ones,
  // and it serves only a status without a path limit whose untracked-files mode matches its own.
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
