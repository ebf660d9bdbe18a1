import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeAll, beforeEach, describe, expect, test } from "vitest";
import {
  type ConfirmableEntry,
  type ConfirmationOwner,
  dueEntries,
  parseConfirmCommand,
  recordConfirmation,
  renderConfirmationIssue,
  selectEntries,
} from "../../scripts/lib/bot/confirmations/due.ts";
import { openConfirmationRound, runConfirmCommand } from "../../scripts/lib/bot/confirmations/run.ts";
import { formatFileText } from "../../scripts/lib/format/file.ts";
import { loadFormatSchemas } from "../../scripts/lib/format/repository.ts";
import { validateRepository } from "../../scripts/lib/validate/index.ts";
import { issueCommentCreated } from "../support/fake-github/events.ts";
import { createFakeGitHub, type FakeGitHub, type FakeUser, preloadGitHubDescriptions } from "../support/fake-github/index.ts";
import { baselineFiles, makeRepo, PROJECT_ROOT, type TempRepo } from "../support/repo.ts";
import { BOT, config } from "./scenario.ts";

const NOW = new Date("2026-01-15T06:00:00Z");
const SETTINGS = { dueAfterDays: 365 };

function entry(slug: string, confirmedBy: string[], confirmedOn: string | null): ConfirmableEntry {
  return { permalink: `ken/${slug}`, dir: `countries/ken/activities/${slug}`, title: slug, confirmedBy, confirmedOn };
}

const KENYA: ConfirmationOwner = {
  id: "ken",
  folder: "countries/ken",
  name: "Kenya",
  reviewers: [{ login: "alice", id: 101 }],
  entries: [
    entry("recent", ["ken"], "2025-12-01"),
    entry("old", ["ken"], "2024-12-31"),
    entry("never", [], null),
    entry("by-someone-else", ["itu"], "2025-12-01"),
  ],
};

describe("which entries are due, and the command (pure)", () => {
  test("never confirmed by the owner, or confirmed a year ago or more", () => {
    expect(dueEntries(KENYA, SETTINGS, NOW).map((e) => e.permalink)).toEqual(["ken/by-someone-else", "ken/never", "ken/old"]);
    expect(dueEntries(KENYA, { dueAfterDays: 400 }, NOW).map((e) => e.permalink)).toEqual(["ken/by-someone-else", "ken/never"]);
  });

  test.for([
    ["/confirm", { all: true }],
    ["  /confirm  \nthanks", { all: true }],
    ["/confirm old, `never` ken/old", { all: false, names: ["old", "never", "ken/old"] }],
    ["I /confirm", null],
    ["/confirmed", null],
    ["please look", null],
  ] as const)("parseConfirmCommand(%j)", ([body, expected]) => {
    expect(parseConfirmCommand(body)).toEqual(expected);
  });

  test("a command selects by slug or permalink, and names what it does not know", () => {
    const due = dueEntries(KENYA, SETTINGS, NOW);
    expect(selectEntries(due, { all: false, names: ["old", "ken/never", "recent", "nope"] })).toEqual({
      chosen: [due[1], due[2]],
      unknown: ["recent", "nope"],
    });
  });

  test("the issue mentions the designated reviewers, lists each entry with its last confirmation, and escapes titles", () => {
    const due = dueEntries(
      { ...KENYA, entries: [{ ...entry("old", ["ken"], "2024-12-31"), title: "A [link](https://evil.example) @someone" }] },
      SETTINGS,
      NOW,
    );
    const { title, body } = renderConfirmationIssue({ owner: KENYA, year: 2026, due, pull: 12, entryUrl: (e) => `https://github.com/o/r/tree/main/${e.dir}` });
    expect(title).toBe("Confirm Kenya's entries (2026)");
    expect(body.split("\n")[0]).toBe("<!-- cop-bot:confirmations ken 2026 -->");
    expect(body).toContain("@alice: as designated reviewers of Kenya");
    expect(body).toContain("| [`ken/old`](https://github.com/o/r/tree/main/countries/ken/activities/old) |");
    expect(body).toContain("| 2024-12-31 |");
    expect(body).toContain("approve pull request #12");
    expect(body).not.toMatch(/\]\(https:\/\/evil|@someone/);
  });

  test("recording a confirmation changes only provenance, and the entry stays valid", () => {
    const repo = makeRepo();
    try {
      const path = "countries/ken/activities/example-strategy-2020/activity.json";
      const schemas = loadFormatSchemas(PROJECT_ROOT);
      const before = formatFileText(path, readFileSync(join(repo.root, path), "utf8"), schemas).text ?? "";
      const after = formatFileText(path, recordConfirmation(before, "ken", "2026-01-15"), schemas).text ?? "";
      const removed = before.split("\n").filter((line) => !after.split("\n").includes(line));
      const added = after.split("\n").filter((line) => !before.split("\n").includes(line));
      expect(removed.every((line) => /provenance|compiledBy|^\s*}/.test(line))).toBe(true);
      expect(added.every((line) => /provenance|compiledBy|confirmedBy|confirmedOn|"ken"|^\s*[\]}],?$/.test(line))).toBe(true);
      expect(JSON.parse(after).provenance).toEqual({ compiledBy: "editors", confirmedBy: ["ken"], confirmedOn: "2026-01-15" });
      const { provenance: _before, ...restBefore } = JSON.parse(before);
      const { provenance: _after, ...restAfter } = JSON.parse(after);
      expect(restAfter).toEqual(restBefore);
      repo.write(path, after);
      expect(validateRepository({ root: repo.root }).diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    } finally {
      repo.cleanup();
    }
  });
});

