import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { buildReviewRelay } from "../../scripts/lib/bot/artifact/relay.ts";
import { changeVocabulary } from "../../scripts/lib/bot/changes/vocabulary.ts";
import { type ActionEnvironment, runReviewBot } from "../../scripts/lib/bot/entry/action.ts";
import { APPROVAL_CONTEXT, STATUS_MARKER } from "../../scripts/lib/bot/sticky.ts";
import { pullRequestReview, schedule, workflowDispatch, workflowRunCompleted } from "../support/fake-github/events.ts";
import type { FakeRun } from "../support/fake-github/index.ts";
import { PROJECT_ROOT } from "../support/repo.ts";
import { BOT, config, createScenario, type Scenario, scenarioPerTest, validatedRun } from "./scenario.ts";

const NOW = new Date("2025-03-01T12:00:00Z");
const FINDINGS = [
  {
    ruleId: "terminology",
    severity: "warning",
    file: "countries/rwa/activities/child-helpline-116/en.md",
    line: 9,
    column: 12,
    message: "Prefer “child sexual abuse material”.",
  },
];

// Every request any test sent matched GitHub's description, and so did every response.
const scenario = scenarioPerTest();

/** The validate run of the scenario's head, and the artifact its job would upload. */
const validated = (s: Scenario, findings: unknown[] = FINDINGS, headSha = s.headSha) => validatedRun(s, findings, headSha);

async function bot(s: Scenario, eventName: string, event: unknown, artifactDir: string | null = null) {
  const env: ActionEnvironment = { eventName, event, repository: "cop-atlas/atlas", serverUrl: "https://github.com", artifactDir };
  s.github.clearRequests();
  const client = s.github.octokit();
  return runReviewBot(client, env, { now: NOW });
}

const writes = (s: Scenario) => s.github.writes().map((w) => `${w.method} ${w.route}`);

