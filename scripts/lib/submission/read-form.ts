import { parseIssue } from "@github/issue-parser";
import { type CountryIndex, countryIndex, countryProblem, lookupCountry } from "../countries/lookup.ts";
import type { FormField } from "../forms/activity-form.ts";
import { readLink, readOrganisation } from "../forms/answers.ts";
import { parseOption } from "../forms/options.ts";
import { formatMessage, type MessageKey, type MessageValues } from "../i18n/messages.ts";
import { dateProblemRef } from "../rules/dates.ts";
import { deriveSlug, type EntryDraft, isValidSlug } from "../scaffold/entry.ts";
import type { UnLanguage, Vocabularies } from "../vocab.ts";

/** A problem with one answer of the form, in words for the person who filled it in. */
export interface FormProblem {
  /** The question's label as the form shows it; undefined for the form as a whole. */
  field?: string;
  message: string;
  hint?: string;
}

export interface FormReading {
  draft?: EntryDraft;
  problems: FormProblem[];
  /** The language the form was filled in, as its answer says or, failing that, as its text's script shows. */
  language?: string;
}

/** GitHub caps an issue body at 65,536 characters; anything longer did not come from the form. */
export const MAX_BODY = 65_536;

type Answer = string | string[] | { selected: string[]; unselected: string[] } | undefined;

/**
 * Reads the answers of a "new activity" issue into an entry draft. Every value that decides a
 * path (the country, the slug) is checked against its list or pattern here; the other values are
 * checked by the validator afterwards. All problems are reported, not the first one, in `wordsIn`
 * (the questions are named as `fields` label them: as the form the person filled in shows them).
 */
