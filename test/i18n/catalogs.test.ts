import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, test } from "vitest";
import {
  analyzeMessage,
  CATALOGS,
  type Catalog,
  catalogProblems,
  chooseLanguage,
  formatMessage,
  isolate,
  type MessageKey,
} from "../../scripts/lib/i18n/messages.ts";
import type { UnLanguage } from "../../scripts/lib/vocab.ts";

describe("the message catalogs", () => {
  test("every key is in every language, compiles, has English's placeholders and the language's plural categories", () => {
    expect(catalogProblems()).toEqual([]);
  });

  const withChange = (lang: UnLanguage, change: (catalog: Record<string, string>) => void): Record<UnLanguage, Catalog> => {
    const copy = { ...CATALOGS, [lang]: { ...CATALOGS[lang] } } as Record<UnLanguage, Record<string, string>>;
    change(copy[lang]);
    return copy;
  };

  test.for<[string, UnLanguage, (catalog: Record<string, string>) => void, RegExp]>([
    ["a missing key", "ru", (c) => delete c["terminology.avoid"], /^ru: "terminology\.avoid" is missing\.$/],
    ["a key English does not have", "fr", (c) => (c["terminology.extra"] = "x"), /^fr: "terminology\.extra" is not in the English catalog\.$/],
    ["a message that does not compile", "zh", (c) => (c["schema.useOneOf"] = "请使用 {values"), /^zh: "schema\.useOneOf" does not compile/],
    [
      "a placeholder renamed",
      "es",
      (c) => (c["schema.useOneOf"] = "Use uno de estos: {valores}."),
      /^es: "schema\.useOneOf" uses \{valores\} where English uses \{values\}\.$/,
    ],
    ["a placeholder dropped", "ar", (c) => (c["schema.listIn"] = "القائمة الكاملة."), /^ar: "schema\.listIn" uses \{\} where English uses \{name\}\.$/],
    [
      "a Russian plural without few",
      "ru",
      (c) => (c["validate.summary"] = "{files, plural, one {# файл} many {# файлов} other {# файла}} {entries} {errors} {warnings}"),
      /^ru: "validate\.summary" has a plural of \{files\} without few\.$/,
    ],
    [
      "an Arabic plural without zero and two",
      "ar",
      (c) => (c["validate.summary"] = "{files, plural, one {ملف} few {ملفات} many {ملفًا} other {ملف}} {entries} {errors} {warnings}"),
      /^ar: "validate\.summary" has a plural of \{files\} without zero, two\.$/,
    ],
  ])("finds %s", ([, lang, change, problem]) => {
    const problems = catalogProblems(withChange(lang, change));
    expect(
      problems.some((p) => problem.test(p)),
      problems.join("\n"),
    ).toBe(true);
  });
});

describe("plural forms", () => {
  const counts = [0, 1, 2, 3, 5, 11, 21, 100];
  const errorsIn = (lang: UnLanguage, n: number) => {
    const text = formatMessage(lang, "validate.summary", { files: 1, entries: 1, errors: n, warnings: 0 });
    return text.slice(text.indexOf(lang === "zh" ? "：" : ":") + 1, text.lastIndexOf(lang === "zh" ? "，" : lang === "ar" ? "،" : ",")).trim();
  };

  test("Russian: one, few and many", () => {
    expect(counts.map((n) => errorsIn("ru", n))).toEqual(["0 ошибок", "1 ошибка", "2 ошибки", "3 ошибки", "5 ошибок", "11 ошибок", "21 ошибка", "100 ошибок"]);
  });

  test("Russian files and entries agree with their numbers", () => {
    expect(formatMessage("ru", "validate.summary", { files: 4, entries: 21, errors: 5, warnings: 22 })).toBe(
      "Проверено 4 файла в 21 записи: 5 ошибок, 22 предупреждения.",
    );
  });

  test("Arabic: zero, one, two, few, many and other", () => {
    expect(counts.map((n) => errorsIn("ar", n))).toEqual(["لا أخطاء", "خطأ واحد", "خطآن", "3 أخطاء", "5 أخطاء", "11 خطأً", "21 خطأً", "100 خطأ"]);
  });

  test("English, French, Spanish and Chinese", () => {
    expect([1, 2].map((n) => errorsIn("en", n))).toEqual(["1 error", "2 errors"]);
    const million = (lang: string) => new Intl.NumberFormat(lang).format(1_000_000);
    expect([0, 1, 2, 1_000_000].map((n) => errorsIn("fr", n))).toEqual(["0 erreur", "1 erreur", "2 erreurs", `${million("fr")} d’erreurs`]);
    expect([1, 2, 1_000_000].map((n) => errorsIn("es", n))).toEqual(["1 error", "2 errores", `${million("es")} de errores`]);
    expect(errorsIn("zh", 2)).toBe("2 个错误");
  });
});

