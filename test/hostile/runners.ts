import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { XMLValidator } from "fast-xml-parser";
import Papa from "papaparse";
import { consumeValidationArtifact } from "../../scripts/lib/bot/artifact/consume.ts";
import { computeActions } from "../../scripts/lib/bot/policy/compute-actions.ts";
import type { Diagnostic } from "../../scripts/lib/diagnostics.ts";
import { formatRepository } from "../../scripts/lib/format/repository.ts";
import { changedPaths } from "../../scripts/lib/git.ts";
import { parseJson } from "../../scripts/lib/load/json.ts";
import type { SiteConfig } from "../../scripts/lib/model/config.ts";
import { loadSiteData } from "../../scripts/lib/model/load.ts";
import { pagePath } from "../../scripts/lib/model/urls.ts";
import { activitiesCsv } from "../../scripts/lib/open-data/csv.ts";
import { atomFeed } from "../../scripts/lib/open-data/feeds.ts";
import { pageContext } from "../../scripts/lib/present/context.ts";
import { formatGithub } from "../../scripts/lib/report/github.ts";
import { formatPretty } from "../../scripts/lib/report/pretty.ts";
import { renderEntryPage } from "../../scripts/lib/site/pages/entry.ts";
import { runSubmission } from "../../scripts/lib/submission/run.ts";
import { exitCodeOf, incompleteCheck, validateRepository } from "../../scripts/lib/validate/index.ts";
import { UN_LANGUAGES } from "../../scripts/lib/vocab.ts";
import { makeConfig, makeFacts } from "../bot/facts-builder.ts";
import { formBody, issuesEvent, validAnswers } from "../submission/helpers.ts";
import { createFakeGitHub } from "../support/fake-github/index.ts";
import { baselineFiles, PROJECT_ROOT } from "../support/repo.ts";
import { type HostileCase, materialiseText, type ValidateExpectation } from "./case.ts";
import type { CaseFolders } from "./repo.ts";

/** "Today" for every case, so that date rules give the same answer every year. */
export const NOW = new Date("2026-06-01T12:00:00Z");

/** What a runner saw: problems with the outcome (empty when the case was handled), and whether it crashed. */
export interface Verdict {
  /** Each a sentence; empty when the outcome is the expected one. */
  failures: string[];
  /** A crash: exit 2 that is not a documented tool failure, a rule that crashed, a stack trace. */
  crashed: boolean;
  /** One line for the report: what happened. */
  observed: string;
  /** Paths the run may write under besides none (the format command writes into the repository). */
  writable?: string[];
}

const STACK = /Maximum call stack|Invalid string length|out of memory|\bat \S+ \(\S+:\d+:\d+\)|\bat \S+:\d+:\d+/;
/** Controls a report may not print (line feeds separate its lines). */
const RAW_CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
/** A closed isolate around a value in another script, as the messages write it: not raw (see printable). */
const CLOSED_ISOLATE = /\u2068([^\u2066-\u2069\u202A-\u202E]*)\u2069/gu;

/** The first raw control character of an output, closed isolates aside. */
function rawControl(output: string): RegExpExecArray | null {
  return RAW_CONTROL.exec(output.replace(CLOSED_ISOLATE, "$1"));
}

/** Checks what every validation must satisfy, whatever the case: no crash, no stack trace, paths in the repository, inert output. */
function checkDiagnostics(diagnostics: readonly Diagnostic[], failures: string[]): boolean {
  let crashed = false;
  for (const d of diagnostics) {
    if (d.ruleId === "rule-crashed") {
      crashed = true;
      failures.push(`a rule crashed: ${d.message}`);
    }
    if (STACK.test(d.message) || STACK.test(d.hint ?? "")) {
      crashed = true;
      failures.push(`a diagnostic carries an internal error: ${d.message.slice(0, 200)}`);
    }
    if (d.file.startsWith("/") || d.file.split("/").includes("..")) failures.push(`a diagnostic names a file outside the repository: ${d.file}`);
  }
  for (const [name, output] of [
    ["pretty", formatPretty(diagnostics, { files: 0, entries: 0 }, false)],
    ["github", formatGithub(diagnostics, { files: 0, entries: 0 })],
  ] as const) {
    const raw = rawControl(output);
    if (raw) failures.push(`the ${name} format prints a raw control character U+${(raw[0].codePointAt(0) ?? 0).toString(16).padStart(4, "0")}`);
  }
  return crashed;
}

