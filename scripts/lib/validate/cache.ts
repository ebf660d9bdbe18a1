import { createHash } from "node:crypto";
import type { Diagnostic } from "../diagnostics.ts";
import type { FileSource } from "../load/source.ts";
import { fileId } from "./facts.ts";

/**
 * One thing a part's run asked its source, with the answer it got: a file's content (as a
 * digest), a folder's listing (as a digest) or whether a path exists. A cached result is
 * reused only when every recorded question gets the same answer again, so whatever a rule
 * looked at, in the part or beyond it (a related entry in another country, a sibling's title),
 * is covered without a list of dependencies to keep up to date.
 */
export type Access = ["read", string, string] | ["list", string, string] | ["exists", string, boolean];

/** The result of one part, as the cache keeps it. */
export interface CachedPart {
  /** Tool version, schemas and vocabularies, day and rules: a result from another context is never reused. */
  context: string;
  accesses: Access[];
  diagnostics: Diagnostic[];
  files: number;
  entries: number;
}

/** Where part results are kept between runs: `.cache/validate/` on disk, or memory in tests. */
export interface ResultCache {
  get(part: string): CachedPart | undefined;
  set(part: string, result: CachedPart): void;
}

/** A cache in memory (tests, long-lived processes). */
export function memoryCache(): ResultCache {
  const parts = new Map<string, string>();
  return {
    // Stored as JSON, like the disk cache, so a caller cannot change a cached result by accident.
    get: (part) => {
      const text = parts.get(part);
      return text === undefined ? undefined : (JSON.parse(text) as CachedPart);
    },
    set: (part, result) => {
      parts.set(part, JSON.stringify(result));
    },
  };
}

/** Wraps a source so that every question asked of it is recorded with its answer. */
export function recordingSource(source: FileSource): { source: FileSource; accesses: Access[] } {
  const accesses: Access[] = [];
  return {
    accesses,
    source: {
      read(path) {
        const file = source.read(path);
        accesses.push(["read", path, fileId(file)]);
        return file;
      },
      list(folder) {
        const paths = source.list(folder);
        accesses.push(["list", folder, digestText(paths.join("\0"))]);
        return paths;
      },
      exists(path) {
        const found = source.exists(path);
        accesses.push(["exists", path, found]);
        return found;
      },
    },
  };
}

/** True when the source still answers every recorded question the same way. */
export function stillValid(source: FileSource, accesses: readonly Access[]): boolean {
  for (const [kind, path, answer] of accesses) {
    if (kind === "read" && fileId(source.read(path)) !== answer) return false;
    if (kind === "list" && digestText(source.list(path).join("\0")) !== answer) return false;
    if (kind === "exists" && source.exists(path) !== answer) return false;
  }
  return true;
}

function digestText(text: string): string {
  return createHash("sha1").update(text).digest("base64url");
}
