/**
 * Where a build writes, so that the output is always a whole site (the last one or the new
 * one) whatever stops the build.
 *
 * Each file the build makes is compared with the manifest of the last build (path → content
 * hash, and the size, modification time and inode the file had when it was written): when the
 * content is the same and the file in the output is still the one the manifest describes, it is
 * kept as it is, with its bytes and its modification time. A file can also be kept by its key
 * (a hash of everything it is made from) without being rendered at all. Anything the manifest
 * cannot vouch for (a missing, edited or replaced file, a corrupt manifest) is written again: a
 * stale manifest costs time, never correctness.
 *
 * Two ways to put the new site in place, so that a build costs what changed:
 * - swap (first build, --full, no usable manifest): every file goes to a staging folder beside
 *   the output, which replaces the output as a whole at the end;
 * - patch (the output and its manifest are there): only the files that changed go to the
 *   staging folder. At the end each is renamed over its old version, which is first moved
 *   aside, and files the new site no longer has are moved aside too; a journal beside the
 *   output lists those moves, so that a build stopped half-way (even killed) is rolled back,
 *   at once or by the next build, and the output is the last site again. Touching 20 files
 *   of 300,000 then costs 20 renames, not 300,000 links and a tree to delete.
 */
import { createHash } from "node:crypto";
import { existsSync, linkSync, mkdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve, sep } from "node:path";
import { writeFileAtomically } from "../atomic-write.ts";
import { isSafeOutputPath } from "../model/urls.ts";

/** What the manifest remembers of one output file. */
export interface ManifestFile {
  /** SHA-1 of the content. */
  hash: string;
  /** The key of the inputs it was made from, for files that can be reused without rendering. */
  key?: string;
  size: number;
  /** Modification time in nanoseconds and inode, as written: whether the file is still that one. */
  mtime: string;
  ino: string;
}

/** The manifest of a build: every file of its output, and the fingerprint of what feeds every page. */
export interface Manifest {
  version: 1;
  /** Output folder it describes (an absolute path). */
  outDir: string;
  files: Record<string, ManifestFile>;
}

/** The file operations the output uses; tests replace them to fail on purpose. */
export interface OutputFs {
  /** Writes a file; `content` may be a view of a buffer the output reuses once this returns. */
  writeFile(path: string, content: string | Uint8Array): void;
}

const UTF8 = new TextEncoder();

const NODE_FS: OutputFs = { writeFile: (path, content) => writeFileSync(path, content) };

/** What happened to one file: written, or kept unchanged from the last output. */
export type WriteOutcome = "written" | "reused";

/** The journal of a patch being applied: enough to put the last site back if it stops half-way. */
interface Journal {
  version: 1;
  outDir: string;
  /** Files moved (or being moved) into the output, and whether the output had a file there before. */
  moved: Array<{ path: string; existed: boolean }>;
  /** Files of the last site moved aside because the new one no longer has them. */
  removed: string[];
}

/** The staging folder of a build and the manifest it is checked against. */
export class SiteOutput {
  readonly outDir: string;
  readonly stagingDir: string;
  /** A scratch folder beside the output for the search indexer's view of the site (hard links), gone at the end of the build. */
  readonly scratchDir: string;
  /** Whether this build patches the output in place (only changed files touched) rather than swapping in a whole new folder. */
  readonly patching: boolean;
  readonly #oldDir: string;
  readonly #journalPath: string;
  readonly #manifestPath: string;
  readonly #fs: OutputFs;
  readonly #previous: Record<string, ManifestFile>;
  readonly #files: Record<string, ManifestFile> = {};
  readonly #dirs = new Set<string>();
  /** The buffer `#utf8` encodes pages into, grown to the largest page yet. */
  #encoded = new Uint8Array(1 << 16);
  readonly #journal: Journal;
  /** How many of `writtenPaths` are already in the output (patching). */
  #applied = 0;
  written = 0;
  reused = 0;
  bytes = 0;
  /** Paths written (not reused) by this build, in order. */
  readonly writtenPaths: string[] = [];

