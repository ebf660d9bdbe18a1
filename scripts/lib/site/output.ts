/**
 * Where a build writes: a staging folder beside the output, swapped in at the end, so that the
 * output is always a whole site (the last one or the new one) whatever stops the build.
 *
 * The staging folder starts empty. Each file the build makes is compared with the manifest of
 * the last build (path → content hash, and the size, modification time and inode the file had
 * when it was written): when the content is the same and the file in the output is still the
 * one the manifest describes, it is hard-linked into the staging folder instead of written, so
 * it keeps its bytes and its modification time. A file can also be reused by its key (a hash
 * of everything it is made from) without being rendered at all. Anything the manifest cannot
 * vouch for (a missing, edited or replaced file, a corrupt manifest) is written again: a stale
 * manifest costs time, never correctness.
 */
import { createHash } from "node:crypto";
import { existsSync, linkSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve, sep } from "node:path";
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
  writeFile(path: string, content: string | Uint8Array): void;
}

const NODE_FS: OutputFs = { writeFile: (path, content) => writeFileSync(path, content) };

/** What happened to one file: written, or linked unchanged from the last output. */
export type WriteOutcome = "written" | "reused";

/** The staging folder of a build and the manifest it is checked against. */
export class SiteOutput {
  readonly outDir: string;
  readonly stagingDir: string;
  readonly #oldDir: string;
  readonly #manifestPath: string;
  readonly #fs: OutputFs;
  readonly #previous: Record<string, ManifestFile>;
  readonly #files: Record<string, ManifestFile> = {};
  readonly #dirs = new Set<string>();
  written = 0;
  reused = 0;
  bytes = 0;
  /** Paths written (not reused) by this build, in order. */
  readonly writtenPaths: string[] = [];

  constructor(options: { outDir: string; manifestPath: string; fs?: OutputFs; ignoreManifest?: boolean }) {
    this.outDir = resolve(options.outDir);
    const parent = dirname(this.outDir);
    // Beside the output, so that the final rename stays on one file system.
    this.stagingDir = join(parent, `.${basename(this.outDir)}.partial`);
    this.#oldDir = join(parent, `.${basename(this.outDir)}.old`);
    this.#manifestPath = options.manifestPath;
    this.#fs = options.fs ?? NODE_FS;
    try {
      recoverInterruptedSwap(this.outDir, this.#oldDir);
      // What an interrupted build left is discarded: it was never the output.
      rmSync(this.stagingDir, { recursive: true, force: true });
      mkdirSync(this.stagingDir, { recursive: true });
    } catch (error) {
      throw new Error(`could not prepare the output beside ${this.outDir} (${describeError(error)})`, { cause: error });
    }
    this.#previous = options.ignoreManifest ? {} : readManifest(this.#manifestPath, this.outDir);
  }

  /** Links a file whose inputs have not changed (same key) from the last output; false when it must be rendered. */
  reuseByKey(path: string, key: string): boolean {
    const before = this.#previous[path];
    if (!before || before.key !== key || !this.#stillThere(path, before)) return false;
    this.#link(path, before);
    return true;
  }

  /** Writes one file, or links the last output's when its content is the same. */
  write(path: string, content: string | Uint8Array, key?: string): WriteOutcome {
    const target = this.#target(path);
    const hash = createHash("sha1").update(content).digest("hex");
    const before = this.#previous[path];
    if (before && before.hash === hash && this.#stillThere(path, before)) {
      this.#link(path, key === undefined ? before : { ...before, key });
      return "reused";
    }
    this.#mkdir(dirname(target));
    try {
      this.#fs.writeFile(target, content);
    } catch (error) {
      throw new Error(`could not write ${path} (${describeError(error)})`, { cause: error });
    }
    const stat = statSync(target, { bigint: true });
    this.#files[path] = { hash, ...(key === undefined ? {} : { key }), size: Number(stat.size), mtime: String(stat.mtimeNs), ino: String(stat.ino) };
    this.written++;
    this.bytes += Number(stat.size);
    this.writtenPaths.push(path);
    return "written";
  }

  /** Files of the last output under a folder, for a step that may keep them all (the search index). */
  previousUnder(prefix: string): string[] {
    return Object.keys(this.#previous).filter((path) => path.startsWith(prefix));
  }

  /** Links every listed file of the last output, if each is still the one the manifest describes; false (and nothing linked) otherwise. */
  reuseAll(paths: readonly string[]): boolean {
    const entries = paths.map((path) => [path, this.#previous[path]] as const);
    if (entries.length === 0 || entries.some(([path, before]) => !before || !this.#stillThere(path, before))) return false;
    for (const [path, before] of entries) this.#link(path, before!);
    return true;
  }

  /**
   * Records files another program wrote into the staging folder (the search index), so that
   * the next build can keep them; one whose bytes are those of the last output's file is
   * replaced by a link to it, so that it keeps its modification time.
   */
  adopt(paths: readonly string[]): void {
    for (const path of paths) {
      const target = this.#target(path);
      const hash = createHash("sha1").update(readFileSync(target)).digest("hex");
      const before = this.#previous[path];
      if (before && before.hash === hash && this.#stillThere(path, before)) {
        rmSync(target);
        this.#link(path, before);
        continue;
      }
      const stat = statSync(target, { bigint: true });
      this.#files[path] = { hash, size: Number(stat.size), mtime: String(stat.mtimeNs), ino: String(stat.ino) };
      this.written++;
      this.bytes += Number(stat.size);
      this.writtenPaths.push(path);
    }
  }

  /** Puts the staging folder in place of the output and records its manifest. */
  commit(): void {
    const manifest: Manifest = { version: 1, outDir: this.outDir, files: this.#files };
    // The manifest goes first: if the swap does not happen, it describes files that are not there, and is ignored.
    mkdirSync(dirname(this.#manifestPath), { recursive: true });
    writeFileSync(this.#manifestPath, JSON.stringify(manifest));
    rmSync(this.#oldDir, { recursive: true, force: true });
    if (existsSync(this.outDir)) renameSync(this.outDir, this.#oldDir);
    renameSync(this.stagingDir, this.outDir);
    rmSync(this.#oldDir, { recursive: true, force: true });
  }

  /** Discards the staging folder: the output stays as the last build left it. */
  abort(): void {
    rmSync(this.stagingDir, { recursive: true, force: true });
  }

  #target(path: string): string {
    // .nojekyll is the one name not made of ids: it tells GitHub Pages not to run Jekyll.
    if (path !== ".nojekyll" && !isSafeOutputPath(path)) throw new Error(`refusing to write the unsafe path ${JSON.stringify(path)}`);
    const target = resolve(this.stagingDir, path);
    if (!target.startsWith(this.stagingDir + sep)) throw new Error(`${path} would leave the output folder`);
    return target;
  }

  #mkdir(dir: string): void {
    if (this.#dirs.has(dir)) return;
    mkdirSync(dir, { recursive: true });
    this.#dirs.add(dir);
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

  #link(path: string, before: ManifestFile): void {
    const target = this.#target(path);
    this.#mkdir(dirname(target));
    linkSync(join(this.outDir, path), target);
    this.#files[path] = before;
    this.reused++;
  }
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
