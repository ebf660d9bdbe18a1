import { formatMessage, type MessageRef, type MessageValue, renderMessage } from "../../i18n/messages.ts";
import { readerLanguages, workingLanguages } from "../../i18n/working-languages.ts";
import { UN_LANGUAGES, type UnLanguage } from "../../vocab.ts";
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
  problems: MessageRef[];
  /** The language of the entry's original narrative, when known. */
  originalLanguage: string | null;
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
  /** The languages its focal points and reviewers read, most preferred first (see workingLanguages). */
  languages: UnLanguage[];
}

export interface GovernanceDecision {
  /** Why the pull request is a governance change, in plain words. */
  why: MessageRef[];
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
  needsHuman: MessageRef[];
  /** Accounts who approved without being designated for anything touched, for the comment. */
  otherApprovals: string[];
  changeKinds: Set<"new" | "update" | "removal">;
  languagesAdded: string[];
  exclusions: Exclusions;
  /** Approvals given by the secretariat for a governance change or a unit without reviewers. */
  secretariatTally: ApprovalTally;
  /** Every approval on the pull request, under the approver's current login, with whether and why it counts. */
  approvals: ApprovalView[];
  /** The languages the comment is written in: the touched countries' and organisations', then English (see readerLanguages). */
  languages: UnLanguage[];
}

/** One approval as the comment lists it. */
export interface ApprovalView {
  id: number;
  /** The login GitHub reports now (matched by numeric id, so a renamed reviewer is still recognised). */
  login: string;
  counts: boolean;
  why: MessageRef;
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
    const view = (counts: boolean, why: MessageRef) => views.push({ id: review.user.id, login: review.user.login, counts, why });
    const doesNotCount = (reason: MessageRef) => view(false, { key: "review.approval.doesNotCount", values: { reason } });
    const excluded = exclusionReason(review.user, exclusions);
    if (excluded) {
      doesNotCount(excluded);
      continue;
    }
    if (review.commitId !== head) {
      doesNotCount({ key: "review.approval.olderCommit" });
      continue;
    }
    const designatedFor = units.filter((unit) => !unit.bySecretariat && unit.designated.some((r) => r.id === review.user.id)).map((unit) => unit.unit.key);
    const isSecretariat = secretariat.has(review.user.id);
    const secretariatFor = isSecretariat ? units.filter((unit) => unit.bySecretariat).map((unit) => unit.unit.key) : [];
    const reasons: MessageRef[] = [];
    if (designatedFor.length > 0) reasons.push({ key: "review.approval.designatedFor", values: { units: designatedFor.join(", ") } });
    if (secretariatFor.length > 0) reasons.push({ key: "review.approval.secretariatFor", values: { units: secretariatFor.join(", ") } });
    if (isSecretariat && governance) reasons.push({ key: "review.approval.secretariatGovernance" });
    if (reasons.length > 0) view(true, { key: "review.approval.counts", values: { reasons: joined(reasons) } });
    else if (isSecretariat) doesNotCount({ key: "review.approval.secretariatNotNeeded" });
    else doesNotCount({ key: "review.approval.notDesignated" });
  }
  return views;
}

/** A validation run still "in progress" after this long is reported as stuck. */
const STUCK_AFTER_MS = 6 * 60 * 60 * 1000;
/** Paths listed by name in a reason; the rest are counted. */
const LISTED_PATHS = 10;

