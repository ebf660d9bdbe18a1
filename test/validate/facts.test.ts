import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, expect, test } from "vitest";
import { generateFiles } from "../../scripts/lib/bench/generate.ts";
import { loadCatalog } from "../../scripts/lib/schema/catalog.ts";
import { diskFactsStore } from "../../scripts/lib/validate/disk-cache.ts";
import { memoryFactsStore } from "../../scripts/lib/validate/facts.ts";
import { validateRepository } from "../../scripts/lib/validate/index.ts";
import { PROJECT_ROOT } from "../support/repo.ts";
import { inMemory, NOW } from "./rule-cases.ts";

const catalog = loadCatalog(PROJECT_ROOT);
const scratch = mkdtempSync(join(tmpdir(), "cop-atlas-facts-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const base = Object.fromEntries([...generateFiles(catalog, { entries: 14, seed: 11, bodyWords: 40 })].map((file) => [file.path, file.text]));
const entries = Object.keys(base)
  .filter((path) => path.endsWith("/activity.json"))
  .map((path) => path.replace(/\/activity\.json$/, ""));
const titleOf = (text: string) => /^title: (.*)$/m.exec(text)?.[1] ?? "";
const urlOf = (text: string) => /"url": "([^"]*)"/.exec(text)?.[1] ?? "";

/** The edits that change what the duplicates rule compares: titles and source links, copied from another entry or new. */
type Edit = { kind: "copy-title" | "copy-link" | "new-title" | "delete"; entry: number; from: number };

test("a --changed run that reads siblings' facts from the index equals one that parses them, whatever is edited (property)", () => {
  const edit = fc.record({
    kind: fc.constantFrom("copy-title" as const, "copy-link" as const, "new-title" as const, "delete" as const),
    entry: fc.nat(entries.length - 1),
    from: fc.nat(entries.length - 1),
  });
  fc.assert(
    fc.property(fc.array(edit, { minLength: 1, maxLength: 8 }), fc.nat(entries.length - 1), (edits: Edit[], checked: number) => {
      const files: Record<string, string> = { ...base };
      const facts = memoryFactsStore();
      const check = (target: string) => {
        const plain = validateRepository({ source: inMemory(files), now: NOW, targets: [target] });
        const indexed = validateRepository({ source: inMemory(files), now: NOW, targets: [target], facts });
        expect(indexed).toEqual(plain);
      };
      // A whole run fills the index, as the one on main does before pull requests read it.
      validateRepository({ source: inMemory(files), now: NOW, facts });
      for (const step of edits) {
        const dir = entries[step.entry] ?? "";
        const from = entries[step.from] ?? "";
        const english = (folder: string) => Object.keys(files).find((path) => path.startsWith(`${folder}/`) && path.endsWith(".md"));
        const narrative = english(dir);
        const source = english(from);
        if (step.kind === "copy-title" && narrative && source) {
          files[narrative] = (files[narrative] ?? "").replace(/^title: .*$/m, `title: ${titleOf(files[source] ?? "")}`);
        } else if (step.kind === "new-title" && narrative) {
          files[narrative] = (files[narrative] ?? "").replace(/^title: .*$/m, `title: A new title ${step.from}`);
        } else if (step.kind === "copy-link" && files[`${dir}/activity.json`] && files[`${from}/activity.json`]) {
          files[`${dir}/activity.json`] = (files[`${dir}/activity.json`] ?? "").replace(
            /"url": "[^"]*"/,
            `"url": "${urlOf(files[`${from}/activity.json`] ?? "")}"`,
          );
        } else if (step.kind === "delete") {
          for (const path of Object.keys(files)) if (path.startsWith(`${dir}/`)) delete files[path];
        }
        // The edited entry is checked, and so is another one that did not change but may now have a twin.
        check(dir);
        check(entries[checked] ?? "");
      }
    }),
    { seed: 20_261_201, numRuns: 20 },
  );
});

test("a sibling whose title changed since it was indexed is compared with its new title", () => {
  const files: Record<string, string> = { ...base };
  const facts = memoryFactsStore();
  validateRepository({ source: inMemory(files), now: NOW, facts });
  // Two entries of one owner with a narrative in the same language: titles are compared per language.
  const pairs = Object.keys(files)
    .filter((path) => path.endsWith(".md"))
    .map((path) => ({ path, owner: path.split("/").slice(0, 2).join("/"), lang: path.slice(-5), dir: path.slice(0, path.lastIndexOf("/")) }));
  const one = pairs.find((a) => pairs.some((b) => b.owner === a.owner && b.lang === a.lang && b.dir !== a.dir));
  const other = pairs.find((b) => b.owner === one?.owner && b.lang === one?.lang && b.dir !== one?.dir);
  if (!one || !other) throw new Error("the generated data has no two entries to compare");
  const first = one.dir;
  files[other.path] = (files[other.path] ?? "").replace(/^title: .*$/m, `title: ${titleOf(files[one.path] ?? "")}`);
  const result = validateRepository({ source: inMemory(files), now: NOW, targets: [first ?? ""], facts });
  expect(result.diagnostics.filter((d) => d.ruleId === "duplicates").map((d) => d.message)).toEqual([
    expect.stringMatching(/^The title is almost the same as that of /),
  ]);
});

test("the disk index keeps each owner's facts for the same tool version only", () => {
  const folder = join(scratch, "facts");
  diskFactsStore(folder, "v1").save("countries/ken", { "duplicates\0countries/ken/activities/a": { digest: "d", value: { links: [] } } });
  expect(diskFactsStore(folder, "v1").load("countries/ken")).toEqual({ "duplicates\0countries/ken/activities/a": { digest: "d", value: { links: [] } } });
  expect(diskFactsStore(folder, "v2").load("countries/ken")).toBeUndefined();
  expect(diskFactsStore(folder, "v1").load("countries/rwa")).toBeUndefined();
});