/** Compares a validation's exit code and diagnostics with what the case expects. */
function compareValidation(expect: ValidateExpectation, exit: number, diagnostics: readonly Diagnostic[], errorLine: string, failures: string[]): boolean {
  let crashed = checkDiagnostics(diagnostics, failures);
  if (exit !== expect.exit) failures.push(`exit code ${exit}, expected ${expect.exit}${errorLine ? ` (${errorLine})` : ""}`);
  if (exit === 2) {
    if (!expect.toolFailure || !errorLine.includes(expect.toolFailure)) crashed = true;
    if (STACK.test(errorLine) || errorLine.includes("\n")) failures.push(`the error is not one clear line: ${errorLine.slice(0, 200)}`);
  }
  for (const wanted of expect.diagnostics ?? []) {
    const found = diagnostics.some(
      (d) =>
        d.ruleId === wanted.ruleId &&
        (wanted.file === undefined || d.file === wanted.file) &&
        (wanted.message === undefined || d.message.includes(wanted.message)) &&
        (wanted.severity === undefined || d.severity === wanted.severity),
    );
    if (!found) failures.push(`no ${wanted.ruleId} diagnostic${wanted.file ? ` on ${wanted.file}` : ""}${wanted.message ? ` saying "${wanted.message}"` : ""}`);
  }
  for (const ruleId of expect.absent ?? []) {
    const extra = diagnostics.find((d) => d.ruleId === ruleId);
    if (extra) failures.push(`unexpected ${ruleId} diagnostic: ${extra.message.slice(0, 160)}`);
  }
  if (expect.maxDiagnostics !== undefined && diagnostics.length > expect.maxDiagnostics)
    failures.push(`${diagnostics.length} diagnostics, at most ${expect.maxDiagnostics} expected`);
  return crashed;
}

function summary(exit: number, diagnostics: readonly Diagnostic[], errorLine = ""): string {
  const rules = [...new Set(diagnostics.map((d) => d.ruleId))].sort().join(", ");
  return `exit ${exit}${rules ? `; ${rules}` : ""}${errorLine ? `; ${errorLine.slice(0, 120)}` : ""}`;
}

/** Validates the case's repository as `npm run validate -- <args>` does, in this thread. */
export function runValidate(hostile: Extract<HostileCase, { run: "validate" }>, folders: CaseFolders): Verdict {
  const failures: string[] = [];
  let exit: number;
  let diagnostics: Diagnostic[] = [];
  let errorLine = "";
  try {
    const targets = hostile.args && hostile.args.length > 0 ? hostile.args : undefined;
    diagnostics = validateRepository({ root: folders.root, ...(targets ? { targets } : {}), now: NOW }).diagnostics;
    exit = exitCodeOf(diagnostics);
    errorLine = incompleteCheck(diagnostics) ?? "";
  } catch (error) {
    exit = 2;
    errorLine = error instanceof Error ? error.message : String(error);
  }
  const crashed = compareValidation(hostile.expect, exit, diagnostics, errorLine, failures);
  return { failures, crashed, observed: summary(exit, diagnostics, errorLine) };
}

/** What `npm run validate` runs: the bundled command, which starts in node alone, without transpiling the sources again. */
const LAUNCH = join(PROJECT_ROOT, "scripts/bin/launch.mjs");
/** Whether this worker has built the bundle yet. */
let bundleBuilt = false;

/**
 * Runs the real `npm run validate` in the case's repository. As root (the test machines) a file
 * without read permission can still be read, so the command then runs as nobody, with the case's
 * folders opened to it.
 */