describe("review bot end to end (fake GitHub)", () => {
  test("workflow_run after Validate on a fork PR: labels, comment, status, review requests; a second run writes nothing", async () => {
    const s = scenario();
    const { run, dir } = validated(s);
    const event = workflowRunCompleted(s.github, run);
    expect((event.workflow_run as { pull_requests: unknown[] }).pull_requests).toEqual([]);

    const report = await bot(s, "workflow_run", event, dir);
    expect(report.outcomes.map((o) => [o.number, o.verdict, o.error])).toEqual([[7, "waiting", null]]);
    expect(writes(s)).toEqual([
      "POST /repos/{owner}/{repo}/issues/{issue_number}/comments",
      "POST /repos/{owner}/{repo}/issues/{issue_number}/labels",
      "POST /repos/{owner}/{repo}/statuses/{sha}",
      "POST /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers",
    ]);
    const pull = s.github.pull(7);
    expect(pull.labels.sort()).toEqual(["country:rwa", "lang:en", "lang:fr", "new", "region:africa"]);
    expect(pull.requestedUsers.map((u) => u.login)).toEqual(["alice", "bob"]);
    expect(s.github.statusesOf(s.headSha, APPROVAL_CONTEXT)).toEqual([{ state: "pending", description: "Waiting for approval: rwa", creator: BOT.login }]);
    expect(pull.comments).toHaveLength(1);
    expect(pull.comments[0]?.body.startsWith(STATUS_MARKER)).toBe(true);
    await expect(pull.comments[0]?.body).toMatchFileSnapshot("../fixtures/bot/comment-waiting.md");

    await bot(s, "workflow_run", event, dir);
    expect(s.github.writes()).toEqual([]);
  });

  test("an approval, picked up by the sweep: status success, comment updated; the next sweep writes nothing", async () => {
    const s = scenario();
    const { run, dir } = validated(s);
    await bot(s, "workflow_run", workflowRunCompleted(s.github, run), dir);
    s.github.review(7, s.users.alice, "APPROVED");

    const report = await bot(s, "schedule", schedule());
    expect(report.outcomes.map((o) => [o.number, o.verdict])).toEqual([[7, "approved"]]);
    expect(writes(s)).toEqual(["PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}", "POST /repos/{owner}/{repo}/statuses/{sha}"]);
    expect(s.github.statusesOf(s.headSha, APPROVAL_CONTEXT).at(-1)?.state).toBe("success");
    const body = s.github.pull(7).comments[0]?.body ?? "";
    expect(body).toMatch(/approved by alice/);
    // The findings came from the artifact in the first run; the sweep had none and kept them.
    expect(body).toMatch(/child sexual abuse material/);

    await bot(s, "schedule", schedule());
    expect(s.github.writes()).toEqual([]);
  });

  test("auto-merge on: squash-merged at the evaluated head with approver trailers; then left alone", async () => {
    const s = scenario({ config: config({ autoMerge: true }) });
    const { run, dir } = validated(s, []);
    s.github.review(7, s.users.bob, "APPROVED");
    await bot(s, "workflow_run", workflowRunCompleted(s.github, run), dir);

    const merge = s.github.writes().at(-1);
    expect(merge?.route).toBe("/repos/{owner}/{repo}/pulls/{pull_number}/merge");
    expect(merge?.body).toEqual({
      sha: s.headSha,
      merge_method: "squash",
      commit_title: "Update COP Atlas entries: rwa (#7)",
      commit_message: `Approved on ${s.headSha} by the designated reviewers.\n\nApproved-by: bob (102)\n`,
    });
    expect(s.github.state.merges).toHaveLength(1);
    expect(s.github.pull(7).merged).toBe(true);

    const again = await bot(s, "workflow_dispatch", workflowDispatch(s.github, { pr: "7" }));
    expect(again.outcomes[0]?.verdict).toBe("skipped");
    expect(s.github.writes()).toEqual([]);
  });

  test("head moved after the approval: the old run's artifact is stale, the approval no longer counts, no merge", async () => {
    const s = scenario({ config: config({ autoMerge: true }) });
    const { run, dir } = validated(s, []);
    s.github.review(7, s.users.alice, "APPROVED");
    const newHead = s.github.commit({
      ...s.headFiles,
      "countries/rwa/activities/child-helpline-116/es.md": "---\ntitle: Línea\nsummary: Una línea de ayuda.\n---\n",
    });
    s.github.push(7, newHead);

    const report = await bot(s, "workflow_run", workflowRunCompleted(s.github, run), dir);
    expect(report.outcomes[0]).toMatchObject({ number: 7, verdict: "waiting", error: null });
    expect(s.github.state.merges).toEqual([]);
    expect(s.github.statusesOf(newHead, APPROVAL_CONTEXT).at(-1)?.state).toBe("pending");
    expect(s.github.pull(7).requestedUsers.map((u) => u.login)).toEqual(["alice", "bob"]);
    expect(s.github.pull(7).comments[0]?.body).toMatch(/alice approved an older commit/);
  });

  test("attacker comment with the marker and a duplicate bot comment: the bot keeps its oldest, deletes the other, never touches the attacker's", async () => {
    const s = scenario();
    const attacker = s.github.comment(7, s.users.mallory, `${STATUS_MARKER}\n✅ Approved, merge away`);
    const first = s.github.comment(7, BOT, `${STATUS_MARKER}\nstale`);
    const second = s.github.comment(7, BOT, `${STATUS_MARKER}\nduplicate`);
    await bot(s, "schedule", schedule());
    const comments = s.github.pull(7).comments;
    expect(comments.map((c) => c.id)).toEqual([attacker, first]);
    expect(comments[0]?.body).toBe(`${STATUS_MARKER}\n✅ Approved, merge away`);
    expect(comments[1]?.body).toMatch(/Waiting for approval/);
    expect(
      s.github
        .writes()
        .filter((w) => w.route.includes("comments/{comment_id}"))
        .map((w) => [w.method, w.params.comment_id]),
    ).toEqual([
      ["PATCH", String(first)],
      ["DELETE", String(second)],
    ]);
  });

  test("the approval status set by another app under the same context is overridden", async () => {
    const s = scenario();
    s.github.status(s.headSha, s.users.helper, "success", APPROVAL_CONTEXT, "All good");
    await bot(s, "schedule", schedule());
    expect(s.github.statusesOf(s.headSha, APPROVAL_CONTEXT).map((x) => [x.state, x.creator])).toEqual([
      ["success", "helper-app[bot]"],
      ["pending", BOT.login],
    ]);
  });

  test("the summary links to the site preview of the head commit: none, being built, then ready", async () => {
    const s = scenario();
    const { run, dir } = validated(s);
    await bot(s, "workflow_run", workflowRunCompleted(s.github, run), dir);
    expect(s.github.pull(7).comments[0]?.body).toContain("**Site preview:** none for this commit yet");

    const preview = s.github.run({
      headSha: s.headSha,
      name: "Site preview",
      path: ".github/workflows/pr-site.yml",
      headBranch: "rwa-helpline",
      headOwner: "dave",
      status: "in_progress",
      conclusion: null,
    });
    const link = `https://github.com/cop-atlas/atlas/actions/runs/${preview.id}`;
    await bot(s, "schedule", schedule());
    expect(s.github.pull(7).comments[0]?.body).toContain(`**Site preview:** [being built](${link})`);

    preview.status = "completed";
    preview.conclusion = "success";
    await bot(s, "schedule", schedule());
    const body = s.github.pull(7).comments[0]?.body ?? "";
    expect(body).toContain(`**Site preview:** [download the site of this commit](${link}) (the \`site-preview\` artifact)`);
    // The findings of the Validate run are kept.
    expect(body).toMatch(/child sexual abuse material/);
    expect(writes(s)).toEqual(["PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}"]);
  });

  test("same check name from another workflow: not a validation, no merge", async () => {
    const s = scenario({ config: config({ autoMerge: true }) });
    s.github.run({ headSha: s.headSha, name: "Validate", path: ".github/workflows/lookalike.yml" });
    s.github.review(7, s.users.alice, "APPROVED");
    const report = await bot(s, "schedule", schedule());
    expect(report.outcomes[0]?.verdict).toBe("approved");
    expect(s.github.state.merges).toEqual([]);
    expect(s.github.pull(7).comments[0]?.body).toMatch(/No validation run for the latest commit yet/);
  });

  test("an API error that outlasts the retries fails closed; once the API answers again, the bot recovers", async () => {
    const s = scenario();
    s.github.review(7, s.users.alice, "APPROVED");
    // The first try and its three retries all fail.
    s.github.failNext("pulls/list-reviews", 502, 4);
    const failed = await bot(s, "schedule", schedule());
    expect(failed.outcomes[0]?.verdict).toBe("needs-human");
    expect(s.github.pull(7).labels).toContain("bot-needs-human");
    expect(s.github.statusesOf(s.headSha, APPROVAL_CONTEXT).at(-1)?.state).toBe("failure");

    const recovered = await bot(s, "schedule", schedule());
    expect(recovered.outcomes[0]?.verdict).toBe("approved");
    expect(s.github.pull(7).labels).not.toContain("bot-needs-human");
    expect(s.github.statusesOf(s.headSha, APPROVAL_CONTEXT).at(-1)?.state).toBe("success");
  });

  test("more files than the files API lists (3000): fails closed", async () => {
    const s = scenario();
    const pull = s.github.pull(7);
    pull.files = Array.from({ length: 3200 }, (_, i) => ({ filename: `countries/rwa/activities/entry-${i}/en.md`, status: "added" as const }));
    s.github.review(7, s.users.alice, "APPROVED");
    const report = await bot(s, "workflow_dispatch", workflowDispatch(s.github, { pr: "7" }));
    expect(report.outcomes[0]?.verdict).toBe("needs-human");
    expect(s.github.requests.filter((r) => r.operationId === "pulls/list-files")).toHaveLength(30);
  });

  test("a refused artifact fails closed and says why", async () => {
    const s = scenario();
    const { run } = validated(s);
    const dir = mkdtempSync(join(tmpdir(), "cop-e2e-"));
    writeFileSync(join(dir, "result.json"), JSON.stringify({ schemaVersion: 1, headSha: s.headSha, prNumber: "7", findings: [] }));
    const report = await bot(s, "workflow_run", workflowRunCompleted(s.github, run), dir);
    expect(report.outcomes[0]?.verdict).toBe("needs-human");
    expect(s.github.pull(7).comments[0]?.body).toMatch(/validation artifact was refused/);
  });

  test("Validate runs on pushes to main are not about a pull request", async () => {
    const s = scenario();
    const run = s.github.run({ headSha: s.baseSha, event: "push", headBranch: "main" });
    const report = await bot(s, "workflow_run", workflowRunCompleted(s.github, run));
    expect(report.outcomes).toEqual([]);
    expect(s.github.writes()).toEqual([]);
  });

  test("a governance change: labelled, the secretariat team requested, never merged", async () => {
    const s = scenario({
      config: config({ autoMerge: true }),
      headFiles: (head) => ({ ...head, "countries/rwa/country.json": JSON.stringify({ region: "africa", reviewers: [{ login: "mallory", id: 666 }] }) }),
    });
    s.github.review(7, s.users.mallory, "APPROVED");
    s.github.review(7, s.users.alice, "APPROVED");
    await bot(s, "schedule", schedule());
    const pull = s.github.pull(7);
    expect(pull.labels).toContain("governance");
    expect(pull.requestedTeams).toEqual(["secretariat"]);
    expect(s.github.statusesOf(s.headSha, APPROVAL_CONTEXT).at(-1)?.state).toBe("pending");

    s.github.review(7, s.users.sam, "APPROVED");
    await bot(s, "schedule", schedule());
    expect(s.github.statusesOf(s.headSha, APPROVAL_CONTEXT).at(-1)?.state).toBe("success");
    expect(s.github.state.merges).toEqual([]);
  });
});

