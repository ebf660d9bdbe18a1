import { classifyPath, PROFILE_FILE } from "../load/paths.ts";
import type { FileSource } from "../load/source.ts";
import type { UnLanguage } from "../vocab.ts";
import { readerLanguages, workingLanguages } from "./working-languages.ts";

/**
 * The languages an annotation on `file` is written in: its country's working languages (the
 * profile's `languages`, else its entries' original languages, most frequent first), then
 * `fallback` (English unless --lang says otherwise) when it differs. Organisations have no such
 * field, and files outside a country are everyone's: those are in `fallback` alone. Reads only
 * the owners asked about, each once.
 */
export function annotationLanguages(source: FileSource, fallback: UnLanguage = "en"): (file: string) => UnLanguage[] {
  const byCountry = new Map<string, UnLanguage[]>();
  return (file) => {
    const info = classifyPath(file);
    if (info.role === "outside" || info.role === "data-other" || info.owner.type !== "country") return [fallback];
    let languages = byCountry.get(info.owner.dir);
    if (!languages) {
      languages = countryLanguages(source, info.owner.dir);
      byCountry.set(info.owner.dir, languages);
    }
    return readerLanguages([languages], fallback);
  };
}

/** A country's working languages, from its folder as it is. Unreadable files count as silent: the validator reports them. */
function countryLanguages(source: FileSource, dir: string): UnLanguage[] {
  const declared = readJson(source, `${dir}/${PROFILE_FILE.country}`)?.languages;
  const originals = source
    .list(`${dir}/activities`)
    .filter((path) => classifyPath(path).role === "activity")
    .map((path) => readJson(source, path)?.originalLanguage);
  return workingLanguages(
    Array.isArray(declared) ? declared.filter((lang): lang is string => typeof lang === "string") : undefined,
    originals.map((lang) => (typeof lang === "string" ? lang : null)),
  );
}

function readJson(source: FileSource, path: string): Record<string, unknown> | undefined {
  const file = source.read(path);
  if (!file || typeof file.text !== "string") return undefined;
  try {
    const value: unknown = JSON.parse(file.text);
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
