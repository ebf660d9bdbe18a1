import { formatMessage, type MessageKey, type MessageRef, type MessageValues } from "../i18n/messages.ts";
import type { UnLanguage } from "../vocab.ts";

/**
 * Every sentence `npm run new` shows, in the language it speaks (--lang): its questions, what it
 * says about an answer, and what it says at the end. The words are in the message catalogs
 * (locales/<lang>.json, new.*); this module names them.
 */

/** The questions' names, in the order they are asked. */
const QUESTION_NAMES = [
  "country",
  "kind",
  "type",
  "level",
  "countries",
  "status",
  "start",
  "end",
  "lang",
  "compiledBy",
  "title",
  "summary",
  "officialTitle",
  "anotherOfficialTitle",
  "lead",
  "anotherLead",
  "partner",
  "anotherPartner",
  "audiences",
  "topics",
  "policyAreas",
  "mnrCapabilities",
  "sdgTargets",
  "link",
  "linkType",
  "anotherLink",
  "contact",
  "contactOrganisation",
  "contactUrl",
  "contactEmail",
  "contactPhone",
  "related",
  "slug",
] as const;

/** The name of a question. */
export type Question = (typeof QUESTION_NAMES)[number];

/** Every question in `lang`, by name. */
export function questions(lang: UnLanguage): Record<Question, string> {
  return Object.fromEntries(QUESTION_NAMES.map((name) => [name, question(lang, name)])) as Record<Question, string>;
}

/** A question in `lang`. */
export function question(lang: UnLanguage, name: Question): string {
  return formatMessage(lang, `new.question.${name}` as MessageKey);
}

/** The choice that leaves an optional list question unanswered, in `lang`. */
export function notStated(lang: UnLanguage): string {
  return formatMessage(lang, "new.notStated");
}

/** The lists whose values the checks name in "is not a ..." sentences (new.list.<name>). */
const LISTS = new Set([
  "kinds",
  "types",
  "levels",
  "statuses",
  "languages",
  "compilers",
  "link-types",
  "audiences",
  "topics",
  "policy-areas",
  "mnr-capabilities",
]);

/** What is wrong with an answer, in words for the person who typed it, in `lang`. */
export function scaffoldProblems(lang: UnLanguage) {
  const t = (key: MessageKey, values?: MessageValues) => formatMessage(lang, key, values);
  return {
    notInList: (value: string, list: string, suggestion: string | undefined, some: readonly string[]) => {
      const what: MessageRef | string = LISTS.has(list) ? { key: `new.list.${list}` as MessageKey } : list;
      return suggestion ? t("new.problem.notInListSuggest", { value, what, suggestion }) : t("new.problem.notInList", { value, what, some: some.join(", ") });
    },
    notADate: (value: string, problem: MessageRef) => t("new.problem.notADate", { value, problem }),
    endBeforeStart: (end: string, start: string) => t("new.problem.endBeforeStart", { end, start }),
    slug: (value: string) => t("new.problem.slug", { value }),
    noSlug: () => t("new.problem.noSlug"),
    notHttps: (value: string) => t("new.problem.notHttps", { value }),
    title: () => t("new.problem.title"),
    summary: () => t("new.problem.summary"),
    officialTitle: () => t("new.problem.officialTitle"),
    organisation: (value: string) => t("new.problem.organisation", { value }),
    organisationUrl: (value: string) => t("new.problem.organisationUrl", { value }),
    sdgTarget: (value: string) => t("new.problem.sdgTarget", { value }),
    entryRef: (value: string) => t("new.problem.entryRef", { value }),
    email: (value: string) => t("new.problem.email", { value }),
    phone: (value: string) => t("new.problem.phone", { value }),
    empty: () => t("new.problem.empty"),
    required: (flag: string) => t("new.problem.required", { flag }),
    linkTypeCount: (links: number, types: number) => t("new.problem.linkTypeCount", { links, types }),
    unknownFlag: (flag: string, suggestion: string | undefined) =>
      suggestion ? t("new.problem.unknownFlagSuggest", { flag, suggestion }) : t("new.problem.unknownFlag", { flag }),
    flagNeedsValue: (flag: string) => t("new.problem.flagNeedsValue", { flag }),
    duplicate: (value: string) => t("new.problem.duplicate", { value }),
    givenAlready: (value: string) => t("new.problem.givenAlready", { value }),
    notACountry: (value: string) => t("new.problem.notACountry", { value }),
    unknownLang: (value: string) => t("new.problem.unknownLang", { lang: value }),
  };
}

/** A list of problems or paths, one per line, indented: written as it is, never bidi-isolated as a whole. */
function indented(lines: readonly string[], marker: string): { verbatim: string } {
  return { verbatim: lines.map((line) => `  ${marker}${line}`).join("\n") };
}

/** What the command says when it stops or finishes, in `lang`; each ends with a line break. */
export function scaffoldOutcomes(lang: UnLanguage) {
  const t = (key: MessageKey, values?: MessageValues) => `${formatMessage(lang, key, values)}\n`;
  return {
    flagProblems: (problems: readonly string[]) => t("new.outcome.flagProblems", { problems: indented(problems, "- ") }),
    answerProblems: (problems: readonly string[]) => t("new.outcome.answerProblems", { problems: indented(problems, "- ") }),
    taken: (paths: readonly string[]) => t("new.outcome.taken", { paths: paths.join(", ") }),
    created: (permalink: string, paths: readonly string[]) => t("new.outcome.created", { permalink, paths: indented(paths, "") }),
    validating: () => t("new.outcome.validating"),
    valid: (narrative: string) => t("new.outcome.valid", { narrative }),
    invalid: () => t("new.outcome.invalid"),
    cancelled: () => t("new.outcome.cancelled"),
  };
}
