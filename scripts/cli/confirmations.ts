// Entries stay confirmed, in Actions: the yearly round of confirmation issues, and the /confirm
// command in them. No logic here: see scripts/lib/bot/confirmations/.
import { openConfirmationRound, runConfirmCommand } from "../lib/bot/confirmations/run.ts";
import { repoFromEnvironment } from "../lib/bot/facts/gather-facts.ts";
import { clientFromEnvironment, readActionsEvent } from "../lib/github/environment.ts";

const HELP = `Usage: npm run confirmations [-- --dry-run]

Once a year (schedule or workflow_dispatch): opens, for each country and organisation with
designated reviewers, one issue listing its entries due for re-confirmation (never confirmed, or
confirmed longer ago than "confirmations.dueAfterDays" in .github/cop-atlas.json), and a pull
request that records their confirmation (provenance.confirmedBy and confirmedOn, nothing else).
A reviewer confirms by approving that pull request. On issue_comment: a designated reviewer's
"/confirm" (all) or "/confirm <entry> ..." in such an issue rebuilds the pull request with those
entries, dated that day, and requests their review.
Run from a checkout of the default branch. Environment: GITHUB_TOKEN, GITHUB_EVENT_NAME,
GITHUB_EVENT_PATH (for issue_comment), GITHUB_REPOSITORY, GITHUB_SERVER_URL, GITHUB_API_URL.
--dry-run  say what it would do, without writing.
Exit code: 0 done, 1 some owner failed (a second run retries it), 2 it could not run.`;

const args = process.argv.slice(2);
if (args.includes("--help") || args.includes("-h")) {
  console.log(HELP);
} else {
  try {
    const env = process.env;
    const client = clientFromEnvironment(env, "cop-atlas-confirmations", (line) => console.error(line));
    const repo = repoFromEnvironment(env.GITHUB_REPOSITORY, env.GITHUB_SERVER_URL);
    const options = {
      client,
      repo,
      root: process.cwd(),
      now: new Date(),
      dryRun: args.includes("--dry-run"),
    };
    if (env.GITHUB_EVENT_NAME === "issue_comment") {
      const outcome = await runConfirmCommand({ ...options, event: readActionsEvent(env) });
      console.log(`${outcome.outcome}${outcome.pull ? ` #${outcome.pull}` : ""}${outcome.reason ? `: ${outcome.reason}` : ""}`);
    } else {
      const report = await openConfirmationRound(options);
      for (const note of report.notes) console.log(note);
      for (const o of report.opened) console.log(`${o.owner}: ${o.entries} entries, issue #${o.issue ?? "-"}, pull request #${o.pull ?? "-"}`);
      for (const e of report.errors) console.error(`${e.owner}: ${e.error}`);
      if (report.errors.length > 0) process.exitCode = 1;
    }
  } catch (error) {
    console.error(`confirmations: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  }
}
