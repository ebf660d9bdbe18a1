import { randomUUID } from "node:crypto";
import { renameSync, rmSync, writeFileSync } from "node:fs";

/** The file-system calls an atomic write makes (tests put a failing disk in their place). */
export interface AtomicWriteFs {
  writeFileSync(path: string, text: string): void;
  renameSync(from: string, to: string): void;
  rmSync(path: string, options: { force: boolean }): void;
}

const NODE_FS: AtomicWriteFs = { writeFileSync, renameSync, rmSync };

/**
 * Writes a file whole or not at all: the text goes to a temporary file beside it, which is then
 * renamed over it (one step on the same file system). A run that is killed or fails halfway
 * leaves the old file as it was, never half of the new one; on an error the temporary file is
 * removed and the error thrown (a killed run may leave one behind, which nothing reads).
 */
export function writeFileAtomically(path: string, text: string, fs: AtomicWriteFs = NODE_FS): void {
  const temporary = `${path}.${process.pid}.${randomUUID()}.tmp`;
  try {
    fs.writeFileSync(temporary, text);
    fs.renameSync(temporary, path);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}
