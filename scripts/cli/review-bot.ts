// The review bot in Actions: reads the event, reviews the pull request(s), prints one line each.
// No logic here: see scripts/lib/bot/entry/action.ts.
import { changeVocabulary } from "../lib/bot/changes/vocabulary.ts";
import { runReviewBot } from "../lib/bot/entry/action.ts";
import { clientFromEnvironment, readActionsEvent } from "../lib/github/environment.ts";

const HELP = `Usage: npm run review-bot [-- --dry-run]

Runs the review bot in GitHub Actions (workflow_run after Validate, schedule, workflow_dispatch).
Environment: GITHUB_TOKEN, GITHUB_EVENT_NAME, GITHUB_EVENT_PATH, GITHUB_REPOSITORY,
GITHUB_SERVER_URL, GITHUB_API_URL, and VALIDATION_ARTIFACT_DIR (the downloaded validation result).
--dry-run  plan without writing.
Exit code: 0 when every pull request was reviewed, 1 when one failed, 2 when the bot could not run.`;

const args = process.argv.slice(2);
if (args.includes("--help")) {
  console.log(HELP);
} else {
  try {
    const env = process.env;
    const client = clientFromEnvironment(env, "cop-atlas-review-bot", (line) => console.error(line));
    const event = readActionsEvent(env);
    const report = await runReviewBot(
      client,
      {
        eventName: env.GITHUB_EVENT_NAME ?? "",
        event,
        repository: env.GITHUB_REPOSITORY ?? "",
        serverUrl: env.GITHUB_SERVER_URL ?? "https://github.com",
        artifactDir: env.VALIDATION_ARTIFACT_DIR || null,
      },
      { now: new Date(), dryRun: args.includes("--dry-run"), describe: changeVocabulary(process.cwd()) },
    );
    for (const note of report.notes) console.log(note);
    for (const o of report.outcomes) {
      console.log(`#${o.number}: ${o.verdict}, ${o.sent}/${o.planned} request(s) sent${o.error ? `; error: ${o.error}` : ""}`);
    }
    if (report.outcomes.some((o) => o.error)) process.exitCode = 1;
  } catch (error) {
    console.error(`review-bot: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  }
}
