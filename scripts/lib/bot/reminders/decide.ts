import type { ReminderSettings } from "../types.ts";

/** The hidden marker of the bot's reminder comments; the kind follows it, so runs can tell what was already said. */
export const REMINDER_MARKER = "<!-- cop-bot:reminder";

/** What the bot says to move a pull request along. */
export type ReminderKind = "remind-reviewers" | "remind-author" | "escalate" | "close";

/** One earlier reminder of the bot on the pull request (its own comments only). */
export interface PastReminder {
  kind: ReminderKind;
  at: string;
}

/** What the reminder job knows about one open pull request, read from the API. */
export interface ReminderFacts {
  number: number;
  draft: boolean;
  author: string;
  createdAt: string;
  /** The latest committer date of its commits: when it last changed. */
  lastCommitAt: string | null;
  /** Reviews by people (not bots), with their state and time. */
  reviews: { login: string; state: string; at: string }[];
  /** Comments by people (not the bot): any of them is activity. */
  lastHumanCommentAt: string | null;
  /** The people and teams whose review is requested now. */
  requestedReviewers: string[];
  requestedTeams: string[];
  /** The issue it was made from, for a pull request of the submission bot. */
  submissionIssue: number | null;
  /** The bot's own reminders, oldest first. */
  reminders: PastReminder[];
}

/** The secretariat to escalate to: its mention, and its team slug when the API can request its review. */
export interface Secretariat {
  mention: string;
  teamSlug: string | null;
}

/** What to do on one pull request now; nothing when it is active or was reminded within the period. */
export type ReminderAction =
  | { kind: "remind-reviewers"; number: number; idleDays: number; mentions: string[] }
  | { kind: "remind-author"; number: number; idleDays: number; mentions: string[] }
  | { kind: "escalate"; number: number; idleDays: number; mentions: string[]; requestTeam: string | null }
  | { kind: "close"; number: number; idleDays: number; mentions: string[]; issue: number };

const DAY = 86_400_000;
const LOGIN = /^[A-Za-z0-9](?:-?[A-Za-z0-9]){0,38}$/;

/** When anyone last did something on the pull request: opened it, pushed, reviewed or commented (the bot's own comments do not count). */
export function lastActivity(facts: ReminderFacts): number {
  const times = [facts.createdAt, facts.lastCommitAt, facts.lastHumanCommentAt, ...facts.reviews.map((review) => review.at)]
    .filter((time): time is string => time !== null)
    .map((time) => Date.parse(time))
    .filter((time) => Number.isFinite(time));
  return Math.max(...times);
}

/**
 * Whom the pull request waits on: its author when a reviewer's latest verdict asks for changes and
 * nothing was pushed since; its reviewers otherwise.
 */
export function waitingOn(facts: ReminderFacts): "author" | "reviewers" {
  const latest = new Map<string, { state: string; at: number }>();
  for (const review of facts.reviews) {
    if (review.state === "COMMENTED" || review.state === "PENDING") continue;
    const at = Date.parse(review.at);
    const before = latest.get(review.login);
    if (!before || at >= before.at) latest.set(review.login, { state: review.state, at });
  }
  const pushed = facts.lastCommitAt ? Date.parse(facts.lastCommitAt) : 0;
  const asked = [...latest.values()].some((verdict) => verdict.state === "CHANGES_REQUESTED" && verdict.at >= pushed);
  return asked ? "author" : "reviewers";
}

/**
 * The one step, if any, that a quiet pull request needs now (pure). Days count from its last
 * activity; the bot's reminders are not activity, so a pull request moves from a reminder to an
 * escalation to closing while nobody acts, and anything a person does starts the count again.
 * - reminders: to whoever it waits on, after `remindAfterDays` and again every as many days;
 * - escalation: to the secretariat, once per quiet stretch, after `escalateAfterDays`;
 * - closing: only a submission pull request that waits on its submitter, after `closeAfterDays`,
 *   with a note that the issue stays open; a pull request that waits on reviewers is never closed.
 * Drafts wait for their author to mark them ready and are left alone.
 */
