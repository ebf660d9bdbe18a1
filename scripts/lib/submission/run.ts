import { readFileSync } from "node:fs";
import { join } from "node:path";
import { activityFormFields } from "../forms/activity-form.ts";
import { generateForms, NEW_ACTIVITY_FORM, SUBMISSION_LABEL } from "../forms/generate.ts";
import { entryDir, entryFiles, readKeyOrder, renderCountryProfile } from "../scaffold/entry.ts";
import { loadVocabularies } from "../vocab.ts";
import { checkEntryFiles } from "./check-entry.ts";
import { decideSubmission, submissionBranch } from "./decide.ts";
import { executeSteps, type RepoRef, type RequestClient, readBotComments, readIssue, readTarget, upsertComment } from "./github.ts";
import { type FormProblem, readActivityForm } from "./read-form.ts";
import { anyBidi, fieldOfDiagnostic, type IssueMessage, renderIssueComment } from "./render.ts";

export interface SubmissionRunOptions {
  client: RequestClient;
  /** The webhook payload (GITHUB_EVENT_PATH), untrusted. */
  event: unknown;
  /** A checkout of the default branch: schemas, vocabularies and the country's entries. */
  root: string;
  /** The bot's login, to recognise its own comments. */
  botLogin: string;
  now?: Date;
}

export interface SubmissionRunResult {
  outcome: "ignored" | IssueMessage["kind"];
  reason?: string;
  pull: number | null;
  comment: "created" | "updated" | "unchanged" | "none";
}

const ACTIONS = new Set(["opened", "edited", "reopened", "labeled"]);

/** The fields of an issues event the bot uses, checked; anything else about the event is ignored. */
export function readIssuesEvent(event: unknown): { action: string; number: number; repo: RepoRef; defaultBranch: string } {
  const value = event as {
    action?: unknown;
    issue?: { number?: unknown };
    repository?: { name?: unknown; owner?: { login?: unknown }; default_branch?: unknown };
  } | null;
  const number = value?.issue?.number;
  const owner = value?.repository?.owner?.login;
  const repo = value?.repository?.name;
  const defaultBranch = value?.repository?.default_branch;
  const name = /^[A-Za-z0-9._-]{1,100}$/;
  if (
    typeof value?.action !== "string" ||
    typeof number !== "number" ||
    !Number.isSafeInteger(number) ||
    number < 1 ||
    typeof owner !== "string" ||
    !name.test(owner) ||
    typeof repo !== "string" ||
    !name.test(repo) ||
    typeof defaultBranch !== "string" ||
    !/^[A-Za-z0-9._/-]{1,200}$/.test(defaultBranch)
  ) {
    throw new Error("the event is not an issues event with an issue number and a repository");
  }
  return { action: value.action, number, repo: { owner, repo }, defaultBranch };
}

/**
 * Turns a submission issue into a pull request, or explains in a comment what to fix.
 * Reads fresh state from the API on every run and writes only what differs.
 */
export async function runSubmission(options: SubmissionRunOptions): Promise<SubmissionRunResult> {
  const { client, root } = options;
  const event = readIssuesEvent(options.event);
  const ignored = (reason: string): SubmissionRunResult => ({ outcome: "ignored", reason, pull: null, comment: "none" });
  if (!ACTIONS.has(event.action)) return ignored(`action ${event.action}`);
  const issue = await readIssue(client, event.repo, event.number);
  if (issue.isPullRequest) return ignored("a pull request");
  if (issue.state !== "open") return ignored("the issue is closed");
  if (!issue.labels.includes(SUBMISSION_LABEL)) return ignored(`no ${SUBMISSION_LABEL} label`);
  if (issue.author.type === "Bot") return ignored("opened by a bot");

  const vocabularies = loadVocabularies(root);
  const fields = activityFormFields(root, vocabularies);
  const template = generateForms(root, vocabularies).get(NEW_ACTIVITY_FORM) ?? "";
  const comments = await readBotComments(client, event.repo, event.number, options.botLogin);
  const say = async (message: IssueMessage, pull: number | null = null): Promise<SubmissionRunResult> => ({
    outcome: message.kind,
    pull,
    comment: await upsertComment(client, event.repo, event.number, comments, renderIssueComment(message)),
  });

  const reading = readActivityForm(issue.body, template, fields, vocabularies);
  const draft = reading.draft;
  if (!draft) return say({ kind: "problems", problems: reading.problems, bidi: anyBidi([issue.body]) });

  const dir = entryDir(draft.country, draft.slug);
  const permalink = `${draft.country.toLowerCase()}/${draft.slug}`;
  const profilePath = `countries/${draft.country.toLowerCase()}/country.json`;
  const branch = submissionBranch(issue.number);
  const target = await readTarget(client, event.repo, {
    defaultBranch: event.defaultBranch,
    entryDir: dir,
    profilePath,
    branch,
    author: issue.author.login,
    submissionLabel: SUBMISSION_LABEL,
  });
  const files = entryFiles(draft, readKeyOrder(root));
  if (!target.countryExistsOnBase) {
    const region = vocabularies.get("countries").terms.get(draft.country)?.meta?.region;
    if (typeof region === "string") files.unshift({ path: profilePath, text: renderCountryProfile(region) });
  }
  const diagnostics = target.entryExistsOnBase ? [] : checkEntryFiles(root, files, options.now);
  const asProblem = (diagnostic: (typeof diagnostics)[number]): FormProblem => {
    const field = fieldOfDiagnostic(diagnostic, files, fields);
    return { ...(field ? { field } : {}), message: diagnostic.message, ...(diagnostic.hint ? { hint: diagnostic.hint } : {}) };
  };
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === "error").map(asProblem);
  const warnings = diagnostics.filter((diagnostic) => diagnostic.severity === "warning").map(asProblem);
  const bidi = anyBidi([draft.narrative.title, draft.narrative.summary, draft.narrative.body]);
  if (errors.length > 0 && !target.entryExistsOnBase) return say({ kind: "problems", problems: errors, bidi });

  const decision = decideSubmission({
    issue,
    target,
    permalink,
    title: draft.narrative.title,
    language: vocabularies.get("languages").terms.get(draft.narrative.lang)?.labels.en ?? draft.narrative.lang,
    files,
    checklist: readChecklist(root),
  });
  if (decision.kind !== "ready") return say(decision);
  const created = await executeSteps(client, event.repo, decision.steps);
  const pull = created ?? decision.pullNumber;
  if (pull === null) throw new Error("no pull request number after the steps");
  return say({ kind: "ready", permalink, pull, warnings, bidi }, pull);
}

/** The reviewer's checklist from the pull request template, which GitHub does not apply to pull requests made through the API. */
function readChecklist(root: string): string {
  try {
    const template = readFileSync(join(root, ".github", "pull_request_template.md"), "utf8");
    const start = template.indexOf("## Reviewer's checklist");
    return start >= 0 ? template.slice(start) : template;
  } catch {
    return "";
  }
}
