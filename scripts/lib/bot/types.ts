/**
 * The data the review bot passes between its stages:
 * facts (read once) → policy (pure) → plan (pure diff) → exec (writes) → render (Markdown).
 * Nothing here imports octokit, so the pure stages stay pure.
 */

import type { MessageRef } from "../i18n/messages.ts";
import type { UnLanguage } from "../vocab.ts";
import type { EntryChange } from "./changes/describe.ts";

/** A GitHub account as the bot sees it. `id` is what counts: logins can be renamed. */
export interface Account {
  id: number;
  login: string;
  /** "User", "Bot", "Organization"… as GitHub reports it. */
  type: string;
}

/** A designated reviewer as written in a profile or the config: login plus numeric id. */
export interface Reviewer {
  login: string;
  id: number;
}

/** The bot's settings, read from `.github/cop-atlas.json` on the default branch. */
export interface BotConfig {
  /** The secretariat team, "@org/team": requested on governance changes. */
  secretariat: string;
  /** Off by default: the bot only advises until it is trusted. */
  autoMerge: boolean;
  /** The bot's own login ("name[bot]"): its sticky comment must be authored by it. */
  botLogin: string;
  /** Secretariat members by numeric id: they approve governance changes. */
  secretariatMembers: Reviewer[];
  /** The workflow file whose runs are the validation, e.g. ".github/workflows/validate.yml". */
  validateWorkflow: string;
  /** The workflow file whose runs relay reviews (pull_request_review) to the bot. */
  reviewRelayWorkflow: string;
  /** The workflow file whose runs build the pull request's site as an artifact (the preview). */
  previewWorkflow: string;
  /** When an idle pull request is nudged, escalated and (for a submission waiting on its author) closed. */
  reminders: ReminderSettings;
  /** When an entry is due for re-confirmation by its owner's reviewers. */
  confirmations: ConfirmationSettings;
  /** Problems found while reading the config: each one makes the bot ask for a human. */
  problems: string[];
}

/** Days of silence on a pull request before each step; each step at most once per period. */
export interface ReminderSettings {
  /** Remind whoever the pull request waits on after this many days without activity, and again every as many days. */
  remindAfterDays: number;
  /** Ask the secretariat to step in after this many days without activity (once per quiet stretch). */
  escalateAfterDays: number;
  /** Close a submission pull request that waits on its submitter after this many days; the issue stays open. */
  closeAfterDays: number;
}

/** How long a confirmation holds. */
export interface ConfirmationSettings {
  /** An entry confirmed longer ago than this (or never) is listed in its owner's yearly issue. */
  dueAfterDays: number;
}

/** One file of the pull request, as the files API (or `git diff`) reports it. */
export interface ChangedFile {
  path: string;
  status: "added" | "removed" | "modified" | "renamed" | "copied" | "changed" | "unchanged";
  /** For a rename: where the file was before. */
  previousPath?: string;
}

/** One review, reduced to what the approval rules need. */
export interface ReviewFact {
  id: number;
  /** null when the account was deleted ("ghost"). */
  user: Account | null;
  state: string;
  /** The commit the review was made on. */
  commitId: string | null;
  submittedAt: string | null;
}

/** An issue comment that carries the bot's marker (whoever wrote it: the policy checks the author). */
export interface CommentFact {
  id: number;
  user: Account | null;
  body: string;
}

/** A commit status of the approval context on the head commit. */
export interface StatusFact {
  state: string;
  description: string | null;
  targetUrl: string | null;
  creator: Account | null;
}

/** What a profile (country.json / organization.json) says about trust and regions. */
export type ProfileRead =
  | {
      status: "ok";
      reviewers: Reviewer[];
      regions: string[];
      /** The languages the country asked the bots to write in (country.json `languages`), when it chose them. */
      languages?: UnLanguage[];
    }
  | { status: "missing" }
  /** `message` in English for the log; `problem`, when known, the same in the catalogs' words, for the comment. */
  | { status: "error"; message: string; problem?: MessageRef };

/** One <lang>.md of an entry: read as data, never executed or rendered raw. */
export interface NarrativeRead {
  lang: string;
  title: string | null;
  /** The narrative's fingerprint (what a translation's `translation.version` names). */
  version: string | null;
  translation: { from: string; version: string; method: string } | null;
  problem?: string;
}

/** An entry folder as read at the head (or at the base when the PR removes it). */
export interface EntryRead {
  /** "head" normally; "base" when the entry no longer exists at the head. */
  ref: "head" | "base";
  originalLanguage: string | null;
  narratives: NarrativeRead[];
  problems: string[];
  /** What the pull request changes in the entry, when both sides could be read (and vocabularies were given). */
  described?: EntryChange;
}

/** The site preview of the head commit: the run that builds it and where it stands. */
export interface PreviewFact {
  runId: number;
  state: "ready" | "building" | "failed";
}

/** A run of a workflow for the head commit, as the workflow-runs API reports it. */
export interface WorkflowRunFact {
  id: number;
  name: string | null;
  /** The workflow file, e.g. ".github/workflows/validate.yml". */
  path: string;
  event: string;
  headSha: string;
  status: string | null;
  conclusion: string | null;
  createdAt: string;
}

/** One diagnostic of the validator, as carried in the artifact. */
export interface Finding {
  ruleId: string;
  severity: "error" | "warning";
  file: string;
  line: number;
  column: number;
  message: string;
  hint?: string;
  /** The message in the UN languages the validator gave it in, for the comment's sections in those languages. */
  messages?: Partial<Record<UnLanguage, string>>;
}

