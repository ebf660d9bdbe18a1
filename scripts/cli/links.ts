import { appendFileSync } from "node:fs";
import { parseArgs } from "node:util";
import cliProgress from "cli-progress";
import { countBySeverity } from "../lib/diagnostics.ts";
import { formatDuration, parseCount, parseDuration } from "../lib/links/options.ts";
import { formatLinkJson } from "../lib/links/report.ts";
import { DEFAULT_LINK_CHECK_OPTIONS, type LinkCheckOptions, linkSummaryLine, runLinkCheck } from "../lib/links/run.ts";
import { formatGithub, formatJobSummary } from "../lib/report/github.ts";
import { parseReportFormat, writeJsonOut } from "../lib/report/options.ts";
import { formatPretty } from "../lib/report/pretty.ts";
import { resolveTargets, withDefaultBase } from "./targets.ts";

const D = DEFAULT_LINK_CHECK_OPTIONS;
const HELP = `Usage: npm run links -- [paths...] [options]

Checks that every web address in countries/ and organizations/ still leads to
its page: source links, organisations' and contacts' pages, links in the
narratives. Each address is checked once however often it is cited, and
reported at every place it is written. Needs the Internet; asks each site
politely: one request at a time per site, HEAD first (GET when HEAD is
refused), redirects followed, busy sites tried again later.

  paths               files or folders to check (default: the whole repository)
  --changed [base]    check the addresses in what changed against base
                      (default: origin/main), committed or not; a range
                      (origin/main...HEAD) looks at the commits only
  --format <name>     pretty (default), github (annotations and job summary)
                      or json
  --json-out <file>   also write the JSON report to a file
  --budget <time>     start no request after this long (default ${formatDuration(D.budgetMs)}); what is
                      left is reported as unchecked, not as broken
  --timeout <time>    give up on one request after this long (default ${formatDuration(D.timeoutMs)})
  --slow <time>       report answers slower than this (default ${formatDuration(D.slowMs)})
  --concurrency <n>   requests in flight at once, over all sites (default ${D.concurrency})
  --gap <time>        pause between two requests to one site (default ${formatDuration(D.gapMs)})
  --retries <n>       tries again after a timeout, a cut connection or a
                      408, 429 or 5xx answer, waiting longer each time or as
                      long as the site asks (Retry-After) (default ${D.retries})
  --max-redirects <n> redirects followed before giving up (default ${D.maxRedirects})
  -h, --help          show this help

Times are written 90s, 10m or 1h. What it reports, by rule:
  link-broken       error    gone (404, 410), no such site, connection refused
                             or cut, invalid secure connection, endless or
                             looping redirects
  link-unreachable  warning  no usable answer after the retries: server error,
                             access refused (401, 403), too many requests, no
                             answer in time
  link-redirected   warning  moved permanently (update the address) or
                             redirected for now, with the chain
  link-slow         warning  answered, but slower than --slow
  link-unchecked    warning  not checked before the budget ran out

Exit code: 0 no broken link (warnings allowed), 1 a link is broken,
2 the tool could not run.`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: withDefaultBase(argv),
    allowPositionals: true,
    options: {
      changed: { type: "string" },
      format: { type: "string", default: "pretty" },
      "json-out": { type: "string" },
      budget: { type: "string" },
      timeout: { type: "string" },
      slow: { type: "string" },
      concurrency: { type: "string" },
      gap: { type: "string" },
      retries: { type: "string" },
      "max-redirects": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  const format = parseReportFormat(values.format);
  const options: Partial<LinkCheckOptions> = {
    ...(values.budget ? { budgetMs: parseDuration(values.budget, "--budget") } : {}),
    ...(values.timeout ? { timeoutMs: parseDuration(values.timeout, "--timeout") } : {}),
    ...(values.slow ? { slowMs: parseDuration(values.slow, "--slow") } : {}),
    ...(values.gap ? { gapMs: parseDuration(values.gap, "--gap") } : {}),
    ...(values.concurrency ? { concurrency: parseCount(values.concurrency, "--concurrency", 1, 64) } : {}),
    ...(values.retries ? { retries: parseCount(values.retries, "--retries", 0, 10) } : {}),
    ...(values["max-redirects"] ? { maxRedirects: parseCount(values["max-redirects"], "--max-redirects", 0, 30) } : {}),
  };
  const root = process.cwd();
  const targets = resolveTargets(root, values.changed, positionals);
  const bar = process.stderr.isTTY
    ? new cliProgress.SingleBar({ format: "links [{bar}] {value}/{total}", stream: process.stderr }, cliProgress.Presets.shades_classic)
    : undefined;
  const run = await runLinkCheck({
    root,
    ...(targets ? { targets } : {}),
    options,
    environment: {
      onResult: (_result, done, total) => {
        if (done === 1) bar?.start(total, 0);
        bar?.update(done);
      },
    },
  });
  bar?.stop();
  const summary = { files: run.files, entries: run.entries };
  const counts = linkSummaryLine(run.counts);
  if (format === "json") process.stdout.write(formatLinkJson(run));
  else if (format === "github") {
    process.stdout.write(formatGithub(run.diagnostics, summary));
    process.stdout.write(`${counts}\n`);
    if (process.env.GITHUB_STEP_SUMMARY) {
      appendFileSync(process.env.GITHUB_STEP_SUMMARY, `${formatJobSummary(run.diagnostics, summary, "COP Atlas link check")}\n${counts}\n`);
    }
  } else process.stdout.write(`${formatPretty(run.diagnostics, summary, process.stdout.isTTY === true)}${counts}\n`);
  if (values["json-out"]) writeJsonOut(values["json-out"], formatLinkJson(run));
  return countBySeverity(run.diagnostics).errors > 0 ? 1 : 0;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`links: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
}
