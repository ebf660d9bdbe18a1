import { escapeInline } from "../render/escape.ts";
import type { ConfirmationSettings, Reviewer } from "../types.ts";

/** One entry as the confirmation round sees it, read from the default branch. */
export interface ConfirmableEntry {
  /** <owner>/<slug>, the entry's permalink. */
  permalink: string;
  /** countries/<iso3>/activities/<slug> or organizations/<id>/activities/<slug>. */
  dir: string;
  /** The title in the entry's original language. */
  title: string;
  confirmedBy: string[];
  confirmedOn: string | null;
}

/** A country or organisation with its designated reviewers and its entries. */
export interface ConfirmationOwner {
  /** The folder name: ken, itu. */
  id: string;
  /** countries/ken or organizations/itu. */
  folder: string;
  /** The name people read: Kenya. */
  name: string;
  reviewers: Reviewer[];
  entries: ConfirmableEntry[];
}

/** The hidden marker of a yearly confirmation issue: the owner and the year, so each is opened once. */
export function confirmationMarker(owner: string, year: number): string {
  return `<!-- cop-bot:confirmations ${owner} ${year} -->`;
}

/** The owner and year of a confirmation issue's body, when it starts with the bot's marker. */
export function readConfirmationMarker(body: string): { owner: string; year: number } | null {
  const match = /^<!-- cop-bot:confirmations ([a-z0-9]+(?:-[a-z0-9]+)*) ([0-9]{4}) -->/.exec(body);
  return match ? { owner: match[1] as string, year: Number(match[2]) } : null;
}

/** The branch of an owner's confirmation pull request for a year. */
export function confirmationBranch(owner: string, year: number): string {
  return `confirmation/${owner}-${year}`;
}

/** The label of confirmation issues: the workflow answers commands only in issues that carry it. */
export const CONFIRMATION_LABEL = "confirmation";

const DAY = 86_400_000;

/**
 * The entries an owner's reviewers should confirm now: never confirmed by that owner, or confirmed
 * longer ago than `dueAfterDays`. Sorted by permalink, so the issue and the pull request are stable.
 */
export function dueEntries(owner: ConfirmationOwner, settings: ConfirmationSettings, today: Date): ConfirmableEntry[] {
  return owner.entries
    .filter((entry) => {
      if (!entry.confirmedBy.includes(owner.id) || entry.confirmedOn === null) return true;
      const confirmed = Date.parse(`${entry.confirmedOn}T00:00:00Z`);
      return !Number.isFinite(confirmed) || today.getTime() - confirmed >= settings.dueAfterDays * DAY;
    })
    .sort((a, b) => (a.permalink < b.permalink ? -1 : a.permalink > b.permalink ? 1 : 0));
}

/** The day of a date, as the schema's `day` wants it: 2026-01-15. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * activity.json with the owner's confirmation recorded on `day`: the owner joins
 * provenance.confirmedBy and provenance.confirmedOn becomes the day. Nothing else changes; the
 * caller puts the result in the canonical format, so the diff is those two lines.
 */
export function recordConfirmation(activityText: string, owner: string, day: string): string {
  const activity = JSON.parse(activityText) as { provenance?: Record<string, unknown> } & Record<string, unknown>;
  const provenance = { ...(activity.provenance ?? { compiledBy: "editors" }) };
  const before = Array.isArray(provenance.confirmedBy) ? (provenance.confirmedBy as unknown[]).filter((id): id is string => typeof id === "string") : [];
  provenance.confirmedBy = before.includes(owner) ? before : [...before, owner];
  provenance.confirmedOn = day;
  activity.provenance = provenance;
  return `${JSON.stringify(activity, null, 2)}\n`;
}

/** What a `/confirm` command asks: every entry of the issue, or the ones it names. */
export type ConfirmCommand = { all: true } | { all: false; names: string[] };

/**
 * The command of a comment: `/confirm` alone on its first line confirms every entry the issue
 * lists; `/confirm a b` (slugs or permalinks, separated by spaces or commas) only those.
 */
export function parseConfirmCommand(body: string): ConfirmCommand | null {
  const first =
    body
      .replace(/^\uFEFF/, "")
      .trimStart()
      .split(/\r?\n/, 1)[0] ?? "";
  const match = /^\/confirm(?:\s+(.*))?$/.exec(first.trim());
  if (!match) return null;
  const names = (match[1] ?? "")
    .split(/[\s,]+/)
    .map((name) => name.replace(/^`|`$/g, "").trim())
    .filter(Boolean);
  return names.length === 0 ? { all: true } : { all: false, names: [...new Set(names)].slice(0, 500) };
}

