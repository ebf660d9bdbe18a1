import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

/** One file of a built site: a hash of its bytes and its modification time. */
export interface FileState {
  hash: string;
  mtime: bigint;
}

/** Every file under a folder by path relative to it (forward slashes), with its content hash and modification time. */
export function snapshot(dir: string): Map<string, FileState> {
  const files = new Map<string, FileState>();
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else
        files.set(relative(dir, path).split("\\").join("/"), {
          hash: createHash("sha1").update(readFileSync(path)).digest("hex"),
          mtime: statSync(path, { bigint: true }).mtimeNs,
        });
    }
  };
  walk(dir);
  return files;
}

/** Paths whose content differs between two snapshots, including files only in one of them. */
export function contentChanges(before: Map<string, FileState>, after: Map<string, FileState>): string[] {
  const paths = new Set([...before.keys(), ...after.keys()]);
  return [...paths].filter((path) => before.get(path)?.hash !== after.get(path)?.hash).sort();
}

/** Paths present in both snapshots whose modification time changed (files rewritten). */
export function rewritten(before: Map<string, FileState>, after: Map<string, FileState>): string[] {
  return [...after.keys()].filter((path) => before.has(path) && before.get(path)!.mtime !== after.get(path)!.mtime).sort();
}

/** The differences between two trees, as a list a failing test can show: missing, extra and different files. */
export function treeDifferences(expected: Map<string, FileState>, actual: Map<string, FileState>): string[] {
  const problems: string[] = [];
  for (const [path, state] of expected) {
    const other = actual.get(path);
    if (!other) problems.push(`missing ${path}`);
    else if (other.hash !== state.hash) problems.push(`different ${path}`);
  }
  for (const path of actual.keys()) if (!expected.has(path)) problems.push(`extra ${path}`);
  return problems.sort();
}
