import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, test } from "vitest";
import { buildCountriesVocabulary, formatVocabulary, parseCsv } from "../../scripts/lib/vocab/countries-table.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const vocabFolder = `${root}schemas/vocab/`;
const readJson = (path: string): unknown => JSON.parse(readFileSync(path, "utf8"));

type Labels = Record<"ar" | "zh" | "en" | "fr" | "ru" | "es", string>;
interface Branch {
  const: string;
  labels: Labels;
  description?: string;
  meta?: Record<string, unknown>;
}
interface VocabularyFile {
  $id: string;
  labels: Labels;
  oneOf: Branch[];
}
interface Term {
  id: string;
  language: string;
  avoid: string[];
  prefer: string;
  severity: string;
  status: string;
  sources: string[];
  examples?: { match?: string[]; noMatch?: string[] };
}
interface TerminologyFile {
  flags: string;
  terms: Term[];
}

/** A strict Ajv, as the validator uses: the vocabularies' annotations are declared keywords. */
function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  ajv.addKeyword({ keyword: "labels", schemaType: "object" });
  ajv.addKeyword({ keyword: "meta", schemaType: "object" });
  ajv.addKeyword({ keyword: "sources", schemaType: "array" });
  ajv.addKeyword({ keyword: "descriptions", schemaType: "object" });
  return ajv;
}

const vocabNames = readdirSync(vocabFolder)
  .filter((name) => name.endsWith(".json") && name !== "terminology.json")
  .map((name) => name.slice(0, -".json".length))
  .sort();
const vocabularies = new Map(vocabNames.map((name) => [name, readJson(`${vocabFolder}${name}.json`) as VocabularyFile]));
const vocabulary = (name: string): VocabularyFile => {
  const file = vocabularies.get(name);
  if (!file) throw new Error(`schemas/vocab/${name}.json is missing`);
  return file;
};
const ids = (name: string): string[] => vocabulary(name).oneOf.map((branch) => branch.const);

const LANGUAGE_ORDER = ["ar", "zh", "en", "fr", "ru", "es"];
const BRANCH_KEY_ORDER = ["const", "labels", "description", "descriptions", "meta"];
// Each label must be written in its language's script.
const SCRIPTS: Partial<Record<keyof Labels, RegExp>> = {
  ar: /\p{Script=Arabic}/u,
  zh: /\p{Script=Han}/u,
  ru: /\p{Script=Cyrillic}/u,
};

describe("vocabulary files", () => {
  test("the expected files are there", () => {
    for (const name of [
      "audiences",
      "countries",
      "kinds",
      "languages",
      "levels",
      "link-types",
      "mnr-capabilities",
      "mnr-domains",
      "organization-categories",
      "policy-areas",
      "regions",
      "statuses",
      "topics",
      "translation-methods",
      "types",
    ]) {
      expect(vocabNames).toContain(name);
    }
  });

  const ajv = createAjv();
  const validateVocabulary = ajv.compile(readJson(`${root}schemas/vocabulary.schema.json`) as object);

  test.for(vocabNames)("%s.json has the shape of vocabulary.schema.json", (name) => {
    const file = vocabulary(name);
    expect(validateVocabulary(file), JSON.stringify(validateVocabulary.errors, null, 2)).toBe(true);
    expect(file.$id).toBe(`https://cop-atlas.github.io/cop-atlas/schemas/vocab/${name}.json`);
  });

  test.for(vocabNames)("%s.json compiles as a schema in strict mode and accepts exactly its ids", (name) => {
    const validate = createAjv().compile(vocabulary(name) as object);
    for (const id of ids(name)) expect(validate(id), id).toBe(true);
    expect(validate("not-a-listed-value")).toBe(false);
  });

  test.for(vocabNames)("%s.json has unique ids of the right form", (name) => {
    const list = ids(name);
    expect(new Set(list).size).toBe(list.length);
    const form = name === "countries" ? /^[A-Z]{3}$/ : /^[a-z0-9]+(-[a-z0-9]+)*$/;
    for (const id of list) expect(id, id).toMatch(form);
  });

  test.for(vocabNames)("%s.json keeps keys and labels in order, each label in its script", (name) => {
    const file = vocabulary(name);
    for (const labels of [file.labels, ...file.oneOf.map((branch) => branch.labels)]) {
      expect(Object.keys(labels)).toEqual(LANGUAGE_ORDER);
      for (const [language, label] of Object.entries(labels) as Array<[keyof Labels, string]>) {
        expect(label, label).toBe(label.trim());
        expect(label, label).not.toMatch(/\s{2}/);
        const script = SCRIPTS[language];
        if (script) expect(label, `${language}: ${label}`).toMatch(script);
      }
    }
    for (const branch of file.oneOf) {
      const keys = Object.keys(branch);
      expect(keys, branch.const).toEqual(BRANCH_KEY_ORDER.filter((key) => keys.includes(key)));
    }
  });

  test.for(vocabNames)("%s.json is stored as two-space JSON with a final newline", (name) => {
    const text = readFileSync(`${vocabFolder}${name}.json`, "utf8");
    // levels.json predates this convention; it is checked only for validity.
    if (name !== "levels") expect(text).toBe(formatVocabulary(JSON.parse(text)));
  });
});

