import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { writeFileAtomically } from "../atomic-write.ts";
import type { CompiledValidatorStore } from "../schema/catalog.ts";
import type { CachedPart, ResultCache } from "./cache.ts";
import type { FactsStore, OwnerFacts } from "./facts.ts";

/** Where `npm run validate` keeps its results, under the repository root (.cache/ is ignored by git and restored by the Actions cache). */
export const CACHE_FOLDER = ".cache/validate";

/**
 * A result cache in a folder: one JSON file per part, written to a temporary name and renamed,
 * so that a run stopped halfway or two runs side by side never leave a torn file. A file that
 * cannot be read or parsed is a miss, never an error.
 */
export function diskCache(folder: string): ResultCache {
  const fileOf = (part: string) => join(folder, `${createHash("sha1").update(part).digest("hex")}.json`);
  return {
    get(part) {
      try {
        const cached = JSON.parse(readFileSync(fileOf(part), "utf8")) as CachedPart & { part?: string };
        return cached.part === part ? cached : undefined;
      } catch {
        return undefined;
      }
    },
    set(part, result) {
      try {
        mkdirSync(folder, { recursive: true });
        writeFileAtomically(fileOf(part), JSON.stringify({ part, ...result }));
      } catch {
        // A cache that cannot be written only makes the next run slower.
      }
    },
  };
}

/**
 * The version of the validator that is running, for the cache: a hash of its own code (the
 * bundle, or every TypeScript file of scripts/lib when it runs from source) and of the locked
 * dependencies, so that a changed rule or library never reuses an old result. A bundle keeps
 * its hash beside it (tool-version.json) with the size, change time and inode of each file it
 * was taken from, so that a run reads a few file attributes instead of hashing megabytes of
 * code; any write to one of those files changes its change time, and the hash is taken again.
 */
export function toolVersion(moduleUrl: string): string {
  const here = dirname(fileURLToPath(moduleUrl));
  const fromSource = moduleUrl.endsWith(".ts");
  const folder = fromSource ? join(here, "..") : here;
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (fromSource ? name.endsWith(".ts") : name.endsWith(".mjs")) files.push(path);
    }
  };
  walk(folder);
  // The lock file of the project, or none (a copied bundle).
  const lock = [join(folder, "../../package-lock.json"), join(folder, "../package-lock.json")].find((candidate) =>
    statSync(candidate, { throwIfNoEntry: false }),
  );
  // Only a bundle keeps its hash: from source the code is hashed every time.
  const memo = fromSource ? undefined : join(folder, "tool-version.json");
  const attributes = memo
    ? JSON.stringify(
        [...files, ...(lock ? [lock] : [])].map((path) => {
          const stat = statSync(path);
          return [relative(folder, path), stat.size, stat.ctimeMs, stat.ino];
        }),
      )
    : undefined;
  if (memo) {
    try {
      const kept = JSON.parse(readFileSync(memo, "utf8")) as { attributes?: string; version?: string };
      if (kept.attributes === attributes && typeof kept.version === "string") return kept.version;
    } catch {
      // None yet, or unreadable: hash the code.
    }
  }
  const hash = createHash("sha256");
  for (const path of files) hash.update(`${relative(folder, path)}\0`).update(readFileSync(path));
  if (lock) hash.update(readFileSync(lock));
  const version = hash.digest("hex").slice(0, 16);
  if (memo) {
    try {
      writeFileAtomically(memo, JSON.stringify({ attributes, version }));
    } catch {
      // Only the next start is slower.
    }
  }
  return version;
}

/** Compiled validators kept as files in a folder of the tool (build/validators), one per catalog fingerprint. */
export function diskValidatorStore(folder: string): CompiledValidatorStore {
  const fileOf = (fingerprint: string) => join(folder, `${fingerprint.replace(/[^A-Za-z0-9-]/g, "_")}.cjs`);
  return {
    load(fingerprint) {
      try {
        return readFileSync(fileOf(fingerprint), "utf8");
      } catch {
        return undefined;
      }
    },
    save(fingerprint, code) {
      try {
        mkdirSync(folder, { recursive: true });
        writeFileAtomically(fileOf(fingerprint), code);
      } catch {
        // Only the next start is slower.
      }
    },
  };
}

/** The tool's own folder for compiled validators: build/validators in the project, wherever the data is. */
export function validatorFolder(moduleUrl: string): string {
  const here = dirname(fileURLToPath(moduleUrl));
  return moduleUrl.endsWith(".ts") ? join(here, "../../build/validators") : join(here, "../validators");
}

/**
 * The facts index in a folder: one JSON file per owner, tagged with the tool version (facts
 * computed by other code are not reused), written aside and renamed like the result cache.
 */
export function diskFactsStore(folder: string, version: string): FactsStore {
  const fileOf = (owner: string) => join(folder, `${createHash("sha1").update(owner).digest("hex")}.json`);
  return {
    folder,
    load(owner) {
      try {
        const stored = JSON.parse(readFileSync(fileOf(owner), "utf8")) as { owner?: string; version?: string; facts?: OwnerFacts };
        return stored.owner === owner && stored.version === version ? stored.facts : undefined;
      } catch {
        return undefined;
      }
    },
    save(owner, facts) {
      try {
        mkdirSync(folder, { recursive: true });
        writeFileAtomically(fileOf(owner), JSON.stringify({ owner, version, facts }));
      } catch {
        // An index that cannot be written only makes the next run slower.
      }
    },
  };
}
