import { checkbox, confirm, input, Separator, search, select } from "@inquirer/prompts";
import { countryIndex, searchCountries } from "../countries/lookup.ts";
import { formTerms } from "../forms/options.ts";
import { describedIn } from "../schema/descriptions.ts";
import type { Term, UnLanguage, Vocabularies } from "../vocab.ts";
import { deriveSlug } from "./entry.ts";
import { notStated, questions, scaffoldProblems } from "./messages.ts";
import { type AnswerName, checkAnswer, checkDateOrder, type ScaffoldAnswers } from "./scaffold.ts";

/**
 * Asks in the terminal, in `lang`, for every answer not given as a flag, the optional ones too
 * (Enter skips them): lists are chosen by their labels in `lang`, and each typed answer is checked
 * as it is given, so a mistake is asked again at once. The terminal adapter of `npm run new`; the
 * checks are in scaffold.ts and the sentences in the message catalogs (messages.ts names them).
 */
export async function askMissing(given: ScaffoldAnswers, vocabularies: Vocabularies, lang: UnLanguage = "en"): Promise<ScaffoldAnswers> {
  const answers: ScaffoldAnswers = { ...given };
  const QUESTIONS = questions(lang);
  const givenAlready = (typed: string) => scaffoldProblems(lang).givenAlready(typed);
  const check = (name: AnswerName, value: string) => checkAnswer(name, value, vocabularies, lang) ?? true;
  /** A required line of text, checked. */
  const text = async (name: AnswerName, message: string, fallback?: string) =>
    (await input({ message, ...(fallback ? { default: fallback } : {}), validate: (value) => check(name, value.trim()) })).trim();
  /** An optional line of text: empty skips it. */
  const optional = async (name: AnswerName, message: string, extra?: (value: string) => string | undefined) => {
    const value = (
      await input({
        message,
        validate: (typed) => {
          const trimmed = typed.trim();
          if (trimmed === "") return true;
          return checkAnswer(name, trimmed, vocabularies, lang) ?? extra?.(trimmed) ?? true;
        },
      })
    ).trim();
    return value === "" ? undefined : value;
  };
  /** An optional comma-separated list, each item checked; country names may hold spaces, so only commas separate them. */
  const commaList = async (name: AnswerName, message: string) => {
    const split = (typed: string) =>
      typed
        .split(name === "countries" ? /[,;]+/ : /[\s,;]+/)
        .map((item) => item.trim())
        .filter(Boolean);
    const value = await input({
      message,
      validate: (typed) => {
        for (const item of split(typed)) {
          const problem = checkAnswer(name, item, vocabularies, lang);
          if (problem) return problem;
        }
        return true;
      },
    });
    const items = [...new Set(split(value))];
    return items.length > 0 ? items : undefined;
  };
  /** Lines asked one after another until an empty answer. */
  const repeated = async (name: AnswerName, first: string, next: string) => {
    const items: string[] = [];
    for (;;) {
      const value = await optional(name, items.length === 0 ? first : next, (typed) => (items.includes(typed) ? givenAlready(typed) : undefined));
      if (value === undefined) return items.length > 0 ? items : undefined;
      items.push(value);
    }
  };
  const option = (term: Term) => {
    const description = describedIn(lang, term);
    return { name: term.labels[lang] ?? term.labels.en, value: term.id, ...(description ? { description } : {}) };
  };
  const choose = (message: string, list: string, fallback?: string) =>
    select({ message, choices: formTerms(vocabularies.get(list), lang).map(option), ...(fallback ? { default: fallback } : {}), pageSize: 12 });
  const tick = async (message: string, list: string) => {
    const chosen = await checkbox({ message, choices: grouped(list, vocabularies, lang), pageSize: 14 });
    return chosen.length > 0 ? chosen : undefined;
  };

  if (answers.country === undefined) {
    const countries = vocabularies.get("countries");
    const index = countryIndex(countries);
    const everyCountry = formTerms(countries, lang).map((country) => country.id);
    answers.country = await search({
      message: QUESTIONS.country,
      source: (term) =>
        (term ? searchCountries(index, term, 30) : everyCountry).map((code) => ({
          name: `${countries.terms.get(code)?.labels[lang] ?? countries.terms.get(code)?.labels.en ?? code} (${code})`,
          value: code,
        })),
      pageSize: 12,
    });
  }
  answers.kind ??= await choose(QUESTIONS.kind, "kinds", "activity");
  answers.type ??= await choose(QUESTIONS.type, "types");
  answers.level ??= await choose(QUESTIONS.level, "levels", "national");
  if (answers.countries === undefined && answers.level !== "national") answers.countries = await commaList("countries", QUESTIONS.countries);
  if (answers.status === undefined) {
    const status = await select({
      message: QUESTIONS.status,
      choices: [{ name: notStated(lang), value: "" }, ...formTerms(vocabularies.get("statuses"), lang).map(option)],
      default: "active",
      pageSize: 12,
    });
    if (status !== "") answers.status = status;
  }
  answers.start ??= await optional("start", QUESTIONS.start);
  answers.end ??= await optional("end", QUESTIONS.end, (end) => checkDateOrder(answers.start, end, lang));
  // The text is most likely written in the language the person reads the questions in.
  answers.lang ??= await choose(QUESTIONS.lang, "languages", lang);
  answers.compiledBy ??= await choose(QUESTIONS.compiledBy, "compilers", "contributor");
  answers.title ??= await text("title", QUESTIONS.title);
  answers.summary ??= await text("summary", QUESTIONS.summary);
  answers.officialTitles ??= await repeated("officialTitles", QUESTIONS.officialTitle, QUESTIONS.anotherOfficialTitle);
  answers.lead ??= await repeated("lead", QUESTIONS.lead, QUESTIONS.anotherLead);
  answers.partners ??= await repeated("partners", QUESTIONS.partner, QUESTIONS.anotherPartner);
  answers.audiences ??= await tick(QUESTIONS.audiences, "audiences");
  answers.topics ??= await tick(QUESTIONS.topics, "topics");
  answers.policyAreas ??= await tick(QUESTIONS.policyAreas, "policy-areas");
  answers.mnrCapabilities ??= await tick(QUESTIONS.mnrCapabilities, "mnr-capabilities");
  answers.sdgTargets ??= await commaList("sdgTargets", QUESTIONS.sdgTargets);
  if (!answers.links || answers.links.length === 0) {
    const links: string[] = [];
    const types: string[] = [];
    for (;;) {
      const url =
        links.length === 0
          ? await text("links", QUESTIONS.link)
          : await optional("links", QUESTIONS.anotherLink, (typed) => (links.includes(typed) ? givenAlready(typed) : undefined));
      if (url === undefined) break;
      links.push(url);
      types.push(await choose(QUESTIONS.linkType, "link-types", "official"));
    }
    answers.links = links;
    answers.linkTypes = types;
  }
  const contactGiven = [answers.contactOrganisation, answers.contactUrl, answers.contactEmail, answers.contactPhone].some((value) => value !== undefined);
  if (!contactGiven && (await confirm({ message: QUESTIONS.contact, default: false }))) {
    answers.contactOrganisation = await optional("contactOrganisation", QUESTIONS.contactOrganisation);
    answers.contactUrl = await optional("contactUrl", QUESTIONS.contactUrl);
    answers.contactEmail = await optional("contactEmail", QUESTIONS.contactEmail);
    answers.contactPhone = await optional("contactPhone", QUESTIONS.contactPhone);
  }
  answers.related ??= await commaList("related", QUESTIONS.related);
  if (answers.slug === undefined) {
    const suggested = deriveSlug(answers.title, answers.start?.slice(0, 4) ?? "");
    answers.slug = await text("slug", QUESTIONS.slug, suggested || undefined);
  }
  return answers;
}

/** The choices of a list to tick, labelled in `lang`; Model National Response capabilities under their domains, as the framework groups them. */
function grouped(list: string, vocabularies: Vocabularies, lang: UnLanguage): Array<{ name: string; value: string; description?: string } | Separator> {
  const choices: Array<{ name: string; value: string; description?: string } | Separator> = [];
  const domains = list === "mnr-capabilities" ? vocabularies.get("mnr-domains").terms : undefined;
  let domain: unknown;
  for (const term of formTerms(vocabularies.get(list), lang)) {
    if (domains && term.meta?.domain !== domain) {
      domain = term.meta?.domain;
      const labels = typeof domain === "string" ? domains.get(domain)?.labels : undefined;
      const label = labels?.[lang] ?? labels?.en;
      if (label) choices.push(new Separator(`— ${label} —`));
    }
    const number = typeof term.meta?.number === "number" ? `${term.meta.number}. ` : "";
    const description = describedIn(lang, term);
    choices.push({ name: `${number}${term.labels[lang] ?? term.labels.en}`, value: term.id, ...(description ? { description } : {}) });
  }
  return choices;
}
