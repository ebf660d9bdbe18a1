import { beforeAll, describe, expect, test } from "vitest";
import { parseBotConfig } from "../../scripts/lib/bot/config.ts";
import { decideReminder, type ReminderFacts, renderReminder } from "../../scripts/lib/bot/reminders/decide.ts";
import { INACTIVE_LABEL } from "../../scripts/lib/bot/reminders/labels.ts";
import { runReminders } from "../../scripts/lib/bot/reminders/run.ts";
import { submissionBranch } from "../../scripts/lib/bot/submission.ts";
import { preloadGitHubDescriptions } from "../support/fake-github/index.ts";
import { BOT, config, createScenario, type Scenario } from "./scenario.ts";

const SETTINGS = { remindAfterDays: 7, escalateAfterDays: 21, closeAfterDays: 60 };
const SECRETARIAT = { mention: "@cop-atlas/secretariat", teamSlug: "secretariat" };
const OPENED = "2025-03-01T09:00:00Z";
const DAY = 86_400_000;

/** A moment `days` (fractions allowed) after the pull request was opened. */
const dayAfter = (days: number) => new Date(Date.parse(OPENED) + days * DAY);
const iso = (days: number) => dayAfter(days).toISOString();

function facts(overrides: Partial<ReminderFacts> = {}): ReminderFacts {
  return {
    number: 7,
    draft: false,
    author: "dave",
    createdAt: OPENED,
    lastCommitAt: OPENED,
    reviews: [],
    lastHumanCommentAt: null,
    requestedReviewers: ["alice", "bob"],
    requestedTeams: [],
    submissionIssue: null,
    reminders: [],
    ...overrides,
  };
}

describe("decideReminder (pure)", () => {
  test.for([
    ["active: six quiet days", facts(), 6.9, null],
    ["a week without review reminds the requested reviewers", facts(), 7, "remind-reviewers @alice @bob"],
    ["reminded two days ago: nothing more in this period", facts({ reminders: [{ kind: "remind-reviewers", at: iso(7) }] }), 9, null],
    ["a period after the reminder: the next one", facts({ reminders: [{ kind: "remind-reviewers", at: iso(7) }] }), 14, "remind-reviewers @alice @bob"],
    [
      "three weeks: the secretariat, once",
      facts({
        reminders: [
          { kind: "remind-reviewers", at: iso(7) },
          { kind: "remind-reviewers", at: iso(14) },
        ],
      }),
      21,
      "escalate @cop-atlas/secretariat",
    ],
    [
      "escalated a day ago: nothing, and no second escalation",
      facts({
        reminders: [
          { kind: "remind-reviewers", at: iso(14) },
          { kind: "escalate", at: iso(21) },
        ],
      }),
      22,
      null,
    ],
    ["a comment by a person starts the count again", facts({ lastHumanCommentAt: iso(5) }), 11, null],
    ["nobody requested: no one to remind by name before the escalation", facts({ requestedReviewers: [] }), 8, null],
    ["a draft is left alone", facts({ draft: true }), 40, null],
    [
      "changes asked and nothing pushed since: the author is reminded",
      facts({ reviews: [{ login: "alice", state: "CHANGES_REQUESTED", at: iso(1) }] }),
      8,
      "remind-author @dave",
    ],
    [
      "a push after the change request: the reviewers again",
      facts({ reviews: [{ login: "alice", state: "CHANGES_REQUESTED", at: iso(1) }], lastCommitAt: iso(2) }),
      9,
      "remind-reviewers @alice @bob",
    ],
    [
      "a submission waiting on its submitter for sixty days is closed",
      facts({ submissionIssue: 12, reviews: [{ login: "alice", state: "CHANGES_REQUESTED", at: iso(0) }] }),
      60,
      "close @dave",
    ],
    [
      "a submission waiting on reviewers is never closed",
      facts({ submissionIssue: 12, reminders: [{ kind: "escalate", at: iso(21) }] }),
      90,
      "remind-reviewers @alice @bob",
    ],
    [
      "a contributor's own pull request waiting on its author is reminded, not closed",
      facts({ reviews: [{ login: "alice", state: "CHANGES_REQUESTED", at: iso(0) }], reminders: [{ kind: "remind-author", at: iso(50) }] }),
      61,
      "remind-author @dave",
    ],
  ] as const)("%s", ([, given, days, expected]) => {
    const action = decideReminder(given, SETTINGS, SECRETARIAT, dayAfter(days));
    expect(action ? `${action.kind} ${action.mentions.join(" ")}` : null).toBe(expected);
  });

  test("a pull request by a bot waiting on its author: nobody to remind by name, so no reminder", () => {
    const given = facts({ author: "helper-app[bot]", reviews: [{ login: "alice", state: "CHANGES_REQUESTED", at: iso(1) }] });
    expect(decideReminder(given, SETTINGS, SECRETARIAT, dayAfter(9))).toBeNull();
  });

  test("a mention is made only of what looks like a GitHub login", () => {
    const action = decideReminder(facts({ requestedReviewers: ["alice", "x](https://evil.example)", ""] }), SETTINGS, SECRETARIAT, dayAfter(7));
    expect(action?.mentions).toEqual(["@alice"]);
  });

  test("the closing note says the issue stays open and how to resume", () => {
    const action = decideReminder(
      facts({ submissionIssue: 12, reviews: [{ login: "alice", state: "CHANGES_REQUESTED", at: iso(0) }] }),
      SETTINGS,
      SECRETARIAT,
      dayAfter(61),
    );
    expect(action).not.toBeNull();
    const text = renderReminder(action as NonNullable<typeof action>, SETTINGS);
    expect(text).toMatch(/^<!-- cop-bot:reminder close -->\n@dave: thank you/);
    expect(text).toContain("Issue #12 stays open: whenever you are ready, edit it with the changes, and I reopen this pull request");
  });
});

