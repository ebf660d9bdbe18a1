import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import type { JsonReport } from "../../scripts/lib/report/json.ts";
import { makeRepo, PROJECT_ROOT, type TempRepo } from "../support/repo.ts";

/** What `npm run validate` runs: the bundled command, rebuilt first when a source file is newer. */
const LAUNCH = join(PROJECT_ROOT, "scripts/bin/launch.mjs");
const ACTIVITY = "countries/ken/activities/example-strategy-2020/activity.json";

function validate(repo: TempRepo, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [LAUNCH, "validate", ...args], {
    cwd: repo.root,
    encoding: "utf8",
    // English unless a test asks otherwise, whatever the locale of the machine running the tests.
    env: { ...process.env, NODE_OPTIONS: "", FORCE_COLOR: "0", GITHUB_STEP_SUMMARY: "", LANGUAGE: "", LC_ALL: "", LC_MESSAGES: "", LANG: "C.UTF-8", ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

let repo: TempRepo | undefined;
afterEach(() => repo?.cleanup());

const breakActivity = (r: TempRepo) => {
  const text = readFileSync(join(r.root, ACTIVITY), "utf8");
  r.write(ACTIVITY, text.replace('"grooming"', '"cyber-bullying"').replace("https://example.org/strategy", "http://example.org/strategy"));
};

describe("npm run validate", () => {
  test("exits 0 on valid data and prints a summary line with counts", () => {
    repo = makeRepo();
    const { code, stdout, stderr } = validate(repo, []);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toBe("Checked 4 files in 1 entry: 0 errors, 0 warnings.\n");
  });

  test("exits 1 and lists every problem grouped by file, with line, column and rule", () => {
    repo = makeRepo();
    breakActivity(repo);
    const { code, stdout } = validate(repo, []);
    expect(code).toBe(1);
    expect(stdout).toContain(`${ACTIVITY}\n  9:31     error    topics[1]: "cyber-bullying" is not a known topic; did you mean "cyberbullying"?  schema`);
    expect(stdout).toContain("  11:14    error    links[0].url: only https addresses are accepted, not http.  links");
    expect(stdout.trimEnd().split("\n").at(-1)).toBe("Checked 4 files in 1 entry: 2 errors, 0 warnings.");
    expect(stdout).not.toMatch(/\bat .*\.ts:\d+/);
  });

  test("--format json prints a parseable report listing every problem", () => {
    repo = makeRepo();
    breakActivity(repo);
    const { code, stdout } = validate(repo, ["--format", "json"]);
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as JsonReport;
    expect(report.schemaVersion).toBe(1);
    expect(report.summary).toEqual({ files: 4, entries: 1, errors: 2, warnings: 0 });
    expect(report.diagnostics.map((d) => [d.ruleId, d.file, d.line, d.column])).toEqual([
      ["schema", ACTIVITY, 9, 31],
      ["links", ACTIVITY, 11, 14],
    ]);
  });

  test.for<[string, string, string]>([
    [
      "ru",
      "topics[1]: значения «cyber-bullying» нет в списке «Темы»; возможно, вы имели в виду «cyberbullying»?",
      "Проверено 4 файла в 1 записи: 2 ошибки, 0 предупреждений.",
    ],
    [
      "ar",
      "\u2068topics[1]: \u2069«\u2068cyber-bullying\u2069» ليست قيمة معروفة في قائمة «المواضيع»؛ هل تقصد «\u2068cyberbullying\u2069»؟",
      "تم فحص 4 ملفات في مدخل واحد: خطآن، لا تحذيرات.",
    ],
    ["zh", "topics[1]: “cyber-bullying”不是“主题”列表中的已知值；您是否想写“cyberbullying”？", "已检查 1 个条目中的 4 个文件：2 个错误，0 个警告。"],
  ])("--lang %s prints an unknown topic, its suggestion and the summary in that language", ([lang, message, summary]) => {
    repo = makeRepo();
    breakActivity(repo);
    const { code, stdout } = validate(repo, ["--lang", lang]);
    expect(code).toBe(1);
    expect(stdout).toContain(`  9:31     error    ${message}  schema`);
    expect(stdout.trimEnd().split("\n").at(-1)).toBe(summary);
  });

  test("the language comes from the locale when --lang is not given, and --lang wins over it", () => {
    repo = makeRepo();
    breakActivity(repo);
    expect(validate(repo, [], { LANG: "ru_RU.UTF-8" }).stdout).toContain("возможно, вы имели в виду «cyberbullying»?");
    expect(validate(repo, ["--lang", "en"], { LANG: "ru_RU.UTF-8" }).stdout).toContain('did you mean "cyberbullying"?');
    expect(validate(repo, [], { LANG: "de_DE.UTF-8" }).stdout).toContain('did you mean "cyberbullying"?');
  });

  test("--format json --lang keeps rule ids and positions and gives the message in that language", () => {
    repo = makeRepo();
    breakActivity(repo);
    const english = JSON.parse(validate(repo, ["--format", "json"]).stdout) as JsonReport;
    const arabic = JSON.parse(validate(repo, ["--format", "json", "--lang", "ar"]).stdout) as JsonReport;
    const place = (report: JsonReport) => report.diagnostics.map((d) => [d.ruleId, d.severity, d.file, d.line, d.column]);
    expect(place(arabic)).toEqual(place(english));
    expect(arabic.diagnostics[0]?.message).toContain("ليست قيمة معروفة في قائمة «المواضيع»");
    expect(english.diagnostics[0]?.message).toBe('topics[1]: "cyber-bullying" is not a known topic; did you mean "cyberbullying"?');
    for (const d of [...english.diagnostics, ...arabic.diagnostics]) expect(Object.keys(d)).not.toContain("text");
    // Each message is also given in the six languages, the same whatever --lang is: the review bot reads them.
    const messages = english.diagnostics[0]?.messages;
    expect(Object.keys(messages ?? {}).sort()).toEqual(["ar", "en", "es", "fr", "ru", "zh"]);
    expect(messages?.en).toBe(english.diagnostics[0]?.message);
    expect(messages?.ar).toBe(arabic.diagnostics[0]?.message);
    expect(messages?.fr).toContain("cyberbullying");
    expect(messages?.fr).not.toBe(messages?.en);
    expect(arabic.diagnostics.map((d) => d.messages)).toEqual(english.diagnostics.map((d) => d.messages));
  });

  test("an unknown --lang exits 2 and names the six languages", () => {
    repo = makeRepo();
    const { code, stderr } = validate(repo, ["--lang", "de"]);
    expect(code).toBe(2);
    expect(stderr).toBe('validate: unknown --lang "de": use ar, zh, en, fr, ru or es\n');
  });

  test("--format github prints annotations and writes a job summary", () => {
    repo = makeRepo();
    breakActivity(repo);
    const summary = join(repo.root, "summary.md");
    const { code, stdout } = validate(repo, ["--format", "github"], { GITHUB_STEP_SUMMARY: summary });
    expect(code).toBe(1);
    expect(stdout).toContain(
      `::error file=${ACTIVITY},line=9,col=31,title=schema::topics[1]: "cyber-bullying" is not a known topic; did you mean "cyberbullying"?`,
    );
    const markdown = readFileSync(summary, "utf8");
    expect(markdown).toContain("## COP Atlas validation");
    expect(markdown).toContain("| ❌ | countries/ken/activities/example-strategy-2020/activity.json | 9:31 |");
  });

  test("--format github writes each annotation in its country's working languages, then English", () => {
    repo = makeRepo();
    breakActivity(repo);
    const profile = join(repo.root, "countries/ken/country.json");
    writeFileSync(profile, readFileSync(profile, "utf8").replace('"africa"', '"africa", "languages": ["fr"]'));
    const { code, stdout } = validate(repo, ["--format", "github"]);
    expect(code).toBe(1);
    const english = 'topics[1]: "cyber-bullying" is not a known topic; did you mean "cyberbullying"?';
    const line = stdout.split("\n").find((text) => text.startsWith(`::error file=${ACTIVITY},line=9,col=31,title=schema::`)) ?? "";
    const [french, rest] = line.slice(line.indexOf("::", 2) + 2).split("%0A%0A");
    expect(rest).toBe(english);
    expect(french).toContain("cyberbullying");
    expect(french).not.toContain("is not a known topic");
  });

  test("--json-out writes the same report to a file", () => {
    repo = makeRepo();
    breakActivity(repo);
    validate(repo, ["--json-out", "report.json"]);
    const report = JSON.parse(readFileSync(join(repo.root, "report.json"), "utf8")) as JsonReport;
    expect(report.summary.errors).toBe(2);
  });

  test("given paths, only those are checked", () => {
    repo = makeRepo();
    repo.write("countries/rwa/country.json", '{ "region": "africa", "reviewers": [], "extra": 1 }\n');
    expect(validate(repo, ["countries/ken"]).code).toBe(0);
    const other = validate(repo, ["countries/rwa"]);
    expect(other.code).toBe(1);
    expect(other.stdout).toContain('"extra" is not a field of a country profile (country.json).');
  });

  test("--changed checks what git says changed against the base, committed or not", () => {
    repo = makeRepo();
    const git = (...args: string[]) => execFileSync("git", args, { cwd: repo?.root, encoding: "utf8" });
    git("init", "-q", "-b", "main");
    git("-c", "user.name=t", "-c", "user.email=t@example.org", "add", ".");
    git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "base");
    // A broken file that is not part of the change must not be reported.
    repo.write("countries/rwa/country.json", '{ "region": "africa", "reviewers": [], "extra": 1 }\n');
    git("-c", "user.name=t", "-c", "user.email=t@example.org", "add", ".");
    git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "old problem");
    git("checkout", "-q", "-b", "change");
    breakActivity(repo);
    const result = validate(repo, ["--changed", "main", "--format", "json"]);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(new Set(report.diagnostics.map((d) => d.file))).toEqual(new Set([ACTIVITY]));
    expect(report.summary.entries).toBe(1);
  });

  test("--changed with a range checks the commits only: the same report in a clean checkout, nothing uncommitted", () => {
    repo = makeRepo();
    const git = (...args: string[]) =>
      execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.org", ...args], { cwd: repo?.root, encoding: "utf8" });
    git("init", "-q", "-b", "main");
    git("add", ".");
    git("commit", "-q", "-m", "base");
    git("checkout", "-q", "-b", "change");
    breakActivity(repo);
    git("commit", "-q", "-am", "the change");
    const range = validate(repo, ["--changed", "main...HEAD", "--format", "json"]);
    const plain = validate(repo, ["--changed", "main", "--format", "json"]);
    expect(range.code).toBe(1);
    expect(JSON.parse(range.stdout)).toEqual(JSON.parse(plain.stdout));
    // Not committed, so not in the range: a broken profile left in the working folder.
    repo.write("countries/rwa/country.json", '{ "region": "africa", "reviewers": [], "extra": 1 }\n');
    const files = (result: { stdout: string }) => new Set((JSON.parse(result.stdout) as JsonReport).diagnostics.map((d) => d.file));
    expect(files(validate(repo, ["--changed", "main...HEAD", "--format", "json"]))).toEqual(new Set([ACTIVITY]));
    expect(files(validate(repo, ["--changed", "main", "--format", "json"]))).toEqual(new Set([ACTIVITY, "countries/rwa/country.json"]));
    const wrong = validate(repo, ["--changed", "HEAD...main"]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/^validate: "main" is not the commit you have checked out/);
  });

  test("the tool itself failing exits 2 with one clear line and no stack trace", () => {
    repo = makeRepo();
    repo.remove("schemas/vocab/topics.json");
    const { code, stdout, stderr } = validate(repo, []);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(/^validate: /);
  });

  test("--shard checks one part of the owners; a shard that does not exist is a tool error", () => {
    repo = makeRepo();
    breakActivity(repo);
    const whole = JSON.parse(validate(repo, ["--format", "json", "--no-cache"]).stdout) as JsonReport;
    const first = validate(repo, ["--format", "json", "--shard", "1/2"]);
    const second = validate(repo, ["--format", "json", "--shard", "2/2"]);
    const reports = [first, second].map((result) => JSON.parse(result.stdout) as JsonReport);
    expect(reports.flatMap((report) => report.diagnostics)).toEqual(whole.diagnostics);
    expect(reports.map((report) => report.summary.files).reduce((a, b) => a + b)).toBe(whole.summary.files);
    expect([first.code, second.code].sort()).toEqual([0, 1]);
    const bad = validate(repo, ["--shard", "3/2"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^validate: --shard "3\/2" is not i\/n/);
  });

  test("an unknown option exits 2", () => {
    repo = makeRepo();
    const { code, stderr } = validate(repo, ["--frmat", "json"]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^validate: .*--frmat/);
  });

  test("--help prints the usage", () => {
    repo = makeRepo();
    const { code, stdout } = validate(repo, ["--help"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: npm run validate -- \[paths\.\.\.\] \[options\]/);
  });
});
