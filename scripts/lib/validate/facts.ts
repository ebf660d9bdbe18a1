import { createHash } from "node:crypto";
import type { SourceFile } from "../load/source.ts";
import { perObject } from "../memo.ts";

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

/**
 * The digest of an entry's files (paths and contents), that a fact about the entry is keyed by.
 * Each file counts by git's object id for its content (see `gitBlobId`), so that a run that may
 * take the checkout for its commit gets the same digest from git's own ids, without reading the
 * files (`FileSource.fingerprints`). A file git would store differently (line-ending filters, a
 * byte-order mark) only misses the index: the fact is computed again.
 */
export function entryDigest(files: ReadonlyArray<{ path: string; file: SourceFile | undefined }>): string {
  return digestOf(files.map(({ path, file }) => ({ path, id: fileId(file) })));
}

/** The same digest from each file's id, as `entryDigest` makes it (a git object id, or the kind and size of a file without text). */
export function digestOf(files: ReadonlyArray<{ path: string; id: string }>): string {
  const hash = createHash("sha1");
  for (const { path, id } of files) hash.update(`${path}\0${id}\0`);
  return hash.digest("base64url");
}

/**
 * What a read returned, in a few bytes: the git object id of its text (see `gitBlobId`), what kind
 * of file without text it was, or "missing". The facts index keys an entry's facts by it and the
 * result cache records each read by it, so each read is hashed once: hashing every file twice was
 * about a twentieth of a cold run's work.
 */
export function fileId(file: SourceFile | undefined): string {
  return file ? idOfRead(file) : "missing";
}

const idOfRead = perObject((file: SourceFile): string => {
  if (file.text !== undefined) return gitBlobId(file.text);
  const kind = file.symlink ? "symlink" : file.binary ? "binary" : file.special ? "special" : file.unreadable ? "unreadable" : "large";
  return `${kind}:${file.size}`;
});

/** The object id git gives a file of this UTF-8 text (what `git hash-object` prints in a SHA-1 repository). */
export function gitBlobId(text: string): string {
  return createHash("sha1")
    .update(`blob ${Buffer.byteLength(text, "utf8")}\0`)
    .update(text, "utf8")
    .digest("hex");
}
