import { expect, test } from "vitest";
import { generateFiles } from "../../scripts/lib/bench/generate.ts";
import { diskSource, memorySource, overlaySource, scopedSource } from "../../scripts/lib/load/source.ts";
import { loadCatalog } from "../../scripts/lib/schema/catalog.ts";
import { validateRepository } from "../../scripts/lib/validate/index.ts";
import { PROJECT_ROOT } from "../support/repo.ts";

const catalog = loadCatalog(PROJECT_ROOT);
const NOW = new Date("2026-11-28T12:00:00Z");

function generated(entries: number, seed = 1) {
  return [...generateFiles(catalog, { entries, seed, bodyWords: 120 })];
}

test("a generated repository has the size asked for and passes every check", () => {
  const files = generated(240);
  expect(files.filter((file) => file.path.endsWith("/activity.json"))).toHaveLength(240);
  const languages = new Set(files.filter((file) => file.path.endsWith(".md")).map((file) => file.path.split("/").at(-1)));
  expect([...languages].sort()).toEqual(["ar.md", "en.md", "es.md", "fr.md", "ru.md", "zh.md"]);
  expect(files.some((file) => file.path.startsWith("organizations/"))).toBe(true);
  expect(files.some((file) => file.text.includes("translation:"))).toBe(true);
  const source = overlaySource(
    scopedSource(diskSource(PROJECT_ROOT), ["schemas"]),
    memorySource(Object.fromEntries(files.map((file) => [file.path, file.text]))),
  );
  expect(validateRepository({ source, catalog, now: NOW }).diagnostics).toEqual([]);
});

test("the same seed gives the same files; another seed gives others", () => {
  expect(generated(30, 7)).toEqual(generated(30, 7));
  expect(generated(30, 8)).not.toEqual(generated(30, 7));
});
