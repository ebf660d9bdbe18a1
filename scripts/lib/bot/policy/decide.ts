import type { EntryChange } from "../changes/describe.ts";
import { classifyBotPath, type Unit } from "../paths.ts";
import { sameTrustFields } from "../profile.ts";
import { decodeCarriedState } from "../render/state.ts";
import { findBotComments } from "../sticky.ts";
import { submissionIssueOf } from "../submission.ts";
import type { Account, BotConfig, ChangedFile, PrFacts, ProfileRead, Reviewer, ValidationSummary, WorkflowRunFact } from "../types.ts";
import { type ApprovalTally, type Exclusions, exclusionReason, isBot, latestDecisiveReviews, tallyApprovals } from "./approvals.ts";

export type Change = "added" | "modified" | "removed";

export interface LanguageDecision {
  lang: string;
  change: Change | "unchanged";
  original: boolean;
  title: string | null;
  translation: { from: string; method: string; upToDate: boolean | null } | null;
  problem?: string;
}

export interface EntryDecision {
  key: string;
  slug: string;
  change: Change;
  title: string | null;
  /** False when the bot did not read the entry (too many in one pull request). */
  read: boolean;
  languages: LanguageDecision[];
  problems: string[];
  /** What changed in the entry, when the bot could read both sides. */
  described: EntryChange | null;
}

export interface UnitDecision {
  unit: Unit;
  regions: string[];
  profileChange: Change | null;
  /** The designated reviewers, from the default branch. */
  designated: Reviewer[];
  /** True when the unit has no designated reviewers on the default branch: the secretariat approves. */
  bySecretariat: boolean;
  tally: ApprovalTally;
  state: "approved" | "waiting" | "blocked";
  entries: EntryDecision[];
}

export interface GovernanceDecision {
  /** Why the pull request is a governance change, in plain words. */
  why: string[];
  tally: ApprovalTally;
  state: "approved" | "waiting" | "blocked";
}

export interface ValidationDecision {
  state: "passed" | "failed" | "running" | "missing" | "other";
  run: WorkflowRunFact | null;
  runUrl: string | null;
  summary: ValidationSummary | null;
  /** Still running long after it started. */
  stuck: boolean;
}

export interface Decision {
  verdict: "approved" | "waiting" | "blocked" | "needs-human";
  units: UnitDecision[];
  governance: GovernanceDecision | null;
  validation: ValidationDecision;
  /** Why a human must look: each fails the bot closed. */
  needsHuman: string[];
  /** Accounts who approved without being designated for anything touched, for the comment. */
  otherApprovals: string[];
  changeKinds: Set<"new" | "update" | "removal">;
  languagesAdded: string[];
  exclusions: Exclusions;
  /** Approvals given by the secretariat for a governance change or a unit without reviewers. */
  secretariatTally: ApprovalTally;
  /** Every approval on the pull request, under the approver's current login, with whether and why it counts. */
  approvals: ApprovalView[];
}

/** One approval as the comment lists it. */
export interface ApprovalView {
  id: number;
  /** The login GitHub reports now (matched by numeric id, so a renamed reviewer is still recognised). */
  login: string;
  counts: boolean;
  why: string;
}

/**
 * Every latest approval, whether it counts and why: a designated reviewer of a changed country or
 * organisation, the secretariat where it approves (a governance change, a unit without
 * reviewers), or the reason it does not count (took part in the change, a bot, an older commit,
 * the secretariat on a unit that has designated reviewers, not designated for what changed).
 */
