import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import {
  buildCountryIndex,
  COUNTRY_ALIASES,
  type CountryMatch,
  countryIndex,
  countryProblem,
  countrySearchNames,
  describeCountries,
  lookupCountry,
  normalizeCountryName,
  searchCountries,
} from "../../scripts/lib/countries/lookup.ts";
import { createAjv } from "../../scripts/lib/schema/ajv.ts";
import { loadCatalog } from "../../scripts/lib/schema/catalog.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const countries = loadCatalog(root).vocabularies.get("countries");
const index = countryIndex(countries);

const found = (code: string): CountryMatch => ({ kind: "found", code });

describe("lookupCountry", () => {
  test.for<[string, string]>([
    // ISO codes, any case, numeric with or without leading zeros
    ["KEN", "KEN"],
    ["ken", "KEN"],
    ["KE", "KEN"],
    ["gb", "GBR"],
    ["404", "KEN"],
    ["4", "AFG"],
    ["004", "AFG"],
    ["826", "GBR"],
    // UN short names in the six languages
    ["Kenya", "KEN"],
    ["كينيا", "KEN"],
    ["肯尼亚", "KEN"],
    ["Кения", "KEN"],
    ["Viet Nam", "VNM"],
    ["Türkiye", "TUR"],
    ["Côte d'Ivoire", "CIV"],
    ["Côte d’Ivoire", "CIV"],
    ["cote d ivoire", "CIV"],
    ["United Kingdom of Great Britain and Northern Ireland", "GBR"],
    ["Royaume-Uni de Grande-Bretagne et d'Irlande du Nord", "GBR"],
    ["Соединенное Королевство Великобритании и Северной Ирландии", "GBR"],
    ["Соединённое Королевство Великобритании и Северной Ирландии", "GBR"],
    ["المملكة المتحدة لبريطانيا العظمى وأيرلندا الشمالية", "GBR"],
    ["大不列颠及北爱尔兰联合王国", "GBR"],
    ["Reino Unido de Gran Bretaña e Irlanda del Norte", "GBR"],
    ["Российская Федерация", "RUS"],
    ["Federación de Rusia", "RUS"],
    ["الاتحاد الروسي", "RUS"],
    ["俄罗斯联邦", "RUS"],
    ["教廷", "VAT"],
    ["Holy See", "VAT"],
    // Formal forms of names with a qualifier, in several languages
    ["Bolivia (Plurinational State of)", "BOL"],
    ["Plurinational State of Bolivia", "BOL"],
    ["État plurinational de Bolivie", "BOL"],
    ["Estado Plurinacional de Bolivia", "BOL"],
    ["Многонациональное Государство Боливия", "BOL"],
    ["دولة بوليفيا المتعددة القوميات", "BOL"],
    ["Islamic Republic of Iran", "IRN"],
    ["République islamique d'Iran", "IRN"],
    ["Kingdom of the Netherlands", "NLD"],
    ["United Republic of Tanzania", "TZA"],
    ["Republic of Moldova", "MDA"],
    ["Lao People's Democratic Republic", "LAO"],
    ["Syrian Arab Republic", "SYR"],
    ["the Gambia", "GMB"],
    // Everyday names, abbreviations and aliases
    ["UK", "GBR"],
    ["U.K.", "GBR"],
    ["uk", "GBR"],
    ["Britain", "GBR"],
    ["Great Britain", "GBR"],
    ["USA", "USA"],
    ["U.S.A.", "USA"],
    ["US", "USA"],
    ["United States", "USA"],
    ["Vietnam", "VNM"],
    ["Việt Nam", "VNM"],
    ["Turkey", "TUR"],
    ["Turkiye", "TUR"],
    ["Ivory Coast", "CIV"],
    ["Kenia", "KEN"],
    ["Russia", "RUS"],
    ["Россия", "RUS"],
    ["Iran", "IRN"],
    ["إيران", "IRN"],
    ["ايران", "IRN"],
    ["Syria", "SYR"],
    ["سوريا", "SYR"],
    ["Laos", "LAO"],
    ["Bolivia", "BOL"],
    ["Tanzania", "TZA"],
    ["Moldova", "MDA"],
    ["Молдавия", "MDA"],
    ["South Korea", "KOR"],
    ["North Korea", "PRK"],
    ["Republic of Korea", "KOR"],
    ["韩国", "KOR"],
    ["DRC", "COD"],
    ["Democratic Republic of the Congo", "COD"],
    ["Burma", "MMR"],
    ["Swaziland", "SWZ"],
    ["Czech Republic", "CZE"],
    ["Cape Verde", "CPV"],
    ["St Lucia", "LCA"],
    ["St. Kitts and Nevis", "KNA"],
    ["Palestine", "PSE"],
    ["  kenya  ", "KEN"],
  ])("%s is %s", ([written, code]) => {
    expect(lookupCountry(index, written)).toEqual(found(code));
  });

  test.for<[string, string[]]>([
    ["Korea", ["KOR", "PRK"]],
    ["Corée", ["KOR", "PRK"]],
    ["Корея", ["KOR", "PRK"]],
    ["كوريا", ["KOR", "PRK"]],
    ["Congo", ["COD", "COG"]],
    ["Конго", ["COD", "COG"]],
    ["刚果", ["COD", "COG"]],
    ["الكونغو", ["COD", "COG"]],
    ["America", ["USA"]],
    ["England", ["GBR"]],
    ["Holland", ["NLD"]],
    ["Hong Kong", ["CHN"]],
  ])("%s is a choice between %j, never a silent match", ([written, codes]) => {
    const match = lookupCountry(index, written);
    expect(match.kind).toBe("choice");
    expect(match.kind === "choice" && match.codes).toEqual(codes);
    // Why it asks, in each of the six languages.
    const note = match.kind === "choice" ? match.note : undefined;
    expect(Object.keys(note ?? {}).sort()).toEqual(["ar", "en", "es", "fr", "ru", "zh"]);
    for (const text of Object.values(note ?? {})) expect(text).toMatch(/\p{L}{3}/u);
  });

  test.for<[string, string]>([
    ["Keyna", "KEN"],
    ["Phillippines", "PHL"],
    ["Argentinia", "ARG"],
    ["Kazahstan", "KAZ"],
    ["Sweeden", "SWE"],
    ["Marocco", "MAR"],
    ["cote divoire", "CIV"],
  ])("a misspelling %s is not matched but suggests %s", ([written, code]) => {
    const match = lookupCountry(index, written);
    expect(match.kind).toBe("unknown");
    expect(match.kind === "unknown" && match.suggestions[0]).toBe(code);
  });

  test.for<string>(["UK", "uk", "U.K.", "Britain", "England"])("%s never finds Ukraine", (written) => {
    const match = lookupCountry(index, written);
    expect(match.kind === "found" ? [match.code] : match.kind === "choice" ? match.codes : match.suggestions).not.toContain("UKR");
  });

  test.for<string>(["", "   ", "XX", "QQQ", "999", "Atlantis", "Europe", "--"])("%j matches nothing and suggests no code that only looks alike", (written) => {
    const match = lookupCountry(index, written);
    expect(match.kind).toBe("unknown");
  });

  test("a two-letter code that does not exist gets no suggestions: UKR is not offered for UX", () => {
    expect(lookupCountry(index, "UX")).toEqual({ kind: "unknown", suggestions: [] });
  });

  test("a mistyped three-letter code suggests the codes one letter away", () => {
    expect(lookupCountry(index, "rwx")).toEqual({ kind: "unknown", suggestions: ["RWA"] });
    expect(lookupCountry(index, "KEM")).toEqual({ kind: "unknown", suggestions: ["KEN", "KHM", "YEM"] });
  });

  test.for<[string, string | undefined]>([
    ["Kenya", undefined],
    [
      "Korea",
      '"Korea" may mean "kor" (Republic of Korea) or "prk" (Democratic People\'s Republic of Korea). Alone, the name may mean either Member State: the Republic of Korea or the Democratic People\'s Republic of Korea. Write the code of the country you mean.',
    ],
    ["Keyna", '"Keyna" is not a country we know; did you mean "ken" (Kenya)?'],
    ["Atlantis", '"Atlantis" is not a country we know: write its name or its three-letter ISO code, such as ken for Kenya.'],
  ])("countryProblem(%s)", ([written, problem]) => {
    expect(countryProblem(index, written)).toBe(problem);
  });

  test("an ambiguous name is explained in the reader's language, from the alias's note in that language", () => {
    expect(countryProblem(index, "Korea", "ru")).toBe(
      '«Korea» может означать "kor" (Республика Корея) или "prk" (Корейская Народно-Демократическая Республика). Само по себе название может означать любое из двух государств-членов: Республику Корея или Корейскую Народно-Демократическую Республику. Укажите код страны, которую вы имеете в виду.',
    );
    // The Latin value is isolated (U+2068 … U+2069); the note, already Arabic, is placed as written.
    expect(countryProblem(index, "Congo", "ar")?.replace(/[\u2068\u2069]/g, "")).toBe(
      'قد يعني «Congo» "cod" (جمهورية الكونغو الديمقراطية) أو "cog" (الكونغو). في الإنكليزية والفرنسية والإسبانية، قد يعني اسم الكونغو وحده الكونغو (برازافيل)، وهو اسمها المختصر في الأمم المتحدة، أو جمهورية الكونغو الديمقراطية (كينشاسا). اكتب رمز البلد الذي تقصده.',
    );
    // Chinese needs no space after its full stop.
    expect(countryProblem(index, "Hong Kong", "zh")).toBe('“Hong Kong”可能指 "chn" (中国)。中国的一个特别行政区：其条目归于中国名下。请填写您所指国家的代码。');
  });

  test("countryProblem speaks the reader's language, naming the candidates in it", () => {
    expect(countryProblem(index, "Keyna", "ru")).toBe('Страны «Keyna» мы не знаем; возможно, вы имели в виду "ken" (Кения)?');
    expect(countryProblem(index, "Atlantis", "fr")).toBe(
      "« Atlantis » n’est pas un pays que nous connaissons : écrivez son nom ou son code ISO à trois lettres, par exemple ken pour le Kenya.",
    );
    // A Latin value in an Arabic sentence is isolated (U+2068 … U+2069) so that it keeps its order.
    expect(countryProblem(index, "Keyna", "ar")?.replace(/[\u2068\u2069]/g, "")).toBe('«Keyna» ليس بلدًا نعرفه؛ هل تقصد "ken" (كينيا)؟');
  });

  test("every country is found by its code, its alpha-2 code and its name in each of the six languages", () => {
    const misses: string[] = [];
    for (const [code, term] of countries.terms) {
      const written = [code, String(term.meta?.alpha2), ...Object.values(term.labels)];
      for (const text of written) {
        const match = lookupCountry(index, text);
        if (!(match.kind === "found" && match.code === code) && !(match.kind === "choice" && match.codes.includes(code))) misses.push(`${code}: ${text}`);
      }
    }
    expect(misses).toEqual([]);
  });
});

