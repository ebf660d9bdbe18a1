import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseDocument } from "yaml";
import { submissionBranch } from "../bot/submission.ts";
import type { Diagnostic } from "../diagnostics.ts";
import { loadFormatSchemas } from "../format/repository.ts";
import { activityFormFields } from "../forms/activity-form.ts";
import { CORRECTION_FIELDS, CORRECTION_LABEL, correctionFormFile, correctionFormLabels } from "../forms/correction-form.ts";
import { activityFormFile, generateForms, SUBMISSION_LABEL } from "../forms/generate.ts";
import type { GitHubClient } from "../github/client.ts";
import { readIssueEdits } from "../github/issue-edits.ts";
import { formatMessage, isUnLanguage } from "../i18n/messages.ts";
import { splitNarrative } from "../load/frontmatter.ts";
import { entryDir, entryFiles, keyOrderOf, renderCountryProfile } from "../scaffold/entry.ts";
import { loadCatalog, type SchemaCatalog } from "../schema/catalog.ts";
import { UN_LANGUAGES, type UnLanguage } from "../vocab.ts";
import { checkEntryFiles } from "./check-entry.ts";
import { applyCorrection, type CurrentEntry, hasEdits, readCorrectionForm } from "./correction.ts";
import { decideSubmission, type IssueFacts, type SubmissionMode } from "./decide.ts";
import { executeSteps, type RepoRef, readBotComments, readIssue, readTarget, upsertComment } from "./github.ts";
import { type LabelOf, plainProblem } from "./plain-words.ts";
import { type FormProblem, formLanguage, readActivityForm } from "./read-form.ts";
import { anyBidi, fieldOfDiagnostic, type IssueMessage, labelsOfFields, renderIssueComment } from "./render.ts";

export interface SubmissionRunOptions {
  client: GitHubClient;
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

/** The fields of an issues event the bot uses. */
export interface IssuesEvent {
  action: string;
  number: number;
  repo: RepoRef;
  defaultBranch: string;
  /** Who caused the event (for `edited`: who saved the edit). */
  sender: { id: number; login: string };
  /** For `edited`: whether the body changed (a title-only edit changes nothing the bot reads). */
  bodyChanged: boolean;
}

/** The fields of an issues event the bot uses, checked; anything else about the event is ignored. */
export function readIssuesEvent(event: unknown): IssuesEvent {
  const value = event as {
    action?: unknown;
    issue?: { number?: unknown };
    repository?: { name?: unknown; owner?: { login?: unknown }; default_branch?: unknown };
    sender?: { id?: unknown; login?: unknown };
    changes?: unknown;
  } | null;
  const senderId = value?.sender?.id;
  const senderLogin = value?.sender?.login;
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
    !/^[A-Za-z0-9._/-]{1,200}$/.test(defaultBranch) ||
    typeof senderId !== "number" ||
    !Number.isSafeInteger(senderId) ||
    typeof senderLogin !== "string"
  ) {
    throw new Error("the event is not an issues event with an issue number, a repository and a sender");
  }
  const changes = value.changes;
  const bodyChanged = value.action !== "edited" || (typeof changes === "object" && changes !== null && "body" in changes);
  return { action: value.action, number, repo: { owner, repo }, defaultBranch, sender: { id: senderId, login: senderLogin.slice(0, 100) }, bodyChanged };
}

/**
 * Turns a submission issue into a pull request, or explains in a comment what to fix.
 * Reads fresh state from the API on every run and writes only what differs. Only the issue's
 * author shapes the entry: an edit saved by anyone else is not applied (and a comment says so),
 * and the review bot never counts an approval from anyone who edited the issue.
 */
