import { expect } from "vitest";
import type { Diagnostic } from "../../scripts/lib/diagnostics.ts";
import { diskSource, memorySource, overlaySource, scopedSource } from "../../scripts/lib/load/source.ts";
import { validateRepository } from "../../scripts/lib/validate/index.ts";
import { baselineFiles, PROJECT_ROOT } from "../support/repo.ts";

export const NOW = new Date("2026-11-28T12:00:00Z");
const ENTRY = "countries/ken/activities/example-strategy-2020";
const ACTIVITY = `${ENTRY}/activity.json`;
const ENGLISH = `${ENTRY}/en.md`;
const FRENCH = `${ENTRY}/fr.md`;
const ARABIC = `${ENTRY}/ar.md`;
/** The baseline's French translation, as an Arabic one whose body says `sentence`. */
const arabicTranslation = (sentence: string) =>
  (baselineFiles()[FRENCH] ?? "")
    .replace("Exemple de stratégie nationale", "استراتيجية وطنية نموذجية")
    .replace("Une entrée synthétique que les tests utilisent comme base valide.", "مدخل اصطناعي تستخدمه الاختبارات أساسًا صالحًا.")
    .replace("## Contexte", "## السياق")
    .replace("Ce texte n'existe que pour les tests.", sentence);

export type Expected = Pick<Diagnostic, "ruleId" | "file" | "line" | "column" | "message"> & { severity?: Diagnostic["severity"] };

export interface Case {
  name: string;
  /** Changes to the baseline: a path → new text (or a function of the old text); null deletes. */
  change: Record<string, string | null | ((text: string) => string)>;
  expected: Expected[];
}

export function run(change: Case["change"]): Diagnostic[] {
  const files = baselineFiles();
  for (const [path, edit] of Object.entries(change)) {
    if (edit === null) delete files[path];
    else files[path] = typeof edit === "function" ? edit(files[path] ?? "") : edit;
  }
  return validateRepository({ source: inMemory(files), now: NOW }).diagnostics;
}

/** The files in memory over the project's own schemas/: what a repository with them holds, without touching the disk. */
export function inMemory(files: Record<string, string>) {
  return overlaySource(scopedSource(diskSource(PROJECT_ROOT), ["schemas"]), memorySource(files));
}

const OUT_OF_DATE = expect.stringMatching(
  /^This translation may be out of date: it translates version [0-9a-f]{12} of en\.md, which is now version [0-9a-f]{12}\.$/,
) as unknown as string;

const replace = (from: string | RegExp, to: string) => (text: string) => {
  const next = text.replace(from, to);
  if (next === text) throw new Error(`fixture edit did not apply: ${String(from)}`);
  return next;
};

