import { countryIndex, countryProblem, lookupCountry } from "../countries/lookup.ts";
import { readOrganisation } from "../forms/answers.ts";
import { compareAtPrecision, dateProblemRef } from "../rules/dates.ts";
import { closestMatch } from "../suggest.ts";
import type { UnLanguage, Vocabularies } from "../vocab.ts";
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
import { scaffoldProblems } from "./messages.ts";

/** What `npm run new` asks for; every value is text as typed. */
export interface ScaffoldAnswers {
  country?: string;
  slug?: string;
  kind?: string;
  type?: string;
  level?: string;
  /** Every country covered, for multi-country work: alpha-3 codes. */
  countries?: string[];
  status?: string;
  start?: string;
  end?: string;
  title?: string;
  summary?: string;
  /** Official titles the narrative quotes, exactly as written (narrative frontmatter). */
  officialTitles?: string[];
  links?: string[];
  linkTypes?: string[];
  lang?: string;
  /** Organisations as "name | acronym | https://website"; only the name is needed. */
  lead?: string[];
  partners?: string[];
  audiences?: string[];
  topics?: string[];
  policyAreas?: string[];
  mnrCapabilities?: string[];
  sdgTargets?: string[];
  related?: string[];
  contactOrganisation?: string;
  contactUrl?: string;
  contactEmail?: string;
  contactPhone?: string;
  /** Who compiles the entry (vocabulary compilers). */
  compiledBy?: string;
}

/** The alpha-3 code of a country written as a code or a name in any of the six languages, when it is certainly one country. */
export function resolveCountry(written: string, vocabularies: Vocabularies): string | undefined {
  const match = lookupCountry(countryIndex(vocabularies.get("countries")), written);
  return match.kind === "found" ? match.code : undefined;
}

/** The name of one answer; list answers are checked one item at a time under the same name. */
export type AnswerName = keyof ScaffoldAnswers;

/** The answers `npm run new` cannot do without, with the flag that gives each. */
export const REQUIRED_ANSWERS: ReadonlyArray<[AnswerName, string]> = [
  ["country", "--country"],
  ["kind", "--kind"],
  ["type", "--type"],
  ["level", "--level"],
  ["lang", "--lang"],
  ["title", "--title"],
  ["summary", "--summary"],
  ["links", "--link"],
];

/** The answers that are checked against a controlled list, and the list. */
const LISTS: Partial<Record<AnswerName, string>> = {
  kind: "kinds",
  type: "types",
  level: "levels",
  status: "statuses",
  lang: "languages",
  compiledBy: "compilers",
  linkTypes: "link-types",
  audiences: "audiences",
  topics: "topics",
  policyAreas: "policy-areas",
  mnrCapabilities: "mnr-capabilities",
};

/** The vocabulary an answer is chosen from, if it is chosen from one. */
export function listOf(name: AnswerName): string | undefined {
  return LISTS[name];
}

