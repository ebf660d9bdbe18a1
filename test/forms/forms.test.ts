import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { parse } from "yaml";
import { ACTIVITY_PRESENTATION, activityFormFields, FILLED_IN_BY_THE_BOT } from "../../scripts/lib/forms/activity-form.ts";
import { FORMS_DIR, GOVERNANCE_LABEL, generateForms, SUBMISSION_LABEL } from "../../scripts/lib/forms/generate.ts";
import { formTerms, optionText, parseOption } from "../../scripts/lib/forms/options.ts";
import { type EntryDraft, entryFiles, readKeyOrder } from "../../scripts/lib/scaffold/entry.ts";
import { loadCatalog } from "../../scripts/lib/schema/catalog.ts";
import { readActivityForm } from "../../scripts/lib/submission/read-form.ts";
import { validateRepository } from "../../scripts/lib/validate/index.ts";
import { activityTemplate, formBody, validAnswers } from "../submission/helpers.ts";
import { makeRepo, PROJECT_ROOT } from "../support/repo.ts";

const catalog = loadCatalog(PROJECT_ROOT);
const vocabularies = catalog.vocabularies;
const forms = generateForms(catalog);

interface Form {
  name: string;
  description: string;
  labels?: string[];
  body: Array<{
    type: string;
    id?: string;
    attributes: { label?: string; options?: Array<string | { label: string }>; default?: number };
    validations?: { required?: boolean };
  }>;
}

describe("the committed issue forms", () => {
  test.for([...forms.keys()])("%s is what npm run forms generates", (name) => {
    const committed = readFileSync(join(PROJECT_ROOT, FORMS_DIR, name), "utf8");
    expect(committed, `${FORMS_DIR}/${name} is out of date: run npm run forms`).toBe(forms.get(name));
  });
});

