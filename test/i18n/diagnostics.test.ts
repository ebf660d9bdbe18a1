import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Diagnostic } from "../../scripts/lib/diagnostics.ts";
import { localizeDiagnostics } from "../../scripts/lib/i18n/diagnostics.ts";
import { renderMessage } from "../../scripts/lib/i18n/messages.ts";
import { parseJson } from "../../scripts/lib/load/json.ts";
import { MAX_LINES, markdownProblem } from "../../scripts/lib/load/limits.ts";
import { RULES } from "../../scripts/lib/rules/index.ts";
import { UN_LANGUAGES, type UnLanguage } from "../../scripts/lib/vocab.ts";
import { PROJECT_ROOT } from "../support/repo.ts";
import { CASES, run } from "../validate/rule-cases.ts";

const FOREIGN = UN_LANGUAGES.filter((lang): lang is Exclude<UnLanguage, "en"> => lang !== "en");
const byName = (name: string) => {
  const found = CASES.find((c) => c.name === name);
  if (!found) throw new Error(`no rule case "${name}"`);
  return run(found.change);
};
/** Unicode isolates around values, removed to compare the words. */
const plain = (text: string) => text.replace(/[\u2068\u2069]/g, "");

/** Cases for rules test/validate/rule-cases.ts does not reach. */
const MORE_CASES: Array<Record<string, (text: string) => string>> = [
  { "countries/ken/activities/example-strategy-2020/activity.json": (text) => text.replace('"Example Ministry"', '"Example\\nMinistry"') },
];

describe("every rule writes its messages and hints from the catalogs", () => {
  let diagnostics: Diagnostic[] = [];
  beforeAll(() => {
    diagnostics = [...CASES.map((c) => c.change), ...MORE_CASES].flatMap((change) => run(change));
  });
  afterAll(() => {
    diagnostics = [];
  });

  test("the rule cases reach every rule", () => {
    const reached = new Set(diagnostics.map((d) => d.ruleId));
    // codeowners needs a repository configuration the in-memory cases do not have (test/validate/codeowners-rule.test.ts
    // covers it), and readable a file the system refuses to read.
    expect(RULES.map((rule) => rule.id).filter((id) => id !== "codeowners" && id !== "readable" && !reached.has(id))).toEqual([]);
  });

  test("each diagnostic names its catalog message, and its hint when it has one", () => {
    for (const d of diagnostics) {
      expect(d.text, `${d.ruleId}: ${d.message}`).toBeDefined();
      if (d.hint !== undefined && d.text?.hint === undefined) {
        // A hint outside the catalogs is only a schema's own description of a field, in its six languages.
        expect(d.ruleId, d.hint).toBe("schema");
        expect(d.text?.hintTexts?.en, d.hint).toBe(d.hint);
      }
    }
    // The cases reach such hints: the test below would otherwise check nothing about them.
    expect(diagnostics.filter((d) => d.text?.hintTexts).length).toBeGreaterThan(0);
  });

  test.for(FOREIGN)("in %s, every message and catalog hint reads in that language, with rule ids and positions unchanged", (lang) => {
    const localized = localizeDiagnostics(diagnostics, lang);
    expect(localized.map(({ ruleId, severity, file, line, column }) => [ruleId, severity, file, line, column])).toEqual(
      diagnostics.map(({ ruleId, severity, file, line, column }) => [ruleId, severity, file, line, column]),
    );
    localized.forEach((d, index) => {
      const english = diagnostics[index] as Diagnostic;
      expect(plain(d.message), english.message).not.toBe(english.message);
      expect(d.message).not.toMatch(/\{[a-zA-Z]+\}/);
      if (english.text?.hint) expect(plain(d.hint ?? ""), english.hint).not.toBe(english.hint);
      if (english.text?.hintTexts) {
        expect(d.hint, english.hint).toBe(english.text.hintTexts[lang]);
        expect(d.hint, english.hint).not.toBe(english.hint);
      }
      expect(Object.keys(d)).not.toContain("text");
    });
  });
});

