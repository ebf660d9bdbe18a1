/**
 * The publishing code is layered so that no folder imports back up: the data model at the
 * bottom, then what every presentation shares, then the open data and the annual report,
 * then the site, which may use them all. A cycle between these folders is what made a change
 * to one of them a change to all three.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, test } from "vitest";

const LIB = resolve(import.meta.dirname, "../scripts/lib");

/** Each layer may import from the layers before it, never from its own rank or after. */
const LAYERS: string[][] = [["model"], ["present"], ["open-data", "report-annual"], ["site"]];
const rankOf = new Map(LAYERS.flatMap((folders, rank) => folders.map((folder) => [folder, rank] as const)));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith(".ts") ? [path] : [];
  });
}

/** The folder of scripts/lib a file belongs to ("site" for scripts/lib/site/pages/entry.ts). */
function folderOf(path: string): string | undefined {
  const [first, ...rest] = relative(LIB, path).split(/[\\/]/);
  return rest.length > 0 ? first : undefined;
}

/** Every relative import of a file, resolved to an absolute path. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/(?:from|import)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g)].map((m) => resolve(dirname(file), m[1]!));
}

describe("the layers of the publishing code", () => {
  const files = sources(LIB);

  test("the layered folders exist (the test would pass vacuously otherwise)", () => {
    for (const folder of rankOf.keys())
      expect(
        files.some((file) => folderOf(file) === folder),
        folder,
      ).toBe(true);
  });

  test("no folder imports from its own layer or a layer above it", () => {
    const problems: string[] = [];
    for (const file of files) {
      const from = folderOf(file);
      const fromRank = from === undefined ? undefined : rankOf.get(from);
      for (const target of importsOf(file)) {
        const to = folderOf(target);
        if (to === undefined || to === from) continue;
        const toRank = rankOf.get(to);
        if (toRank === undefined) continue;
        // Outside the layers (validate, rules, bot ...), nothing may reach into the publishing code.
        if (fromRank === undefined || toRank >= fromRank) problems.push(`${relative(LIB, file)} imports ${relative(LIB, target)}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