function approvalViews(
  latest: ReturnType<typeof latestDecisiveReviews>,
  units: readonly UnitDecision[],
  governance: GovernanceDecision | null,
  config: BotConfig,
  head: string,
  exclusions: Exclusions,
): ApprovalView[] {
  const views: ApprovalView[] = [];
  const secretariat = new Set(config.secretariatMembers.map((member) => member.id));
  for (const review of [...latest.values()].filter((r) => r.state === "APPROVED").sort((a, b) => compare(a.user.login, b.user.login))) {
    const view = (counts: boolean, why: string) => views.push({ id: review.user.id, login: review.user.login, counts, why });
    const excluded = exclusionReason(review.user, exclusions);
    if (excluded) {
      view(false, `does not count: ${excluded}`);
      continue;
    }
    if (review.commitId !== head) {
      view(false, "does not count: it approves an older commit");
      continue;
    }
    const designatedFor = units.filter((unit) => !unit.bySecretariat && unit.designated.some((r) => r.id === review.user.id)).map((unit) => unit.unit.key);
    const isSecretariat = secretariat.has(review.user.id);
    const secretariatFor = isSecretariat ? units.filter((unit) => unit.bySecretariat).map((unit) => unit.unit.key) : [];
    const reasons: string[] = [];
    if (designatedFor.length > 0) reasons.push(`designated reviewer of ${designatedFor.join(", ")}`);
    if (secretariatFor.length > 0) reasons.push(`the secretariat, for ${secretariatFor.join(", ")} (no designated reviewers)`);
    if (isSecretariat && governance) reasons.push("the secretariat, for the governance change");
    if (reasons.length > 0) view(true, `counts: ${reasons.join("; ")}`);
    else if (isSecretariat)
      view(false, "does not count: a member of the secretariat, but a country or organisation with designated reviewers needs one of them");
    else view(false, "does not count: not a designated reviewer of what changed");
  }
  return views;
}

/** A validation run still "in progress" after this long is reported as stuck. */
const STUCK_AFTER_MS = 6 * 60 * 60 * 1000;
/** Paths listed by name in a reason; the rest are counted. */
const LISTED_PATHS = 10;