describe("the fixed lists", () => {
  test.for([
    ["kinds", ["activity", "case-study", "good-practice"]],
    [
      "types",
      [
        "law",
        "policy-strategy",
        "regulation-guidance",
        "institution",
        "hotline",
        "helpline",
        "reporting-portal",
        "awareness-campaign",
        "education-programme",
        "capacity-building",
        "research",
        "youth-participation",
        "industry-initiative",
        "technical-measure",
        "international-cooperation",
      ],
    ],
    ["statuses", ["planned", "active", "completed", "superseded", "discontinued"]],
    ["audiences", ["children", "parents-carers-educators", "industry", "policy-makers"]],
    [
      "topics",
      [
        "child-sexual-abuse-material",
        "sexual-exploitation-and-abuse",
        "grooming",
        "sexual-extortion",
        "cyberbullying",
        "harmful-content",
        "privacy-data-protection",
        "digital-literacy",
        "age-assurance",
        "parental-controls",
        "well-being",
        "online-gaming",
        "emerging-technologies",
        "children-with-disabilities",
        "vulnerable-groups",
        "hate-speech",
        "misinformation",
        "commercial-risks",
      ],
    ],
    [
      "policy-areas",
      [
        "national-strategy-coordination",
        "legal-framework",
        "regulatory-framework",
        "law-enforcement-capability",
        "reporting-mechanisms",
        "response-support-services",
        "education",
        "training",
        "awareness-raising",
        "research-data",
        "child-participation",
        "data-protection-privacy",
        "industry-engagement",
        "international-cooperation",
      ],
    ],
    ["mnr-domains", ["policy-governance", "criminal-justice", "victim", "societal", "industry", "media-communications"]],
    ["regions", ["africa", "americas", "arab-states", "asia-pacific", "cis", "europe"]],
    ["link-types", ["official", "document", "news", "evaluation"]],
    ["translation-methods", ["human", "machine", "reviewed"]],
    ["organization-categories", ["intergovernmental", "un-agency", "ngo", "network", "industry", "academic", "multi-stakeholder"]],
  ] as Array<[string, string[]]>)("%s.json lists its ids in order", ([name, expected]) => {
    expect(ids(name)).toEqual(expected);
  });

  test("mnr-capabilities.json has the 21 capabilities of 2016, numbered, in their domains", () => {
    const capabilities = vocabulary("mnr-capabilities").oneOf;
    expect(capabilities.map((branch) => branch.const)).toEqual([
      "leadership",
      "research-analysis-monitoring",
      "legislation",
      "dedicated-law-enforcement",
      "judiciary-prosecutors",
      "offender-management",
      "access-to-image-databases",
      "end-to-end-support",
      "child-protection-workforce",
      "compensation-remedies-complaints",
      "child-helpline",
      "csea-hotline",
      "education-programme",
      "child-participation",
      "offender-support-systems",
      "takedown-procedures",
      "csea-reporting",
      "innovative-solution-development",
      "corporate-social-responsibility",
      "ethical-media-reporting",
      "universal-terminology",
    ]);
    const domainOf = (number: number): string =>
      number <= 3
        ? "policy-governance"
        : number <= 7
          ? "criminal-justice"
          : number <= 11
            ? "victim"
            : number <= 15
              ? "societal"
              : number <= 19
                ? "industry"
                : "media-communications";
    capabilities.forEach((branch, index) => {
      expect(branch.meta, branch.const).toEqual({ number: index + 1, domain: domainOf(index + 1), edition: "2016" });
    });
  });

  test("languages.json starts with the six UN languages and gives each a direction", () => {
    const languages = vocabulary("languages").oneOf;
    expect(languages.slice(0, 6).map((branch) => branch.const)).toEqual(LANGUAGE_ORDER);
    languages.forEach((branch, index) => {
      expect(branch.meta?.un, branch.const).toBe(index < 6);
      expect(branch.meta?.dir, branch.const).toBe(["ar", "fa"].includes(branch.const) ? "rtl" : "ltr");
      expect(branch.meta?.native, branch.const).toEqual(expect.any(String));
    });
    // The other entries are the ones the narratives may be written in.
    expect(languages.slice(6).map((branch) => branch.const)).toEqual([
      "pt",
      "de",
      "it",
      "nl",
      "sw",
      "hi",
      "id",
      "ms",
      "tr",
      "fa",
      "uk",
      "kk",
      "uz",
      "ja",
      "ko",
      "th",
      "vi",
      "pl",
    ]);
  });
});