describe("reviews reach the bot in minutes, through the relay", () => {
  /** The relay run of a review on the scenario's pull request, and the artifact its job would upload. */
  function relayed(s: Scenario, overrides: { headSha?: string; path?: string; artifactSha?: string } = {}): { run: FakeRun; dir: string } {
    const headSha = overrides.headSha ?? s.headSha;
    const run = s.github.run({
      headSha,
      name: "Review relay",
      path: overrides.path ?? ".github/workflows/review-relay.yml",
      event: "pull_request_review",
      headBranch: "rwa-helpline",
      headOwner: "dave",
    });
    const built = buildReviewRelay(pullRequestReview(s.github, { ...s.github.pull(7), headSha: overrides.artifactSha ?? headSha }));
    if (!built.ok) throw new Error(built.error);
    const dir = mkdtempSync(join(tmpdir(), "cop-relay-"));
    writeFileSync(join(dir, "result.json"), JSON.stringify(built.relay));
    return { run, dir };
  }

  test("an approval on the head commit turns the status green in one relay run, without the sweep", async () => {
    const s = scenario();
    const { run, dir } = validated(s);
    await bot(s, "workflow_run", workflowRunCompleted(s.github, run), dir);
    expect(s.github.statusesOf(s.headSha, APPROVAL_CONTEXT).at(-1)?.state).toBe("pending");

    s.github.review(7, s.users.alice, "APPROVED");
    const relay = relayed(s);
    const report = await bot(s, "workflow_run", workflowRunCompleted(s.github, relay.run), relay.dir);
    expect(report.outcomes.map((o) => [o.number, o.verdict, o.error])).toEqual([[7, "approved", null]]);
    expect(s.github.statusesOf(s.headSha, APPROVAL_CONTEXT).at(-1)?.state).toBe("success");
    const body = s.github.pull(7).comments[0]?.body ?? "";
    expect(body).toMatch(/approved by alice/);
    // The validation findings were kept from the Validate run, as in the sweep.
    expect(body).toMatch(/child sexual abuse material/);

    await bot(s, "workflow_run", workflowRunCompleted(s.github, relay.run), relay.dir);
    expect(s.github.writes()).toEqual([]);
  });

  test("a dismissed approval is relayed too: the status goes back to pending", async () => {
    const s = scenario();
    const { run, dir } = validated(s);
    const approval = s.github.review(7, s.users.alice, "APPROVED");
    await bot(s, "workflow_run", workflowRunCompleted(s.github, run), dir);
    expect(s.github.statusesOf(s.headSha, APPROVAL_CONTEXT).at(-1)?.state).toBe("success");
    approval.state = "DISMISSED";
    const relay = relayed(s);
    await bot(s, "workflow_run", workflowRunCompleted(s.github, relay.run), relay.dir);
    expect(s.github.statusesOf(s.headSha, APPROVAL_CONTEXT).at(-1)?.state).toBe("pending");
  });

  test.for([
    ["from another workflow file", { path: ".github/workflows/other.yml" }, "the run is not of the expected relay workflow"],
    ["naming another commit than its run's", { artifactSha: "f".repeat(40) }, "its head commit is not the run's"],
  ] as const)("a relay %s is refused, and nothing is written", async ([, overrides, reason]) => {
    const s = scenario();
    s.github.review(7, s.users.alice, "APPROVED");
    const relay = relayed(s, overrides);
    const report = await bot(s, "workflow_run", workflowRunCompleted(s.github, relay.run), relay.dir);
    expect(report.outcomes).toEqual([]);
    expect(report.notes).toEqual([`The review relay was refused: ${reason}.`]);
    expect(s.github.writes()).toEqual([]);
  });

  test("a relay for a commit the pull request has moved past reviews nothing: the new commit's validation will", async () => {
    const s = scenario();
    const old = s.headSha;
    const newHead = s.github.commit({
      ...s.headFiles,
      "countries/rwa/activities/child-helpline-116/es.md": "---\ntitle: Línea\nsummary: Una línea de ayuda.\n---\n",
    });
    s.github.push(7, newHead);
    const relay = relayed(s, { headSha: old });
    const report = await bot(s, "workflow_run", workflowRunCompleted(s.github, relay.run), relay.dir);
    expect(report.outcomes).toEqual([]);
    expect(report.notes[0]).toContain("has new commits since the review");
    expect(s.github.writes()).toEqual([]);
  });
});

