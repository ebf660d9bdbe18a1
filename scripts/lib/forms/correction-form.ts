import type { Vocabularies } from "../vocab.ts";
import { NO_PERSONAL_DATA } from "./elements.ts";
import { formTerms, optionText } from "./options.ts";

/** The file of the correction form under .github/ISSUE_TEMPLATE, and the label that starts the bot. */
export const CORRECTION_FORM = "correction.yml";
export const CORRECTION_LABEL = "correction";
export const CORRECTION_TITLE_PREFIX = "[Correction] ";

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

/** What the form says to leave a dropdown as it is. */
export const KEEP_AS_IT_IS = "Keep as it is";

/**
 * The "correction or update" form: which entry (pre-filled from the entry's page), the new values
 * of what changes (the bot turns them into a pull request that edits the entry), and in words
 * anything the questions do not cover.
 */
export function correctionForm(vocabularies: Vocabularies): Record<string, unknown> {
  const languages = formTerms(vocabularies.get("languages"));
  const statuses = formTerms(vocabularies.get("statuses"));
  const f = CORRECTION_FIELDS;
  const input = (id: string, label: string, description: string, placeholder?: string) => ({
    type: "input",
    id,
    attributes: { label, description, ...(placeholder ? { placeholder } : {}) },
  });
  const textarea = (id: string, label: string, description: string, placeholder?: string) => ({
    type: "textarea",
    id,
    attributes: { label, description, ...(placeholder ? { placeholder } : {}) },
  });
  return {
    name: "Correction or update of an entry",
    description: "Something in an existing entry is wrong, out of date or missing.",
    title: CORRECTION_TITLE_PREFIX,
    labels: [CORRECTION_LABEL],
    body: [
      {
        type: "markdown",
        attributes: {
          value: [
            "Tell us which entry and what should change. Fill in only what changes and leave the rest empty.",
            "",
            "A bot turns the new values below into a pull request that edits the entry, and the country's reviewers approve it; what you write under *What should change* is for the people who review it. If a value cannot be used, the bot says so in a comment here: **edit this issue** and it checks again. Everything you write here is public.",
          ].join("\n"),
        },
      },
      {
        type: "input",
        id: f.entry,
        attributes: {
          label: "Which entry",
          description:
            "Its permalink (the country code, a slash and the entry's name, such as ken/be-the-cop-campaign-2015) or the address of its page. Filled in when you come from the entry's page.",
          placeholder: "ken/be-the-cop-campaign-2015",
        },
        validations: { required: true },
      },
      input(f.currentTitle, "Its title now", "Filled in when you come from the entry's page, so that you can check it is the right one."),
      {
        type: "dropdown",
        id: f.change,
        attributes: {
          label: "What kind of change",
          options: [
            "A fact is wrong (dates, status, organisations, links)",
            "The text is wrong or out of date",
            "A translation is missing or wrong",
            "The entry should be removed",
          ],
        },
        validations: { required: true },
      },
      {
        type: "dropdown",
        id: f.language,
        attributes: {
          label: "Language of the text concerned",
          description: "The language of the title, summary or official titles you correct below. Leave it empty for the entry's original language.",
          options: languages.map((term) => optionText(term)),
        },
      },
      input(f.title, "New title", "Only if the title should change: the whole new title, in the language chosen above."),
      textarea(f.summary, "New summary", "Only if the summary should change: one or two sentences, in plain text."),
      textarea(
        f.officialTitles,
        "Official titles to add",
        "The official title of a law or document the text quotes, exactly as it is written, one per line.",
        "Anti-Child Pornography Act of 2009",
      ),
      {
        type: "dropdown",
        id: f.status,
        attributes: {
          label: "New status",
          description: "Only if the status should change, as a public source states it.",
          options: [KEEP_AS_IT_IS, ...statuses.map((term) => optionText(term))],
          default: 0,
        },
      },
      input(f.start, "New start date", "Only if it should change: a year (2019), a month (2019-06) or a day (2019-06-30).", "2019-06"),
      input(f.end, "New end date", "Only if it should change, in the same form.", "2023"),
      textarea(
        f.addLinks,
        "Sources to add",
        "One public web address (https://) per line, starting with the kind of source: official, document, news or evaluation. A title may follow after |.",
        "official https://www.example.go.ke/strategy",
      ),
      textarea(f.removeLinks, "Sources to remove", "The addresses of sources to remove from the entry, one per line (a page that is gone or wrong)."),
      {
        type: "textarea",
        id: f.details,
        attributes: {
          label: "What should change",
          description: "In words: why, and anything the questions above do not cover (organisations, the story, a translation).",
        },
        validations: { required: true },
      },
      textarea(f.sources, "Sources", "Public web addresses (https://) that support the change, one per line."),
      { type: "checkboxes", id: "confirmations", attributes: { label: "Before you submit", options: [NO_PERSONAL_DATA] } },
    ],
  };
}

/**
 * The address that opens the correction form with the entry's permalink and current title filled
 * in, as GitHub fills issue forms from query parameters named after the questions' ids.
 */
export function correctionFormUrl(repositoryUrl: string, permalink: string, currentTitle: string): string {
  const query = new URLSearchParams({
    template: CORRECTION_FORM,
    title: `${CORRECTION_TITLE_PREFIX}${permalink}`,
    [CORRECTION_FIELDS.entry]: permalink,
    [CORRECTION_FIELDS.currentTitle]: currentTitle,
  });
  return `${repositoryUrl.replace(/\/+$/, "")}/issues/new?${query.toString()}`;
}
