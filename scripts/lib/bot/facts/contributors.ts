import type { GitHubClient } from "../../github/client.ts";
import { describeError } from "../../github/errors.ts";
import { readIssueEdits } from "../../github/issue-edits.ts";
import { readAll } from "../../github/pager.ts";
import { submissionIssueOf } from "../submission.ts";
import type { Account, ContributorFacts, SubmissionFacts } from "../types.ts";

/** What the pull request says about itself that the contributors' reads start from. */
export interface ContributorInput {
  owner: string;
  repo: string;
  pullNumber: number;
  headRef: string;
  headRepo: { owner: string; name: string } | null;
  /** The number of commits GitHub counts in the pull request. */
  commits: number;
}

/** The activity kinds that put content on a branch (a deletion puts none). */
const PUSHES = new Set(["push", "force_push", "branch_creation", "pr_merge", "merge_queue_merge"]);

/**
 * Reads who is behind a pull request's content, each from a source its author cannot edit: the
 * submission issue the branch name points to (its author and everyone who edited it), the
 * accounts GitHub links to its commits, and who pushed to its branch (the head repository's
 * activity, as GitHub's REST description documents it: `actor` and `activity_type`). An API error
 * is reported in `problems`; a list that could not be read to the end is marked incomplete. The
 * policy fails closed on both.
 */
export async function gatherContributors(client: GitHubClient, input: ContributorInput, problems: string[]): Promise<ContributorFacts> {
  const base = { owner: input.owner, repo: input.repo };
  const submission = await readSubmission(client, input, problems);

  let commitAccounts: ContributorFacts["commitAccounts"] = [];
  let commitsComplete = false;
  try {
    const list = await readAll<CommitData>(client, "GET /repos/{owner}/{repo}/pulls/{pull_number}/commits", { ...base, pull_number: input.pullNumber });
    for (const commit of list.items) {
      // GitHub gives null, or an empty object, when a commit's git e-mail links to no account.
      if (isUser(commit.author)) commitAccounts.push({ account: toAccount(commit.author), role: "author" });
      if (isUser(commit.committer)) commitAccounts.push({ account: toAccount(commit.committer), role: "committer" });
    }
    // GitHub lists at most 250 commits of a pull request: a longer one is not fully known.
    commitsComplete = list.complete && list.items.length === input.commits;
  } catch (error) {
    commitAccounts = [];
    problems.push(`Could not read the commits: ${describeError(error)}.`);
  }

  let pushers: Account[] = [];
  let pushesComplete = false;
  if (!input.headRepo) {
    problems.push("The repository of the pull request's branch no longer exists, so the bot cannot tell who pushed to it.");
  } else {
    try {
      const list = await readAll<ActivityData>(client, "GET /repos/{owner}/{repo}/activity", {
        owner: input.headRepo.owner,
        repo: input.headRepo.name,
        ref: `refs/heads/${input.headRef}`,
      });
      const byId = new Map<number, Account>();
      for (const activity of list.items) {
        if (activity.actor && PUSHES.has(activity.activity_type)) byId.set(activity.actor.id, toAccount(activity.actor));
      }
      pushers = [...byId.values()].sort((a, b) => a.id - b.id);
      pushesComplete = list.complete;
    } catch (error) {
      problems.push(`Could not read who pushed to the branch ${input.headRepo.owner}:${input.headRef}: ${describeError(error)}.`);
    }
  }
  return { submission, commitAccounts, commitsComplete, pushers, pushesComplete };
}

/** The submission issue a `submission/issue-N` branch points to: its author and editors, through the API. */
async function readSubmission(client: GitHubClient, input: ContributorInput, problems: string[]): Promise<SubmissionFacts | null> {
  const issue = submissionIssueOf(input.headRef);
  if (issue === null) return null;
  let author: Account;
  try {
    const { data } = await client.request("GET /repos/{owner}/{repo}/issues/{issue_number}", { owner: input.owner, repo: input.repo, issue_number: issue });
    if (data.pull_request) {
      problems.push(`The branch ${input.headRef} points to #${issue}, which is a pull request, not a submission issue.`);
      return null;
    }
    if (!data.user) {
      problems.push(`The author of the submission issue #${issue} is a deleted account.`);
      return null;
    }
    author = toAccount(data.user as UserData);
  } catch (error) {
    problems.push(`Could not read the submission issue #${issue}: ${describeError(error)}.`);
    return null;
  }
  try {
    const edits = await readIssueEdits(client, { owner: input.owner, repo: input.repo }, issue);
    return { issue, author, editors: edits.editors, editsComplete: edits.complete };
  } catch (error) {
    problems.push(`Could not read who edited the submission issue #${issue}: ${describeError(error)}.`);
    return { issue, author, editors: [], editsComplete: false };
  }
}

interface UserData {
  id: number;
  login: string;
  type?: string;
}
interface CommitData {
  author: UserData | Record<string, never> | null;
  committer: UserData | Record<string, never> | null;
}
interface ActivityData {
  activity_type: string;
  actor: UserData | null;
}

function isUser(value: UserData | Record<string, never> | null): value is UserData {
  return value !== null && typeof value.id === "number" && typeof value.login === "string";
}

function toAccount(user: UserData): Account {
  return { id: user.id, login: user.login, type: user.type ?? "User" };
}
