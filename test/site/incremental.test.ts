import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { resolveSiteConfig } from "../../scripts/lib/model/config.ts";
import { buildSite, defaultManifestPath, VALIDATION_CACHE } from "../../scripts/lib/site/build.ts";
import { searchablePage, searchPartFolder } from "../../scripts/lib/site/search-index.ts";
import { UN_LANGUAGES } from "../../scripts/lib/vocab.ts";
import type { TempRepo } from "../support/repo.ts";
import { makeSyntheticRepo, ownerDir, SPECS } from "./support/dataset.ts";
import { contentChanges, rewritten, snapshot, treeDifferences } from "./support/tree.ts";

// Incremental builds on the small synthetic dataset, without git history: what a change rewrites, and that it is always the cold build's result.
const config = { ...resolveSiteConfig({ COP_ATLAS_REPOSITORY_URL: "https://github.com/example/cop-atlas" }, new Date("2025-12-31T00:00:00Z")), pageSize: 2 };
const history = { available: false, shallow: false, changes: [] };
const LANGS = ["ar", "zh", "en", "fr", "ru", "es"] as const;
const ENTRY_PAGE = /^[a-z]{2}\/(countries|organizations)\/[^/]+\/activities\/([^/]+)\/index\.html$/;

let scratch: string;
const repos: TempRepo[] = [];
const build = (repo: TempRepo, outDir: string, full = false) => buildSite({ root: repo.root, outDir, config, history, search: false, full });
const freshRepo = () => {
  const repo = makeSyntheticRepo(false);
  repos.push(repo);
  return repo;
};

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), "cop-atlas-incremental-"));
});