export function runCli(hostile: Extract<HostileCase, { run: "cli" }>, folders: CaseFolders): Verdict {
  const failures: string[] = [];
  const asNobody = process.getuid?.() === 0 && (hostile.setup ?? []).some((step) => step.op === "unreadable");
  // The folders were opened to nobody when they were built (repo.ts).
  const args = hostile.args.map((arg) => arg.replaceAll("<outside>", folders.outside).replaceAll("<root>", folders.root));
  // Built once, as the project's user: a case run as nobody could not write it if launch.mjs found it stale.
  if (!bundleBuilt) execFileSync(process.execPath, [LAUNCH, "--build", "validate"], { stdio: ["ignore", "ignore", "inherit"] });
  bundleBuilt = true;
  const result = spawnSync(process.execPath, [LAUNCH, "validate", ...args], {
    cwd: folders.root,
    encoding: "utf8",
    timeout: 120_000,
    env: { ...process.env, NODE_OPTIONS: "", FORCE_COLOR: "0", GITHUB_STEP_SUMMARY: "", HOME: folders.parent },
    ...(asNobody ? { uid: 65534, gid: 65534 } : {}),
  });
  const exit = result.status ?? -1;
  const stderr = result.stderr.trim();
  let diagnostics: Diagnostic[] = [];
  const jsonOut = args.indexOf("--format");
  if (jsonOut >= 0 && args[jsonOut + 1] === "json" && result.stdout.trim().startsWith("{")) {
    diagnostics = (JSON.parse(result.stdout) as { diagnostics: Diagnostic[] }).diagnostics;
  }
  if (result.signal || result.error) failures.push(`the command did not end by itself: ${result.signal ?? result.error?.message}`);
  const crashed = compareValidation(hostile.expect, exit, diagnostics, stderr, failures);
  if (STACK.test(result.stdout) || STACK.test(stderr)) failures.push("the output carries a stack trace");
  if (rawControl(result.stdout) || rawControl(stderr)) failures.push("the output prints a raw control character");
  if (exit === 2 && stderr.split("\n").length !== 1) failures.push(`the error is not one line: ${stderr.slice(0, 300)}`);
  return { failures, crashed: crashed || result.signal !== null, observed: summary(exit, diagnostics, stderr) };
}

