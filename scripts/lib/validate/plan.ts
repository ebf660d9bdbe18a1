import { DATA_ROOTS } from "../load/paths.ts";
import type { FileSource } from "../load/source.ts";

/**
 * A part of a whole-repository run that can be checked on its own: one owner's folder (its
 * profile and entries), or the loose files directly under countries/ and organizations/.
 * Every rule except the repository-wide ones sees no further than an owner, so owners are
 * the unit of memory (a part's parses are dropped when it is done), of the worker pool, of
 * the cache and of `--shard`.
 */
export interface Part {
  /** "countries/ken", "organizations/eu", or "loose" for files outside any owner folder. */
  id: string;
  /** What to check: the owner's folder, or the loose files. */
  targets: string[];
  /** How many files it holds, to balance shards and workers. */
  files: number;
}

/** Which shard of how many: `--shard 2/4` is { index: 2, count: 4 }, 1-based like the flag. */
export interface Shard {
  index: number;
  count: number;
}

/** Cuts the data tree of a source into parts, sorted by id. */
export function planParts(source: FileSource): Part[] {
  const owners = new Map<string, number>();
  const loose: string[] = [];
  for (const top of DATA_ROOTS) {
    for (const path of source.list(top)) {
      // What classifyPath says, without classifying every file of the tree: a path below an owner's
      // folder ("countries/ken/...") belongs to that owner, anything else directly under top is loose.
      const ownerEnd = path.indexOf("/", top.length + 1);
      if (ownerEnd > top.length + 1) {
        const dir = path.slice(0, ownerEnd);
        owners.set(dir, (owners.get(dir) ?? 0) + 1);
      } else loose.push(path);
    }
  }
  const parts: Part[] = [...owners].map(([dir, files]) => ({ id: dir, targets: [dir], files }));
  if (loose.length > 0) parts.push({ id: "loose", targets: loose, files: loose.length });
  return parts.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * The parts of one shard. Largest parts first, each to the shard with the fewest files so far:
 * deterministic for a given tree, balanced by size, and every part in exactly one shard.
 */
export function partsOfShard(parts: readonly Part[], shard: Shard): Part[] {
  const loads = Array.from({ length: shard.count }, () => 0);
  const mine: Part[] = [];
  const bySize = [...parts].sort((a, b) => b.files - a.files || (a.id < b.id ? -1 : 1));
  for (const part of bySize) {
    let lightest = 0;
    for (let index = 1; index < loads.length; index++) if ((loads[index] ?? 0) < (loads[lightest] ?? 0)) lightest = index;
    loads[lightest] = (loads[lightest] ?? 0) + part.files;
    if (lightest === shard.index - 1) mine.push(part);
  }
  return mine.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Reads "2/4" into a shard; throws a sentence for anything else. */
export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) throw new Error(`--shard "${text}" is not i/n with 1 ≤ i ≤ n, such as 1/4`);
  return { index, count };
}
