import { execFileSync } from "node:child_process";

/** One commit on the main line that touched data, as the history tells it. */
export interface Change {
  sha: string;
  /** ISO 8601 commit date. */
  date: string;
  /** The pull request number, when the merge recorded it ("... (#12)" or "Merge pull request #12"). */
  pullRequest?: number;
  /** The `Approved-by:` trailers of the merge: "login (id)" or "login". */
  approvers: string[];
}

/** What the history says about one entry folder. */
export interface EntryProvenance {
  /** Undefined when the history does not reach back to it (a shallow clone). */
  added?: Change;
  updated?: Change;
  /** Every change of the folder, newest first (the annual report counts them by year). */
  changes?: Change[];
}

/** The history of the data, read once: every main-line change and the files it touched. */
export interface History {
  /** False when there is no git, no repository, or git failed: pages then say nothing about history. */
  available: boolean;
  /** True for a shallow clone: the oldest change seen may not be the first. */
  shallow: boolean;
  changes: Array<Change & { files: string[] }>;
}

export const NO_HISTORY: History = { available: false, shallow: false, changes: [] };

const RECORD = "\x1e";
const FIELD = "\x1f";

/** Parses the output of the `git log` below (pure, so it can be tested on recorded text). */
export function parseGitLog(output: string): History["changes"] {
  const changes: History["changes"] = [];
  for (const record of output.split(RECORD)) {
    if (!record.trim()) continue;
    const [sha, date, subject, body, files] = record.split(FIELD);
    if (!sha || !date) continue;
    const pr = /\(#(\d+)\)\s*$/.exec(subject ?? "") ?? /^Merge pull request #(\d+)\b/.exec(subject ?? "");
    const approvers = [...(body ?? "").matchAll(/^Approved-by:[ \t]*(.+?)[ \t]*$/gim)].map((m) => m[1]!).filter((v) => v.length <= 80);
    changes.push({
      sha: sha.trim(),
      date: date.trim(),
      ...(pr ? { pullRequest: Number(pr[1]) } : {}),
      approvers,
      files: (files ?? "")
        .split("\n")
        .map((line) => line.trim())
        .filter(Boolean),
    });
  }
  return changes;
}

/**
 * Reads the main-line history of countries/ and organizations/ with one `git log`
 * (first parent: one change per merged pull request). Never throws: without git, or in a
 * folder that is not a repository, the site is built without history.
 */
export function readHistory(root: string): History {
  const git = (...args: string[]) =>
    execFileSync("git", args, { cwd: root, encoding: "utf8", maxBuffer: 512 * 1024 * 1024, stdio: ["ignore", "pipe", "ignore"] });
  try {
    const top = git("rev-parse", "--show-toplevel").trim();
    const shallow = git("rev-parse", "--is-shallow-repository").trim() === "true";
    // Paths relative to the data root even if the data root is a sub-folder of the repository.
    const prefix = git("rev-parse", "--show-prefix").trim();
    const output = git(
      "log",
      "--first-parent",
      "--diff-merges=first-parent",
      "--no-renames",
      "--name-only",
      `--format=${RECORD}%H${FIELD}%cI${FIELD}%s${FIELD}%b${FIELD}`,
      "--",
      "countries",
      "organizations",
    );
    const changes = parseGitLog(output).map((change) => ({
      ...change,
      files: change.files.filter((file) => file.startsWith(prefix)).map((file) => file.slice(prefix.length)),
    }));
    return { available: top !== "", shallow, changes };
  } catch {
    return NO_HISTORY;
  }
}

/** The first and last change of every entry folder ("countries/rwa/activities/x"). */
export function provenanceByEntry(history: History): Map<string, EntryProvenance> {
  const found = new Map<string, EntryProvenance>();
  // git log lists the newest first: the first change seen is the last update.
  for (const { files, ...change } of history.changes) {
    const dirs = new Set<string>();
    for (const file of files) {
      const match = /^((?:countries|organizations)\/[^/]+\/activities\/[^/]+)\//.exec(file);
      if (match) dirs.add(match[1]!);
    }
    for (const dir of dirs) {
      const known = found.get(dir) ?? {};
      if (!known.updated) known.updated = change;
      known.added = change;
      known.changes = [...(known.changes ?? []), change];
      found.set(dir, known);
    }
  }
  if (history.shallow && history.changes.length > 0) {
    // The oldest commit of a shallow clone shows every file as added: that is not when they were.
    const oldest = history.changes[history.changes.length - 1]!.sha;
    for (const value of found.values()) if (value.added?.sha === oldest) delete value.added;
  }
  return found;
}
