import { execFileSync } from "node:child_process";
import { narrativeVersion } from "../../../scripts/lib/narrative-version.ts";
import { makeRepo, type TempRepo } from "../../support/repo.ts";

/**
 * A synthetic dataset for the site tests, generated in a temporary folder (never in
 * countries/): a few countries and one organisation, entries with varied facets,
 * translations (one Arabic, one out of date), a youth-participation entry, and a word
 * that appears only in one narrative's body, for the search test. None of it is real.
 */
export const SEARCH_ONLY_WORD = "quokkamarine";
/** Entries with the topic "grooming" (the topic-filter test). */
export const GROOMING_ENTRIES = ["ken/safer-chat-2021", "fra/school-workshops-2019"];

interface Spec {
  owner: string;
  slug: string;
  kind: "activity" | "case-study" | "good-practice";
  type: string;
  level: "national" | "regional" | "international";
  status: string;
  /** Left out of one entry: a start no source gives is not written. */
  start?: string;
  topics: string[];
  audiences: string[];
  policyAreas?: string[];
  /** Given to one entry, so that a page shows a list written the language's way. */
  sdgTargets?: string[];
  countries?: string[];
  title: string;
  summary: string;
  body: string;
  translations?: Array<{ lang: string; title: string; summary: string; body: string; method: string; stale?: boolean }>;
  /** Set for the one entry its country has confirmed; the others are compiled by the editors and unconfirmed. */
  confirmedOn?: string;
}

/** The entry its country has confirmed (the others are not yet confirmed). */
export const CONFIRMED_ENTRY = "ken/safer-chat-2021";

const para = (text: string) => `\n## Context\n\n${text}\n\n## What was done\n\nThe synthetic programme ran for a year with schools and families.\n`;

export const SPECS: Spec[] = [
  {
    owner: "ken",
    slug: "safer-chat-2021",
    kind: "case-study",
    type: "awareness-campaign",
    level: "national",
    status: "completed",
    start: "2021-04",
    confirmedOn: "2025-06-10",
    topics: ["grooming", "cyberbullying"],
    sdgTargets: ["16.2", "4.7", "5.2"],
    audiences: ["children", "parents-carers-educators"],
    title: "Safer chat campaign",
    summary: "A synthetic awareness campaign about safer chatting for children and parents.",
    body: para(`Volunteers used a mascot called ${SEARCH_ONLY_WORD} to explain safer chatting.`),
    translations: [
      {
        lang: "ar",
        title: "حملة الدردشة الآمنة",
        summary: "حملة توعية تجريبية حول الدردشة الآمنة للأطفال والآباء.",
        body: "\n## السياق\n\nنص تجريبي للاختبارات فقط.\n",
        method: "machine",
      },
      {
        lang: "fr",
        title: "Campagne pour des discussions plus sûres",
        summary: "Une campagne de sensibilisation fictive sur les discussions en ligne plus sûres.",
        body: "\n## Contexte\n\nTexte fictif pour les tests.\n",
        method: "human",
      },
    ],
  },
  {
    owner: "ken",
    slug: "helpline-2018",
    kind: "activity",
    type: "helpline",
    level: "national",
    status: "active",
    start: "2018",
    topics: ["well-being"],
    audiences: ["children"],
    title: "National child helpline",
    summary: "A synthetic helpline entry that children can call for support and advice.",
    body: para("The helpline answers calls every day of the year."),
  },
  {
    owner: "fra",
    slug: "school-workshops-2019",
    kind: "activity",
    type: "education-programme",
    level: "national",
    status: "active",
    start: "2019-09",
    topics: ["grooming", "digital-literacy"],
    audiences: ["children", "parents-carers-educators"],
    title: "Ateliers dans les écoles",
    summary: "Un programme fictif d'ateliers sur la sécurité en ligne dans les écoles.",
    body: "\n## Contexte\n\nDes ateliers fictifs pour les tests.\n",
    translations: [
      {
        lang: "en",
        title: "School workshops",
        summary: "A synthetic programme of online safety workshops in schools.",
        body: "\n## Context\n\nSynthetic workshops for the tests.\n",
        method: "reviewed",
        stale: true,
      },
    ],
  },
  {
    owner: "bra",
    slug: "reporting-portal-2016",
    kind: "activity",
    type: "reporting-portal",
    level: "national",
    status: "active",
    start: "2016-02",
    topics: ["child-sexual-abuse-material"],
    audiences: ["policy-makers"],
    title: "Portal de denúncias",
    summary: "Um portal fictício para denunciar conteúdos ilegais na internet.",
    body: "\n## Contexto\n\nTexto fictício para os testes.\n",
  },
  {
    owner: "egy",
    slug: "digital-skills-2022",
    kind: "activity",
    type: "capacity-building",
    level: "national",
    status: "planned",
    topics: ["digital-literacy"],
    audiences: ["parents-carers-educators"],
    title: "برنامج المهارات الرقمية",
    summary: "برنامج تجريبي لتعليم المهارات الرقمية للمربين والآباء.",
    body: "\n## السياق\n\nنص تجريبي للاختبارات.\n",
  },
  {
    owner: "test-network",
    slug: "youth-panel-2020",
    kind: "activity",
    type: "youth-participation",
    level: "international",
    status: "active",
    start: "2020-11",
    topics: ["well-being"],
    audiences: ["children"],
    policyAreas: ["child-participation"],
    countries: ["KEN", "FRA", "BRA"],
    title: "International youth panel",
    summary: "A synthetic youth panel where young people advise on online safety policy.",
    body: para("Young people from three countries met online every month."),
  },
];