const HTTPS = /^https:\/\/[A-Za-z0-9.-]+(:[0-9]{1,5})?([/?#]\S*)?$/;
const SDG_TARGET = /^(1[0-7]|[1-9])\.([1-9]|1[0-9]|[a-d])$/;
const ENTRY_REF = /^[a-z0-9]+(-[a-z0-9]+)*\/[a-z0-9]+(-[a-z0-9]+)*$/;
const EMAIL = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;
const PHONE = /^\+?[0-9][0-9 ()-]{1,38}$/;

/**
 * Checks one answer (one item of a list answer) as soon as it is given; returns a sentence saying
 * what is wrong, or undefined. The same checks run on flags before the first question and on
 * every answer in the terminal, so what is written can pass the validator.
 */
export function checkAnswer(name: AnswerName, value: string, vocabularies: Vocabularies, lang: UnLanguage = "en"): string | undefined {
  const PROBLEMS = scaffoldProblems(lang);
  const list = LISTS[name];
  if (list) {
    const terms = vocabularies.get(list).terms;
    if (terms.has(value)) return undefined;
    return PROBLEMS.notInList(value, list, closestMatch(value, terms.keys()), [...terms.keys()].slice(0, 20));
  }
  switch (name) {
    case "country":
    case "countries":
      return countryProblem(countryIndex(vocabularies.get("countries")), value, lang);
    case "start":
    case "end": {
      const problem = dateProblemRef(value);
      return problem ? PROBLEMS.notADate(value, problem) : undefined;
    }
    case "slug":
      return isValidSlug(value) ? undefined : PROBLEMS.slug(value);
    case "links":
    case "contactUrl":
      return HTTPS.test(value) ? undefined : PROBLEMS.notHttps(value);
    case "title":
      return value.trim().length >= 3 && value.length <= 200 ? undefined : PROBLEMS.title();
    case "summary":
      return value.trim().length >= 10 && value.length <= 600 ? undefined : PROBLEMS.summary();
    case "officialTitles":
      return value.trim().length >= 3 && value.length <= 300 ? undefined : PROBLEMS.officialTitle();
    case "lead":
    case "partners": {
      const organisation = readOrganisation(value);
      if (/^\S+:\/\//.test(organisation.name ?? "")) return PROBLEMS.organisation(value);
      if (organisation.url !== undefined && !HTTPS.test(organisation.url)) return PROBLEMS.organisationUrl(organisation.name ?? value);
      return organisation.name && organisation.name.length <= 300 ? undefined : PROBLEMS.organisation(value);
    }
    case "sdgTargets":
      return SDG_TARGET.test(value) ? undefined : PROBLEMS.sdgTarget(value);
    case "related":
      return ENTRY_REF.test(value.toLowerCase()) ? undefined : PROBLEMS.entryRef(value);
    case "contactEmail":
      return EMAIL.test(value) ? undefined : PROBLEMS.email(value);
    case "contactPhone":
      return PHONE.test(value) ? undefined : PROBLEMS.phone(value);
    default:
      return value.trim() === "" ? PROBLEMS.empty() : undefined;
  }
}

/** The end date's problem with the start date, or undefined: both must already be valid dates. */
export function checkDateOrder(start: string | undefined, end: string | undefined, lang: UnLanguage = "en"): string | undefined {
  if (!start || !end || dateProblemRef(start) || dateProblemRef(end)) return undefined;
  return compareAtPrecision(end, start) < 0 ? scaffoldProblems(lang).endBeforeStart(end, start) : undefined;
}

/** Every problem with the answers given so far (flags before the first question); missing answers are not problems here. */
export function checkGiven(answers: ScaffoldAnswers, vocabularies: Vocabularies, lang: UnLanguage = "en"): string[] {
  const problems: string[] = [];
  for (const [name, value] of Object.entries(answers) as Array<[AnswerName, string | string[] | undefined]>) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) {
      const problem = checkAnswer(name, item, vocabularies, lang);
      if (problem) problems.push(problem);
    }
  }
  const order = checkDateOrder(answers.start, answers.end, lang);
  if (order) problems.push(order);
  const links = answers.links ?? [];
  const types = answers.linkTypes ?? [];
  if (types.length > 1 && types.length !== links.length) problems.push(scaffoldProblems(lang).linkTypeCount(links.length, types.length));
  return problems;
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
export function planScaffold(
  answers: ScaffoldAnswers,
  vocabularies: Vocabularies,
  order: KeyOrder,
  countryExists: (code: string) => boolean,
  lang: UnLanguage = "en",
): ScaffoldPlan {
  const PROBLEMS = scaffoldProblems(lang);
  const problems: string[] = [];
  for (const [name, flag] of REQUIRED_ANSWERS) {
    const value = answers[name];
    if (value === undefined || (Array.isArray(value) && value.length === 0) || value === "") problems.push(PROBLEMS.required(flag));
  }
  problems.push(...checkGiven(answers, vocabularies, lang));
  const year = answers.start?.slice(0, 4) ?? "";
  const slug = answers.slug ?? deriveSlug(answers.title ?? "", year);
  if (answers.slug === undefined && answers.title !== undefined && slug === "") problems.push(PROBLEMS.noSlug());
  if (problems.length > 0 || !answers.country || !answers.lang || !answers.title || !answers.summary) return { files: [], problems };

  const country = resolveCountry(answers.country, vocabularies);
  if (!country) return { files: [], problems: [PROBLEMS.notACountry(answers.country)] };
  const links = answers.links ?? [];
  const types = answers.linkTypes ?? [];
  const some = (values: string[] | undefined) => (values && values.length > 0 ? [...new Set(values)] : undefined);
  const contact = {
    organisation: answers.contactOrganisation,
    url: answers.contactUrl,
    email: answers.contactEmail,
    phone: answers.contactPhone,
  };
  const activity: Record<string, unknown> = {
    kind: answers.kind,
    type: answers.type,
    level: answers.level,
    countries: some(answers.countries?.map((written) => resolveCountry(written, vocabularies) ?? written.toUpperCase())),
    status: answers.status,
    start: answers.start,
    end: answers.end,
    lead: some(answers.lead)?.map(readOrganisation),
    partners: some(answers.partners)?.map(readOrganisation),
    audiences: some(answers.audiences),
    topics: some(answers.topics),
    policyAreas: some(answers.policyAreas),
    mnrCapabilities: some(answers.mnrCapabilities),
    sdgTargets: some(answers.sdgTargets),
    links: links.map((url, index) => ({ url, type: types[index] ?? types[0] ?? "official" })),
    originalLanguage: answers.lang,
    contact: Object.values(contact).some((value) => value !== undefined) ? contact : undefined,
    related: some(answers.related?.map((ref) => ref.toLowerCase())),
    provenance: { compiledBy: answers.compiledBy ?? "contributor" },
  };
  const draft: EntryDraft = {
    country,
    slug,
    activity,
    narrative: {
      lang: answers.lang,
      title: answers.title.trim(),
      summary: answers.summary.trim(),
      body: NARRATIVE_SECTIONS,
      ...(some(answers.officialTitles) ? { officialTitles: some(answers.officialTitles) } : {}),
    },
  };
  const files = entryFiles(draft, order);
  if (!countryExists(country)) {
    const region = vocabularies.get("countries").terms.get(country)?.meta?.region;
    if (typeof region === "string") files.unshift({ path: `countries/${country.toLowerCase()}/country.json`, text: renderCountryProfile(region) });
  }
  return { files, problems, permalink: `${country.toLowerCase()}/${slug}`, dir: entryDir(country, slug) };
}