describe("the comment shows what changed in each entry", () => {
  test("a pull request that changes a topic, a date and a link shows exactly those three changes", async () => {
    const dir = "countries/rwa/activities/national-cop-policy-2019";
    const facts = (topic: string, start: string, news: string) =>
      JSON.stringify({
        kind: "activity",
        type: "policy-strategy",
        start,
        topics: ["cyberbullying", topic],
        links: [
          { url: "https://example.org/policy", type: "official" },
          { url: news, type: "news" },
        ],
        originalLanguage: "en",
      });
    const s = scenario({
      baseFiles: (base) => ({ ...base, [`${dir}/activity.json`]: facts("grooming", "2019-07", "https://example.org/launch") }),
      headFiles: (head) => ({ ...head, [`${dir}/activity.json`]: facts("sexual-extortion", "2019-08", "https://example.org/launch-2019") }),
    });
    const { run, dir: artifact } = validated(s);
    const env: ActionEnvironment = {
      eventName: "workflow_run",
      event: workflowRunCompleted(s.github, run),
      repository: "cop-atlas/atlas",
      serverUrl: "https://github.com",
      artifactDir: artifact,
    };
    await runReviewBot(s.github.octokit(), env, { now: NOW, describe: changeVocabulary(PROJECT_ROOT) });
    const body = s.github.pull(7).comments[0]?.body ?? "";
    const lines = body.split("\n");
    const at = lines.findIndex((line) => line.includes("**modified** national-cop-policy-2019"));
    expect(at).toBeGreaterThan(0);
    const described: string[] = [];
    for (const line of lines.slice(at + 1)) {
      if (!line.startsWith("  - ") || /^ {2}- [a-z]{2}: /.test(line)) break;
      described.push(line);
    }
    expect(described).toEqual([
      "  - start: “2019-07” → “2019-08”",
      "  - topics: removed “Grooming &#40;grooming&#41;”; added “Sexual extortion &#40;sexual-extortion&#41;”",
      // The link changed address: a source removed and one added. (The word joiner keeps GitHub from linking it.)
      "  - sources added: https:\u2060//example.org/launch-2019 (News coverage)",
      "  - sources removed: https:\u2060//example.org/launch (News coverage)",
    ]);
  });
});

describe("the fake GitHub checks requests against GitHub's description", () => {
  test("a wrong body, an unknown parameter and an unknown route are violations", async () => {
    const s = createScenario();
    const octokit = s.github.octokit();
    await expect(
      octokit.request("POST /repos/{owner}/{repo}/statuses/{sha}", { owner: "cop-atlas", repo: "atlas", sha: s.headSha, state: "green" as "success" }),
    ).rejects.toMatchObject({ status: 422 });
    await expect(octokit.request("GET /repos/{owner}/{repo}/pulls", { owner: "cop-atlas", repo: "atlas", colour: "blue" })).rejects.toMatchObject({
      status: 422,
    });
    await expect(octokit.request("GET /repos/{owner}/{repo}/not-a-route", { owner: "cop-atlas", repo: "atlas" })).rejects.toMatchObject({ status: 404 });
    expect(s.github.violations).toHaveLength(3);
    expect(s.github.violations[0]).toMatch(/body \/state must be equal to one of the allowed values/);
    expect(s.github.violations[1]).toMatch(/unknown query parameter colour/);
  });

  test("the fake refuses any host but api.github.com", async () => {
    const s = createScenario();
    await expect(s.github.fetch("https://evil.example/x")).rejects.toThrow(/refused/);
  });
});
