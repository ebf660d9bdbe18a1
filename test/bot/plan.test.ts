import { describe, expect, test } from "vitest";
import { planRequests } from "../../scripts/lib/bot/plan/plan-requests.ts";
import { computeActions } from "../../scripts/lib/bot/policy/compute-actions.ts";
import { APPROVAL_CONTEXT, STATUS_MARKER } from "../../scripts/lib/bot/sticky.ts";
import type { PrFacts } from "../../scripts/lib/bot/types.ts";
import { alice, bob, bot, HEAD, makeConfig, makeFacts, mallory } from "./facts-builder.ts";

const NOW = new Date("2025-03-01T12:00:00Z");
const config = makeConfig();

function plan(facts: PrFacts) {
  const actions = computeActions(facts, config, NOW);
  return { actions, requests: planRequests(actions, facts, config) };
}

/** The facts after the planned requests were applied, as the next run would read them. */
function applied(facts: PrFacts): PrFacts {
  const { actions } = plan(facts);
  const next = structuredClone(facts);
  next.markerComments = [{ id: 900, user: bot, body: actions.comment.body }];
  next.labels = [...actions.labels];
  next.approvalStatuses = [{ ...actions.status, targetUrl: actions.status.targetUrl, creator: bot }];
  next.requestedReviewers = { users: actions.reviewers.users.map((r) => ({ ...r, type: "User" })), teams: [...actions.reviewers.teams] };
  return next;
}

describe("planRequests", () => {
  test("first run: comment, labels, status, review requests, in that order", () => {
    const { requests } = plan(makeFacts());
    expect(requests.map((r) => r.route)).toEqual([
      "POST /repos/{owner}/{repo}/issues/{issue_number}/comments",
      "POST /repos/{owner}/{repo}/issues/{issue_number}/labels",
      "POST /repos/{owner}/{repo}/statuses/{sha}",
      "POST /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers",
    ]);
    expect(requests[2]?.params).toMatchObject({ sha: HEAD, context: APPROVAL_CONTEXT, state: "pending" });
    expect(requests[3]?.params).toEqual({ owner: "cop-atlas", repo: "atlas", pull_number: 7, reviewers: ["alice", "bob"] });
  });

  test("a second run over the resulting state plans nothing", () => {
    expect(plan(applied(makeFacts())).requests).toEqual([]);
  });

  test("duplicate bot comments: the oldest is kept (and updated), the others deleted", () => {
    const facts = makeFacts((f) => {
      f.markerComments = [
        { id: 30, user: bot, body: `${STATUS_MARKER}\nold` },
        { id: 20, user: bot, body: `${STATUS_MARKER}\nolder` },
        { id: 40, user: bot, body: `${STATUS_MARKER}\nnewest` },
      ];
    });
    const { requests } = plan(facts);
    const comments = requests.filter((r) => r.route.includes("comments"));
    expect(comments.map((r) => [r.route.split(" ")[0], "comment_id" in r.params ? r.params.comment_id : null])).toEqual([
      ["PATCH", 20],
      ["DELETE", 30],
      ["DELETE", 40],
    ]);
  });

  test("an unchanged bot comment is not rewritten", () => {
    const facts = applied(makeFacts());
    facts.labels = [];
    expect(plan(facts).requests.map((r) => r.route)).toEqual(["POST /repos/{owner}/{repo}/issues/{issue_number}/labels"]);
  });

  test("without the full list of comments the bot does not add a possible duplicate", () => {
    const facts = makeFacts((f) => {
      f.commentsComplete = false;
    });
    expect(plan(facts).requests.some((r) => r.route.endsWith("/comments"))).toBe(false);
  });

  test("labels: stale bot labels removed, people's labels kept, names compared without case", () => {
    const facts = applied(makeFacts());
    facts.labels = ["Country:RWA", "country:ken", "help wanted", "region:africa", "new", "lang:en", "lang:fr", "bot-needs-human"];
    const routes = plan(facts).requests.map((r) => `${r.route.split(" ")[0]} ${"name" in r.params ? r.params.name : ""}`);
    expect(routes).toEqual(["DELETE bot-needs-human", "DELETE country:ken"]);
  });

  test("an approval status of the same context set by someone else is overwritten", () => {
    const facts = applied(makeFacts());
    facts.approvalStatuses = [{ state: "success", description: "Looks good", targetUrl: null, creator: mallory }, ...facts.approvalStatuses];
    const requests = plan(facts).requests;
    expect(requests).toHaveLength(1);
    expect(requests[0]?.params).toMatchObject({ state: "pending", context: APPROVAL_CONTEXT });
  });

  test("reviewers already requested are not requested again; the rest are", () => {
    const facts = makeFacts((f) => {
      f.requestedReviewers = { users: [alice], teams: [] };
    });
    const request = plan(facts).requests.find((r) => r.route.includes("requested_reviewers"));
    expect(request?.params).toMatchObject({ reviewers: ["bob"] });
    expect(request?.params).not.toHaveProperty("team_reviewers");
  });

  test("review requests match by id: a renamed reviewer already requested is not asked twice", () => {
    const facts = makeFacts((f) => {
      f.accounts[102] = "bob-new";
      f.requestedReviewers = { users: [{ ...bob, login: "bob-new" }, alice], teams: [] };
    });
    expect(plan(facts).requests.some((r) => r.route.includes("requested_reviewers"))).toBe(false);
  });
});
