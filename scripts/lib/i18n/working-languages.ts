import { UN_LANGUAGES, type UnLanguage } from "../vocab.ts";
import { isUnLanguage } from "./messages.ts";

/**
 * The languages the bots write in for one country or organisation, most preferred first. A
 * profile's `languages` field decides when it has one (the country chose them); without it, the
 * original languages of its entries' narratives, most frequent first (ties in the UN order:
 * Arabic, Chinese, English, French, Russian, Spanish), are the best sign of who writes there;
 * languages the catalogs do not have are left out, and with nothing left it is English.
 */
export function workingLanguages(declared: readonly string[] | undefined, originalLanguages: readonly (string | null | undefined)[]): UnLanguage[] {
  const chosen = [...new Set((declared ?? []).filter(isUnLanguage))];
  if (chosen.length > 0) return chosen;
  const counts = new Map<UnLanguage, number>();
  for (const lang of originalLanguages) if (lang && isUnLanguage(lang)) counts.set(lang, (counts.get(lang) ?? 0) + 1);
  if (counts.size === 0) return ["en"];
  const order = (lang: UnLanguage) => UN_LANGUAGES.indexOf(lang);
  return [...counts].sort((a, b) => b[1] - a[1] || order(a[0]) - order(b[0])).map(([lang]) => lang);
}

/**
 * The languages of a text written for several countries and organisations at once (a review
 * comment, an annotation): the union of their working languages in a stable order (the first
 * owner's first, then each new one as it comes), then `fallback` (English unless asked otherwise)
 * last when it is not among them, so that the secretariat can always read it.
 */
export function readerLanguages(owners: readonly (readonly UnLanguage[])[], fallback: UnLanguage = "en"): UnLanguage[] {
  const languages = new Set<UnLanguage>();
  for (const list of owners) for (const lang of list) languages.add(lang);
  languages.add(fallback);
  return [...languages];
}
