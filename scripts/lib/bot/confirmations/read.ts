import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { splitNarrative } from "../../load/frontmatter.ts";
import { loadCatalog } from "../../schema/catalog.ts";
import type { Reviewer } from "../types.ts";
import type { ConfirmableEntry, ConfirmationOwner } from "./due.ts";

type Json = Record<string, unknown>;

function readJson(path: string): Json | null {
  try {
    const value = JSON.parse(readFileSync(path, "utf8")) as unknown;
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Json) : null;
  } catch {
    return null;
  }
}

function folders(path: string): string[] {
  return existsSync(path)
    ? readdirSync(path, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort()
    : [];
}

/** Designated reviewers as the profile lists them; anything malformed is left out (the validator reports it). */
function reviewersOf(profile: Json | null): Reviewer[] {
  const list = Array.isArray(profile?.reviewers) ? (profile.reviewers as unknown[]) : [];
  return list.flatMap((value) => {
    const reviewer = value as { login?: unknown; id?: unknown };
    return typeof reviewer?.login === "string" && typeof reviewer.id === "number" && Number.isSafeInteger(reviewer.id)
      ? [{ login: reviewer.login, id: reviewer.id }]
      : [];
  });
}

/** The title of an entry in its original language (or the first text it has), for the list. */
function titleOf(dir: string, original: unknown): string {
  const languages = readdirSync(dir)
    .map((name) => /^([a-z]{2,3}(?:-[A-Za-z0-9]+)?)\.md$/.exec(name)?.[1])
    .filter((lang): lang is string => lang !== undefined)
    .sort();
  const lang = typeof original === "string" && languages.includes(original) ? original : languages[0];
  if (!lang) return "";
  try {
    const front = parse(splitNarrative(readFileSync(join(dir, `${lang}.md`), "utf8")).yaml ?? "") as { title?: unknown } | null;
    return typeof front?.title === "string" ? front.title : "";
  } catch {
    return "";
  }
}

/**
 * Every country and organisation of a checkout of the default branch (trust lives there), with
 * its designated reviewers and the confirmation of each of its entries.
 */
export function readConfirmationOwners(root: string): ConfirmationOwner[] {
  const countries = loadCatalog(root).vocabularies.get("countries");
  const owners: ConfirmationOwner[] = [];
  for (const [kind, profileName] of [
    ["countries", "country.json"],
    ["organizations", "organization.json"],
  ] as const) {
    for (const id of folders(join(root, kind))) {
      const folder = `${kind}/${id}`;
      const profile = readJson(join(root, folder, profileName));
      const englishName = (profile?.name as { en?: unknown } | undefined)?.en;
      const name =
        kind === "countries" ? (countries.terms.get(id.toUpperCase())?.labels.en ?? id.toUpperCase()) : typeof englishName === "string" ? englishName : id;
      const entries: ConfirmableEntry[] = [];
      for (const slug of folders(join(root, folder, "activities"))) {
        const dir = `${folder}/activities/${slug}`;
        const activity = readJson(join(root, dir, "activity.json"));
        if (!activity) continue;
        const provenance = (activity.provenance ?? {}) as { confirmedBy?: unknown; confirmedOn?: unknown };
        entries.push({
          permalink: `${id}/${slug}`,
          dir,
          title: titleOf(join(root, dir), activity.originalLanguage),
          confirmedBy: Array.isArray(provenance.confirmedBy) ? provenance.confirmedBy.filter((value): value is string => typeof value === "string") : [],
          confirmedOn: typeof provenance.confirmedOn === "string" ? provenance.confirmedOn : null,
        });
      }
      owners.push({ id, folder, name, reviewers: reviewersOf(profile), entries });
    }
  }
  return owners;
}