describe("countries.json", () => {
  const countries = vocabulary("countries").oneOf;
  const meta = (branch: Branch) => branch.meta as { alpha2: string; region: string; un: boolean; confidence: string; uncertain: boolean; note?: string };

  test("has the 193 UN Member States, the Holy See and the State of Palestine", () => {
    expect(countries).toHaveLength(195);
    expect(countries.filter((branch) => !meta(branch).un).map((branch) => branch.const)).toEqual(["PSE", "VAT"]);
  });

  test("puts every country in an ITU-D region, with the counts of itu-regions.md", () => {
    const regionIds = ids("regions");
    const counts: Record<string, number> = {};
    for (const branch of countries) {
      expect(regionIds, branch.const).toContain(meta(branch).region);
      counts[meta(branch).region] = (counts[meta(branch).region] ?? 0) + 1;
    }
    expect(counts).toEqual({ africa: 44, americas: 35, "arab-states": 22, "asia-pacific": 39, cis: 9, europe: 46 });
    expect(meta(countries.find((branch) => branch.const === "PSE") as Branch).region).toBe("arab-states");
    expect(meta(countries.find((branch) => branch.const === "VAT") as Branch).region).toBe("europe");
  });

  test("gives each country a real, unique ISO 3166-1 alpha-2 code", () => {
    const names = new Intl.DisplayNames(["en"], { type: "region", fallback: "none" });
    const codes = countries.map((branch) => meta(branch).alpha2);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) {
      expect(code).toMatch(/^[A-Z]{2}$/);
      expect(names.of(code), code).toEqual(expect.any(String));
    }
  });

  test("explains every uncertain assignment, and only those", () => {
    const uncertain = countries.filter((branch) => meta(branch).uncertain).map((branch) => branch.const);
    for (const code of ["GEO", "MDA", "UKR", "DZA", "COM", "DJI", "EGY", "LBY", "MRT", "MAR", "SOM", "SDN", "TUN", "PLW", "VAT", "PSE"]) {
      expect(uncertain).toContain(code);
    }
    for (const branch of countries) {
      expect(typeof meta(branch).note === "string", branch.const).toBe(meta(branch).uncertain);
      expect(meta(branch).confidence, branch.const).toMatch(/^(listed|inferred)$/);
    }
  });

  test("is exactly what the reference table generates", () => {
    const generated = formatVocabulary(
      buildCountriesVocabulary(
        readFileSync(`${root}schemas/reference/itu-regions.csv`, "utf8"),
        readFileSync(`${root}schemas/reference/itu-regions-non-un.csv`, "utf8"),
      ),
    );
    // If this fails, run: npx tsx scripts/cli/generate-countries.ts
    expect(readFileSync(`${vocabFolder}countries.json`, "utf8")).toBe(generated);
  });
});

describe("parseCsv", () => {
  test.for([
    [
      "plain fields",
      "a,b\nc,d\n",
      [
        ["a", "b"],
        ["c", "d"],
      ],
    ],
    [
      "CRLF line ends and no final newline",
      "a,b\r\nc,d",
      [
        ["a", "b"],
        ["c", "d"],
      ],
    ],
    ["a quoted field with a comma", 'a,"b, c"\n', [["a", "b, c"]]],
    ["doubled quotes", '"say ""hi""",x\n', [['say "hi"', "x"]]],
    ["a line break inside quotes", '"one\ntwo",x\n', [["one\ntwo", "x"]]],
    ["empty fields", ",,\n", [["", "", ""]]],
    ["a quoted empty field at the end", 'a,""', [["a", ""]]],
    ["a byte-order mark", "\uFEFFiso3,name\n", [["iso3", "name"]]],
  ] as Array<[string, string, string[][]]>)("reads %s", ([, text, rows]) => {
    expect(parseCsv(text)).toEqual(rows);
  });

  test.for([
    ["an unclosed quote", '"abc\n', "CSV line 1: a quoted field is never closed"],
    ["text after a closing quote", '"abc"d,e\n', "CSV line 1: text after the closing quote of a field"],
    ["a quote inside an unquoted field", 'ab"c\n', "CSV line 1: a quote inside an unquoted field"],
  ] as Array<[string, string, string]>)("rejects %s", ([, text, message]) => {
    expect(() => parseCsv(text)).toThrow(message);
  });
});

