/**
 * A small COP Atlas repository on the fake GitHub, for the bot's end-to-end tests: Rwanda with
 * two designated reviewers, the EU with one, a secretariat member, a contributor, and a pull
 * request that adds a Rwandan entry with an English original and a French translation.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeAll, expect } from "vitest";
import { buildValidationArtifact } from "../../scripts/lib/bot/artifact/produce.ts";
import { narrativeVersion } from "../../scripts/lib/narrative-version.ts";
import { pullRequestOpened } from "../support/fake-github/events.ts";
import { createFakeGitHub, type FakeGitHub, type FakeRun, type FakeUser, preloadGitHubDescriptions } from "../support/fake-github/index.ts";

export const BOT: FakeUser = { id: 9_000_001, login: "cop-atlas-bot[bot]", type: "Bot" };

export interface Scenario {
  github: FakeGitHub;
  users: Record<"alice" | "bob" | "carol" | "dave" | "sam" | "mallory" | "helper", FakeUser>;
  baseSha: string;
  headSha: string;
  baseFiles: Record<string, string>;
  headFiles: Record<string, string>;
}

export function config(overrides: Record<string, unknown> = {}): string {
  return `${JSON.stringify(
    {
      secretariat: "@cop-atlas/secretariat",
      autoMerge: false,
      botLogin: BOT.login,
      secretariatMembers: [{ login: "sam", id: 301 }],
      ...overrides,
    },
    null,
    2,
  )}\n`;
}

export function narrative(title: string, summary: string, body: string, translation?: { from: string; version: string; method: string }): string {
  const lines = ["---", `title: ${JSON.stringify(title)}`, `summary: ${JSON.stringify(summary)}`];
  if (translation) lines.push("translation:", `  from: ${translation.from}`, `  version: "${translation.version}"`, `  method: ${translation.method}`);
  return `${lines.join("\n")}\n---\n\n${body}\n`;
}

const EN_TITLE = "National child helpline 116 111";
const EN_SUMMARY = "A free, national telephone helpline for children, open every day.";
const EN_BODY = "## Context\n\nThe helpline started in 2019.";

/** The files of the base (main) and of the pull request's head. */
export function repositoryFiles(configText = config()): { base: Record<string, string>; head: Record<string, string> } {
  const base: Record<string, string> = {
    ".github/cop-atlas.json": configText,
    "README.md": "# COP Atlas\n",
    "countries/rwa/country.json": JSON.stringify({
      region: "africa",
      reviewers: [
        { login: "alice", id: 101 },
        { login: "bob", id: 102 },
      ],
    }),
    "countries/rwa/activities/national-cop-policy-2019/activity.json": JSON.stringify({ kind: "activity", originalLanguage: "en" }),
    "countries/rwa/activities/national-cop-policy-2019/en.md": narrative(
      "National Child Online Protection Policy",
      "Rwanda adopted a policy in 2019.",
      "Body.",
    ),
    "countries/ken/country.json": JSON.stringify({ region: "africa", reviewers: [{ login: "kim", id: 104 }] }),
    "organizations/eu/organization.json": JSON.stringify({ name: { en: "European Union" }, reviewers: [{ login: "carol", id: 103 }], regions: ["europe"] }),
  };
  const version = narrativeVersion(EN_TITLE, EN_SUMMARY, EN_BODY);
  const head = {
    ...base,
    "countries/rwa/activities/child-helpline-116/activity.json": JSON.stringify({ kind: "activity", originalLanguage: "en" }),
    "countries/rwa/activities/child-helpline-116/en.md": narrative(EN_TITLE, EN_SUMMARY, EN_BODY),
    "countries/rwa/activities/child-helpline-116/fr.md": narrative(
      "Ligne d'assistance nationale pour enfants 116 111",
      "Une ligne d'assistance téléphonique gratuite et nationale pour les enfants.",
      "## Contexte\n\nLa ligne a commencé en 2019.",
      { from: "en", version, method: "human" },
    ),
  };
  return { base, head };
}

/** The repository on a fake GitHub, with pull request #7 open (by dave) and no reviews yet. */
export function createScenario(
  options: {
    config?: string;
    headFiles?: (head: Record<string, string>) => Record<string, string>;
    /** Changes the default branch too (the head starts from it before headFiles applies). */
    baseFiles?: (base: Record<string, string>) => Record<string, string>;
  } = {},
): Scenario {
  const github = createFakeGitHub({ owner: "cop-atlas", repo: "atlas", actor: BOT });
  const users = {
    alice: github.user("alice", 101),
    bob: github.user("bob", 102),
    carol: github.user("carol", 103),
    dave: github.user("dave", 201),
    sam: github.user("sam", 301),
    mallory: github.user("mallory", 666),
    helper: github.user("helper-app[bot]", 555, "Bot"),
  };
  github.user("kim", 104);
  github.team("secretariat");
  const plain = repositoryFiles(options.config);
  const base = options.baseFiles ? options.baseFiles(plain.base) : plain.base;
  const files = { base, head: { ...plain.head, ...Object.fromEntries(Object.entries(base).filter(([path]) => plain.base[path] !== base[path])) } };
  const headFiles = options.headFiles ? options.headFiles(files.head) : files.head;
  const baseSha = github.commit(files.base);
  github.branch("main", baseSha);
  const headSha = github.commit(headFiles, { parents: [baseSha], author: users.dave, message: "Add Rwanda's child helpline" });
  github.openPull({ number: 7, user: users.dave, headSha, headRef: "rwa-helpline", headOwner: "dave", title: "Add Rwanda's child helpline" });
  return { github, users, baseSha, headSha, baseFiles: files.base, headFiles };
}

/**
 * The Validate run of pull request #7 at `headSha`, and the artifact its job would upload, built
 * by the validate job's own code from the validator's report (`diagnostics`, as --json-out writes them).
 */
export function validatedRun(s: Scenario, diagnostics: readonly unknown[], headSha = s.headSha): { run: FakeRun; dir: string } {
  const run = s.github.run({ headSha, headBranch: "rwa-helpline", headOwner: "dave" });
  const built = buildValidationArtifact({ schemaVersion: 1, summary: {}, diagnostics }, pullRequestOpened(s.github, { ...s.github.pull(7), headSha }));
  if (!built.ok) throw new Error(built.error);
  const dir = mkdtempSync(join(tmpdir(), "cop-validated-"));
  writeFileSync(join(dir, "result.json"), JSON.stringify(built.artifact));
  return { run, dir };
}

/**
 * For a test file whose tests each run one scenario: loads GitHub's description once, and after
 * each test checks that every request the test sent, and every response, matched it. Returns
 * createScenario, remembering the scenario for that check.
 */
export function scenarioPerTest(): typeof createScenario {
  let current: Scenario | null = null;
  beforeAll(preloadGitHubDescriptions);
  afterEach(() => {
    expect(current?.github.violations ?? []).toEqual([]);
    current = null;
  });
  return (options) => {
    current = createScenario(options);
    return current;
  };
}