/** The pure decision about one pull request: nothing here reads or writes anything. */
export function decide(facts: PrFacts, config: BotConfig, now: Date): Decision {
  const needsHuman: string[] = [...config.problems, ...facts.problems];
  const head = facts.pr.headSha;

  // The files API lists at most 3000 files: a list that short of changed_files, or that long, is not the whole change.
  if (!facts.filesComplete || facts.files.length !== facts.pr.changedFiles || facts.files.length >= 3000) {
    needsHuman.push(`The list of changed files is incomplete (${facts.files.length} read of ${facts.pr.changedFiles}; GitHub lists at most 3000).`);
  }
  if (!facts.reviewsComplete) needsHuman.push("Not all reviews could be read.");
  if (!facts.commentsComplete) needsHuman.push("Not all comments could be read.");
  if (!facts.labelsComplete) needsHuman.push("Not all labels could be read.");
  if (!facts.statusesComplete) needsHuman.push("Not all commit statuses could be read.");
  if (facts.pr.baseRef !== facts.trust.defaultBranch) {
    needsHuman.push(`The pull request targets ${facts.pr.baseRef}, not the default branch ${facts.trust.defaultBranch}.`);
  }
  if (facts.files.length === 0) needsHuman.push("The pull request changes no files.");

  // Who may not approve: everyone who took part in the change (see findExclusions).
  const exclusions = findExclusions(facts, config, needsHuman);

  // What the files touch.
  const sides = fileSides(facts.files);
  const governancePaths: string[] = [];
  const unknownPaths: string[] = [];
  const units = new Map<string, { unit: Unit; profileChange: Change | null; entries: Map<string, Map<string, Change>> }>();
  for (const side of sides) {
    const info = classifyBotPath(side.path);
    if (info.kind === "governance") {
      governancePaths.push(side.path);
      continue;
    }
    if (info.kind === "unknown") {
      unknownPaths.push(`${side.path} (${info.why})`);
      continue;
    }
    const known = units.get(info.unit.key) ?? { unit: info.unit, profileChange: null, entries: new Map() };
    units.set(info.unit.key, known);
    if (info.kind === "profile") {
      known.profileChange = mergeChange(known.profileChange, side.change);
      continue;
    }
    const files = known.entries.get(info.slug) ?? new Map<string, Change>();
    known.entries.set(info.slug, files);
    const name = info.kind === "facts" ? "activity.json" : `${info.lang}.md`;
    files.set(name, mergeChange(files.get(name) ?? null, side.change));
  }
  if (unknownPaths.length > 0) {
    needsHuman.push(`Files the bot does not know how to review: ${listed(unknownPaths)}.`);
  }

  const latest = latestDecisiveReviews(facts.reviews);
  const secretariatTally = tallyApprovals(latest, config.secretariatMembers, head, exclusions);
  const governanceWhy: string[] = [];
  if (governancePaths.length > 0) governanceWhy.push(`changes files outside the data folders: ${listed(governancePaths)}`);

  const changeKinds = new Set<"new" | "update" | "removal">();
  const languagesAdded = new Set<string>();
  const unitDecisions: UnitDecision[] = [];
  for (const { unit, profileChange, entries } of [...units.values()].sort((a, b) => compare(a.unit.key, b.unit.key))) {
    const profile = facts.profiles[unit.key] ?? { base: { status: "error", message: "was not read" } as ProfileRead, head: null };
    const base = profile.base;
    let designated: Reviewer[] = [];
    let regions: string[] = [];
    if (base.status === "ok") {
      designated = base.reviewers;
      regions = base.regions;
    } else if (base.status === "error") {
      needsHuman.push(`${unit.profilePath} on the default branch ${base.message}.`);
    } else if (profileChange !== "added") {
      needsHuman.push(`${unit.profilePath} does not exist on the default branch.`);
    }
    if (profileChange) {
      const headProfile = profile.head;
      if (profileChange === "added") {
        governanceWhy.push(`adds the profile ${unit.profilePath}`);
        if (headProfile?.status === "ok") regions = headProfile.regions;
      } else if (profileChange === "removed") {
        governanceWhy.push(`removes the profile ${unit.profilePath}`);
      } else if (headProfile?.status === "error") {
        needsHuman.push(`${unit.profilePath} in the pull request ${headProfile.message}.`);
      } else if (headProfile && base.status === "ok" && !sameTrustFields(base, headProfile)) {
        governanceWhy.push(`changes the reviewers or region of ${unit.profilePath}`);
      }
      changeKinds.add(profileChange === "added" ? "new" : profileChange === "removed" ? "removal" : "update");
    }

    const entryDecisions: EntryDecision[] = [];
    for (const [slug, files] of [...entries].sort((a, b) => compare(a[0], b[0]))) {
      const entry = decideEntry(facts, unit, slug, files);
      entryDecisions.push(entry);
      changeKinds.add(entry.change === "added" ? "new" : entry.change === "removed" ? "removal" : "update");
      for (const [name, change] of files) {
        if (!name.endsWith(".md")) continue;
        if (change === "added") languagesAdded.add(name.slice(0, -3).toLowerCase());
        if (change === "removed" && entry.change !== "removed") changeKinds.add("removal");
      }
      for (const problem of entry.problems) needsHuman.push(problem);
    }

    const bySecretariat = designated.length === 0;
    const tally = bySecretariat ? secretariatTally : tallyApprovals(latest, designated, head, exclusions);
    if (!bySecretariat && designated.every((r) => exclusions.reasons.has(r.id))) {
      needsHuman.push(`Every designated reviewer of ${unit.key} took part in this change, so nobody else can approve it.`);
    }
    if (bySecretariat && config.secretariatMembers.length === 0) {
      needsHuman.push(`${unit.key} has no designated reviewers and no secretariat members are configured.`);
    }
    unitDecisions.push({
      unit,
      regions,
      profileChange,
      designated,
      bySecretariat,
      tally,
      state: tally.changesRequestedBy.length > 0 ? "blocked" : tally.approvedBy.length > 0 ? "approved" : "waiting",
      entries: entryDecisions,
    });
  }
  if (facts.entriesNotRead > 0) {
    needsHuman.push(`The pull request touches more entries than the bot reads (${facts.entriesNotRead} not read).`);
  }

  let governance: GovernanceDecision | null = null;
  if (governanceWhy.length > 0) {
    if (config.secretariatMembers.length === 0) needsHuman.push("This is a governance change and no secretariat members are configured.");
    governance = {
      why: governanceWhy,
      tally: secretariatTally,
      state: secretariatTally.changesRequestedBy.length > 0 ? "blocked" : secretariatTally.approvedBy.length > 0 ? "approved" : "waiting",
    };
  }

  // Approvals by people designated for nothing touched: shown, never counted.
  const designatedIds = new Set([...unitDecisions.flatMap((u) => u.designated.map((r) => r.id)), ...config.secretariatMembers.map((r) => r.id)]);
  const otherApprovals = [...latest.values()]
    .filter((r) => r.state === "APPROVED" && !designatedIds.has(r.user.id))
    .map((r) => (isBot(r.user) ? `${r.user.login} (a bot)` : r.user.login))
    .sort(compare);

  const blocked = unitDecisions.some((u) => u.state === "blocked") || governance?.state === "blocked" || secretariatTally.changesRequestedBy.length > 0;
  const approved =
    (unitDecisions.length > 0 || governance !== null) &&
    unitDecisions.every((u) => u.state === "approved") &&
    (governance === null || governance.state === "approved");
  const verdict = needsHuman.length > 0 ? "needs-human" : blocked ? "blocked" : approved ? "approved" : "waiting";

  const approvals = approvalViews(latest, unitDecisions, governance, config, head, exclusions);

  return {
    approvals,
    verdict,
    units: unitDecisions,
    governance,
    validation: decideValidation(facts, config, now),
    needsHuman: [...new Set(needsHuman)],
    otherApprovals,
    changeKinds,
    languagesAdded: [...languagesAdded].sort(),
    exclusions,
    secretariatTally,
  };
}

