import { readFileSync } from "node:fs";
import { parseBotConfig } from "../lib/bot/config.ts";
import { clientFromEnvironment, readActionsEvent } from "../lib/github/environment.ts";
import { runSubmission } from "../lib/submission/run.ts";

// The submission bot, run by .github/workflows/submission.yml on issues opened or edited.
// It reads the event from GITHUB_EVENT_PATH (never from `${{ }}` or a shell) and the token from
// GITHUB_TOKEN (an App installation token: pull requests opened with GITHUB_TOKEN start no workflow).
async function main(): Promise<number> {
  const root = process.cwd();
  const event = readActionsEvent(process.env);
  let configText: string | null = null;
  try {
    configText = readFileSync(`${root}/.github/cop-atlas.json`, "utf8");
  } catch {
    configText = null;
  }
  const config = parseBotConfig(configText);
  const client = clientFromEnvironment(process.env, "cop-atlas-submission-bot", (line) => process.stderr.write(`${line}\n`));
  const result = await runSubmission({ client, event, root, botLogin: config.botLogin });
  process.stdout.write(`${JSON.stringify(result)}\n`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`submission: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
