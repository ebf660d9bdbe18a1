import { formatMessage, hasMessage, type MessageKey, type MessageValues } from "../i18n/messages.ts";
import type { UnLanguage, Vocabularies } from "../vocab.ts";
import { formTerms, optionText } from "./options.ts";

/** The file of the correction form under .github/ISSUE_TEMPLATE, and the label that starts the bot. */
export const CORRECTION_FORM = "correction.yml";
export const CORRECTION_LABEL = "correction";

/**
 * The ids of the correction form's questions. GitHub fills a question in from the query
 * parameter of the same name (…/issues/new?template=correction.yml&entry=ken/…), and the bot
 * reads the answers back by these ids.
 */
export const CORRECTION_FIELDS = {
  entry: "entry",
  currentTitle: "current-title",
  change: "change",
  language: "language",
  title: "new-title",
  summary: "new-summary",
  officialTitles: "official-titles",
  status: "new-status",
  start: "new-start",
  end: "new-end",
  addLinks: "add-links",
  removeLinks: "remove-links",
  details: "details",
  sources: "sources",
} as const;

/** The file of the correction form in a language: correction.yml in English, correction.fr.yml in French. */
export function correctionFormFile(lang: UnLanguage): string {
  return lang === "en" ? CORRECTION_FORM : `correction.${lang}.yml`;
}

/** What the English form says to leave a dropdown as it is. */
export const KEEP_AS_IT_IS = formatMessage("en", "form.correction.keep");

/** The correction form's questions that take an answer, in the form's order, with their words in `lang`. */
export function correctionFormLabels(lang: UnLanguage): Record<string, string> {
  return Object.fromEntries(Object.values(CORRECTION_FIELDS).map((id) => [id, correctionWords(id, lang).label]));
}

/** A question's label and description in `lang`, from the catalogs (form.correction.<id>.*). */
function correctionWords(id: string, lang: UnLanguage): { label: string; description: string } {
  const key = (part: string) => `form.correction.${id}.${part}` as MessageKey;
  return { label: formatMessage(lang, key("label")), description: hasMessage(key("description")) ? formatMessage(lang, key("description")) : "" };
}

/**
 * The "correction or update" form in `lang`: which entry (pre-filled from the entry's page), the
 * new values of what changes (the bot turns them into a pull request that edits the entry), and
 * in words anything the questions do not cover. The questions' ids are the same in every language.
 */
export function correctionForm(vocabularies: Vocabularies, lang: UnLanguage = "en"): Record<string, unknown> {
  const languages = formTerms(vocabularies.get("languages"), lang);
  const statuses = formTerms(vocabularies.get("statuses"), lang);
  const t = (key: MessageKey, values?: MessageValues) => formatMessage(lang, key, values);
  const f = CORRECTION_FIELDS;
  const question = (type: "input" | "textarea", id: string, placeholder?: string, required = false) => {
    const words = correctionWords(id, lang);
    return {
      type,
      id,
      attributes: { label: words.label, ...(words.description ? { description: words.description } : {}), ...(placeholder ? { placeholder } : {}) },
      ...(required ? { validations: { required: true } } : {}),
    };
  };
  const dropdown = (id: string, options: string[], extra: Record<string, unknown> = {}, required = false) => {
    const words = correctionWords(id, lang);
    return {
      type: "dropdown",
      id,
      attributes: { label: words.label, ...(words.description ? { description: words.description } : {}), options, ...extra },
      ...(required ? { validations: { required: true } } : {}),
    };
  };
  return {
    // The chooser lists the six forms side by side: each names its language in that language.
    name: t("form.correction.name", { language: t("form.languageName") }),
    description: t("form.correction.about"),
    title: t("form.correction.titlePrefix"),
    labels: [CORRECTION_LABEL],
    body: [
      { type: "markdown", attributes: { value: t("form.correction.intro") } },
      question("input", f.entry, "ken/be-the-cop-campaign-2015", true),
      question("input", f.currentTitle),
      dropdown(
        f.change,
        (["fact", "text", "translation", "remove"] as const).map((kind) => t(`form.correction.change.${kind}`)),
        {},
        true,
      ),
      dropdown(
        f.language,
        languages.map((term) => optionText(term, lang)),
      ),
      question("input", f.title),
      question("textarea", f.summary),
      question("textarea", f.officialTitles, "Anti-Child Pornography Act of 2009"),
      dropdown(f.status, [t("form.correction.keep"), ...statuses.map((term) => optionText(term, lang))], { default: 0 }),
      question("input", f.start, "2019-06"),
      question("input", f.end, "2023"),
      question("textarea", f.addLinks, "official https://www.example.go.ke/strategy"),
      question("textarea", f.removeLinks),
      question("textarea", f.details, undefined, true),
      question("textarea", f.sources),
      {
        type: "checkboxes",
        id: "confirmations",
        attributes: { label: t("form.beforeSubmit"), options: [{ label: t("form.noPersonalData"), required: true }] },
      },
    ],
  };
}

/**
 * The address that opens the correction form (in `lang`) with the entry's permalink and current title filled
 * in, as GitHub fills issue forms from query parameters named after the questions' ids.
 */
export function correctionFormUrl(repositoryUrl: string, permalink: string, currentTitle: string, lang: UnLanguage = "en"): string {
  const query = new URLSearchParams({
    template: correctionFormFile(lang),
    title: `${formatMessage(lang, "form.correction.titlePrefix")}${permalink}`,
    [CORRECTION_FIELDS.entry]: permalink,
    [CORRECTION_FIELDS.currentTitle]: currentTitle,
  });
  return `${repositoryUrl.replace(/\/+$/, "")}/issues/new?${query.toString()}`;
}
