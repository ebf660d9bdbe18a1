import { appendFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { isRange } from "../lib/git.ts";
import { localizeDiagnostics } from "../lib/i18n/diagnostics.ts";
import { chooseLanguage, formatMessage } from "../lib/i18n/messages.ts";
import { annotationLanguages } from "../lib/i18n/owner-languages.ts";
import { checkoutSource, diskSource } from "../lib/load/source.ts";
import { printable } from "../lib/printable.ts";
import { formatGithub, formatJobSummary } from "../lib/report/github.ts";
import { formatJson } from "../lib/report/json.ts";
import { parseReportFormat, writeJsonOut } from "../lib/report/options.ts";
import { formatPretty } from "../lib/report/pretty.ts";
import { CACHE_FOLDER, diskCache, diskFactsStore, diskValidatorStore, toolVersion, validatorFolder } from "../lib/validate/disk-cache.ts";
import { exitCodeOf, incompleteCheck } from "../lib/validate/index.ts";
import { validateInParallel } from "../lib/validate/parallel.ts";
import { parseShard } from "../lib/validate/plan.ts";
import { resolveTargets, withDefaultBase } from "./targets.ts";

const HELP = `Usage: npm run validate -- [paths...] [options]

Checks the entries in countries/ and organizations/ and reports every problem
with its file, line, column and rule.

  paths               files or folders to check (default: the whole repository)
  --changed [base]    check what changed against base (default: origin/main),
                      committed or not, with the cross-file checks it touches;
                      a range (origin/main...HEAD) looks at the commits only
                      and takes your files to be HEAD's: quicker in a clean
                      checkout, as in CI
  --shard <i/n>       check only the i-th of n shards of the countries and
                      organisations (whole-repository runs; the n shards
                      together are the whole run)
  --format <name>     pretty (default), github (annotations and job summary)
                      or json; each annotation is in the working languages of
                      its file's country, then in --lang's
  --json-out <file>   also write the JSON report to a file (whole or not at
                      all: the old file stays if the run fails or is stopped)
  --no-cache          check everything again instead of reusing the results
                      kept in ${CACHE_FOLDER} for unchanged files
  --lang <code>       the language of the messages: ar, zh, en, fr, ru or es
                      (default: from LANGUAGE, LC_ALL, LC_MESSAGES or LANG,
                      else English); rule ids and positions do not change
  -h, --help          show this help

Exit code: 0 no errors (warnings allowed), 1 the data has errors,
2 the check is incomplete: the tool could not run, a file could not be
read, or the run was stopped (Ctrl+C).`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: withDefaultBase(argv),
    allowPositionals: true,
    options: {
      changed: { type: "string" },
      shard: { type: "string" },
      format: { type: "string", default: "pretty" },
      "json-out": { type: "string" },
      "no-cache": { type: "boolean" },
      lang: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  const format = parseReportFormat(values.format);
  const lang = chooseLanguage(values.lang, process.env);
  if (typeof lang !== "string") throw new Error(formatMessage("en", "validate.unknownLanguage", { lang: lang.unknown }));
  const shard = values.shard === undefined ? undefined : parseShard(values.shard);
  const root = process.cwd();
  const targets = resolveTargets(root, values.changed, positionals);
  if (shard && targets) throw new Error("--shard splits a whole-repository run: leave out --changed and the paths");
  stopOnSignal();
  const bundled = import.meta.url.endsWith(".mjs");
  const version = values["no-cache"] ? "" : toolVersion(import.meta.url);
  const result = await validateInParallel({
    root,
    // A range compares commits: the checkout is its last commit, so unchanged files are known by git's ids unread.
    ...(values.changed !== undefined && isRange(values.changed) ? { source: checkoutSource(root) } : {}),
    ...(targets ? { targets } : {}),
    ...(shard ? { shard } : {}),
    ...(values["no-cache"]
      ? {}
      : { cache: diskCache(join(root, CACHE_FOLDER)), toolVersion: version, facts: diskFactsStore(join(root, CACHE_FOLDER, "facts"), version) }),
    compiled: diskValidatorStore(validatorFolder(import.meta.url)),
    validators: validatorFolder(import.meta.url),
    workerUrl: new URL(bundled ? "./validate-worker.mjs" : "../lib/validate/worker.ts", import.meta.url),
  });
  const diagnostics = localizeDiagnostics(result.diagnostics, lang);
  const summary = { files: result.files, entries: result.entries };
  if (format === "json") process.stdout.write(formatJson(result.diagnostics, summary, lang));
  else if (format === "github") {
    // Annotations speak the languages of each file's country, then --lang's (English by default).
    process.stdout.write(formatGithub(result.diagnostics, summary, annotationLanguages(diskSource(root), lang)));
    if (process.env.GITHUB_STEP_SUMMARY) appendFileSync(process.env.GITHUB_STEP_SUMMARY, formatJobSummary(diagnostics, summary));
  } else process.stdout.write(formatPretty(diagnostics, summary, process.stdout.isTTY === true, lang));
  if (values["json-out"]) writeJsonOut(values["json-out"], formatJson(result.diagnostics, summary, lang));
  const incomplete = incompleteCheck(result.diagnostics);
  if (incomplete) process.stderr.write(`validate: ${incomplete}\n`);
  return exitCodeOf(result.diagnostics);
}

/**
 * Ctrl+C or a stop from CI ends the run with one line and exit code 2: nothing has been reported
 * yet, and the cache holds only whole results (each written aside and renamed).
 */
function stopOnSignal(): void {
  const stop = (signal: NodeJS.Signals) => {
    process.stderr.write(`validate: stopped (${signal}) before the check finished, so nothing was reported; run it again\n`);
    process.exit(2);
  };
  process.once("SIGINT", stop).once("SIGTERM", stop);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`validate: ${printable(error instanceof Error ? error.message : String(error))}\n`);
    process.exitCode = 2;
  },
);