/** Builds a git history for a `--changed` scenario, then validates the change as `--changed <base>` does. */
export function runGit(hostile: Extract<HostileCase, { run: "git" }>, folders: CaseFolders): Verdict {
  const failures: string[] = [];
  const { root } = folders;
  const git = (...args: string[]) => execFileSync("git", args, { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  const commitAll = (message: string) => {
    git("add", "-A");
    git("-c", "user.name=Test", "-c", "user.email=test@example.org", "commit", "-q", "--allow-empty", "-m", message);
  };
  git("init", "-q", "-b", "main");
  commitAll("base");
  let base = "main";
  let workdir = root;
  const entry = "countries/ken/activities/example-strategy-2020";
  switch (hostile.scenario) {
    case "missing-base":
      base = "origin/does-not-exist";
      break;
    case "detached-head":
      git("checkout", "-q", "--detach");
      writeFileSync(join(root, `${entry}/en.md`), readFileSync(join(root, `${entry}/en.md`), "utf8").replace("Nothing real.", "Nothing real, and <b>raw</b>."));
      commitAll("change on a detached head");
      break;
    case "rename": {
      git("checkout", "-q", "-b", "change");
      git("mv", entry, "countries/ken/activities/renamed-strategy-2020");
      commitAll("rename");
      break;
    }
    case "deleted-still-referenced": {
      mkdirSync(join(root, "countries/ken/activities/other-2021"), { recursive: true });
      const activity = JSON.parse(readFileSync(join(root, `${entry}/activity.json`), "utf8")) as Record<string, unknown>;
      writeFileSync(
        join(root, "countries/ken/activities/other-2021/activity.json"),
        `${JSON.stringify({ ...activity, related: ["ken/example-strategy-2020"], links: [{ url: "https://example.org/other", type: "official" }] }, null, 2)}\n`,
      );
      cpSync(join(root, `${entry}/en.md`), join(root, "countries/ken/activities/other-2021/en.md"));
      writeFileSync(
        join(root, "countries/ken/activities/other-2021/en.md"),
        "---\ntitle: Another synthetic activity\nsummary: A second synthetic entry that refers to the first one.\n---\n\n## Context\n\nOnly for tests.\n",
      );
      commitAll("second entry");
      git("checkout", "-q", "-b", "change");
      git("rm", "-q", "-r", entry);
      commitAll("delete the first entry");
      break;
    }
    case "shallow-clone": {
      git("checkout", "-q", "-b", "change");
      writeFileSync(join(root, `${entry}/activity.json`), readFileSync(join(root, `${entry}/activity.json`), "utf8").replace('"active"', '"paused"'));
      commitAll("change");
      workdir = join(folders.parent, "clone");
      execFileSync("git", ["clone", "-q", "--depth", "1", "--branch", "change", `file://${root}`, workdir], { stdio: "ignore" });
      base = "origin/main";
      break;
    }
    case "uncommitted-and-untracked": {
      git("checkout", "-q", "-b", "change");
      writeFileSync(join(root, `${entry}/notes.txt`), "untracked\n");
      writeFileSync(join(root, `${entry}/activity.json`), "{ not json");
      break;
    }
    default:
      failures.push(`unknown scenario ${hostile.scenario}`);
  }
  let exit: number;
  let diagnostics: Diagnostic[] = [];
  let errorLine = "";
  try {
    const targets = changedPaths(workdir, base);
    diagnostics = validateRepository({ root: workdir, targets, now: NOW }).diagnostics;
    exit = exitCodeOf(diagnostics);
    errorLine = incompleteCheck(diagnostics) ?? "";
  } catch (error) {
    exit = 2;
    errorLine = error instanceof Error ? error.message : String(error);
  }
  const crashed = compareValidation(hostile.expect, exit, diagnostics, errorLine, failures);
  return { failures, crashed, observed: summary(exit, diagnostics, errorLine), writable: [folders.parent] };
}

/** Formats the repository twice: the second run changes nothing, and every file that parses keeps its values. */
export function runFormat(hostile: Extract<HostileCase, { run: "format" }>, folders: CaseFolders): Verdict {
  const failures: string[] = [];
  const files = Object.keys(hostile.files ?? {});
  const values = (path: string) => {
    const text = readFileSync(join(folders.root, path), "utf8");
    return path.endsWith(".json") ? parseJson(text, path).value : undefined;
  };
  const before = new Map(files.map((path) => [path, values(path)]));
  let crashed = false;
  try {
    const first = formatRepository({ root: folders.root, write: true });
    const exit = first.some((file) => file.status === "unformattable") ? 1 : 0;
    if (exit !== hostile.expect.exit) failures.push(`format gives exit ${exit}, expected ${hostile.expect.exit}`);
    const second = formatRepository({ root: folders.root, write: true });
    const changed = second.filter((file) => file.status === "changed").map((file) => file.file);
    if (changed.length > 0) failures.push(`a second run changes ${changed.join(", ")}: format is not idempotent`);
    for (const [path, value] of before) {
      if (value !== undefined && !isDeepStrictEqual(values(path), value)) failures.push(`format changed a value in ${path}`);
    }
    if (hostile.expect.unchanged && first.some((file) => file.status === "changed")) failures.push("format changed a file it should leave alone");
    return { failures, crashed, observed: `exit ${exit}; ${first.filter((f) => f.status !== "unchanged").length} files touched`, writable: [folders.root] };
  } catch (error) {
    crashed = true;
    failures.push(`format threw: ${error instanceof Error ? error.message : String(error)}`);
    return { failures, crashed, observed: "threw", writable: [folders.root] };
  }
}

/** Loads the site's data and renders the entry's pages, feeds and CSV row: every hostile value must be inert. */
export function runSite(hostile: Extract<HostileCase, { run: "site" }>, folders: CaseFolders): Verdict {
  const failures: string[] = [];
  const loaded = loadSiteData(folders.root, undefined, NOW);
  const crashed = checkDiagnostics(loaded.diagnostics, failures);
  if (!loaded.data) {
    failures.push(`the data does not validate: ${loaded.diagnostics.map((d) => `${d.ruleId}: ${d.message}`).join("; ")}`);
    return { failures, crashed, observed: summary(1, loaded.diagnostics) };
  }
  const data = loaded.data;
  const config: SiteConfig = {
    repositoryUrl: "https://github.com/cop-atlas/cop-atlas",
    branch: "main",
    siteUrl: "https://example.github.io/cop-atlas/",
    now: NOW,
  };
  const entry = data.byPermalink.get(hostile.entry);
  if (!entry) {
    failures.push(`no entry ${hostile.entry}`);
    return { failures, crashed, observed: "no entry" };
  }
  const outputs: Array<[string, string]> = [];
  for (const lang of UN_LANGUAGES) {
    outputs.push([`${lang} page`, renderEntryPage(pageContext(data, config, lang, pagePath.entry(lang, entry)), entry)]);
    const feed = atomFeed({ lang, config, title: "COP Atlas", path: `api/v1/feeds/${lang}/all.atom`, pagePath: `${lang}/index.html`, entries: [entry] });
    if (XMLValidator.validate(feed) !== true) failures.push(`the ${lang} feed is not well-formed XML`);
    outputs.push([`${lang} feed`, feed]);
  }
  for (const [name, output] of outputs) {
    for (const text of hostile.expect.inert) if (output.includes(text)) failures.push(`the ${name} holds ${JSON.stringify(text)} raw`);
    if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(output)) failures.push(`the ${name} holds a control character`);
  }
  const csv = activitiesCsv(data.entries, config);
  const rows = Papa.parse<string[]>(csv.slice(1, -2), { delimiter: ",", newline: "\r\n", quoteChar: '"' });
  if (rows.errors.length > 0) failures.push(`the CSV does not parse: ${rows.errors[0]?.message}`);
  const header = rows.data[0] ?? [];
  if (rows.data.length !== data.entries.length + 1) failures.push(`the CSV has ${rows.data.length - 1} rows for ${data.entries.length} entries`);
  for (const row of rows.data) if (row.length !== header.length) failures.push(`a CSV row has ${row.length} columns, not ${header.length}`);
  for (const newline of ["\n", "\r"] as const) {
    const other = Papa.parse<string[]>(csv.slice(1, -2), { delimiter: ",", newline, quoteChar: '"' });
    if (other.data.length !== rows.data.length) failures.push(`a reader that ends rows at ${JSON.stringify(newline)} reads ${other.data.length} rows`);
  }
  const row = rows.data.find((cells) => cells[0] === hostile.entry) ?? [];
  for (const [column, value] of Object.entries(hostile.expect.csv ?? {})) {
    const cell = row[header.indexOf(column)];
    if (cell !== value) failures.push(`CSV ${column} is ${JSON.stringify(cell)}, expected ${JSON.stringify(value)}`);
  }
  return { failures, crashed, observed: `built; ${outputs.length} outputs and the CSV checked` };
}

/** A submission issue handled by the real bot code against the fake GitHub. */
export async function runSubmissionCase(hostile: Extract<HostileCase, { run: "submission" }>, folders: CaseFolders): Promise<Verdict> {
  const failures: string[] = [];
  const bot = { id: 9000001, login: "cop-atlas-bot[bot]", type: "Bot" as const };
  const author = { id: 583231, login: "focal-point-ken", type: "User" as const };
  const github = createFakeGitHub({ owner: "cop-atlas", repo: "cop-atlas", actor: bot });
  github.user(author.login, author.id);
  github.branch("main", github.commit(baselineFiles(), { author: null, message: "Initial data" }));
  let body: string;
  if (hostile.issue.body !== undefined) body = materialiseText(hostile.issue.body);
  else {
    const answers = validAnswers();
    for (const [key, value] of Object.entries(hostile.issue.answers ?? {})) answers[key] = Array.isArray(value) ? value : materialiseText(value);
    body = formBody(answers);
  }
  const issue = github.openIssue({ user: author, body, labels: ["submission"], ...(hostile.issue.title !== undefined ? { title: hostile.issue.title } : {}) });
  const event = issuesEvent("opened", { number: issue.number, body, user: author, labels: issue.labels });
  const client = github.octokit();
  let crashed = false;
  let outcome = "threw";
  try {
    const result = await runSubmission({ client, event, root: folders.root, botLogin: bot.login, now: NOW });
    outcome = result.outcome;
  } catch (error) {
    crashed = true;
    failures.push(`the bot threw: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (github.violations.length > 0) failures.push(`requests GitHub would refuse: ${github.violations.join("; ")}`);
  if (outcome !== hostile.expect.outcome) failures.push(`outcome ${outcome}, expected ${hostile.expect.outcome}`);
  const comments = (github.state.issues.get(issue.number)?.comments ?? []).map((comment) => comment.body);
  const written: Array<[string, string]> = [
    ...comments.map((text): [string, string] => ["comment", text]),
    ...[...github.state.pulls.values()].flatMap(
      (pull): Array<[string, string]> => [
        ["pull request title", pull.title],
        ["pull request body", pull.body],
      ],
    ),
    ...[...github.state.commits.values()].map((commit): [string, string] => ["commit message", commit.message]),
  ];
  for (const [name, text] of written) {
    for (const raw of hostile.expect.inert ?? []) if (text.includes(raw)) failures.push(`the ${name} holds ${JSON.stringify(raw)} raw`);
    if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(text)) failures.push(`the ${name} holds a control character`);
  }
  for (const field of hostile.expect.fields ?? [])
    if (!comments.some((text) => text.includes(field))) failures.push(`the reply does not name the question "${field}"`);
  for (const said of hostile.expect.says ?? []) if (!comments.some((text) => text.includes(said))) failures.push(`the reply does not say "${said}"`);
  for (const [ref] of github.state.refs) {
    if (!ref.startsWith("heads/")) continue;
    const files = github.filesAt(ref.slice("heads/".length));
    for (const path of files.keys()) {
      if (path.split("/").includes("..") || path.startsWith("/") || /[\p{Cc}\\]/u.test(path)) failures.push(`the bot wrote the path ${JSON.stringify(path)}`);
    }
  }
  return { failures, crashed, observed: `${outcome}; ${comments.length} comment(s)`, writable: [folders.parent, "/tmp"] };
}

/** A tampered validation artifact handed to the review bot's consumer, then to the comment. */
export async function runArtifact(hostile: Extract<HostileCase, { run: "artifact" }>, folders: CaseFolders): Promise<Verdict> {
  const failures: string[] = [];
  const head = "f".repeat(40);
  // Written when the case's folders were built (repo.ts), before anything was recorded.
  const dir = join(folders.parent, "artifact");
  let crashed = false;
  let observed = "";
  try {
    const result = await consumeValidationArtifact({
      dir,
      run: { id: 5001, headSha: head, event: "pull_request", path: ".github/workflows/validate.yml" },
      pullRequest: { number: 7, headSha: head },
      expectedWorkflowPath: ".github/workflows/validate.yml",
    });
    observed = result.ok ? `accepted; ${result.summary.findings.length} findings` : `refused: ${result.reason}`;
    if (result.ok !== hostile.expect.ok) failures.push(`the artifact was ${result.ok ? "accepted" : "refused"}: ${observed}`);
    if (!result.ok && hostile.expect.reason && !result.reason.includes(hostile.expect.reason)) failures.push(`the reason is "${result.reason}"`);
    if (result.ok) {
      const facts = makeFacts((f) => {
        f.pr.headSha = head;
        f.validation.runs = [{ ...f.validation.runs[0], id: 5001, headSha: head } as (typeof f.validation.runs)[number]];
        f.validation.artifact = result.summary;
      });
      const body = computeActions(facts, makeConfig(), NOW).comment.body;
      for (const raw of hostile.expect.inert ?? []) if (body.includes(raw)) failures.push(`the comment holds ${JSON.stringify(raw)} raw`);
    }
  } catch (error) {
    crashed = true;
    failures.push(`the consumer threw: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { failures, crashed, observed, writable: [folders.parent] };
}
