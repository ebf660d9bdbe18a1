import { describe, expect, test } from "vitest";
import { planRequests } from "../../scripts/lib/bot/plan/plan-requests.ts";
import { computeActions } from "../../scripts/lib/bot/policy/compute-actions.ts";
import { decide } from "../../scripts/lib/bot/policy/decide.ts";
import { decodeCarriedState, encodeCarriedState, STATE_BUDGET } from "../../scripts/lib/bot/render/state.ts";
import { STATUS_MARKER } from "../../scripts/lib/bot/sticky.ts";
import type { BotConfig, PrFacts } from "../../scripts/lib/bot/types.ts";
import { renderMessage } from "../../scripts/lib/i18n/messages.ts";
import {
  alice,
  asSubmission,
  bob,
  bot,
  carol,
  dave,
  HEAD,
  makeConfig,
  makeFacts,
  mallory,
  OLD_HEAD,
  review,
  sam,
  sockPuppet,
  validationRun,
  withEuEntry,
} from "./facts-builder.ts";

const NOW = new Date("2025-03-01T12:00:00Z");

interface PolicyCase {
  name: string;
  facts: PrFacts;
  config?: BotConfig;
  verdict: string;
  status: "success" | "pending" | "failure";
  labels?: { has?: string[]; not?: string[] };
  /** Logins the bot wants to have a review request. */
  reviewers?: string[];
  teams?: string[];
  merge?: boolean;
  reason?: RegExp;
}

const autoMerge = makeConfig({ autoMerge: true });