export const CASES: Case[] = [
  // schema
  {
    name: "an unknown topic gets a suggestion",
    change: { [ACTIVITY]: replace('"grooming"', '"cyber-bullying"') },
    expected: [
      { ruleId: "schema", file: ACTIVITY, line: 9, column: 31, message: 'topics[1]: "cyber-bullying" is not a known topic; did you mean "cyberbullying"?' },
    ],
  },
  {
    name: "a misspelt field name gets a suggestion",
    change: { [ACTIVITY]: replace('"topics"', '"topcis"') },
    expected: [
      { ruleId: "schema", file: ACTIVITY, line: 9, column: 3, message: '"topcis" is not a field of an activity (activity.json); did you mean "topics"?' },
    ],
  },
  {
    name: "a missing required field is named",
    change: { [ACTIVITY]: replace('  "type": "policy-strategy",\n', "") },
    expected: [{ ruleId: "schema", file: ACTIVITY, line: 1, column: 1, message: '"type" is missing: an activity (activity.json) needs it.' }],
  },
  {
    name: "a lower-case country code suggests the capitals",
    change: { [ACTIVITY]: replace('"level": "national",', '"level": "national",\n  "countries": ["ken"],') },
    expected: [
      {
        ruleId: "schema",
        file: ACTIVITY,
        line: 5,
        column: 17,
        message: 'countries[0]: "ken" is not a known ISO 3166-1 alpha-3 country code; did you mean "KEN" (Kenya)?',
      },
    ],
  },
  {
    name: "UK in a list of countries suggests the United Kingdom, never Ukraine",
    change: { [ACTIVITY]: replace('"level": "national",', '"level": "national",\n  "countries": ["KEN", "UK"],') },
    expected: [
      {
        ruleId: "schema",
        file: ACTIVITY,
        line: 5,
        column: 24,
        message:
          'countries[1]: "UK" is not a known ISO 3166-1 alpha-3 country code; did you mean "GBR" (United Kingdom of Great Britain and Northern Ireland)?',
      },
    ],
  },
  {
    name: "Korea in a list of countries offers both Koreas",
    change: { [ACTIVITY]: replace('"level": "national",', '"level": "national",\n  "countries": ["KEN", "Korea"],') },
    expected: [
      {
        ruleId: "schema",
        file: ACTIVITY,
        line: 5,
        column: 24,
        message:
          'countries[1]: "Korea" is not a known ISO 3166-1 alpha-3 country code; did you mean "KOR" (Republic of Korea) or "PRK" (Democratic People\'s Republic of Korea)?',
      },
    ],
  },
  {
    name: "a narrative without a summary",
    change: { [ENGLISH]: replace(/summary: .*\n/, "") },
    expected: [{ ruleId: "schema", file: ENGLISH, line: 2, column: 1, message: '"summary" is missing: a narrative\'s frontmatter needs it.' }],
  },
  {
    name: "an unquoted version that YAML reads as a number",
    change: { [FRENCH]: replace(/version: .*/, "version: 123456789012") },
    expected: [
      { ruleId: "schema", file: FRENCH, line: 6, column: 12, message: "translation.version: expected text in quotes, found a number (123456789012)." },
    ],
  },
  {
    name: "a misspelt required field is reported once, with the suggestion",
    change: { [ENGLISH]: replace("title:", "titel:") },
    expected: [{ ruleId: "schema", file: ENGLISH, line: 2, column: 1, message: '"titel" is not a field of a narrative\'s frontmatter; did you mean "title"?' }],
  },
  // strict-json
  {
    name: "a duplicate key",
    change: { [ACTIVITY]: replace('  "status": "active",\n', '  "status": "active",\n  "status": "completed",\n') },
    expected: [
      {
        ruleId: "strict-json",
        file: ACTIVITY,
        line: 6,
        column: 3,
        message: 'The key "status" appears twice in the same object (first on line 5); only one can count.',
      },
    ],
  },
  {
    name: "a trailing comma",
    change: { [ACTIVITY]: replace('"provenance": { "compiledBy": "editors" }\n', '"provenance": { "compiledBy": "editors" },\n') },
    expected: [{ ruleId: "strict-json", file: ACTIVITY, line: 16, column: 1, message: "This is not valid JSON: there is a comma after the last item." }],
  },
  {
    name: "a byte-order mark",
    change: { [ACTIVITY]: (text) => `\uFEFF${text}` },
    expected: [{ ruleId: "strict-json", file: ACTIVITY, line: 1, column: 1, message: "The file starts with an invisible byte-order mark (BOM)." }],
  },
  // safe-yaml
  {
    name: "an unknown YAML tag",
    change: { [ENGLISH]: replace(/summary: /, "summary: !!js/function ") },
    expected: [{ ruleId: "safe-yaml", file: ENGLISH, line: 3, column: 10, message: "Unknown YAML tag !!js/function: tags are not allowed in frontmatter." }],
  },
  {
    name: "YAML anchors and aliases",
    change: { [ENGLISH]: replace(/title: (.*)\nsummary: .*\n/, "title: &t $1 long enough\nsummary: *t\n") },
    expected: [
      { ruleId: "safe-yaml", file: ENGLISH, line: 2, column: 11, message: "YAML anchors (&name) are not allowed in frontmatter." },
      { ruleId: "safe-yaml", file: ENGLISH, line: 3, column: 10, message: "YAML aliases (*name) are not allowed in frontmatter." },
    ],
  },
  // dates
  {
    name: "a confirmation in the future",
    change: {
      [ACTIVITY]: replace(
        '"provenance": { "compiledBy": "editors" }',
        '"provenance": { "compiledBy": "member-state", "confirmedBy": ["ken"], "confirmedOn": "2026-12-24" }',
      ),
    },
    expected: [
      {
        ruleId: "dates",
        file: ACTIVITY,
        line: 15,
        column: 88,
        message: "provenance.confirmedOn: an entry cannot have been confirmed in the future (2026-12-24).",
      },
    ],
  },
  {
    name: "a future start without a status",
    change: { [ACTIVITY]: (text) => replace('  "status": "active",\n', "")(text).replace('"2020-03"', '"2027-05"') },
    expected: [
      { ruleId: "dates", file: ACTIVITY, line: 5, column: 12, message: "start (2027-05) is in the future, but no status says the activity is planned." },
    ],
  },
  {
    name: "end before start",
    change: { [ACTIVITY]: replace('"start": "2020-03",', '"start": "2020-03",\n  "end": "2019",') },
    expected: [{ ruleId: "dates", file: ACTIVITY, line: 7, column: 10, message: "end (2019) is before start (2020-03)." }],
  },
  {
    name: "a date that does not exist",
    change: { [ACTIVITY]: replace('"2020-03"', '"2019-02-30"') },
    expected: [{ ruleId: "dates", file: ACTIVITY, line: 6, column: 12, message: 'start: "2019-02-30" does not exist: 2019-02 has 28 days.' }],
  },
  {
    name: "a future start for work that is not planned",
    change: { [ACTIVITY]: replace('"2020-03"', '"2027-05"') },
    expected: [{ ruleId: "dates", file: ACTIVITY, line: 6, column: 12, message: 'start (2027-05) is in the future, but the status is "active".' }],
  },
  {
    name: "an end implausibly far in the future",
    change: { [ACTIVITY]: replace('"start": "2020-03",', '"start": "2020-03",\n  "end": "2099",') },
    expected: [{ ruleId: "dates", file: ACTIVITY, line: 7, column: 10, message: "end (2099) is implausibly far in the future." }],
  },
  // links
  {
    name: "an http link",
    change: { [ACTIVITY]: replace("https://example.org/strategy", "http://example.org/strategy") },
    expected: [{ ruleId: "links", file: ACTIVITY, line: 11, column: 14, message: "links[0].url: only https addresses are accepted, not http." }],
  },
  {
    name: "a javascript: link in a narrative",
    change: { [ENGLISH]: replace("Nothing real.", "Nothing [real](javascript:alert(1)).") },
    expected: [
      {
        ruleId: "links",
        file: ENGLISH,
        line: 12,
        column: 9,
        message: 'Link "javascript:alert(1)": "javascript:" addresses are not allowed; only https web pages.',
      },
      { ruleId: "narratives", severity: "warning", file: FRENCH, line: 6, column: 12, message: OUT_OF_DATE },
    ],
  },
  {
    name: "credentials in a link",
    change: { [ACTIVITY]: replace("https://example.org/strategy", "https://user:secret@example.org/strategy") },
    expected: [{ ruleId: "links", file: ACTIVITY, line: 11, column: 14, message: "links[0].url: the address contains a user name or password." }],
  },
  {
    name: "the same link twice",
    change: { [ACTIVITY]: replace("https://example.org/news/launch", "https://example.org/strategy/") },
    expected: [{ ruleId: "links", file: ACTIVITY, line: 12, column: 14, message: "links[1].url: the same address is already listed as links[0]." }],
  },
  // unicode
  {
    name: "a bidi override in the entry folder name",
    change: Object.fromEntries(
      Object.entries(baselineFiles())
        .filter(([path]) => path.startsWith(ENTRY))
        .flatMap(([path, text]) => [
          [path, null],
          [path.replace("example-strategy-2020", "example-\u202Estrategy-2020"), text],
        ]),
    ),
    expected: [
      {
        ruleId: "layout",
        file: `countries/ken/activities/example-\u202Estrategy-2020/activity.json`,
        line: 1,
        column: 1,
        message: 'The folder name "example-\u202Estrategy-2020" is not in kebab-case.',
      },
      ...["activity.json", "en.md", "fr.md"].map((name) => ({
        ruleId: "unicode",
        file: `countries/ken/activities/example-\u202Estrategy-2020/${name}`,
        line: 1,
        column: 1,
        message: "The file path contains an invisible right-to-left override (U+202E), which can make a name look like another.",
      })),
    ],
  },
  {
    name: "a zero-width space in prose is a warning",
    change: { [ENGLISH]: replace("only for", "only\u200B for") },
    expected: [
      {
        ruleId: "unicode",
        severity: "warning",
        file: ENGLISH,
        line: 8,
        column: 22,
        message: "The text contains an invisible zero-width space (U+200B): it can make the text display differently from what it says.",
      },
      { ruleId: "narratives", severity: "warning", file: FRENCH, line: 6, column: 12, message: OUT_OF_DATE },
    ],
  },
  {
    name: "text not in NFC is a warning",
    change: { [ENGLISH]: replace("Nothing real.", "Nothing re\u0301al.") },
    expected: [
      {
        ruleId: "unicode",
        severity: "warning",
        file: ENGLISH,
        line: 12,
        column: 10,
        message: "The text is not in Unicode normal form C (NFC): letters with accents are stored as two characters.",
      },
      { ruleId: "narratives", severity: "warning", file: FRENCH, line: 6, column: 12, message: OUT_OF_DATE },
    ],
  },
  {
    name: "a right-to-left override in a web address is an error",
    change: { [ACTIVITY]: replace("https://example.org/strategy", "https://example.org/\u202Egnp.strategy") },
    expected: [
      {
        ruleId: "unicode",
        file: ACTIVITY,
        line: 11,
        column: 14,
        message: '"https://example.org/<U+202E>gnp.strategy" contains an invisible right-to-left override (U+202E).',
      },
    ],
  },
  {
    name: "a zero-width space in a key is an error",
    change: { [ACTIVITY]: replace('"topics"', '"top\u200Bics"') },
    expected: [
      { ruleId: "schema", file: ACTIVITY, line: 9, column: 3, message: '"top\u200Bics" is not a field of an activity (activity.json); did you mean "topics"?' },
      { ruleId: "unicode", file: ACTIVITY, line: 9, column: 3, message: 'The key "top<U+200B>ics" contains an invisible zero-width space (U+200B).' },
    ],
  },
  // narratives
  {
    name: "the original-language narrative is missing",
    change: { [ACTIVITY]: replace('"originalLanguage": "en"', '"originalLanguage": "es"') },
    expected: [
      {
        ruleId: "narratives",
        file: ACTIVITY,
        line: 14,
        column: 23,
        message: "The original narrative es.md is missing: originalLanguage says the entry is written in Spanish.",
      },
    ],
  },
  {
    name: "a translation without translation:",
    change: { [FRENCH]: replace(/translation:\n( {2}.*\n)+/, "") },
    expected: [
      {
        ruleId: "narratives",
        file: FRENCH,
        line: 2,
        column: 1,
        message: "This is a translation of en.md, so its frontmatter needs translation: with from, version and method.",
      },
    ],
  },
  {
    name: "an out-of-date translation is a warning",
    change: { [ENGLISH]: replace("Nothing real.", "Nothing real, and more.") },
    expected: [
      {
        ruleId: "narratives",
        severity: "warning",
        file: FRENCH,
        line: 6,
        column: 12,
        message: expect.stringMatching(
          /^This translation may be out of date: it translates version [0-9a-f]{12} of en\.md, which is now version [0-9a-f]{12}\.$/,
        ) as unknown as string,
      },
    ],
  },
  {
    name: "raw HTML and a top-level heading in a narrative",
    change: { [ENGLISH]: replace("## Context", "# Context\n\n<script>alert(1)</script>") },
    expected: [
      { ruleId: "narratives", file: ENGLISH, line: 6, column: 1, message: "A top-level heading (# ...) is not allowed: the title comes from the frontmatter." },
      { ruleId: "narratives", file: ENGLISH, line: 8, column: 1, message: 'Raw HTML is not allowed in a narrative: "<script>alert(1)</script>".' },
      { ruleId: "narratives", severity: "warning", file: FRENCH, line: 6, column: 12, message: OUT_OF_DATE },
    ],
  },
  {
    name: "a heading that skips a level",
    change: { [ENGLISH]: replace("## What was done", "#### What was done") },
    expected: [
      { ruleId: "narratives", file: ENGLISH, line: 10, column: 1, message: "The heading jumps from level 2 to level 4." },
      { ruleId: "narratives", severity: "warning", file: FRENCH, line: 6, column: 12, message: OUT_OF_DATE },
    ],
  },
  // references
  {
    name: "an entry confirmed by a country it does not concern",
    change: {
      "countries/rwa/country.json": `${JSON.stringify({ region: "africa", reviewers: [] }, null, 2)}\n`,
      [ACTIVITY]: replace(
        '"provenance": { "compiledBy": "editors" }',
        '"provenance": { "compiledBy": "editors", "confirmedBy": ["ken", "rwa", "xyz"], "confirmedOn": "2026-11-02" }',
      ),
    },
    expected: [
      {
        ruleId: "references",
        file: ACTIVITY,
        line: 15,
        column: 67,
        message: 'provenance.confirmedBy: "rwa" is neither the owner of this entry (ken) nor one of the countries it covers.',
      },
      { ruleId: "references", file: ACTIVITY, line: 15, column: 74, message: 'provenance.confirmedBy: there is no country or organisation "xyz".' },
    ],
  },
  {
    name: "a confirmation needs its date",
    change: { [ACTIVITY]: replace('"provenance": { "compiledBy": "editors" }', '"provenance": { "compiledBy": "member-state", "confirmedBy": ["ken"] }') },
    expected: [{ ruleId: "schema", file: ACTIVITY, line: 15, column: 17, message: 'provenance: "confirmedOn" is missing: it goes with "confirmedBy".' }],
  },
  {
    name: "a related entry that does not exist",
    change: { [ACTIVITY]: replace('"originalLanguage": "en"', '"originalLanguage": "en",\n  "related": ["ken/example-strategy-2021"]') },
    expected: [
      {
        ruleId: "references",
        file: ACTIVITY,
        line: 15,
        column: 15,
        message: 'related[0]: there is no entry "ken/example-strategy-2021"; did you mean "ken/example-strategy-2020"?',
      },
    ],
  },
  {
    name: "a region that contradicts the reference table",
    change: { "countries/ken/country.json": replace('"africa"', '"europe"') },
    expected: [
      {
        ruleId: "references",
        file: "countries/ken/country.json",
        line: 2,
        column: 13,
        message: 'The ITU-D reference table puts Kenya in "africa", not "europe".',
      },
    ],
  },
  {
    name: "a working language the bot cannot write in",
    change: { "countries/ken/country.json": replace('"africa"', '"africa", "languages": ["sw"]') },
    expected: [
      {
        ruleId: "schema",
        file: "countries/ken/country.json",
        line: 2,
        column: 37,
        message: 'languages[0]: must be one of "ar", "zh", "en", "fr", "ru", "es".',
      },
    ],
  },
  {
    name: "working languages from the six are accepted",
    change: { "countries/ken/country.json": replace('"africa"', '"africa", "languages": ["fr", "ar"]') },
    expected: [],
  },
  // layout
  {
    name: "an upper-case country folder",
    change: Object.fromEntries(
      Object.entries(baselineFiles()).flatMap(([path, text]) => [
        [path, null],
        [path.replace("countries/ken", "countries/KEN"), text],
      ]),
    ),
    expected: [
      { ruleId: "layout", file: "countries/KEN/country.json", line: 1, column: 1, message: 'Country folder names are lower case: rename "KEN" to "ken".' },
    ],
  },
  {
    name: "a country folder named uk suggests gbr",
    change: Object.fromEntries(
      Object.entries(baselineFiles()).flatMap(([path, text]) => [
        [path, null],
        [path.replace("countries/ken", "countries/uk"), text],
      ]),
    ),
    expected: [
      {
        ruleId: "layout",
        file: "countries/uk/country.json",
        line: 1,
        column: 1,
        message: '"uk" is not an ISO 3166-1 alpha-3 country code; did you mean "gbr" (United Kingdom of Great Britain and Northern Ireland)?',
      },
    ],
  },
  {
    name: "a country folder named in words",
    change: Object.fromEntries(
      Object.entries(baselineFiles()).flatMap(([path, text]) => [
        [path, null],
        [path.replace("countries/ken", "countries/kenya"), text],
      ]),
    ),
    expected: [
      {
        ruleId: "layout",
        file: "countries/kenya/country.json",
        line: 1,
        column: 1,
        message: '"kenya" is not an ISO 3166-1 alpha-3 country code; did you mean "ken" (Kenya)?',
      },
    ],
  },
  {
    name: "a narrative file named after the language's English name",
    change: { [`${ENTRY}/english.md`]: "x" },
    expected: [
      { ruleId: "layout", file: `${ENTRY}/english.md`, line: 1, column: 1, message: '"english.md" is not a narrative file name; did you mean "en.md"?' },
    ],
  },
  {
    name: "a stray file in a country folder",
    change: { "countries/ken/notes.txt": "notes" },
    expected: [{ ruleId: "layout", file: "countries/ken/notes.txt", line: 1, column: 1, message: 'Unexpected file "notes.txt".' }],
  },
  {
    name: "an entry without activity.json",
    change: { [ACTIVITY]: null },
    expected: [{ ruleId: "layout", file: ACTIVITY, line: 1, column: 1, message: "activity.json is missing: every entry folder needs one." }],
  },
  // duplicates
  {
    name: "the same source and title in two entries of a country",
    change: Object.fromEntries(
      Object.entries(baselineFiles())
        .filter(([path]) => path.startsWith(ENTRY))
        .map(([path, text]) => [path.replace("2020", "copy"), text]),
    ),
    expected: ["example-strategy-2020", "example-strategy-copy"].flatMap((slug) => {
      const other = slug === "example-strategy-copy" ? "ken/example-strategy-2020" : "ken/example-strategy-copy";
      const base = `countries/ken/activities/${slug}`;
      return [
        {
          ruleId: "duplicates",
          severity: "warning" as const,
          file: `${base}/activity.json`,
          line: 11,
          column: 14,
          message: `links[0]: the same source is used by ${other}. Is it the same activity entered twice?`,
        },
        {
          ruleId: "duplicates",
          severity: "warning" as const,
          file: `${base}/activity.json`,
          line: 12,
          column: 14,
          message: `links[1]: the same source is used by ${other}. Is it the same activity entered twice?`,
        },
        {
          ruleId: "duplicates",
          severity: "warning" as const,
          file: `${base}/en.md`,
          line: 2,
          column: 8,
          message: `The title is almost the same as that of ${other} ("Example national strategy"). Is it the same activity entered twice?`,
        },
        {
          ruleId: "duplicates",
          severity: "warning" as const,
          file: `${base}/fr.md`,
          line: 2,
          column: 8,
          message: `The title is almost the same as that of ${other} ("Exemple de stratégie nationale"). Is it the same activity entered twice?`,
        },
      ];
    }),
  },
  // evidence
  {
    name: "a good practice without evidence",
    change: { [ACTIVITY]: replace('"kind": "activity"', '"kind": "good-practice"') },
    expected: [
      {
        ruleId: "evidence",
        file: ACTIVITY,
        line: 2,
        column: 11,
        message: 'A good practice needs evidence: add a link of type "evaluation" to an evaluation, an audit or published results.',
      },
    ],
  },
  // terminology
  {
    name: "a term to avoid in prose",
    change: { [ENGLISH]: replace("Nothing real.", "It fights child pornography online.") },
    expected: [
      {
        ruleId: "terminology",
        file: ENGLISH,
        line: 12,
        column: 11,
        message: expect.stringMatching(
          /^"child pornography" is a term to avoid: write ".*child sexual abuse material.*" instead \(Luxembourg Terminology Guidelines\)\.$/,
        ) as unknown as string,
      },
      { ruleId: "narratives", severity: "warning", file: FRENCH, line: 6, column: 12, message: OUT_OF_DATE },
    ],
  },
  {
    name: "an English term to avoid in an Arabic narrative",
    change: { [ARABIC]: arabicTranslation("تكافح الاستراتيجية child pornography على الإنترنت.") },
    expected: [
      {
        ruleId: "terminology",
        file: ARABIC,
        line: 12,
        column: 20,
        message: expect.stringMatching(/^"child pornography" is a term to avoid: write ".*child sexual abuse material.*" instead/) as unknown as string,
      },
    ],
  },
  {
    name: "an Arabic term to avoid in an English narrative",
    change: { [ENGLISH]: replace("Nothing real.", "It fights إباحية الأطفال online.") },
    expected: [
      {
        ruleId: "terminology",
        file: ENGLISH,
        line: 12,
        column: 11,
        message: expect.stringMatching(
          /^"\u2068?إباحية الأطفال\u2069?" is a term to avoid: write "\u2068?مواد الاعتداء الجنسي على الأطفال\u2069?" instead/,
        ) as unknown as string,
      },
      { ruleId: "narratives", severity: "warning", file: FRENCH, line: 6, column: 12, message: OUT_OF_DATE },
    ],
  },
  {
    name: "a Chinese term to avoid pasted into an Arabic narrative",
    change: { [ARABIC]: arabicTranslation("该战略打击儿童色情制品。") },
    expected: [
      {
        ruleId: "terminology",
        file: ARABIC,
        line: 12,
        column: 6,
        message: expect.stringMatching(/^"儿童色情制品" is a term to avoid: write "儿童性虐待材料" instead/) as unknown as string,
      },
    ],
  },
  {
    name: "quoting an official title is allowed",
    change: {
      [ENGLISH]: (text) =>
        replace(
          "Nothing real.",
          "It repealed the Anti-Child Pornography Act of 2009.",
        )(text).replace(/^---\n/, "---\nofficialTitles:\n  - Anti-Child Pornography Act of 2009\n"),
      [FRENCH]: replace(/version: .*/, "version: aaaaaaaaaaaa"),
    },
    expected: [
      {
        ruleId: "narratives",
        severity: "warning",
        file: FRENCH,
        line: 6,
        column: 12,
        message: expect.stringContaining("may be out of date") as unknown as string,
      },
    ],
  },
  // privacy
  {
    name: "a personal e-mail and phone number in prose",
    change: { [ENGLISH]: replace("Nothing real.", "Write to jane.doe@example.org or call +254 712 345 678.") },
    expected: [
      { ruleId: "privacy", severity: "warning", file: ENGLISH, line: 12, column: 10, message: "An e-mail address in the text (jane.doe@example.org)." },
      { ruleId: "privacy", severity: "warning", file: ENGLISH, line: 12, column: 39, message: "A phone number in the text (+254 712 345 678)." },
      { ruleId: "narratives", severity: "warning", file: FRENCH, line: 6, column: 12, message: OUT_OF_DATE },
    ],
  },
  {
    name: "a contact address that looks personal",
    change: { [ACTIVITY]: replace('"originalLanguage": "en"', '"originalLanguage": "en",\n  "contact": { "email": "jane.doe@example.org" }') },
    expected: [
      {
        ruleId: "privacy",
        severity: "warning",
        file: ACTIVITY,
        line: 15,
        column: 25,
        message: "contact.email (jane.doe@example.org) looks like a person's address.",
      },
    ],
  },
];
