import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { narrativeVersion } from "../../scripts/lib/narrative-version.ts";

/** The project's own root, whose schemas/ the temporary repositories copy. */
export const PROJECT_ROOT = resolve(import.meta.dirname, "../..");

/**
 * A synthetic, valid repository: one country with one entry in English and French.
 * Generated for tests only; it is not a real activity and never lives in countries/.
 */
export function baselineFiles(): Record<string, string> {
  const english = {
    title: "Example national strategy",
    summary: "A synthetic entry that the tests use as a valid baseline.",
    body: "\n## Context\n\nThis text exists only for the tests.\n\n## What was done\n\nNothing real.\n",
  };
  return {
    "countries/ken/country.json": `${JSON.stringify({ region: "africa", reviewers: [] }, null, 2)}\n`,
    "countries/ken/activities/example-strategy-2020/activity.json": `{
  "kind": "activity",
  "type": "policy-strategy",
  "level": "national",
  "status": "active",
  "start": "2020-03",
  "lead": [{ "name": "Example Ministry" }],
  "audiences": ["children", "parents-carers-educators"],
  "topics": ["cyberbullying", "grooming"],
  "links": [
    { "url": "https://example.org/strategy", "type": "official" },
    { "url": "https://example.org/news/launch", "type": "news" }
  ],
  "originalLanguage": "en",
  "provenance": { "compiledBy": "editors" }
}
`,
    "countries/ken/activities/example-strategy-2020/en.md": `---\ntitle: ${english.title}\nsummary: ${english.summary}\n---\n${english.body}`,
    "countries/ken/activities/example-strategy-2020/fr.md": `---
title: Exemple de stratégie nationale
summary: Une entrée synthétique que les tests utilisent comme base valide.
translation:
  from: en
  version: "${narrativeVersion(english.title, english.summary, english.body)}"
  method: human
---

## Contexte

Ce texte n'existe que pour les tests.
`,
  };
}

/** A temporary repository with the project's schemas and the given data files. */
export interface TempRepo {
  root: string;
  write(path: string, text: string): void;
  remove(path: string): void;
  cleanup(): void;
}

export function makeRepo(files: Record<string, string> = baselineFiles()): TempRepo {
  const root = mkdtempSync(join(tmpdir(), "cop-atlas-test-"));
  cpSync(join(PROJECT_ROOT, "schemas"), join(root, "schemas"), { recursive: true });
  const repo: TempRepo = {
    root,
    write(path, text) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    },
    remove(path) {
      rmSync(join(root, path), { recursive: true, force: true });
    },
    cleanup() {
      rmSync(root, { recursive: true, force: true });
    },
  };
  for (const [path, text] of Object.entries(files)) repo.write(path, text);
  return repo;
}