const cases: PolicyCase[] = [
  {
    name: "no reviews yet: waiting, both designated reviewers requested",
    facts: makeFacts(),
    verdict: "waiting",
    status: "pending",
    labels: { has: ["country:rwa", "region:africa", "new", "lang:en", "lang:fr"], not: ["governance", "bot-needs-human"] },
    reviewers: ["alice", "bob"],
  },
  {
    name: "a designated reviewer approved the head commit: approved",
    facts: makeFacts((f) => f.reviews.push(review(alice, "APPROVED"))),
    verdict: "approved",
    status: "success",
    reviewers: [],
  },
  {
    name: "stale approval (an older commit) does not count, and the reviewer is asked again",
    facts: makeFacts((f) => f.reviews.push(review(alice, "APPROVED", OLD_HEAD))),
    verdict: "waiting",
    status: "pending",
    reviewers: ["alice", "bob"],
  },
  {
    name: "self-approval: the author's own approval does not count",
    facts: makeFacts((f) => {
      f.pr.author = alice;
      f.reviews.push(review(alice, "APPROVED"));
    }),
    verdict: "waiting",
    status: "pending",
    reviewers: ["bob"],
  },
  {
    name: "bot approval does not count, even when the bot account is designated",
    facts: makeFacts((f) => {
      const profile = f.profiles["country:rwa"];
      if (profile?.base.status === "ok") profile.base.reviewers.push({ login: "helper-app", id: 555 });
      f.reviews.push(review({ id: 555, login: "helper-app[bot]", type: "Bot" }, "APPROVED"));
    }),
    verdict: "waiting",
    status: "pending",
  },
  {
    name: "renamed login: matched by numeric id, and requests go to the new login",
    facts: makeFacts((f) => {
      f.accounts[101] = "alice-renamed";
      f.reviews.push(review({ id: 101, login: "alice-renamed", type: "User" }, "APPROVED"));
    }),
    verdict: "approved",
    status: "success",
  },
  {
    name: "renamed login, not yet reviewed: the request uses the current login",
    facts: makeFacts((f) => {
      f.accounts[101] = "alice-renamed";
    }),
    verdict: "waiting",
    status: "pending",
    reviewers: ["alice-renamed", "bob"],
  },
  {
    name: "another account that took the old login does not count",
    facts: makeFacts((f) => f.reviews.push(review({ id: 999, login: "alice", type: "User" }, "APPROVED"))),
    verdict: "waiting",
    status: "pending",
  },
  {
    name: "two units, one approved: waiting, only the other's reviewer requested",
    facts: makeFacts((f) => {
      withEuEntry(f);
      f.reviews.push(review(alice, "APPROVED"));
    }),
    verdict: "waiting",
    status: "pending",
    labels: { has: ["country:rwa", "org:eu", "region:africa", "region:europe", "new", "update"] },
    reviewers: ["carol"],
  },
  {
    name: "two units, both approved: approved",
    facts: makeFacts((f) => {
      withEuEntry(f);
      f.reviews.push(review(alice, "APPROVED"), review(carol, "APPROVED"));
    }),
    verdict: "approved",
    status: "success",
  },
  {
    name: "a reviewer of one unit cannot approve another unit",
    facts: makeFacts((f) => {
      withEuEntry(f);
      f.reviews.push(review(alice, "APPROVED"), review(bob, "APPROVED"));
    }),
    verdict: "waiting",
    status: "pending",
    reviewers: ["carol"],
  },
  {
    name: "change request after an approval blocks",
    facts: makeFacts((f) => f.reviews.push(review(alice, "APPROVED"), review(bob, "CHANGES_REQUESTED"))),
    verdict: "blocked",
    status: "failure",
  },
  {
    name: "a change request on an older commit still blocks, and its author is asked to review again",
    facts: makeFacts((f) => f.reviews.push(review(bob, "CHANGES_REQUESTED", OLD_HEAD), review(alice, "APPROVED"))),
    verdict: "blocked",
    status: "failure",
    reviewers: ["bob"],
  },
  {
    name: "the same reviewer approving after their own change request: approved",
    facts: makeFacts((f) => f.reviews.push(review(alice, "CHANGES_REQUESTED"), review(alice, "APPROVED"))),
    verdict: "approved",
    status: "success",
  },
  {
    name: "a comment after an approval does not cancel it",
    facts: makeFacts((f) => f.reviews.push(review(alice, "APPROVED"), review(alice, "COMMENTED"))),
    verdict: "approved",
    status: "success",
  },
  {
    name: "a dismissed approval does not count",
    facts: makeFacts((f) => f.reviews.push(review(alice, "APPROVED"), review(alice, "DISMISSED"))),
    verdict: "waiting",
    status: "pending",
  },
  {
    name: "an approval by someone not designated does not count",
    facts: makeFacts((f) => f.reviews.push(review(mallory, "APPROVED"))),
    verdict: "waiting",
    status: "pending",
  },
  {
    name: "governance edit: labelled, needs the secretariat, team requested",
    facts: makeFacts((f) => {
      f.files = [{ path: "README.md", status: "modified" }];
      f.pr.changedFiles = 1;
      f.profiles = {};
      f.entries = {};
    }),
    verdict: "waiting",
    status: "pending",
    labels: { has: ["governance"], not: ["country:rwa"] },
    teams: ["secretariat"],
  },
  {
    name: "governance edit approved by the secretariat: approved, never merged",
    config: autoMerge,
    facts: makeFacts((f) => {
      f.files = [{ path: ".github/workflows/validate.yml", status: "modified" }];
      f.pr.changedFiles = 1;
      f.profiles = {};
      f.entries = {};
      f.reviews.push(review(sam, "APPROVED"));
    }),
    verdict: "approved",
    status: "success",
    labels: { has: ["governance"] },
    merge: false,
  },
  {
    name: "attacker adds themselves to a reviewer list in the PR and approves from a sock puppet",
    config: autoMerge,
    facts: makeFacts((f) => {
      f.pr.author = mallory;
      f.files.push({ path: "countries/rwa/country.json", status: "modified" });
      f.pr.changedFiles = f.files.length;
      const rwa = f.profiles["country:rwa"];
      if (rwa) {
        rwa.head = {
          status: "ok",
          reviewers: [
            { login: "alice", id: 101 },
            { login: "bob", id: 102 },
            { login: "mallory-sock", id: 667 },
          ],
          regions: ["africa"],
        };
      }
      f.reviews.push(review(sockPuppet, "APPROVED"));
    }),
    verdict: "waiting",
    status: "pending",
    labels: { has: ["governance", "country:rwa"] },
    teams: ["secretariat"],
    reviewers: ["alice", "bob"],
    merge: false,
  },
  {
    name: "truncated pagination of reviews fails closed, even with an approval",
    config: autoMerge,
    facts: makeFacts((f) => {
      f.reviews.push(review(alice, "APPROVED"));
      f.reviewsComplete = false;
    }),
    verdict: "needs-human",
    status: "failure",
    labels: { has: ["bot-needs-human"] },
    merge: false,
    reason: /Not all reviews/,
  },
  {
    name: "the files API's 3000-file cap fails closed",
    facts: makeFacts((f) => {
      f.pr.changedFiles = 3500;
    }),
    verdict: "needs-human",
    status: "failure",
    labels: { has: ["bot-needs-human"] },
    reason: /incomplete/,
  },
  {
    name: "an unknown file in a country folder fails closed",
    facts: makeFacts((f) => {
      f.files.push({ path: "countries/rwa/activities/child-helpline-116/photo.png", status: "added" });
      f.pr.changedFiles = f.files.length;
    }),
    verdict: "needs-human",
    status: "failure",
    reason: /photo\.png/,
  },
  {
    name: "an API error while gathering fails closed",
    facts: makeFacts((f) => {
      f.problems.push("Could not read the review requests: HTTP 502.");
      f.reviews.push(review(alice, "APPROVED"));
    }),
    verdict: "needs-human",
    status: "failure",
    reason: /HTTP 502/,
  },
  {
    name: "an invalid config fails closed",
    config: { ...makeConfig(), problems: [".github/cop-atlas.json is not valid JSON."] },
    facts: makeFacts((f) => f.reviews.push(review(alice, "APPROVED"))),
    verdict: "needs-human",
    status: "failure",
  },
  {
    name: "an unreadable profile on main fails closed",
    facts: makeFacts((f) => {
      const rwa = f.profiles["country:rwa"];
      if (rwa) rwa.base = { status: "error", message: "is not valid JSON" };
    }),
    verdict: "needs-human",
    status: "failure",
    reason: /country\.json on the default branch is not valid JSON/,
  },
  {
    name: "a pull request against another branch fails closed",
    facts: makeFacts((f) => {
      f.pr.baseRef = "old-release";
    }),
    verdict: "needs-human",
    status: "failure",
  },
  {
    name: "bot-made PR: the submission issue's author cannot approve",
    facts: makeFacts((f) => {
      asSubmission(f, alice);
      f.reviews.push(review(alice, "APPROVED"));
    }),
    verdict: "waiting",
    status: "pending",
    reviewers: ["bob"],
  },
  {
    name: "bot-made PR: another designated reviewer approves",
    facts: makeFacts((f) => {
      asSubmission(f, alice);
      f.reviews.push(review(alice, "APPROVED"), review(bob, "APPROVED"));
    }),
    verdict: "approved",
    status: "success",
  },
  {
    name: "bot-made PR: whoever edited the submission issue cannot approve",
    facts: makeFacts((f) => {
      asSubmission(f, mallory, [bob]);
      f.reviews.push(review(bob, "APPROVED"));
    }),
    verdict: "waiting",
    status: "pending",
    reviewers: ["alice"],
  },
  {
    name: "bot-made PR: a forged description changes nothing (the submitter comes from the issue)",
    facts: makeFacts((f) => {
      asSubmission(f, alice);
      f.pr.body = '<!-- cop-submission: {"issue": 12, "authorId": 666} -->';
      f.reviews.push(review(alice, "APPROVED"));
    }),
    verdict: "waiting",
    status: "pending",
  },
  {
    name: "bot-made PR from a branch that is not a submission branch fails closed",
    facts: makeFacts((f) => {
      asSubmission(f, alice);
      f.pr.headRef = "fix-typo";
      f.contributors.submission = null;
      f.reviews.push(review(bob, "APPROVED"));
    }),
    verdict: "needs-human",
    status: "failure",
    reason: /not a submission branch/,
  },
  {
    name: "a submission branch whose issue could not be read fails closed",
    facts: makeFacts((f) => {
      asSubmission(f, alice);
      f.contributors.submission = null;
      f.reviews.push(review(bob, "APPROVED"));
    }),
    verdict: "needs-human",
    status: "failure",
    reason: /could not be read/,
  },
  {
    name: "an unfinished edit history of the submission issue fails closed",
    facts: makeFacts((f) => {
      asSubmission(f, alice);
      if (f.contributors.submission) f.contributors.submission.editsComplete = false;
      f.reviews.push(review(bob, "APPROVED"));
    }),
    verdict: "needs-human",
    status: "failure",
    reason: /Not every edit of the submission issue #12/,
  },
  {
    name: "the bot's pushes outside a submission branch fail closed",
    facts: makeFacts((f) => {
      f.contributors.pushers.push(bot);
      f.reviews.push(review(bob, "APPROVED"));
    }),
    verdict: "needs-human",
    status: "failure",
    reason: /cannot tell on whose behalf/,
  },
  {
    name: "a designated reviewer who pushed to the branch cannot approve",
    facts: makeFacts((f) => {
      f.contributors.pushers.push(alice);
      f.reviews.push(review(alice, "APPROVED"));
    }),
    verdict: "waiting",
    status: "pending",
    reviewers: ["bob"],
  },
  {
    name: "a designated reviewer who authored a commit cannot approve",
    facts: makeFacts((f) => {
      f.contributors.commitAccounts.push({ account: bob, role: "author" });
      f.reviews.push(review(bob, "APPROVED"));
    }),
    verdict: "waiting",
    status: "pending",
    reviewers: ["alice"],
  },
  {
    name: "a designated reviewer who committed a commit cannot approve",
    facts: makeFacts((f) => {
      f.contributors.commitAccounts.push({ account: bob, role: "committer" });
      f.reviews.push(review(bob, "APPROVED"));
    }),
    verdict: "waiting",
    status: "pending",
  },
  {
    name: "when every designated reviewer took part in the change, a human must look",
    facts: makeFacts((f) => {
      f.contributors.pushers.push(alice, bob);
      f.reviews.push(review(alice, "APPROVED"));
    }),
    verdict: "needs-human",
    status: "failure",
    reason: /Every designated reviewer of country:rwa took part in this change/,
  },
  {
    name: "commits or pushes not fully read fail closed",
    facts: makeFacts((f) => {
      f.contributors.commitsComplete = false;
      f.contributors.pushesComplete = false;
      f.reviews.push(review(alice, "APPROVED"));
    }),
    verdict: "needs-human",
    status: "failure",
    reason: /Not every commit/,
  },
  {
    name: "a submission marker in a PR the bot did not open is ignored",
    facts: makeFacts((f) => {
      f.pr.body = '<!-- cop-submission: {"issue": 12, "authorId": 101} -->';
      f.reviews.push(review(alice, "APPROVED"));
    }),
    verdict: "approved",
    status: "success",
  },
  {
    name: "a change request from the secretariat blocks",
    facts: makeFacts((f) => f.reviews.push(review(alice, "APPROVED"), review(sam, "CHANGES_REQUESTED"))),
    verdict: "blocked",
    status: "failure",
  },
  {
    name: "a new country profile: governance, approved by the secretariat alone",
    facts: makeFacts((f) => {
      f.files = [
        { path: "countries/ken/country.json", status: "added" },
        { path: "countries/ken/activities/be-the-cop/activity.json", status: "added" },
      ];
      f.pr.changedFiles = 2;
      f.profiles = { "country:ken": { base: { status: "missing" }, head: { status: "ok", reviewers: [{ login: "mallory", id: 666 }], regions: ["africa"] } } };
      f.entries = {};
      f.reviews.push(review(mallory, "APPROVED"), review(sam, "APPROVED"));
    }),
    verdict: "approved",
    status: "success",
    labels: { has: ["governance", "country:ken", "region:africa", "new"] },
  },
  {
    name: "a country with no profile on main and none added fails closed",
    facts: makeFacts((f) => {
      f.files = [{ path: "countries/zzz/activities/x/activity.json", status: "added" }];
      f.pr.changedFiles = 1;
      f.profiles = { "country:zzz": { base: { status: "missing" }, head: null } };
      f.entries = {};
    }),
    verdict: "needs-human",
    status: "failure",
  },
  {
    name: "head moved after the approval: the approval is stale, no merge",
    config: autoMerge,
    facts: makeFacts((f) => {
      f.reviews.push(review(alice, "APPROVED", OLD_HEAD));
      f.validation.runs = [validationRun({ headSha: OLD_HEAD }), validationRun({ id: 5002 })];
    }),
    verdict: "waiting",
    status: "pending",
    merge: false,
  },
  {
    name: "auto-merge: approved, validated by the expected workflow, mergeable: merged at the head sha",
    config: autoMerge,
    facts: makeFacts((f) => f.reviews.push(review(alice, "APPROVED"))),
    verdict: "approved",
    status: "success",
    merge: true,
  },
  {
    name: "same check name from another workflow: no merge",
    config: autoMerge,
    facts: makeFacts((f) => {
      f.reviews.push(review(alice, "APPROVED"));
      f.validation.runs = [validationRun({ path: ".github/workflows/evil.yml", name: "Validate" })];
    }),
    verdict: "approved",
    status: "success",
    merge: false,
  },
  {
    name: "a validation run for another event (push) does not count: no merge",
    config: autoMerge,
    facts: makeFacts((f) => {
      f.reviews.push(review(alice, "APPROVED"));
      f.validation.runs = [validationRun({ event: "push" })];
    }),
    verdict: "approved",
    status: "success",
    merge: false,
  },
  {
    name: "failed validation: no merge",
    config: autoMerge,
    facts: makeFacts((f) => {
      f.reviews.push(review(alice, "APPROVED"));
      f.validation.runs = [validationRun({ conclusion: "failure" })];
    }),
    verdict: "approved",
    status: "success",
    merge: false,
  },
  {
    name: "draft: no merge and no review requests",
    config: autoMerge,
    facts: makeFacts((f) => {
      f.pr.draft = true;
    }),
    verdict: "waiting",
    status: "pending",
    reviewers: [],
    merge: false,
  },
  {
    name: "not mergeable: no merge",
    config: autoMerge,
    facts: makeFacts((f) => {
      f.pr.mergeable = null;
      f.reviews.push(review(alice, "APPROVED"));
    }),
    verdict: "approved",
    status: "success",
    merge: false,
  },
];