/** The pure decision about one pull request: nothing here reads or writes anything. */
export function decide(facts: PrFacts, config: BotConfig, now: Date): Decision {
  // Problems met while reading the config and GitHub's answers are technical: shown as they were written.
  const needsHuman: MessageRef[] = [...config.problems, ...facts.problems].map(reported);
  const head = facts.pr.headSha;

  // The files API lists at most 3000 files: a list that short of changed_files, or that long, is not the whole change.
  if (!facts.filesComplete || facts.files.length !== facts.pr.changedFiles || facts.files.length >= 3000) {
    needsHuman.push({ key: "review.reason.filesIncomplete", values: { read: facts.files.length, total: facts.pr.changedFiles } });
  }
  if (!facts.reviewsComplete) needsHuman.push({ key: "review.reason.reviewsIncomplete" });
  if (!facts.commentsComplete) needsHuman.push({ key: "review.reason.commentsIncomplete" });
  if (!facts.labelsComplete) needsHuman.push({ key: "review.reason.labelsIncomplete" });
  if (!facts.statusesComplete) needsHuman.push({ key: "review.reason.statusesIncomplete" });
  if (facts.pr.baseRef !== facts.trust.defaultBranch) {
    needsHuman.push({ key: "review.reason.wrongBase", values: { base: facts.pr.baseRef, defaultBranch: facts.trust.defaultBranch } });
  }
  if (facts.files.length === 0) needsHuman.push({ key: "review.reason.noFiles" });

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
    needsHuman.push({ key: "review.reason.unknownFiles", values: { paths: listed(unknownPaths) } });
  }

  const latest = latestDecisiveReviews(facts.reviews);
  const secretariatTally = tallyApprovals(latest, config.secretariatMembers, head, exclusions);
  const governanceWhy: MessageRef[] = [];
  if (governancePaths.length > 0) governanceWhy.push({ key: "review.governance.outsideData", values: { paths: listed(governancePaths) } });

  const changeKinds = new Set<"new" | "update" | "removal">();
  const languagesAdded = new Set<string>();
  const unitDecisions: UnitDecision[] = [];
  for (const { unit, profileChange, entries } of [...units.values()].sort((a, b) => compare(a.unit.key, b.unit.key))) {
    const profile = facts.profiles[unit.key] ?? {
      base: { status: "error", message: "was not read", problem: { key: "review.profile.notRead" } } as ProfileRead,
      head: null,
    };
    const base = profile.base;
    let designated: Reviewer[] = [];
    let regions: string[] = [];
    let chosenLanguages: UnLanguage[] | undefined;
    if (base.status === "ok") {
      designated = base.reviewers;
      regions = base.regions;
      chosenLanguages = base.languages;
    } else if (base.status === "error") {
      needsHuman.push({ key: "review.reason.profileUnreadableOnBase", values: { path: unit.profilePath, problem: base.problem ?? base.message } });
    } else if (profileChange !== "added") {
      needsHuman.push({ key: "review.reason.profileMissingOnBase", values: { path: unit.profilePath } });
    }
    if (profileChange) {
      const headProfile = profile.head;
      const path = { path: unit.profilePath };
      if (profileChange === "added") {
        governanceWhy.push({ key: "review.governance.addsProfile", values: path });
        if (headProfile?.status === "ok") {
          regions = headProfile.regions;
          chosenLanguages = headProfile.languages;
        }
      } else if (profileChange === "removed") {
        governanceWhy.push({ key: "review.governance.removesProfile", values: path });
      } else if (headProfile?.status === "error") {
        needsHuman.push({ key: "review.reason.profileUnreadableInPull", values: { ...path, problem: headProfile.problem ?? headProfile.message } });
      } else if (headProfile && base.status === "ok" && !sameTrustFields(base, headProfile)) {
        governanceWhy.push({ key: "review.governance.changesTrust", values: path });
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
      needsHuman.push({ key: "review.reason.allDesignatedTookPart", values: { unit: unit.key } });
    }
    if (bySecretariat && config.secretariatMembers.length === 0) {
      needsHuman.push({ key: "review.reason.noSecretariatForUnit", values: { unit: unit.key } });
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
      // Organisations have no such field: their comment is in English unless their entries say otherwise.
      languages: workingLanguages(
        chosenLanguages,
        entryDecisions.map((entry) => entry.originalLanguage),
      ),
    });
  }
  if (facts.entriesNotRead > 0) {
    needsHuman.push({ key: "review.reason.entriesNotRead", values: { count: facts.entriesNotRead } });
  }

  let governance: GovernanceDecision | null = null;
  if (governanceWhy.length > 0) {
    if (config.secretariatMembers.length === 0) needsHuman.push({ key: "review.reason.governanceNoSecretariat" });
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
    needsHuman: uniqueMessages(needsHuman),
    otherApprovals,
    changeKinds,
    languagesAdded: [...languagesAdded].sort(),
    exclusions,
    secretariatTally,
    languages: readerLanguages(unitDecisions.map((unit) => unit.languages)),
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
export function findExclusions(facts: PrFacts, config: BotConfig, needsHuman: MessageRef[]): Exclusions {
  const reasons = new Map<number, MessageRef>();
  const exclude = (account: Account, why: MessageRef) => {
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

  exclude(pr.author, { key: "review.exclusion.openedPull" });
  if (isOwnBot(pr.author) && !botActsForSubmitter) {
    needsHuman.push(
      issue === null || !inBaseRepository
        ? { key: "review.reason.botOpenedOutsideSubmission", values: { branch: pr.headRef } }
        : { key: "review.reason.botOpenedUnreadIssue", values: { issue } },
    );
  }
  if (issue !== null && contributors.submission === null) {
    needsHuman.push({ key: "review.reason.submissionUnread", values: { branch: pr.headRef, issue } });
  }
  const submission = contributors.submission;
  if (submission) {
    exclude(submission.author, { key: "review.exclusion.openedIssue", values: { issue: submission.issue } });
    for (const editor of submission.editors) {
      if (editor.id !== submission.author.id) exclude(editor, { key: "review.exclusion.editedIssue", values: { issue: submission.issue } });
    }
    if (!submission.editsComplete) needsHuman.push({ key: "review.reason.editsIncomplete", values: { issue: submission.issue } });
  }

  for (const { account, role } of contributors.commitAccounts) {
    if (isOwnBot(account)) {
      if (!botActsForSubmitter) needsHuman.push({ key: "review.reason.botCommitOutside" });
      continue;
    }
    exclude(account, { key: role === "author" ? "review.exclusion.authoredCommit" : "review.exclusion.committedCommit" });
  }
  if (!contributors.commitsComplete) needsHuman.push({ key: "review.reason.commitsIncomplete" });

  for (const pusher of contributors.pushers) {
    if (isOwnBot(pusher)) {
      if (!botActsForSubmitter) needsHuman.push({ key: "review.reason.botPushOutside" });
      continue;
    }
    exclude(pusher, { key: "review.exclusion.pushed" });
  }
  if (!contributors.pushesComplete) needsHuman.push({ key: "review.reason.pushesIncomplete" });
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
  if (!read) return { key, slug, change, title: null, read: false, languages: [], problems: [], originalLanguage: null, described: null };

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
  const problems: MessageRef[] = [
    ...read.problems.map(reported),
    // Unreadable files the PR itself changes: the bot cannot say what it would approve.
    ...languages
      .filter((l) => l.problem && l.change !== "unchanged" && l.change !== "removed")
      .map((l): MessageRef => ({ key: "review.reason.narrativeUnreadable", values: { path: `${entryDir}/${l.lang}.md`, problem: l.problem ?? "" } })),
  ];
  return {
    key,
    slug,
    change,
    title: original?.title ?? read.narratives.find((n) => n.title)?.title ?? null,
    read: true,
    languages,
    problems,
    originalLanguage: read.originalLanguage ?? original?.lang ?? null,
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

function listed(paths: string[]): MessageValue {
  const shown = paths.slice(0, LISTED_PATHS).join(", ");
  return paths.length > LISTED_PATHS ? { key: "review.list.more", values: { shown, count: paths.length - LISTED_PATHS } } : shown;
}

/** A problem written by another part of the bot (an API error, the config's reader): shown as it was written. */
function reported(problem: string): MessageRef {
  return { key: "review.reason.reported", values: { problem } };
}

/** Several reasons as one phrase, in the reader's language. */
function joined(reasons: readonly MessageRef[]): MessageValue {
  if (reasons.length === 1 && reasons[0]) return reasons[0];
  return Object.fromEntries(
    UN_LANGUAGES.map((lang) => [lang, reasons.map((reason) => renderMessage(lang, reason)).join(formatMessage(lang, "review.separator.clause"))]),
  );
}

/** The reasons without repeats (the same reason can be found twice), in the order found. */
function uniqueMessages(messages: readonly MessageRef[]): MessageRef[] {
  const seen = new Set<string>();
  return messages.filter((message) => {
    const id = JSON.stringify(message);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
