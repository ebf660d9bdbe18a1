import { createHash } from "node:crypto";
import { INACTIVE_LABEL } from "../bot/reminders/labels.ts";
import { submissionBranch } from "../bot/submission.ts";
import type { EntryFile } from "../scaffold/entry.ts";
import { renderCommitMessage, renderPullBody, renderPullTitle } from "./render.ts";

/** At most this many open submissions per person get a pull request. */
export const MAX_OPEN_SUBMISSIONS = 5;
const LOGIN = /^[A-Za-z0-9](?:-?[A-Za-z0-9])*$/;

export interface IssueFacts {
  number: number;
  body: string;
  state: "open" | "closed";
  isPullRequest: boolean;
  labels: string[];
  author: { id: number; login: string; type: string };
}

/** What the API says about where the entry would go, read after the form is understood. */
export interface TargetFacts {
  defaultBranch: string;
  base: { sha: string; treeSha: string };
  entryExistsOnBase: boolean;
  countryExistsOnBase: boolean;
  /** The submission branch's head, or null when there is no branch yet. */
  branch: { sha: string; message: string } | null;
  pull: { number: number; state: "open" | "closed"; merged: boolean; title: string; body: string; labels: string[] } | null;
  /** Numbers of the author's open submission issues, oldest first (this one included). */
  openSubmissions: number[];
}

/** One write to GitHub. `commit` builds a tree and a commit on the base and points the branch at it. */
export type SubmissionStep =
  | { kind: "commit"; branch: string; create: boolean; baseSha: string; baseTreeSha: string; files: EntryFile[]; message: string }
  | { kind: "create-pull"; title: string; body: string; head: string; base: string }
  | { kind: "update-pull"; number: number; title: string; body: string }
  /** Reopens a pull request the reminder job closed for inactivity, and takes its label off. */
  | { kind: "reopen-pull"; number: number; label: string };

/** A fingerprint of the files, recorded in the commit message: an unchanged submission makes no new commit. */
export function filesDigest(files: readonly EntryFile[]): string {
  const hash = createHash("sha256");
  for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : 1))) hash.update(`${file.path}\0${file.text}\0`);
  return hash.digest("hex").slice(0, 16);
}

/** The `Co-authored-by:` value that credits the issue's author through their private noreply address. */
export function coAuthor(author: { id: number; login: string }): string | null {
  if (!LOGIN.test(author.login) || !Number.isSafeInteger(author.id) || author.id < 1) return null;
  return `${author.login} <${author.id}+${author.login}@users.noreply.github.com>`;
}

/** A new entry from the new-activity form, or an edit of an existing one from the correction form. */
export type SubmissionMode = "new" | "correction";

export type Decision =
  | { kind: "exists"; permalink: string }
  | { kind: "no-entry"; permalink: string }
  | { kind: "rate-limited"; limit: number }
  | { kind: "pull-closed"; pull: number; merged: boolean }
  | { kind: "hand-edited"; pull: number | null }
  | { kind: "ready"; steps: SubmissionStep[]; pullNumber: number | null };

/**
 * The whole desired state for a valid submission, compared with what exists: the steps that
 * bring GitHub there, and nothing when it is there already (a second run sends no writes).
 */
export function decideSubmission(options: {
  issue: IssueFacts;
  target: TargetFacts;
  permalink: string;
  title: string;
  language: string;
  files: EntryFile[];
  checklist: string;
  /** "new" unless said otherwise. */
  mode?: SubmissionMode;
}): Decision {
  const { issue, target } = options;
  const mode = options.mode ?? "new";
  // A pull request closed for inactivity resumes when its submitter comes back; any other closing is final.
  const resumes = target.pull !== null && target.pull.state === "closed" && !target.pull.merged && target.pull.labels.includes(INACTIVE_LABEL);
  if (target.pull && (target.pull.merged || target.pull.state === "closed") && !resumes)
    return { kind: "pull-closed", pull: target.pull.number, merged: target.pull.merged };
  // A new entry never replaces one; a correction edits one that exists.
  if (mode === "new" && target.entryExistsOnBase) return { kind: "exists", permalink: options.permalink };
  if (mode === "correction" && !target.entryExistsOnBase) return { kind: "no-entry", permalink: options.permalink };
  const position = target.openSubmissions.indexOf(issue.number);
  if (!target.pull && (position >= MAX_OPEN_SUBMISSIONS || (position < 0 && target.openSubmissions.length >= MAX_OPEN_SUBMISSIONS))) {
    return { kind: "rate-limited", limit: MAX_OPEN_SUBMISSIONS };
  }
  const digest = filesDigest(options.files);
  const branch = submissionBranch(issue.number);
  const steps: SubmissionStep[] = [];
  // Reopen before the branch moves: GitHub refuses to reopen a pull request whose branch was force-pushed while it was closed.
  if (resumes && target.pull) steps.push({ kind: "reopen-pull", number: target.pull.number, label: INACTIVE_LABEL });
  if (target.branch) {
    const recorded = /^Submission-Digest: ([0-9a-f]{16})$/m.exec(target.branch.message)?.[1];
    if (!recorded) return { kind: "hand-edited", pull: target.pull?.number ?? null };
    if (recorded !== digest) steps.push(commitStep(false));
  } else steps.push(commitStep(true));
  const title = renderPullTitle(options.permalink, issue.number, mode);
  const body = renderPullBody({
    mode,
    issue: issue.number,
    authorLogin: issue.author.login,
    permalink: options.permalink,
    title: options.title,
    language: options.language,
    checklist: options.checklist,
  });
  if (!target.pull) steps.push({ kind: "create-pull", title, body, head: branch, base: target.defaultBranch });
  else if (target.pull.title !== title || target.pull.body !== body) steps.push({ kind: "update-pull", number: target.pull.number, title, body });
  return { kind: "ready", steps, pullNumber: target.pull?.number ?? null };

  function commitStep(create: boolean): SubmissionStep {
    return {
      kind: "commit",
      branch,
      create,
      baseSha: target.base.sha,
      baseTreeSha: target.base.treeSha,
      files: options.files,
      message: renderCommitMessage({ mode, permalink: options.permalink, issue: issue.number, digest, coAuthor: coAuthor(issue.author) }),
    };
  }
}
