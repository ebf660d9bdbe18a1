import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type IPty, spawn as spawnPty } from "@lydell/node-pty";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { deriveSlug, readKeyOrder, renderActivityJson } from "../../scripts/lib/scaffold/entry.ts";
import { checkAnswer, checkGiven, planScaffold } from "../../scripts/lib/scaffold/scaffold.ts";
import { loadCatalog } from "../../scripts/lib/schema/catalog.ts";
import { validateRepository } from "../../scripts/lib/validate/index.ts";
import { makeRepo, PROJECT_ROOT, type TempRepo } from "../support/repo.ts";

const TSX = join(PROJECT_ROOT, "node_modules", ".bin", "tsx");
const CLI = join(PROJECT_ROOT, "scripts", "cli", "new.ts");
const FLAGS = [
  "--country",
  "rwa",
  "--kind",
  "activity",
  "--type",
  "helpline",
  "--status",
  "active",
  "--start",
  "2020-06",
  "--title",
  "Child helpline 116",
  "--summary",
  "A free helpline for children, open day and night.",
  "--link",
  "https://www.example.org/helpline",
  "--link",
  "https://www.example.org/news/helpline",
  "--link-type",
  "official",
  "--link-type",
  "news",
  "--audience",
  "children",
  "--topic",
  "cyberbullying",
];

let repo: TempRepo;
beforeEach(() => {
  repo = makeRepo({});
});
afterEach(() => repo.cleanup());

/** A locale that names none of the six languages: the command speaks English unless --lang says otherwise. */
const NEUTRAL_LOCALE = { LANGUAGE: "", LC_ALL: "", LC_MESSAGES: "", LANG: "C.UTF-8" };

function run(args: string[], env: Record<string, string> = {}) {
  return spawnSync(TSX, [CLI, "--root", repo.root, ...args], {
    encoding: "utf8",
    cwd: repo.root,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, ...NEUTRAL_LOCALE, ...env },
  });
}

function errorsOf(root: string) {
  return validateRepository({ root }).diagnostics.filter((diagnostic) => diagnostic.severity === "error");
}

test.for([
  ["National COP Policy", "2019", "national-cop-policy-2019"],
  ["Loi n° 2016-03 relative à la protection de l'enfant", "2016", "loi-n-2016-03-relative-a-la-protection-de-l-enfant-2016"],
  ["Strategy 2019", "2019", "strategy-2019"],
  ["../../etc/passwd", "2020", "etc-passwd-2020"],
  // A title in any of the six languages gives a readable Latin name, never a bare year or number.
  ["قانون حقوق الطفل 2023", "2023", "qanwn-hqwq-altfl-2023"],
  ["قانون حقوق الطفل", "2016", "qanwn-hqwq-altfl-2016"],
  ["国家儿童在线保护战略", "2021", "guo-jia-er-tong-zai-xian-bao-hu-zhan-lue-2021"],
  ["银行业未成年人保护指引", "2022", "yin-hang-ye-wei-cheng-nian-ren-bao-hu-zhi-yin-2022"],
  ["Федеральный закон № 436-ФЗ «О защите детей от информации»", "2010", "federalniy-zakon-no-436-fz-o-zaschite-detey-ot-informatsii-2010"],
  ["Стратегия национальной безопасности", "2021", "strategiya-natsionalnoy-bezopasnosti-2021"],
  ["Қазақстан балалары", "2022", "qazaqstan-balalary-2022"],
  ["Estrategia Nacional de Ciberseguridad", "2019", "estrategia-nacional-de-ciberseguridad-2019"],
  ["Stratégie nationale pour la protection de l'enfance en ligne", "2022", "strategie-nationale-pour-la-protection-de-l-enfance-en-ligne-2022"],
  // Nothing to read: the caller asks for a short name.
  ["2023", "2023", ""],
  ["№ 436-ФЗ", "2010", ""],
  ["٢٠٢٣", "2023", ""],
] as const)("deriveSlug(%s, %s) → %s", ([title, year, slug]) => {
  expect(deriveSlug(title, year)).toBe(slug);
});

