import { lstatSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

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
}

const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** Reads one file safely: never follows a symlink, never reads past the size limit, never decodes binary as text. */
export function readSourceFile(root: string, path: string): SourceFile | undefined {
  let stat: ReturnType<typeof lstatSync>;
  try {
    stat = lstatSync(join(root, path));
  } catch {
    return undefined;
  }
  if (stat.isSymbolicLink()) return { path, size: stat.size, symlink: true };
  if (!stat.isFile()) return undefined;
  if (stat.size > MAX_FILE_BYTES) return { path, size: stat.size, symlink: false, tooLarge: true };
  return decodeSourceFile(path, readFileSync(join(root, path)));
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

/** Lists every file (and symlink) under a repository folder, sorted, with forward-slash paths. */
export function listFiles(root: string, folder: string): string[] {
  const found: string[] = [];
  const walk = (relative: string) => {
    let names: string[];
    try {
      names = readdirSync(join(root, relative));
    } catch {
      return;
    }
    for (const name of names.sort()) {
      const path = `${relative}/${name}`;
      const stat = lstatSync(join(root, path));
      if (stat.isDirectory()) walk(path);
      else found.push(path);
    }
  };
  walk(folder);
  return found;
}

/** True when a path exists, without following symlinks. */
export function pathExists(root: string, path: string): boolean {
  try {
    lstatSync(join(root, path));
    return true;
  } catch {
    return false;
  }
}