describe("computeActions", () => {
  test.for(cases)("$name", (c) => {
    const actions = computeActions(c.facts, c.config ?? makeConfig(), NOW);
    expect(actions.verdict).toBe(c.verdict);
    expect(actions.status.state).toBe(c.status);
    for (const label of c.labels?.has ?? []) expect(actions.labels).toContain(label);
    for (const label of c.labels?.not ?? []) expect(actions.labels).not.toContain(label);
    if (c.reviewers) expect(actions.reviewers.users.map((u) => u.login)).toEqual(c.reviewers);
    if (c.teams) expect(actions.reviewers.teams).toEqual(c.teams);
    if (c.merge !== undefined) expect(actions.merge !== null).toBe(c.merge);
    if (c.reason) expect(actions.reasons.join("\n")).toMatch(c.reason);
    expect(actions.labels.includes("bot-needs-human")).toBe(c.verdict === "needs-human");
    expect(actions.comment.body.startsWith(STATUS_MARKER)).toBe(true);
    expect(actions.status.description.length).toBeLessThanOrEqual(140);
  });

  test("replaying the same facts gives the same actions", () => {
    for (const c of cases) {
      const first = computeActions(c.facts, c.config ?? makeConfig(), NOW);
      const second = computeActions(structuredClone(c.facts), c.config ?? makeConfig(), NOW);
      expect(second).toEqual(first);
    }
  });

  test("the merge is pinned to the evaluated head sha, squash, with approver trailers", async () => {
    const facts = makeFacts((f) => {
      withEuEntry(f);
      f.reviews.push(review(alice, "APPROVED"), review(carol, "APPROVED"));
    });
    const actions = computeActions(facts, autoMerge, NOW);
    expect(actions.merge).toEqual({
      sha: HEAD,
      commitTitle: "Update COP Atlas entries: rwa, eu (#7)",
      commitMessage: `Approved on ${HEAD} by the designated reviewers.\n\nApproved-by: alice (101)\nApproved-by: carol (103)\n`,
    });
    const requests = planRequests(actions, facts, autoMerge);
    const merge = requests.at(-1);
    expect(merge?.route).toBe("PUT /repos/{owner}/{repo}/pulls/{pull_number}/merge");
    expect(merge?.params).toMatchObject({ sha: HEAD, merge_method: "squash" });
    // The whole plan, comment bodies left out: any change of behaviour shows as a diff in review.
    const plan = requests.map((r) => ({ ...r, params: "body" in r.params ? { ...r.params, body: "(the comment)" } : r.params }));
    await expect(`${JSON.stringify(plan, null, 2)}\n`).toMatchFileSnapshot("../fixtures/bot/two-units-approved.requests.json");
  });

  test("a closed pull request is left alone", () => {
    const facts = makeFacts((f) => {
      f.pr.state = "closed";
    });
    const actions = computeActions(facts, makeConfig(), NOW);
    expect(actions.skip).toMatch(/closed/);
    expect(planRequests(actions, facts, makeConfig())).toEqual([]);
  });

  test("a validation run still running after six hours is reported as stuck", () => {
    const facts = makeFacts((f) => {
      f.validation.runs = [validationRun({ status: "in_progress", conclusion: null, createdAt: "2025-03-01T05:00:00Z" })];
    });
    expect(computeActions(facts, makeConfig(), NOW).comment.body).toMatch(/Still running after more than six hours/);
    expect(computeActions(facts, makeConfig(), new Date("2025-03-01T06:00:00Z")).comment.body).toMatch(/⏳ Running/);
  });

  test("an out-of-date translation is shown as such", () => {
    const facts = makeFacts((f) => {
      const fr = f.entries["country:rwa/child-helpline-116"]?.narratives[1];
      if (fr?.translation) fr.translation.version = "000000000000";
    });
    expect(computeActions(facts, makeConfig(), NOW).comment.body).toMatch(/fr: translation from en \(human\), ⚠️ out of date/);
  });
});

