import { CONFIG_PATH, parseBotConfig } from "../config.ts";
import { gatherContentFacts } from "../facts/content.ts";
import type { BotConfig, PrFacts } from "../types.ts";
import { checkRevision, git, gitChangedFiles, gitContentReader } from "./git.ts";

/**
 * The facts of a branch as if it were a pull request, from local git only (no token): the files
 * changed since the merge base with `base`, and the profiles and config as they are on `base`.
 * There are no reviews, comments or labels locally, so the verdict is about what is missing.
 */
export async function gatherLocalFacts(input: { cwd: string; base: string; head?: string }): Promise<{ facts: PrFacts; config: BotConfig }> {
  const base = checkRevision(input.base);
  const head = checkRevision(input.head ?? "HEAD");
  const cwd = input.cwd;
  const trustSha = (await git(cwd, ["rev-parse", "--verify", "--end-of-options", `${base}^{commit}`])).trim();
  const headSha = (await git(cwd, ["rev-parse", "--verify", "--end-of-options", `${head}^{commit}`])).trim();
  const mergeBase = (await git(cwd, ["merge-base", trustSha, headSha])).trim();
  const reader = gitContentReader(cwd);
  const configRead = await reader.readFile(trustSha, CONFIG_PATH);
  const config = parseBotConfig(configRead.status === "ok" ? configRead.text : null);
  const files = await gitChangedFiles(cwd, trustSha, headSha);
  const content = await gatherContentFacts(reader, { files, trustSha, headSha, baseSha: mergeBase });
  const facts: PrFacts = {
    repo: { owner: "local", name: "repository", serverUrl: "https://github.com" },
    pr: {
      number: 0,
      state: "open",
      merged: false,
      draft: false,
      headSha,
      baseSha: mergeBase,
      baseRef: base,
      mergeable: null,
      author: { id: 0, login: "local-author", type: "User" },
      body: "",
      changedFiles: files.length,
      headRef: input.head ?? "HEAD",
      headRepo: { owner: "local", name: "repository" },
      commits: 0,
    },
    trust: { defaultBranch: base, sha: trustSha },
    files,
    filesComplete: true,
    reviews: [],
    reviewsComplete: true,
    requestedReviewers: { users: [], teams: [] },
    markerComments: [],
    commentsComplete: true,
    labels: [],
    labelsComplete: true,
    approvalStatuses: [],
    statusesComplete: true,
    profiles: content.profiles,
    entries: content.entries,
    entriesNotRead: content.entriesNotRead,
    accounts: {},
    validation: { runs: [], artifact: null },
    // Local git knows no accounts: who pushed or approved is for the bot on GitHub to check.
    contributors: { submission: null, commitAccounts: [], commitsComplete: true, pushers: [], pushesComplete: true },
    problems: [],
  };
  return { facts, config };
}