/** The due entries a command selects, and the names it gave that are not among them. */
export function selectEntries(due: readonly ConfirmableEntry[], command: ConfirmCommand): { chosen: ConfirmableEntry[]; unknown: string[] } {
  if (command.all) return { chosen: [...due], unknown: [] };
  const bySlug = new Map<string, ConfirmableEntry>();
  for (const entry of due) {
    bySlug.set(entry.permalink, entry);
    bySlug.set(entry.permalink.split("/")[1] ?? entry.permalink, entry);
  }
  const chosen = new Set<ConfirmableEntry>();
  const unknown: string[] = [];
  for (const name of command.names) {
    const entry = bySlug.get(name.toLowerCase());
    if (entry) chosen.add(entry);
    else unknown.push(name);
  }
  return { chosen: due.filter((entry) => chosen.has(entry)), unknown };
}

/** Entries listed in one issue at most: GitHub caps a body at 65,536 characters. */
export const MAX_LISTED = 300;

const LOGIN = /^[A-Za-z0-9](?:-?[A-Za-z0-9]){0,38}$/;

/** The reviewers to mention: logins from the profile on the default branch, checked by pattern. */
export function reviewerMentions(reviewers: readonly Reviewer[]): string[] {
  return [...new Set(reviewers.map((reviewer) => reviewer.login).filter((login) => LOGIN.test(login)))].map((login) => `@${login}`);
}

/** The yearly issue of one owner: whom it asks, what to read, and the two ways to confirm. */
export function renderConfirmationIssue(options: {
  owner: ConfirmationOwner;
  year: number;
  due: readonly ConfirmableEntry[];
  pull: number | null;
  entryUrl: (entry: ConfirmableEntry) => string;
}): { title: string; body: string } {
  const { owner, year, due } = options;
  const name = escapeInline(owner.name, 80);
  const mentions = reviewerMentions(owner.reviewers);
  const shown = due.slice(0, MAX_LISTED);
  const rows = shown.map(
    (entry) =>
      `| [\`${entry.permalink}\`](${options.entryUrl(entry)}) | ${escapeInline(entry.title, 160)} | ${entry.confirmedOn && entry.confirmedBy.includes(owner.id) ? entry.confirmedOn : "never"} |`,
  );
  const pull = options.pull ? `pull request #${options.pull}` : "the pull request linked below (it is being prepared)";
  const body = [
    confirmationMarker(owner.id, year),
    `${mentions.length > 0 ? `${mentions.join(", ")}: as` : "As"} designated reviewers of ${name}, please confirm that these entries are still right. COP Atlas asks once a year; each entry's page then says "Confirmed by ${name} on <date>" instead of "Not yet confirmed".`,
    "",
    "| entry | title | last confirmed |",
    "| --- | --- | --- |",
    ...rows,
    ...(due.length > shown.length ? ["", `… and ${due.length - shown.length} more, listed in ${pull}.`] : []),
    "",
    `**If they are all right:** approve ${pull}. It changes nothing but their confirmation (who confirmed, and the day).`,
    "",
    "**If some are wrong or out of date:** open a correction from the entry's page (*Suggest a correction*), and comment here `/confirm` followed by the entries that are right, for example `/confirm " +
      `${shown[0]?.permalink.split("/")[1] ?? "entry-name"}\`: the pull request then confirms only those, dated the day of your comment. \`/confirm\` alone confirms them all.`,
    "",
    `Anyone who is not a designated reviewer of ${name} can comment, but only a designated reviewer's approval confirms.`,
  ].join("\n");
  return { title: `Confirm ${owner.name}'s entries (${year})`.slice(0, 200), body };
}

/** What a confirmation pull request records: whose entries, which, on what day, at whose request. */
export interface ConfirmationPullFacts {
  owner: ConfirmationOwner;
  year: number;
  issue: number;
  chosen: readonly ConfirmableEntry[];
  day: string;
  requestedBy: string | null;
}

/** The confirmation pull request's title and body. */
export function renderConfirmationPull(options: ConfirmationPullFacts): { title: string; body: string } {
  const name = escapeInline(options.owner.name, 80);
  return {
    title: `Confirm ${options.chosen.length} ${options.chosen.length === 1 ? "entry" : "entries"} of ${options.owner.name} (${options.year})`.slice(0, 200),
    body: [
      `This pull request records that the designated reviewers of ${name} confirm ${options.chosen.length} ${options.chosen.length === 1 ? "entry" : "entries"}, listed in #${options.issue}${options.requestedBy ? `, as ${escapeInline(options.requestedBy.replace(/^@+/, ""), 60)} asked there` : ""}.`,
      "",
      `It changes only \`provenance\` in each activity.json: \`confirmedBy\` gains \`${options.owner.id}\` and \`confirmedOn\` becomes ${options.day}. An approval by a designated reviewer of ${name} is the confirmation.`,
      "",
      `Closes #${options.issue}`,
      "",
    ].join("\n"),
  };
}