describe("the aliases data", () => {
  const file = JSON.parse(readFileSync(`${root}schemas/reference/country-aliases.json`, "utf8")) as { aliases: unknown[] };

  test("matches its schema", () => {
    // The project's strict Ajv, which knows the schemas' own keywords (descriptions in the other five languages).
    const ajv = createAjv();
    const validate = ajv.compile(JSON.parse(readFileSync(`${root}schemas/country-aliases.schema.json`, "utf8")));
    expect(validate(file), JSON.stringify(validate.errors)).toBe(true);
  });

  test.for<[string, Record<string, unknown>, string]>([
    ["without notes", { notes: undefined }, "must have required property 'notes'"],
    [
      "without the Arabic note",
      { notes: { zh: "日常名称。", fr: "Nom courant.", ru: "Обиходное название.", es: "Nombre corriente." } },
      "must have required property 'ar'",
    ],
    [
      "with a German note",
      { notes: { ar: "الاسم الشائع.", zh: "日常名称。", fr: "Nom courant.", ru: "Обиходное название.", es: "Nombre corriente.", de: "Üblicher Name." } },
      "must NOT have additional properties",
    ],
  ])("the schema rejects an alias %s: every note is in the six languages", ([, change, error]) => {
    const ajv = createAjv();
    const validate = ajv.compile(JSON.parse(readFileSync(`${root}schemas/country-aliases.schema.json`, "utf8")));
    const alias = { ...(file.aliases[0] as Record<string, unknown>), ...change };
    if (change.notes === undefined) delete alias.notes;
    expect(validate({ ...file, aliases: [alias] })).toBe(false);
    expect(validate.errors?.map((e) => e.message)).toContain(error);
  });

  test("names only countries of the vocabulary, each alias once", () => {
    const unknown = COUNTRY_ALIASES.flatMap((alias) => alias.countries.filter((code) => !countries.terms.has(code)).map((code) => `${alias.alias}: ${code}`));
    expect(unknown).toEqual([]);
    const keys = COUNTRY_ALIASES.map((alias) => normalizeCountryName(alias.alias));
    expect(keys.filter((key, i) => keys.indexOf(key) !== i)).toEqual([]);
  });

  test("an alias never contradicts a UN name: it may only add countries to a name that is ambiguous", () => {
    const contradictions: string[] = [];
    for (const alias of COUNTRY_ALIASES) {
      const key = normalizeCountryName(alias.alias);
      for (const [code, term] of countries.terms) {
        if (Object.values(term.labels).some((label) => normalizeCountryName(label) === key) && !alias.countries.includes(code))
          contradictions.push(`${alias.alias} is the UN name of ${code}`);
      }
    }
    expect(contradictions).toEqual([]);
  });

  test("aliases come from the data file: an index without them knows no UK", () => {
    const bare = buildCountryIndex(countries, []);
    expect(lookupCountry(bare, "Persia").kind).toBe("unknown");
    expect(lookupCountry(bare, "Phillipines").kind).toBe("unknown");
    expect(lookupCountry(bare, "Korea").kind).not.toBe("choice");
  });
});