describe("hostile comment carrying the marker", () => {
  const forged = encodeCarriedState(
    {
      runId: 5001,
      headSha: HEAD,
      errors: 0,
      warnings: 0,
      findings: [{ ruleId: "forged", severity: "warning", file: "x", line: 1, column: 1, message: "all good, merge me" }],
    },
    ["en"],
  );
  const hostile = (user: PrFacts["pr"]["author"]) => ({ id: 50, user, body: `${STATUS_MARKER}\nApproved by the bot!\n${forged}` });

  test.for([
    { name: "a user", user: mallory },
    { name: "another bot with a look-alike login", user: { id: 777, login: "cop-atlas-bot", type: "Bot" } },
    { name: "a user named like the bot", user: { id: 778, login: "cop-atlas-bot[bot]", type: "User" } },
  ])("written by $name: ignored, never edited, its state never read", ({ user }) => {
    const facts = makeFacts((f) => f.markerComments.push(hostile(user)));
    const actions = computeActions(facts, makeConfig(), NOW);
    expect(actions.comment.body).not.toMatch(/merge me/);
    const requests = planRequests(actions, facts, makeConfig());
    expect(requests[0]?.route).toBe("POST /repos/{owner}/{repo}/issues/{issue_number}/comments");
    expect(requests.some((r) => "comment_id" in r.params && r.params.comment_id === 50)).toBe(false);
  });

  test("the bot's own comment is found by marker and author, and its state is reused", () => {
    const first = computeActions(makeFacts(), makeConfig(), NOW);
    const own = { id: 60, user: bot, body: first.comment.body };
    const facts = makeFacts((f) => f.markerComments.push(hostile(mallory), own));
    const requests = planRequests(computeActions(facts, makeConfig(), NOW), facts, makeConfig());
    expect(requests.some((r) => r.route.includes("/comments"))).toBe(false);
  });
});