test("activity.json keys follow the schema's order, nested objects too", () => {
  const text = renderActivityJson(
    { links: [{ type: "official", url: "https://x.example.org" }], originalLanguage: "en", kind: "activity", start: "2020" },
    readKeyOrder(PROJECT_ROOT),
  );
  expect(Object.keys(JSON.parse(text))).toEqual(["kind", "start", "links", "originalLanguage"]);
  expect(text).toContain('"url": "https://x.example.org",\n      "type": "official"');
});

const vocabularies = loadCatalog(PROJECT_ROOT).vocabularies;

test.for([
  ["start", "2023-02-30", '"2023-02-30" does not exist: 2023-02 has 28 days. Write a year (2019), a month (2019-06) or a day (2019-06-30).'],
  ["start", "2024-02-29", undefined],
  ["end", "June 2020", '"June 2020" is not a date in the expected form. Write a year (2019), a month (2019-06) or a day (2019-06-30).'],
  ["topics", "cyberbulying", '"cyberbulying" is not a topic; did you mean "cyberbullying"?'],
  ["policyAreas", "legal-framework", undefined],
  ["mnrCapabilities", "legislaton", '"legislaton" is not a Model National Response capability; did you mean "legislation"?'],
  ["countries", "rwx", '"rwx" is not a country we know; did you mean "rwa" (Rwanda)?'],
  ["countries", "United Kingdom", undefined],
  ["links", "http://example.org/a", '"http://example.org/a" is not a public https:// address.'],
  ["lead", "Ministry of ICT | MICT | http://ict.example.org", 'The website of "Ministry of ICT" is not a public https:// address.'],
  ["lead", "Ministry of ICT | MICT", undefined],
  ["sdgTargets", "16.2", undefined],
  ["sdgTargets", "16-2", '"16-2" is not an SDG target: write the goal, a dot and the target, such as 16.2 or 4.a.'],
  ["related", "ken/be-the-cop-campaign-2015", undefined],
  ["officialTitles", "Ab", "An official title needs 3 to 300 characters."],
  ["contactEmail", "info@example.org", undefined],
] as const)("checkAnswer(%s, %s)", ([name, value, problem]) => {
  expect(checkAnswer(name, value, vocabularies)).toBe(problem);
});

test("countries written as names in any language become their codes in the entry and its folder", () => {
  const plan = planScaffold(
    {
      country: "Кения",
      kind: "activity",
      type: "helpline",
      level: "regional",
      countries: ["Kenya", "uga", "Tanzanie"],
      lang: "en",
      title: "East African helpline network",
      summary: "Helplines of three countries share one number.",
      links: ["https://www.example.org/network"],
    },
    vocabularies,
    readKeyOrder(PROJECT_ROOT),
    () => true,
  );
  expect(plan.problems).toEqual([]);
  expect(plan.dir).toBe("countries/ken/activities/east-african-helpline-network");
  const activity = JSON.parse(plan.files.find((file) => file.path.endsWith("activity.json"))?.text ?? "{}");
  expect(activity.countries).toEqual(["KEN", "UGA", "TZA"]);
});

test("the problems with the options are said in the language asked for, the locale's by default", () => {
  const russian = run(["--lang", "ru", "--kind", "activty", "--start", "2023-02-30"]);
  expect(russian.status).toBe(1);
  expect(russian.stderr).toContain("Ничего не создано:");
  expect(russian.stderr).toContain("«activty» — не вид записи; возможно, вы имели в виду «activity»?");
  const arabic = run(["--kind", "activty"], { LANG: "ar_EG.UTF-8" });
  // A Latin value inside an Arabic sentence is isolated (U+2068 … U+2069) so that it keeps its order.
  expect(arabic.stderr.replace(/[⁨⁩]/g, "")).toContain("«activty» ليس نوع مدخل؛ هل تقصد «activity»؟");
  const unknown = run(["--lang", "pt"]);
  expect(unknown.status).toBe(1);
  expect(unknown.stderr).toContain(
    '"pt" is not one of the languages npm run new speaks (ar, zh, en, fr, ru, es); for the language of the text, use --text-lang.',
  );
});