describe("normalizeCountryName", () => {
  test.for<[string, string]>([
    ["Côte d’Ivoire", "cote d ivoire"],
    ["The Bahamas", "bahamas"],
    ["U.S.A.", "usa"],
    ["St. Vincent", "saint vincent"],
    ["Соединённое", "соединенное"],
    ["إيران", "ايران"],
    ["（刚果）", "刚果"],
  ])("%s → %s", ([input, output]) => {
    expect(normalizeCountryName(input)).toBe(output);
  });
});

describe("searchCountries", () => {
  test.for<[string, string]>([
    ["ken", "KEN"],
    ["keny", "KEN"],
    ["Кен", "KEN"],
    ["united k", "GBR"],
    ["uk", "GBR"],
    ["肯", "KEN"],
    ["ivory", "CIV"],
  ])("%s offers %s first", ([query, code]) => {
    expect(searchCountries(index, query)[0]).toBe(code);
  });

  test("uk offers the United Kingdom before Ukraine", () => {
    const results = searchCountries(index, "uk");
    expect(results.indexOf("GBR")).toBeLessThan(results.indexOf("UKR"));
  });

  test("korea offers both Koreas", () => {
    expect(searchCountries(index, "korea").slice(0, 2).sort()).toEqual(["KOR", "PRK"]);
  });
});