describe("messages of several rules, word for word", () => {
  test.for<[string, UnLanguage, string, string?]>([
    [
      "an http link",
      "ru",
      "links[0].url: принимаются только адреса https, а не http.",
      "Замените http:// на https://; если у сайта нет версии https, дайте ссылку на другой источник того же факта.",
    ],
    ["an http link", "ar", "links[0].url: لا تُقبل إلا العناوين التي تبدأ بـ https، لا http."],
    ["an http link", "zh", "links[0].url：只接受 https 地址，不接受 http。", "请将 http:// 改为 https://；如果该网站没有 https 版本，请为同一事实另找来源。"],
    ["end before start", "ru", "окончание (2019) раньше начала (2020-03).", "Сверьте обе даты с источником."],
    ["end before start", "ar", "تاريخ الانتهاء (2019) يسبق تاريخ البدء (2020-03).", "تحقّق من التاريخين في المصدر."],
    ["end before start", "zh", "结束日期（2019）早于开始日期（2020-03）。"],
    ["a date that does not exist", "ru", "start: «2019-02-30» — такой даты нет: в 2019-02 28 дней."],
    ["a date that does not exist", "fr", "start : « 2019-02-30 » n’existe pas : 2019-02 compte 28 jours."],
    [
      "a good practice without evidence",
      "es",
      'Una buena práctica necesita pruebas: añada un enlace de tipo "evaluation" a una evaluación, una auditoría o resultados publicados.',
      'Sin pruebas, use el tipo "case-study" (o "activity").',
    ],
    ["a trailing comma", "ru", "Это недопустимый JSON: после последнего элемента стоит запятая.", "Удалите запятую перед этой скобкой."],
  ])("%s, in %s", ([name, lang, message, hint]) => {
    const [first] = localizeDiagnostics(byName(name), lang);
    expect(plain(first?.message ?? "")).toBe(message);
    if (hint) expect(plain(first?.hint ?? "")).toBe(hint);
  });

  test("a nested phrase (the kind of value expected) is written in the reader's language too", () => {
    const [russian] = localizeDiagnostics(byName("an unquoted version that YAML reads as a number"), "ru");
    expect(plain(russian?.message ?? "")).toMatch(/ожидается текст в кавычках, а указано число \(/);
    expect(plain(russian?.hint ?? "")).toBe('Заключите значение в двойные кавычки, например "2019".');
  });

  test("a line to copy into a file carries no invisible direction marks, even in Arabic", () => {
    const [arabic] = localizeDiagnostics(byName("a translation without translation:"), "ar");
    expect(arabic?.hint).toMatch(/^أضف:\ntranslation:\n {2}from: en\n {2}version: "[0-9a-f]{12}"\n/);
  });
});

describe("no English sentence is left in the code of the validator's checks", () => {
  // The places that write diagnostics: each message must come from the catalogs (catalogText), not a string in code.
  const files = [
    ...readdirSync(join(PROJECT_ROOT, "scripts/lib/rules")).map((name) => `scripts/lib/rules/${name}`),
    "scripts/lib/schema/messages.ts",
    "scripts/lib/load/json.ts",
    "scripts/lib/load/frontmatter.ts",
    "scripts/lib/validate/run.ts",
    "scripts/lib/codeowners.ts",
    "scripts/lib/load/limits.ts",
    "scripts/lib/countries/lookup.ts",
    ...readdirSync(join(PROJECT_ROOT, "scripts/lib/submission")).map((name) => `scripts/lib/submission/${name}`),
    ...readdirSync(join(PROJECT_ROOT, "scripts/lib/forms")).map((name) => `scripts/lib/forms/${name}`),
  ];

  test.for(files)("%s", (file) => {
    const text = readFileSync(join(PROJECT_ROOT, file), "utf8");
    expect(text.match(/\b(message|hint):\s*[`"']/g) ?? []).toEqual([]);
  });
});

describe("values that choose a branch", () => {
  test("an invisible character is named in Arabic too: the select's value is not isolated", () => {
    const arabic = localizeDiagnostics(byName("a bidi override in the entry folder name"), "ar").find((d) => d.ruleId === "unicode");
    expect(plain(arabic?.message ?? "")).toContain("فرض الاتجاه من اليمين إلى اليسار (U+202E)");
  });
});

describe("the limits on nesting and size", () => {
  test("a JSON file nested too deep is explained in Russian, with the bound's plural form", () => {
    const { problems } = parseJson(`{"a": ${"[".repeat(40)}${"]".repeat(40)}}`, "countries/ken/activities/x/activity.json");
    const [russian] = localizeDiagnostics(problems, "ru");
    expect(russian?.ruleId).toBe("strict-json");
    expect(russian?.message).toBe("Здесь данные вложены глубже чем на 32 уровня (списки или объекты друг в друге); ни одной записи столько не нужно.");
    expect(russian?.hint).toContain("Поищите [ или {, набранные по ошибке много раз");
  });

  test("a narrative with too many lines is explained in Chinese, its bound written the language's way", () => {
    const problem = markdownProblem("line\n".repeat(MAX_LINES + 5));
    expect(problem?.message).toBe("The narrative has more than 3,000 lines, more than a story of a few pages needs.");
    expect(problem?.text && renderMessage("zh", problem.text.message)).toBe("叙述超过 3,000 行，超出了几页篇幅的叙述所需。");
  });
});