test("checkGiven finds an end before the start, and nothing in what is missing", () => {
  expect(checkGiven({ start: "2020-06", end: "2020-05" }, vocabularies)).toEqual(["The end (2020-05) is before the start (2020-06)."]);
  expect(checkGiven({}, vocabularies)).toEqual([]);
});

describe("npm run new with flags", () => {
  test("writes an entry and the country's profile that pass the validator", () => {
    const result = run(FLAGS);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const dir = join(repo.root, "countries/rwa/activities/child-helpline-116-2020");
    expect(JSON.parse(readFileSync(join(dir, "activity.json"), "utf8"))).toEqual({
      kind: "activity",
      type: "helpline",
      level: "national",
      status: "active",
      start: "2020-06",
      audiences: ["children"],
      topics: ["cyberbullying"],
      links: [
        { url: "https://www.example.org/helpline", type: "official" },
        { url: "https://www.example.org/news/helpline", type: "news" },
      ],
      originalLanguage: "en",
      provenance: { compiledBy: "contributor" },
    });
    expect(JSON.parse(readFileSync(join(repo.root, "countries/rwa/country.json"), "utf8"))).toEqual({ region: "africa", reviewers: [] });
    expect(errorsOf(repo.root)).toEqual([]);
  });

  test("refuses to overwrite anything", () => {
    expect(run(FLAGS).status).toBe(0);
    const before = readFileSync(join(repo.root, "countries/rwa/activities/child-helpline-116-2020/en.md"), "utf8");
    const again = run([...FLAGS.slice(0, -4), "--summary", "Another summary that would replace the first one."]);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain("already exists");
    expect(again.stderr).toContain("never overwrites");
    expect(readFileSync(join(repo.root, "countries/rwa/activities/child-helpline-116-2020/en.md"), "utf8")).toBe(before);
  });

  test("keeps an existing country profile and reports every problem with the flags", () => {
    repo.write("countries/rwa/country.json", '{\n  "region": "africa",\n  "reviewers": [{ "login": "someone", "id": 1 }]\n}\n');
    const bad = run(["--country", "rwx", "--kind", "activty", "--start", "June 2020", "--link", "http://insecure.example.org"]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('"rwx" is not a country we know; did you mean "rwa" (Rwanda)?');
    expect(bad.stderr).toContain('"activty" is not a kind of entry; did you mean "activity"?');
    expect(bad.stderr).toContain("--title is required.");
    expect(bad.stderr).toContain('"http://insecure.example.org" is not a public https:// address.');
    expect(existsSync(join(repo.root, "countries/rwa/activities"))).toBe(false);
    expect(run(FLAGS).status).toBe(0);
    expect(readFileSync(join(repo.root, "countries/rwa/country.json"), "utf8")).toContain("someone");
  });

  test("a mistyped option is named with a suggestion, and an impossible date is refused", () => {
    const typo = run([...FLAGS, "--topik", "grooming"]);
    expect(typo.status).toBe(1);
    expect(typo.stderr).toContain("--topik is not an option of npm run new; did you mean --topic?");
    const date = run([...FLAGS, "--start", "2023-02-30"]);
    expect(date.status).toBe(1);
    expect(date.stderr).toContain('"2023-02-30" does not exist: 2023-02 has 28 days.');
    expect(existsSync(join(repo.root, "countries/rwa/activities"))).toBe(false);
  });

  test("--help prints the usage", () => {
    const result = run(["--help"]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("Usage: npm run new");
    expect(result.stdout).toContain("--link-type");
  });
});

/**
 * Drives a command in a real pseudo-terminal (@lydell/node-pty, prebuilt): waits for each
 * prompt, then types. Each `answer` is one keystroke round: what a person types before Enter.
 */
class Terminal {
  output = "";
  rounds = 0;
  #seen = 0;
  readonly pty: IPty;
  readonly exited: Promise<number>;

  constructor(args: string[], cwd: string, env: Record<string, string> = {}) {
    this.pty = spawnPty(TSX, [CLI, ...args], {
      cwd,
      cols: 160,
      rows: 40,
      env: { ...process.env, ...NEUTRAL_LOCALE, TERM: "xterm-256color", ...env } as Record<string, string>,
    });
    this.pty.onData((chunk) => {
      this.output += chunk;
    });
    this.exited = new Promise((resolve) => this.pty.onExit(({ exitCode }) => resolve(exitCode)));
  }

  /** Waits until the output after the last answer shows `text`. */
  async waitFor(text: string): Promise<void> {
    // A guard against a hang only: the suite's own timeout is the real limit on a loaded machine.
    const deadline = Date.now() + 300_000;
    while (!plain(this.output.slice(this.#seen)).includes(text)) {
      if (Date.now() > deadline) throw new Error(`no "${text}" in:\n${plain(this.output.slice(this.#seen))}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    this.#seen = this.output.length;
  }

  /** Waits for `text`, then types `keys` one key at a time, as a person would. */
  async answer(text: string, keys: string): Promise<void> {
    await this.waitFor(text);
    this.rounds += 1;
    await new Promise((resolve) => setTimeout(resolve, 100));
    for (const key of keys.match(/\x1b\[[A-D]|\r|./gsu) ?? []) {
      this.pty.write(key);
      await new Promise((resolve) => setTimeout(resolve, 15));
    }
  }
}

function plain(text: string): string {
  return text.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, "").replace(/\r/g, "");
}

const DOWN = "\x1b[B";
/** Ctrl+U: clears the line, as readline does, to type a corrected answer. */
const CLEAR = "\x15";

describe("npm run new in a terminal", () => {
  test("a first entry with optional fields and two corrected mistakes, in under 40 rounds", async () => {
    const terminal = new Terminal([], repo.root);
    await terminal.answer("Country", "Philippines");
    await terminal.answer("Philippines (PHL)", "\r");
    await terminal.answer("Kind of entry", "\r");
    await terminal.answer("Type of activity", "\r"); // the first type: law
    await terminal.answer("Level", "\r");
    await terminal.answer("Status", "\r");
    await terminal.answer("Start date", "2009-11-31\r");
    await terminal.answer("does not exist: 2009-11 has 30 days.", `${CLEAR}2009-11-17\r`);
    await terminal.answer("End date", "\r");
    await terminal.answer("Language of the text", "\r");
    await terminal.answer("Who compiles this entry", "\r");
    await terminal.answer("Title", "Anti-Child Pornography Act of 2009\r");
    await terminal.answer("Summary", "The law that defines and penalises online child sexual abuse material in the Philippines.\r");
    await terminal.answer("Official title", "Anti-Child Pornography Act of 2009\r");
    await terminal.answer("Another official title", "\r");
    await terminal.answer("Lead organisation", "Department of Justice | DOJ | https://www.doj.gov.ph\r");
    await terminal.answer("Another lead organisation", "\r");
    await terminal.answer("Partner organisation", "\r");
    await terminal.answer("Audiences", "14\r"); // children, policy-makers
    await terminal.answer("Topics", "1\r"); // child sexual abuse material
    await terminal.answer("Policy areas", "2\r"); // legal framework
    await terminal.answer("Model National Response capabilities", "3\r"); // 3. legislation
    await terminal.answer("SDG targets", "16.2\r");
    await terminal.answer("A public source", "http://www.officialgazette.gov.ph/2009/11/17/republic-act-no-9775/\r");
    await terminal.answer("is not a public https:// address.", `${CLEAR}https://www.officialgazette.gov.ph/2009/11/17/republic-act-no-9775/\r`);
    await terminal.answer("What is this source?", `${DOWN}\r`); // document
    await terminal.answer("Another source", "\r");
    await terminal.answer("Add a public contact", "\r");
    await terminal.answer("Related entries", "\r");
    await terminal.answer("Entry name", "\r");
    const code = await terminal.exited;
    const output = plain(terminal.output);
    expect(terminal.rounds).toBeLessThan(40);
    expect(output).toContain("Created phl/anti-child-pornography-act-of-2009");
    expect(output).toContain("Checking the new entry with the validator");
    expect(output).toContain("The entry is valid.");
    expect(code).toBe(0);
    const dir = join(repo.root, "countries/phl/activities/anti-child-pornography-act-of-2009");
    expect(JSON.parse(readFileSync(join(dir, "activity.json"), "utf8"))).toEqual({
      kind: "activity",
      type: "law",
      level: "national",
      status: "active",
      start: "2009-11-17",
      lead: [{ name: "Department of Justice", acronym: "DOJ", url: "https://www.doj.gov.ph" }],
      audiences: ["children", "policy-makers"],
      topics: ["child-sexual-abuse-material"],
      policyAreas: ["legal-framework"],
      mnrCapabilities: ["legislation"],
      sdgTargets: ["16.2"],
      links: [{ url: "https://www.officialgazette.gov.ph/2009/11/17/republic-act-no-9775/", type: "document" }],
      originalLanguage: "en",
      provenance: { compiledBy: "contributor" },
    });
    expect(readFileSync(join(dir, "en.md"), "utf8")).toContain("officialTitles:\n  - Anti-Child Pornography Act of 2009\n");
    expect(errorsOf(repo.root)).toEqual([]);
  });

  test("in Russian (--lang ru): the questions, the choices and the problems with an answer", async () => {
    const terminal = new Terminal(
      [
        "--lang",
        "ru",
        "--text-lang",
        "en",
        "--country",
        "Кения",
        "--kind",
        "activity",
        "--type",
        "hotline",
        "--level",
        "national",
        "--compiled-by",
        "contributor",
        "--title",
        "Child helpline 116",
        "--summary",
        "A free national helpline for children, open day and night.",
        "--link",
        "https://example.org/helpline",
        "--audience",
        "children",
        "--topic",
        "grooming",
        "--policy-area",
        "education",
        "--mnr",
        "child-helpline",
        "--sdg-target",
        "16.2",
      ],
      repo.root,
    );
    await terminal.answer("Статус, как его указывает источник", "\r"); // the first status, in Russian
    await terminal.answer("Дата начала", "2018-13\r");
    await terminal.answer("«2018-13» — месяца 13 не существует. Укажите год (2019)", `${CLEAR}2018-05\r`);
    await terminal.answer("Дата окончания", "\r");
    await terminal.answer("Официальное название закона или документа", "\r");
    await terminal.answer("Ведущая организация", "\r");
    await terminal.answer("Организация-партнёр", "\r");
    await terminal.answer("Добавить публичный контакт", "\r");
    await terminal.answer("Связанные записи", "\r");
    await terminal.answer("Имя записи", "\r");
    const code = await terminal.exited;
    const output = plain(terminal.output);
    expect(output).toContain("Создана запись ken/child-helpline-116-2018");
    expect(output).toContain("Проверка новой записи валидатором");
    expect(output).toContain("Запись корректна.");
    expect(output).not.toMatch(/Status|Start date|Created|is not a|The entry is valid/);
    expect(code).toBe(0);
    expect(existsSync(join(repo.root, "countries/ken/activities/child-helpline-116-2018/en.md"))).toBe(true);
  });

  test("a wrong option stops it before the first question", async () => {
    const terminal = new Terminal(["--kind", "activty", "--start", "2023-02-30"], repo.root);
    const code = await terminal.exited;
    const output = plain(terminal.output);
    expect(output).toContain('"activty" is not a kind of entry; did you mean "activity"?');
    expect(output).toContain('"2023-02-30" does not exist: 2023-02 has 28 days.');
    expect(output).not.toContain("Country");
    expect(code).toBe(1);
    expect(existsSync(join(repo.root, "countries"))).toBe(false);
  });
});
