import { readFileSync } from "node:fs";
import { join } from "node:path";
import { formatFileText } from "../../format/file.ts";
import { loadFormatSchemas } from "../../format/repository.ts";
import type { GitHubClient } from "../../github/client.ts";
import { describeError, errorStatus } from "../../github/errors.ts";
import { readAll } from "../../github/pager.ts";
import type { EntryFile } from "../../scaffold/entry.ts";
import { filesDigest } from "../../submission/decide.ts";
import { executeSteps } from "../../submission/github.ts";
import { CONFIG_PATH, parseBotConfig } from "../config.ts";
import type { RepoRef } from "../facts/gather-facts.ts";
import type { BotConfig } from "../types.ts";
import {
  CONFIRMATION_LABEL,
  type ConfirmableEntry,
  type ConfirmationPullFacts,
  confirmationBranch,
  dueEntries,
  isoDay,
  parseConfirmCommand,
  readConfirmationMarker,
  recordConfirmation,
  renderConfirmationIssue,
  renderConfirmationPull,
  selectEntries,
} from "./due.ts";
import { readConfirmationOwners } from "./read.ts";

type Json = Record<string, unknown>;

export interface ConfirmationRunOptions {
  client: GitHubClient;
  repo: RepoRef;
  /** A checkout of the default branch: entries, profiles (the designated reviewers) and the config. */
  root: string;
  now: Date;
  dryRun?: boolean;
}

/** What a run did, owner by owner. */
export interface ConfirmationReport {
  opened: { owner: string; issue: number | null; pull: number | null; entries: number }[];
  notes: string[];
  errors: { owner: string; error: string }[];
}

/** The config of the checkout (the default branch). */
function readConfig(root: string): BotConfig {
  try {
    return parseBotConfig(readFileSync(join(root, CONFIG_PATH), "utf8"));
  } catch {
    return parseBotConfig(null);
  }
}

/**
 * The yearly round: for each country and organisation with designated reviewers and entries due,
 * one issue that lists them and one pull request that records their confirmation (dates only).
 * A round already opened this year for an owner is left as it is, so the run can be repeated.
 */
export async function openConfirmationRound(options: ConfirmationRunOptions): Promise<ConfirmationReport> {
  const { client, repo, root, now } = options;
  const config = readConfig(root);
  const year = now.getUTCFullYear();
  const report: ConfirmationReport = { opened: [], notes: [...config.problems], errors: [] };
  const base = { owner: repo.owner, repo: repo.repo };
  const existing = await readAll<Json>(client, "GET /repos/{owner}/{repo}/issues", { ...base, state: "all", labels: CONFIRMATION_LABEL });
  if (!existing.complete) throw new Error("there are more confirmation issues than one run reads");
  const opened = new Set(
    existing.items
      .filter((issue) => isBot(issue.user, config.botLogin))
      .map((issue) => readConfirmationMarker(String(issue.body ?? "")))
      .filter((marker) => marker !== null && marker.year === year)
      .map((marker) => marker?.owner),
  );
  const target = await readBase(client, repo);
  const schemas = loadFormatSchemas(root);
  for (const owner of readConfirmationOwners(root)) {
    const due = dueEntries(owner, config.confirmations, now);
    if (due.length === 0 || opened.has(owner.id)) continue;
    if (owner.reviewers.length === 0) {
      report.notes.push(`${owner.folder}: ${due.length} entries due, but no designated reviewers to ask.`);
      continue;
    }
    if (options.dryRun) {
      report.opened.push({ owner: owner.id, issue: null, pull: null, entries: due.length });
      continue;
    }
    try {
      const text = renderConfirmationIssue({ owner, year, due, pull: null, entryUrl: (entry) => entryUrl(repo, target.defaultBranch, entry) });
      const { data: issue } = await client.request("POST /repos/{owner}/{repo}/issues", {
        ...base,
        title: text.title,
        body: text.body,
        labels: [CONFIRMATION_LABEL],
      });
      const pull = await preparePull(client, repo, target, {
        owner,
        year,
        issue: issue.number,
        chosen: due,
        day: isoDay(now),
        requestedBy: null,
        root,
        schemas,
      });
      const final = renderConfirmationIssue({ owner, year, due, pull, entryUrl: (entry) => entryUrl(repo, target.defaultBranch, entry) });
      await client.request("PATCH /repos/{owner}/{repo}/issues/{issue_number}", { ...base, issue_number: issue.number, body: final.body });
      report.opened.push({ owner: owner.id, issue: issue.number, pull, entries: due.length });
    } catch (error) {
      report.errors.push({ owner: owner.id, error: describeError(error) });
    }
  }
  return report;
}