describe("the yearly round and the /confirm command, end to end (fake GitHub)", () => {
  const ALICE: FakeUser = { id: 101, login: "alice", type: "User" };
  const MALLORY: FakeUser = { id: 666, login: "mallory", type: "User" };
  const REPO = { owner: "cop-atlas", repo: "atlas", serverUrl: "https://github.com" };
  let repo: TempRepo;
  let github: FakeGitHub;

  beforeAll(preloadGitHubDescriptions);
  beforeEach(() => {
    const files = baselineFiles();
    const base = files["countries/ken/activities/example-strategy-2020/activity.json"] ?? "";
    const confirmed = (on: string) =>
      base.replace('"provenance": { "compiledBy": "editors" }', `"provenance": { "compiledBy": "editors", "confirmedBy": ["ken"], "confirmedOn": "${on}" }`);
    const all: Record<string, string> = {
      ...files,
      ".github/cop-atlas.json": config(),
      "countries/ken/country.json": `${JSON.stringify({ region: "africa", reviewers: [{ login: "alice", id: 101 }] }, null, 2)}\n`,
      "countries/ken/activities/recent-2025/activity.json": confirmed("2025-11-02"),
      "countries/ken/activities/recent-2025/en.md": files["countries/ken/activities/example-strategy-2020/en.md"] ?? "",
      "countries/ken/activities/old-2019/activity.json": confirmed("2024-06-30"),
      "countries/ken/activities/old-2019/en.md": files["countries/ken/activities/example-strategy-2020/en.md"] ?? "",
      "countries/fra/country.json": `${JSON.stringify({ region: "europe", reviewers: [] }, null, 2)}\n`,
      "countries/fra/activities/unreviewed/activity.json": base,
      "countries/fra/activities/unreviewed/en.md": files["countries/ken/activities/example-strategy-2020/en.md"] ?? "",
    };
    repo = makeRepo(all);
    github = createFakeGitHub({ owner: REPO.owner, repo: REPO.repo, actor: BOT });
    github.user(ALICE.login, ALICE.id);
    github.user(MALLORY.login, MALLORY.id);
    github.branch("main", github.commit(all));
  });
  afterEach(() => {
    repo.cleanup();
    // Every request and every response matched GitHub's description.
    expect(github.violations).toEqual([]);
  });

  const round = () => openConfirmationRound({ client: github.octokit(), repo: REPO, root: repo.root, now: NOW });
  const writes = () => github.writes().map((w) => `${w.method} ${w.route}`);

  async function command(user: FakeUser, body: string, issueNumber: number) {
    const id = github.comment(issueNumber, user, body);
    const event = issueCommentCreated(github, github.issue(issueNumber), user, body, id);
    github.clearRequests();
    return runConfirmCommand({ client: github.octokit(), repo: REPO, root: repo.root, now: new Date("2026-02-03T10:00:00Z"), event });
  }

  test("opens one issue and one dates-only pull request per owner with reviewers; a second run writes nothing", async () => {
    const report = await round();
    expect(report.errors).toEqual([]);
    expect(report.notes).toEqual(["countries/fra: 1 entries due, but no designated reviewers to ask."]);
    expect(report.opened).toEqual([{ owner: "ken", issue: expect.any(Number), pull: expect.any(Number), entries: 2 }]);
    const [opened] = report.opened;
    const issue = github.issue(opened?.issue ?? 0);
    expect(issue.labels).toEqual(["confirmation"]);
    expect(issue.body).toContain(`approve pull request #${opened?.pull}`);
    expect(issue.body).toContain("| [`ken/example-strategy-2020`]");
    expect(issue.body).toContain("| [`ken/old-2019`]");
    expect(issue.body).not.toContain("recent-2025");

    const pull = github.pull(opened?.pull ?? 0);
    expect(pull.headRef).toBe("confirmation/ken-2026");
    expect(pull.body).toContain(`Closes #${issue.number}`);
    const changed = [...github.filesAt(pull.headSha)].filter(([path, text]) => github.filesAt("main").get(path) !== text);
    expect(changed.map(([path]) => path).sort()).toEqual([
      "countries/ken/activities/example-strategy-2020/activity.json",
      "countries/ken/activities/old-2019/activity.json",
    ]);
    for (const [, text] of changed) expect(JSON.parse(text).provenance).toEqual({ compiledBy: "editors", confirmedBy: ["ken"], confirmedOn: "2026-01-15" });

    github.clearRequests();
    const again = await round();
    expect(again.opened).toEqual([]);
    expect(writes()).toEqual([]);
  });

  test("a designated reviewer's /confirm narrows the pull request to the entries named, dated that day, and asks for their review", async () => {
    const report = await round();
    const issue = report.opened[0]?.issue ?? 0;
    const pullNumber = report.opened[0]?.pull ?? 0;

    const outcome = await command(ALICE, "/confirm old-2019", issue);
    expect(outcome).toEqual({ outcome: "prepared", pull: pullNumber });
    const pull = github.pull(pullNumber);
    const changed = [...github.filesAt(pull.headSha)].filter(([path, text]) => github.filesAt("main").get(path) !== text);
    expect(changed.map(([path]) => path)).toEqual(["countries/ken/activities/old-2019/activity.json"]);
    expect(JSON.parse(changed[0]?.[1] ?? "{}").provenance.confirmedOn).toBe("2026-02-03");
    expect(pull.requestedUsers.map((u) => u.login)).toEqual(["alice"]);
    expect(pull.body).toContain("as alice asked there");
    expect(github.issue(issue).comments.at(-1)?.body).toContain(`Pull request #${pullNumber} now confirms 1 entry of Kenya, dated 2026-02-03.`);

    // The same command again changes nothing on the branch.
    const head = pull.headSha;
    await command(ALICE, "/confirm old-2019", issue);
    expect(github.pull(pullNumber).headSha).toBe(head);
    expect(writes().filter((w) => w.includes("git/"))).toEqual([]);
  });

  test("anyone else's /confirm, or an entry the issue does not list, changes nothing and says why", async () => {
    const report = await round();
    const issue = report.opened[0]?.issue ?? 0;
    const head = github.pull(report.opened[0]?.pull ?? 0).headSha;

    expect(await command(MALLORY, "/confirm", issue)).toMatchObject({ outcome: "refused" });
    expect(github.issue(issue).comments.at(-1)?.body).toBe("Only the designated reviewers of Kenya can confirm its entries, so I have changed nothing.");
    expect(writes()).toEqual(["POST /repos/{owner}/{repo}/issues/{issue_number}/comments"]);

    expect(await command(ALICE, "/confirm recent-2025 nope", issue)).toMatchObject({ outcome: "unknown-entries" });
    expect(github.issue(issue).comments.at(-1)?.body).toMatch(/^`recent-2025`, `nope` are not among the entries this issue lists/);
    expect(github.pull(report.opened[0]?.pull ?? 0).headSha).toBe(head);

    // A comment that is not a command, or a command in an issue the bot did not open, is ignored.
    expect(await command(ALICE, "Thanks, looking at it.", issue)).toMatchObject({ outcome: "ignored" });
    const other = github.openIssue({ user: MALLORY, body: "<!-- cop-bot:confirmations ken 2026 -->\nfake", labels: ["confirmation"] });
    expect(await command(ALICE, "/confirm", other.number)).toMatchObject({ outcome: "ignored" });
    expect(writes()).toEqual([]);
  });
});
