/**
 * Hand-built PrFacts for the pure policy tests: a pull request by dave that adds a Rwandan entry.
 * Rwanda's designated reviewers on main are alice (101) and bob (102); the EU's is carol (103);
 * the secretariat member is sam (301).
 */
import { parseBotConfig } from "../../scripts/lib/bot/config.ts";
import type { Account, BotConfig, PrFacts, ReviewFact, WorkflowRunFact } from "../../scripts/lib/bot/types.ts";

export const HEAD = "a".repeat(40);
export const OLD_HEAD = "b".repeat(40);
export const BASE = "c".repeat(40);
export const TRUST = "d".repeat(40);

export const alice: Account = { id: 101, login: "alice", type: "User" };
export const bob: Account = { id: 102, login: "bob", type: "User" };
export const carol: Account = { id: 103, login: "carol", type: "User" };
export const dave: Account = { id: 201, login: "dave", type: "User" };
export const sam: Account = { id: 301, login: "sam", type: "User" };
export const mallory: Account = { id: 666, login: "mallory", type: "User" };
export const sockPuppet: Account = { id: 667, login: "mallory-sock", type: "User" };
export const bot: Account = { id: 9_000_001, login: "cop-atlas-bot[bot]", type: "Bot" };

export function makeConfig(overrides: Partial<BotConfig> = {}): BotConfig {
  const base = parseBotConfig(
    JSON.stringify({
      secretariat: "@cop-atlas/secretariat",
      autoMerge: false,
      botLogin: bot.login,
      secretariatMembers: [{ login: "sam", id: 301 }],
    }),
  );
  return { ...base, ...overrides };
}

let reviewId = 1;
/** A review; submitted in call order. */
export function review(user: Account | null, state: string, commitId = HEAD): ReviewFact {
  reviewId++;
  return { id: reviewId, user, state, commitId, submittedAt: `2025-03-01T10:${String(reviewId % 60).padStart(2, "0")}:00Z` };
}

export function validationRun(overrides: Partial<WorkflowRunFact> = {}): WorkflowRunFact {
  return {
    id: 5001,
    name: "Validate",
    path: ".github/workflows/validate.yml",
    event: "pull_request",
    headSha: HEAD,
    status: "completed",
    conclusion: "success",
    createdAt: "2025-03-01T09:30:00Z",
    ...overrides,
  };
}

const RWA_ENTRY = "countries/rwa/activities/child-helpline-116";

/** The default facts; `patch` edits a fresh copy. */
export function makeFacts(patch: (facts: PrFacts) => void = () => {}): PrFacts {
  const facts: PrFacts = {
    repo: { owner: "cop-atlas", name: "atlas", serverUrl: "https://github.com" },
    pr: {
      number: 7,
      state: "open",
      merged: false,
      draft: false,
      headSha: HEAD,
      baseSha: BASE,
      baseRef: "main",
      mergeable: true,
      author: dave,
      body: "Adds Rwanda's child helpline.",
      changedFiles: 3,
      headRef: "rwa-helpline",
      headRepo: { owner: "dave", name: "atlas" },
      commits: 1,
    },
    trust: { defaultBranch: "main", sha: TRUST },
    files: [
      { path: `${RWA_ENTRY}/activity.json`, status: "added" },
      { path: `${RWA_ENTRY}/en.md`, status: "added" },
      { path: `${RWA_ENTRY}/fr.md`, status: "added" },
    ],
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
    profiles: {
      "country:rwa": {
        base: {
          status: "ok",
          reviewers: [
            { login: "alice", id: 101 },
            { login: "bob", id: 102 },
          ],
          regions: ["africa"],
        },
        head: null,
      },
    },
    entries: {
      "country:rwa/child-helpline-116": {
        ref: "head",
        originalLanguage: "en",
        narratives: [
          { lang: "en", title: "National child helpline 116 111", version: "0123456789ab", translation: null },
          {
            lang: "fr",
            title: "Ligne d'assistance 116 111",
            version: "ba9876543210",
            translation: { from: "en", version: "0123456789ab", method: "human" },
          },
        ],
        problems: [],
      },
    },
    entriesNotRead: 0,
    accounts: { 101: "alice", 102: "bob" },
    validation: { runs: [validationRun()], artifact: null },
    contributors: {
      submission: null,
      commitAccounts: [
        { account: dave, role: "author" },
        { account: dave, role: "committer" },
      ],
      commitsComplete: true,
      pushers: [dave],
      pushesComplete: true,
    },
    problems: [],
  };
  patch(facts);
  return facts;
}

/** Makes the facts those of a pull request the submission bot made from issue 12, opened by `submitter`. */
export function asSubmission(facts: PrFacts, submitter: Account, editors: Account[] = []): void {
  facts.pr.author = bot;
  facts.pr.headRef = "submission/issue-12";
  facts.pr.headRepo = { owner: "cop-atlas", name: "atlas" };
  facts.contributors = {
    submission: { issue: 12, author: submitter, editors: [submitter, ...editors], editsComplete: true },
    commitAccounts: [
      { account: bot, role: "author" },
      { account: bot, role: "committer" },
    ],
    commitsComplete: true,
    pushers: [bot],
    pushesComplete: true,
  };
}

/** Adds an EU entry change to the facts (a second unit, reviewed by carol). */
export function withEuEntry(facts: PrFacts): void {
  facts.files.push({ path: "organizations/eu/activities/bik-plus-strategy-2022/en.md", status: "modified" });
  facts.pr.changedFiles = facts.files.length;
  facts.profiles["org:eu"] = { base: { status: "ok", reviewers: [{ login: "carol", id: 103 }], regions: ["europe"] }, head: null };
  facts.entries["org:eu/bik-plus-strategy-2022"] = {
    ref: "head",
    originalLanguage: "en",
    narratives: [{ lang: "en", title: "Better Internet for Kids", version: "111111111111", translation: null }],
    problems: [],
  };
  facts.accounts[103] = "carol";
}
