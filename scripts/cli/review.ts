// The review bot's dry run: what it would do for this branch (or a pull request), without writing.
// No logic here: see scripts/lib/bot/local/ and scripts/lib/bot/entry/.
import { parseArgs } from "node:util";
import { reviewPullRequest } from "../lib/bot/entry/review-pull-request.ts";
import { loadBotConfig, resolveTrustAnchor } from "../lib/bot/facts/gather-facts.ts";
import { formatDryRun } from "../lib/bot/local/format-dry-run.ts";
import { gatherLocalFacts } from "../lib/bot/local/local-facts.ts";
import { computeActions } from "../lib/bot/policy/compute-actions.ts";
import { clientFromEnvironment } from "../lib/github/environment.ts";

const HELP = `Usage: npm run review -- [--base <branch>] [--pr <number> [--repo <owner/name>]]

Prints the labels, review requests, approval status, summary comment and verdict the review bot
would produce. Nothing is written anywhere.
  --base <branch>   compare the current branch (HEAD) with this branch, from local git (default: main)
  --pr <number>     read that pull request from GitHub instead (needs GITHUB_TOKEN), and list the
                    requests the bot would send
  --repo owner/name the repository for --pr (default: GITHUB_REPOSITORY)
Exit code: 0 when it ran, 2 when it could not.`;

try {
  const { values } = parseArgs({
    options: { base: { type: "string", default: "main" }, pr: { type: "string" }, repo: { type: "string" }, help: { type: "boolean" } },
  });
  if (values.help) {
    console.log(HELP);
  } else if (values.pr !== undefined) {
    const number = Number(values.pr);
    const repository = values.repo ?? process.env.GITHUB_REPOSITORY ?? "";
    const [owner, repo] = repository.split("/");
    if (!Number.isInteger(number) || number < 1) throw new Error("--pr needs a pull request number.");
    if (!owner || !repo) throw new Error("--pr needs --repo owner/name (or GITHUB_REPOSITORY).");
    const client = clientFromEnvironment(process.env, "cop-atlas-review-dry-run", (line) => console.error(line));
    const ref = { owner, repo, serverUrl: process.env.GITHUB_SERVER_URL ?? "https://github.com" };
    const trust = await resolveTrustAnchor(client, ref);
    const config = await loadBotConfig(client, ref, trust);
    const outcome = await reviewPullRequest(client, { repo: ref, number, config, trust, now: new Date(), dryRun: true });
    if (outcome.actions) process.stdout.write(formatDryRun(outcome.actions, outcome.requests));
  } else {
    const { facts, config } = await gatherLocalFacts({ cwd: process.cwd(), base: values.base });
    process.stdout.write(formatDryRun(computeActions(facts, config, new Date())));
  }
} catch (error) {
  console.error(`review: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
}
