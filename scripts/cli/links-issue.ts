// The links workflow's issue job: reads the link report, keeps the one links issue up to date.
// No logic here: see scripts/lib/links/issue/.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { clientFromEnvironment } from "../lib/github/environment.ts";
import { readLinkReport } from "../lib/links/issue/read-report.ts";
import { syncLinkIssue } from "../lib/links/issue/sync.ts";

const HELP = `Usage: npm run links-issue -- <report.json> [options]

Keeps the repository's one links issue up to date from the JSON report of
npm run links -- --json-out <file>: opens it when addresses are broken,
unreachable or moved for good, edits it only when the findings change, and
closes it when every address works. Run by the links workflow, not by hand.

  --bot-login <login>  the account the token writes as
                       (default: github-actions[bot], the workflow's token)
  --branch <name>      the branch the report was made on, for the links to
                       the cited lines (default: GITHUB_REF_NAME, or main)
  --dry-run            print the requests it would send; send nothing
  -h, --help           show this help

Environment: GITHUB_TOKEN (issues: write), GITHUB_REPOSITORY (owner/name),
GITHUB_API_URL and GITHUB_SERVER_URL (set by GitHub Actions).

Exit code: 0 the issue is up to date, 1 a write failed, 2 the tool could not run.`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      "bot-login": { type: "string", default: "github-actions[bot]" },
      branch: { type: "string" },
      "dry-run": { type: "boolean", default: false },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  const env = process.env;
  if (positionals.length !== 1) throw new Error("give the path of one report (npm run links -- --json-out <file>)");
  const client = clientFromEnvironment(env, "cop-atlas-links", (line) => process.stderr.write(`${line}\n`));
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? "").split("/");
  if (!owner || !repo) throw new Error("GITHUB_REPOSITORY is not set to owner/name");
  const report = readLinkReport(readFileSync(positionals[0] as string, "utf8"));
  const outcome = await syncLinkIssue(client, {
    report,
    context: { serverUrl: env.GITHUB_SERVER_URL ?? "https://github.com", owner, repo, branch: values.branch ?? (env.GITHUB_REF_NAME || "main") },
    botLogin: values["bot-login"] ?? "github-actions[bot]",
    dryRun: values["dry-run"] ?? false,
  });
  const issue = outcome.issue === null ? "no open links issue" : `links issue #${outcome.issue}`;
  process.stdout.write(`${issue}; wanted ${outcome.desired}; ${outcome.sent}/${outcome.planned.length} request(s) sent.\n`);
  if (values["dry-run"]) for (const request of outcome.planned) process.stdout.write(`${JSON.stringify(request)}\n`);
  if (outcome.error) {
    process.stderr.write(`links-issue: ${outcome.error}\n`);
    return 1;
  }
  return 0;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`links-issue: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
}
