import type { Diagnostic } from "../diagnostics.ts";
import { diskSource, memorySource, overlaySource, scopedSource } from "../load/source.ts";
import type { EntryFile } from "../scaffold/entry.ts";
import { validateRepository } from "../validate/index.ts";

/**
 * Validates new entry files with the repository's own validator, in memory: the files laid over
 * what they need from the checkout (schemas/ and the country's folder), so nothing is written
 * anywhere. Paths in the diagnostics are the repository's paths.
 */
export function checkEntryFiles(root: string, files: readonly EntryFile[], now?: Date): Diagnostic[] {
  const owners = [...new Set(files.map((file) => file.path.split("/").slice(0, 2).join("/")))];
  const source = overlaySource(
    scopedSource(diskSource(root), ["schemas", ...owners]),
    memorySource(Object.fromEntries(files.map((file) => [file.path, file.text]))),
  );
  return validateRepository({ source, targets: files.map((file) => file.path), ...(now ? { now } : {}) }).diagnostics;
}
