import { activityFormFile, profileFormFile } from "../forms/generate.ts";
import { optionText } from "../forms/options.ts";
import type { Term, UnLanguage } from "../vocab.ts";

/**
 * Links from the site into the repository's issue forms and files. GitHub fills an issue
 * form's fields from the address: each query parameter named after a field's `id` sets that
 * field (a dropdown only when the value is one of its options, exactly). The ids are those of
 * the generated forms in .github/ISSUE_TEMPLATE (scripts/lib/forms).
 */

/** The address of a new issue from one form of the repository, with some fields filled in. */
export function issueFormUrl(repositoryUrl: string, template: string, fields: Readonly<Record<string, string>> = {}): string {
  // Percent-encoding throughout (not "+" for spaces): the least surprising form for any reader of the address.
  const query = Object.entries({ template, ...fields })
    .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`)
    .join("&");
  return `${repositoryUrl}/issues/new?${query}`;
}

/**
 * The "New activity" form in `lang` (the page's language: the bot answers in the form's), with
 * the country already chosen when one is given: the dropdown's exact option text in that form.
 */
export function newActivityUrl(repositoryUrl: string, country?: Term, lang: UnLanguage = "en"): string {
  return issueFormUrl(repositoryUrl, activityFormFile(lang), country ? { country: optionText(country, lang) } : {});
}

/** The "Country profile" form (reviewers, national framework) in `lang`, with the country already chosen. */
export function countryProfileUrl(repositoryUrl: string, country: Term, lang: UnLanguage = "en"): string {
  return issueFormUrl(repositoryUrl, profileFormFile(lang), { country: optionText(country, lang) });
}

/** GitHub's web editor on one file of the default branch (it offers a fork to those who may not push). */
export function editFileUrl(repositoryUrl: string, branch: string, path: string): string {
  return `${repositoryUrl}/edit/${encodeURIComponent(branch)}/${path.split("/").map(encodeURIComponent).join("/")}`;
}
