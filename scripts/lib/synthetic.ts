import { cpSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { narrativeVersion } from "./narrative-version.ts";
import { loadVocabularies } from "./vocab.ts";

/** A small deterministic random generator (mulberry32), so that generated data is the same on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticOptions {
  countries: number;
  entriesPerCountry: number;
  seed?: number;
}

const WORDS =
  "national strategy online safety children awareness helpline reporting education programme industry guidance law research youth participation capacity network".split(
    " ",
  );

/**
 * Writes a synthetic, valid repository of the given size into `root` (the project's schemas
 * plus generated countries). For tests and benchmarks only: none of it is a real activity.
 */
export function writeSyntheticRepository(projectRoot: string, root: string, options: SyntheticOptions): { entries: number; files: number } {
  const random = seededRandom(options.seed ?? 1);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const some = <T>(items: readonly T[], most: number): T[] => [...new Set(Array.from({ length: 1 + Math.floor(random() * most) }, () => pick(items)))];
  cpSync(join(projectRoot, "schemas"), join(root, "schemas"), { recursive: true });
  const vocab = loadVocabularies(projectRoot);
  const ids = (name: string) => [...vocab.get(name).terms.keys()];
  const countries = [...vocab.get("countries").terms.values()].slice(0, options.countries);
  let files = 0;
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
    files++;
  };
  for (const country of countries) {
    const code = country.id.toLowerCase();
    write(`countries/${code}/country.json`, `${JSON.stringify({ region: country.meta?.region, reviewers: [] }, null, 2)}\n`);
    for (let index = 0; index < options.entriesPerCountry; index++) {
      const year = 2005 + Math.floor(random() * 20);
      const slug = `synthetic-${pick(WORDS)}-${index}-${year}`;
      const dir = `countries/${code}/activities/${slug}`;
      const activity = {
        kind: "activity",
        type: pick(ids("types")),
        level: "national",
        status: pick(["active", "completed"]),
        start: `${year}-${String(1 + Math.floor(random() * 12)).padStart(2, "0")}`,
        lead: [{ name: `Synthetic agency ${index}` }],
        audiences: some(ids("audiences"), 3),
        topics: some(ids("topics"), 4),
        links: [{ url: `https://example.org/${code}/${slug}`, type: "official" }],
        originalLanguage: "en",
      };
      write(`${dir}/activity.json`, `${JSON.stringify(activity, null, 2)}\n`);
      const title = `Synthetic ${pick(WORDS)} ${pick(WORDS)} ${index} (${country.labels.en})`;
      const summary = `A generated entry for tests and benchmarks about ${pick(WORDS)} and ${pick(WORDS)}.`;
      const body = `\n## Context\n\n${Array.from({ length: 60 }, () => pick(WORDS)).join(" ")}.\n\n## What was done\n\n${Array.from({ length: 80 }, () => pick(WORDS)).join(" ")}.\n`;
      write(`${dir}/en.md`, `---\ntitle: ${title}\nsummary: ${summary}\n---\n${body}`);
      if (index % 3 === 0) {
        const version = narrativeVersion(title, summary, body);
        write(
          `${dir}/fr.md`,
          `---\ntitle: Entrée synthétique ${index}\nsummary: Une entrée générée pour les tests et les mesures.\ntranslation:\n  from: en\n  version: "${version}"\n  method: machine\n---\n\n## Contexte\n\nTexte généré.\n`,
        );
      }
    }
  }
  return { entries: countries.length * options.entriesPerCountry, files };
}