export function readActivityForm(
  body: string,
  template: string,
  fields: readonly FormField[],
  vocabularies: Vocabularies,
  wordsIn: UnLanguage = "en",
): FormReading {
  const problems: FormProblem[] = [];
  const t = (key: MessageKey, values?: MessageValues) => formatMessage(wordsIn, key, values);
  if (body.length > MAX_BODY) {
    return { problems: [{ message: t("form.problem.tooLong", { length: body.length, limit: MAX_BODY }), hint: t("form.problem.tooLongHint") }] };
  }
  const text = body.replace(/\r\n?/g, "\n").normalize("NFC");
  for (const field of fields) {
    const headings = text.split("\n").filter((line) => line.replace(/^###\s*/, "").trim() === field.label && line.startsWith("###")).length;
    if (headings > 1) problems.push({ field: field.label, message: t("form.problem.twice"), hint: t("form.problem.twiceHint") });
  }
  const answers = parseIssue(text, template) as Record<string, Answer>;
  const byProperty = new Map<string, FormField[]>();
  for (const field of fields) byProperty.set(field.target.property, [...(byProperty.get(field.target.property) ?? []), field]);
  const fieldOf = (property: string) => byProperty.get(property)?.[0];
  const label = (property: string) => fieldOf(property)?.label ?? property;

  const single = (field: FormField | undefined): string | undefined => {
    if (!field) return undefined;
    const answer = answers[field.id];
    const value = Array.isArray(answer) ? answer.join(", ") : typeof answer === "string" ? answer : undefined;
    const trimmed = value?.trim();
    return trimmed === "" ? undefined : trimmed;
  };
  const oneLine = (value: string | undefined) => value?.replace(/\s+/g, " ").trim();
  const choice = (field: FormField | undefined): string | undefined => {
    const answer = single(field);
    if (!field?.vocabulary || answer === undefined) return undefined;
    const id = parseOption(answer, vocabularies.get(field.vocabulary));
    if (id === undefined && field.vocabulary === "countries") {
      // An answer edited by hand may name the country in any language or by any code.
      const index = countryIndex(vocabularies.get("countries"));
      const match = lookupCountry(index, answer);
      if (match.kind === "found") return match.code;
      problems.push({
        field: field.label,
        message: countryProblem(index, answer, wordsIn) ?? t("form.problem.notACountry", { answer }),
        hint: t("form.problem.pickCountry"),
      });
      return undefined;
    }
    if (id === undefined) problems.push({ field: field.label, message: t("form.problem.notAChoice", { answer }), hint: t("form.problem.pickChoice") });
    return id;
  };
  const choices = (field: FormField | undefined): string[] | undefined => {
    if (!field?.vocabulary) return undefined;
    const answer = answers[field.id];
    const selected = answer && typeof answer === "object" && !Array.isArray(answer) ? answer.selected : [];
    const ids: string[] = [];
    for (const option of selected) {
      const id = parseOption(option, vocabularies.get(field.vocabulary));
      if (id === undefined)
        problems.push({ field: field.label, message: t("form.problem.notAChoice", { answer: option }), hint: t("form.problem.tickOffered") });
      else if (!ids.includes(id)) ids.push(id);
    }
    return ids.length > 0 ? ids : undefined;
  };
  const required = (property: string, value: unknown) => {
    if (value === undefined && fieldOf(property)?.required) problems.push({ field: label(property), message: t("form.problem.required") });
  };

  // Where the entry goes: only from values checked against the country list and the slug pattern.
  const country = choice(fieldOf("country"));
  required("country", country);
  const lang = choice(fieldOf("originalLanguage"));
  required("originalLanguage", lang);
  const title = oneLine(single(fieldOf("title")));
  required("title", title);
  const officialTitles = [
    ...new Set(
      (single(fieldOf("officialTitles")) ?? "")
        .split("\n")
        .map((line) => oneLine(line.replace(/^[-*]\s+/, "")) ?? "")
        .filter(Boolean),
    ),
  ];
  const summary = oneLine(single(fieldOf("summary")));
  required("summary", summary);
  const story = single(fieldOf("body"));
  required("body", story);

  const activity: Record<string, unknown> = {};
  for (const property of ["kind", "type", "level", "status", "originalLanguage"]) {
    const value = property === "originalLanguage" ? lang : choice(fieldOf(property));
    if (property !== "originalLanguage") required(property, value);
    if (value !== undefined) activity[property] = value;
  }
  for (const property of ["start", "end"]) {
    const value = single(fieldOf(property));
    required(property, value);
    if (value === undefined) continue;
    const problem = dateProblemRef(value);
    if (problem) problems.push({ field: label(property), message: t("form.problem.date", { value, problem }), hint: t("form.problem.dateHint") });
    activity[property] = value;
  }
  const countries = single(fieldOf("countries"));
  if (countries !== undefined) {
    const index = countryIndex(vocabularies.get("countries"));
    const list: string[] = [];
    for (const written of splitCountries(countries, index)) {
      const match = lookupCountry(index, written);
      if (match.kind !== "found")
        problems.push({ field: label("countries"), message: countryProblem(index, written, wordsIn) ?? t("form.problem.notACountry", { answer: written }) });
      else if (!list.includes(match.code)) list.push(match.code);
    }
    if (list.length > 0) activity.countries = list;
  }
  for (const property of ["lead", "partners"]) {
    const value = single(fieldOf(property));
    if (value === undefined) continue;
    const organisations = value
      .split("\n")
      .map((line) => line.trim().replace(/^[-*]\s+/, ""))
      .filter(Boolean)
      .map(readOrganisation);
    if (organisations.length > 0) activity[property] = organisations;
  }
  for (const property of ["audiences", "topics", "policyAreas", "mnrCapabilities"]) {
    const value = choices(fieldOf(property));
    if (value) activity[property] = value;
  }
  const sdg = single(fieldOf("sdgTargets"));
  if (sdg !== undefined) activity.sdgTargets = [...new Set(sdg.split(/[\s,;]+/).filter(Boolean))];
  const links = single(fieldOf("links"));
  required("links", links);
  if (links !== undefined) {
    const list: Record<string, string>[] = [];
    for (const [index, raw] of links.split("\n").entries()) {
      const line = raw.trim().replace(/^[-*]\s+/, "");
      if (line === "") continue;
      const read = readLink(line, vocabularies, wordsIn);
      if ("problem" in read)
        problems.push({
          field: label("links"),
          message: t("form.problem.linkLine", { line: index + 1, problem: { verbatim: read.problem } }),
          hint: t("form.problem.linkHint"),
        });
      else list.push(read.link);
    }
    if (list.length > 0) activity.links = list;
    else if (!problems.some((problem) => problem.field === label("links")))
      problems.push({ field: label("links"), message: t("form.problem.noSource"), hint: t("form.problem.noSourceHint") });
  }
  const contact: Record<string, string> = {};
  for (const field of byProperty.get("contact") ?? []) {
    const value = oneLine(single(field));
    if (value !== undefined && field.target.file === "activity" && field.target.part) contact[field.target.part] = value;
  }
  if (Object.keys(contact).length > 0) activity.contact = contact;
  const related = single(fieldOf("related"));
  if (related !== undefined)
    activity.related = [
      ...new Set(
        related
          .split(/[\s,;]+/)
          .filter(Boolean)
          .map((ref) => ref.toLowerCase()),
      ),
    ];

  // The bot cannot tell who stands behind a form: the entry says so until its reviewers confirm it.
  activity.provenance = { compiledBy: "contributor" };

  const confirmations = answers.confirmations;
  if (confirmations && typeof confirmations === "object" && !Array.isArray(confirmations) && confirmations.unselected.length > 0) {
    problems.push({ field: t("form.beforeSubmit"), message: t("form.problem.notTicked"), hint: t("form.problem.notTickedHint") });
  }

  // The permalink: from the short name if given, else from the title, plus the start year.
  const year = typeof activity.start === "string" ? activity.start.slice(0, 4) : "";
  const explicit = single(fieldOf("slug"));
  let slug = "";
  if (explicit !== undefined) {
    const cleaned = explicit.toLowerCase();
    if (!isValidSlug(cleaned)) {
      problems.push({ field: label("slug"), message: t("form.problem.slug", { answer: explicit }), hint: t("form.problem.slugHint") });
    } else slug = deriveSlug(cleaned, year);
  } else if (title !== undefined) {
    slug = deriveSlug(title, year);
    if (slug === "") problems.push({ field: label("slug"), message: t("form.problem.noSlug"), hint: t("form.problem.noSlugHint") });
  }
  if (slug !== "" && !isValidSlug(slug)) {
    problems.push({ field: label("slug"), message: t("form.problem.slugTooLong"), hint: t("form.problem.slugTooLongHint") });
    slug = "";
  }

  const language = lang ?? scriptLanguage([title, summary, story].filter((text): text is string => text !== undefined).join(" "));
  if (problems.length > 0 || !country || !lang || !title || !summary || slug === "") return { problems, ...(language ? { language } : {}) };
  return {
    draft: {
      country,
      slug,
      activity,
      narrative: { lang, title, summary, body: story ?? "", ...(officialTitles.length > 0 ? { officialTitles } : {}) },
    },
    problems,
    language: lang,
  };
}

/**
 * The countries of a "countries covered" answer: one per line or between commas or semicolons,
 * as names or codes ("United Kingdom, Kenia"); a line of codes separated by spaces ("KEN UGA TZA")
 * is split at the spaces when the line as a whole is not a country.
 */
function splitCountries(answer: string, index: CountryIndex): string[] {
  return answer
    .split(/[\n,;،、，；]+/)
    .map((part) => part.trim())
    .filter(Boolean)
    .flatMap((part) => {
      const words = part.split(/\s+/);
      if (words.length < 2 || lookupCountry(index, part).kind !== "unknown") return [part];
      return words.every((word) => lookupCountry(index, word).kind === "found") ? words : [part];
    });
}

/**
 * The UN language whose script most of the letters of a text are in: Arabic, Chinese (Han) or
 * Russian (Cyrillic); undefined for Latin letters, which do not tell English, French and Spanish apart.
 */
export function scriptLanguage(text: string): string | undefined {
  const count = (pattern: RegExp) => text.match(pattern)?.length ?? 0;
  const scripts: Array<[string, number]> = [
    ["ar", count(/\p{Script=Arabic}/gu)],
    ["zh", count(/\p{Script=Han}/gu)],
    ["ru", count(/\p{Script=Cyrillic}/gu)],
    ["", count(/\p{Script=Latin}/gu)],
  ];
  const [best] = scripts.sort((a, b) => b[1] - a[1]);
  return best && best[1] > 0 && best[0] !== "" ? best[0] : undefined;
}

/**
 * The language of the form an issue was written with (new activity or correction): the one whose
 * question headings ("### Title", "### العنوان") the body holds most of. The six forms of a kind
 * share their questions' ids, not their headings, so the headings tell them apart; English when none match.
 */
export function formLanguage(body: string, fieldsOf: (lang: UnLanguage) => readonly { label: string }[], languages: readonly UnLanguage[]): UnLanguage {
  const headings = new Set(
    body
      .replace(/\r\n?/g, "\n")
      .normalize("NFC")
      .split("\n")
      .filter((line) => line.startsWith("###"))
      .map((line) => line.replace(/^###\s*/, "").trim()),
  );
  let best: UnLanguage = "en";
  let bestCount = 0;
  for (const lang of languages) {
    const count = fieldsOf(lang).filter((field) => headings.has(field.label)).length;
    if (count > bestCount) {
      best = lang;
      bestCount = count;
    }
  }
  return best;
}
