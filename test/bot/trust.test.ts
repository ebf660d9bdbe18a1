/**
 * The ways around the approval rules that issue 7 names, each replayed against the fake GitHub
 * end to end: the review bot reads everything through the API, exactly as in Actions, and must
 * not count an approval from anyone who took part in the change.
 */
import { cpSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { runReviewBot } from "../../scripts/lib/bot/entry/action.ts";
import { APPROVAL_CONTEXT } from "../../scripts/lib/bot/sticky.ts";
import { runSubmission } from "../../scripts/lib/submission/run.ts";
import { formBody, issuesEvent, validAnswers } from "../submission/helpers.ts";
import { workflowDispatch } from "../support/fake-github/events.ts";
import type { FakeUser } from "../support/fake-github/index.ts";
import { makeRepo, PROJECT_ROOT } from "../support/repo.ts";
import { BOT, config, type Scenario, scenarioPerTest } from "./scenario.ts";

const NOW = new Date("2025-03-01T12:00:00Z");

const scenario = scenarioPerTest();

async function review(s: Scenario, pr: number) {
  const report = await runReviewBot(
    s.github.octokit(),
    {
      eventName: "workflow_dispatch",
      event: workflowDispatch(s.github, { pr: String(pr) }),
      repository: "cop-atlas/atlas",
      serverUrl: "https://github.com",
      artifactDir: null,
    },
    { now: NOW },
  );
  const outcome = report.outcomes[0];
  if (!outcome?.facts) throw new Error(`no outcome: ${JSON.stringify(report)}`);
  return { outcome, comment: s.github.pull(pr).comments.find((c) => c.user?.login === BOT.login)?.body ?? "", head: outcome.facts.pr.headSha };
}

/**
 * A pull request as the submission bot (before this issue) made it from issue N: a branch
 * `submission/issue-N` in the repository, created and pushed by the bot, one commit written by
 * the bot, and the old hidden marker naming the submitter in the description. Validation passed.
 */
function submissionPull(s: Scenario, submitter: FakeUser): { pr: number; issue: number } {
  const issue = s.github.openIssue({ user: submitter, body: formBody(validAnswers()), labels: ["submission"] });
  const branch = `submission/issue-${issue.number}`;
  const head = s.github.commit(s.headFiles, { parents: [s.baseSha], author: BOT, message: `Add rwa/child-helpline-116\n\nCo-authored-by: ${submitter.login}` });
  s.github.branch(branch, head, BOT);
  const pull = s.github.openPull({
    user: BOT,
    headSha: head,
    headRef: branch,
    body: `<!-- cop-submission: ${JSON.stringify({ issue: issue.number, authorId: submitter.id })} -->\nThis pull request was made by the submission bot from issue #${issue.number}.`,
  });
  s.github.run({ headSha: head, headBranch: branch });
  return { pr: pull.number, issue: issue.number };
}

describe("approvals that cannot be forged (issue 7)", () => {
  test("self-approval through the pull request's description: editing the marker no longer changes who submitted", async () => {
    const s = scenario({ config: config({ autoMerge: true }) });
    const { pr, issue } = submissionPull(s, s.users.alice);
    // Anyone with write access can edit the description: here the marker is made to name someone else.
    const pull = s.github.pull(pr);
    pull.body = pull.body.replace(`"authorId":${s.users.alice.id}`, `"authorId":${s.users.mallory.id}`);
    s.github.review(pr, s.users.alice, "APPROVED");

    const { outcome, comment, head } = await review(s, pr);
    expect(outcome.verdict).toBe("waiting");
    expect(s.github.statusesOf(head, APPROVAL_CONTEXT).at(-1)?.state).toBe("pending");
    expect(s.github.state.merges).toEqual([]);
    expect(comment).toContain(`alice does not count (opened the submission issue #${issue})`);
  });

  test("an edit of someone else's submission: the editor's approval does not count", async () => {
    const s = scenario({ config: config({ autoMerge: true }) });
    const fiona = s.github.user("fiona-focal-point", 401);
    const { pr, issue } = submissionPull(s, fiona);
    // bob, a designated reviewer, rewrites the submission; the bot then rebuilt the branch (its own force-push).
    s.github.editIssue(issue, s.users.bob, formBody({ ...validAnswers(), summary: "Rewritten by bob, who will approve it." }));
    const rebuilt = s.github.commit(
      { ...s.headFiles, "countries/rwa/activities/child-helpline-116/en.md": "---\ntitle: Rewritten\nsummary: Rewritten by bob.\n---\n" },
      { parents: [s.baseSha], author: BOT },
    );
    s.github.push(pr, rebuilt, BOT, { force: true });
    s.github.run({ headSha: rebuilt, headBranch: `submission/issue-${issue}` });
    s.github.review(pr, s.users.bob, "APPROVED");

    const { outcome, comment, head } = await review(s, pr);
    expect(outcome.verdict).toBe("waiting");
    expect(s.github.statusesOf(head, APPROVAL_CONTEXT).at(-1)?.state).toBe("pending");
    expect(s.github.state.merges).toEqual([]);
    expect(comment).toContain(`bob does not count (edited the submission issue #${issue})`);
  });

  test("a reviewer who pushed to the pull request cannot approve it", async () => {
    const s = scenario({ config: config({ autoMerge: true }) });
    // alice pushes to dave's branch (a commit written by dave, rebased by her), then approves.
    const next = s.github.commit(
      { ...s.headFiles, "countries/rwa/activities/child-helpline-116/es.md": "---\ntitle: Línea\nsummary: Una línea de ayuda.\n---\n" },
      { parents: [s.headSha], author: s.users.dave },
    );
    s.github.push(7, next, s.users.alice, { force: true });
    s.github.run({ headSha: next, headBranch: "rwa-helpline", headOwner: "dave" });
    s.github.review(7, s.users.alice, "APPROVED");

    const { outcome, comment } = await review(s, 7);
    expect(outcome.verdict).toBe("waiting");
    expect(s.github.statusesOf(next, APPROVAL_CONTEXT).at(-1)?.state).toBe("pending");
    expect(s.github.state.merges).toEqual([]);
    expect(comment).toContain("alice does not count (pushed to the pull request's branch)");
    // Asking her again would be pointless: only bob is requested.
    expect(s.github.pull(7).requestedUsers.map((u) => u.login)).toEqual(["bob"]);
  });

  test("a reviewer who wrote a commit of the pull request cannot approve it", async () => {
    const s = scenario({ config: config({ autoMerge: true }) });
    // bob writes a commit (on the web, as a suggestion) that dave pushes; bob approves.
    const next = s.github.commit(
      { ...s.headFiles, "countries/rwa/activities/child-helpline-116/es.md": "---\ntitle: Línea\nsummary: Una línea de ayuda.\n---\n" },
      { parents: [s.headSha], author: s.users.bob },
    );
    s.github.push(7, next, s.users.dave);
    s.github.run({ headSha: next, headBranch: "rwa-helpline", headOwner: "dave" });
    s.github.review(7, s.users.bob, "APPROVED");

    const { outcome, comment } = await review(s, 7);
    expect(outcome.verdict).toBe("waiting");
    expect(s.github.state.merges).toEqual([]);
    expect(comment).toContain("bob does not count (authored a commit of this pull request)");
  });

  test("a designated reviewer who took no part still approves: the rules do not lock everyone out", async () => {
    const s = scenario({ config: config({ autoMerge: true }) });
    const fiona = s.github.user("fiona-focal-point", 401);
    const { pr } = submissionPull(s, fiona);
    s.github.review(pr, s.users.alice, "APPROVED");
    const { outcome, head } = await review(s, pr);
    expect(outcome.verdict).toBe("approved");
    expect(s.github.statusesOf(head, APPROVAL_CONTEXT).at(-1)?.state).toBe("success");
    expect(s.github.state.merges.map((m) => [m.number, m.sha])).toEqual([[pr, head]]);
  });
});

describe("the submission bot applies only its author's edits (issue 7)", () => {
  test("an edit by someone else rebuilds nothing, and a comment says why", async () => {
    const s = scenario();
    const repo = makeRepo();
    try {
      cpSync(join(PROJECT_ROOT, ".github"), join(repo.root, ".github"), { recursive: true });
      // The checkout of the default branch the workflow would give the bot.
      repo.write(
        "countries/rwa/country.json",
        `${JSON.stringify(
          {
            region: "africa",
            reviewers: [
              { login: "alice", id: 101 },
              { login: "bob", id: 102 },
            ],
          },
          null,
          2,
        )}\n`,
      );
      const fiona = s.github.user("fiona-focal-point", 401);
      const run = (event: Record<string, unknown>) => runSubmission({ client: s.github.octokit(), event, root: repo.root, botLogin: BOT.login, now: NOW });
      const body = formBody({ ...validAnswers(), country: "RWA" });
      const issue = s.github.openIssue({ user: fiona, body, labels: ["submission"] });
      const opened = await run(issuesEvent("opened", { number: issue.number, body, user: fiona, labels: issue.labels }, { repository: "cop-atlas/atlas" }));
      expect(opened.outcome).toBe("ready");
      const branch = `heads/submission/issue-${issue.number}`;
      const built = s.github.state.refs.get(branch);

      // bob, a reviewer, rewrites the summary; the edit event names him as its sender.
      const edited = formBody({ ...validAnswers(), country: "RWA", summary: "A summary that bob wrote in fiona's name for the tests." });
      s.github.editIssue(issue.number, s.users.bob, edited);
      s.github.clearRequests();
      const result = await run(
        issuesEvent(
          "edited",
          { number: issue.number, body: edited, user: fiona, labels: issue.labels },
          { sender: s.users.bob, repository: "cop-atlas/atlas" },
        ),
      );

      expect(result.outcome).toBe("edit-ignored");
      expect(s.github.state.refs.get(branch)).toBe(built);
      expect(s.github.writes().map((w) => w.operationId)).toEqual(["issues/update-comment"]);
      const comment = s.github.issue(issue.number).comments[0]?.body ?? "";
      expect(comment).toContain("This issue was edited by bob, who did not open it, so I have not applied the edit.");
    } finally {
      repo.cleanup();
    }
  });
});