afterAll(() => {
  for (const repo of repos) repo.cleanup();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe("an incremental build", () => {
  test("with nothing changed writes nothing and keeps every file as it was", async () => {
    const repo = freshRepo();
    const out = join(scratch, "unchanged");
    const first = await build(repo, out);
    const before = snapshot(out);
    const second = await build(repo, out);
    expect(second.written).toBe(0);
    expect(second.reused).toBe(first.files);
    expect(rewritten(before, snapshot(out))).toEqual([]);
  });

  test("after one entry's summary changed, rewrites exactly the files whose content changed: its pages, its owner's, the lists and open data it is in", async () => {
    const repo = freshRepo();
    const out = join(scratch, "one-change");
    await build(repo, out);
    const before = snapshot(out);
    const file = "countries/ken/activities/helpline-2018/en.md";
    const text = readFileSync(join(repo.root, file), "utf8");
    repo.write(file, text.replace(/^summary: "(.*)"$/m, 'summary: "$1 Now also by text message."'));
    const result = await build(repo, out);
    const after = snapshot(out);

    // The same site as a cold build of the changed data.
    const cold = join(scratch, "one-change-cold");
    await build(repo, cold, true);
    expect(treeDifferences(snapshot(cold), after)).toEqual([]);

    // Rewritten (new modification time) is exactly changed (new content), and nothing was added or removed.
    const changed = contentChanges(before, after);
    expect(rewritten(before, after)).toEqual(changed);
    expect(result.written).toBe(changed.length);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());

    // Its six pages changed; no other entry's page did; no other owner's page did.
    for (const lang of LANGS) expect(changed).toContain(`${lang}/countries/ken/activities/helpline-2018/index.html`);
    const otherEntries = changed.filter((path) => ENTRY_PAGE.exec(path) && ENTRY_PAGE.exec(path)![2] !== "helpline-2018");
    expect(otherEntries).toEqual([]);
    const otherOwners = changed.filter((path) => /^[a-z]{2}\/(countries|organizations)\//.test(path) && !path.includes("/countries/ken/"));
    expect(otherOwners).toEqual([]);
    // Everything else that changed is a list, a feed or open data that shows the summary.
    const elsewhere = changed.filter((path) => !path.includes("/countries/ken/"));
    for (const path of elsewhere) expect(path).toMatch(/^([a-z]{2}\/(index\.html|browse\/|youth\/)|api\/v1\/|browse-index\/)/);
    expect(changed.length).toBeLessThan(before.size / 4);
  });

  test("after one narrative's body changed, makes again its entry's pages and API files only: every list, feed and file about the whole data is kept by its key", async () => {
    const repo = freshRepo();
    const out = join(scratch, "one-body");
    await build(repo, out);
    const manifestPath = defaultManifestPath(repo.root, out);
    const keysOf = () => (JSON.parse(readFileSync(manifestPath, "utf8")) as { files: Record<string, { key?: string }> }).files;
    const before = keysOf();
    // The original's body: its version changes too, and with it whether each translation is out of date.
    appendFileSync(join(repo.root, "countries/ken/activities/helpline-2018/en.md"), "\nA sentence added to the body.\n");
    await build(repo, out);
    const after = keysOf();

    const cold = join(scratch, "one-body-cold");
    await build(repo, cold, true);
    expect(treeDifferences(snapshot(cold), snapshot(out))).toEqual([]);

    // Kept by its key: the key is there, and it is the last build's.
    const keptByKey = (path: string) => after[path]?.key !== undefined && after[path]?.key === before[path]?.key;
    const aboutTheWhole = Object.keys(after).filter((path) =>
      /^([a-z]{2}\/(index\.html|browse\/|youth\/|compare\/|reports\/|directory\/|countries\/ken\/index\.html)|api\/v1\/(activities\.csv|feeds\/)|browse-index\/)/.test(
        path,
      ),
    );
    expect(aboutTheWhole.length).toBeGreaterThan(50);
    expect(aboutTheWhole.filter((path) => !keptByKey(path))).toEqual([]);
    // Its own pages show the body: made again under a new key.
    for (const lang of LANGS) expect(keptByKey(`${lang}/countries/ken/activities/helpline-2018/index.html`)).toBe(false);
  });

  test("a new template, vocabulary or catalog rebuilds what it feeds: a changed topic label reaches every page that shows it", async () => {
    const repo = freshRepo();
    const out = join(scratch, "vocabulary");
    await build(repo, out);
    const before = snapshot(out);
    const vocabulary = join(repo.root, "schemas/vocab/topics.json");
    const document = JSON.parse(readFileSync(vocabulary, "utf8")) as { oneOf: Array<{ const: string; labels: Record<string, string> }> };
    const grooming = document.oneOf.find((term) => term.const === "grooming")!;
    grooming.labels.en = "Grooming (sexual solicitation)";
    writeFileSync(vocabulary, JSON.stringify(document, null, 2));
    await build(repo, out);
    const after = snapshot(out);
    const cold = join(scratch, "vocabulary-cold");
    await build(repo, cold, true);
    expect(treeDifferences(snapshot(cold), after)).toEqual([]);
    const changed = contentChanges(before, after);
    // Both entries about grooming show the label on their English page.
    expect(changed).toContain("en/countries/ken/activities/safer-chat-2021/index.html");
    expect(changed).toContain("en/countries/fra/activities/school-workshops-2019/index.html");
    expect(rewritten(before, after)).toEqual(changed.filter((path) => before.has(path)));
  });

  test("the search index is kept while no page changed, and made again (as a cold build makes it) when one did", async () => {
    const repo = freshRepo();
    const out = join(scratch, "search");
    const withSearch = (outDir: string, full = false) => buildSite({ root: repo.root, outDir, config, history, search: true, full });
    expect((await withSearch(out)).searchLanguages).toEqual(["ar", "zh", "en", "fr", "ru", "es"]);
    const before = snapshot(out);
    const again = await withSearch(out);
    expect(again.searchLanguages).toEqual([]);
    expect(rewritten(before, snapshot(out))).toEqual([]);
    const file = "countries/ken/activities/helpline-2018/en.md";
    repo.write(file, `${readFileSync(join(repo.root, file), "utf8")}\nCallers can now also reach it by text message.\n`);
    const changed = await withSearch(out);
    expect(changed.searchLanguages.length).toBeGreaterThan(0);
    const after = snapshot(out);
    const cold = join(scratch, "search-cold");
    await withSearch(cold, true);
    expect(treeDifferences(snapshot(cold), after)).toEqual([]);
    // Pagefind's files that came out the same keep their time; only the changed ones are rewritten.
    const search = (paths: string[]) => paths.filter((path) => path.startsWith("pagefind/"));
    const inBoth = (path: string) => before.has(path) && after.has(path);
    expect(search(rewritten(before, after))).toEqual(search(contentChanges(before, after)).filter(inBoth));
    // Only the languages whose searchable pages changed are indexed again; the others keep their index files untouched.
    const touched = [...new Set(contentChanges(before, after).flatMap((path) => searchablePage(path)?.lang ?? []))];
    expect(changed.searchLanguages.sort()).toEqual(touched.sort());
    expect(touched.length).toBeLessThan(6);
    const untouched = search([...before.keys()]).filter((path) => !touched.includes(path.split("/")[1] ?? ""));
    expect(untouched.length).toBeGreaterThan(0);
    expect(untouched.filter((path) => after.get(path)?.mtime !== before.get(path)?.mtime)).toEqual([]);
  });

  test("an index in parts is made again only in the parts whose pages changed, as a cold build makes it", async () => {
    const repo = freshRepo();
    const out = join(scratch, "search-parts");
    // 195 countries' profiles and the entries, in parts of at most 150 pages: two parts per language.
    const parted = { ...config, searchPartPages: 150 };
    const withSearch = (outDir: string, full = false) => buildSite({ root: repo.root, outDir, config: parted, history, search: true, full });
    const first = await withSearch(out);
    expect(first.searchParts).toEqual(UN_LANGUAGES.flatMap((lang) => [`pagefind/${lang}/1-of-2`, `pagefind/${lang}/2-of-2`]));
    const before = snapshot(out);
    const file = "countries/ken/activities/helpline-2018/en.md";
    repo.write(file, `${readFileSync(join(repo.root, file), "utf8")}\nCallers can now also reach it by text message.\n`);
    const changed = await withSearch(out);
    const after = snapshot(out);
    // Only Kenya's part, in each language whose searchable pages the edit changed.
    const touched = [...new Set(contentChanges(before, after).flatMap((path) => searchablePage(path)?.lang ?? []))];
    expect(touched.length).toBeGreaterThan(0);
    expect(changed.searchParts.sort()).toEqual(touched.map((lang) => searchPartFolder(lang, "countries/ken", 2)).sort());
    const cold = join(scratch, "search-parts-cold");
    await withSearch(cold, true);
    expect(treeDifferences(snapshot(cold), after)).toEqual([]);
    const kept = [...before.keys()].filter((path) => path.startsWith("pagefind/") && !changed.searchParts.some((folder) => path.startsWith(`${folder}/`)));
    expect(kept.filter((path) => path.includes("/1-of-2/")).length).toBeGreaterThan(0);
    expect(kept.filter((path) => after.get(path)?.mtime !== before.get(path)?.mtime)).toEqual([]);
  });

  test("random edits, and damage to the output or the manifest, never leave a site that differs from a cold build", async () => {
    const edit = fc.oneof(
      fc.record({ kind: fc.constant("summary" as const), at: fc.nat(), n: fc.nat(999) }),
      fc.record({ kind: fc.constant("body" as const), at: fc.nat(), n: fc.nat(999) }),
      fc.record({ kind: fc.constant("status" as const), at: fc.nat() }),
      fc.record({ kind: fc.constant("label" as const), at: fc.nat(), n: fc.nat(999) }),
      fc.record({ kind: fc.constant("delete" as const), at: fc.nat() }),
      fc.record({ kind: fc.constant("tamper" as const), at: fc.nat() }),
      fc.record({ kind: fc.constant("manifest" as const) }),
    );
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 3 }), async (edits) => {
        const repo = freshRepo();
        const out = join(scratch, `random-${++run}`);
        await build(repo, out);
        let entries = SPECS.map((spec) => `${ownerDir(spec.owner)}/activities/${spec.slug}`);
        for (const step of edits) {
          const entry = entries[("at" in step ? step.at : 0) % entries.length]!;
          const narrative = readdirSync(join(repo.root, entry)).find(
            (name) => name.endsWith(".md") && !readFileSync(join(repo.root, entry, name), "utf8").includes("translation:"),
          )!;
          const narrativePath = `${entry}/${narrative}`;
          const text = () => readFileSync(join(repo.root, narrativePath), "utf8");
          if (step.kind === "summary") repo.write(narrativePath, text().replace(/^summary: "(.*)"$/m, `summary: "$1 Revised ${step.n}."`));
          if (step.kind === "body") repo.write(narrativePath, `${text()}\nA further paragraph, revision ${step.n}.\n`);
          if (step.kind === "status") {
            const facts = readFileSync(join(repo.root, entry, "activity.json"), "utf8");
            repo.write(
              `${entry}/activity.json`,
              facts.includes('"status": "active"')
                ? facts.replace('"status": "active"', '"status": "completed"')
                : facts.replace(/"status": "[a-z-]+"/, '"status": "active"'),
            );
          }
          if (step.kind === "label") {
            const vocabulary = join(repo.root, "schemas/vocab/audiences.json");
            const document = JSON.parse(readFileSync(vocabulary, "utf8")) as { oneOf: Array<{ labels: Record<string, string> }> };
            const term = document.oneOf[step.at % document.oneOf.length]!;
            term.labels.fr = `${term.labels.fr} ${step.n}`;
            writeFileSync(vocabulary, JSON.stringify(document, null, 2));
          }
          if (step.kind === "delete" && entries.length > 1) {
            repo.remove(entry);
            entries = entries.filter((other) => other !== entry);
          }
          if (step.kind === "tamper") {
            // Someone edits a built file by hand: the next build must not trust it.
            const files = [...snapshot(out).keys()].sort();
            appendFileSync(join(out, files[step.at % files.length]!), "tampered");
          }
          if (step.kind === "manifest") writeFileSync(defaultManifestPath(repo.root, out), "{ not json");
          const result = await build(repo, out);
          expect(result.ok).toBe(true);
        }
        const cold = join(scratch, `random-${run}-cold`);
        await build(repo, cold, true);
        expect(treeDifferences(snapshot(cold), snapshot(out))).toEqual([]);
        rmSync(out, { recursive: true, force: true });
        rmSync(cold, { recursive: true, force: true });
      }),
      { seed: 20261201, numRuns: 3, endOnFailure: true },
    );
  });
});