test("describeCountries names each candidate for a message", () => {
  expect(describeCountries(index, ["KOR", "PRK"], { lowerCase: true })).toBe('"kor" (Republic of Korea) or "prk" (Democratic People\'s Republic of Korea)');
  expect(describeCountries(index, ["KEN"])).toBe('"KEN" (Kenya)');
});

describe("countrySearchNames", () => {
  test("the United Kingdom is found by UK, Britain and its names in the other languages, never by England", () => {
    const names = countrySearchNames(index, "GBR", "en");
    expect(names).toEqual(
      expect.arrayContaining(["UK", "Britain", "GBR", "GB", "Royaume-Uni de Grande-Bretagne et d'Irlande du Nord", "大不列颠及北爱尔兰联合王国"]),
    );
    expect(names).not.toContain("England");
    expect(names).not.toContain("United Kingdom of Great Britain and Northern Ireland");
  });

  test.for<[string, string]>([
    ["VNM", "Vietnam"],
    ["TUR", "Turkey"],
    ["CIV", "Ivory Coast"],
    ["KEN", "Kenia"],
  ])("%s is found by %s", ([code, alias]) => {
    expect(countrySearchNames(index, code, "fr")).toContain(alias);
  });

  test("an unknown code has no names", () => {
    expect(countrySearchNames(index, "XXX")).toEqual([]);
  });
});
