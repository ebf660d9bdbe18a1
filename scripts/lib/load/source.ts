import { execFileSync } from "node:child_process";
import { committedIds } from "../git.ts";
import { decodeSourceFile, type ListedFiles, listFiles, MAX_FILE_BYTES, pathExists, type RealFolders, readSourceFile, type SourceFile } from "./files.ts";

export type { SourceFile } from "./files.ts";

/**
 * Where the validator, the formatter and the schema catalog read files from: the working
 * tree, a git tree or memory. Paths are repository-relative with forward slashes. Nothing
 * that decides reads the disk itself, so the same checks run on a checkout, on a commit
 * and on files a bot holds in memory.
 */
export interface FileSource {
  /** The file, read safely (no symlink followed, no binary decoded, nothing over the size limit); undefined when it does not exist. */
  read(path: string): SourceFile | undefined;
  /** Every file (and symlink) under a folder, recursively, sorted; [] for a missing folder. */
  list(folder: string): string[];
  /** True when a file or folder exists at the path (without following symlinks). */
  exists(path: string): boolean;
  /**
   * git's object id of each file under a folder, by path, without reading the files. Only a
   * source that takes the working tree for the checked-out commit has it (`--changed` with a
   * range); rules then know an unchanged file from its id alone.
   */
  fingerprints?(folder: string): ReadonlyMap<string, string>;
}

/** The working tree under `root`. */
export function diskSource(root: string): FileSource {
  const known: RealFolders = new Set();
  const listed: ListedFiles = new Set();
  return {
    read: (path) => readSourceFile(root, path, known, listed),
    list: (folder) => listFiles(root, folder, known, listed),
    exists: (path) => pathExists(root, path, known),
  };
}

/**
 * The source with each listing it makes kept, and a listing of a folder below a kept one taken
 * from it instead of the disk: for the main thread of a whole run, whose plan lists the whole
 * data tree and whose repository-wide pass and cache checks list it again (one flat list of
 * paths, a few MB at 20,000 entries), and for one part's run, which lists its owner's folder and
 * then its activities. Kept as long as the wrapper is: one run, or one part.
 */
export function keepingListings(source: FileSource): FileSource {
  const kept = new Map<string, { paths: string[]; below?: Map<string, { start: number; end: number }> }>();
  return {
    ...source,
    list(folder) {
      const own = kept.get(folder);
      if (own) return [...own.paths];
      for (const [above, listing] of kept) {
        if (!folder.startsWith(`${above}/`)) continue;
        listing.below ??= subtreeRanges(above, listing.paths);
        const range = listing.below.get(folder);
        return range ? listing.paths.slice(range.start, range.end) : [];
      }
      const paths = source.list(folder);
      kept.set(folder, { paths });
      return [...paths];
    },
  };
}

/**
 * The source with each file it reads kept, as long as the wrapper is: for a load that checks
 * every file against the validation's cache and then reads them all again into the site's
 * dataset, which keeps every file it reads anyway.
 */
export function keepingReads(source: FileSource): FileSource {
  const kept = new Map<string, SourceFile | undefined>();
  return {
    ...source,
    read(path) {
      if (!kept.has(path)) kept.set(path, source.read(path));
      return kept.get(path);
    },
  };
}

/**
 * Where each folder's files lie in a walk's listing of a folder above them: a walk lists a
 * folder's whole subtree in one run, in the order that a walk from that folder gives.
 */
function subtreeRanges(above: string, paths: readonly string[]): Map<string, { start: number; end: number }> {
  const ranges = new Map<string, { start: number; end: number }>();
  paths.forEach((path, index) => {
    for (let slash = path.indexOf("/", above.length + 1); slash > 0; slash = path.indexOf("/", slash + 1)) {
      const folder = path.slice(0, slash);
      const range = ranges.get(folder);
      if (range) range.end = index + 1;
      else ranges.set(folder, { start: index, end: index + 1 });
    }
  });
  return ranges;
}

/**
 * The working tree under `root`, taken to be the checked-out commit: files are read from the
 * disk, and their git object ids come from HEAD's tree (one `git ls-tree` per folder asked).
 * For clean checkouts, as in CI; a file changed but not committed keeps its committed id.
 */