/**
 * Everyone whose approval cannot count, each from a source the change's author cannot edit: the
 * pull request's author; for a `submission/issue-N` branch, issue N's author and everyone who
 * edited it (read through the API, never from the pull request's description); the accounts
 * GitHub links to the commits' authors and committers; and everyone who pushed to the branch.
 * The bot's own commits and pushes count as the submitter's, whose issue caused them; anywhere
 * else the bot cannot tell on whose behalf it acted, and asks for a human. What could not be
 * read completely also asks for a human: an unknown contributor might be the approver.
 */
export function findExclusions(facts: PrFacts, config: BotConfig, needsHuman: string[]): Exclusions {
  const reasons = new Map<number, string>();
  const exclude = (account: Account, why: string) => {
    if (!reasons.has(account.id)) reasons.set(account.id, why);
  };
  const isOwnBot = (account: Account) => account.type === "Bot" && account.login === config.botLogin;
  const { contributors, pr } = facts;
  const issue = submissionIssueOf(pr.headRef);
  const inBaseRepository =
    pr.headRepo !== null &&
    pr.headRepo.owner.toLowerCase() === facts.repo.owner.toLowerCase() &&
    pr.headRepo.name.toLowerCase() === facts.repo.name.toLowerCase();
  // The bot's own work is attributed to the submitter only on a submission branch of this repository.
  const botActsForSubmitter = issue !== null && inBaseRepository && contributors.submission !== null;

  exclude(pr.author, "opened the pull request");
  if (isOwnBot(pr.author) && !botActsForSubmitter) {
    needsHuman.push(
      issue === null || !inBaseRepository
        ? `The bot opened this pull request from ${pr.headRef}, which is not a submission branch (submission/issue-N) of this repository, so it cannot tell who submitted the change.`
        : `The bot opened this pull request from issue #${issue}, which could not be read, so it cannot tell who submitted the change.`,
    );
  }
  if (issue !== null && contributors.submission === null) {
    needsHuman.push(
      `The branch ${pr.headRef} points to issue #${issue}, which could not be read as a submission: the bot cannot tell who submitted the change.`,
    );
  }
  const submission = contributors.submission;
  if (submission) {
    exclude(submission.author, `opened the submission issue #${submission.issue}`);
    for (const editor of submission.editors) {
      if (editor.id !== submission.author.id) exclude(editor, `edited the submission issue #${submission.issue}`);
    }
    if (!submission.editsComplete) needsHuman.push(`Not every edit of the submission issue #${submission.issue} could be read.`);
  }

  for (const { account, role } of contributors.commitAccounts) {
    if (isOwnBot(account)) {
      if (!botActsForSubmitter) needsHuman.push("The bot wrote a commit of this pull request outside a submission branch: it cannot tell on whose behalf.");
      continue;
    }
    exclude(account, role === "author" ? "authored a commit of this pull request" : "committed a commit of this pull request");
  }
  if (!contributors.commitsComplete) needsHuman.push("Not every commit of the pull request could be read (GitHub lists at most 250).");

  for (const pusher of contributors.pushers) {
    if (isOwnBot(pusher)) {
      if (!botActsForSubmitter) needsHuman.push("The bot pushed to this pull request's branch outside a submission branch: it cannot tell on whose behalf.");
      continue;
    }
    exclude(pusher, "pushed to the pull request's branch");
  }
  if (!contributors.pushesComplete) needsHuman.push("Not every push to the pull request's branch could be read.");
  return { reasons };
}

/** Each path a file change touches, with what happened to it (a rename removes one path and adds another). */
function fileSides(files: readonly ChangedFile[]): { path: string; change: Change }[] {
  const sides: { path: string; change: Change }[] = [];
  for (const file of files) {
    if (file.status === "renamed" && file.previousPath && file.previousPath !== file.path) {
      sides.push({ path: file.previousPath, change: "removed" }, { path: file.path, change: "added" });
    } else if (file.status === "added" || file.status === "copied") {
      sides.push({ path: file.path, change: "added" });
    } else if (file.status === "removed") {
      sides.push({ path: file.path, change: "removed" });
    } else {
      sides.push({ path: file.path, change: "modified" });
    }
  }
  return sides;
}

