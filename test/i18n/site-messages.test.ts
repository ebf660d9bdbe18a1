import { describe, expect, test } from "vitest";
import { analyzeMessage, CATALOGS, formatMessage } from "../../scripts/lib/i18n/messages.ts";
import type { PageContext } from "../../scripts/lib/present/context.ts";
import { html } from "../../scripts/lib/present/html.ts";
import { messages, SITE_PARAMETERS } from "../../scripts/lib/present/i18n.ts";
import { figures, pluralAttributes } from "../../scripts/lib/site/components.ts";
import { UN_LANGUAGES, type UnLanguage } from "../../scripts/lib/vocab.ts";

const SITE_KEYS = Object.keys(CATALOGS.en).filter((key) => key.startsWith("site."));
/** Unicode isolates around values, removed to compare the words. */
const plain = (text: string) => text.replace(/[\u2068\u2069]/g, "");

describe("the site's and the report's words come from the catalogs", () => {
  test("the catalogs hold the site's messages (the test would pass vacuously otherwise)", () => {
    expect(SITE_KEYS.length).toBeGreaterThan(200);
  });

  test("each message that takes values is called with exactly the placeholders the catalog gives it", () => {
    const parameters: Record<string, readonly string[]> = SITE_PARAMETERS;
    const problems: string[] = [];
    for (const key of SITE_KEYS) {
      const name = key.slice("site.".length);
      const inCatalog = analyzeMessage(CATALOGS.en[key] ?? "").placeholders;
      const inCode = [...(parameters[name] ?? [])].sort();
      if (inCatalog.join() !== inCode.join()) problems.push(`${name}: the catalog has {${inCatalog.join("}, {")}}, the code {${inCode.join("}, {")}}`);
    }
    for (const name of Object.keys(parameters)) if (!SITE_KEYS.includes(`site.${name}`)) problems.push(`${name}: not in the catalogs`);
    expect(problems).toEqual([]);
  });

  test.for(UN_LANGUAGES)("%s: every message is text or a function of its values, in the language's own words", (lang) => {
    const m = messages(lang) as unknown as Record<string, unknown>;
    expect(Object.keys(m).sort()).toEqual(SITE_KEYS.map((key) => key.slice("site.".length)).sort());
    expect(m.navHome).toBe(CATALOGS[lang]["site.navHome"]);
    expect(typeof m.entriesOf).toBe("function");
  });

  test("no message holds markup: links and emphasis are placed by the templates, around the words", () => {
    const withMarkup = UN_LANGUAGES.flatMap((lang) => SITE_KEYS.filter((key) => /[<>]/.test(CATALOGS[lang][key] ?? "")).map((key) => `${lang} ${key}`));
    expect(withMarkup).toEqual([]);
  });

  test("values are filled in by name, in the order the accessor takes them", () => {
    expect(messages("en").confirmedByOn("Kenya", "3 November 2026")).toBe("Confirmed by Kenya on 3 November 2026");
    expect(messages("fr").confirmedByOn("Kenya", "3 novembre 2026")).toBe("Confirmé le 3 novembre 2026 par : Kenya");
    expect(messages("en").pageOf("2", "7")).toBe("Page 2 of 7");
    expect(messages("en").reportTitle(2026)).toBe("COP Atlas: annual report 2026");
    expect(messages("en").unStatus("observer")).toBe("Non-member observer State of the United Nations");
    expect(messages("ru").unStatus("member")).toBe("Государство — член Организации Объединенных Наций");
  });

  test("a text kept from an earlier call is the one its values make: a count and the same digits as text differ", () => {
    const en = messages("en");
    // Twice each, in turn: the second call of each comes from what was kept.
    for (let round = 0; round < 2; round++) {
      expect(en.results(1)).toBe(formatMessage("en", "site.results", { count: 1 }));
      expect(en.results(2)).toBe(formatMessage("en", "site.results", { count: 2 }));
      expect(en.pageOf("2", "7")).toBe("Page 2 of 7");
      expect(en.confirmedByOn("Kenya", "3 November 2026")).toBe("Confirmed by Kenya on 3 November 2026");
    }
    expect(en.results(1)).not.toBe(en.results(2));
    // More different values than are kept: the first ones are still right afterwards.
    for (let page = 1; page <= 600; page++) expect(en.pageOf(String(page), "600")).toBe(`Page ${page} of 600`);
    expect(en.pageOf("1", "600")).toBe("Page 1 of 600");
  });

  test("a value in another script is isolated, so an English name keeps its place in an Arabic sentence", () => {
    expect(messages("ar").entriesOf("Kenya")).toBe("مدخلات \u2068Kenya\u2069");
  });

  test("a value with markup stays text on the page", () => {
    const hostile = `<script>alert(1)</script><img src=x onerror="alert(2)">`;
    for (const lang of UN_LANGUAGES) {
      const page = html`<h2>${messages(lang).entriesOf(hostile)}</h2><p>${messages(lang).countryNoEntries(hostile)}</p>`.value;
      expect(page, lang).not.toMatch(/<script|<img/);
      expect(page, lang).toContain("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=&quot;alert(2)&quot;&gt;");
    }
  });
});

