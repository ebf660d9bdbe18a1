import type { MessageRef } from "../../i18n/messages.ts";
import type { Account, Reviewer, ReviewFact } from "../types.ts";

/** Who approved, who did not count and why, and who asked for changes, for one set of designated reviewers. */
export interface ApprovalTally {
  approvedBy: Reviewer[];
  /** Designated reviewers whose approval is on an older commit: it no longer counts. */
  stale: Reviewer[];
  changesRequestedBy: Reviewer[];
  /** Designated reviewers whose approval cannot count, with the reason. */
  notCounted: { reviewer: Reviewer; why: MessageRef }[];
}

/**
 * Accounts whose approval never counts on this pull request, by numeric id, each with the first
 * reason found: its author, the submitter and editors of the submission issue, the authors and
 * committers of its commits, and whoever pushed to its branch.
 */
export interface Exclusions {
  reasons: Map<number, MessageRef>;
}

/** True for bot accounts: by type, and by the "[bot]" suffix GitHub gives App accounts. */
export function isBot(account: Account): boolean {
  return account.type === "Bot" || account.login.endsWith("[bot]");
}

/**
 * Each user's latest review that is not a comment (approved, changes requested, dismissed),
 * by numeric user id. Reviews by deleted accounts and pending drafts are ignored.
 */
export function latestDecisiveReviews(reviews: readonly ReviewFact[]): Map<number, ReviewFact & { user: Account }> {
  const ordered = reviews
    .filter((r): r is ReviewFact & { user: Account } => r.user !== null && r.state !== "COMMENTED" && r.state !== "PENDING")
    .sort((a, b) => compareText(a.submittedAt ?? "", b.submittedAt ?? "") || a.id - b.id);
  const latest = new Map<number, ReviewFact & { user: Account }>();
  for (const review of ordered) latest.set(review.user.id, review);
  return latest;
}

/**
 * Tallies the reviews of one set of designated reviewers (matched by numeric id) against the
 * head commit. An approval counts only when it is the reviewer's latest decisive review, on the
 * head commit, not by a bot, and not by anyone who took part in the change (see Exclusions).
 */
export function tallyApprovals(
  latest: Map<number, ReviewFact & { user: Account }>,
  designated: readonly Reviewer[],
  headSha: string,
  exclusions: Exclusions,
): ApprovalTally {
  const tally: ApprovalTally = { approvedBy: [], stale: [], changesRequestedBy: [], notCounted: [] };
  for (const reviewer of designated) {
    const review = latest.get(reviewer.id);
    if (!review) continue;
    // The login GitHub reports now: the profile may still carry an old one.
    const who = { id: reviewer.id, login: review.user.login };
    if (review.state === "CHANGES_REQUESTED") tally.changesRequestedBy.push(who);
    if (review.state !== "APPROVED") continue;
    const why = exclusionReason(review.user, exclusions);
    if (why) tally.notCounted.push({ reviewer: who, why });
    else if (review.commitId !== headSha) tally.stale.push(who);
    else tally.approvedBy.push(who);
  }
  return tally;
}

/** Why an account's approval cannot count on this pull request, or null when it can. */
export function exclusionReason(account: Account, exclusions: Exclusions): MessageRef | null {
  if (isBot(account)) return { key: "review.exclusion.bot" };
  return exclusions.reasons.get(account.id) ?? null;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
