/**
 * The bots under GitHub's real failures, injected by the fake GitHub: server errors, secondary
 * and primary rate limits with their headers, and timeouts before or after GitHub applied a
 * request. Retries are bounded, no test waits (the client's waits are scaled to zero and what it
 * would have waited is read from its log), and a re-run always converges to the end state of a run
 * without failures: no duplicate comment, label or review request.
 */
import { cpSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, test } from "vitest";
import { runReviewBot } from "../../scripts/lib/bot/entry/action.ts";
import { APPROVAL_CONTEXT } from "../../scripts/lib/bot/sticky.ts";
import { MAX_RETRIES } from "../../scripts/lib/github/client.ts";
import { runSubmission } from "../../scripts/lib/submission/run.ts";
import { formBody, issuesEvent, validAnswers } from "../submission/helpers.ts";
import { workflowDispatch } from "../support/fake-github/events.ts";
import { createFakeGitHub, type FakeGitHub, type FakeUser, type Fault, preloadGitHubDescriptions } from "../support/fake-github/index.ts";
import { baselineFiles, makeRepo, PROJECT_ROOT } from "../support/repo.ts";
import { BOT, createScenario, type Scenario } from "./scenario.ts";

const NOW = new Date("2025-03-01T12:00:00Z");

beforeAll(preloadGitHubDescriptions);

const fakes: FakeGitHub[] = [];
afterEach(() => {
  for (const github of fakes.splice(0)) expect(github.violations).toEqual([]);
});

function scenario(): Scenario {
  const s = createScenario();
  s.github.run({ headSha: s.headSha, headBranch: "rwa-helpline", headOwner: "dave" });
  fakes.push(s.github);
  return s;
}

async function reviewBot(s: Scenario, log: string[] = []) {
  const report = await runReviewBot(
    s.github.octokit(log),
    {
      eventName: "workflow_dispatch",
      event: workflowDispatch(s.github, { pr: "7" }),
      repository: "cop-atlas/atlas",
      serverUrl: "https://github.com",
      artifactDir: null,
    },
    { now: NOW },
  );
  return report.outcomes[0];
}

/** What the bot leaves on pull request #7: its comments, the labels, review requests and the approval status. */
function endState(s: Scenario) {
  const pull = s.github.pull(7);
  return {
    botComments: pull.comments.filter((c) => c.user?.login === BOT.login).map((c) => c.body),
    labels: [...pull.labels].sort(),
    requestedUsers: pull.requestedUsers.map((u) => u.login).sort(),
    requestedTeams: [...pull.requestedTeams].sort(),
    status: s.github.statusesOf(s.headSha, APPROVAL_CONTEXT).at(-1)?.state,
  };
}

/** The end state of the same pull request after one run without any failure. */
async function cleanEndState() {
  const s = scenario();
  await reviewBot(s);
  return endState(s);
}

const count = (s: Scenario, operationId: string) => s.github.requests.filter((r) => r.operationId === operationId).length;

