/**
 * Every sentence `npm run new` shows: its questions, what it says about an answer, and what it
 * says at the end. Kept in one module so that it can move to message catalogs as a whole.
 */

/** The questions, in the order they are asked. */
export const QUESTIONS = {
  country: "Country (type its name in any UN language, or its code)",
  kind: "Kind of entry",
  type: "Type of activity",
  level: "Level",
  countries: "Countries covered, as names or codes separated by commas (Kenya, RWA), or Enter if only this one",
  status: "Status, as a source states it",
  start: "Start date: 2019, 2019-06 or 2019-06-30 (Enter if no source gives it)",
  end: "End date, same form (Enter if it has not ended)",
  lang: "Language of the text",
  compiledBy: "Who compiles this entry",
  title: "Title",
  summary: "Summary (one or two sentences)",
  officialTitle: "Official title of a law or document the text quotes, exactly as written (Enter for none)",
  anotherOfficialTitle: "Another official title (Enter when done)",
  lead: "Lead organisation: name | acronym | https://website (Enter for none)",
  anotherLead: "Another lead organisation (Enter when done)",
  partner: "Partner organisation, written the same way (Enter for none)",
  anotherPartner: "Another partner organisation (Enter when done)",
  audiences: "Audiences (space to tick, Enter when done)",
  topics: "Topics (space to tick, Enter when done)",
  policyAreas: "Policy areas (space to tick, Enter when done)",
  mnrCapabilities: "Model National Response capabilities (space to tick, Enter when done)",
  sdgTargets: "SDG targets separated by commas, such as 16.2 (Enter for none)",
  link: "A public source (https://...)",
  linkType: "What is this source?",
  anotherLink: "Another source (https://..., Enter when done)",
  contact: "Add a public contact (an organisation's web form, generic e-mail or helpline)?",
  contactOrganisation: "Contact: organisation (Enter to skip)",
  contactUrl: "Contact: web page or form, https:// (Enter to skip)",
  contactEmail: "Contact: generic e-mail such as info@... (Enter to skip)",
  contactPhone: "Contact: public hotline or helpline number (Enter to skip)",
  related: "Related entries, such as ken/be-the-cop-campaign-2015, separated by commas (Enter for none)",
  slug: "Entry name (its permanent link)",
} as const;

/** The choice that leaves an optional list question unanswered. */
export const NOT_STATED = "Not stated by any source";

/** What is wrong with an answer, in words for the person who typed it. */
export const PROBLEMS = {
  notInList: (value: string, what: string, suggestion: string | undefined, some: readonly string[]) =>
    `"${value}" is not a ${what}${suggestion ? `; did you mean "${suggestion}"?` : `: use one of ${some.join(", ")}.`}`,
  notADate: (value: string, why: string) => `"${value}" ${why} Write a year (2019), a month (2019-06) or a day (2019-06-30).`,
  endBeforeStart: (end: string, start: string) => `The end (${end}) is before the start (${start}).`,
  slug: (value: string) => `"${value}" is not a valid entry name: use lower-case letters a-z, digits and single hyphens, at most 80 characters.`,
  noSlug: "No entry name can be made from the title: give one with --slug, such as national-cop-strategy-2019.",
  notHttps: (value: string) => `"${value}" is not a public https:// address.`,
  title: "The title needs 3 to 200 characters.",
  summary: "The summary needs 10 to 600 characters: one or two sentences.",
  officialTitle: "An official title needs 3 to 300 characters.",
  organisation: (value: string) => `"${value}" does not start with the organisation's name (name | acronym | https://website).`,
  organisationUrl: (value: string) => `The website of "${value}" is not a public https:// address.`,
  sdgTarget: (value: string) => `"${value}" is not an SDG target: write the goal, a dot and the target, such as 16.2 or 4.a.`,
  entryRef: (value: string) =>
    `"${value}" is not an entry's permalink: write the country code, a slash and the entry's name, such as ken/be-the-cop-campaign-2015.`,
  email: (value: string) => `"${value}" is not an e-mail address.`,
  phone: (value: string) => `"${value}" is not a phone number: digits, spaces, brackets and hyphens, optionally starting with +.`,
  empty: "This cannot be empty.",
  required: (flag: string) => `${flag} is required.`,
  linkTypeCount: (links: number, types: number) => `Give one --link-type per --link (${links} links, ${types} types), or a single --link-type for all.`,
  unknownFlag: (flag: string, suggestion: string | undefined) => `${flag} is not an option of npm run new${suggestion ? `; did you mean ${suggestion}?` : "."}`,
  flagNeedsValue: (flag: string) => `${flag} needs a value.`,
  duplicate: (value: string) => `"${value}" is given twice.`,
} as const;

/** The names the checks use for each list, in "is not a ..." sentences. */
export const LIST_NAMES: Record<string, string> = {
  kinds: "kind of entry",
  types: "type of activity",
  levels: "level",
  statuses: "status",
  languages: "language code",
  compilers: "kind of compiler",
  "link-types": "kind of source",
  audiences: "audience",
  topics: "topic",
  "policy-areas": "policy area",
  "mnr-capabilities": "Model National Response capability",
};

/** What the command says when it stops or finishes. */
export const OUTCOMES = {
  flagProblems: (problems: readonly string[]) =>
    `Nothing was asked and nothing was created:\n${problems.map((problem) => `  - ${problem}`).join("\n")}\nRun npm run new -- --help for the options.\n`,
  answerProblems: (problems: readonly string[]) =>
    `Nothing was created:\n${problems.map((problem) => `  - ${problem}`).join("\n")}\nRun npm run new -- --help for the options.\n`,
  taken: (paths: readonly string[]) =>
    `Nothing was created: ${paths.join(", ")} already exists.\nnpm run new never overwrites; choose another --slug, or edit the existing entry.\n`,
  created: (permalink: string, paths: readonly string[]) => `Created ${permalink}:\n${paths.map((path) => `  ${path}`).join("\n")}\n`,
  validating: "Checking the new entry with the validator:\n",
  valid: (narrative: string) => `The entry is valid. Next: write the story in ${narrative}, then run npm run validate.\n`,
  invalid: "The entry was created but has the problems above: correct them in the files, then run npm run validate.\n",
  cancelled: "Cancelled: nothing was created.\n",
} as const;
