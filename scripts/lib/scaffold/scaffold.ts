import { countryIndex, countryProblem, lookupCountry } from "../countries/lookup.ts";
import { closestMatch } from "../suggest.ts";
import type { Vocabularies } from "../vocab.ts";
import {
  deriveSlug,
  type EntryDraft,
  type EntryFile,
  entryDir,
  entryFiles,
  isValidSlug,
  type KeyOrder,
  NARRATIVE_SECTIONS,
  renderCountryProfile,
} from "./entry.ts";

/** What `npm run new` asks for; every value is text as typed. */
export interface ScaffoldAnswers {
  country?: string;
  slug?: string;
  kind?: string;
  type?: string;
  level?: string;
  status?: string;
  start?: string;
  end?: string;
  title?: string;
  summary?: string;
  links?: string[];
  linkTypes?: string[];
  lang?: string;
  lead?: string[];
  audiences?: string[];
  topics?: string[];
  /** Who compiles the entry (vocabulary compilers). */
  compiledBy?: string;
}

/** The alpha-3 code of a country written as a code or a name in any of the six languages, when it is certainly one country. */
export function resolveCountry(written: string, vocabularies: Vocabularies): string | undefined {
  const match = lookupCountry(countryIndex(vocabularies.get("countries")), written);
  return match.kind === "found" ? match.code : undefined;
}

/** The answers `npm run new` cannot do without, with the flag that gives each. */
export const REQUIRED_ANSWERS: ReadonlyArray<[keyof ScaffoldAnswers, string]> = [
  ["country", "--country"],
  ["kind", "--kind"],
  ["type", "--type"],
  ["level", "--level"],
  ["start", "--start"],
  ["lang", "--lang"],
  ["title", "--title"],
  ["summary", "--summary"],
  ["links", "--link"],
];