export async function runSubmission(options: SubmissionRunOptions): Promise<SubmissionRunResult> {
  const { client, root } = options;
  const event = readIssuesEvent(options.event);
  const ignored = (reason: string): SubmissionRunResult => ({ outcome: "ignored", reason, pull: null, comment: "none" });
  if (!ACTIONS.has(event.action)) return ignored(`action ${event.action}`);
  const issue = await readIssue(client, event.repo, event.number);
  if (issue.isPullRequest) return ignored("a pull request");
  if (issue.state !== "open") return ignored("the issue is closed");
  const mode: SubmissionMode | undefined = issue.labels.includes(SUBMISSION_LABEL) ? "new" : issue.labels.includes(CORRECTION_LABEL) ? "correction" : undefined;
  if (mode === undefined) return ignored(`no ${SUBMISSION_LABEL} or ${CORRECTION_LABEL} label`);
  if (issue.author.type === "Bot") return ignored("opened by a bot");
  if (!event.bodyChanged) return ignored("only the title changed");

  const catalog = loadCatalog(root);
  const vocabularies = catalog.vocabularies;
  const comments = await readBotComments(client, event.repo, event.number, options.botLogin);
  // The bot answers in the language the form was filled in; English when it cannot tell.
  let replyLanguage: UnLanguage = "en";
  const say = async (message: IssueMessage, pull: number | null = null): Promise<SubmissionRunResult> => ({
    outcome: message.kind,
    pull,
    comment: await upsertComment(client, event.repo, event.number, comments, renderIssueComment(message, replyLanguage)),
  });

  // The entry must be the author's own words: the event's sender, and whoever saved the body as it
  // is now (an edit may land while this run waits), must both be the author.
  if (event.sender.id !== issue.author.id) {
    if (event.action !== "edited") return ignored(`${event.action} by someone other than the author`);
    return say({ kind: "edit-ignored", editor: event.sender.login, author: issue.author.login });
  }
  const edits = await readIssueEdits(client, event.repo, issue.number);
  if (edits.lastEditor && edits.lastEditor.id !== issue.author.id) {
    return say({ kind: "edit-ignored", editor: edits.lastEditor.login, author: issue.author.login });
  }

  if (mode === "correction") {
    return runCorrection({
      options,
      event,
      issue,
      catalog,
      say,
      answerIn: (lang) => {
        if (lang && isUnLanguage(lang)) replyLanguage = lang;
        return replyLanguage;
      },
    });
  }

  // The form used tells the language to answer in: each of the six has its own headings. The
  // English form is also the default one, so there the answers' language (or script) decides.
  const forms = generateForms(catalog);
  const formLang = formLanguage(issue.body, (lang) => activityFormFields(catalog, lang), UN_LANGUAGES);
  const fields = activityFormFields(catalog, formLang);
  const template = forms.get(activityFormFile(formLang)) ?? "";
  const firstReading = readActivityForm(issue.body, template, fields, vocabularies, formLang);
  if (formLang !== "en") replyLanguage = formLang;
  else if (firstReading.language && isUnLanguage(firstReading.language)) replyLanguage = firstReading.language;
  const reading = replyLanguage === formLang ? firstReading : readActivityForm(issue.body, template, fields, vocabularies, replyLanguage);
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
  const files = entryFiles(draft, keyOrderOf(catalog));
  if (!target.countryExistsOnBase) {
    const region = vocabularies.get("countries").terms.get(draft.country)?.meta?.region;
    if (typeof region === "string") files.unshift({ path: profilePath, text: renderCountryProfile(region) });
  }
  const diagnostics = target.entryExistsOnBase ? [] : checkEntryFiles(root, files, options.now);
  // The questions are named as the form the person filled in shows them.
  const labelOf = labelsOfFields(fields);
  const asProblem = (diagnostic: (typeof diagnostics)[number]): FormProblem =>
    plainProblem(diagnostic, replyLanguage, labelOf, fieldOfDiagnostic(diagnostic, files, labelOf));
  // Personal contact details are a warning for a maintainer's own checkout, but an error here: what
  // the bot commits is public at once and stays in the history for good.
  const personal = diagnostics.filter(isPersonalData);
  const errors = [
    ...personal.map((diagnostic) => personalProblem(diagnostic, asProblem(diagnostic), replyLanguage)),
    ...diagnostics.filter((d) => d.severity === "error" && !isPersonalData(d)).map(asProblem),
  ];
  const warnings = diagnostics.filter((diagnostic) => diagnostic.severity === "warning" && !isPersonalData(diagnostic)).map(asProblem);
  const bidi = anyBidi([draft.narrative.title, draft.narrative.summary, draft.narrative.body]);
  if (errors.length > 0 && !target.entryExistsOnBase) return say({ kind: "problems", problems: errors, bidi, personalData: personal.length > 0 });

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

/**
 * A correction issue: reads the new values, applies them to the entry as it is on the default
 * branch (the checkout), checks the result with the validator, and opens or updates a pull
 * request that edits that entry. A correction in words only is left to people.
 */
async function runCorrection(context: {
  options: SubmissionRunOptions;
  event: IssuesEvent;
  issue: IssueFacts;
  catalog: SchemaCatalog;
  say: (message: IssueMessage, pull?: number | null) => Promise<SubmissionRunResult>;
  /** Sets the language of the bot's reply from the form's answer, when it is one of the six; returns the language replies use. */
  answerIn: (lang: string | undefined) => UnLanguage;
}): Promise<SubmissionRunResult> {
  const { options, event, issue, catalog, say, answerIn } = context;
  const { client, root } = options;
  const vocabularies = catalog.vocabularies;
  // As for a new activity: the form used tells the language; the English one leaves it to the answer.
  const formLang = formLanguage(issue.body, (lang) => Object.values(correctionFormLabels(lang)).map((label) => ({ label })), UN_LANGUAGES);
  const template = generateForms(catalog).get(correctionFormFile(formLang)) ?? "";
  const firstReading = readCorrectionForm(issue.body, template, vocabularies, formLang);
  const replyLanguage = answerIn(formLang !== "en" ? formLang : firstReading.request?.language);
  const reading = replyLanguage === formLang ? firstReading : readCorrectionForm(issue.body, template, vocabularies, replyLanguage);
  const request = reading.request;
  if (!request) return say({ kind: "problems", problems: reading.problems, bidi: anyBidi([issue.body]) });
  const dir = entryDirOf(root, request.permalink);
  if (dir === undefined) return say({ kind: "no-entry", permalink: request.permalink });
  if (reading.problems.length === 0 && !hasEdits(request)) return say({ kind: "in-words", permalink: request.permalink });
  const current = readCurrentEntry(root, dir);
  const applied = applyCorrection(current, request, loadFormatSchemas(root), replyLanguage);
  // What cannot be applied to the entry (a source it does not have) is said with the form's own problems, in one round.
  const problems = [...reading.problems, ...applied.problems];
  if (problems.length > 0) return say({ kind: "problems", problems, bidi: anyBidi([issue.body]) });
  const diagnostics = checkEntryFiles(root, applied.files, options.now);
  const labelOf = correctionLabelOf(catalog, replyLanguage);
  const asProblem = (diagnostic: Diagnostic): FormProblem =>
    plainProblem(diagnostic, replyLanguage, labelOf, fieldOfDiagnostic(diagnostic, applied.files, labelOf));
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === "error").map(asProblem);
  const bidi = anyBidi([request.title ?? "", request.summary ?? "", ...(request.officialTitles ?? [])]);
  if (errors.length > 0) return say({ kind: "problems", problems: errors, bidi });
  const warnings = diagnostics.filter((diagnostic) => diagnostic.severity === "warning").map(asProblem);

  const owner = dir.split("/").slice(0, 2).join("/");
  const target = await readTarget(client, event.repo, {
    defaultBranch: event.defaultBranch,
    entryDir: dir,
    profilePath: `${owner}/${owner.startsWith("countries/") ? "country" : "organization"}.json`,
    branch: submissionBranch(issue.number),
    author: issue.author.login,
    submissionLabel: CORRECTION_LABEL,
  });
  const shown = current.narratives[request.language ?? ""] ?? Object.values(current.narratives)[0] ?? "";
  const currentTitle = parseDocument(splitNarrative(shown).yaml ?? "").get("title");
  const title = typeof currentTitle === "string" ? currentTitle : request.permalink;
  const decision = decideSubmission({
    mode: "correction",
    issue,
    target,
    permalink: request.permalink,
    title: request.title ?? title,
    language: vocabularies.get("languages").terms.get(request.language ?? "")?.labels.en ?? "the entry's original language",
    files: applied.files,
    checklist: readChecklist(root),
  });
  if (decision.kind !== "ready") return say(decision);
  const created = await executeSteps(client, event.repo, decision.steps);
  const pull = created ?? decision.pullNumber;
  if (pull === null) throw new Error("no pull request number after the steps");
  return say({ kind: "ready", mode: "correction", permalink: request.permalink, pull, warnings, bidi }, pull);
}