/** The fields of an issue_comment event the command needs. */
interface CommentEvent {
  action: string;
  issue: { number: number; body: string; state: string; user: unknown; pull_request?: unknown };
  comment: { id: number; body: string; user: { id: number; login: string; type: string } };
}

function readCommentEvent(event: unknown): CommentEvent | null {
  const value = event as Partial<CommentEvent> | null;
  const user = value?.comment?.user as Partial<CommentEvent["comment"]["user"]> | undefined;
  if (
    typeof value?.action !== "string" ||
    typeof value.issue?.number !== "number" ||
    typeof value.comment?.body !== "string" ||
    typeof user?.id !== "number" ||
    typeof user.login !== "string"
  )
    return null;
  return value as CommentEvent;
}

/** What the command did. */
export interface CommandOutcome {
  outcome: "ignored" | "refused" | "unknown-entries" | "nothing-due" | "prepared";
  reason?: string;
  pull?: number;
}

/**
 * A `/confirm` comment in a confirmation issue: from a designated reviewer of the issue's owner
 * (by numeric id, from the default branch), it rebuilds the pull request with the entries named
 * (all by default), dated today, requests that reviewer's review and says so in the issue. Anyone
 * else is told who can confirm. Comments that are not commands, and issues the bot did not open,
 * are ignored.
 */
export async function runConfirmCommand(options: ConfirmationRunOptions & { event: unknown }): Promise<CommandOutcome> {
  const { client, repo, root, now } = options;
  const base = { owner: repo.owner, repo: repo.repo };
  const event = readCommentEvent(options.event);
  if (!event || event.action !== "created") return { outcome: "ignored", reason: "not a new comment" };
  if (event.issue.pull_request) return { outcome: "ignored", reason: "a pull request" };
  const command = parseConfirmCommand(event.comment.body);
  if (!command) return { outcome: "ignored", reason: "not a /confirm command" };
  const config = readConfig(root);
  // The issue as it is now, authored by the bot: its marker names the owner and the year.
  const { data: issue } = await client.request("GET /repos/{owner}/{repo}/issues/{issue_number}", { ...base, issue_number: event.issue.number });
  const marker = readConfirmationMarker(String(issue.body ?? ""));
  if (!marker || !isBot(issue.user, config.botLogin) || issue.state !== "open") return { outcome: "ignored", reason: "not an open confirmation issue" };
  const owner = readConfirmationOwners(root).find((candidate) => candidate.id === marker.owner);
  if (!owner) return { outcome: "ignored", reason: `no ${marker.owner} on the default branch` };
  const say = (body: string) => client.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", { ...base, issue_number: issue.number, body });
  const commenter = event.comment.user;
  if (event.comment.user.type === "Bot") return { outcome: "ignored", reason: "a bot's comment" };
  if (!owner.reviewers.some((reviewer) => reviewer.id === commenter.id)) {
    if (!options.dryRun) await say(`Only the designated reviewers of ${owner.name} can confirm its entries, so I have changed nothing.`);
    return { outcome: "refused", reason: `${commenter.login} is not a designated reviewer of ${owner.id}` };
  }
  const due = dueEntries(owner, config.confirmations, now);
  if (due.length === 0) {
    if (!options.dryRun) await say(`Every entry of ${owner.name} is confirmed already: there is nothing left to confirm.`);
    return { outcome: "nothing-due" };
  }
  const { chosen, unknown } = selectEntries(due, command);
  if (unknown.length > 0 || chosen.length === 0) {
    const names = unknown.map((name) => `\`${name.replace(/[`\\]/g, "").slice(0, 100)}\``).join(", ");
    if (!options.dryRun)
      await say(
        `${names || "No entry"} ${unknown.length === 1 ? "is" : "are"} not among the entries this issue lists, so I have changed nothing. Name them as the table does (the part after the slash is enough), or write \`/confirm\` alone for all.`,
      );
    return { outcome: "unknown-entries", reason: unknown.join(", ") };
  }
  if (options.dryRun) return { outcome: "prepared" };
  const target = await readBase(client, repo);
  const pull = await preparePull(client, repo, target, {
    owner,
    year: marker.year,
    issue: issue.number,
    chosen,
    day: isoDay(now),
    requestedBy: commenter.login,
    root,
    schemas: loadFormatSchemas(root),
  });
  await client.request("POST /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers", { ...base, pull_number: pull, reviewers: [commenter.login] });
  await say(
    `Pull request #${pull} now confirms ${chosen.length} ${chosen.length === 1 ? "entry" : "entries"} of ${owner.name}, dated ${isoDay(now)}. Approve it there to finish: your approval is the confirmation.`,
  );
  return { outcome: "prepared", pull };
}

