/**
 * The one link between a submission issue and the pull request made from it: the branch name.
 * The branch lives in the repository and only the submission bot (or someone with write access)
 * can create it, whereas a pull request's description can be edited by anyone with write access;
 * so the review bot finds the submitter by reading issue N through the API, never from the
 * description.
 */

const BRANCH = /^submission\/issue-([1-9][0-9]{0,9})$/;

/** The branch of an issue's submission. */
export function submissionBranch(issue: number): string {
  return `submission/issue-${issue}`;
}

/** The issue number a submission branch points to, or null for any other branch name. */
export function submissionIssueOf(branch: string): number | null {
  const match = BRANCH.exec(branch);
  const number = match ? Number(match[1]) : Number.NaN;
  return Number.isSafeInteger(number) && number <= 2_147_483_647 ? number : null;
}