describe("bidi isolation of values", () => {
  const FSI = "\u2068";
  const PDI = "\u2069";

  test.for<[string, UnLanguage, boolean]>([
    ["قانون حماية الطفل", "en", true],
    ["قانون حماية الطفل", "ru", true],
    ["Child Online Protection Act", "en", false],
    ["Child Online Protection Act", "ar", true],
    ["https://www.example.org", "ar", true],
    ["2019–2023", "ar", true],
    ["قانون", "ar", false],
    ["儿童", "zh", false],
  ])("%j in a %s sentence is isolated: %s", ([value, lang, isolated]) => {
    expect(isolate(value, lang)).toBe(isolated ? `${FSI}${value}${PDI}` : value);
  });

  test("an Arabic value inside an English message, and an English one inside an Arabic message", () => {
    expect(formatMessage("en", "schema.useOneOf", { values: "قائمة" })).toBe(`Use one of: ${FSI}قائمة${PDI}.`);
    expect(formatMessage("ar", "schema.useOneOf", { values: "children, industry" })).toBe(`استخدم إحدى القيم التالية: ${FSI}children, industry${PDI}.`);
  });

  test("a value given per language takes the reader's", () => {
    expect(formatMessage("fr", "schema.listIn", { name: { en: "topics", fr: "thèmes" } })).toBe("La liste figure dans schemas/vocab/thèmes.json.");
  });
});

describe("messages of text and plain placeholders", () => {
  test("are written as IntlMessageFormat writes them, in every language, with text, numbers and empty values", () => {
    let simple = 0;
    for (const lang of ["ar", "zh", "en", "fr", "ru", "es"] as const) {
      for (const [key, text] of Object.entries(CATALOGS[lang])) {
        if (key === "$comment") continue;
        const { placeholders, plurals } = analyzeMessage(text);
        // Only messages whose every placeholder is plain: a plural or select takes its own kind of value.
        if (plurals.length > 0 || /\{\s*\w+\s*,/.test(text)) continue;
        simple++;
        const plain = Object.fromEntries(placeholders.map((name, i) => [name, i % 3 === 0 ? i : i % 3 === 1 ? `v${i}` : ""]));
        const expected = String(new IntlMessageFormat(text, lang, undefined, { ignoreTag: true }).format(plain));
        // Verbatim: text placed as given, not bidi-isolated, as the library was given it.
        const values = Object.fromEntries(Object.entries(plain).map(([name, value]) => [name, typeof value === "string" ? { verbatim: value } : value]));
        expect(formatMessage(lang, key as MessageKey, values), `${lang} ${key}`).toBe(expected);
      }
    }
    expect(simple).toBeGreaterThan(100);
  });

  test("a missing value is the error IntlMessageFormat gives", () => {
    expect(() => formatMessage("en", "site.pageTitle", { page: "A" })).toThrow(/site/);
  });
});

describe("chooseLanguage", () => {
  test.for<[string | undefined, Record<string, string>, ReturnType<typeof chooseLanguage>]>([
    ["ru", {}, "ru"],
    ["AR", { LANG: "fr_FR.UTF-8" }, "ar"],
    ["zh-CN", {}, "zh"],
    ["de", {}, { unknown: "de" }],
    [undefined, { LANG: "ru_RU.UTF-8" }, "ru"],
    [undefined, { LC_ALL: "es_ES.UTF-8", LANG: "fr_FR.UTF-8" }, "es"],
    [undefined, { LC_ALL: "", LC_MESSAGES: "ar_EG.UTF-8" }, "ar"],
    [undefined, { LANG: "C.UTF-8" }, "en"],
    [undefined, { LANG: "de_DE.UTF-8", LANGUAGE: "de:fr" }, "fr"],
    [undefined, { LANGUAGE: "ru", LANG: "es_ES.UTF-8" }, "ru"],
    [undefined, {}, "en"],
  ])("--lang %j with %j → %j", ([requested, env, expected]) => {
    expect(chooseLanguage(requested, env)).toEqual(expected);
  });
});
