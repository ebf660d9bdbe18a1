import { describe, expect, test } from "vitest";
import { loadFormatSchemas } from "../../scripts/lib/format/repository.ts";
import { CORRECTION_FORM, correctionFormUrl, KEEP_AS_IT_IS } from "../../scripts/lib/forms/correction-form.ts";
import { generateForms } from "../../scripts/lib/forms/generate.ts";
import { loadCatalog } from "../../scripts/lib/schema/catalog.ts";
import { checkEntryFiles } from "../../scripts/lib/submission/check-entry.ts";
import { applyCorrection, hasEdits, permalinkOf, readCorrectionForm } from "../../scripts/lib/submission/correction.ts";
import { baselineFiles, makeRepo, PROJECT_ROOT } from "../support/repo.ts";
import { formBody } from "./helpers.ts";

const catalog = loadCatalog(PROJECT_ROOT);
const vocabularies = catalog.vocabularies;
const template = generateForms(catalog).get(CORRECTION_FORM) ?? "";
const schemas = loadFormatSchemas(PROJECT_ROOT);
const DIR = "countries/ken/activities/example-strategy-2020";

function currentEntry() {
  const files = baselineFiles();
  return {
    dir: DIR,
    activity: files[`${DIR}/activity.json`] ?? "",
    narratives: { en: files[`${DIR}/en.md`] ?? "", fr: files[`${DIR}/fr.md`] ?? "" },
  };
}

function correction(answers: Record<string, string | undefined>) {
  return formBody(
    {
      entry: "ken/example-strategy-2020",
      "current-title": "Example national strategy",
      change: "A fact is wrong (dates, status, organisations, links)",
      "new-status": KEEP_AS_IT_IS,
      details: "The strategy ended in 2024; the launch article moved.",
      confirmations: "This form holds no personal data: no private person's name, e-mail, phone number or photo, and nothing that identifies a child.",
      ...answers,
    },
    template,
  );
}

test.for([
  ["ken/example-strategy-2020", "ken/example-strategy-2020"],
  [" KEN/Example-Strategy-2020/ ", "ken/example-strategy-2020"],
  ["https://cop-atlas.github.io/cop-atlas/fr/countries/ken/activities/example-strategy-2020/index.html", "ken/example-strategy-2020"],
  ["https://github.com/cop-atlas/cop-atlas/tree/main/organizations/itu/activities/cop-guidelines-2020?x=1", "itu/cop-guidelines-2020"],
  ["../../etc/passwd", undefined],
  ["ken", undefined],
] as const)("permalinkOf(%j) → %j", ([answer, permalink]) => {
  expect(permalinkOf(answer)).toBe(permalink);
});

test("the entry page's link opens the correction form with the entry and its title filled in", () => {
  const url = new URL(correctionFormUrl("https://github.com/cop-atlas/cop-atlas/", "phl/anti-child-pornography-act-2009", "Anti-Child Pornography Act & more"));
  expect(`${url.origin}${url.pathname}`).toBe("https://github.com/cop-atlas/cop-atlas/issues/new");
  expect(Object.fromEntries(url.searchParams)).toEqual({
    template: "correction.yml",
    title: "[Correction] phl/anti-child-pornography-act-2009",
    entry: "phl/anti-child-pornography-act-2009",
    "current-title": "Anti-Child Pornography Act & more",
  });
  // The query names must be the ids of the form's questions, or GitHub fills in nothing.
  for (const id of ["entry", "current-title"]) expect(template).toContain(`id: ${id}\n`);
});

describe("a correction", () => {
  test("edits only what it names, in the entry's own files, and the result validates", () => {
    const reading = readCorrectionForm(
      correction({
        "new-status": "completed",
        "new-end": "2024-06",
        "add-links": "news https://example.org/news/launch-moved | The launch, at its new address",
        "remove-links": "https://example.org/news/launch",
        "new-title": "Example national strategy 2020-2024",
      }),
      template,
      vocabularies,
    );
    expect(reading.problems).toEqual([]);
    expect(reading.request).toEqual({
      permalink: "ken/example-strategy-2020",
      status: "completed",
      end: "2024-06",
      title: "Example national strategy 2020-2024",
      addLinks: [{ url: "https://example.org/news/launch-moved", type: "news", title: "The launch, at its new address" }],
      removeLinks: ["https://example.org/news/launch"],
    });
    const result = applyCorrection(currentEntry(), reading.request ?? { permalink: "" }, schemas);
    expect(result.problems).toEqual([]);
    expect(result.files.map((file) => file.path)).toEqual([`${DIR}/activity.json`, `${DIR}/en.md`]);
    const before = JSON.parse(currentEntry().activity);
    expect(JSON.parse(result.files[0]?.text ?? "")).toEqual({
      ...before,
      status: "completed",
      end: "2024-06",
      links: [
        { url: "https://example.org/strategy", type: "official" },
        { url: "https://example.org/news/launch-moved", type: "news", title: "The launch, at its new address" },
      ],
    });
    const narrative = result.files[1]?.text ?? "";
    expect(narrative).toContain("title: Example national strategy 2020-2024\n");
    expect(narrative).toContain("summary: A synthetic entry that the tests use as a valid baseline.\n");
    expect(narrative.endsWith("## What was done\n\nNothing real.\n")).toBe(true);
    const repo = makeRepo(baselineFiles());
    try {
      const errors = checkEntryFiles(repo.root, result.files).filter((diagnostic) => diagnostic.severity === "error");
      expect(errors).toEqual([]);
    } finally {
      repo.cleanup();
    }
  });

  test("adds official titles to the text in the language chosen", () => {
    const reading = readCorrectionForm(
      correction({ language: "fr", "official-titles": "Loi n° 2016-03 relative à la protection de l'enfant" }),
      template,
      vocabularies,
    );
    const result = applyCorrection(currentEntry(), reading.request ?? { permalink: "" }, schemas);
    expect(result.files.map((file) => file.path)).toEqual([`${DIR}/fr.md`]);
    expect(result.files[0]?.text).toContain("officialTitles:\n  - Loi n° 2016-03 relative à la protection de l'enfant\n");
    expect(result.files[0]?.text).toContain("translation:\n");
  });

  test("says which answers cannot be used, naming the question", () => {
    const reading = readCorrectionForm(
      correction({ entry: "the Kenyan strategy", "new-start": "2023-02-30", "add-links": "https://example.org/no-kind" }),
      template,
      vocabularies,
    );
    expect(reading.request).toBeUndefined();
    expect(reading.problems).toEqual([
      expect.objectContaining({ field: "Which entry", message: '"the Kenyan strategy" does not name an entry.' }),
      expect.objectContaining({ field: "New start date", message: '"2023-02-30" does not exist: 2023-02 has 28 days.' }),
      expect.objectContaining({
        field: "Sources to add",
        message: "Line 1: say what kind of source https://example.org/no-kind is: official, document, news or evaluation.",
      }),
    ]);
  });

  test("a source to remove that the entry does not have is a problem, not a silent no-op", () => {
    const result = applyCorrection(currentEntry(), { permalink: "ken/example-strategy-2020", removeLinks: ["https://example.org/other"] }, schemas);
    expect(result.files).toEqual([]);
    expect(result.problems).toEqual([expect.objectContaining({ message: "https://example.org/other is not among the entry's sources." })]);
  });

  test("a correction in words only has nothing for the bot to write", () => {
    const reading = readCorrectionForm(correction({}), template, vocabularies);
    expect(reading.request).toEqual({ permalink: "ken/example-strategy-2020" });
    expect(hasEdits(reading.request ?? { permalink: "" })).toBe(false);
  });
});