const ORIGINAL: Record<string, string> = { bra: "pt", egy: "ar", fra: "fr" };
const REGIONS: Record<string, string> = { ken: "africa", fra: "europe", bra: "americas", egy: "arab-states" };

/** The folder of an owner of the dataset: countries/<code> or organizations/<id>. */
export function ownerDir(owner: string): string {
  return owner in REGIONS ? `countries/${owner}` : `organizations/${owner}`;
}

/** The files of one entry. */
export function entryFiles(spec: Spec): Record<string, string> {
  const dir = `${ownerDir(spec.owner)}/activities/${spec.slug}`;
  const original = ORIGINAL[spec.owner] ?? "en";
  const activity = {
    kind: spec.kind,
    type: spec.type,
    level: spec.level,
    ...(spec.countries ? { countries: spec.countries } : {}),
    status: spec.status,
    ...(spec.start ? { start: spec.start } : {}),
    lead: [{ name: "Synthetic Ministry of Examples" }],
    audiences: spec.audiences,
    topics: spec.topics,
    ...(spec.policyAreas ? { policyAreas: spec.policyAreas } : {}),
    ...(spec.sdgTargets ? { sdgTargets: spec.sdgTargets } : {}),
    links: [{ url: `https://example.org/${spec.owner}/${spec.slug}`, type: "official" }],
    originalLanguage: original,
    provenance: spec.confirmedOn ? { compiledBy: "member-state", confirmedBy: [spec.owner], confirmedOn: spec.confirmedOn } : { compiledBy: "editors" },
  };
  const files: Record<string, string> = {
    [`${dir}/activity.json`]: `${JSON.stringify(activity, null, 2)}\n`,
    [`${dir}/${original}.md`]: `---\ntitle: ${JSON.stringify(spec.title)}\nsummary: ${JSON.stringify(spec.summary)}\n---\n${spec.body}`,
  };
  const version = narrativeVersion(spec.title, spec.summary, spec.body);
  for (const t of spec.translations ?? []) {
    files[`${dir}/${t.lang}.md`] =
      `---\ntitle: ${JSON.stringify(t.title)}\nsummary: ${JSON.stringify(t.summary)}\ntranslation:\n  from: ${original}\n  version: "${t.stale ? "0123456789ab" : version}"\n  method: ${t.method}\n---\n${t.body}`;
  }
  return files;
}

/** The one designated reviewer of the dataset (Kenya's): a made-up account. */
export const KEN_REVIEWER = { login: "synthetic-ken-reviewer", id: 424242 };