describe("who is never asked or counted", () => {
  test("the author is never requested, even when designated", () => {
    const facts = makeFacts((f) => {
      f.pr.author = bob;
    });
    expect(computeActions(facts, makeConfig(), NOW).reviewers.users.map((u) => u.login)).toEqual(["alice"]);
  });

  test("when every designated reviewer is the author, a human must look", () => {
    const facts = makeFacts((f) => {
      f.pr.author = alice;
      const rwa = f.profiles["country:rwa"];
      if (rwa?.base.status === "ok") rwa.base.reviewers = [{ login: "alice", id: 101 }];
    });
    const actions = computeActions(facts, makeConfig(), NOW);
    expect(actions.verdict).toBe("needs-human");
    expect(actions.reasons.join()).toMatch(/nobody else can approve/);
  });

  test("a deleted designated account is not requested", () => {
    const facts = makeFacts((f) => {
      f.accounts[102] = null;
    });
    expect(computeActions(facts, makeConfig(), NOW).reviewers.users.map((u) => u.login)).toEqual(["alice"]);
  });

  test("a reviewer who already reviewed the head commit is not asked again", () => {
    const facts = makeFacts((f) => f.reviews.push(review(bob, "CHANGES_REQUESTED")));
    expect(computeActions(facts, makeConfig(), NOW).reviewers.users.map((u) => u.login)).toEqual(["alice"]);
  });

  test("approvals by people designated for nothing touched are listed as not counting", () => {
    const facts = makeFacts((f) => f.reviews.push(review(mallory, "APPROVED"), review(dave, "APPROVED")));
    const body = computeActions(facts, makeConfig(), NOW).comment.body;
    expect(body).toContain("### Approvals");
    expect(body).toMatch(/- ➖ mallory: does not count: not a designated reviewer of what changed/);
    expect(body).toMatch(/- ➖ dave: does not count: /);
  });

  test("every approval is listed with whether and why it counts: the secretariat's too, a renamed reviewer under the login GitHub reports now", () => {
    const renamed = { ...alice, login: "alice-renamed" };
    const facts = makeFacts((f) => f.reviews.push(review(renamed, "APPROVED"), review(sam, "APPROVED")));
    const decision = decide(facts, makeConfig(), NOW);
    // Why, as the English section of the comment says it.
    expect(decision.approvals.map((approval) => ({ ...approval, why: renderMessage("en", approval.why) }))).toEqual([
      { id: alice.id, login: "alice-renamed", counts: true, why: "counts: designated reviewer of country:rwa" },
      {
        id: sam.id,
        login: "sam",
        counts: false,
        why: "does not count: a member of the secretariat, but a country or organisation with designated reviewers needs one of them",
      },
    ]);
    const body = computeActions(facts, makeConfig(), NOW).comment.body;
    expect(body).toContain("- ✅ alice-renamed: counts: designated reviewer of country:rwa");
  });
});