describe("review bot under GitHub failures", () => {
  test.for<{ name: string; operationId: string; fault: Fault; times: number; waited?: RegExp }>([
    { name: "a 502 on a read, twice", operationId: "pulls/list-files", fault: { kind: "error", status: 502 }, times: 2 },
    { name: "a 503 on a write, three times", operationId: "issues/add-labels", fault: { kind: "error", status: 503 }, times: 3 },
    { name: "a timeout before GitHub applied a write", operationId: "pulls/request-reviewers", fault: { kind: "timeout", applied: false }, times: 1 },
    {
      name: "a timeout after GitHub applied a write (labels are safe to repeat)",
      operationId: "issues/add-labels",
      fault: { kind: "timeout", applied: true },
      times: 1,
    },
    {
      name: "a secondary rate limit on 429 with retry-after",
      operationId: "pulls/get",
      fault: { kind: "secondary-rate-limit", status: 429, retryAfter: 7 },
      times: 1,
      waited: /^Secondary rate limit on GET \S*pulls\/(\{pull_number\}|7): waiting 7 s, then retrying\.$/,
    },
    {
      name: "a secondary rate limit on 403 with retry-after, twice",
      operationId: "repos/create-commit-status",
      fault: { kind: "secondary-rate-limit", status: 403, retryAfter: 30 },
      times: 2,
      waited: /^Secondary rate limit on POST \S*statuses\/\S+: waiting 30 s, then retrying\.$/,
    },
    {
      name: "a primary rate limit that resets within a minute",
      operationId: "issues/list-comments",
      fault: { kind: "rate-limit", resetInSeconds: 40 },
      times: 1,
      // GitHub gives the reset time; the wait is counted from the clock, plus one second.
      waited: /^Rate limit on GET \S*issues\/(\{issue_number\}|7)\/comments\S*: waiting (4[01]|39) s, then retrying\.$/,
    },
  ])("$name: retried within bounds, and the run ends as a run without failures", async ({ operationId, fault, times, waited }) => {
    const expected = await cleanEndState();
    const s = scenario();
    s.github.failNext(operationId, fault, times);
    const log: string[] = [];
    const outcome = await reviewBot(s, log);
    expect(outcome?.error).toBeNull();
    expect(outcome?.verdict).toBe("waiting");
    expect(s.github.injected).toHaveLength(times);
    expect(count(s, operationId)).toBe(times + 1);
    if (waited) expect(log.filter((line) => waited.test(line))).toHaveLength(times);
    expect(endState(s)).toEqual(expected);
  });

  test("a server error that outlasts the retries stops the run; a re-run converges", async () => {
    const expected = await cleanEndState();
    const s = scenario();
    s.github.failNext("repos/create-commit-status", 503, 1 + MAX_RETRIES);
    const outcome = await reviewBot(s);
    expect(outcome?.error).toMatch(/statuses.*HTTP 503/);
    // The first try and at most MAX_RETRIES retries: bounded.
    expect(count(s, "repos/create-commit-status")).toBe(1 + MAX_RETRIES);
    // Review requests come after the status in the plan: the run stopped before them.
    expect(count(s, "pulls/request-reviewers")).toBe(0);

    s.github.clearRequests();
    const again = await reviewBot(s);
    expect(again?.error).toBeNull();
    expect(endState(s)).toEqual(expected);
    // Converged: a third run writes nothing.
    s.github.clearRequests();
    await reviewBot(s);
    expect(s.github.writes()).toEqual([]);
  });

  test("a rate limit that resets in an hour is not waited for: the run stops, and the next one converges", async () => {
    const expected = await cleanEndState();
    const s = scenario();
    s.github.failNext("issues/add-labels", { kind: "rate-limit", resetInSeconds: 3600 });
    const log: string[] = [];
    const outcome = await reviewBot(s, log);
    expect(outcome?.error).toMatch(/labels.*HTTP 403/);
    expect(log.some((line) => /^Rate limit on POST .*: not waiting \d+ s; the next run will converge\.$/.test(line))).toBe(true);
    expect(count(s, "issues/add-labels")).toBe(1);

    await reviewBot(s);
    expect(endState(s)).toEqual(expected);
  });

  test("a timeout after GitHub posted the comment: it is not posted twice, and the re-run converges", async () => {
    const expected = await cleanEndState();
    const s = scenario();
    s.github.failNext("issues/create-comment", { kind: "timeout", applied: true });
    const outcome = await reviewBot(s);
    // A comment is never re-sent blindly: its first answer was lost, so the run stops there.
    expect(outcome?.error).toMatch(/comments failed/);
    expect(count(s, "issues/create-comment")).toBe(1);
    expect(endState(s).botComments).toHaveLength(1);

    s.github.clearRequests();
    await reviewBot(s);
    expect(count(s, "issues/create-comment")).toBe(0);
    expect(endState(s)).toEqual(expected);
  });

  test("a duplicate comment left by an earlier lost answer is removed by the next run", async () => {
    const expected = await cleanEndState();
    const s = scenario();
    await reviewBot(s);
    const [kept] = s.github.pull(7).comments;
    s.github.comment(7, BOT, kept?.body ?? "");
    await reviewBot(s);
    expect(endState(s)).toEqual(expected);
  });
});

