import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import fc from "fast-check";
import { afterAll, expect, test } from "vitest";
import { generateFiles } from "../../scripts/lib/bench/generate.ts";
import { checkoutSource, type FileSource } from "../../scripts/lib/load/source.ts";
import { loadCatalog } from "../../scripts/lib/schema/catalog.ts";
import { diskFactsStore } from "../../scripts/lib/validate/disk-cache.ts";
import { gitBlobId, memoryFactsStore } from "../../scripts/lib/validate/facts.ts";
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

/** Narratives of two entries of one owner in the same language: the duplicates rule compares their titles (per language). */
function twoComparedNarratives(): [Narrative, Narrative] {
  const narratives: Narrative[] = Object.keys(base)
    .filter((path) => path.endsWith(".md"))
    .map((path) => ({ path, owner: path.split("/").slice(0, 2).join("/"), lang: path.slice(-5), dir: path.slice(0, path.lastIndexOf("/")) }));
  const one = narratives.find((a) => narratives.some((b) => b.owner === a.owner && b.lang === a.lang && b.dir !== a.dir));
  const other = narratives.find((b) => b.owner === one?.owner && b.lang === one?.lang && b.dir !== one?.dir);
  if (!one || !other) throw new Error("the generated data has no two entries to compare");
  return [one, other];
}
type Narrative = { path: string; owner: string; lang: string; dir: string };

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
  const [one, other] = twoComparedNarratives();
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

/** The generated entries as a git repository on disk, committed, with helpers to write and commit more. */
function committedRepository(name: string) {
  const root = join(scratch, name);
  const git = (...args: string[]) =>
    execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false", ...args], { cwd: root, encoding: "utf8" });
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  mkdirSync(root, { recursive: true });
  for (const [path, text] of Object.entries(base)) write(path, text);
  git("init", "-q", "-b", "main");
  git("add", "-A");
  git("commit", "-q", "-m", "generated");
  return { root, git, write };
}

/** A source that records every file it reads. */
function counting(source: FileSource): { source: FileSource; reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    source: {
      ...source,
      read(path) {
        reads.push(path);
        return source.read(path);
      },
    },
  };
}

test("gitBlobId is git's own object id for the text", () => {
  const texts = ["", "title: Ünïcödé · 中文 · العربية\n", "line\r\nwith CR LF\n", "no newline at the end"];
  const scratchFile = join(scratch, "blob.txt");
  for (const text of texts) {
    writeFileSync(scratchFile, text);
    expect(gitBlobId(text), JSON.stringify(text)).toBe(execFileSync("git", ["hash-object", "--no-filters", scratchFile], { encoding: "utf8" }).trim());
  }
});

test("a checkout source knows each committed file by git's id, and nothing that is not committed", () => {
  const repo = committedRepository("ids");
  const source = checkoutSource(repo.root);
  const owner = Object.keys(base)[0]?.split("/").slice(0, 2).join("/") ?? "";
  const ids = source.fingerprints?.(`${owner}/activities`);
  const files = Object.keys(base).filter((path) => path.startsWith(`${owner}/activities/`));
  expect(files.length).toBeGreaterThan(1);
  expect(new Map([...(ids ?? new Map())].sort())).toEqual(new Map(files.sort().map((path) => [path, gitBlobId(base[path] ?? "")])));
  // Files not committed: a new one has no id, and an edited one keeps its committed id (the range's rule: the checkout is HEAD).
  repo.write(`${owner}/activities/new-one/en.md`, "untracked\n");
  const edited = files[0] ?? "";
  repo.write(edited, "edited, not committed\n");
  const fresh = checkoutSource(repo.root).fingerprints?.(`${owner}/activities`);
  expect(fresh?.has(`${owner}/activities/new-one/en.md`)).toBe(false);
  expect(fresh?.get(edited)).toBe(gitBlobId(base[edited] ?? ""));
});

test("checking one entry from a checkout reads none of its unchanged siblings' files, and a sibling changed in a commit is compared anew", () => {
  const repo = committedRepository("siblings");
  const facts = memoryFactsStore();
  // A whole run fills the index, as the one on main does.
  validateRepository({ source: checkoutSource(repo.root), catalog, now: NOW, facts });
  const [one, other] = twoComparedNarratives();
  const read = counting(checkoutSource(repo.root));
  const quiet = validateRepository({ source: read.source, catalog, now: NOW, targets: [one.dir], facts });
  expect(read.reads.filter((path) => path.startsWith(`${one.owner}/activities/`) && !path.startsWith(`${one.dir}/`))).toEqual([]);
  expect(quiet.diagnostics.filter((d) => d.ruleId === "duplicates")).toEqual([]);
  // The sibling takes the entry's title in a commit: its id changes, so the index's fact for it is not used.
  repo.write(other.path, (base[other.path] ?? "").replace(/^title: .*$/m, `title: ${titleOf(base[one.path] ?? "")}`));
  repo.git("commit", "-q", "-am", "the sibling takes the same title");
  const indexed = validateRepository({ source: checkoutSource(repo.root), catalog, now: NOW, targets: [one.dir], facts });
  const plain = validateRepository({ source: checkoutSource(repo.root), catalog, now: NOW, targets: [one.dir] });
  expect(indexed).toEqual(plain);
  expect(indexed.diagnostics.filter((d) => d.ruleId === "duplicates").map((d) => d.message)).toEqual([
    expect.stringMatching(/^The title is almost the same as that of /),
  ]);
});

test("a fact computed from edits not committed is not taken for the commit's once the edits are gone", () => {
  const repo = committedRepository("dirty");
  const [one, other] = twoComparedNarratives();
  // An empty index, and a sibling edited in the working folder only: its fact is computed from the edit.
  const facts = memoryFactsStore();
  repo.write(other.path, (base[other.path] ?? "").replace(/^title: .*$/m, `title: ${titleOf(base[one.path] ?? "")}`));
  validateRepository({ source: checkoutSource(repo.root), catalog, now: NOW, targets: [one.dir], facts });
  // The edit is undone: the sibling is the commit's again, and no longer shares the title.
  repo.git("checkout", "--", other.path);
  const indexed = validateRepository({ source: checkoutSource(repo.root), catalog, now: NOW, targets: [one.dir], facts });
  expect(indexed).toEqual(validateRepository({ source: checkoutSource(repo.root), catalog, now: NOW, targets: [one.dir] }));
  expect(indexed.diagnostics.filter((d) => d.ruleId === "duplicates")).toEqual([]);
});
