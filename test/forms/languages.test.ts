import { describe, expect, test } from "vitest";
import { parse } from "yaml";
import { activityFormFields } from "../../scripts/lib/forms/activity-form.ts";
import { activityFormFile, generateForms, SUBMISSION_LABEL } from "../../scripts/lib/forms/generate.ts";
import { loadCatalog } from "../../scripts/lib/schema/catalog.ts";
import { formLanguage, readActivityForm } from "../../scripts/lib/submission/read-form.ts";
import { UN_LANGUAGES, type UnLanguage } from "../../scripts/lib/vocab.ts";
import { formBody, validAnswers } from "../submission/helpers.ts";
import { PROJECT_ROOT } from "../support/repo.ts";

const catalog = loadCatalog(PROJECT_ROOT);
const forms = generateForms(catalog);
const FOREIGN = UN_LANGUAGES.filter((lang) => lang !== "en");

interface Form {
  name: string;
  labels: string[];
  body: Array<{ type: string; id?: string; attributes: { label?: string; options?: Array<string | { label: string }> } }>;
}
const formIn = (lang: UnLanguage) => parse(forms.get(activityFormFile(lang)) ?? "") as Form;
/** Valid answers as the form in `lang` offers them: the confirmations are that form's own boxes. */
const answersIn = (lang: UnLanguage) => {
  const confirmations = formIn(lang).body.find((element) => element.id === "confirmations")?.attributes.options ?? [];
  return { ...validAnswers(), confirmations: confirmations.map((option) => (typeof option === "string" ? option : option.label)) };
};

describe("the new-activity form in six languages", () => {
  test("one file per language: new-activity.yml in English, new-activity.<lang>.yml for the others", () => {
    expect(UN_LANGUAGES.map(activityFormFile).filter((name) => !forms.has(name))).toEqual([]);
    expect(activityFormFile("fr")).toBe("new-activity.fr.yml");
  });

  test.for(FOREIGN)("%s: the same questions, in the same order, with the same ids, in its own words", (lang) => {
    const english = formIn("en");
    const form = formIn(lang);
    expect(form.labels).toEqual([SUBMISSION_LABEL]);
    expect(form.body.map((element) => [element.type, element.id])).toEqual(english.body.map((element) => [element.type, element.id]));
    const labels = form.body.filter((element) => element.type !== "markdown").map((element) => element.attributes.label);
    expect(new Set(labels).size).toBe(labels.length);
    const englishLabels = new Set(english.body.map((element) => element.attributes.label));
    // "Description" and "Sources" are French words too; most questions read differently from English.
    expect(labels.filter((label) => englishLabels.has(label)).length).toBeLessThanOrEqual(2);
    expect(form.name).not.toBe(english.name);
  });

  test("the chooser names each form's language in that language", () => {
    expect(UN_LANGUAGES.map((lang) => formIn(lang).name)).toEqual([
      "نشاط جديد (العربية)",
      "新活动（中文）",
      "New activity (English)",
      "Nouvelle activité (français)",
      "Новая деятельность (русский)",
      "Nueva actividad (español)",
    ]);
  });

  test("choices carry the label in the form's language and the id, so any form parses back to the same ids", () => {
    const kinds = formIn("ar").body.find((element) => element.id === "kind")?.attributes.options;
    expect(kinds).toContain("نشاط (activity)".replace("نشاط", String(catalog.vocabularies.get("kinds").terms.get("activity")?.labels.ar)));
    const countries = formIn("zh").body.find((element) => element.id === "country")?.attributes.options as string[];
    expect(countries).toContain(`${catalog.vocabularies.get("countries").terms.get("KEN")?.labels.zh} (KEN)`);
  });

  test.for(UN_LANGUAGES)("an answered form in %s reads back into the same entry as the English one", (lang) => {
    const english = readActivityForm(
      formBody(answersIn("en")),
      forms.get(activityFormFile("en")) ?? "",
      activityFormFields(catalog, "en"),
      catalog.vocabularies,
    );
    const body = formBody(answersIn(lang), forms.get(activityFormFile(lang)));
    const reading = readActivityForm(body, forms.get(activityFormFile(lang)) ?? "", activityFormFields(catalog, lang), catalog.vocabularies, lang);
    expect(reading.problems).toEqual([]);
    expect(reading.draft).toEqual(english.draft);
    expect(formLanguage(body, (l) => activityFormFields(catalog, l), UN_LANGUAGES)).toBe(lang);
  });

  test("the form's problems are written in its language, naming its questions", () => {
    const ar: UnLanguage = "ar";
    const body = formBody({ ...answersIn(ar), links: "http://insecure.example.org", start: "2019-02-30", title: undefined }, forms.get(activityFormFile(ar)));
    const reading = readActivityForm(body, forms.get(activityFormFile(ar)) ?? "", activityFormFields(catalog, ar), catalog.vocabularies, ar);
    const plain = reading.problems.map((problem) => ({ ...problem, message: problem.message.replace(/[\u2068\u2069]/g, "") }));
    expect(plain).toContainEqual({ field: "العنوان", message: "هذا السؤال إلزامي ولا إجابة عنه." });
    expect(plain).toContainEqual({
      field: "تاريخ البدء",
      message: "«2019-02-30» تاريخ غير موجود: عدد أيام 2019-02 هو 28.",
      hint: "اكتب سنة (2019)، أو شهرًا (2019-06)، أو يومًا (2019-06-30).",
    });
    expect(plain.find((problem) => problem.field === "المصادر")?.message).toBe(
      "السطر 1: اذكر نوع المصدر http://insecure.example.org: official أو document أو news أو evaluation.",
    );
  });
});
