/**
 * Pull-request annotations in the working languages of the file's country, then English: one
 * annotation per problem, the languages one after another, rule id and position unchanged.
 */
import { describe, expect, test } from "vitest";
import { catalogText, localizeDiagnostics } from "../../scripts/lib/i18n/diagnostics.ts";
import { annotationLanguages } from "../../scripts/lib/i18n/owner-languages.ts";
import { memorySource } from "../../scripts/lib/load/source.ts";
import { formatGithub } from "../../scripts/lib/report/github.ts";
import type { UnLanguage } from "../../scripts/lib/vocab.ts";
import { run } from "../validate/rule-cases.ts";

const activity = (originalLanguage: string) => JSON.stringify({ kind: "activity", originalLanguage });
const source = memorySource({
  // Côte d'Ivoire chose French; Egypt has no choice and writes in Arabic; Kenya writes in English.
  "countries/civ/country.json": JSON.stringify({ region: "africa", reviewers: [], languages: ["fr"] }),
  "countries/civ/activities/ligne-verte-116/activity.json": activity("en"),
  "countries/egy/country.json": JSON.stringify({ region: "arab-states", reviewers: [] }),
  "countries/egy/activities/a/activity.json": activity("ar"),
  "countries/egy/activities/b/activity.json": activity("ar"),
  "countries/egy/activities/c/activity.json": activity("en"),
  "countries/ken/country.json": JSON.stringify({ region: "africa", reviewers: [] }),
  "countries/ken/activities/a/activity.json": activity("en"),
  "countries/xyz/country.json": "{ not json",
  "organizations/eu/organization.json": JSON.stringify({ name: { fr: "Union européenne" }, reviewers: [] }),
});

describe("annotationLanguages: the languages of a file's annotations", () => {
  test.for<[string, UnLanguage | undefined, UnLanguage[]]>([
    ["countries/civ/activities/ligne-verte-116/activity.json", undefined, ["fr", "en"]],
    ["countries/egy/activities/a/ar.md", undefined, ["ar", "en"]],
    ["countries/egy/country.json", undefined, ["ar", "en"]],
    ["countries/ken/activities/a/en.md", undefined, ["en"]],
    ["countries/xyz/country.json", undefined, ["en"]],
    ["organizations/eu/organization.json", undefined, ["en"]],
    [".github/CODEOWNERS", undefined, ["en"]],
    ["countries/civ/country.json", "es", ["fr", "es"]],
    ["countries/ken/country.json", "ru", ["en", "ru"]],
  ])("%s (--lang %s) → %j", ([file, fallback, expected]) => {
    expect(annotationLanguages(source, fallback)(file)).toEqual(expected);
  });
});

describe("formatGithub with the files' languages", () => {
  // A real finding of the validator, with its catalog reference: an unknown topic in a Kenyan entry.
  const [finding] = run({
    "countries/ken/activities/example-strategy-2020/activity.json": (text) => text.replace('"cyberbullying"', '"cyber-bullying"'),
  }).filter((d) => d.ruleId === "schema");
  const summary = { files: 1, entries: 1 };
  const annotation = (languages: UnLanguage[]) => formatGithub(finding ? [finding] : [], summary, () => languages).split("\n")[0] ?? "";
  const words = (lang: UnLanguage) => {
    const [d] = localizeDiagnostics(finding ? [finding] : [], lang);
    return d?.hint ? `${d.message}%0A${d.hint}` : (d?.message ?? "");
  };

  test("one annotation: French, then English, with the same rule, file and position", () => {
    expect(finding).toBeDefined();
    const line = annotation(["fr", "en"]);
    expect(
      line.startsWith(`::error file=countries/ken/activities/example-strategy-2020/activity.json,line=${finding?.line},col=${finding?.column},title=schema::`),
    ).toBe(true);
    expect(line.endsWith(`::${words("fr")}%0A%0A${words("en")}`)).toBe(true);
    expect(words("fr")).not.toEqual(words("en"));
  });

  test("Arabic then English; English alone stays as it was", () => {
    expect(annotation(["ar", "en"]).endsWith(`::${words("ar")}%0A%0A${words("en")}`)).toBe(true);
    expect(annotation(["en"])).toEqual(formatGithub(finding ? [finding] : [], summary).split("\n")[0]);
  });

  test("a hint taken from a schema's description is given in each language too, not left in English", () => {
    const described = finding && {
      ...finding,
      ...catalogText(finding.text!.message, { en: "The sources of the facts.", fr: "Les sources des faits." }),
    };
    const line = formatGithub(described ? [described] : [], summary, () => ["fr", "en"]).split("\n")[0] ?? "";
    expect(line).toContain("%0ALes sources des faits.%0A%0A");
    expect(line.endsWith("%0AThe sources of the facts.")).toBe(true);
  });
});
