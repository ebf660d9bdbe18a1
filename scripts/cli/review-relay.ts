// Writes the review relay's data-only artifact from a pull_request_review event.
// No logic here: see scripts/lib/bot/artifact/relay.ts.
import { writeFileSync } from "node:fs";
import { buildReviewRelay } from "../lib/bot/artifact/relay.ts";
import { readActionsEvent } from "../lib/github/environment.ts";

const HELP = `Usage: npm run review-relay -- <result.json>

Reads the pull_request_review event (GITHUB_EVENT_PATH) and writes result.json:
{schemaVersion, kind: "review-relay", prNumber, headSha}, checked against the bot's strict schema.
The privileged review bot picks it up through workflow_run and reviews that pull request.
Exit code: 0 when written, 2 when it could not be.`;

const [output] = process.argv.slice(2);
if (process.argv.includes("--help") || !output) {
  console.log(HELP);
  if (!process.argv.includes("--help")) process.exitCode = 2;
} else {
  try {
    const result = buildReviewRelay(readActionsEvent(process.env));
    if (!result.ok) throw new Error(result.error);
    writeFileSync(output, `${JSON.stringify(result.relay, null, 2)}\n`);
    console.log(`${output}: pull request #${result.relay.prNumber} at ${result.relay.headSha}`);
  } catch (error) {
    console.error(`review-relay: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  }
}
