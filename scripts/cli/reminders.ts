// The reminder job in Actions: nudges, escalates or closes quiet pull requests, one line each.
// No logic here: see scripts/lib/bot/reminders/.
import { repoFromEnvironment } from "../lib/bot/facts/gather-facts.ts";
import { runReminders } from "../lib/bot/reminders/run.ts";
import { clientFromEnvironment } from "../lib/github/environment.ts";

const HELP = `Usage: npm run reminders [-- --dry-run]

Looks at every open pull request and, following "reminders" in .github/cop-atlas.json on the
default branch: reminds whoever it waits on after remindAfterDays without activity (and again
every as many days), asks the secretariat after escalateAfterDays, and closes a submission pull
request that waits on its submitter after closeAfterDays (its issue stays open; editing the
issue reopens it). Run daily by .github/workflows/reminders.yml; a second run the same day
writes nothing.
Environment: GITHUB_TOKEN, GITHUB_REPOSITORY, GITHUB_SERVER_URL, GITHUB_API_URL.
--dry-run  say what it would do, without writing.
Exit code: 0 done, 1 some pull request failed (the next run tries again), 2 the job could not run.`;

const args = process.argv.slice(2);
if (args.includes("--help") || args.includes("-h")) {
  console.log(HELP);
} else {
  try {
    const env = process.env;
    const client = clientFromEnvironment(env, "cop-atlas-reminders", (line) => console.error(line));
    const repo = repoFromEnvironment(env.GITHUB_REPOSITORY, env.GITHUB_SERVER_URL);
    const report = await runReminders(client, { repo, now: new Date(), dryRun: args.includes("--dry-run") });
    for (const note of report.notes) console.log(note);
    for (const action of report.actions) console.log(`#${action.number}: ${action.kind} after ${action.idleDays} quiet days`);
    for (const failure of report.errors) console.error(`#${failure.number}: ${failure.error}`);
    if (report.actions.length === 0 && report.errors.length === 0) console.log("No pull request needs a reminder today.");
    if (report.errors.length > 0) process.exitCode = 1;
  } catch (error) {
    console.error(`reminders: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  }
}
