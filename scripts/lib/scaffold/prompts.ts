import { input, search, select } from "@inquirer/prompts";
import { countryIndex, searchCountries } from "../countries/lookup.ts";
import { formTerms } from "../forms/options.ts";
import type { Vocabularies } from "../vocab.ts";
import { deriveSlug } from "./entry.ts";
import { checkAnswer, type ScaffoldAnswers } from "./scaffold.ts";

/**
 * Asks in the terminal for every required answer not given as a flag: lists are chosen from the
 * vocabularies by their English labels, text is checked as it is typed. The terminal adapter of
 * `npm run new`; the decisions are in scaffold.ts.
 */
export async function askMissing(given: ScaffoldAnswers, vocabularies: Vocabularies): Promise<ScaffoldAnswers> {
  const answers: ScaffoldAnswers = { ...given };
  const validate = (name: keyof ScaffoldAnswers) => (value: string) => checkAnswer(name, value.trim(), vocabularies) ?? true;
  const choices = (list: string) =>
    formTerms(vocabularies.get(list)).map((term) => ({ name: term.labels.en, value: term.id, ...(term.description ? { description: term.description } : {}) }));
  const choose = (message: string, list: string, fallback?: string) =>
    select({ message, choices: choices(list), ...(fallback ? { default: fallback } : {}), pageSize: 12 });

  if (answers.country === undefined) {
    const countries = vocabularies.get("countries");
    const index = countryIndex(countries);
    const everyCountry = formTerms(countries).map((country) => country.id);
    answers.country = await search({
      message: "Country (type its name in any UN language, or its code)",
      source: (term) =>
        (term ? searchCountries(index, term, 30) : everyCountry).map((code) => ({
          name: `${countries.terms.get(code)?.labels.en ?? code} (${code})`,
          value: code,
        })),
      pageSize: 12,
    });
  }
  answers.kind ??= await choose("Kind of entry", "kinds", "activity");
  answers.type ??= await choose("Type of activity", "types");
  answers.level ??= await choose("Level", "levels", "national");
  answers.status ??= await choose("Status", "statuses", "active");
  answers.start ??= (await input({ message: "Start date (2019, 2019-06 or 2019-06-30)", validate: validate("start") })).trim();
  answers.lang ??= await choose("Language of the text", "languages", "en");
  answers.compiledBy ??= await choose("Who compiles this entry", "compilers", "contributor");
  answers.title ??= (await input({ message: "Title", validate: validate("title") })).trim();
  answers.summary ??= (await input({ message: "Summary (one or two sentences)", validate: validate("summary") })).trim();
  if (!answers.links || answers.links.length === 0) {
    answers.links = [(await input({ message: "A public source (https://...)", validate: validate("links") })).trim()];
    answers.linkTypes = [await choose("What is this source?", "link-types", "official")];
  }
  if (answers.slug === undefined) {
    const suggested = deriveSlug(answers.title, answers.start.slice(0, 4));
    answers.slug = (
      await input({ message: "Entry name (its permanent link)", ...(suggested ? { default: suggested } : {}), validate: validate("slug") })
    ).trim();
  }
  return answers;
}