describe("key figures agree with their numbers", () => {
  const counts = [0, 1, 2, 3, 5, 11, 21, 100];
  const phrases = (lang: UnLanguage, figure: "figureEntries" | "figureCountries" | "figureOrganizations" | "figureLanguages") =>
    counts.map((n) => plain(messages(lang)[figure](n)));

  test("Russian: one, few and many", () => {
    expect(phrases("ru", "figureEntries")).toEqual(["0 записей", "1 запись", "2 записи", "3 записи", "5 записей", "11 записей", "21 запись", "100 записей"]);
    expect(phrases("ru", "figureCountries")).toEqual(["0 стран", "1 страна", "2 страны", "3 страны", "5 стран", "11 стран", "21 страна", "100 стран"]);
    expect(phrases("ru", "figureOrganizations")).toEqual([
      "0 организаций",
      "1 организация",
      "2 организации",
      "3 организации",
      "5 организаций",
      "11 организаций",
      "21 организация",
      "100 организаций",
    ]);
    expect(phrases("ru", "figureLanguages")).toEqual(["0 языков", "1 язык", "2 языка", "3 языка", "5 языков", "11 языков", "21 язык", "100 языков"]);
    // The forms the issue found wrong.
    expect(plain(messages("ru").figureOrganizations(4))).toBe("4 организации");
    expect(plain(messages("ru").figureLanguages(4))).toBe("4 языка");
  });

  // CLDR: 0 zero, 1 one, 2 two, 3–10 few, 11–99 many, 100–102 other.
  test("Arabic: zero, one, two, few, many and other", () => {
    expect(phrases("ar", "figureEntries")).toEqual(["لا مدخلات", "مدخل واحد", "مدخلان", "3 مدخلات", "5 مدخلات", "11 مدخلًا", "21 مدخلًا", "100 مدخل"]);
    expect(phrases("ar", "figureCountries")).toEqual(["لا بلدان", "بلد واحد", "بلدان اثنان", "3 بلدان", "5 بلدان", "11 بلدًا", "21 بلدًا", "100 بلد"]);
    expect(phrases("ar", "figureOrganizations")).toEqual(["لا منظمات", "منظمة واحدة", "منظمتان", "3 منظمات", "5 منظمات", "11 منظمةً", "21 منظمةً", "100 منظمة"]);
    expect(phrases("ar", "figureLanguages")).toEqual(["لا لغات", "لغة واحدة", "لغتان", "3 لغات", "5 لغات", "11 لغةً", "21 لغةً", "100 لغة"]);
  });

  test("English, French, Spanish and Chinese", () => {
    expect([0, 1, 2].map((n) => messages("en").figureEntries(n))).toEqual(["0 entries", "1 entry", "2 entries"]);
    expect([0, 1, 2].map((n) => messages("fr").figureEntries(n))).toEqual(["0 entrée", "1 entrée", "2 entrées"]);
    expect([1, 2].map((n) => messages("es").figureCountries(n))).toEqual(["1 país", "2 países"]);
    expect(messages("zh").figureLanguages(5)).toBe("5 种语言");
  });

  const context = (lang: UnLanguage) => ({ lang }) as PageContext;

  test("the figures of the home page set the number apart from the words that agree with it", () => {
    const ru = figures(context("ru"), [
      [21, messages("ru").figureEntries],
      [1234, messages("ru").figureCountries],
    ]).value;
    expect(ru).toContain('<li><span class="figure-number">21</span><span class="figure-words">запись</span></li>');
    expect(ru).toContain('<li><span class="figure-number">1\u00a0234</span><span class="figure-words">страны</span></li>');
    // Arabic says one and two without a digit: the phrase stays whole.
    const ar = figures(context("ar"), [
      [2, messages("ar").figureEntries],
      [11, messages("ar").figureEntries],
    ]).value;
    expect(ar).toContain('<li><span class="figure-words">مدخلان</span></li>');
    expect(ar).toContain('<li><span class="figure-number">11</span><span class="figure-words">مدخلًا</span></li>');
  });

  test("the browser's script gets one template per plural category, # standing for the number", () => {
    const attributes = (lang: UnLanguage) =>
      Object.fromEntries([...pluralAttributes(lang, messages(lang).results).value.matchAll(/ data-count-(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    expect(attributes("ru")).toEqual({ many: "# записей", one: "# запись", few: "# записи" });
    expect(attributes("ar")).toEqual({ zero: "لا مدخلات", one: "مدخل واحد", two: "مدخلان", few: "# مدخلات", many: "# مدخلًا", other: "# مدخل" });
    expect(attributes("en")).toEqual({ other: "# entries", one: "# entry" });
    expect(attributes("fr")).toEqual({ one: "# entrée", other: "# entrées", many: "# d’entrées" });
  });
});