/** Profiles of the owners. */
export function profileFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const [code, region] of Object.entries(REGIONS)) {
    files[`countries/${code}/country.json`] =
      `${JSON.stringify({ region, reviewers: code === "ken" ? [KEN_REVIEWER] : [], links: [{ url: `https://example.org/${code}/framework`, type: "official" }] }, null, 2)}\n`;
  }
  files["organizations/test-network/organization.json"] = `${JSON.stringify(
    {
      name: { en: "Synthetic Test Network", fr: "Réseau de test fictif" },
      acronym: "STN",
      category: "network",
      level: "international",
      regions: ["africa", "europe"],
      reviewers: [],
    },
    null,
    2,
  )}\n`;
  return files;
}

/** Every file of the synthetic dataset. */
export function syntheticFiles(): Record<string, string> {
  return { ...profileFiles(), ...Object.assign({}, ...SPECS.map(entryFiles)) };
}

/** Runs git in a folder with a fixed identity and date. */
export function git(root: string, args: string[], date?: string): string {
  return execFileSync("git", ["-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false", ...args], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}) },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

/** True when git can be run here. */
export function hasGit(): boolean {
  try {
    execFileSync("git", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/**
 * The synthetic dataset in a temporary git repository with a known history:
 * - 2024-03-01 (#1, approved by alice): profiles and the ken, fra and bra entries;
 * - 2025-02-10 (#2, approved by bob and carol): egy and test-network entries, and a change to ken/helpline-2018;
 * - 2025-06-01 (#3): a Spanish translation of bra/reporting-portal-2016.
 * So 2025 has 2 entries added and 2 updated (one changed, one translated), and 1 translation.
 */
export function makeSyntheticRepo(withHistory = true): TempRepo {
  const all = syntheticFiles();
  const first = Object.fromEntries(Object.entries(all).filter(([path]) => !/(egy|test-network)\/activities/.test(path)));
  const repo = makeRepo(withHistory ? first : all);
  if (!withHistory) return repo;
  git(repo.root, ["init", "-q", "-b", "main"]);
  git(repo.root, ["add", "-A"]);
  git(repo.root, ["commit", "-q", "-m", "Add the first entries (#1)", "-m", "Approved-by: alice (101)"], "2024-03-01T10:00:00Z");
  for (const [path, text] of Object.entries(all)) if (!(path in first)) repo.write(path, text);
  const helpline = "countries/ken/activities/helpline-2018/activity.json";
  repo.write(helpline, all[helpline]!.replace('"status": "active"', '"status": "completed"'));
  git(repo.root, ["add", "-A"]);
  git(
    repo.root,
    ["commit", "-q", "-m", "Update COP Atlas entries: egy, test-network, ken (#2)", "-m", "Approved-by: bob (102)\nApproved-by: carol (103)"],
    "2025-02-10T10:00:00Z",
  );
  const bra = SPECS.find((s) => s.slug === "reporting-portal-2016")!;
  repo.write(
    "countries/bra/activities/reporting-portal-2016/es.md",
    `---\ntitle: "Portal de denuncias"\nsummary: "Un portal ficticio para denunciar contenidos ilegales en internet."\ntranslation:\n  from: pt\n  version: "${narrativeVersion(bra.title, bra.summary, bra.body)}"\n  method: human\n---\n\n## Contexto\n\nTexto ficticio para las pruebas.\n`,
  );
  git(repo.root, ["add", "-A"]);
  git(repo.root, ["commit", "-q", "-m", "Translate bra/reporting-portal-2016 into Spanish (#3)"], "2025-06-01T10:00:00Z");
  return repo;
}

/** Narrative text that tries every trick of the XSS corpus (checklist item 22). */
export const XSS_BODY = `
## Context

<script>window.__xss = 1; alert(1)</script>

[click me](javascript:alert(1)) and [tab](jav&#x09;ascript:alert(2)) and [data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)

<img src=x onerror="window.__xss = 2; alert(2)">

<svg><script>window.__xss = 3; alert(3)</script></svg>

<a href=" jav&#x09;ascript:alert(4)">spaced</a>

<iframe src="javascript:alert(5)"></iframe>

<div onmouseover="alert(6)" style="position:fixed;inset:0">cover</div>

![x](javascript:alert(7))

<form action="javascript:alert(8)"><button>go</button></form>

<a id="main" name="xss">clobber</a>

<math><mi xlink:href="javascript:alert(9)">x</mi></math>
`;