/** The validation findings the bot knows for one run of the validate workflow. */
export interface ValidationSummary {
  runId: number;
  headSha: string;
  errors: number;
  warnings: number;
  /** The first findings, errors first (the comment shows a bounded list). */
  findings: Finding[];
}

/** Everything the bot knows about one pull request. Produced by gatherFacts or the local reader. */
export interface PrFacts {
  repo: { owner: string; name: string; serverUrl: string };
  pr: {
    number: number;
    state: string;
    merged: boolean;
    draft: boolean;
    headSha: string;
    /** The merge base side: where removed entries are read. */
    baseSha: string;
    baseRef: string;
    mergeable: boolean | null;
    author: Account;
    body: string;
    changedFiles: number;
    /** The head branch's name: `submission/issue-N` points to the submission issue. */
    headRef: string;
    /** The repository the head branch lives in (a fork's for fork pull requests); null when it was deleted. */
    headRepo: { owner: string; name: string } | null;
    /** How many commits GitHub counts in the pull request. */
    commits: number;
  };
  /** The default branch and the commit of it where trust anchors (profiles, config) were read. */
  trust: { defaultBranch: string; sha: string };
  files: ChangedFile[];
  filesComplete: boolean;
  reviews: ReviewFact[];
  reviewsComplete: boolean;
  requestedReviewers: { users: Account[]; teams: string[] };
  /** Comments containing the marker, whoever wrote them. */
  markerComments: CommentFact[];
  commentsComplete: boolean;
  labels: string[];
  labelsComplete: boolean;
  /** Statuses of the approval context on the head commit, newest first. */
  approvalStatuses: StatusFact[];
  statusesComplete: boolean;
  /** Per unit key ("country:rwa"): the profile at the trust commit, and at the head when the PR changes it. */
  profiles: Record<string, { base: ProfileRead; head: ProfileRead | null }>;
  /** Per entry key ("country:rwa/national-cop-policy-2019"). */
  entries: Record<string, EntryRead>;
  /** Touched entries the bot did not read (too many): shown, not decided on. */
  entriesNotRead: number;
  /** Current logins of designated reviewers, by id (null: the account no longer exists). */
  accounts: Record<number, string | null>;
  validation: {
    /** Runs of the validate workflow for the head commit. */
    runs: WorkflowRunFact[];
    /** The findings from the artifact of the run that triggered this bot run, when it was accepted. */
    artifact: ValidationSummary | null;
  };
  /** Who took part in the change, each from a source the change's author cannot edit. */
  contributors: ContributorFacts;
  /** The latest run of the site-preview workflow for the head commit, whose artifact holds the built site. */
  preview?: PreviewFact | null;
  /** API errors and the like: each one makes the bot ask for a human. */
  problems: string[];
}

/** The submission issue a `submission/issue-N` branch points to, read through the API. */
export interface SubmissionFacts {
  issue: number;
  /** Who opened the issue: the submitter. */
  author: Account;
  /** Everyone who saved a revision of the issue's body (its author included when they edited it). */
  editors: Account[];
  /** False when the edit history could not be read to the end. */
  editsComplete: boolean;
}

/** The people behind a pull request's content, beyond its author. */
export interface ContributorFacts {
  /** Null when the head branch is not `submission/issue-N`, or when the issue could not be read (then a problem says so). */
  submission: SubmissionFacts | null;
  /** The accounts GitHub links to the authors and committers of the pull request's commits. */
  commitAccounts: { account: Account; role: "author" | "committer" }[];
  /** False when not every commit was listed (GitHub lists at most 250). */
  commitsComplete: boolean;
  /** Who pushed to, created or force-pushed the head branch, from its repository's activity. */
  pushers: Account[];
  /** False when the activity could not be read to the end. */
  pushesComplete: boolean;
}

/** The whole desired state of a pull request, as decided by the policy. */
export interface Actions {
  /** Set when the bot must not touch the pull request at all (closed, merged). */
  skip: string | null;
  verdict: Verdict;
  labels: string[];
  /** Whom the bot wants to have an outstanding review request (the plan drops those already requested). */
  reviewers: { users: Reviewer[]; teams: string[] };
  comment: { body: string };
  status: { context: string; state: "success" | "pending" | "failure"; description: string; targetUrl: string };
  merge: { sha: string; commitTitle: string; commitMessage: string } | null;
  needsHuman: boolean;
  reasons: string[];
}

export type Verdict = "approved" | "waiting" | "blocked" | "needs-human" | "skipped";

/** One write the bot will send: an octokit route and its parameters, validated against GitHub's spec in tests. */
export type BotRequest =
  | Req<"DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}", { comment_id: number }>
  | Req<"PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}", { comment_id: number; body: string }>
  | Req<"POST /repos/{owner}/{repo}/issues/{issue_number}/comments", { issue_number: number; body: string }>
  | Req<"DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}", { issue_number: number; name: string }>
  | Req<"POST /repos/{owner}/{repo}/issues/{issue_number}/labels", { issue_number: number; labels: string[] }>
  | Req<"POST /repos/{owner}/{repo}/statuses/{sha}", { sha: string; state: string; context: string; description: string; target_url: string }>
  | Req<"POST /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers", { pull_number: number; reviewers?: string[]; team_reviewers?: string[] }>
  | Req<
      "PUT /repos/{owner}/{repo}/pulls/{pull_number}/merge",
      { pull_number: number; sha: string; merge_method: "squash"; commit_title: string; commit_message: string }
    >;

interface Req<R extends string, P> {
  route: R;
  params: { owner: string; repo: string } & P;
}
