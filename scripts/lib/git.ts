import { execFileSync } from "node:child_process";

/** The folders a change is looked for in: the data, nothing else. */
const DATA_FOLDERS = ["countries", "organizations"];

/**
 * The data paths a change touches. With a base (`origin/main`): committed since it left the
 * base, plus staged, unstaged and untracked files, deleted ones included (so that references
 * to them can be checked). Two git processes: a tree-to-tree diff from the merge base
 * (`base...HEAD`: no working tree read, and no separate merge-base call), and one `git status`
 * for everything not committed, the only part whose cost grows with the repository (it looks
 * at every tracked file). With a range that ends at the checked-out commit (`base...HEAD`,
 * `base..HEAD`, `base...`): the commits only, as git compares them, and the working tree is
 * taken to be that commit; this is for clean checkouts such as a pull request's in CI, where the
 * status would find nothing at the price of looking at every file. Throws a sentence when git
 * does not know the base, or when the range ends elsewhere than at HEAD.
 */
export function changedPaths(root: string, base: string): string[] {
  const git = (...args: string[]) => gitOutput(root, args);
  // Git would read a leading dash as one of its options.
  if (base.startsWith("-")) throw new Error(`"${base}" is not a commit or branch name: name the base to compare with, such as origin/main.`);
  const range = parseRange(base);
  if (range && range.head !== "HEAD") {
    let commits: string[];
    try {
      if (range.head.startsWith("-")) throw new Error("an option, not a commit");
      commits = git("rev-parse", `${range.head}^{commit}`, "HEAD^{commit}").trim().split("\n");
    } catch {
      throw new Error(`git does not know "${range.head}": a range for --changed ends at the commit you have checked out (HEAD).`);
    }
    if (commits[0] !== commits[1])
      throw new Error(
        `"${range.head}" is not the commit you have checked out: the files are read from your working folder, so a range for --changed must end at HEAD (${range.base}${range.dots}HEAD).`,
      );
  }
  let committed: string[];
  try {
    // Renames are split into a deletion and an addition, so the old path's references are checked too.
    const compared = range ? `${range.base}${range.dots}HEAD` : `${base}...HEAD`;
    committed = git("diff", "--name-only", "--no-renames", "-z", compared, "--", ...DATA_FOLDERS).split("\0");
  } catch {
    const named = range?.base ?? base;
    throw new Error(`git does not know "${named}" or how it relates to this checkout: fetch it first (git fetch origin ${named}) or name another base.`);
  }
  if (range) return unique(committed);
  // git's untracked cache is left as the user set it: building it costs a first run about 1.5 s
  // of CPU at 20,000 entries (every run, in CI's fresh checkouts) to save 0.2 s on later ones,
  // and it serves only a status without a path limit whose untracked-files mode matches its own.
  const uncommitted = statusPaths(git("status", "--porcelain", "-z", "--no-renames", "--untracked-files=all", "--", ...DATA_FOLDERS));
  return unique([...committed, ...uncommitted]);
}

/**
 * What a git command prints in the repository at `root`; throws when git fails. stderr is kept:
 * git's own complaint must not reach the reader's terminal before the caller's sentence.
 */
function gitOutput(root: string, args: readonly string[]): string {
  return execFileSync("git", args, { cwd: root, encoding: "utf8", maxBuffer: 256 * 1024 * 1024, stdio: ["ignore", "pipe", "pipe"] });
}

/** The object ids of the regular files committed under a folder at HEAD, by path; empty when git cannot tell. */
export function committedIds(root: string, folder: string): Map<string, string> {
  const ids = new Map<string, string>();
  let listing: string;
  try {
    listing = gitOutput(root, ["ls-tree", "-r", "-z", "--full-tree", "HEAD", "--", folder]);
  } catch {
    return ids;
  }
  for (const line of listing.split("\0")) {
    // Regular files only (100644, 100755): a symlink's id is of its target's name, not of a text.
    const match = /^1006[0-7]{2} blob ([0-9a-f]+)\t(.+)$/s.exec(line);
    if (match) ids.set(match[2] ?? "", match[1] ?? "");
  }
  return ids;
}

function unique(paths: string[]): string[] {
  return [...new Set(paths.filter(Boolean))].sort();
}

/** True when `--changed` was given a range (`base...HEAD`), which compares commits only. */
export function isRange(text: string): boolean {
  return text.includes("..");
}

/** "base...head" or "base..head" (head defaults to HEAD, as in git), or undefined for a plain base. A ref name cannot hold "..". */
function parseRange(text: string): { base: string; dots: ".." | "..."; head: string } | undefined {
  const match = /^(.*?)(\.\.\.?)(.*)$/s.exec(text);
  if (!match) return undefined;
  const [, base = "", dots, head = ""] = match;
  if (!base) throw new Error(`"${text}" has no base before its dots: name the commit or branch to compare with, as in origin/main...HEAD.`);
  return { base, dots: dots as ".." | "...", head: head || "HEAD" };
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
