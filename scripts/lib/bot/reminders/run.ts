import type { GitHubClient } from "../../github/client.ts";
import { describeError } from "../../github/errors.ts";
import { readAll } from "../../github/pager.ts";
import { secretariatTeamSlug } from "../config.ts";
import { loadBotConfig, type RepoRef, resolveTrustAnchor } from "../facts/gather-facts.ts";
import { submissionIssueOf } from "../submission.ts";
import type { BotConfig } from "../types.ts";
import { decideReminder, type ReminderAction, type ReminderFacts, reminderKindOf, renderReminder } from "./decide.ts";
import { INACTIVE_LABEL } from "./labels.ts";

/** What one run did (or, in a dry run, would do) on each pull request it acted on. */
export interface ReminderReport {
  actions: ReminderAction[];
  /** Pull requests whose facts or writes failed: the next run tries again. */
  errors: { number: number; error: string }[];
  notes: string[];
}

/** Open pull requests one run looks at, at most; the daily schedule takes the rest the next day. */
const MAX_PULLS = 500;

type Json = Record<string, unknown>;

/**
 * The scheduled job that keeps pull requests from waiting in silence: for each open pull request
 * it reads who did what and when, decides (decideReminder) and writes at most one comment, plus
 * the secretariat's review request or the closing. Settings come from the config on the default
 * branch. Each step is idempotent: a second run the same day writes nothing.
 */
export async function runReminders(client: GitHubClient, options: { repo: RepoRef; now: Date; dryRun?: boolean; config?: BotConfig }): Promise<ReminderReport> {
  const { repo, now } = options;
  const config = options.config ?? (await loadBotConfig(client, repo, await resolveTrustAnchor(client, repo)));
  const report: ReminderReport = { actions: [], errors: [], notes: [] };
  if (config.problems.length > 0) report.notes.push(...config.problems);
  const base = { owner: repo.owner, repo: repo.repo };
  const list = await readAll<Json>(client, "GET /repos/{owner}/{repo}/pulls", { ...base, state: "open" }, { maxItems: MAX_PULLS });
  if (!list.complete) report.notes.push(`More than ${MAX_PULLS} pull requests are open: the rest wait for the next run.`);
  const secretariat = { mention: config.secretariat, teamSlug: secretariatTeamSlug(config, repo.owner) };
  for (const pull of list.items.sort((a, b) => Number(a.number) - Number(b.number))) {
    const number = Number(pull.number);
    try {
      const facts = await readReminderFacts(client, repo, pull, config.botLogin);
      const action = decideReminder(facts, config.reminders, secretariat, now);
      if (!action) continue;
      report.actions.push(action);
      if (!options.dryRun) await carryOut(client, repo, action, renderReminder(action, config.reminders));
    } catch (error) {
      report.errors.push({ number, error: describeError(error) });
    }
  }
  return report;
}

/** The facts of one open pull request: its reviews, commits and comments, read to the end. */
export async function readReminderFacts(client: GitHubClient, repo: RepoRef, pull: Json, botLogin: string): Promise<ReminderFacts> {
  const base = { owner: repo.owner, repo: repo.repo };
  const number = Number(pull.number);
  const user = (value: unknown) => value as { login?: string; type?: string } | null;
  const isPerson = (value: unknown) => {
    const account = user(value);
    return account !== null && account.type !== "Bot";
  };
  const [reviews, commits, comments] = await Promise.all([
    readAll<Json>(client, "GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews", { ...base, pull_number: number }),
    readAll<Json>(client, "GET /repos/{owner}/{repo}/pulls/{pull_number}/commits", { ...base, pull_number: number }),
    readAll<Json>(client, "GET /repos/{owner}/{repo}/issues/{issue_number}/comments", { ...base, issue_number: number }),
  ]);
  const commitDates = commits.items
    .map((commit) => String((commit.commit as { committer?: { date?: string } } | undefined)?.committer?.date ?? ""))
    .filter((date) => date !== "")
    .sort();
  const human = comments.items.filter((comment) => isPerson(comment.user)).map((comment) => String(comment.created_at ?? ""));
  const own = comments.items.filter((comment) => {
    const account = user(comment.user);
    return account?.type === "Bot" && account.login === botLogin;
  });
  const head = pull.head as { ref?: string } | undefined;
  const submissionIssue = submissionIssueOf(String(head?.ref ?? ""));
  // The submission bot opens a submission's pull request: the person it waits on is whoever opened the issue.
  let author = String(user(pull.user)?.login ?? "");
  if (submissionIssue !== null) {
    const { data: issue } = await client.request("GET /repos/{owner}/{repo}/issues/{issue_number}", { ...base, issue_number: submissionIssue });
    author = String(issue.user?.login ?? "");
  }
  return {
    number,
    draft: pull.draft === true,
    author,
    createdAt: String(pull.created_at ?? ""),
    lastCommitAt: commitDates.at(-1) ?? null,
    reviews: reviews.items
      .filter((review) => isPerson(review.user))
      .map((review) => ({ login: String(user(review.user)?.login ?? ""), state: String(review.state ?? ""), at: String(review.submitted_at ?? "") })),
    lastHumanCommentAt: human.sort().at(-1) ?? null,
    requestedReviewers: ((pull.requested_reviewers as { login?: string }[] | undefined) ?? []).map((reviewer) => String(reviewer.login ?? "")),
    requestedTeams: ((pull.requested_teams as { slug?: string }[] | undefined) ?? []).map((team) => String(team.slug ?? "")),
    submissionIssue,
    reminders: own.flatMap((comment) => {
      const kind = reminderKindOf(String(comment.body ?? ""));
      return kind ? [{ kind, at: String(comment.created_at ?? "") }] : [];
    }),
  };
}

/** The writes of one action: the comment first, so that whoever is closed out reads why. */
async function carryOut(client: GitHubClient, repo: RepoRef, action: ReminderAction, body: string): Promise<void> {
  const base = { owner: repo.owner, repo: repo.repo };
  await client.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", { ...base, issue_number: action.number, body });
  if (action.kind === "escalate" && action.requestTeam) {
    await client.request("POST /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers", {
      ...base,
      pull_number: action.number,
      reviewers: [],
      team_reviewers: [action.requestTeam],
    });
  }
  if (action.kind === "close") {
    await client.request("POST /repos/{owner}/{repo}/issues/{issue_number}/labels", { ...base, issue_number: action.number, labels: [INACTIVE_LABEL] });
    await client.request("PATCH /repos/{owner}/{repo}/pulls/{pull_number}", { ...base, pull_number: action.number, state: "closed" });
  }
}
