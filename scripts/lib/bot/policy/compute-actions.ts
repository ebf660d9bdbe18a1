import { formatMessage, type MessageRef, renderMessage } from "../../i18n/messages.ts";
import type { UnLanguage } from "../../vocab.ts";
import { secretariatTeamSlug } from "../config.ts";
import { renderComment } from "../render/render-comment.ts";
import { APPROVAL_CONTEXT } from "../sticky.ts";
import type { Actions, BotConfig, PrFacts, Reviewer } from "../types.ts";
import { latestDecisiveReviews } from "./approvals.ts";
import { type Decision, decide } from "./decide.ts";

/** Label names the bot owns: it adds and removes these, and never touches any other label. */
export function isManagedLabel(name: string): boolean {
  return /^(new|update|removal|governance|bot-needs-human)$/i.test(name) || /^(country|org|region|lang):/i.test(name);
}

/** GitHub allows 100 labels on an issue; leave room for people's own. */
const MAX_BOT_LABELS = 60;

/** Why the bot would not merge, when merging is switched on; empty when it will. */
export function mergeBlockers(decision: Decision, facts: PrFacts): MessageRef[] {
  const why: MessageRef[] = [];
  if (decision.verdict !== "approved") why.push({ key: "review.blocker.notApproved" });
  if (decision.governance) why.push({ key: "review.blocker.governance" });
  if (decision.units.length === 0) why.push({ key: "review.blocker.noEntries" });
  if (decision.validation.state !== "passed") why.push({ key: "review.blocker.notPassed" });
  if ((decision.validation.summary?.errors ?? 0) > 0) why.push({ key: "review.blocker.errors" });
  if (facts.pr.draft) why.push({ key: "review.blocker.draft" });
  if (facts.pr.mergeable !== true) why.push({ key: "review.blocker.notMergeable" });
  return why;
}

/**
 * The whole desired state of a pull request: labels, outstanding review requests, the sticky
 * comment, the approval status and, when switched on and everything holds, the merge. PURE:
 * the same facts, config and time always give the same actions.
 */
export function computeActions(facts: PrFacts, config: BotConfig, now: Date): Actions {
  const targetUrl = `${facts.repo.serverUrl}/${facts.repo.owner}/${facts.repo.name}/pull/${facts.pr.number}`;
  if (facts.pr.state !== "open" || facts.pr.merged) {
    return {
      skip: `the pull request is ${facts.pr.merged ? "merged" : facts.pr.state}`,
      verdict: "skipped",
      labels: [],
      reviewers: { users: [], teams: [] },
      comment: { body: "" },
      status: { context: APPROVAL_CONTEXT, state: "pending", description: "", targetUrl },
      merge: null,
      needsHuman: false,
      reasons: [],
    };
  }

  const decision = decide(facts, config, now);
  const labels = desiredLabels(decision);
  if (labels.length > MAX_BOT_LABELS) {
    decision.needsHuman.push({ key: "review.reason.tooManyLabels", values: { count: labels.length } });
    decision.verdict = "needs-human";
  }
  const finalLabels = labels.length > MAX_BOT_LABELS ? desiredLabels(decision).filter(isSummaryLabel) : desiredLabels(decision);

  const blockers = mergeBlockers(decision, facts);
  const mergeReady = config.autoMerge && blockers.length === 0;
  const comment = renderComment({ decision, facts, config, merge: { enabled: config.autoMerge, blockers } });

  return {
    skip: null,
    verdict: decision.verdict,
    labels: finalLabels,
    reviewers: desiredReviewers(decision, facts, config),
    comment: { body: comment },
    status: { context: APPROVAL_CONTEXT, ...statusFor(decision), targetUrl },
    merge: mergeReady ? mergeRequest(decision, facts) : null,
    needsHuman: decision.verdict === "needs-human",
    // For the run's log and the local dry run, read by maintainers: in English.
    reasons: decision.needsHuman.map((reason) => renderMessage("en", reason)),
  };
}

function desiredLabels(decision: Decision): string[] {
  const labels = new Set<string>();
  for (const unit of decision.units) {
    labels.add(unit.unit.key);
    for (const region of unit.regions) labels.add(`region:${region}`);
  }
  for (const kind of decision.changeKinds) labels.add(kind);
  for (const lang of decision.languagesAdded) labels.add(`lang:${lang}`);
  if (decision.governance) labels.add("governance");
  if (decision.verdict === "needs-human") labels.add("bot-needs-human");
  return [...labels].sort();
}