describe("the reminder settings in .github/cop-atlas.json", () => {
  test("are read, and refused (with the defaults kept) when out of order", () => {
    const read = (reminders: unknown) => parseBotConfig(config({ reminders }));
    expect(read({ remindAfterDays: 3, escalateAfterDays: 10, closeAfterDays: 30 })).toMatchObject({
      reminders: { remindAfterDays: 3, escalateAfterDays: 10, closeAfterDays: 30 },
      problems: [],
    });
    const wrong = read({ remindAfterDays: 30, escalateAfterDays: 10, closeAfterDays: 60 });
    expect(wrong.reminders).toEqual(SETTINGS);
    expect(wrong.problems).toEqual([expect.stringContaining("remindAfterDays < escalateAfterDays < closeAfterDays")]);
    expect(read({ remindAfterDays: 0, escalateAfterDays: 10, closeAfterDays: 60 }).problems).toEqual([expect.stringContaining("reminders/remindAfterDays")]);
  });
});

describe("reminders end to end (fake GitHub)", () => {
  beforeAll(preloadGitHubDescriptions);

  /** Moves the fake's clock to `days` after the opening: what GitHub stamps on the bot's comments. */
  function at(s: Scenario, days: number): Date {
    const now = dayAfter(days);
    s.github.state.clock = now.getTime();
    return now;
  }

  async function run(s: Scenario, days: number) {
    const now = at(s, days);
    s.github.clearRequests();
    const report = await runReminders(s.github.octokit(), { repo: { owner: "cop-atlas", repo: "atlas", serverUrl: "https://github.com" }, now });
    expect(report.errors).toEqual([]);
    // Every request and every response matched GitHub's description.
    expect(s.github.violations).toEqual([]);
    return { report, writes: s.github.writes().map((w) => `${w.method} ${w.route}`) };
  }

  function quietScenario(): Scenario {
    const s = createScenario();
    s.github.state.clock = Date.parse(OPENED);
    s.github.pull(7).createdAt = OPENED;
    s.github.pull(7).requestedUsers = [s.users.alice, s.users.bob];
    for (const commit of s.github.state.commits.values()) commit.date = OPENED;
    return s;
  }

  test("reminds once per period, escalates once, and a second run the same day writes nothing", async () => {
    const s = quietScenario();
    expect((await run(s, 3)).writes).toEqual([]);

    const first = await run(s, 7.5);
    expect(first.writes).toEqual(["POST /repos/{owner}/{repo}/issues/{issue_number}/comments"]);
    expect(s.github.pull(7).comments.at(-1)?.body).toMatch(/^<!-- cop-bot:reminder remind-reviewers -->\n@alice, @bob: this pull request has been waiting/);
    expect((await run(s, 7.6)).writes).toEqual([]);
    expect((await run(s, 13)).writes).toEqual([]);
    expect((await run(s, 14.6)).writes).toEqual(["POST /repos/{owner}/{repo}/issues/{issue_number}/comments"]);

    const escalation = await run(s, 21.5);
    expect(escalation.writes).toEqual([
      "POST /repos/{owner}/{repo}/issues/{issue_number}/comments",
      "POST /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers",
    ]);
    expect(s.github.pull(7).requestedTeams).toEqual(["secretariat"]);
    expect(s.github.pull(7).comments.at(-1)?.body).toContain("@cop-atlas/secretariat: nothing has happened on this pull request for 21 days");
    expect((await run(s, 21.6)).writes).toEqual([]);

    // Anyone's comment is activity: the count starts again.
    s.github.comment(7, s.users.alice, "Looking at it this week.");
    expect((await run(s, 25)).writes).toEqual([]);
    expect(s.github.pull(7).comments.filter((c) => c.user?.login === BOT.login)).toHaveLength(3);
  });

  test("a comment carrying the marker from anyone but the bot does not count as a reminder", async () => {
    const s = quietScenario();
    s.github.comment(7, s.users.mallory, "<!-- cop-bot:reminder remind-reviewers -->\nfake");
    // Mallory's comment is activity on day 0; on day 8 the bot still reminds.
    expect((await run(s, 8)).writes).toEqual(["POST /repos/{owner}/{repo}/issues/{issue_number}/comments"]);
  });

  test("an abandoned submission is closed with a note, labelled, and its issue stays open", async () => {
    const s = quietScenario();
    const issue = s.github.openIssue({ user: s.users.dave, title: "New activity", labels: ["submission"] });
    const pull = s.github.pull(7);
    pull.headRef = submissionBranch(issue.number);
    pull.headOwner = "cop-atlas";
    // The submission bot opened the pull request; the submitter is whoever opened the issue.
    pull.user = BOT;
    s.github.state.clock = Date.parse(OPENED) + DAY;
    s.github.review(7, s.users.alice, "CHANGES_REQUESTED");

    expect((await run(s, 8.5)).report.actions.map((a) => a.kind)).toEqual(["remind-author"]);
    const closing = await run(s, 61.5);
    expect(closing.writes).toEqual([
      "POST /repos/{owner}/{repo}/issues/{issue_number}/comments",
      "POST /repos/{owner}/{repo}/issues/{issue_number}/labels",
      "PATCH /repos/{owner}/{repo}/pulls/{pull_number}",
    ]);
    expect(pull.state).toBe("closed");
    expect(pull.labels).toContain(INACTIVE_LABEL);
    expect(pull.comments.at(-1)?.body).toContain(`Issue #${issue.number} stays open`);
    expect(pull.comments.at(-1)?.body).toMatch(/^<!-- cop-bot:reminder close -->\n@dave: thank you for this submission/);
    expect(pull.comments.filter((c) => c.body.startsWith("<!-- cop-bot:reminder remind-author -->\n@dave: a reviewer asked for changes"))).toHaveLength(1);
    expect(s.github.issue(issue.number).state).toBe("open");
    // Closed pull requests are not listed again.
    expect((await run(s, 62)).writes).toEqual([]);
  });

  test("a dry run decides without writing", async () => {
    const s = quietScenario();
    at(s, 8);
    s.github.clearRequests();
    const report = await runReminders(s.github.octokit(), {
      repo: { owner: "cop-atlas", repo: "atlas", serverUrl: "https://github.com" },
      now: dayAfter(8),
      dryRun: true,
    });
    expect(report.actions.map((a) => a.kind)).toEqual(["remind-reviewers"]);
    expect(s.github.writes()).toEqual([]);
    expect(s.github.violations).toEqual([]);
  });
});