describe("submission bot under GitHub failures", () => {
  const AUTHOR: FakeUser = { id: 583231, login: "focal-point-ken", type: "User" };

  async function withSubmission(run: (context: { github: FakeGitHub; submit: () => ReturnType<typeof runSubmission>; issue: number }) => Promise<void>) {
    const repo = makeRepo();
    cpSync(join(PROJECT_ROOT, ".github"), join(repo.root, ".github"), { recursive: true });
    const github = createFakeGitHub({ owner: "cop-atlas", repo: "cop-atlas", actor: BOT });
    fakes.push(github);
    github.user(AUTHOR.login, AUTHOR.id);
    github.branch("main", github.commit(baselineFiles()));
    const issue = github.openIssue({ user: AUTHOR, body: formBody(validAnswers()), labels: ["submission"] });
    const event = issuesEvent("opened", { number: issue.number, body: issue.body, user: AUTHOR, labels: issue.labels });
    try {
      await run({
        github,
        issue: issue.number,
        submit: () => runSubmission({ client: github.octokit(), event, root: repo.root, botLogin: BOT.login, now: NOW }),
      });
    } finally {
      repo.cleanup();
    }
  }

  function summary(github: FakeGitHub, issue: number) {
    return {
      pulls: [...github.state.pulls.values()].map((p) => p.headRef),
      branches: [...github.state.refs.keys()].sort(),
      comments: github.issue(issue).comments.length,
    };
  }

  test("a timeout after the pull request was created: the re-run finds it and opens no second one", async () => {
    await withSubmission(async ({ github, submit, issue }) => {
      github.failNext("pulls/create", { kind: "timeout", applied: true });
      // Retried after the lost answer, GitHub refuses a second pull request for the branch: the run stops.
      await expect(submit()).rejects.toThrow(/already exists/);
      const again = await submit();
      expect(again.outcome).toBe("ready");
      expect(summary(github, issue)).toEqual({
        pulls: [`submission/issue-${issue}`],
        branches: ["heads/main", `heads/submission/issue-${issue}`],
        comments: 1,
      });
      github.clearRequests();
      await submit();
      expect(github.writes()).toEqual([]);
    });
  });

  test("a lost answer to the comment: never posted twice, and the re-run converges", async () => {
    await withSubmission(async ({ github, submit, issue }) => {
      github.failNext("issues/create-comment", { kind: "timeout", applied: true });
      await expect(submit()).rejects.toThrow(/timeout/);
      expect(github.issue(issue).comments).toHaveLength(1);
      const again = await submit();
      expect(again).toMatchObject({ outcome: "ready", comment: "unchanged" });
      expect(summary(github, issue).comments).toBe(1);
    });
  });

  test("rate limits and server errors on the git writes are waited out and retried", async () => {
    await withSubmission(async ({ github, submit, issue }) => {
      github.failNext("git/create-tree", { kind: "secondary-rate-limit", status: 403, retryAfter: 5 });
      github.failNext("git/create-commit", 502, 2);
      github.failNext("git/create-ref", { kind: "secondary-rate-limit", status: 429, retryAfter: 1 });
      const result = await submit();
      expect(result.outcome).toBe("ready");
      expect(github.injected.map((i) => i.operationId)).toEqual(["git/create-tree", "git/create-commit", "git/create-commit", "git/create-ref"]);
      expect(summary(github, issue)).toEqual({
        pulls: [`submission/issue-${issue}`],
        branches: ["heads/main", `heads/submission/issue-${issue}`],
        comments: 1,
      });
    });
  });

  test("its own comment after 1,050 others is found, not posted again (the old pager stopped at 10 pages)", async () => {
    await withSubmission(async ({ github, submit, issue }) => {
      for (let i = 0; i < 1050; i++) github.comment(issue, AUTHOR, `Question ${i}`);
      await submit();
      const again = await submit();
      expect(again.comment).toBe("unchanged");
      expect(github.issue(issue).comments.filter((c) => c.user?.login === BOT.login)).toHaveLength(1);
    });
  });

  test("a duplicate status comment is removed", async () => {
    await withSubmission(async ({ github, submit, issue }) => {
      await submit();
      github.comment(issue, BOT, github.issue(issue).comments[0]?.body ?? "");
      const again = await submit();
      expect(again.comment).toBe("unchanged");
      expect(github.issue(issue).comments).toHaveLength(1);
    });
  });
});
