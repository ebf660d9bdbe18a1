// Writes the data-only validation artifact for the review bot from the validator's JSON output.
// No logic here: see scripts/lib/bot/artifact/produce.ts.
import { readFileSync, writeFileSync } from "node:fs";
import { buildValidationArtifact } from "../lib/bot/artifact/produce.ts";
import { readActionsEvent } from "../lib/github/environment.ts";

const HELP = `Usage: npm run validation-artifact -- <validation.json> <result.json>

Reads the validator's --json-out file and the pull_request event (GITHUB_EVENT_PATH), and writes
result.json: {schemaVersion, headSha, prNumber, findings}, checked against the bot's strict schema.
Exit code: 0 when written, 2 when it could not be.`;

const [input, output] = process.argv.slice(2);
if (process.argv.includes("--help") || !input || !output) {
  console.log(HELP);
  if (!process.argv.includes("--help")) process.exitCode = 2;
} else {
  try {
    const result = buildValidationArtifact(JSON.parse(readFileSync(input, "utf8")), readActionsEvent(process.env));
    if (!result.ok) throw new Error(result.error);
    writeFileSync(output, `${JSON.stringify(result.artifact, null, 2)}\n`);
    console.log(`${output}: ${result.artifact.findings.length} finding(s) for #${result.artifact.prNumber} at ${result.artifact.headSha}`);
  } catch (error) {
    console.error(`validation-artifact: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  }
}