function mergeChange(before: Change | null, next: Change): Change {
  if (before === null || before === next) return next;
  // Removed and re-added in one pull request (a rename inside a folder): it changed.
  return "modified";
}

function decideEntry(facts: PrFacts, unit: Unit, slug: string, files: Map<string, Change>): EntryDecision {
  const key = `${unit.key}/${slug}`;
  const factsChange = files.get("activity.json");
  const read = facts.entries[key];
  let change: Change = factsChange === "added" ? "added" : factsChange === "removed" ? "removed" : "modified";
  if (read?.ref === "base") change = "removed";
  if (!read) return { key, slug, change, title: null, read: false, languages: [], problems: [], described: null };

  const byLang = new Map(read.narratives.map((n) => [n.lang, n]));
  const original = (read.originalLanguage ? byLang.get(read.originalLanguage) : undefined) ?? read.narratives.find((n) => n.translation === null);
  const langs = new Set([...byLang.keys(), ...[...files.keys()].filter((n) => n.endsWith(".md")).map((n) => n.slice(0, -3))]);
  const languages: LanguageDecision[] = [...langs].sort(compare).map((lang) => {
    const narrative = byLang.get(lang);
    const fileChange = files.get(`${lang}.md`);
    const langChange: LanguageDecision["change"] = change === "removed" ? "removed" : (fileChange ?? "unchanged");
    if (!narrative) return { lang, change: langChange, original: false, title: null, translation: null };
    const source = narrative.translation ? byLang.get(narrative.translation.from) : undefined;
    return {
      lang,
      change: langChange,
      original: narrative === original,
      title: narrative.title,
      translation: narrative.translation
        ? {
            from: narrative.translation.from,
            method: narrative.translation.method,
            upToDate: source?.version ? source.version === narrative.translation.version : null,
          }
        : null,
      ...(narrative.problem ? { problem: narrative.problem } : {}),
    };
  });
  const entryDir = `${unit.dir}/activities/${slug}`;
  const problems = [
    ...read.problems,
    // Unreadable files the PR itself changes: the bot cannot say what it would approve.
    ...languages.filter((l) => l.problem && l.change !== "unchanged" && l.change !== "removed").map((l) => `${entryDir}/${l.lang}.md ${l.problem}.`),
  ];
  return {
    key,
    slug,
    change,
    title: original?.title ?? read.narratives.find((n) => n.title)?.title ?? null,
    read: true,
    languages,
    problems,
    described: read.described ?? null,
  };
}

function decideValidation(facts: PrFacts, config: BotConfig, now: Date): ValidationDecision {
  // Only runs of the expected workflow file, started by pull_request, for this very commit:
  // a run of another workflow with the same name proves nothing.
  const run =
    facts.validation.runs
      .filter((r) => r.path === config.validateWorkflow && r.event === "pull_request" && r.headSha === facts.pr.headSha)
      .sort((a, b) => b.id - a.id)[0] ?? null;
  if (!run) return { state: "missing", run: null, runUrl: null, summary: null, stuck: false };
  const runUrl = `${facts.repo.serverUrl}/${facts.repo.owner}/${facts.repo.name}/actions/runs/${run.id}`;
  let summary: ValidationSummary | null = null;
  const artifact = facts.validation.artifact;
  if (artifact && artifact.runId === run.id && artifact.headSha === facts.pr.headSha) summary = artifact;
  else {
    const own = findBotComments(facts.markerComments, config.botLogin)[0];
    const carried = own ? decodeCarriedState(own.body) : null;
    if (carried && carried.runId === run.id && carried.headSha === facts.pr.headSha) summary = carried;
  }
  if (run.status !== "completed") {
    const started = Date.parse(run.createdAt);
    return { state: "running", run, runUrl, summary: null, stuck: Number.isFinite(started) && now.getTime() - started > STUCK_AFTER_MS };
  }
  const state = run.conclusion === "success" ? "passed" : run.conclusion === "failure" ? "failed" : "other";
  return { state, run, runUrl, summary, stuck: false };
}

function listed(paths: string[]): string {
  const shown = paths.slice(0, LISTED_PATHS).join(", ");
  return paths.length > LISTED_PATHS ? `${shown} and ${paths.length - LISTED_PATHS} more` : shown;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