  constructor(options: { outDir: string; manifestPath: string; fs?: OutputFs; ignoreManifest?: boolean }) {
    this.outDir = resolve(options.outDir);
    const parent = dirname(this.outDir);
    // Beside the output, so that the final renames stay on one file system.
    this.stagingDir = join(parent, `.${basename(this.outDir)}.partial`);
    this.#oldDir = join(parent, `.${basename(this.outDir)}.old`);
    this.scratchDir = join(parent, `.${basename(this.outDir)}.search`);
    this.#journalPath = join(parent, `.${basename(this.outDir)}.journal`);
    this.#manifestPath = options.manifestPath;
    this.#fs = options.fs ?? NODE_FS;
    try {
      rollBackPatch(this.#journalPath, this.outDir, this.#oldDir);
      recoverInterruptedSwap(this.outDir, this.#oldDir);
      // What an interrupted build left is discarded: it was never the output.
      rmSync(this.stagingDir, { recursive: true, force: true });
      rmSync(this.scratchDir, { recursive: true, force: true });
      mkdirSync(this.stagingDir, { recursive: true });
    } catch (error) {
      throw new Error(`could not prepare the output beside ${this.outDir} (${describeError(error)})`, { cause: error });
    }
    this.#previous = options.ignoreManifest ? {} : readManifest(this.#manifestPath, this.outDir);
    this.patching = Object.keys(this.#previous).length > 0 && existsSync(this.outDir);
    this.#journal = { version: 1, outDir: this.outDir, moved: [], removed: [] };
  }

  /** Keeps a file whose inputs have not changed (same key) from the last output; false when it must be rendered. */
  reuseByKey(path: string, key: string): boolean {
    const before = this.#previous[path];
    if (!before || before.key !== key || !this.#stillThere(path, before)) return false;
    this.#keep(path, before);
    return true;
  }

  /** Writes one file, or keeps the last output's when its content is the same. */
  write(path: string, content: string | Uint8Array, key?: string): WriteOutcome {
    const target = this.#target(path);
    // Encoded once, for the hash and the file: each would otherwise turn the text into UTF-8 on its own.
    const bytes = typeof content === "string" ? this.#utf8(content) : content;
    const hash = createHash("sha1").update(bytes).digest("hex");
    const before = this.#previous[path];
    if (before && before.hash === hash && this.#stillThere(path, before)) {
      this.#keep(path, key === undefined ? before : { ...before, key });
      return "reused";
    }
    this.#mkdir(dirname(target));
    try {
      this.#fs.writeFile(target, bytes);
    } catch (error) {
      throw new Error(`could not write ${path} (${describeError(error)})`, { cause: error });
    }
    this.#record(path, target, hash, key);
    return "written";
  }

  /** Files of the last output under a folder, for a step that may keep them all (the search index). */
  previousUnder(prefix: string): string[] {
    return Object.keys(this.#previous).filter((path) => path.startsWith(prefix));
  }

  /** Keeps every listed file of the last output, if each is still the one the manifest describes; false (and nothing kept) otherwise. */
  reuseAll(paths: readonly string[]): boolean {
    const entries = paths.map((path) => [path, this.#previous[path]] as const);
    if (entries.length === 0 || entries.some(([path, before]) => !before || !this.#stillThere(path, before))) return false;
    for (const [path, before] of entries) this.#keep(path, before!);
    return true;
  }

  /**
   * The folder that holds the whole new site as written so far, for a program that reads it (the
   * search indexer): the staging folder when swapping; the output itself when patching, once the
   * files written so far are moved in (they are put back if the build then fails).
   */
  siteSoFar(): string {
    if (!this.patching) return this.stagingDir;
    this.#applyWritten();
    return this.outDir;
  }

  /**
   * Records files another program wrote into the staging folder (the search index), so that
   * the next build can keep them; one whose bytes are those of the last output's file is
   * dropped in favour of that file, so that it keeps its modification time.
   */
  adopt(paths: readonly string[]): void {
    for (const path of paths) {
      const target = this.#target(path);
      const hash = createHash("sha1").update(readFileSync(target)).digest("hex");
      const before = this.#previous[path];
      if (before && before.hash === hash && this.#stillThere(path, before)) {
        rmSync(target);
        this.#keep(path, before);
        continue;
      }
      this.#record(path, target, hash);
    }
  }

  /** Puts the new site in place of the output and records its manifest. */
  commit(): void {
    const manifest: Manifest = { version: 1, outDir: this.outDir, files: this.#files };
    // The manifest goes first: if the swap does not happen, it describes files that are not there, and is ignored.
    mkdirSync(dirname(this.#manifestPath), { recursive: true });
    writeFileAtomically(this.#manifestPath, JSON.stringify(manifest));
    rmSync(this.scratchDir, { recursive: true, force: true });
    if (this.patching) {
      this.#applyWritten();
      this.#applyRemovals();
      // From here the new site is whole: what was moved aside goes, then the journal that could bring it back.
      rmSync(this.#oldDir, { recursive: true, force: true });
      rmSync(this.#journalPath, { force: true });
      rmSync(this.stagingDir, { recursive: true, force: true });
      return;
    }
    rmSync(this.#oldDir, { recursive: true, force: true });
    if (existsSync(this.outDir)) renameSync(this.outDir, this.#oldDir);
    renameSync(this.stagingDir, this.outDir);
    rmSync(this.#oldDir, { recursive: true, force: true });
  }

  /** Discards the staging folder and puts back what a patch had moved: the output stays as the last build left it. */
  abort(): void {
    if (this.patching) rollBackPatch(this.#journalPath, this.outDir, this.#oldDir);
    rmSync(this.stagingDir, { recursive: true, force: true });
    rmSync(this.scratchDir, { recursive: true, force: true });
  }

  /** Moves the staged files not yet in the output into it, each old version first moved aside, under the journal. */
  #applyWritten(): void {
    const pending = this.writtenPaths.slice(this.#applied);
    if (pending.length === 0) return;
    for (const path of pending) this.#journal.moved.push({ path, existed: existsSync(join(this.outDir, path)) });
    // The journal is on disk before the first move, so that even a kill leaves enough to roll back.
    this.#saveJournal();
    const made = new Set<string>();
    for (const path of pending) {
      const target = join(this.outDir, path);
      const aside = join(this.#oldDir, path);
      if (existsSync(target)) {
        mkdirOnce(made, dirname(aside));
        renameSync(target, aside);
      } else mkdirOnce(made, dirname(target));
      renameSync(join(this.stagingDir, path), target);
    }
    this.#applied = this.writtenPaths.length;
  }

  /** Moves aside the files of the last site that the new one does not have. */
  #applyRemovals(): void {
    const removed = Object.keys(this.#previous).filter((path) => !(path in this.#files) && existsSync(join(this.outDir, path)));
    if (removed.length === 0) return;
    this.#journal.removed.push(...removed);
    this.#saveJournal();
    const made = new Set<string>();
    for (const path of removed) {
      mkdirOnce(made, dirname(join(this.#oldDir, path)));
      renameSync(join(this.outDir, path), join(this.#oldDir, path));
      removeEmptyFolders(this.outDir, dirname(path));
    }
  }

  #saveJournal(): void {
    // Whole or not at all: a journal cut short by a kill could not say what to put back.
    writeFileAtomically(this.#journalPath, JSON.stringify(this.#journal));
  }

  #record(path: string, target: string, hash: string, key?: string): void {
    const stat = statSync(target, { bigint: true });
    // A rename keeps the inode and the modification time, so these still describe the file once it is in the output.
    this.#files[path] = { hash, ...(key === undefined ? {} : { key }), size: Number(stat.size), mtime: String(stat.mtimeNs), ino: String(stat.ino) };
    this.written++;
    this.bytes += Number(stat.size);
    this.writtenPaths.push(path);
  }

  /**
   * The UTF-8 of a page, in a buffer this output reuses from one file to the next (the bytes are
   * hashed and written before the next file is made). Buffer.from measured the text, then
   * encoded it into a new buffer of its own: two passes and an allocation for each of tens of
   * thousands of pages, about twice the CPU of this one pass with the hash.
   */
  #utf8(text: string): Uint8Array {
    // A UTF-16 code unit is at most three bytes of UTF-8 (a pair of them, four).
    const most = text.length * 3;
    if (this.#encoded.length < most) this.#encoded = new Uint8Array(Math.max(most, this.#encoded.length * 2));
    const { written } = UTF8.encodeInto(text, this.#encoded);
    return this.#encoded.subarray(0, written);
  }

  #target(path: string): string {
    // .nojekyll is the one name not made of ids: it tells GitHub Pages not to run Jekyll.
    if (path !== ".nojekyll" && !isSafeOutputPath(path)) throw new Error(`refusing to write the unsafe path ${JSON.stringify(path)}`);
    const target = resolve(this.stagingDir, path);
    if (!target.startsWith(this.stagingDir + sep)) throw new Error(`${path} would leave the output folder`);
    return target;
  }

  #mkdir(dir: string): void {
    mkdirOnce(this.#dirs, dir);
  }

  /** Whether the output still holds the file the manifest describes (same size, time and inode). */
  #stillThere(path: string, before: ManifestFile): boolean {
    try {
      const stat = statSync(join(this.outDir, path), { bigint: true });
      return String(stat.mtimeNs) === before.mtime && String(stat.ino) === before.ino && Number(stat.size) === before.size;
    } catch {
      return false;
    }
  }

  /** Keeps the last output's file: left where it is when patching, hard-linked into the new folder when swapping. */
  #keep(path: string, before: ManifestFile): void {
    if (!this.patching) {
      const target = this.#target(path);
      this.#mkdir(dirname(target));
      linkSync(join(this.outDir, path), target);
    }
    this.#files[path] = before;
    this.reused++;
  }
}

function mkdirOnce(made: Set<string>, dir: string): void {
  if (made.has(dir)) return;
  mkdirSync(dir, { recursive: true });
  made.add(dir);
}

/** Removes `folder` (relative to `root`) and its parents while they are empty, as a cold build would not have them. */
function removeEmptyFolders(root: string, folder: string): void {
  for (let dir = folder; dir !== "." && dir !== ""; dir = dirname(dir)) {
    try {
      rmdirSync(join(root, dir));
    } catch {
      return;
    }
  }
}

/**
 * Puts back what a patch moved, when a journal says one was under way (a build that failed,
 * or was killed, between its first move and its end): files moved in are taken out, files
 * moved aside are put back. Then the journal and what was aside go.
 */
function rollBackPatch(journalPath: string, outDir: string, oldDir: string): void {
  let journal: Journal;
  try {
    journal = JSON.parse(readFileSync(journalPath, "utf8")) as Journal;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
    throw error;
  }
  if (journal.outDir === outDir) {
    for (const path of journal.removed) if (existsSync(join(oldDir, path))) restore(oldDir, outDir, path);
    for (const { path, existed } of journal.moved) {
      if (existsSync(join(oldDir, path))) restore(oldDir, outDir, path);
      // A file the last site did not have is taken out; one it had and that was not moved yet is its own.
      else if (!existed) {
        rmSync(join(outDir, path), { force: true });
        removeEmptyFolders(outDir, dirname(path));
      }
    }
  }
  rmSync(oldDir, { recursive: true, force: true });
  rmSync(journalPath, { force: true });
}

function restore(oldDir: string, outDir: string, path: string): void {
  mkdirSync(dirname(join(outDir, path)), { recursive: true });
  renameSync(join(oldDir, path), join(outDir, path));
}

/** The manifest of the last build of `outDir`, or nothing when it is missing, unreadable or about another folder. */
export function readManifest(path: string, outDir: string): Record<string, ManifestFile> {
  try {
    const manifest = JSON.parse(readFileSync(path, "utf8")) as Partial<Manifest>;
    if (manifest.version !== 1 || manifest.outDir !== outDir || typeof manifest.files !== "object" || manifest.files === null) return {};
    return manifest.files;
  } catch {
    return {};
  }
}

/** A build stopped between the two renames of a swap leaves only the old output: it is put back. */
function recoverInterruptedSwap(outDir: string, oldDir: string): void {
  if (!existsSync(outDir) && existsSync(oldDir)) renameSync(oldDir, outDir);
  else rmSync(oldDir, { recursive: true, force: true });
}

/** "permission denied", "no space left on device": the reason in words, with the system's code. */
export function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reasons: Record<string, string> = {
    EACCES: "permission denied",
    EPERM: "operation not permitted",
    ENOSPC: "no space left on the disk",
    EROFS: "the file system is read-only",
    EISDIR: "a folder is in the way",
    ENOTDIR: "a file is in the way",
    ENOENT: "no such file or folder",
    EMFILE: "too many open files",
    EIO: "input/output error",
  };
  if (code && reasons[code]) return `${reasons[code]}, ${code}`;
  return error instanceof Error ? error.message : String(error);
}