/** The folder of the entry a permalink names on the default branch, or undefined when there is none. */
function entryDirOf(root: string, permalink: string): string | undefined {
  const [owner, slug] = permalink.split("/");
  for (const dir of [`countries/${owner}/activities/${slug}`, `organizations/${owner}/activities/${slug}`]) {
    if (existsSync(join(root, dir, "activity.json"))) return dir;
  }
  return undefined;
}

/** activity.json and every <lang>.md of an entry folder. */
function readCurrentEntry(root: string, dir: string): CurrentEntry {
  const narratives: Record<string, string> = {};
  for (const name of readdirSync(join(root, dir))) {
    const lang = /^([a-z]{2,3}(?:-[A-Za-z0-9]+)?)\.md$/.exec(name)?.[1];
    if (lang) narratives[lang] = readFileSync(join(root, dir, name), "utf8");
  }
  return { dir, activity: readFileSync(join(root, dir, "activity.json"), "utf8"), narratives };
}

/** A finding of the privacy rule: an e-mail address or a phone number where a person's could be. */
function isPersonalData(diagnostic: Diagnostic): boolean {
  return diagnostic.ruleId === "privacy";
}

/** The privacy finding in plain words, without repeating the address or number in a public comment. */
function personalProblem(diagnostic: Diagnostic, problem: FormProblem, lang: UnLanguage): FormProblem {
  const what = diagnostic.text?.message.key === "privacy.phone" || /phone/i.test(diagnostic.message) ? "phone" : "email";
  return {
    ...(problem.field ? { field: problem.field } : {}),
    message: formatMessage(lang, "form.problem.personalData", { what }),
    hint: formatMessage(lang, "form.problem.personalDataHint"),
  };
}

/** Which property of an entry a correction form question sets. */
const CORRECTED_PROPERTIES: Readonly<Record<string, string>> = {
  status: CORRECTION_FIELDS.status,
  start: CORRECTION_FIELDS.start,
  end: CORRECTION_FIELDS.end,
  links: CORRECTION_FIELDS.addLinks,
  title: CORRECTION_FIELDS.title,
  summary: CORRECTION_FIELDS.summary,
  officialTitles: CORRECTION_FIELDS.officialTitles,
};

/** The correction form's label for a property it sets, else the new-activity form's for the others, in `lang`. */
function correctionLabelOf(catalog: SchemaCatalog, lang: UnLanguage): LabelOf {
  const labels = correctionFormLabels(lang);
  const activityLabels = labelsOfFields(activityFormFields(catalog, lang));
  return (property, part) => {
    const id = CORRECTED_PROPERTIES[property];
    return (id ? labels[id] : undefined) ?? activityLabels(property, part);
  };
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
