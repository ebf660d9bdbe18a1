import { execute } from "../../bot/exec/execute.ts";
import type { GitHubClient } from "../../github/client.ts";
import { readAll } from "../../github/pager.ts";
import type { LinkJsonReport } from "../report.ts";
import { type DesiredIssue, desiredLinkIssue, type IssueContext, LINK_ISSUE_LABEL, LINK_ISSUE_MARKER } from "./render.ts";

/** An issue as the list endpoint gives it, reduced to what the planner needs. */
export interface IssueFact {
  number: number;
  title: string;
  body: string;
  state: "open" | "closed";
  user: { login: string; type: string } | null;
  /** The list endpoint returns pull requests too; they are never ours. */
  isPullRequest: boolean;
}

/** One write to GitHub. */
export type IssueRequest =
  | { route: "POST /repos/{owner}/{repo}/issues"; params: { owner: string; repo: string; title: string; body: string; labels: string[] } }
  | {
      route: "PATCH /repos/{owner}/{repo}/issues/{issue_number}";
      params: {
        owner: string;
        repo: string;
        issue_number: number;
        title?: string;
        body?: string;
        state?: "closed";
        state_reason?: "completed" | "not_planned";
      };
    };

/**
 * The links issues that are ours: open, not pull requests, carrying the marker AND written by
 * the workflow's own account (a marker pasted by anyone else does not count). Oldest first.
 */
export function ownLinkIssues(issues: readonly IssueFact[], botLogin: string): IssueFact[] {
  return issues
    .filter((issue) => !issue.isPullRequest && issue.state === "open" && issue.user?.type === "Bot" && issue.user.login === botLogin)
    .filter((issue) => issue.body.includes(LINK_ISSUE_MARKER))
    .sort((a, b) => a.number - b.number);
}

/**
 * The writes that bring GitHub to the desired state, and nothing more: create the issue when
 * one is needed and none is open, edit it only when its title or body differ, close it when
 * all is well, and close any duplicate (the oldest one is kept).
 */
export function planLinkIssue(ours: readonly IssueFact[], desired: DesiredIssue, repository: { owner: string; repo: string }): IssueRequest[] {
  const [kept, ...duplicates] = ours;
  const requests: IssueRequest[] = duplicates.map((issue) => ({
    route: "PATCH /repos/{owner}/{repo}/issues/{issue_number}",
    params: { ...repository, issue_number: issue.number, state: "closed", state_reason: "not_planned" },
  }));
  if (desired.state === "open") {
    if (!kept) {
      requests.push({
        route: "POST /repos/{owner}/{repo}/issues",
        params: { ...repository, title: desired.title, body: desired.body, labels: [LINK_ISSUE_LABEL] },
      });
    } else if (kept.title !== desired.title || kept.body !== desired.body) {
      requests.push({
        route: "PATCH /repos/{owner}/{repo}/issues/{issue_number}",
        params: { ...repository, issue_number: kept.number, title: desired.title, body: desired.body },
      });
    }
  } else if (kept) {
    requests.push({
      route: "PATCH /repos/{owner}/{repo}/issues/{issue_number}",
      params: { ...repository, issue_number: kept.number, body: desired.body, state: "closed", state_reason: "completed" },
    });
  }
  return requests;
}

/** Reads the open issues with the links label (all pages), as facts. */
export async function readLinkIssues(client: GitHubClient, repository: { owner: string; repo: string }): Promise<IssueFact[]> {
  const { items, complete } = await readAll<Record<string, unknown>>(client, "GET /repos/{owner}/{repo}/issues", {
    ...repository,
    state: "open",
    labels: LINK_ISSUE_LABEL,
  });
  // A partial list could hide our issue and lead to a second one: better to stop.
  if (!complete) throw new Error(`too many open issues labelled ${LINK_ISSUE_LABEL} to read them all`);
  return items.map((issue) => {
    const user = issue.user as { login?: unknown; type?: unknown } | null;
    return {
      number: Number(issue.number),
      title: String(issue.title ?? ""),
      body: typeof issue.body === "string" ? issue.body : "",
      state: issue.state === "closed" ? "closed" : "open",
      user: user && typeof user.login === "string" ? { login: user.login, type: String(user.type) } : null,
      isPullRequest: issue.pull_request !== undefined && issue.pull_request !== null,
    };
  });
}

/** What one sync did. */
export interface SyncOutcome {
  /** The issue kept or created; null when none is open and none is needed. */
  issue: number | null;
  desired: DesiredIssue["state"];
  planned: IssueRequest[];
  sent: number;
  error: string | null;
}

/** Reads the links issues, plans the writes for this report and sends them (none with dryRun). */
export async function syncLinkIssue(
  client: GitHubClient,
  input: { report: LinkJsonReport; context: IssueContext; botLogin: string; dryRun?: boolean },
): Promise<SyncOutcome> {
  const repository = { owner: input.context.owner, repo: input.context.repo };
  const ours = ownLinkIssues(await readLinkIssues(client, repository), input.botLogin);
  const desired = desiredLinkIssue(input.report, input.context, ours.length > 0);
  const planned = planLinkIssue(ours, desired, repository);
  const outcome = { issue: ours[0]?.number ?? null, desired: desired.state, planned };
  if (input.dryRun) return { ...outcome, sent: 0, error: null };
  const result = await execute(client, planned);
  if (result.failed) return { ...outcome, sent: result.sent, error: `${result.failed.request.route}: ${result.failed.message}` };
  // GitHub drops the labels of a new issue silently when the token may not set them; the next
  // run would then not find the issue and open another each week. Check, and say so loudly.
  if (planned.some((request) => request.route === "POST /repos/{owner}/{repo}/issues")) {
    const found = ownLinkIssues(await readLinkIssues(client, repository), input.botLogin);
    if (found.length === 0) {
      return {
        ...outcome,
        sent: result.sent,
        error: `the new links issue did not get the ${LINK_ISSUE_LABEL} label, so the next run will not find it: let the workflow's token set labels (issues: write)`,
      };
    }
    return { ...outcome, issue: found[0]?.number ?? null, sent: result.sent, error: null };
  }
  return { ...outcome, sent: result.sent, error: null };
}