describe("the validation state kept in the comment", () => {
  const finding = (line: number, messages: Record<string, string>) => ({
    ruleId: "terminology",
    severity: "warning" as const,
    file: "countries/civ/activities/x/fr.md",
    line,
    column: 1,
    message: "English words",
    messages,
  });
  const summary = (findings: ReturnType<typeof finding>[]) => ({ runId: 1, headSha: "a".repeat(40), errors: 0, warnings: findings.length, findings });

  test("keeps the messages in the comment's languages only, and reads back what it wrote", () => {
    const six = { ar: "كلمات", zh: "词语", en: "English words", fr: "mots", ru: "слова", es: "palabras" };
    const body = `${STATUS_MARKER}\n${encodeCarriedState(summary([finding(1, six)]), ["fr", "en"])}`;
    expect(decodeCarriedState(body)?.findings[0]?.messages).toEqual({ en: "English words", fr: "mots" });
  });

  test("drops other languages from the last findings first until the state fits its budget, and stays readable", () => {
    const long = (char: string) => char.repeat(300);
    const findings = Array.from({ length: 20 }, (_, i) => finding(i + 1, { ar: long("ع"), zh: long("字"), ru: long("я") }));
    const state = encodeCarriedState(summary(findings), ["ar", "zh", "ru", "en"]);
    const json = Buffer.from(state.slice(state.indexOf(" ", 5) + 1, state.lastIndexOf(" ")), "base64");
    expect(json.byteLength).toBeLessThanOrEqual(STATE_BUDGET);
    const back = decodeCarriedState(state);
    expect(back?.findings).toHaveLength(20);
    const translated = back?.findings.map((f) => f.messages !== undefined) ?? [];
    // A prefix keeps its translations, the rest falls back to English: never a finding lost.
    expect(translated[0]).toBe(true);
    expect(translated.at(-1)).toBe(false);
    expect(translated.indexOf(false)).toBeGreaterThan(0);
    expect(translated.slice(translated.indexOf(false)).every((t) => !t)).toBe(true);
  });
});