describe("buildCountriesVocabulary", () => {
  const header = "iso3,name,itu_d_region,source_url,confidence,note\n";
  const nonMembers = readFileSync(`${root}schemas/reference/itu-regions-non-un.csv`, "utf8");
  const members = readFileSync(`${root}schemas/reference/itu-regions.csv`, "utf8");

  test.for([
    ["an unknown region", members.replace(",Rwanda,Africa,", ",Rwanda,Oceania,"), 'unknown ITU-D region "Oceania"'],
    ["a bad code", members.replace("RWA,Rwanda", "RW,Rwanda"), '"RW" is not an ISO 3166-1 alpha-3 code'],
    ["a duplicate", `${members}RWA,Rwanda,Africa,https://example.org,listed,\n`, "RWA appears twice"],
    ["a missing country", members.replace(/^RWA,.*\r?\n/m, ""), "not in the reference table: RWA"],
    ["a wrong header", `${header.replace("note", "notes")}`, "the header must be"],
    ["a short row", `${header}RWA,Rwanda,Africa\n`, "itu-regions.csv:2: expected 6 fields, found 3"],
  ] as Array<[string, string, string]>)("rejects a table with %s", ([, table, message]) => {
    expect(() => buildCountriesVocabulary(table, nonMembers)).toThrow(message);
  });
});

describe("terminology.json", () => {
  const terminology = readJson(`${vocabFolder}terminology.json`) as TerminologyFile;

  test("has the shape of terminology.schema.json", () => {
    const ajv = createAjv();
    ajv.addSchema(vocabulary("languages") as object);
    const validate = ajv.compile(readJson(`${root}schemas/terminology.schema.json`) as object);
    expect(validate(terminology), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  test("has unique ids and the terms the lint rule needs", () => {
    const termIds = terminology.terms.map((term) => term.id);
    expect(new Set(termIds).size).toBe(termIds.length);
    const severity = Object.fromEntries(terminology.terms.map((term) => [term.id, term.severity]));
    expect(severity).toMatchObject({
      "child-pornography": "error",
      "child-prostitution": "error",
      "child-sex-tourism": "error",
      "sex-tourist": "error",
      "webcam-child-sex-tourism": "error",
      "revenge-porn": "warning",
      sextortion: "warning",
      paedophile: "warning",
      "child-pornography-fr": "error",
      "child-pornography-es": "error",
      "child-pornography-ru": "error",
      "child-pornography-ar": "error",
      "child-pornography-zh": "error",
      "sex-tourism": "error",
      "sex-with-a-minor": "error",
    });
  });

  test.for(terminology.terms.map((term) => [term.id, term] as const))("%s: patterns compile, are simple and behave as their examples say", ([, term]) => {
    const patterns = term.avoid.map((source) => new RegExp(source, terminology.flags));
    for (const source of term.avoid) {
      // No quantified group that itself contains a quantifier: the shape of catastrophic backtracking.
      const groups = source.replace(/\(\?(?:[:=!]|<[=!])/g, "(");
      expect(groups, source).not.toMatch(/\([^()]*[+*?}][^()]*\)[+*{]/);
    }
    const matches = (text: string) => patterns.some((pattern) => pattern.test(text));
    expect(term.examples?.match?.length ?? 0, "at least one example to match").toBeGreaterThan(0);
    for (const text of term.examples?.match ?? []) expect(matches(text), `should match: ${text}`).toBe(true);
    for (const text of term.examples?.noMatch ?? []) expect(matches(text), `should not match: ${text}`).toBe(false);
  });

  test("no pattern, of any language, flags the preferred wording of any term: every narrative is checked against all of them", () => {
    const patterns = terminology.terms.flatMap((term) => term.avoid.map((source) => new RegExp(source, terminology.flags)));
    for (const { prefer } of terminology.terms) {
      for (const pattern of patterns) expect(pattern.test(prefer), `${pattern} on "${prefer}"`).toBe(false);
    }
  });

  test("the five other UN languages each have terms for child sexual abuse material, prostitution and travel and tourism, with sources", () => {
    for (const language of ["ar", "zh", "fr", "ru", "es"]) {
      const ids = terminology.terms.filter((term) => term.language === language).map((term) => term.id);
      expect(ids, language).toEqual(
        expect.arrayContaining([`child-pornography-${language}`, `child-prostitution-${language}`, `child-sex-tourism-${language}`]),
      );
    }
    for (const term of terminology.terms.filter((t) => t.language !== "en")) expect(term.sources.length, term.id).toBeGreaterThan(0);
  });
});
