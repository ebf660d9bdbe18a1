import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { listFiles } from "../../scripts/lib/load/files.ts";
import { classifyPath } from "../../scripts/lib/load/paths.ts";
import { loadCatalog } from "../../scripts/lib/schema/catalog.ts";
import { validateRepository } from "../../scripts/lib/validate/index.ts";
import { PROJECT_ROOT } from "../support/repo.ts";

/** A copy of the real repository's data, so that its entries can be broken one way at a time. */
let root: string;
let entries: string[];
const loaded = () => ({ catalog: loadCatalog(root) });
let shared: ReturnType<typeof loaded>;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "cop-atlas-shipped-"));
  for (const folder of ["schemas", "countries", "organizations"]) cpSync(join(PROJECT_ROOT, folder), join(root, folder), { recursive: true });
  entries = [
    ...new Set(
      [...listFiles(root, "countries"), ...listFiles(root, "organizations")].flatMap((path) => {
        const info = classifyPath(path);
        return "entryDir" in info ? [info.entryDir] : [];
      }),
    ),
  ];
  shared = loaded();
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

test("the shipped data validates without errors or warnings", () => {
  const result = validateRepository({ root, ...shared });
  expect(result.diagnostics).toEqual([]);
  expect(result.entries).toBeGreaterThanOrEqual(15);
});

interface Breakage {
  name: string;
  ruleId: string;
  /** Breaks the entry in place; returns the file that must be named. */
  apply(entryDir: string): string;
}

const readText = (path: string) => readFileSync(join(root, path), "utf8");
const writeText = (path: string, text: string) => writeFileSync(join(root, path), text);
const activityOf = (dir: string) => `${dir}/activity.json`;
const editActivity = (dir: string, edit: (value: Record<string, unknown>) => void) => {
  const value = JSON.parse(readText(activityOf(dir)));
  edit(value);
  writeText(activityOf(dir), `${JSON.stringify(value, null, 2)}\n`);
  return activityOf(dir);
};

/** A sentence with a term the terminology rule refuses, in each language it has such terms for. */
const AVOIDED_PHRASE: Record<string, string> = {
  en: "It tackles child pornography.",
  fr: "Elle combat la pornographie infantile.",
  es: "Combate la pornografía infantil.",
  ru: "Он направлен против детской порнографии.",
  zh: "它打击儿童色情。",
};

const BREAKAGES: Breakage[] = [
  {
    name: "unknown topic",
    ruleId: "schema",
    apply: (dir) =>
      editActivity(dir, (v) => {
        v.topics = [...((v.topics as string[]) ?? []), "cyber-bullying"];
      }),
  },
  {
    name: "end before start",
    ruleId: "dates",
    apply: (dir) =>
      editActivity(dir, (v) => {
        v.start = "2019-06";
        v.end = "2018";
      }),
  },
  {
    name: "http link",
    ruleId: "links",
    apply: (dir) =>
      editActivity(dir, (v) => {
        (v.links as Array<{ url: string }>)[0]!.url = "http://example.org/source";
      }),
  },
  {
    name: "child pornography in prose",
    ruleId: "terminology",
    apply: (dir) => {
      // Originals are written in several languages; where the rule has no term in that language, break the English translation.
      const original = JSON.parse(readText(activityOf(dir))).originalLanguage as string;
      const lang = original in AVOIDED_PHRASE ? original : "en";
      const file = `${dir}/${lang}.md`;
      writeText(file, `${readText(file).trimEnd()}\n\n${AVOIDED_PHRASE[lang]}\n`);
      return file;
    },
  },
  {
    name: "bidi override in the slug",
    ruleId: "unicode",
    apply: (dir) => {
      const broken = dir.replace(/\/([^/]+)$/, "/\u202E$1");
      renameSync(join(root, dir), join(root, broken));
      return activityOf(broken);
    },
  },
  {
    name: "duplicate key",
    ruleId: "strict-json",
    // kind is required, so every entry already has it: a second one is a duplicate key.
    apply: (dir) => {
      writeText(activityOf(dir), readText(activityOf(dir)).replace(/\{\n/, '{\n  "kind": "activity",\n'));
      return activityOf(dir);
    },
  },
];

describe("any shipped entry broken in one way gives an error naming the file, line, column and rule", () => {
  test.for(BREAKAGES)("$name", ({ ruleId, apply }) => {
    for (const dir of entries) {
      // Break a copy of the whole owner folder, then put the original back.
      const owner = dir.split("/").slice(0, 2).join("/");
      const backup = mkdtempSync(join(tmpdir(), "cop-atlas-backup-"));
      cpSync(join(root, owner), backup, { recursive: true });
      try {
        const file = apply(dir);
        const { diagnostics } = validateRepository({ root, targets: [owner], ...shared });
        const found = diagnostics.filter((d) => d.ruleId === ruleId && d.file === file && d.severity === "error");
        expect(found, `${ruleId} in ${dir}`).not.toHaveLength(0);
        for (const d of found) {
          expect(d.line).toBeGreaterThanOrEqual(1);
          expect(d.column).toBeGreaterThanOrEqual(1);
        }
        expect(diagnostics.filter((d) => d.ruleId === "rule-crashed")).toEqual([]);
      } finally {
        rmSync(join(root, owner), { recursive: true, force: true });
        cpSync(backup, join(root, owner), { recursive: true });
        rmSync(backup, { recursive: true, force: true });
      }
    }
  });
});

test("the copy is restored after each breakage", () => {
  expect(readdirSync(join(root, "countries")).length).toBeGreaterThanOrEqual(12);
  expect(validateRepository({ root, ...shared }).diagnostics).toEqual([]);
});