function isSummaryLabel(label: string): boolean {
  return !/^(country|org|region|lang):/.test(label);
}

/**
 * The designated reviewers who should have a review request outstanding: those of every unit
 * not yet approved, except those whose approval cannot count (see findExclusions), bots, deleted
 * accounts and anyone who already reviewed this very commit. The secretariat team, when its approval is missing.
 */
function desiredReviewers(decision: Decision, facts: PrFacts, config: BotConfig): Actions["reviewers"] {
  if (facts.pr.draft) return { users: [], teams: [] };
  const latest = latestDecisiveReviews(facts.reviews);
  const users = new Map<number, Reviewer>();
  let needSecretariat = decision.governance !== null && decision.governance.state !== "approved";
  for (const unit of decision.units) {
    if (unit.state === "approved") continue;
    if (unit.bySecretariat) {
      needSecretariat = true;
      continue;
    }
    for (const reviewer of unit.designated) {
      // Their approval could not count: asking them would only waste their time.
      if (decision.exclusions.reasons.has(reviewer.id)) continue;
      const login = facts.accounts[reviewer.id] === undefined ? reviewer.login : facts.accounts[reviewer.id];
      if (login === null || login === undefined || login.endsWith("[bot]")) continue;
      const review = latest.get(reviewer.id);
      if (review && review.commitId === facts.pr.headSha && review.state !== "DISMISSED") continue;
      users.set(reviewer.id, { id: reviewer.id, login });
    }
  }
  const team = needSecretariat ? secretariatTeamSlug(config, facts.repo.owner) : null;
  return {
    users: [...users.values()].sort((a, b) => a.id - b.id),
    teams: team ? [team] : [],
  };
}

/** GitHub keeps at most this many characters of a commit status's description. */
const MAX_STATUS = 140;

/**
 * The approval status. Its description is one short line: in every language of the comment,
 * separated by " / ", when they fit; else in English, which the secretariat and GitHub's own
 * interface share.
 */
function statusFor(decision: Decision): { state: "success" | "pending" | "failure"; description: string } {
  const [state, message]: ["success" | "pending" | "failure", MessageRef] =
    decision.verdict === "approved"
      ? ["success", { key: decision.governance ? "review.status.approvedGovernance" : "review.status.approved" }]
      : decision.verdict === "blocked"
        ? ["failure", { key: "review.status.blocked" }]
        : decision.verdict === "needs-human"
          ? ["failure", { key: "review.status.needsHuman" }]
          : ["pending", { key: "review.status.waiting", values: { units: waitingFor(decision) } }];
  const all = decision.languages.map((lang) => renderMessage(lang, message)).join(" / ");
  if (all.length <= MAX_STATUS) return { state, description: all };
  const english = renderMessage("en", message);
  return { state, description: english.length > MAX_STATUS ? `${english.slice(0, MAX_STATUS - 4)}...` : english };
}

/** Who the pull request waits for: the ids of the units not yet approved, and the secretariat for a governance change. */
function waitingFor(decision: Decision): Partial<Record<UnLanguage, string>> {
  const ids = decision.units.filter((u) => u.state !== "approved").map((u) => u.unit.id);
  const secretariat = decision.governance !== null && decision.governance.state !== "approved";
  return Object.fromEntries(
    decision.languages.map((lang) => [lang, [...ids, ...(secretariat ? [formatMessage(lang, "review.status.secretariat")] : [])].join(", ")]),
  );
}

function mergeRequest(decision: Decision, facts: PrFacts): NonNullable<Actions["merge"]> {
  const ids = decision.units.map((u) => u.unit.id);
  const shown = ids.length > 8 ? `${ids.slice(0, 8).join(", ")} and ${ids.length - 8} more` : ids.join(", ");
  const approvers = new Map<number, Reviewer>();
  for (const unit of decision.units) for (const reviewer of unit.tally.approvedBy) approvers.set(reviewer.id, reviewer);
  const trailers = [...approvers.values()].sort((a, b) => a.id - b.id).map((r) => `Approved-by: ${r.login} (${r.id})`);
  return {
    sha: facts.pr.headSha,
    commitTitle: `Update COP Atlas entries: ${shown} (#${facts.pr.number})`,
    commitMessage: `Approved on ${facts.pr.headSha} by the designated reviewers.\n\n${trailers.join("\n")}\n`,
  };
}
