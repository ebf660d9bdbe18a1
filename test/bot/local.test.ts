import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { formatDryRun } from "../../scripts/lib/bot/local/format-dry-run.ts";
import { checkRevision } from "../../scripts/lib/bot/local/git.ts";
import { gatherLocalFacts } from "../../scripts/lib/bot/local/local-facts.ts";
import { computeActions } from "../../scripts/lib/bot/policy/compute-actions.ts";
import { config, repositoryFiles } from "./scenario.ts";

const ROOT = resolve(import.meta.dirname, "../..");
let repo = "";

function write(files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(repo, path)), { recursive: true });
    writeFileSync(join(repo, path), text);
  }
}

function git(...args: string[]): string {
  return execFileSync("git", args, { cwd: repo, encoding: "utf8", env: { ...process.env, GIT_CONFIG_NOSYSTEM: "1", HOME: repo } });
}

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), "cop-review-"));
  git("init", "-q", "-b", "main");
  git("config", "user.email", "focal.point@example.org");
  git("config", "user.name", "Focal Point");
  const { base, head } = repositoryFiles(config());
  write(base);
  git("add", "-A");
  git("commit", "-q", "-m", "Base");
  git("checkout", "-q", "-b", "rwa-helpline");
  write(head);
  // A rename too: an EU entry moves to a new folder name.
  write({ "organizations/eu/activities/bik-2012/en.md": "---\ntitle: BIK 2012\nsummary: The first strategy.\n---\n" });
  git("add", "-A");
  git("commit", "-q", "-m", "Add Rwanda's child helpline");
});

afterAll(() => {
  if (repo) rmSync(repo, { recursive: true, force: true });
});

describe("npm run review (local dry run)", () => {
  test("computes the labels, requests, status and comment from local git", async () => {
    const { facts, config: botConfig } = await gatherLocalFacts({ cwd: repo, base: "main" });
    expect(botConfig.problems).toEqual([]);
    expect(facts.files.map((f) => `${f.status} ${f.path}`).sort()).toEqual([
      "added countries/rwa/activities/child-helpline-116/activity.json",
      "added countries/rwa/activities/child-helpline-116/en.md",
      "added countries/rwa/activities/child-helpline-116/fr.md",
      "added organizations/eu/activities/bik-2012/en.md",
    ]);
    const actions = computeActions(facts, botConfig, new Date("2025-03-01T12:00:00Z"));
    expect(actions.verdict).toBe("waiting");
    expect(actions.labels).toEqual(["country:rwa", "lang:en", "lang:fr", "new", "org:eu", "region:africa", "region:europe", "update"]);
    expect(actions.reviewers.users.map((u) => u.login)).toEqual(["alice", "bob", "carol"]);
    const output = formatDryRun(actions);
    expect(output).toMatch(/^Verdict: waiting\n/);
    expect(output).toMatch(/Review requests: alice \(101\), bob \(102\), carol \(103\)/);
    expect(output).toMatch(/translation from en \(human\), up to date, added/);
  });

  test("the real CLI prints the same in the repository", () => {
    const output = execFileSync(join(ROOT, "node_modules/.bin/tsx"), [join(ROOT, "scripts/cli/review.ts"), "--base", "main"], {
      cwd: repo,
      encoding: "utf8",
    });
    expect(output).toMatch(/^Verdict: waiting$/m);
    expect(output).toMatch(/^Labels: country:rwa, lang:en, lang:fr, new, org:eu, region:africa, region:europe, update$/m);
    expect(output).toMatch(/^--- comment ---\n<!-- cop-bot:status -->/m);
  });

  test("a revision that could be read as an option is refused", () => {
    expect(() => checkRevision("--output=/tmp/x")).toThrow(/Not a usable git revision/);
    expect(() => checkRevision("main..evil")).toThrow(/Not a usable git revision/);
    expect(checkRevision("origin/main")).toBe("origin/main");
  });
});
