import { describe, expect, test } from "vitest";
import { readerLanguages, workingLanguages } from "../../scripts/lib/i18n/working-languages.ts";
import type { UnLanguage } from "../../scripts/lib/vocab.ts";

describe("workingLanguages: the languages the bots write in for one country", () => {
  test.for<[string, string[] | undefined, (string | null)[], UnLanguage[]]>([
    ["the profile's field decides, in its order", ["fr", "ar"], ["en", "en", "en"], ["fr", "ar"]],
    ["the field's duplicates and unknown codes are dropped", ["ru", "ru", "de"], [], ["ru"]],
    ["without the field: the entries' original languages", undefined, ["ar"], ["ar"]],
    ["most frequent first", undefined, ["fr", "ar", "ar", "en", "ar", "fr"], ["ar", "fr", "en"]],
    ["a tie keeps the UN order (ar, zh, en, fr, ru, es)", undefined, ["es", "fr", "zh"], ["zh", "fr", "es"]],
    ["languages without a catalog are left out", undefined, ["pt", "pt", "es", null], ["es"]],
    ["no field and no entries: English", undefined, [], ["en"]],
    ["an empty field is no choice", [], ["zh"], ["zh"]],
    ["only languages without a catalog: English", undefined, ["de", "pt"], ["en"]],
  ])("%s", ([, declared, originals, expected]) => {
    expect(workingLanguages(declared, originals)).toEqual(expected);
  });
});

describe("readerLanguages: the languages of a text for several owners", () => {
  test.for<[string, UnLanguage[][], UnLanguage | undefined, UnLanguage[]]>([
    ["English after the others", [["fr"], ["ar"]], undefined, ["fr", "ar", "en"]],
    [
      "a union without repeats, in the order met",
      [
        ["fr", "ar"],
        ["ar", "ru"],
      ],
      undefined,
      ["fr", "ar", "ru", "en"],
    ],
    ["English stays where a country put it", [["en", "fr"]], undefined, ["en", "fr"]],
    ["English only stays English only", [["en"], ["en"]], undefined, ["en"]],
    ["nothing touched: English", [], undefined, ["en"]],
    ["another fallback (--lang)", [["fr"]], "es", ["fr", "es"]],
  ])("%s", ([, owners, fallback, expected]) => {
    expect(readerLanguages(owners, fallback)).toEqual(expected);
  });
});