export function checkoutSource(root: string): FileSource {
  const disk = diskSource(root);
  const folders = new Map<string, ReadonlyMap<string, string>>();
  return {
    ...disk,
    fingerprints(folder) {
      let ids = folders.get(folder);
      if (!ids) {
        ids = committedIds(root, folder);
        folders.set(folder, ids);
      }
      return ids;
    },
  };
}

/** Files held in memory (tests, the submission bot): text or bytes by repository path. */
export function memorySource(files: Readonly<Record<string, string | Uint8Array>> | ReadonlyMap<string, string | Uint8Array>): FileSource {
  const map = new Map(files instanceof Map ? files : Object.entries(files));
  const encoder = new TextEncoder();
  const sorted = [...map.keys()].sort();
  return {
    read(path) {
      const content = map.get(path);
      if (content === undefined) return undefined;
      return decodeSourceFile(path, typeof content === "string" ? encoder.encode(content) : content);
    },
    list: (folder) => under(sorted, folder),
    exists: (path) => map.has(path) || under(sorted, path).length > 0,
  };
}

/**
 * `top` laid over `base`: a file in `top` hides the one in `base`, and `removed` paths
 * (files or folders) are gone. The submission bot checks its new files this way over the checkout.
 */
export function overlaySource(base: FileSource, top: FileSource, removed: readonly string[] = []): FileSource {
  const isRemoved = (path: string) => removed.some((gone) => path === gone || path.startsWith(`${gone}/`));
  return {
    read: (path) => top.read(path) ?? (isRemoved(path) ? undefined : base.read(path)),
    list: (folder) => [...new Set([...base.list(folder).filter((path) => !isRemoved(path)), ...top.list(folder)])].sort(),
    exists: (path) => top.exists(path) || (!isRemoved(path) && base.exists(path)),
  };
}

/**
 * A git tree (a commit, a branch, HEAD) of the repository at `root`, read with git itself:
 * one `ls-tree` for every path, one `cat-file` per file read. Symlinks (mode 120000) stay symlinks.
 */
export function gitTreeSource(root: string, revision: string): FileSource {
  const git = (args: string[]) => execFileSync("git", args, { cwd: root, maxBuffer: 1024 * 1024 * 1024 });
  const entries = new Map<string, { mode: string; object: string; size: number }>();
  for (const line of git(["ls-tree", "-r", "-l", "-z", "--full-tree", revision]).toString("utf8").split("\0")) {
    const match = /^(\d+) blob ([0-9a-f]+) +(\d+)\t(.+)$/s.exec(line);
    if (match) entries.set(match[4] ?? "", { mode: match[1] ?? "", object: match[2] ?? "", size: Number(match[3]) });
  }
  const sorted = [...entries.keys()].sort();
  return {
    read(path) {
      const entry = entries.get(path);
      if (!entry) return undefined;
      if (entry.mode === "120000") return { path, size: entry.size, symlink: true };
      if (entry.size > MAX_FILE_BYTES) return { path, size: entry.size, symlink: false, tooLarge: true };
      return decodeSourceFile(path, git(["cat-file", "blob", entry.object]));
    },
    list: (folder) => under(sorted, folder),
    exists: (path) => entries.has(path) || under(sorted, path).length > 0,
  };
}

/** The sorted paths below a folder, found by binary search in a sorted list. */
function under(sorted: readonly string[], folder: string): string[] {
  const prefix = `${folder}/`;
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((sorted[middle] ?? "") < prefix) low = middle + 1;
    else high = middle;
  }
  const found: string[] = [];
  for (let index = low; index < sorted.length && (sorted[index] ?? "").startsWith(prefix); index++) found.push(sorted[index] ?? "");
  return found;
}

/** Only the given folders of `base` (and what is under them); everything else does not exist. */
export function scopedSource(base: FileSource, folders: readonly string[]): FileSource {
  const inside = (path: string) => folders.some((folder) => path === folder || path.startsWith(`${folder}/`));
  return {
    read: (path) => (inside(path) ? base.read(path) : undefined),
    list: (folder) =>
      inside(folder)
        ? base.list(folder)
        : folders
            .filter((f) => f.startsWith(`${folder}/`))
            .flatMap((f) => base.list(f))
            .sort(),
    exists: (path) => (inside(path) ? base.exists(path) : folders.some((f) => f.startsWith(`${path}/`) && base.exists(f))),
  };
}