function isBot(user: unknown, botLogin: string): boolean {
  const account = user as { login?: unknown; type?: unknown } | null;
  return account?.type === "Bot" && account.login === botLogin;
}

interface BaseFacts {
  defaultBranch: string;
  sha: string;
  treeSha: string;
}

async function readBase(client: GitHubClient, repo: RepoRef): Promise<BaseFacts> {
  const base = { owner: repo.owner, repo: repo.repo };
  const { data } = await client.request("GET /repos/{owner}/{repo}", base);
  const defaultBranch = String(data.default_branch);
  const { data: ref } = await client.request("GET /repos/{owner}/{repo}/git/ref/{ref}", { ...base, ref: `heads/${defaultBranch}` });
  const { data: commit } = await client.request("GET /repos/{owner}/{repo}/git/commits/{commit_sha}", { ...base, commit_sha: ref.object.sha });
  return { defaultBranch, sha: ref.object.sha, treeSha: commit.tree.sha };
}

function entryUrl(repo: RepoRef, branch: string, entry: ConfirmableEntry): string {
  return `${repo.serverUrl}/${repo.owner}/${repo.repo}/tree/${encodeURIComponent(branch)}/${entry.dir}`;
}

/**
 * Builds the confirmation branch on the default branch's tip (activity.json of each chosen entry,
 * with only its confirmation changed, in the canonical format) and opens or updates its pull
 * request. An unchanged set of files makes no new commit. Returns the pull request's number.
 */
async function preparePull(
  client: GitHubClient,
  repo: RepoRef,
  target: BaseFacts,
  options: ConfirmationPullFacts & { root: string; schemas: ReturnType<typeof loadFormatSchemas> },
): Promise<number> {
  const base = { owner: repo.owner, repo: repo.repo };
  const files: EntryFile[] = options.chosen.map((entry) => {
    const path = `${entry.dir}/activity.json`;
    const text = recordConfirmation(readFileSync(join(options.root, path), "utf8"), options.owner.id, options.day);
    return { path, text: formatFileText(path, text, options.schemas).text ?? text };
  });
  const branch = confirmationBranch(options.owner.id, options.year);
  const digest = filesDigest(files);
  let branchMessage: string | null = null;
  try {
    const { data: ref } = await client.request("GET /repos/{owner}/{repo}/git/ref/{ref}", { ...base, ref: `heads/${branch}` });
    const { data: commit } = await client.request("GET /repos/{owner}/{repo}/git/commits/{commit_sha}", { ...base, commit_sha: ref.object.sha });
    branchMessage = commit.message;
  } catch (error) {
    if (errorStatus(error) !== 404) throw error;
  }
  const pulls = await readAll<Json>(client, "GET /repos/{owner}/{repo}/pulls", { ...base, head: `${repo.owner}:${branch}`, state: "open" });
  const open = pulls.items[0];
  const text = renderConfirmationPull(options);
  const message = [
    `Confirm ${options.chosen.length} ${options.chosen.length === 1 ? "entry" : "entries"} of ${options.owner.id} on ${options.day}`,
    "",
    `Asked for in #${options.issue}.`,
    "",
    `Submission-Digest: ${digest}`,
    "",
  ].join("\n");
  const recorded = branchMessage ? /^Submission-Digest: ([0-9a-f]{16})$/m.exec(branchMessage)?.[1] : undefined;
  const steps: Parameters<typeof executeSteps>[2][number][] = [];
  if (recorded !== digest) {
    steps.push({ kind: "commit", branch, create: branchMessage === null, baseSha: target.sha, baseTreeSha: target.treeSha, files, message });
  }
  if (!open) steps.push({ kind: "create-pull", title: text.title, body: text.body, head: branch, base: target.defaultBranch });
  else if (open.title !== text.title || open.body !== text.body)
    steps.push({ kind: "update-pull", number: Number(open.number), title: text.title, body: text.body });
  const created = await executeSteps(client, base, steps);
  const number = created ?? (open ? Number(open.number) : null);
  if (number === null) throw new Error("no pull request number after the steps");
  return number;
}