export function decideReminder(facts: ReminderFacts, settings: ReminderSettings, secretariat: Secretariat, now: Date): ReminderAction | null {
  if (facts.draft) return null;
  const since = lastActivity(facts);
  const idleDays = Math.floor((now.getTime() - since) / DAY);
  if (idleDays < settings.remindAfterDays) return null;
  const said = facts.reminders.filter((reminder) => Date.parse(reminder.at) >= since);
  const whom = waitingOn(facts);
  const people = (logins: readonly string[]) => [...new Set(logins.filter((login) => LOGIN.test(login)))].map((login) => `@${login}`);
  const author = people([facts.author]);

  if (whom === "author" && facts.submissionIssue !== null && idleDays >= settings.closeAfterDays) {
    return { kind: "close", number: facts.number, idleDays, mentions: author, issue: facts.submissionIssue };
  }
  if (whom === "reviewers" && idleDays >= settings.escalateAfterDays && !said.some((reminder) => reminder.kind === "escalate")) {
    const requestTeam = secretariat.teamSlug && !facts.requestedTeams.includes(secretariat.teamSlug) ? secretariat.teamSlug : null;
    return { kind: "escalate", number: facts.number, idleDays, mentions: [secretariat.mention], requestTeam };
  }
  // One reminder per period: the last word of the bot in this quiet stretch must be a period old.
  const lastSaid = Math.max(since, ...said.map((reminder) => Date.parse(reminder.at)));
  if (now.getTime() - lastSaid < settings.remindAfterDays * DAY) return null;
  if (whom === "author") return author.length > 0 ? { kind: "remind-author", number: facts.number, idleDays, mentions: author } : null;
  const reviewers = people(facts.requestedReviewers);
  // Nobody to remind by name: the escalation reaches the secretariat in time.
  if (reviewers.length === 0) return null;
  return { kind: "remind-reviewers", number: facts.number, idleDays, mentions: reviewers };
}

/** The comment of a reminder action, with its hidden marker; mentions are GitHub logins checked by pattern, or the configured team. */
export function renderReminder(action: ReminderAction, settings: ReminderSettings): string {
  const marker = `${REMINDER_MARKER} ${action.kind} -->`;
  const days = `${action.idleDays} days`;
  // Mentions notify; without a login to mention (a bot's pull request) the sentence stands alone.
  const who = action.mentions.length > 0 ? `${action.mentions.join(", ")}: ` : "";
  const start = (text: string): string => (who ? `${who}${text}` : `${text.charAt(0).toUpperCase()}${text.slice(1)}`);
  switch (action.kind) {
    case "remind-reviewers":
      return [
        marker,
        start(`this pull request has been waiting for your review for ${days}. When you have a moment, please approve it or say what should change.`),
        "",
        `If you cannot review it, say so here and the secretariat will find someone else. I remind again every ${settings.remindAfterDays} days while nothing happens, and ask the secretariat after ${settings.escalateAfterDays}.`,
      ].join("\n");
    case "remind-author":
      return [
        marker,
        start(
          `a reviewer asked for changes ${days} ago and the pull request has not changed since. Please make the changes, or reply to the review if you see it differently.`,
        ),
        "",
        "If you need help, ask here: the reviewers and the secretariat read this conversation.",
      ].join("\n");
    case "escalate":
      return [
        marker,
        start(`nothing has happened on this pull request for ${days}, although it waits for a review. Please find a reviewer, or review it yourselves.`),
      ].join("\n");
    case "close":
      return [
        marker,
        start(
          `thank you for this submission. It has waited ${days} for the changes the review asked for, so I am closing this pull request to keep the list of open reviews current. Nothing is lost.`,
        ),
        "",
        `Issue #${action.issue} stays open: whenever you are ready, edit it with the changes, and I reopen this pull request with them. You can also ask for help there.`,
      ].join("\n");
  }
}

/** The kind of a reminder comment written by the bot, or null for any other comment. */
export function reminderKindOf(body: string): ReminderKind | null {
  const match = /^<!-- cop-bot:reminder (remind-reviewers|remind-author|escalate|close) -->/.exec(body);
  return match ? (match[1] as ReminderKind) : null;
}
