import { closeSync, constants, type Dirent, fstatSync, lstatSync, openSync, readdirSync, readFileSync, readSync, realpathSync, type Stats } from "node:fs";
import { join, posix } from "node:path";

/** Files larger than this are not read: no entry needs more, and a huge file could exhaust memory. */
export const MAX_FILE_BYTES = 256 * 1024;

/** A file of the data tree as found on disk. */
export interface SourceFile {
  path: string;
  size: number;
  symlink: boolean;
  /** The UTF-8 text, or undefined for symlinks, binaries and files over the size limit. */
  text?: string;
  binary?: boolean;
  tooLarge?: boolean;
  /** What it is when it is neither a file, a folder nor a link: "a named pipe", "a socket", "a device". Never opened. */
  special?: string;
  /** Why it could not be read ("permission denied"): a problem of the machine, not of the data. */
  unreadable?: string;
}

const realRoots = new Map<string, string>();

/**
 * Folders of one repository already known to be real folders inside it: those a listing walked
 * (it never enters a link) and those a read resolved. One set per source, so per run: a folder
 * that a later run finds replaced by a link is resolved again.
 */
export type RealFolders = Set<string>;

/**
 * Files that a listing of one repository found to be regular files and that have not been read
 * since: the first read of each opens it without an lstat before (see `readListedFile`).
 */
export type ListedFiles = Set<string>;

/**
 * True when the path, with every link in its folders resolved, is still inside the repository:
 * lstat never follows the last component but does follow a linked folder on the way, so a
 * countries/xyz that links out of the repository would otherwise be read through.
 */
function staysInside(root: string, path: string, known?: RealFolders): boolean {
  const folder = posix.dirname(path);
  if (folder === "." || known?.has(folder)) return true;
  let realRoot = realRoots.get(root);
  if (realRoot === undefined) {
    realRoot = realpathSync.native(root);
    realRoots.set(root, realRoot);
  }
  try {
    const real = realpathSync.native(join(root, folder));
    const inside = real === realRoot || real.startsWith(`${realRoot}/`);
    if (inside) known?.add(folder);
    return inside;
  } catch {
    return false;
  }
}

function specialKind(stat: Stats): string {
  if (stat.isFIFO()) return "a named pipe";
  if (stat.isSocket()) return "a socket";
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return "a device";
  return "not a regular file";
}

function readError(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "EIO") return "a disk error";
  if (code === "EISDIR") return "it is a folder";
  return code ? `error ${code}` : "an unknown error";
}

const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/**
 * Reads one file safely: never follows a symlink (in the file's name or its folders), never opens
 * a pipe, socket or device, never reads past the size limit, never decodes binary as text, and
 * turns a read error into `unreadable` instead of throwing.
 */
export function readSourceFile(root: string, path: string, known?: RealFolders, listed?: ListedFiles): SourceFile | undefined {
  let stat: ReturnType<typeof lstatSync>;
  try {
    if (!staysInside(root, path, known)) return undefined;
    if (listed?.delete(path)) {
      const file = readListedFile(root, path);
      if (file) return file;
    }
    stat = lstatSync(join(root, path));
  } catch {
    return undefined;
  }
  if (stat.isSymbolicLink()) return { path, size: stat.size, symlink: true };
  if (stat.isDirectory()) return undefined;
  if (!stat.isFile()) return { path, size: 0, symlink: false, special: specialKind(stat) };
  if (stat.size > MAX_FILE_BYTES) return { path, size: stat.size, symlink: false, tooLarge: true };
  let bytes: Buffer;
  try {
    bytes = readFileSync(join(root, path));
  } catch (error) {
    return { path, size: stat.size, symlink: false, unreadable: readError(error) };
  }
  return decodeSourceFile(path, bytes);
}

/**
 * Reads a file that a listing found to be a regular file, with one system call fewer than an
 * lstat and readFileSync (a tenth of a cold run's work went to reading 52,000 files): opened
 * without following a link or waiting on a pipe, then checked on the open file. Undefined when
 * it is no longer a regular file or cannot be read, for the careful way to look at it again.
 */
function readListedFile(root: string, path: string): SourceFile | undefined {
  let descriptor: number;
  try {
    descriptor = openSync(join(root, path), constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch {
    return undefined;
  }
  try {
    const stat = fstatSync(descriptor);
    if (!stat.isFile()) return undefined;
    if (stat.size > MAX_FILE_BYTES) return { path, size: stat.size, symlink: false, tooLarge: true };
    const bytes = Buffer.allocUnsafe(stat.size);
    let length = 0;
    while (length < bytes.length) {
      const count = readSync(descriptor, bytes, length, bytes.length - length, null);
      if (count === 0) break;
      length += count;
    }
    return decodeSourceFile(path, bytes.subarray(0, length));
  } catch {
    return undefined;
  } finally {
    closeSync(descriptor);
  }
}

/** Turns the bytes of a regular file into a SourceFile: binary, non-UTF-8 and oversized files have no text. */
export function decodeSourceFile(path: string, bytes: Uint8Array): SourceFile {
  const size = bytes.byteLength;
  if (size > MAX_FILE_BYTES) return { path, size, symlink: false, tooLarge: true };
  if (bytes.includes(0)) return { path, size, symlink: false, binary: true };
  try {
    return { path, size, symlink: false, text: decoder.decode(bytes) };
  } catch {
    return { path, size, symlink: false, binary: true };
  }
}

/**
 * Lists every file (and symlink) under a repository folder, sorted, with forward-slash paths;
 * nothing when the folder is, or lies behind, a link out. The folders it walks go into `known`,
 * its regular files into `listed`.
 */
export function listFiles(root: string, folder: string, known?: RealFolders, listed?: ListedFiles): string[] {
  const found: string[] = [];
  try {
    if (!staysInside(root, `${folder}/.`) || lstatSync(join(root, folder)).isSymbolicLink()) return found;
  } catch {
    return found;
  }
  const walk = (relative: string) => {
    let entries: Dirent[];
    try {
      // The kind of each name comes with the listing (never following a link): no lstat per file.
      entries = readdirSync(join(root, relative), { withFileTypes: true });
    } catch {
      return;
    }
    // Reached from a real folder through real folders only (a link is never walked into).
    known?.add(relative);
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const path = `${relative}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else {
        found.push(path);
        if (entry.isFile()) listed?.add(path);
      }
    }
  };
  walk(folder);
  return found;
}

/** True when a path exists, without following symlinks (nor through a folder that `known` does not hold and that leads out). */
export function pathExists(root: string, path: string, known?: RealFolders): boolean {
  try {
    if (!staysInside(root, path, known)) return false;
    lstatSync(join(root, path));
    return true;
  } catch {
    return false;
  }
}