const PARTIAL_DATE = /^[12][0-9]{3}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$/;
const HTTPS = /^https:\/\/[A-Za-z0-9.-]+(:[0-9]{1,5})?([/?#]\S*)?$/;

/** Checks one answer; returns a sentence saying what is wrong, or undefined. Used by the prompts too. */
export function checkAnswer(name: keyof ScaffoldAnswers, value: string, vocabularies: Vocabularies): string | undefined {
  const list = (vocabulary: string, what: string) => {
    const terms = vocabularies.get(vocabulary).terms;
    if (terms.has(value)) return undefined;
    const suggestion = closestMatch(value, terms.keys());
    return `"${value}" is not a ${what}${suggestion ? `; did you mean "${suggestion}"?` : `: use one of ${[...terms.keys()].slice(0, 20).join(", ")}.`}`;
  };
  switch (name) {
    case "country":
      return countryProblem(countryIndex(vocabularies.get("countries")), value);
    case "kind":
      return list("kinds", "kind of entry");
    case "type":
      return list("types", "type of activity");
    case "level":
      return list("levels", "level");
    case "status":
      return list("statuses", "status");
    case "lang":
      return list("languages", "language code");
    case "compiledBy":
      return list("compilers", "kind of compiler");
    case "linkTypes":
      return list("link-types", "kind of source");
    case "audiences":
      return list("audiences", "audience");
    case "topics":
      return list("topics", "topic");
    case "start":
    case "end":
      return PARTIAL_DATE.test(value) ? undefined : `"${value}" is not a date: write a year (2019), a month (2019-06) or a day (2019-06-30).`;
    case "slug":
      return isValidSlug(value)
        ? undefined
        : `"${value}" is not a valid entry name: use lower-case letters a-z, digits and single hyphens, at most 80 characters.`;
    case "links":
      return HTTPS.test(value) ? undefined : `"${value}" is not a public https:// address.`;
    case "title":
      return value.trim().length >= 3 && value.length <= 200 ? undefined : "The title needs 3 to 200 characters.";
    case "summary":
      return value.trim().length >= 10 && value.length <= 600 ? undefined : "The summary needs 10 to 600 characters: one or two sentences.";
    default:
      return value.trim() === "" ? "This cannot be empty." : undefined;
  }
}

export interface ScaffoldPlan {
  files: EntryFile[];
  problems: string[];
  permalink?: string;
  /** The entry's folder. */
  dir?: string;
}

/**
 * The files of a new entry from complete answers, or every problem with them. The country's
 * profile is added when the country has no folder yet (`countryExists` false).
 */
export function planScaffold(answers: ScaffoldAnswers, vocabularies: Vocabularies, order: KeyOrder, countryExists: (code: string) => boolean): ScaffoldPlan {
  const problems: string[] = [];
  for (const [name, flag] of REQUIRED_ANSWERS) {
    const value = answers[name];
    if (value === undefined || (Array.isArray(value) && value.length === 0) || value === "") problems.push(`${flag} is required.`);
  }
  const check = (name: keyof ScaffoldAnswers, value: string | undefined) => {
    if (value === undefined) return;
    const problem = checkAnswer(name, value, vocabularies);
    if (problem) problems.push(problem);
  };
  for (const name of ["country", "kind", "type", "level", "status", "start", "end", "lang", "title", "summary", "slug", "compiledBy"] as const)
    check(name, answers[name]);
  for (const link of answers.links ?? []) check("links", link);
  for (const type of answers.linkTypes ?? []) check("linkTypes", type);
  for (const audience of answers.audiences ?? []) check("audiences", audience);
  for (const topic of answers.topics ?? []) check("topics", topic);
  const links = answers.links ?? [];
  const types = answers.linkTypes ?? [];
  if (types.length > 1 && types.length !== links.length)
    problems.push(`Give one --link-type per --link (${links.length} links, ${types.length} types), or a single --link-type for all.`);
  const year = answers.start?.slice(0, 4) ?? "";
  const slug = answers.slug ?? deriveSlug(answers.title ?? "", year);
  if (answers.slug === undefined && answers.title !== undefined && slug === "")
    problems.push("No entry name can be made from the title: give one with --slug, such as national-cop-strategy-2019.");
  if (problems.length > 0 || !answers.country || !answers.lang || !answers.title || !answers.summary) return { files: [], problems };

  const country = resolveCountry(answers.country, vocabularies);
  if (!country) return { files: [], problems: [`"${answers.country}" is not a country.`] };
  const activity: Record<string, unknown> = {
    kind: answers.kind,
    type: answers.type,
    level: answers.level,
    ...(answers.status ? { status: answers.status } : {}),
    start: answers.start,
    ...(answers.end ? { end: answers.end } : {}),
    ...(answers.lead && answers.lead.length > 0 ? { lead: answers.lead.map((name) => ({ name })) } : {}),
    ...(answers.audiences && answers.audiences.length > 0 ? { audiences: [...new Set(answers.audiences)] } : {}),
    ...(answers.topics && answers.topics.length > 0 ? { topics: [...new Set(answers.topics)] } : {}),
    links: links.map((url, index) => ({ url, type: types[index] ?? types[0] ?? "official" })),
    originalLanguage: answers.lang,
    provenance: { compiledBy: answers.compiledBy ?? "contributor" },
  };
  const draft: EntryDraft = {
    country,
    slug,
    activity,
    narrative: { lang: answers.lang, title: answers.title.trim(), summary: answers.summary.trim(), body: NARRATIVE_SECTIONS },
  };
  const files = entryFiles(draft, order);
  if (!countryExists(country)) {
    const region = vocabularies.get("countries").terms.get(country)?.meta?.region;
    if (typeof region === "string") files.unshift({ path: `countries/${country.toLowerCase()}/country.json`, text: renderCountryProfile(region) });
  }
  return { files, problems, permalink: `${country.toLowerCase()}/${slug}`, dir: entryDir(country, slug) };
}
