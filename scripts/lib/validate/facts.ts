import { createHash } from "node:crypto";
import type { SourceFile } from "../load/source.ts";

/**
 * One owner's index of cross-file facts: for each entry and kind of fact (a sibling's titles
 * and source links ...), the fact and the digest of the entry's files it was computed from.
 */
export type OwnerFacts = Record<string, { digest: string; value: unknown }>;

/**
 * Where the facts that cross-file rules need about unchanged entries are kept between runs
 * (`.cache/validate/facts/` on disk), so that `--changed` reads a sibling's files instead of
 * parsing them. A fact is content-addressed: it is reused only for files with the same digest.
 */
export interface FactsStore {
  load(owner: string): OwnerFacts | undefined;
  save(owner: string, facts: OwnerFacts): void;
  /** The folder of a disk store, for worker threads that open their own. */
  readonly folder?: string;
}

/** A facts store in memory (tests). */
export function memoryFactsStore(): FactsStore {
  const owners = new Map<string, string>();
  return {
    load: (owner) => {
      const text = owners.get(owner);
      return text === undefined ? undefined : (JSON.parse(text) as OwnerFacts);
    },
    save: (owner, facts) => {
      owners.set(owner, JSON.stringify(facts));
    },
  };
}

/** The digest of an entry's files (paths and contents), that a fact about the entry is keyed by. */
export function entryDigest(files: ReadonlyArray<{ path: string; file: SourceFile | undefined }>): string {
  const hash = createHash("sha1");
  for (const { path, file } of files) {
    hash.update(`${path}\0`);
    if (!file) hash.update("missing\0");
    else if (file.text !== undefined) hash.update(`text\0${file.text}\0`);
    else hash.update(`${file.symlink ? "symlink" : file.binary ? "binary" : "large"}:${file.size}\0`);
  }
  return hash.digest("base64url");
}