describe("the build's validation cache", () => {
  const editJson = (repo: TempRepo, path: string, change: (document: Record<string, unknown>) => void) => {
    const document = JSON.parse(readFileSync(join(repo.root, path), "utf8")) as Record<string, unknown>;
    change(document);
    repo.write(path, `${JSON.stringify(document, null, 2)}\n`);
  };
  const cases: Array<{ name: string; edit: (repo: TempRepo) => void }> = [
    {
      name: "a vocabulary loses a term two entries use",
      edit: (repo) =>
        editJson(repo, "schemas/vocab/topics.json", (document) => {
          document.oneOf = (document.oneOf as Array<{ const: string }>).filter((term) => term.const !== "grooming");
        }),
    },
    {
      name: "the schema makes a field required that no entry has",
      edit: (repo) =>
        editJson(repo, "schemas/activity.schema.json", (document) => {
          document.required = [...(document.required as string[]), "end"];
        }),
    },
    {
      name: "a translation loses its title",
      edit: (repo) => {
        const file = "countries/ken/activities/safer-chat-2021/ar.md";
        repo.write(file, readFileSync(join(repo.root, file), "utf8").replace(/^title: .*\n/m, ""));
      },
    },
    {
      name: "an entry gets a status no vocabulary has",
      edit: (repo) => {
        const file = "countries/ken/activities/helpline-2018/activity.json";
        repo.write(file, readFileSync(join(repo.root, file), "utf8").replace(/"status": "[a-z-]+"/, '"status": "paused-forever"'));
      },
    },
  ];

  test.for(cases)("$name: the next build stops on the errors a build without cache finds", async ({ edit }) => {
    const repo = freshRepo();
    const out = join(scratch, `cache-${cases.findIndex((c) => c.edit === edit)}`);
    expect((await build(repo, out)).ok).toBe(true);
    edit(repo);
    const cached = await build(repo, out);
    const uncached = await build(repo, out, true);
    expect(uncached.ok).toBe(false);
    expect(cached.ok).toBe(false);
    expect(cached.diagnostics).toEqual(uncached.diagnostics);
  });

  test("results are reused only by the version of the code that made them", async () => {
    const repo = freshRepo();
    const out = join(scratch, "cache-version");
    const folder = join(repo.root, VALIDATION_CACHE);
    const withVersion = (version: string) => buildSite({ root: repo.root, outDir: out, config, history, search: false, validationCache: { folder, version } });
    expect((await withVersion("one")).ok).toBe(true);
    // Every stored result is made to claim an error, so that a reuse shows.
    const forged = { ruleId: "forged", severity: "error", file: "countries/ken/country.json", line: 1, column: 1, message: "Forged." };
    const stored = readdirSync(folder).filter((name) => name.endsWith(".json"));
    expect(stored.length).toBeGreaterThan(0);
    for (const name of stored) {
      const result = JSON.parse(readFileSync(join(folder, name), "utf8")) as { diagnostics: unknown[] };
      result.diagnostics.push(forged);
      writeFileSync(join(folder, name), JSON.stringify(result));
    }
    const same = await withVersion("one");
    expect(same.ok).toBe(false);
    expect(same.diagnostics.map((d) => d.ruleId)).toContain("forged");
    const other = await withVersion("two");
    expect(other.ok).toBe(true);
    expect(other.diagnostics.map((d) => d.ruleId)).not.toContain("forged");
  });
});
