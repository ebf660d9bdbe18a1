import { parseFrontmatter, splitNarrative } from "../../load/frontmatter.ts";
import { narrativeVersion } from "../../narrative-version.ts";
import type { NarrativeSnapshot } from "../changes/describe.ts";
import type { NarrativeRead } from "../types.ts";

const VERSION = /^[0-9a-f]{12}$/;
const LANG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/;
const METHOD = /^[a-z]+(-[a-z]+)*$/;

/**
 * Reads what the comment shows of a <lang>.md: its title, its fingerprint and, for a
 * translation, what it translates. The YAML goes through the same safe parser as the validator
 * (no aliases, no tags, no duplicate keys); nothing in it is executed.
 */
export function readNarrative(lang: string, text: string): NarrativeRead {
  const split = splitNarrative(text);
  if (split.yaml === undefined) return { lang, title: null, version: null, translation: null, problem: "has no frontmatter" };
  const parsed = parseFrontmatter(split.yaml, split.yamlLine, lang);
  const value = parsed.value;
  if (parsed.problems.length > 0 || typeof value !== "object" || value === null || Array.isArray(value)) {
    return { lang, title: null, version: null, translation: null, problem: "has frontmatter that is not valid YAML" };
  }
  const fields = value as Record<string, unknown>;
  const title = typeof fields.title === "string" ? fields.title : null;
  const summary = typeof fields.summary === "string" ? fields.summary : "";
  const version = title === null ? null : narrativeVersion(title, summary, split.body);
  let translation: NarrativeRead["translation"] = null;
  let problem: string | undefined = title === null ? "has no title" : undefined;
  if (fields.translation !== undefined) {
    const t = fields.translation as Record<string, unknown> | null;
    const from = t?.from;
    const ofVersion = t?.version;
    const method = t?.method;
    if (
      typeof from === "string" &&
      LANG.test(from) &&
      typeof ofVersion === "string" &&
      VERSION.test(ofVersion) &&
      typeof method === "string" &&
      METHOD.test(method) &&
      method.length <= 40
    ) {
      translation = { from, version: ofVersion, method };
    } else {
      problem ??= "has a translation field without a valid from, version and method";
    }
  }
  return { lang, title, version, translation, ...(problem ? { problem } : {}) };
}

/** Reads `originalLanguage` from an activity.json text; null when it cannot be read. */
export function readOriginalLanguage(text: string): string | null {
  try {
    const value = JSON.parse(text) as { originalLanguage?: unknown } | null;
    const lang = value?.originalLanguage;
    return typeof lang === "string" && LANG.test(lang) ? lang : null;
  } catch {
    return null;
  }
}

/** A narrative's title, summary, text, fingerprint and translation source, for the change description; null when unreadable. */
export function readNarrativeSnapshot(lang: string, text: string): NarrativeSnapshot | null {
  const read = readNarrative(lang, text);
  if (read.title === null) return null;
  const split = splitNarrative(text);
  const value = parseFrontmatter(split.yaml ?? "", split.yamlLine, lang).value as Record<string, unknown>;
  const summary = typeof value?.summary === "string" ? value.summary : "";
  return {
    title: read.title,
    summary,
    body: split.body,
    version: read.version,
    translation: read.translation ? { from: read.translation.from, version: read.translation.version } : null,
  };
}
