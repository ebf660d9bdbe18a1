import { readFileSync } from "node:fs";
import { parseBotConfig } from "../lib/bot/config.ts";
import { createGitHubClient } from "../lib/github/client.ts";
import { runSubmission } from "../lib/submission/run.ts";

// The submission bot, run by .github/workflows/submission.yml on issues opened or edited.
// It reads the event from GITHUB_EVENT_PATH (never from `${{ }}` or a shell) and the token from
// GITHUB_TOKEN (an App installation token: pull requests opened with GITHUB_TOKEN start no workflow).
async function main(): Promise<number> {
  const eventPath = process.env.GITHUB_EVENT_PATH;
  const token = process.env.GITHUB_TOKEN;
  if (!eventPath || !token) throw new Error("GITHUB_EVENT_PATH and GITHUB_TOKEN must be set (this runs in the Submission workflow)");
  const root = process.cwd();
  const event = JSON.parse(readFileSync(eventPath, "utf8")) as unknown;
  let configText: string | null = null;
  try {
    configText = readFileSync(`${root}/.github/cop-atlas.json`, "utf8");
  } catch {
    configText = null;
  }
  const config = parseBotConfig(configText);
  const client = createGitHubClient({
    token,
    userAgent: "cop-atlas-submission-bot",
    ...(process.env.GITHUB_API_URL ? { baseUrl: process.env.GITHUB_API_URL } : {}),
    log: (line) => process.stderr.write(`${line}\n`),
  });
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