describe("the new-activity form", () => {
  const schema = JSON.parse(readFileSync(join(PROJECT_ROOT, "schemas/activity.schema.json"), "utf8")) as {
    properties: Record<string, unknown>;
    required: string[];
  };
  const form = parse(forms.get("new-activity.yml") ?? "") as Form;

  test("asks for every activity.json property, and marks the schema's required ones", () => {
    expect(Object.keys(ACTIVITY_PRESENTATION).sort()).toEqual(Object.keys(schema.properties).sort());
    const fields = activityFormFields(catalog);
    for (const property of schema.required) {
      if (FILLED_IN_BY_THE_BOT.has(property))
        expect(
          fields.some((field) => field.target.property === property),
          property,
        ).toBe(false);
      else expect(fields.find((field) => field.target.property === property)?.required, property).toBe(true);
    }
  });

  test("carries the submission label, and follows GitHub's form rules", () => {
    expect(form.labels).toEqual([SUBMISSION_LABEL]);
    const ids = form.body.filter((element) => element.id).map((element) => element.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]+$/);
    const labels = form.body.filter((element) => element.type !== "markdown").map((element) => element.attributes.label);
    expect(new Set(labels).size).toBe(labels.length);
    for (const element of form.body) {
      const options = (element.attributes.options ?? []).map((option) => (typeof option === "string" ? option : option.label));
      expect(new Set(options).size).toBe(options.length);
      expect(options).not.toContain("None");
      if (element.attributes.default !== undefined) expect(element.attributes.default).toBeLessThan(options.length);
    }
  });

  test.for(["countries", "kinds", "types", "levels", "statuses", "languages", "audiences", "topics", "policy-areas", "mnr-capabilities", "link-types"])(
    "every choice of %s parses back to its id",
    (name) => {
      const vocabulary = vocabularies.get(name);
      for (const term of formTerms(vocabulary)) expect(parseOption(optionText(term), vocabulary)).toBe(term.id);
    },
  );

  test("an answered form reads back into the entry's facts", () => {
    const reading = readActivityForm(formBody(validAnswers()), activityTemplate(), activityFormFields(catalog), vocabularies);
    expect(reading.problems).toEqual([]);
    expect(reading.draft).toMatchObject({ country: "KEN", slug: "national-child-online-protection-guidelines-2021", narrative: { lang: "en" } });
  });

  test("official titles feed the narrative's officialTitles, so a law's own title passes the terminology rule", () => {
    const answers = {
      ...validAnswers(),
      country: "PHL",
      type: "law",
      title: "Anti-Child Pornography Act of 2009",
      "official-titles": "Anti-Child Pornography Act of 2009\n- Republic Act No. 9775",
      start: "2009-11-17",
    };
    const reading = readActivityForm(formBody(answers), activityTemplate(), activityFormFields(catalog), vocabularies);
    expect(reading.problems).toEqual([]);
    expect(reading.draft?.narrative.officialTitles).toEqual(["Anti-Child Pornography Act of 2009", "Republic Act No. 9775"]);
    const files = entryFiles(reading.draft as EntryDraft, readKeyOrder(PROJECT_ROOT));
    const repo = makeRepo(Object.fromEntries(files.map((file) => [file.path, file.text])));
    try {
      repo.write("countries/phl/country.json", '{\n  "region": "asia-pacific",\n  "reviewers": []\n}\n');
      const errors = validateRepository({ root: repo.root }).diagnostics.filter((diagnostic) => diagnostic.severity === "error");
      expect(errors).toEqual([]);
    } finally {
      repo.cleanup();
    }
  });

  test("a date that does not exist is refused with the reason", () => {
    const reading = readActivityForm(formBody({ ...validAnswers(), start: "2023-02-30" }), activityTemplate(), activityFormFields(catalog), vocabularies);
    expect(reading.draft).toBeUndefined();
    expect(reading.problems).toContainEqual(expect.objectContaining({ field: "Start date", message: '"2023-02-30" does not exist: 2023-02 has 28 days.' }));
  });

  test("a heading pasted twice is a problem, not a silent override", () => {
    const body = `${formBody(validAnswers())}\n\n### Country\n\nFrance (FRA)`;
    const reading = readActivityForm(body, activityTemplate(), activityFormFields(catalog), vocabularies);
    expect(reading.draft).toBeUndefined();
    expect(reading.problems).toContainEqual(expect.objectContaining({ field: "Country", message: "This question appears more than once in the issue." }));
  });
});

describe("the other forms", () => {
  test("the profile and reviewer form goes to the secretariat", () => {
    const form = parse(forms.get("country-profile.yml") ?? "") as Form;
    expect(form.labels).toEqual([GOVERNANCE_LABEL]);
  });

  test.for(["", ".ar", ".zh", ".fr", ".ru", ".es"])("the profile form%s asks for the working languages, among the six only", (suffix) => {
    const form = parse(forms.get(`country-profile${suffix}.yml`) ?? "") as { body: Array<{ id?: string; attributes: Record<string, unknown> }> };
    const question = form.body.find((item) => item.id === "languages");
    const ids = ((question?.attributes.options ?? []) as string[]).map((option) => /\((\w+)\)$/.exec(option)?.[1]);
    expect(ids).toEqual(["ar", "zh", "en", "fr", "ru", "es"]);
    expect(question?.attributes.multiple).toBe(true);
    // In the form's own language: the French form names French « Français ».
    if (suffix === ".fr") expect(question?.attributes.options).toContain("Français (fr)");
    if (suffix === ".ar") expect(question?.attributes.options).toContain("الفرنسية (fr)");
    const changes = form.body.find((item) => item.id === "changes")?.attributes.options as Array<{ label: string }>;
    expect(changes).toHaveLength(5);
  });

  test("config.yml turns blank issues off and has contact links", () => {
    const config = parse(forms.get("config.yml") ?? "") as {
      blank_issues_enabled: boolean;
      contact_links: Array<{ name: string; url: string; about: string }>;
    };
    expect(config.blank_issues_enabled).toBe(false);
    expect(config.contact_links.length).toBeGreaterThan(0);
    for (const link of config.contact_links) expect(link.url).toMatch(/^https:\/\//);
  });
});
